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
		/** Every context field => the share of packages with it (null without packages). */
		fields: Record< string, Share > | [];
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
		| 'tag'
		/** '1': only handoffs an agent accepted (those a save rate counts). */
		| 'accepted',
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

/** An alert the daily check raised (GET /reports/alerts). */
export type ReportAlert = {
	id: number;
	kind: string;
	subject: string;
	direction: 'up' | 'down' | '';
	title: string;
	period: { from: string; to: string };
	figures: {
		current?: number | null;
		previous?: number | null;
		delta?: number | null;
		relative?: number | null;
		[ key: string ]: unknown;
	};
	status: 'open' | 'dismissed';
	created_at: string;
	dismissed_at: string | null;
	dismissed_by: number;
	link: string;
};

/** The query of /reports/conversations a step's data comes from. */
export type DrillQuery = Partial< ReportQuery > &
	DrillFilter & { period?: PeriodPreset };

/**
 * How an investigation table's cells read: as they are, a count, a share (0–1), a difference of
 * shares (percentage points), seconds, a number with decimals, or as the row says (row_kinds).
 */
export type CellKind =
	'text' | 'count' | 'share' | 'points' | 'seconds' | 'mean' | 'by_row';

/** One check of an alert's investigation, with its data already read. */
export type InvestigationStep = {
	key: string;
	title: string;
	finding: string;
	data: {
		columns: string[];
		/** How each column reads, one per column. */
		kinds: CellKind[];
		/** How each row reads in the columns of kind 'by_row', one per row (else empty). */
		row_kinds: CellKind[];
		rows: Array< Array< string | number | boolean | null > >;
	};
	drill_down: Record< string, string | number > | null;
};

export type ReportAlertDetail = ReportAlert & {
	investigation: InvestigationStep[];
};

/** The alert settings among the plugin settings (GET/POST /settings). */
export type AlertSettings = {
	alerts_window_days: number;
	alerts_min_conversations: number;
	alerts_min_handoffs: number;
	alerts_intent_rate_change: number;
	alerts_turn_drop: number;
	alerts_topic_share: number;
	alerts_queue_delay_rise: number;
	alerts_abandonment_rise: number;
	alerts_completeness_drop: number;
	alerts_digest: boolean;
	alerts_digest_recipients: string;
};

export type Person = { id: number; name: string };

export type ReviewMark = {
	reviewed: boolean;
	note: string;
	reviewer: Person | null;
	updated_at: string | null;
};

export type SampleRow = {
	conversation_id: number;
	handoff_id: number;
	group: 'successful' | 'failed' | 'other';
	status: string;
	outcome: string;
	intent: string;
	topic: string;
	route: string;
	requested_at: string;
	review: ReviewMark | null;
};

export type SampleReason = {
	reason: string;
	handoffs: number;
	conversations: number;
	successful: number;
	failed: number;
	sample: SampleRow[];
};

export type Samples = {
	period: ReportPeriod;
	per_reason: number;
	reasons: SampleReason[];
};

export type ReviewItem = {
	id: string;
	label: string;
	target: string;
	done: boolean;
	note: string;
	completed_by: Person | null;
	updated_at: string | null;
};

export type DocumentedChange = {
	checkpoint_id: number;
	config_version: number;
	area: string;
	note: string;
	expected_impact: string;
	tuned: string;
	tuned_by: Person | null;
	tuned_at: string;
};

export type Review = {
	review: string;
	cadence: 'monthly' | 'quarterly';
	period: ReportPeriod;
	items: ReviewItem[];
	done: number;
	total: number;
	changes: DocumentedChange[];
};

export type CheckpointFigure = {
	before: number | null;
	after: number | null;
	delta: number | null;
	relative: number | null;
};

export type Checkpoint = {
	id: number;
	config_version: number;
	area: string;
	area_version: number;
	note: string;
	expected_impact: string;
	author: Person | null;
	created_at: string;
	state: 'waiting' | 'ready' | 'checked' | 'superseded';
	/** The config version of the later change that overtook it before its threshold. */
	superseded_by: number | null;
	conversations: number;
	threshold: number;
	check: { by: Person | null; at: string; note: string } | null;
	tuned: { text: string; by: Person | null; at: string } | null;
	actual?: {
		before: { config_version: number };
		after: { config_version: number };
		figures: Record< string, CheckpointFigure >;
	} | null;
};
