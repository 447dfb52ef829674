/**
 * Connections, teams and deliveries as the REST API sends them, for the screen's tests.
 */
import type { Connection, Delivery } from '../../../shared/types/connections';

export const EVERY_EVENT = [
	'handoff.requested',
	'handoff.accepted',
	'handoff.resolved',
	'ticket.created',
	'callback.requested',
];

export const SECRET = 'whsec_4f1c0a9e8d7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c9b';

export function connection( values: Partial< Connection > ): Connection {
	return {
		id: 'conn_aaaaaaaaaaaa',
		kind: 'email',
		label: 'Help desk',
		target: 'support@example.com',
		teams: [],
		events: [ 'handoff.requested', 'ticket.created' ],
		enabled: true,
		has_secret: false,
		created_at: '2026-03-01T09:00:00+00:00',
		updated_at: '2026-03-01T09:00:00+00:00',
		...values,
	};
}

export const HELP_DESK = connection( {} );

export const CRM = connection( {
	id: 'conn_bbbbbbbbbbbb',
	kind: 'webhook',
	label: 'Our CRM',
	target: 'https://crm.example.com/hooks',
	teams: [ 'billing' ],
	has_secret: true,
} );

export const SALES_SLACK = connection( {
	id: 'conn_cccccccccccc',
	kind: 'slack',
	label: 'Sales channel',
	target: 'https://hooks.slack.com/…AbCd',
	teams: [ 'sales' ],
} );

export const AVAILABILITY_STATE = {
	version: 2,
	availability: {
		teams: [
			{ name: 'billing', label: 'Billing', agents: [ 1 ], hours: null },
			{ name: 'sales', label: 'Sales', agents: [ 1 ], hours: null },
		],
	},
};

export function delivery( values: Partial< Delivery > ): Delivery {
	return {
		id: 7,
		delivery_id: '0d1c3f5e-2b7a-4c61-9a3e-5f7d1e2c8b90',
		connection_id: CRM.id,
		kind: 'webhook',
		event: 'handoff.requested',
		handoff_id: 42,
		status: 'failed',
		attempts: 8,
		max_attempts: 8,
		next_attempt_at: null,
		last_attempt_at: '2026-03-01T10:00:00Z',
		response_code: 500,
		response_excerpt: 'receiver error 500',
		error: 'The receiver answered with HTTP 500.',
		created_at: '2026-03-01T09:00:00Z',
		...values,
	};
}
