/**
 * The full chat client, loaded by the launcher (../view.ts) with a dynamic import when the visitor
 * is about to use the chat. Plain DOM, no framework: the panel is a few small parts (./parts).
 */
import type { ChatConfig } from '../types';
import type { FetchLike } from './api';
import { createChatClient } from './client';
import type { Clock } from './outbox';
import type { Visibility } from './poller';
import { sessionStore, type KeyValueStore } from './storage';
import { createView } from './view';
import './chat.scss';

/** What the launcher can ask of a mounted chat. */
export type ChatController = {
	/** Sends what is in the input (a submit that happened before the client loaded). */
	submit: () => void;
	/** The "Talk to a person" button was pressed before the client loaded. */
	human: () => void;
	/** Stops retry timers (tests, unmount). */
	stop: () => void;
};

export type MountDeps = {
	fetch: FetchLike;
	storage: KeyValueStore;
	clock: Clock;
	random: () => number;
	page: () => { url: string; title: string };
	onlineTarget: Pick< Window, 'addEventListener' >;
	/** The page's visibility (polling slows down in a hidden tab). */
	visibility: Visibility;
};

const mounted = new WeakMap< HTMLElement, ChatController >();

/**
 * Reads the config render.php printed; null when it is missing or broken.
 * @param root The block wrapper.
 */
export function readConfig( root: HTMLElement ): ChatConfig | null {
	const script = root.querySelector( '.handoff-bot-chat__config' );
	try {
		const config = JSON.parse( script?.textContent || 'null' ) as
			| ( Partial< ChatConfig > & {
					strings?: Partial< ChatConfig[ 'strings' ] >;
			  } )
			| null;
		if ( ! config || typeof config.restUrl !== 'string' ) {
			return null;
		}
		return {
			restUrl: config.restUrl,
			...( typeof config.nonce === 'string' && config.nonce
				? { nonce: config.nonce }
				: {} ),
			maxLength:
				typeof config.maxLength === 'number' && config.maxLength > 0
					? config.maxLength
					: 2000,
			showHumanButton: config.showHumanButton !== false,
			display: config.display === 'floating' ? 'floating' : 'inline',
			contactUrl:
				typeof config.contactUrl === 'string' ? config.contactUrl : '',
			locale: typeof config.locale === 'string' ? config.locale : '',
			strings: { ...( config.strings as ChatConfig[ 'strings' ] ) },
		};
	} catch {
		return null;
	}
}

function secureRandom(): number {
	const c = globalThis.crypto;
	if ( c && typeof c.getRandomValues === 'function' ) {
		return c.getRandomValues( new Uint32Array( 1 ) )[ 0 ]! / 2 ** 32;
	}
	return Math.random();
}

/** A request that hangs is abandoned (and retried, under the same key) after this long. */
const REQUEST_TIMEOUT = 30000;

/**
 * fetch with a time limit covering the body too: a hung request must not hold the outbox.
 * @param url  The URL.
 * @param init The request.
 */
const timedFetch: FetchLike = async ( url, init ) => {
	const controller = new AbortController();
	let timer: number | undefined;
	try {
		timer = window.setTimeout( () => controller.abort(), REQUEST_TIMEOUT );
		const response = await window.fetch( url, {
			...init,
			signal: controller.signal,
		} );
		const body = await response.text();
		return {
			status: response.status,
			headers: response.headers,
			text: async () => body,
		};
	} finally {
		window.clearTimeout( timer );
	}
};

function browserDeps(): MountDeps {
	return {
		fetch: timedFetch,
		storage: sessionStore(),
		clock: {
			now: () => Date.now(),
			setTimeout: ( callback, ms ) => window.setTimeout( callback, ms ),
			clearTimeout: ( handle ) => window.clearTimeout( handle as number ),
		},
		random: secureRandom,
		page: () => ( {
			url: window.location.href,
			title: document.title,
		} ),
		onlineTarget: window,
		visibility: document,
	};
}

/**
 * Mounts the chat client on a block once; later calls return the same controller.
 * @param root The block wrapper (`.wp-block-handoff-bot-chat`).
 * @param deps Replacements for the browser's fetch, storage, clock… (tests).
 */
export function mount(
	root: HTMLElement,
	deps: Partial< MountDeps > = {}
): ChatController {
	const existing = mounted.get( root );
	if ( existing ) {
		return existing;
	}
	const config = readConfig( root );
	if ( ! config ) {
		const inert = { submit() {}, human() {}, stop() {} };
		mounted.set( root, inert );
		return inert;
	}
	const d = { ...browserDeps(), ...deps };
	const view = createView( root, config, d.clock );
	const client = createChatClient( {
		fetch: d.fetch,
		storage: d.storage,
		clock: d.clock,
		random: d.random,
		restUrl: config.restUrl,
		nonce: config.nonce,
		page: d.page,
		listener: view,
		genericError: config.strings.genericError,
		visibility: d.visibility,
		consent: view.consented,
	} );
	view.connect( client );
	d.onlineTarget.addEventListener( 'online', () => client.retryNow() );
	void client.start().then( ( restored ) => {
		if ( restored === 'failed' ) {
			view.notice( config.strings.restoreError );
		}
	} );
	const controller: ChatController = {
		submit: view.submit,
		human: view.human,
		stop: () => client.stop(),
	};
	mounted.set( root, controller );
	root.classList.add( 'is-ready' );
	return controller;
}
