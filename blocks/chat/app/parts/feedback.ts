/**
 * "Was this answer helpful?" under a bot answer: two buttons, then thanks.
 */
import { button, h, once, thank } from '../dom';
import type { ViewContext } from './context';

/**
 * @param ctx       The view's context.
 * @param messageId The bot answer.
 */
export function feedback( ctx: ViewContext, messageId: number ): HTMLElement {
	const { s } = ctx;
	const group = h( 'div', 'feedback' );
	group.setAttribute( 'role', 'group' );
	group.setAttribute( 'aria-label', s.feedbackQuestion );
	const yes = button( 'helpful', s.helpful );
	const no = button( 'not-helpful', s.notHelpful );
	const error = h( 'p', 'feedback-error', s.feedbackError );
	error.hidden = true;
	const rate = once(
		group,
		[ yes, no ],
		error,
		async ( pressed ) =>
			( await ctx.client()?.feedback( messageId, pressed === yes ) ) ??
			false,
		( hadFocus ) => thank( group, s.feedbackThanks, hadFocus )
	);
	yes.addEventListener( 'click', () => void rate( yes ) );
	no.addEventListener( 'click', () => void rate( no ) );
	group.append( yes, no, error );
	return group;
}
