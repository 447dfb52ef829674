/**
 * The two buttons under a bot's offer to connect the visitor to a person. Answered once.
 */
import type { ChatMessage } from '../../types';
import { button, h, once } from '../dom';
import type { ViewContext } from './context';

/**
 * @param ctx       The view's context.
 * @param messageId The bot message that made the offer.
 * @param answered  Shows the bot's reply to the choice (null when declined).
 */
export function offer(
	ctx: ViewContext,
	messageId: number,
	answered: ( reply: ChatMessage | null ) => void
): HTMLElement {
	const { s } = ctx;
	const group = h( 'div', 'offer' );
	group.setAttribute( 'role', 'group' );
	group.setAttribute( 'aria-label', s.offerLabel );
	const accept = button( 'offer-accept', s.offerAccept );
	const decline = button( 'offer-decline', s.offerDecline );
	const error = h( 'p', 'offer-error', s.offerError );
	error.setAttribute( 'role', 'alert' );
	error.hidden = true;
	let reply: ChatMessage | null | undefined;
	const choose = once(
		group,
		[ accept, decline ],
		error,
		async ( pressed ) => {
			reply = await ctx.client()?.choose( messageId, pressed === accept );
			return reply !== undefined;
		},
		( hadFocus ) => {
			group.remove();
			answered( reply ?? null );
			if ( hadFocus ) {
				ctx.input?.focus();
			}
		}
	);
	accept.addEventListener( 'click', () => void choose( accept ) );
	decline.addEventListener( 'click', () => void choose( decline ) );
	group.append( accept, decline, error );
	return group;
}
