/**
 * The outbox: visitor messages waiting to reach the server. Pure: the send attempt, the clock, the
 * storage and the randomness are injected.
 *
 * - Messages go out one at a time in the order they were typed (FIFO): a message waiting for a
 *   retry holds back the ones after it, so the bot never answers them out of order.
 * - Each message gets one idempotency key when it is queued and keeps it for every attempt, across
 *   reloads, so the server stores and answers it once however often it is resent.
 * - Retryable failures wait with exponential backoff and jitter (1 s doubling to 30 s, each wait a
 *   random point in its upper half), or as long as Retry-After says; `retryNow()` (the browser
 *   came back online) skips the wait unless the server asked for it.
 * - Final failures mark the message failed and let the next one go.
 * - Unsent messages are kept in storage, so a reload or a new page in the tab resends them.
 */
import { readJson, writeJson, type KeyValueStore } from './storage';

export type Clock = {
	now: () => number;
	setTimeout: ( callback: () => void, ms: number ) => unknown;
	clearTimeout: ( handle: unknown ) => void;
};

export type OutboxState = 'queued' | 'sending' | 'retrying' | 'failed';

export type OutboxEntry = {
	/** The idempotency key: made once, sent with every attempt. */
	key: string;
	text: string;
	/** Sent with the "talk to a person" button. */
	human?: boolean;
	page_url: string;
	page_title: string;
	state: OutboxState;
	/** Failed attempts so far. */
	tries: number;
	/** The server's message, for a failed entry. */
	error?: string;
	/**
	 * An attempt started, so the server may have stored it even if no reply arrived (a lost
	 * response, or a reload mid-request). A restored transcript may then already show it.
	 */
	maybeStored?: boolean;
	/** `options.mark()` when the first attempt started: what the server had seen before. */
	mark?: number;
	/** While it waits: when it is tried again (clock time), when the server said. */
	retryAt?: number;
	/** While it waits: the rate limit that holds it back (on the address, or on the conversation). */
	rateLimited?: RateLimit;
};

/** Which rate limit holds a message back. */
export type RateLimit = 'address' | 'conversation';

export type AttemptResult< R > =
	| { kind: 'sent'; value: R }
	| { kind: 'retry'; retryAfter?: number | null; rateLimited?: RateLimit }
	| { kind: 'final'; message: string };

export type OutboxOptions< R > = {
	storage: KeyValueStore;
	storageKey: string;
	clock: Clock;
	/** Uniform in [0, 1): jitter and keys. */
	random: () => number;
	attempt: ( entry: OutboxEntry ) => Promise< AttemptResult< R > >;
	/** Called with every entry still shown as unsent whenever one changes. */
	onChange?: ( entries: readonly OutboxEntry[] ) => void;
	onSent?: ( entry: OutboxEntry, value: R ) => void;
	/** A position to remember when a message is first tried (the client: the newest message id). */
	mark?: () => number;
	baseDelay?: number;
	maxDelay?: number;
};

const KEY_ALPHABET =
	'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * A random idempotency key: 22 characters of [A-Za-z0-9_-] (132 bits).
 * @param random Uniform in [0, 1).
 */
export function makeKey( random: () => number ): string {
	let key = '';
	for ( let i = 0; i < 22; i++ ) {
		key += KEY_ALPHABET[ Math.floor( random() * 64 ) % 64 ];
	}
	return key;
}

/**
 * The wait before retry number `tries` (1 for the first retry): a random point in the upper half of
 * min( maxDelay, baseDelay × 2^(tries−1) ).
 * @param tries     Failed attempts so far (≥ 1).
 * @param random    Uniform in [0, 1).
 * @param baseDelay First ceiling, in ms.
 * @param maxDelay  Largest ceiling, in ms.
 */
export function backoff(
	tries: number,
	random: () => number,
	baseDelay = 1000,
	maxDelay = 30000
): number {
	const ceiling = Math.min(
		maxDelay,
		baseDelay * 2 ** Math.min( 30, Math.max( 0, tries - 1 ) )
	);
	return Math.round( ceiling / 2 + ( random() * ceiling ) / 2 );
}

type PageFields = Pick< OutboxEntry, 'page_url' | 'page_title' >;

type Stored = Pick<
	OutboxEntry,
	| 'key'
	| 'text'
	| 'page_url'
	| 'page_title'
	| 'tries'
	| 'maybeStored'
	| 'mark'
>;

function isStored( value: unknown ): value is Stored {
	const v = value as Stored;
	return (
		!! v &&
		typeof v.key === 'string' &&
		/^[A-Za-z0-9_-]{8,64}$/.test( v.key ) &&
		typeof v.text === 'string' &&
		typeof v.page_url === 'string' &&
		typeof v.page_title === 'string'
	);
}

/**
 * Creates the outbox and loads what a previous page left in storage. Nothing is sent until
 * `start()`.
 * @param options The dependencies.
 */
