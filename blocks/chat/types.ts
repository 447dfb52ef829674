/** The block's attributes, as declared in block.json. */
export type ChatAttributes = {
	title: string;
	greeting: string;
	placeholder: string;
	display: 'inline' | 'floating';
	showHumanButton: boolean;
};

/**
 * Every visitor-facing string of the chat client. render.php translates them (script modules cannot
 * use wp-i18n) and prints them in the block's config.
 */
export type ChatStrings = {
	/** Screen-reader prefix of the visitor's messages, e.g. "You:". */
	you: string;
	/** Screen-reader prefix of the assistant's messages, e.g. "Assistant:". */
	assistant: string;
	/** Screen-reader prefix of a support agent's messages. */
	agent: string;
	retrying: string;
	/**
	 * Under a message held back by a rate limit: `%1$s` is the wait in words ("20 minutes"),
	 * `%2$s` the time it is sent ("14:35").
	 */
	rateLimited: string;
	/** The same, when the visitor sent many messages in one conversation. */
	rateLimitedConversation: string;
	/** The group of buttons under an offer to connect to a person. */
	offerLabel: string;
	offerAccept: string;
	offerDecline: string;
	offerError: string;
	/** Before the contact link, under a message held back by a rate limit. */
	contactSooner: string;
	contactLink: string;
	notSent: string;
	genericError: string;
	tooLong: string;
	typing: string;
	sources: string;
	feedbackQuestion: string;
	helpful: string;
	notHelpful: string;
	feedbackThanks: string;
	feedbackError: string;
	endChat: string;
	endLegend: string;
	endConfirm: string;
	cancel: string;
	ended: string;
	endError: string;
	humanRequest: string;
	restoreError: string;
	/** The queue bar while a person is being found and the place is not known. */
	queueConnecting: string;
	/** The queue bar: `%1$s` is the place (1 = next), `%2$s` the expected wait in words. */
	queuePlace: string;
	/** The queue bar when the wait is unknown: `%s` is the place. */
	queuePlaceUnknown: string;
	/** The bar while an agent holds the chat: `%s` is the agent's name. */
	agentChatting: string;
	/** The typing indicator while the agent types: `%s` is the agent's name. */
	agentTyping: string;
	leaveQueue: string;
	/** A notice in the transcript once the visitor left the queue. */
	leftQueue: string;
	leaveError: string;
	/** Opens the ticket form (after hours, or rather than wait). */
	leaveDetails: string;
	/** Under a message whose card or account numbers were masked before it was stored. */
	redacted: string;
	/** The ticket form could not be loaded. */
	formError: string;
	/** A person took the chat while the ticket form was open. */
	formTaken: string;
	/** The first message waits for "I agree" under the privacy notice. */
	consentNeeded: string;
	/** The rating asked for when an agent closes the chat. */
	ratingLegend: string;
	ratingThanks: string;
	ratingError: string;
};

/** The config render.php prints as JSON next to the chat markup. */
export type ChatConfig = {
	/** `rest_url( 'handoff-bot/v1/' )`, with a trailing slash (or `?rest_route=…/` on plain permalinks). */
	restUrl: string;
	/** A `wp_rest` nonce, present only for logged-in visitors (anonymous pages may be cached). */
	nonce?: string;
	maxLength: number;
	showHumanButton: boolean;
	display: 'inline' | 'floating';
	/** Another way to reach the site (filter `handoff_bot_contact_url`). */
	contactUrl: string;
	/** The page's language as a BCP 47 tag, for waits written in words; '' for the browser's. */
	locale: string;
	strings: ChatStrings;
};

/** A source passage the bot answered from. */
export type Citation = {
	title: string;
	url: string;
	anchor?: string;
	heading?: string;
};

/** What a `system` message announces. */
export type SystemKind =
	| 'agent_joined'
	| 'transferred'
	| 'handed_back'
	| 'resolved'
	| 'left'
	| 'returned_to_queue'
	| 'escalation_failed'
	| 'ticket';

