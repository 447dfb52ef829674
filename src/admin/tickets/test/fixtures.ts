/**
 * Tickets as the REST routes send them, for the screen's tests.
 */
import type { ContextPackage } from '../../../shared/types/inbox';
import type { Ticket, TicketDetail } from '../../../shared/types/tickets';

export const ME = { id: 3, name: 'Sam Agent' };

export function ticket( fields: Partial< Ticket > = {} ): Ticket {
	return {
		id: 42,
		reference: 'HB-00042',
		conversation_id: 7,
		status: 'ticket',
		route: 'ticket',
		callback: false,
		name: 'Ada Lovelace',
		email: 'ada@example.org',
		contact: 'email',
		phone: '',
		window: '',
		timezone: '',
		team: '',
		assigned_to: null,
		headline: 'Wants a replacement for a cracked screen',
		reason: 'user_requested',
		trigger: 'user',
		route_reason: 'after_hours',
		intent: '',
		intent_label: '',
		language: 'en',
		outcome: '',
		tags: [],
		created_at: '2026-03-01T08:00:00Z',
		requested_at: '2026-03-01T08:00:00Z',
		resolved_at: null,
		...fields,
	};
}

function context( form: Record< string, string > ): ContextPackage {
	return {
		summary: [ 'Wants a replacement for a cracked screen' ],
		intent: null,
		confidence: 0.2,
		sources: [],
		pages: [],
		current_url: '',
		language: 'en',
		user: null,
		form,
		reason: 'user_requested',
		trigger: 'user',
		turn: 2,
		config_version: 1,
		completeness: {
			score: 0.6,
			fields: {
				transcript: true,
				intent: false,
				confidence: true,
				sources: false,
				user: false,
				pages: false,
				form: true,
				reason: true,
				summary: true,
				language: true,
			},
		},
	};
}

export function detail(
	fields: Partial< TicketDetail > = {},
	form: Record< string, string > = {
		name: 'Ada Lovelace',
		email: 'ada@example.org',
		message: 'My parcel arrived with a cracked screen. Order 1042.',
	}
): TicketDetail {
	return {
		...ticket(),
		outcomes: [ 'resolved', 'not_resolved', 'duplicate', 'spam' ],
		context: context( form ),
		messages: [
			{
				id: 1,
				role: 'visitor',
				body: 'My parcel arrived with a cracked screen',
				author: null,
				created_at: '2026-03-01T07:59:00Z',
			},
			{
				id: 2,
				role: 'system',
				body: 'Thank you. Your request HB-00042 is with our team.',
				author: null,
				created_at: '2026-03-01T08:00:00Z',
			},
		],
		cursor: 2,
		history: [
			{
				id: 9,
				type: 'ticket_created',
				agent: null,
				data: { route: 'ticket' },
				created_at: '2026-03-01T08:00:00Z',
			},
		],
		...fields,
	};
}

export const CALLBACK = detail(
	{
		id: 43,
		reference: 'HB-00043',
		route: 'callback',
		callback: true,
		name: 'Grace Hopper',
		email: '',
		contact: 'phone',
		phone: '+442079460958',
		window: 'morning',
		timezone: 'Europe/London',
		outcomes: [
			'resolved',
			'not_resolved',
			'duplicate',
			'spam',
			'called_back',
		],
	},
	{
		name: 'Grace Hopper',
		contact: 'phone',
		phone: '+442079460958',
		window: 'morning',
		timezone: 'Europe/London',
		message: 'Please call me about my order.',
	}
);
