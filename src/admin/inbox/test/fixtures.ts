/**
 * Handoffs as the handoffs routes send them.
 */
import type {
	HandoffDetail,
	HandoffSummary,
	InboxMessage,
	InboxSettings,
} from '../../../shared/types/inbox';

export const ME = { id: 7, name: 'Sam Agent' };
export const ALEX = { id: 9, name: 'Alex' };

export const SETTINGS: InboxSettings = {
	root: 'http://example.test/wp-json/',
	nonce: 'abc',
	userId: ME.id,
	userName: ME.name,
	canManage: false,
	savedReplies: [
		{
			id: 'greeting',
			title: 'Greeting',
			text: 'Hi, thanks for waiting.',
			team: '',
			editable: true,
		},
		{
			id: 'anything-else',
			title: 'Anything else',
			text: 'Anything else I can do?',
			team: '',
			editable: true,
		},
		{
			id: 'refund-steps',
			title: 'Refund steps',
			text: 'Refunds reach your card in 5 to 7 days.',
			team: 'billing',
			editable: true,
		},
		{
			id: 'parcel',
			title: 'Parcel search',
			text: 'I have asked the carrier to trace your parcel.',
			team: 'support',
			editable: true,
		},
	],
};

export function summary(
	overrides: Partial< HandoffSummary > = {}
): HandoffSummary {
	return {
		id: 11,
		conversation_id: 101,
		status: 'queued',
		reason: 'frustration',
		trigger: 'system',
		route: 'live',
		route_reason: 'live',
		team: 'billing',
		intent: 'refund',
		intent_label: 'Refund',
		agent: null,
		headline: 'Wants a refund for a double charge',
		language: 'en',
		waiting_seconds: 420,
		requested_at: '2025-03-01T10:00:00Z',
		accepted_at: null,
		resolved_at: null,
		outcome: '',
		unread: 0,
		...overrides,
	};
}

export const REFUND = summary();
export const SHIPPING = summary( {
	id: 12,
	conversation_id: 102,
	reason: 'user_requested',
	trigger: 'user',
	team: 'support',
	intent: 'shipping',
	intent_label: 'Shipping',
	headline: 'Asks where the parcel is',
	waiting_seconds: 30,
} );

export const MESSAGES: InboxMessage[] = [
	{
		id: 1,
		role: 'visitor',
		body: 'I was charged twice for order 1234.',
		author: null,
		created_at: '2025-03-01T09:58:00Z',
	},
	{
		id: 2,
		role: 'bot',
		body: 'Refunds take 5 to 7 days.',
		author: null,
		created_at: '2025-03-01T09:58:05Z',
		confidence: 0.41,
		citations: [
			{ title: 'Refund policy', url: 'https://shop.test/refunds' },
		],
	},
	{
		id: 3,
		role: 'visitor',
		body: 'This did not help, I want a person.',
		author: null,
		created_at: '2025-03-01T09:59:00Z',
	},
];

export function detail(
	overrides: Partial< HandoffDetail > = {}
): HandoffDetail {
	return {
		...REFUND,
		context: {
			summary: [
				'Wants a refund for a double charge',
				'Order 1234, charged twice on 28 February',
				'The refund policy answer did not help',
			],
			intent: { name: 'refund', label: 'Refund', score: 0.82 },
			confidence: 0.41,
			sources: [
				{
					title: 'Refund policy',
					url: 'https://shop.test/refunds',
					cited: true,
				},
				{
					title: 'Billing FAQ',
					url: 'https://shop.test/billing-faq',
					cited: false,
				},
			],
			pages: [
				{
					url: 'https://shop.test/orders/1234',
					title: 'Order 1234',
					at: '2025-03-01T09:50:00Z',
				},
				{
					url: 'javascript:alert(1)',
					title: 'Odd page',
					at: '2025-03-01T09:55:00Z',
				},
			],
			current_url: 'https://shop.test/checkout',
			language: 'en',
			user: {
				id: 5,
				name: 'Jane Doe',
				email: 'jane@example.test',
				role: 'customer',
				metadata: { Plan: 'Pro' },
			},
			form: { 'Order number': '1234' },
			reason: 'frustration',
			trigger: 'system',
			turn: 3,
			config_version: 4,
			completeness: {
				score: 0.9,
				fields: {
					transcript: true,
					intent: true,
					confidence: true,
					sources: true,
					user: true,
					pages: true,
					form: false,
					reason: true,
					summary: true,
					language: true,
				},
			},
		},
		messages: MESSAGES,
		cursor: 3,
		...overrides,
	};
}

/**
 * The handoff as accept returns it: held by the agent.
 * @param overrides
 */
export function accepted(
	overrides: Partial< HandoffDetail > = {}
): HandoffDetail {
	return detail( {
		status: 'accepted',
		agent: ME,
		accepted_at: '2025-03-01T10:07:00Z',
		...overrides,
	} );
}
