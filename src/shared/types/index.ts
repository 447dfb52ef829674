/**
 * Types mirroring the REST schemas of handoff-bot/v1 (field names as the server sends them).
 */

export type Settings = {
	answer_threshold: number;
	max_message_length: number;
	post_types: string[];
	excluded_posts: number[];
	rate_limit_ip_per_minute: number;
	rate_limit_token_per_minute: number;
	rate_limit_new_conversations_per_hour: number;
	delete_data_on_uninstall: boolean;
	retention_days: number;
	consent_notice: boolean;
	consent_required: boolean;
	consent_text: string;
	privacy_policy_url: string;
	/** Whether connections send email addresses and phone numbers masked. */
	mask_contact_outbound: boolean;
};

export type IndexState = {
	posts: number;
	passages: number;
	terms: number;
	indexable: number;
	post_types: string[];
	available: PostType[];
	updated_at: string;
	last_error: { message: string; time: string } | null;
};

/** A post type the Knowledge screen offers (`available` of GET /index). */
export type PostType = {
	name: string;
	label: string;
	singular_label: string;
	/** Whether WordPress's search route finds its posts. */
	searchable: boolean;
};

/** A post as WordPress's search route (/wp/v2/search) describes it. */
export type PostChoice = {
	id: number;
	title: string;
	subtype: string;
	url: string;
};

/** The JSON schema of each setting (what GET /settings' OPTIONS describe). */
export type SettingsSchema = Record<
	keyof Settings,
	{
		type: string;
		minimum?: number;
		maximum?: number;
		maxItems?: number;
		minItems?: number;
		maxLength?: number;
	}
>;

/** What is wrong with each refused setting, by setting name (`data.params` of a 400). */
export type FieldErrors = Partial< Record< keyof Settings, string > >;

export type RebuildStep = {
	done: number;
	total: number;
	next_offset: number;
	finished: boolean;
	passages: number;
};

export type ApiError = {
	code: string;
	message: string;
	data?: { status?: number; params?: Record< string, string > };
};
