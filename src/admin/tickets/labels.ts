/**
 * The words the Tickets screen shows for the codes the server sends (statuses, outcomes,
 * callback windows, history events), and a fresh idempotency key.
 */
import { __, sprintf } from '@wordpress/i18n';

import type {
	ReplyEmail,
	TicketEvent,
	TicketOutcome,
	TicketStatus,
} from '../../shared/types/tickets';
import { formatTime } from '../inbox/labels';

export function statusLabel( status: TicketStatus ): string {
	const labels: Record< TicketStatus, string > = {
		ticket: __( 'Open', 'handoff-bot' ),
		pending: __( 'Pending', 'handoff-bot' ),
		closed: __( 'Closed', 'handoff-bot' ),
	};
	return labels[ status ] ?? status;
}

export function outcomeLabel( outcome: string ): string {
	const labels: Record< TicketOutcome, string > = {
		resolved: __( 'Resolved', 'handoff-bot' ),
		not_resolved: __( 'Not resolved', 'handoff-bot' ),
		duplicate: __( 'Duplicate', 'handoff-bot' ),
		spam: __( 'Spam', 'handoff-bot' ),
		called_back: __( 'Called back', 'handoff-bot' ),
	};
	return labels[ outcome as TicketOutcome ] ?? outcome;
}

/**
 * A callback window, in the visitor's time zone.
 * @param window The window's name.
 */
export function windowLabel( window: string ): string {
	const labels: Record< string, string > = {
		morning: __( 'Morning (09:00–12:00)', 'handoff-bot' ),
		afternoon: __( 'Afternoon (12:00–17:00)', 'handoff-bot' ),
		evening: __( 'Evening (17:00–20:00)', 'handoff-bot' ),
		anytime: __( 'Any time (09:00–20:00)', 'handoff-bot' ),
	};
	return labels[ window ] ?? ( window || '—' );
}

/**
 * Where a reply's email stands, in words.
 * @param email The reply's email.
 */
export function emailLabel( email: ReplyEmail ): string {
	switch ( email.status ) {
		case 'sent':
			return sprintf(
				/* translators: 1: email address, 2: date and time. */
				__( 'Emailed to %1$s on %2$s', 'handoff-bot' ),
				email.to,
				formatTime( email.sent_at )
			);
		case 'retrying':
			return sprintf(
				/* translators: 1: email address, 2: number of attempts so far. */
				__(
					'Not sent to %1$s yet: %2$d attempt failed, trying again.',
					'handoff-bot'
				),
				email.to,
				email.attempts
			);
		case 'failed':
			return sprintf(
				/* translators: 1: email address, 2: the mail error. */
				__( 'The email to %1$s failed: %2$s', 'handoff-bot' ),
				email.to,
				email.error
			);
		default:
			return sprintf(
				/* translators: %s: email address. */
				__( 'Sending to %s…', 'handoff-bot' ),
				email.to
			);
	}
}

/**
 * What an event of the ticket's history says.
 * @param event The event.
 */
export function eventLabel( event: TicketEvent ): string {
	const who = event.agent?.name ?? '';
	const data = event.data;
	switch ( event.type ) {
		case 'handoff_requested':
			return __( 'The visitor asked for a person', 'handoff-bot' );
		case 'ticket_created':
			return __( 'The visitor left a ticket', 'handoff-bot' );
		case 'callback_requested':
			return __( 'The visitor asked for a callback', 'handoff-bot' );
		case 'ticket_confirmation_sent':
			return __( 'Confirmation emailed to the visitor', 'handoff-bot' );
		case 'ticket_noted':
			/* translators: %s: agent name. */
			return sprintf( __( '%s added a note', 'handoff-bot' ), who );
		case 'ticket_replied':
			/* translators: %s: agent name. */
			return sprintf( __( '%s replied', 'handoff-bot' ), who );
		case 'ticket_reply_sent':
			return __( 'Reply emailed', 'handoff-bot' );
		case 'ticket_reply_failed':
			return __( 'Reply email failed', 'handoff-bot' );
		case 'ticket_status':
			return sprintf(
				/* translators: 1: agent name, 2: new status. */
				__( '%1$s set the status to %2$s', 'handoff-bot' ),
				who,
				statusLabel( String( data.to ) as TicketStatus )
			);
		case 'ticket_assigned':
			return sprintf(
				/* translators: %s: agent name. */
				__( '%s changed the assignment', 'handoff-bot' ),
				who
			);
		case 'resolved':
			return sprintf(
				/* translators: 1: agent name, 2: outcome. */
				__( '%1$s closed it: %2$s', 'handoff-bot' ),
				who,
				outcomeLabel( String( data.outcome ?? '' ) )
			);
		default:
			return event.type.replace( /_/g, ' ' );
	}
}

/** A fresh idempotency key (letters, digits and dashes, as the server keeps them). */
export function newKey(): string {
	return `${ Date.now().toString( 36 ) }-${ Math.random()
		.toString( 36 )
		.slice( 2, 12 ) }`;
}
