/**
 * The rating asked for when an agent closes the chat: five labelled buttons (1 poor to 5 great)
 * right after the notice, then thanks. Asked once per conversation in this tab.
 */
import { button, h, once, thank } from '../dom';
import type { ViewContext } from './context';

/**
 * @param ctx The view's context.
 */
export function createRating( ctx: ViewContext ) {
	const { s, uid } = ctx;
	let shown: HTMLElement | null = null;
	let count = 0;

	return {
		/**
		 * Asks for a rating after a notice (the latest request replaces an earlier one).
		 * @param after The notice that asks for it.
		 */
		ask( after: HTMLElement ): void {
			if ( ctx.client()?.rated() ) {
				return;
			}
			shown?.remove();
			const group = h( 'div', 'rate' );
			group.setAttribute( 'role', 'group' );
			const legend = h( 'p', 'rate-legend', s.ratingLegend );
			legend.id = `${ uid }rate-${ ++count }`;
			group.setAttribute( 'aria-labelledby', legend.id );
			const choices = h( 'div', 'rate-choices' );
			const buttons: HTMLButtonElement[] = [];
			for ( let n = 1; n <= 5; n++ ) {
				buttons.push( button( 'rate-choice', String( n ) ) );
			}
			const error = h( 'p', 'rate-error', s.ratingError );
			error.setAttribute( 'role', 'alert' );
			error.hidden = true;
			const pick = once(
				group,
				buttons,
				error,
				async ( pressed ) =>
					( await ctx
						.client()
						?.rate( buttons.indexOf( pressed ) + 1 ) ) ?? false,
				( hadFocus ) => {
					shown = null;
					thank( group, s.ratingThanks, hadFocus );
				}
			);
			for ( const b of buttons ) {
				b.addEventListener( 'click', () => void pick( b ) );
			}
			choices.append( ...buttons );
			group.append( legend, choices, error );
			after.after( group );
			shown = group;
		},
	};
}
