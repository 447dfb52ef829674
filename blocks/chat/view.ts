/**
 * The chat block's launcher: a script module with no React and no classic wp-* scripts, small
 * enough to load on every page with the block. It opens and closes the floating panel (a dialog)
 * and loads the full client (./app) with a dynamic import only when the visitor is about to chat:
 * hovering or focusing the launcher or the chat, opening it, or submitting. A conversation already
 * open in this tab (sessionStorage) loads it right away, to restore the transcript.
 */
import { CONVERSATION_KEY, OUTBOX_KEY } from './keys';
import type { ChatController } from './app';

const FOCUSABLE =
	'a[href],button:not([disabled]),input:not([disabled]),textarea:not([disabled]),select:not([disabled]),[tabindex]:not([tabindex="-1"])';

function hasOpenConversation(): boolean {
	try {
		return !! (
			sessionStorage.getItem( CONVERSATION_KEY ) ||
			sessionStorage.getItem( OUTBOX_KEY )
		);
	} catch {
		return false;
	}
}

/**
 * Wires one chat block.
 * @param root The block wrapper.
 */
function setup( root: HTMLElement ): void {
	const panel = root.querySelector< HTMLElement >(
		'.handoff-bot-chat__panel'
	);
	if ( ! panel ) {
		return;
	}
	const launcher = root.querySelector< HTMLButtonElement >(
		'.handoff-bot-chat__launcher'
	);
	let controller: ChatController | undefined;
	let loading: Promise< ChatController > | undefined;

	const load = (): Promise< ChatController > =>
		( loading ||= import( /* webpackChunkName: "chat/app" */ './app' ).then(
			( app ) => ( controller = app.mount( root ) ),
			( error: unknown ) => {
				// Offline or a failed deploy: the next interaction tries again.
				loading = undefined;
				throw error;
			}
		) );
	const warm = () => void load().catch( () => {} );

	// Until the client is here, a submit or a "Talk to a person" click waits for it.
	panel.addEventListener( 'submit', ( event ) => {
		event.preventDefault();
		if ( ! controller ) {
			load().then( ( c ) => c.submit(), warm );
		}
	} );
	panel.addEventListener( 'click', ( event ) => {
		if (
			! controller &&
			( event.target as Element ).closest?.( '.handoff-bot-chat__human' )
		) {
			load().then( ( c ) => c.human(), warm );
		}
	} );
	panel.addEventListener( 'focusin', warm );
	panel.addEventListener( 'pointerenter', warm );

	if ( launcher ) {
		const setOpen = ( open: boolean ) => {
			launcher.setAttribute( 'aria-expanded', String( open ) );
			panel.hidden = ! open;
			if ( open ) {
				warm();
				(
					panel.querySelector< HTMLElement >(
						'.handoff-bot-chat__input'
					) ?? panel
				).focus();
			} else {
				launcher.focus();
			}
		};
		launcher.addEventListener( 'click', () => setOpen( panel.hidden ) );
		launcher.addEventListener( 'focus', warm );
		launcher.addEventListener( 'pointerenter', warm );
		root.querySelector( '.handoff-bot-chat__close' )?.addEventListener(
			'click',
			() => setOpen( false )
		);
		panel.addEventListener( 'keydown', ( event ) => {
			if ( event.key === 'Escape' ) {
				event.preventDefault();
				setOpen( false );
			} else if ( event.key === 'Tab' ) {
				// A dialog: Tab and Shift+Tab cycle inside it.
				const items = Array.from(
					panel.querySelectorAll< HTMLElement >( FOCUSABLE )
				).filter( ( el ) => ! el.closest( '[hidden]' ) );
				const first = items[ 0 ];
				const last = items[ items.length - 1 ];
				const active = root.ownerDocument.activeElement;
				if ( ! first || ! last ) {
					event.preventDefault();
				} else if (
					event.shiftKey
						? active === first || active === panel
						: active === last
				) {
					event.preventDefault();
					( event.shiftKey ? last : first ).focus();
				}
			}
		} );
	}

	if ( hasOpenConversation() ) {
		warm();
	}
}

document
	.querySelectorAll< HTMLElement >( '.wp-block-handoff-bot-chat' )
	.forEach( setup );
