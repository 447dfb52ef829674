/**
 * The words the Connections screen shows for the server's names.
 */
import { __, sprintf } from '@wordpress/i18n';

import type {
	ConnectionEvent,
	ConnectionKind,
	Delivery,
	DeliveryStatus,
} from '../../shared/types/connections';

export const KINDS: ConnectionKind[] = [ 'email', 'webhook', 'slack' ];

export const EVENTS: ConnectionEvent[] = [
	'handoff.requested',
	'handoff.accepted',
	'handoff.resolved',
	'ticket.created',
	'callback.requested',
];

export const STATUSES: DeliveryStatus[] = [ 'pending', 'sent', 'failed' ];

/**
 * The heading of a kind's section.
 * @param kind The kind.
 */
export function kindTitle( kind: ConnectionKind ): string {
	switch ( kind ) {
		case 'email':
			return __( 'Email inboxes', 'handoff-bot' );
		case 'webhook':
			return __( 'Webhooks', 'handoff-bot' );
		default:
			return __( 'Slack', 'handoff-bot' );
	}
}

/**
 * A kind, as a noun.
 * @param kind The kind.
 */
export function kindLabel( kind: string ): string {
	switch ( kind ) {
		case 'email':
			return __( 'Email inbox', 'handoff-bot' );
		case 'webhook':
			return __( 'Webhook', 'handoff-bot' );
		case 'slack':
			return __( 'Slack webhook', 'handoff-bot' );
		default:
			return kind;
	}
}

/**
 * What a kind's section says it is for.
 * @param kind The kind.
 */
export function kindIntro( kind: ConnectionKind ): string {
	switch ( kind ) {
		case 'email':
			return __(
				'A readable brief and the transcript, sent to a help desk or shared inbox (Zendesk, Freshdesk, Help Scout…) through the site’s mail.',
				'handoff-bot'
			);
		case 'webhook':
			return __(
				'Signed JSON posted to your own systems. Each webhook has a signing secret, shown once when it is made or rotated.',
				'handoff-bot'
			);
		default:
			return __(
				'A message in a Slack channel through an incoming webhook, with a link to the conversation. Never the transcript.',
				'handoff-bot'
			);
	}
}

/**
 * The label of the target field for a kind.
 * @param kind The kind.
 */
export function targetLabel( kind: ConnectionKind ): string {
	switch ( kind ) {
		case 'email':
			return __( 'Inbox address', 'handoff-bot' );
		case 'webhook':
			return __( 'Endpoint URL', 'handoff-bot' );
		default:
			return __( 'Slack webhook URL', 'handoff-bot' );
	}
}

/**
 * The title of the form that adds a kind.
 * @param kind The kind.
 */
export function addLabel( kind: ConnectionKind ): string {
	switch ( kind ) {
		case 'email':
			return __( 'Add an email inbox', 'handoff-bot' );
		case 'webhook':
			return __( 'Add a webhook', 'handoff-bot' );
		default:
			return __( 'Add a Slack webhook', 'handoff-bot' );
	}
}

/**
 * An event, in words.
 * @param event The event's name.
 */
export function eventLabel( event: string ): string {
	switch ( event ) {
		case 'handoff.requested':
			return __( 'Handoff requested', 'handoff-bot' );
		case 'handoff.accepted':
			return __( 'Handoff accepted', 'handoff-bot' );
		case 'handoff.resolved':
			return __( 'Handoff resolved', 'handoff-bot' );
		case 'ticket.created':
			return __( 'Ticket created', 'handoff-bot' );
		case 'callback.requested':
			return __( 'Callback requested', 'handoff-bot' );
		case 'connection.test':
			return __( 'Test message', 'handoff-bot' );
		default:
			return event;
	}
}

/**
 * A delivery's status, in words.
 * @param status The status.
 */
export function statusLabel( status: string ): string {
	switch ( status ) {
		case 'pending':
			return __( 'Pending', 'handoff-bot' );
		case 'sent':
			return __( 'Sent', 'handoff-bot' );
		case 'failed':
			return __( 'Failed', 'handoff-bot' );
		default:
			return status;
	}
}

/**
 * A time from the server, in the reader's locale.
 * @param iso ISO 8601 time, or null.
 */
export function formatTime( iso: string | null ): string {
	if ( ! iso ) {
		return '—';
	}
	const time = new Date( iso );
	return Number.isNaN( time.getTime() )
		? iso
		: time.toLocaleString( undefined, {
				dateStyle: 'medium',
				timeStyle: 'short',
			} );
}

/**
 * How the receiver answered a delivery: its HTTP status, else what went wrong.
 * @param delivery The delivery.
 */
export function answerText( delivery: Delivery ): string {
	if ( delivery.response_code !== null ) {
		return sprintf(
			/* translators: %d: HTTP status code. */
			__( 'HTTP %d', 'handoff-bot' ),
			delivery.response_code
		);
	}
	if ( delivery.error ) {
		return delivery.error;
	}
	return delivery.status === 'sent'
		? __( 'Accepted', 'handoff-bot' )
		: __( 'No answer yet', 'handoff-bot' );
}