/** A message as the REST API sends it (field names stay snake_case). */
export type ChatMessage = {
	id: number;
	role: 'visitor' | 'bot' | 'agent' | 'system';
	body: string;
	/** Bot replies: how it answered; system messages: what happened. */
	kind?: 'answer' | 'dont_know' | 'small_talk' | 'handoff' | SystemKind;
	/** Agent messages: who wrote it. */
	author?: { name: string };
	/** A system `resolved` message: ask the visitor to rate the chat. */
	rating_requested?: boolean;
	/** A system message that offers the ticket form (nobody came in time). */
	offer_ticket?: boolean;
	/** A visitor message: what was masked before it was stored (`card`, `iban`, …). */
	redacted?: string[];
	confidence?: number;
	/** What the bot decided: an offer to connect to a person shows two buttons until answered. */
	decision?: {
		kind: 'answer' | 'offer_choice' | 'handoff' | 'private_handoff';
		choice?: 'accepted' | 'declined';
	};
	language?: string;
	citations?: Citation[];
	feedback?: 1 | -1 | null;
	created_at?: string;
};

/** `POST conversations` (201). */
export type StartedConversation = {
	id: number;
	token: string;
	status: string;
	created_at?: string;
};

/** An open handoff to a person, as the visitor routes send it. */
export type VisitorHandoff = {
	id: number;
	status: 'requested' | 'queued' | 'accepted';
	route: 'live' | 'ticket' | 'callback' | 'private' | '';
	/** 1 = next; null when not waiting in the live queue. */
	place: number | null;
	/** null when unknown. */
	expected_wait_minutes: number | null;
	/** Set once an agent accepted. */
	agent: { name: string } | null;
	agent_typing: boolean;
};

/** `POST conversations/{id}/messages` (201, or 200 for a replayed key). */
export type SendResponse = {
	message: ChatMessage;
	/** null while an agent holds the conversation (the bot stays quiet). */
	reply: ChatMessage | null;
	cursor: number;
	replayed?: boolean;
	/** The open handoff, or null; absent from servers without live handoff. */
	handoff?: VisitorHandoff | null;
	/** What was written since the cursor sent, besides this message and its reply. */
	missed?: ChatMessage[];
	/** The change file to read while the handoff is open, where the site serves one. */
	signal?: PollSignal | null;
};

/** `POST conversations/{id}/choice`. */
export type ChoiceResponse = {
	accepted: boolean;
	reply: ChatMessage | null;
};

/**
 * A static file whose version changes when the conversation has news: read between reads of the
 * messages route while a handoff is open.
 */
export type PollSignal = {
	url: string;
	version: string;
	/** Seconds until the messages route should be read anyway. */
	check_in: number;
};

/** `GET conversations/{id}/messages?after=…`. */
export type MessagesResponse = {
	messages: ChatMessage[];
	cursor: number;
	status: string;
	/** The open handoff, or null when none is open. */
	handoff?: VisitorHandoff | null;
	/** While a handoff is open, where the site serves one. */
	signal?: PollSignal | null;
};

/** `GET conversations/{id}/handoff/ticket`: what the ticket form starts with, and its words. */
export type TicketDraft = {
	name: string;
	email: string;
	message: string;
	/** Whether a phone callback may be asked for. */
	callback: boolean;
	/** Callback windows: name => [from hour, to hour], in the visitor's time zone. */
	windows: Record< string, [ number, number ] >;
	labels: Record< string, string >;
};

/** The ticket form's answers (`POST conversations/{id}/handoff/ticket`). */
export type TicketAnswers = {
	name: string;
	email: string;
	contact: 'email' | 'phone';
	phone: string;
	window: string;
	timezone: string;
	message: string;
	idempotency_key: string;
	/** Milliseconds from the form opening to its sending. */
	elapsed_ms: number;
	/** The field people never see (bots fill it in). */
	website: string;
};

/** `POST conversations/{id}/handoff/ticket` (201). */
export type TicketReceipt = {
	reference: string;
	handoff_id: number;
	route: 'ticket' | 'callback' | 'private';
	contact: 'email' | 'phone';
	email: string;
	/** The confirmation the chat shows. */
	message: string;
};
