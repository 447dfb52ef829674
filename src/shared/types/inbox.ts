/**
 * Types mirroring the agent inbox's REST schemas (handoff-bot/v1/handoffs,
 * handoff-bot/v1/agents/me/presence and handoff-bot/v1/saved-replies), field names as the server
 * sends them.
 */

export type HandoffStatus =
	| 'requested'
	| 'queued'
	| 'accepted'
	| 'resolved'
	| 'handed_back'
	| 'left'
	| 'abandoned'
	| 'expired';

export type Person = { id: number; name: string };

export type HandoffSummary = {
	id: number;
	conversation_id: number;
	status: HandoffStatus;
	/** A handoff reason code (user_requested, frustration…). */
	reason: string;
	/** user | system | rule */
	trigger: string;
	/** live | ticket | private | '' */
	route: string;
	/** live | after_hours | no_agent | queue_full | private | '' */
	route_reason: string;
	/** The team's name; '' for any agent. */
	team: string;
	/** The intent's name; '' for none. */
	intent: string;
	intent_label: string;
	/** Who holds it. */
	agent: Person | null;
	/** What the visitor wants: the summary's first line. */
	headline: string;
	language: string;
	/** Since requested (until accepted, then frozen). */
	waiting_seconds: number;
	requested_at: string;
	accepted_at: string | null;
	resolved_at: string | null;
	/** '' | resolved | not_resolved | duplicate | spam | handed_back | left */
	outcome: string;
	/** Visitor messages after the agent's last message. */
	unread: number;
};

export type CompletenessField =
	| 'transcript'
	| 'intent'
	| 'confidence'
	| 'sources'
	| 'user'
	| 'pages'
	| 'form'
	| 'reason'
	| 'summary'
	| 'language';

export type ContextPackage = {
	/** Three to five lines. */
	summary: string[];
	intent: { name: string; label: string; score: number | null } | null;
	confidence: number | null;
	sources: { title: string; url: string; cited: boolean }[];
	pages: { url: string; title: string; at: string }[];
	current_url: string;
	language: string;
	user: {
		id: number;
		name: string;
		email: string;
		role: string;
		metadata: Record< string, string >;
	} | null;
	form: Record< string, string >;
	reason: string;
	trigger: string;
	turn: number;
	config_version: number;
	completeness: {
		score: number;
		fields: Record< CompletenessField, boolean >;
	};
};

export type MessageRole = 'visitor' | 'bot' | 'agent' | 'note' | 'system';

export type InboxMessage = {
	id: number;
	/** A note is internal: the visitor never sees it. */
	role: MessageRole;
	body: string;
	author: Person | null;
	created_at: string;
	citations?: { title: string; url: string }[];
	confidence?: number;
};

export type HandoffDetail = HandoffSummary & {
	context: ContextPackage;
	messages: InboxMessage[];
	cursor: number;
};

/** GET /handoffs/{id}/messages?after= */
export type MessagesPage = {
	messages: InboxMessage[];
	cursor: number;
	status: HandoffStatus;
	agent: Person | null;
};

export type InboxView = 'queue' | 'mine' | 'closed';

/** The filters the handoffs route takes. */
export type HandoffFilters = {
	team?: string;
	reason?: string;
	intent?: string;
};

export type Outcome = 'resolved' | 'not_resolved' | 'duplicate' | 'spam';

export type ResolveRequest = {
	outcome: Outcome;
	bot_could_answer?: boolean;
	topic?: string;
};

export type TransferRequest = {
	team?: string;
	agent_id?: number;
	note: string;
};

/** GET /handoffs/teams: where a handoff can be transferred. */
export type TransferTargets = {
	teams: { name: string; label: string }[];
	agents: ( Person & { online: boolean } )[];
};

export type PresenceStatus = 'available' | 'away';

/** GET and POST /agents/me/presence */
export type Presence = {
	status: PresenceStatus;
	online: boolean;
	last_seen: string | null;
	window_seconds?: number;
};

/** GET /saved-replies: a reply agents can insert. */
export type SavedReply = {
	id: string;
	title: string;
	text: string;
	/** The team whose agents see it; '' for every team. */
	team: string;
	/** False for a reply the site adds in code. */
	editable: boolean;
};

/** POST /saved-replies and PUT /saved-replies/{id}. */
export type SavedReplyInput = { title: string; text: string; team: string };

/** What is wrong with each refused field (`data.errors` of a 400). */
export type SavedReplyErrors = Partial<
	Record< keyof SavedReplyInput, string >
>;

/** What the Inbox page passes to its script. */
export type InboxSettings = {
	root: string;
	nonce: string;
	userId: number;
	userName: string;
	/** Whether the agent manages the plugin (and so the saved replies). */
	canManage: boolean;
	savedReplies: SavedReply[];
};
