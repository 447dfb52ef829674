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
};

export type IndexState = {
	posts: number;
	passages: number;
	terms: number;
	indexable: number;
	post_types: string[];
	available: Array< { name: string; label: string } >;
	updated_at: string;
	last_error: { message: string; time: string } | null;
};

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
	data?: { status?: number };
};
