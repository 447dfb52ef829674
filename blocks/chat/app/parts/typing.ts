/**
 * The typing indicator at the end of the transcript: the assistant "types" while a message is being
 * sent (unless a person holds the chat, when the bot stays quiet), and an agent types when the
 * server says so.
 */
import type { ChatStrings, VisitorHandoff } from '../../types';
import { h, fill } from '../dom';

export function createTyping( s: ChatStrings ) {
	const node = h( 'p', 'typing' );
	node.hidden = true;
	const dots = h( 'span', 'dots' );
	dots.setAttribute( 'aria-hidden', 'true' );
	dots.append( h( 'span', '' ), h( 'span', '' ), h( 'span', '' ) );
	const label = h( 'span', 'sr', s.typing );
	node.append( dots, label );

	let sending = false;
	let held = false;
	let agent: string | null = null;

	function render(): void {
		node.hidden = ! ( agent !== null || ( sending && ! held ) );
		node.classList.toggle( 'is-agent', agent !== null );
		const text = agent !== null ? fill( s.agentTyping, agent ) : s.typing;
		if ( label.textContent !== text ) {
			label.textContent = text;
		}
	}

	return {
		node,
		/**
		 * Whether a visitor message is on its way.
		 * @param on Sending or not.
		 */
		sending( on: boolean ): void {
			sending = on;
			render();
		},
		/**
		 * Follows the handoff: who holds the chat, and whether they type.
		 * @param handoff The open handoff, or null.
		 */
		handoff( handoff: VisitorHandoff | null ): void {
			held = handoff?.status === 'accepted';
			agent =
				held && handoff?.agent_typing
					? String( handoff.agent?.name ?? '' )
					: null;
			render();
		},
	};
}
