/**
 * The message form render.php printed (input and Send) and the "Talk to a person" button: checks
 * the length as the server counts it, and hands messages to the client.
 */
import { h, PREFIX } from '../dom';
import type { ViewContext } from './context';

/**
 * Length in characters as the server counts them (code points, not UTF-16 units).
 * @param text The text.
 */
function charCount( text: string ): number {
	return Array.from( text ).length;
}

/**
 * @param ctx     The view's context.
 * @param sent    Called after a message was handed to the client.
 * @param consent Whether a message may go (the privacy notice's agreement, where asked for).
 */
export function createComposer(
	ctx: ViewContext,
	sent: () => void,
	consent: () => boolean = () => true
) {
	const { root, s, config, input, uid } = ctx;
	const form = root.querySelector< HTMLFormElement >( `.${ PREFIX }form` );
	let formError: HTMLElement | null = null;

	function send( text: string, asksForAPerson = false ): boolean {
		const client = ctx.client();
		if ( ! client || ! consent() ) {
			return false;
		}
		client.send( text, asksForAPerson );
		sent();
		return true;
	}

	/** Sends what the visitor typed. */
	function submit(): void {
		if ( ! input ) {
			return;
		}
		const text = input.value.trim();
		if ( ! text ) {
			input.focus();
			return;
		}
		if ( charCount( text ) > config.maxLength ) {
			if ( ! formError ) {
				formError = h( 'p', 'error' );
				formError.id = `${ uid }error`;
				formError.setAttribute( 'role', 'alert' );
				( form ?? input ).after( formError );
				input.setAttribute( 'aria-describedby', formError.id );
			}
			formError.textContent = s.tooLong;
			input.setAttribute( 'aria-invalid', 'true' );
			return;
		}
		if ( formError ) {
			formError.remove();
			formError = null;
			input.removeAttribute( 'aria-describedby' );
			input.removeAttribute( 'aria-invalid' );
		}
		if ( send( text ) ) {
			input.value = '';
		}
	}

	/** Asks for a person: the button's words, sent as a visitor message that says it was the button. */
	function human(): void {
		void send( s.humanRequest, true );
	}

	form?.addEventListener( 'submit', ( event ) => {
		event.preventDefault();
		submit();
	} );
	root.querySelector( `.${ PREFIX }human` )?.addEventListener(
		'click',
		human
	);
	// Typing counts as activity: the chat keeps (or starts again) looking for an agent's replies.
	input?.addEventListener( 'input', () => ctx.client()?.active() );
	if ( input && config.maxLength > 0 ) {
		input.maxLength = config.maxLength;
	}

	return { submit, human };
}
