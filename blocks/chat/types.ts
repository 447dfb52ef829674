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

/** A message as the REST API sends it (field names stay snake_case). */
export type ChatMessage = {
	id: number;
	role: 'visitor' | 'bot' | 'agent' | 'system';
	body: string;
	kind?: 'answer' | 'dont_know' | 'small_talk' | 'handoff';
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

/** `POST conversations/{id}/messages` (201, or 200 for a replayed key). */
export type SendResponse = {
	message: ChatMessage;
	reply: ChatMessage | null;
	cursor: number;
	replayed?: boolean;
};

/** `POST conversations/{id}/choice`. */
export type ChoiceResponse = {
	accepted: boolean;
	reply: ChatMessage | null;
};

/** `GET conversations/{id}/messages?after=…`. */
export type MessagesResponse = {
	messages: ChatMessage[];
	cursor: number;
	status: string;
};
