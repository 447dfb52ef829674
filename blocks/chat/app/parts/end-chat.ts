/**
 * "End chat": a button while a conversation is open, opening a small form with an optional 1–5
 * rating; ending says so in the transcript.
 */
import { button, h } from '../dom';
import type { ViewContext } from './context';

/**
 * @param ctx     The view's context.
 * @param actions The row of buttons under the form.
 * @param ended   Called once the conversation has ended.
 */
export function createEndChat(
	ctx: ViewContext,
	actions: HTMLElement,
	ended: () => void
) {
	const { s, uid } = ctx;
	const endButton = button( 'end', s.endChat );
	endButton.hidden = true;
	actions.appendChild( endButton );
	let endForm: HTMLFormElement | null = null;

	function close( focusEnd: boolean ): void {
		endForm?.remove();
		endForm = null;
		endButton.hidden = ! ctx.client()?.conversation();
		if ( focusEnd && ! endButton.hidden ) {
			endButton.focus();
		}
	}

	function open(): void {
		if ( endForm ) {
			return;
		}
		const form = h( 'form', 'end-form' );
		endForm = form;
		const fieldset = h( 'fieldset', 'rating' );
		fieldset.append( h( 'legend', 'rating-legend', s.endLegend ) );
		const choices = h( 'div', 'rating-choices' );
		for ( let n = 1; n <= 5; n++ ) {
			const label = h( 'label', 'rating-choice' );
			const radio = document.createElement( 'input' );
			radio.type = 'radio';
			radio.name = `${ uid }rating`;
			radio.value = String( n );
			label.append( radio, h( 'span', '', String( n ) ) );
			choices.append( label );
		}
		fieldset.append( choices );
		const confirm = h( 'button', 'end-confirm', s.endConfirm );
		confirm.type = 'submit';
		const cancel = button( 'end-cancel', s.cancel );
		const buttons = h( 'div', 'end-buttons' );
		buttons.append( confirm, cancel );
		const error = h( 'p', 'end-error', s.endError );
		error.setAttribute( 'role', 'alert' );
		error.hidden = true;
		form.append( fieldset, buttons, error );
		cancel.addEventListener( 'click', () => close( true ) );
		form.addEventListener( 'submit', async ( event ) => {
			event.preventDefault();
			const picked = form.querySelector< HTMLInputElement >(
				'input[type="radio"]:checked'
			);
			confirm.disabled = cancel.disabled = true;
			error.hidden = true;
			const client = ctx.client();
			const ok = client
				? await client.end( picked ? Number( picked.value ) : null )
				: false;
			confirm.disabled = cancel.disabled = false;
			if ( ! ok ) {
				error.hidden = false;
				return;
			}
			close( false );
			ended();
		} );
		endButton.hidden = true;
		actions.after( form );
		form.querySelector< HTMLInputElement >( 'input' )?.focus();
	}

	endButton.addEventListener( 'click', open );

	return {
		/**
		 * Offers End chat only while a conversation is open.
		 * @param isOpen Whether one is.
		 */
		session( isOpen: boolean ): void {
			if ( ! endForm ) {
				endButton.hidden = ! isOpen;
			}
		},
	};
}
