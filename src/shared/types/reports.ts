/**
 * The handoff report as GET /handoff-bot/v1/reports/summary and /reports/conversations send it
 * (docs/REST.md; every figure is defined in docs/METRICS.md). Shares are 0–1 and `null` when
 * nothing was counted below the line. An empty PHP map arrives as `[]`.
 */

export type PeriodPreset =
	'last_7_days' | 'last_30_days' | 'month' | 'quarter' | 'custom';

export type ReportPeriod = {
	from: string;
	to: string;
	days: number;
	start_utc: string;
	end_utc: string;
};

export type Share = number | null;

/** A map keyed by name; `[]` when PHP had nothing to put in it. */
export type CountMap = Record< string, number > | [];

export type IntentRow = {
	intent: string;
	label: string;
	policy: string;
	expects_person: boolean;
	conversations: number;
	handed_off: number;
	rate: Share;
};

export type SaveRow = {
	key: string;
	accepted: number;
	resolved: number;
	rate: Share;
};

export type RatingSplit = {
	ratings: number;
	mean: number | null;
	satisfied_share: Share;
};

export type ReasonRow = {
	reason: string;
	handoffs: number;
	share: Share;
	days: number[];
};

export type ReportMetrics = {
	conversations: number;
	handoffs: number;
	escalation: {
		conversations: number;
		handed_off: number;
		rate: Share;
		intents: IntentRow[];
	};
	triggers: {
		user: number;
		system: number;
		user_share: Share;
		days: Array< { day: string; user: number; system: number } >;
	};
	turns: {
		handoffs: number;
		median: number | null;
		unproductive_turns: number;
		handoffs_after_unproductive: number;
		buckets: Array< {
			turns: string;
			handoffs: number;
			unproductive_turns: number;
		} >;
	};
	completeness: {
		handoffs: number;
		score: Share;
		fields: CountMap;
		days: Array< { day: string; handoffs: number; score: Share } >;
	};
	saves: {
		accepted: number;
		resolved: number;
		rate: Share;
		by_reason: SaveRow[];
		by_intent: SaveRow[];
		by_team: SaveRow[];
	};
	escalation_failed: { live: number; failed: number; rate: Share };
	automation: {
		handoffs: number;
		share: Share;
		topics: Array< { topic: string; handoffs: number } >;
	};
	satisfaction: { bot: RatingSplit; person: RatingSplit };
	effort: {
		early_requests: number;
		early_request_share: Share;
		offers: number;
		offers_dropped: number;
		offer_drop_rate: Share;
		asked_for_person: number;
		asked_for_person_share: Share;
		negative_before_handoff: number;
		negative_before_handoff_share: Share;
	};
	queue: {
		live: number;
		accepted: number;
		transfer_success_rate: Share;
		fallbacks: number;
		fallbacks_by_kind: CountMap;
		fallbacks_by_route: CountMap;
		replied: number;
		delay_median_seconds: number | null;
		delay_p90_seconds: number | null;
		abandoned: number;
		abandonment_rate: Share;
	};
	privacy: { handoffs: number; share: Share; reasons: CountMap };
	reasons: ReasonRow[];
};

export type VersionRow = {
	config_version: number;
	conversations: number;
	handoffs: number;
	escalation_rate: Share;
	user_share: Share;
	median_turn: number | null;
	save_rate: Share;
	completeness: Share;
	transfer_success_rate: Share;
	abandonment_rate: Share;
	satisfaction_bot: number | null;
	satisfaction_person: number | null;
};

export type ConfigChange = {
	area: string;
	version: number;
	config_version: number;
	note: string;
	expected_impact: string;
	created_at: string;
};

export type Change = {
	current: number | null;
	previous: number | null;
	delta: number | null;
	relative: number | null;
};

export type ReportSummary = {
	period: ReportPeriod;
	config_version: number;
	metrics: ReportMetrics;
	drift: { versions: VersionRow[]; changes: ConfigChange[] };
	comparison?: {
		period: ReportPeriod;
		metrics: ReportMetrics;
		changes: Record< string, Change >;
	};
};

/** The query both report routes take. */
export type ReportQuery = {
	period: PeriodPreset;
	from?: string;
	to?: string;
	config_version?: number;
};

/** The drill-down filters of /reports/conversations (all optional, combined with AND). */
export type DrillFilter = Partial<
	Record<
		| 'reason'
		| 'intent'
		| 'trigger'
		| 'route'
		| 'route_reason'
		| 'team'
		| 'status'
		| 'outcome'
		| 'topic'
		| 'tag',
		string
	>
>;

export type ReportConversation = {
	conversation_id: number;
	handoff_id: number;
	reason: string;
	trigger_type: string;
	intent: string;
	route: string;
	route_reason: string;
	team: string;
	status: string;
	outcome: string;
	tags: string[];
	topic: string;
	turn: number;
	config_version: number;
	requested_at: string;
	conversation_started_at: string;
};
