/**
 * Types mirroring the connections and deliveries routes of handoff-bot/v1 (field names as the
 * server sends them).
 */

export type ConnectionKind = 'email' | 'webhook' | 'slack';

export type ConnectionEvent =
	| 'handoff.requested'
	| 'handoff.accepted'
	| 'handoff.resolved'
	| 'ticket.created'
	| 'callback.requested';

/** GET /connections (a webhook's secret is never in it; a Slack URL is shown in part). */
export type Connection = {
	id: string;
	kind: ConnectionKind;
	label: string;
	/** The inbox's address, or the URL (a Slack URL by its host and last characters). */
	target: string;
	/** Team names; empty for every team. */
	teams: string[];
	events: ConnectionEvent[];
	enabled: boolean;
	has_secret: boolean;
	created_at: string;
	updated_at: string;
};

/** The answer to a webhook's creation or a rotation: the secret, this once. */
export type ConnectionWithSecret = Connection & { secret?: string };

/** What the screen sends to add or change a connection. */
export type ConnectionFields = {
	kind?: ConnectionKind;
	label: string;
	/** Left out when changing a Slack connection whose URL was not retyped. */
	target?: string;
	teams: string[];
	events: ConnectionEvent[];
	enabled: boolean;
	/** Change note for the version the change makes ('' or left out: one that says what changed). */
	note?: string;
};

/** What is wrong with each refused field (`data.params` of `400 handoff_bot_invalid_connection`). */
export type ConnectionErrors = Partial<
	Record<
		'kind' | 'label' | 'target' | 'teams' | 'events' | 'enabled' | 'note',
		string
	>
>;

export type DeliveryStatus = 'pending' | 'sent' | 'failed';

/** A row of the delivery log (GET /deliveries), also the answer to a test. */
export type Delivery = {
	id: number;
	delivery_id: string;
	connection_id: string;
	kind: ConnectionKind;
	/** A ConnectionEvent, or `connection.test`. */
	event: string;
	handoff_id: number;
	status: DeliveryStatus;
	attempts: number;
	max_attempts: number;
	next_attempt_at: string | null;
	last_attempt_at: string | null;
	/** Null when there was no HTTP answer (email, or a connection error). */
	response_code: number | null;
	response_excerpt: string;
	error: string;
	created_at: string | null;
};

export type DeliveryFilters = {
	status?: DeliveryStatus | '';
	connection?: string;
};
