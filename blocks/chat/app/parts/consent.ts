/**
 * The privacy notice render.php printed above the message box, when the site shows one: where the
 * site asks for agreement, the first message waits until "I agree" is ticked (the chat says so and
 * moves to the box). Once a conversation exists the notice has done its work and goes.
 */
import { h, PREFIX } from '../dom';
import type { ViewContext } from './context';

/**
 * @param ctx The view's context.
 */
export function createConsent( ctx: ViewContext ) {
	const { root, s, uid } = ctx;
	const block = root.querySelector< HTMLElement >( `.${ PREFIX }consent` );
	const check = root.querySelector< HTMLInputElement >(
		`.${ PREFIX }consent-check`
	);
	let error: HTMLElement | null = null;

	check?.addEventListener( 'change', () => {
		if ( check.checked && error ) {
			error.remove();
			error = null;
			check.removeAttribute( 'aria-invalid' );
		}
	} );

	return {
		/** Whether a message may go: no agreement asked for, given, or a conversation under way. */
		ok(): boolean {
			if ( ! check || check.checked || ctx.client()?.conversation() ) {
				return true;
			}
			if ( ! error ) {
				error = h( 'p', 'consent-error', s.consentNeeded );
				error.id = `${ uid }consent-error`;
				error.setAttribute( 'role', 'alert' );
				check.closest( `.${ PREFIX }consent` )?.append( error );
				check.setAttribute( 'aria-describedby', error.id );
			}
			check.setAttribute( 'aria-invalid', 'true' );
			check.focus();
			return false;
		},
		/** Whether the visitor ticked "I agree". */
		agreed(): boolean {
			return !! check?.checked;
		},
		/**
		 * A conversation is open (or not): the notice shows only before the first message.
		 * @param open Whether one is open.
		 */
		session( open: boolean ): void {
			if ( block ) {
				block.hidden = open;
			}
		},
	};
}
