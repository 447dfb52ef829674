/**
 * The bar above the transcript while a person is being found: the place in the queue and the
 * expected wait, kept current from each read, "Leave the queue" and "Leave your details" (the ticket
 * form, rather than wait) buttons; once an agent holds
 * the chat, who it is. Its line is a `role="status"` region, so changes are announced.
 */
import type { VisitorHandoff } from '../../types';
import { button, h, fill } from '../dom';
import { waitInWords } from '../wait';
import type { ViewContext } from './context';
import type { Transcript } from './transcript';

/**
 * @param ctx        The view's context.
 * @param transcript The transcript (the bar goes before it; the notice of leaving goes in it).
 * @param details    Opens the ticket form (to leave details rather than wait).
 */
export function createQueueStatus(
	ctx: ViewContext,
	transcript: Transcript,
	details: () => void
) {
	const { s, config } = ctx;
	/** Made the first time there is something to say. */
	let bar: ReturnType< typeof build > | null = null;

	/** The chat's own notice of leaving, until the server's says the same. */
	let leftNotice: HTMLElement | null = null;

	function build() {
		const node = h( 'div', 'queue' );
		const line = h( 'p', 'queue-text' );
		line.setAttribute( 'role', 'status' );
		const leave = button( 'leave', s.leaveQueue );
		const instead = button( 'leave-details', s.leaveDetails );
		const error = h( 'p', 'leave-error', s.leaveError );
		error.setAttribute( 'role', 'alert' );
		error.hidden = true;
		node.append( line, leave, instead, error );
		transcript.log.before( node );
		leave.addEventListener( 'click', () => void leaveQueue( node ) );
		instead.addEventListener( 'click', details );
		return { node, line, leave, instead, error };
	}

	/**
	 * What the bar says, and whether the visitor is waiting in the live queue.
	 * @param handoff The open handoff, or null.
	 */
	function describe( handoff: VisitorHandoff | null ): {
		text: string;
		waiting: boolean;
	} {
		if ( ! handoff ) {
			return { text: '', waiting: false };
		}
		if ( handoff.status === 'accepted' ) {
			const name = String( handoff.agent?.name ?? '' );
			return {
				text: name ? fill( s.agentChatting, name ) : '',
				waiting: false,
			};
		}
		// A ticket or a private request brings no one into this chat: nothing to wait for here.
		if ( handoff.route !== 'live' && handoff.route !== '' ) {
			return { text: '', waiting: false };
		}
		const place = handoff.place;
		const minutes = handoff.expected_wait_minutes;
		let text = s.queueConnecting;
		if ( typeof place === 'number' && place > 0 ) {
			text =
				typeof minutes === 'number' && minutes >= 0
					? fill(
							s.queuePlace,
							String( place ),
							waitInWords(
								Math.max( 1, minutes ) * 60000,
								config.locale
							)
						)
					: fill( s.queuePlaceUnknown, String( place ) );
		}
		return { text, waiting: true };
	}

	function update( handoff: VisitorHandoff | null ): void {
		const { text, waiting } = describe( handoff );
		if ( ! text && ! bar ) {
			return;
		}
		bar ||= build();
		const { node, line, leave, instead, error } = bar;
		if ( line.textContent !== text ) {
			line.textContent = text;
		}
		node.hidden = ! text;
		leave.hidden = ! waiting;
		instead.hidden = ! waiting;
		if ( ! waiting ) {
			error.hidden = true;
		}
	}

	async function leaveQueue( node: HTMLElement ): Promise< void > {
		const client = ctx.client();
		if ( ! client || ! bar ) {
			return;
		}
		const { leave, error } = bar;
		const hadFocus = node.contains( ctx.root.ownerDocument.activeElement );
		leave.disabled = true;
		error.hidden = true;
		const result = await client.leave();
		leave.disabled = false;
		if ( result === 'failed' ) {
			error.hidden = false;
			if ( hadFocus ) {
				leave.focus();
			}
			return;
		}
		if ( result === 'ok' ) {
			update( null );
			leftNotice = transcript.notice( s.leftQueue );
		}
		if ( hadFocus ) {
			ctx.input?.focus();
		}
	}

	return {
		update,
		/** The server's own notice of leaving arrived: it replaces the chat's. */
		serverLeft(): void {
			leftNotice?.remove();
			leftNotice = null;
		},
	};
}
