/**
 * Types mirroring the Tickets REST schema (handoff-bot/v1/tickets), field names as the server
 * sends them.
 */
import type { ContextPackage, InboxMessage, Person } from './inbox';

/** ticket (open), pending (replied, waiting on the visitor) or closed. */
export type TicketStatus = 'ticket' | 'pending' | 'closed';

/** The list's status filter, as the route takes it. */
export type TicketListStatus = 'open' | 'pending' | 'closed';

export type TicketOutcome =
	'resolved' | 'not_resolved' | 'duplicate' | 'spam' | 'called_back';

export type Ticket = {
	id: number;
	/** Such as HB-00042. */
	reference: string;
	conversation_id: number;
	status: TicketStatus;
	/** ticket | callback | private */
	route: string;
	/** Whether the visitor asked for a phone callback. */
	callback: boolean;
	name: string;
	email: string;
	/** email | phone */
	contact: string;
	phone: string;
	/** morning | afternoon | evening | anytime | '' */
	window: string;
	timezone: string;
	/** The team's name; '' for any agent. */
	team: string;
	assigned_to: Person | null;
	headline: string;
	reason: string;
	trigger: string;
	route_reason: string;
	intent: string;
	intent_label: string;
	language: string;
	/** For a closed ticket. */
	outcome: string;
	tags: string[];
	created_at: string;
	requested_at: string;
	resolved_at: string | null;
};

/** Where a reply's email stands. */
export type ReplyEmail = {
	to: string;
	/** queued | retrying | sent | failed */
	status: string;
	attempts: number;
	sent_at: string | null;
	error: string;
};

export type TicketMessage = InboxMessage & {
	kind?: string;
	email?: ReplyEmail;
};

export type TicketEvent = {
	id: number;
	type: string;
	agent: Person | null;
	data: Record< string, string | number | boolean >;
	created_at: string;
};

export type TicketDetail = Ticket & {
	outcomes: TicketOutcome[];
	context: ContextPackage;
	messages: TicketMessage[];
	cursor: number;
	history: TicketEvent[];
};

/** The list's filters, as the route takes them. */
export type TicketFilters = {
	status: TicketListStatus;
	route?: 'ticket' | 'callback';
	team?: string;
	/** An agent's ID, or '0' for nobody. */
	assigned_to?: string;
	search?: string;
};

export type CloseRequest = {
	outcome: TicketOutcome;
	bot_could_answer?: boolean;
	note?: string;
};

/** What the Tickets page passes to its script. */
export type TicketsSettings = {
	userId: number;
	userName: string;
	canManage: boolean;
};