export function createOutbox< R >( options: OutboxOptions< R > ) {
	const {
		storage,
		storageKey,
		clock,
		random,
		attempt,
		baseDelay = 1000,
		maxDelay = 30000,
	} = options;

	const stored = readJson( storage, storageKey );
	let entries: OutboxEntry[] = ( Array.isArray( stored ) ? stored : [] )
		.filter( isStored )
		.map( ( e ) => ( {
			key: e.key,
			text: e.text,
			page_url: e.page_url,
			page_title: e.page_title,
			tries: typeof e.tries === 'number' ? e.tries : 0,
			state: 'queued' as const,
			...( e.maybeStored
				? {
						maybeStored: true,
						mark: typeof e.mark === 'number' ? e.mark : 0,
					}
				: {} ),
		} ) );

	/** When each waiting entry may be tried again, and whether the server set that time. */
	const due = new Map< string, { at: number; serverSaid: boolean } >();
	let started = false;
	let pumping = false;
	let timer: unknown = null;

	function persist(): void {
		const unsent = entries
			.filter( ( e ) => e.state !== 'failed' )
			.map( ( e ): Stored => ( {
				key: e.key,
				text: e.text,
				page_url: e.page_url,
				page_title: e.page_title,
				tries: e.tries,
				...( e.maybeStored
					? { maybeStored: true, mark: e.mark ?? 0 }
					: {} ),
			} ) );
		writeJson( storage, storageKey, unsent.length ? unsent : null );
	}

	function changed(): void {
		options.onChange?.( entries.map( ( e ) => ( { ...e } ) ) );
	}

	function schedule( ms: number ): void {
		if ( timer !== null ) {
			clock.clearTimeout( timer );
		}
		timer = clock.setTimeout( () => {
			timer = null;
			void pump();
		}, ms );
	}

	async function pump(): Promise< void > {
		if ( ! started || pumping ) {
			return;
		}
		pumping = true;
		try {
			for (;;) {
				const head = entries.find( ( e ) => e.state !== 'failed' );
				if ( ! head ) {
					break;
				}
				const wait = due.get( head.key );
				if ( wait && wait.at > clock.now() ) {
					schedule( wait.at - clock.now() );
					break;
				}
				head.state = 'sending';
				delete head.retryAt;
				delete head.rateLimited;
				if ( ! head.maybeStored ) {
					head.maybeStored = true;
					head.mark = options.mark?.() ?? 0;
					persist();
				}
				changed();
				let result: AttemptResult< R >;
				try {
					result = await attempt( head );
				} catch {
					result = { kind: 'retry' };
				}
				if ( result.kind === 'sent' ) {
					entries = entries.filter( ( e ) => e !== head );
					due.delete( head.key );
					persist();
					changed();
					options.onSent?.( head, result.value );
				} else if ( result.kind === 'retry' ) {
					head.tries++;
					head.state = 'retrying';
					const serverSaid =
						typeof result.retryAfter === 'number' &&
						result.retryAfter >= 0;
					const delay = serverSaid
						? Math.max( result.retryAfter as number, baseDelay )
						: backoff( head.tries, random, baseDelay, maxDelay );
					due.set( head.key, {
						at: clock.now() + delay,
						serverSaid,
					} );
					if ( serverSaid ) {
						head.retryAt = clock.now() + delay;
					}
					if ( result.rateLimited ) {
						head.rateLimited = result.rateLimited;
					}
					persist();
					changed();
					schedule( delay );
					break;
				} else {
					head.state = 'failed';
					head.error = result.message;
					due.delete( head.key );
					persist();
					changed();
				}
			}
		} finally {
			pumping = false;
		}
	}

	return {
		/**
		 * Queues a message and sends it as soon as the messages before it are out.
		 * @param text  The message.
		 * @param page  The page it was typed on (`page_url`, `page_title`).
		 * @param human Whether it asks for a person with the chat's button.
		 */
		add( text: string, page: PageFields, human = false ): OutboxEntry {
			const entry: OutboxEntry = {
				key: makeKey( random ),
				text,
				...( human ? { human: true } : {} ),
				...page,
				state: 'queued',
				tries: 0,
			};
			entries.push( entry );
			persist();
			changed();
			void pump();
			return { ...entry };
		},
		/** Starts sending (the owner has shown what was loaded from storage). */
		start(): void {
			started = true;
			void pump();
		},
		/** Retries now what waits after a network or server failure (not what Retry-After holds). */
		retryNow(): void {
			for ( const [ key, wait ] of due ) {
				if ( ! wait.serverSaid ) {
					due.delete( key );
				}
			}
			void pump();
		},
		/** The entries not sent yet, failed ones included, oldest first. */
		entries(): OutboxEntry[] {
			return entries.map( ( e ) => ( { ...e } ) );
		},
		/** Stops the timer (tests, unmount). */
		stop(): void {
			started = false;
			if ( timer !== null ) {
				clock.clearTimeout( timer );
				timer = null;
			}
		},
	};
}

export type Outbox = ReturnType< typeof createOutbox >;
