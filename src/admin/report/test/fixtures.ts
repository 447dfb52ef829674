/**
 * Report summaries as the server sends them (Metrics::summary): an empty period, and a small
 * week compared with the three days before. Every context field and every reason code is
 * always sent; the comparison's changes are computed from the two periods' metrics the way
 * Metrics::changes and Stats::change compute them.
 */
import type {
	Change,
	ReportMetrics,
	ReportSummary,
} from '../../../shared/types/reports';

const DAYS = [ '2026-03-02', '2026-03-03', '2026-03-04' ];

/** Context_Package::FIELDS. */
export const FIELDS = [
	'transcript',
	'intent',
	'confidence',
	'sources',
	'user',
	'pages',
	'form',
	'reason',
	'summary',
	'language',
];

/** Reason::reasons(), in the server's order. */
export const REASONS = [
	'user_requested',
	'business_rule',
	'sensitive_account',
	'low_confidence',
	'missing_knowledge',
	'repeated_failure',
	'frustration',
	'action_required',
];

/** Metrics::changes: the compared figures and where each is read. */
export const CHANGE_PATHS: Record< string, string[] > = {
	conversations: [ 'conversations' ],
	handoffs: [ 'handoffs' ],
	escalation_rate: [ 'escalation', 'rate' ],
	user_share: [ 'triggers', 'user_share' ],
	median_turn: [ 'turns', 'median' ],
	handoffs_after_unproductive: [ 'turns', 'handoffs_after_unproductive' ],
	completeness: [ 'completeness', 'score' ],
	save_rate: [ 'saves', 'rate' ],
	escalation_failed_rate: [ 'escalation_failed', 'rate' ],
	automation_candidates: [ 'automation', 'handoffs' ],
	satisfaction_bot: [ 'satisfaction', 'bot', 'mean' ],
	satisfaction_person: [ 'satisfaction', 'person', 'mean' ],
	early_request_share: [ 'effort', 'early_request_share' ],
	offer_drop_rate: [ 'effort', 'offer_drop_rate' ],
	asked_for_person_share: [ 'effort', 'asked_for_person_share' ],
	negative_before_handoff_share: [
		'effort',
		'negative_before_handoff_share',
	],
	transfer_success_rate: [ 'queue', 'transfer_success_rate' ],
	fallbacks: [ 'queue', 'fallbacks' ],
	delay_median_seconds: [ 'queue', 'delay_median_seconds' ],
	delay_p90_seconds: [ 'queue', 'delay_p90_seconds' ],
	abandonment_rate: [ 'queue', 'abandonment_rate' ],
	private_handoffs: [ 'privacy', 'handoffs' ],
};

function round4( value: number ): number {
	return Math.round( value * 10000 ) / 10000;
}

function pick( metrics: ReportMetrics, path: string[] ): number | null {
	let value: unknown = metrics;
	for ( const key of path ) {
		value = ( value as Record< string, unknown > | null )?.[ key ];
	}
	return typeof value === 'number' ? value : null;
}

/**
 * Stats::change.
 * @param current  This period's figure.
 * @param previous The previous period's.
 */
function change( current: number | null, previous: number | null ): Change {
	const known = current !== null && previous !== null;
	return {
		current,
		previous,
		delta: known ? round4( current - previous ) : null,
		relative:
			known && previous !== 0
				? round4( ( current - previous ) / previous )
				: null,
	};
}

/**
 * Metrics::changes: every compared figure, then `reason_<code>` for each reason.
 * @param current  This period's metrics.
 * @param previous The previous period's.
 */
export function changes(
	current: ReportMetrics,
	previous: ReportMetrics
): Record< string, Change > {
	const out: Record< string, Change > = {};
	for ( const [ name, path ] of Object.entries( CHANGE_PATHS ) ) {
		out[ name ] = change( pick( current, path ), pick( previous, path ) );
	}
	const before: Record< string, number > = {};
	for ( const row of previous.reasons ) {
		before[ row.reason ] = row.handoffs;
	}
	for ( const row of current.reasons ) {
		out[ `reason_${ row.reason }` ] = change(
			row.handoffs,
			before[ row.reason ] ?? 0
		);
	}
	return out;
}

/**
 * Escalation_Metrics::reasons: every reason code, in the server's order.
 * @param counts Handoffs by reason, by day.
 */
function reasonRows(
	counts: Record< string, number[] >
): ReportMetrics[ 'reasons' ] {
	const total = Object.values( counts )
		.flat()
		.reduce( ( sum, n ) => sum + n, 0 );
	return REASONS.map( ( reason ) => {
		const days = counts[ reason ] ?? [ 0, 0, 0 ];
		const handoffs = days.reduce( ( sum, n ) => sum + n, 0 );
		return {
			reason,
			handoffs,
			share: total > 0 ? round4( handoffs / total ) : null,
			days,
		};
	} );
}

export function emptyMetrics(): ReportMetrics {
	return {
		conversations: 0,
		handoffs: 0,
		escalation: {
			conversations: 0,
			handed_off: 0,
			rate: null,
			intents: [],
		},
		triggers: {
			user: 0,
			system: 0,
			user_share: null,
			days: DAYS.map( ( day ) => ( { day, user: 0, system: 0 } ) ),
		},
		turns: {
			handoffs: 0,
			median: null,
			unproductive_turns: 0,
			handoffs_after_unproductive: 0,
			buckets: [ '1', '2', '3', '4-5', '6-10', '11+' ].map(
				( turns ) => ( {
					turns,
					handoffs: 0,
					unproductive_turns: 0,
				} )
			),
		},
		completeness: {
			handoffs: 0,
			score: null,
			fields: Object.fromEntries(
				FIELDS.map( ( field ) => [ field, null ] )
			),
			days: DAYS.map( ( day ) => ( { day, handoffs: 0, score: null } ) ),
		},
		saves: {
			accepted: 0,
			resolved: 0,
			rate: null,
			by_reason: [],
			by_intent: [],
			by_team: [],
		},
		escalation_failed: { live: 0, failed: 0, rate: null },
		automation: { handoffs: 0, share: null, topics: [] },
		satisfaction: {
			bot: { ratings: 0, mean: null, satisfied_share: null },
			person: { ratings: 0, mean: null, satisfied_share: null },
		},
		effort: {
			early_requests: 0,
			early_request_share: null,
			offers: 0,
			offers_dropped: 0,
			offer_drop_rate: null,
			asked_for_person: 0,
			asked_for_person_share: null,
			negative_before_handoff: 0,
			negative_before_handoff_share: null,
		},
		queue: {
			live: 0,
			accepted: 0,
			transfer_success_rate: null,
			fallbacks: 0,
			fallbacks_by_kind: { after_hours: 0, no_agent: 0, queue_full: 0 },
			fallbacks_by_route: [],
			replied: 0,
			delay_median_seconds: null,
			delay_p90_seconds: null,
			abandoned: 0,
			abandonment_rate: null,
		},
		privacy: { handoffs: 0, share: null, reasons: [] },
		reasons: reasonRows( {} ),
	};
}

const PERIOD = {
	from: '2026-03-02',
	to: '2026-03-04',
	days: 3,
	start_utc: '2026-03-02 05:00:00',
	end_utc: '2026-03-05 05:00:00',
};

export function emptySummary(): ReportSummary {
	return {
		period: PERIOD,
		config_version: 0,
		metrics: emptyMetrics(),
		drift: { versions: [], changes: [] },
	};
}

export function weekSummary(): ReportSummary {
	const metrics = emptyMetrics();
	metrics.conversations = 8;
	metrics.handoffs = 4;
	metrics.escalation = {
		conversations: 8,
		handed_off: 4,
		rate: 0.5,
		intents: [
			{
				intent: 'shipping',
				label: 'Shipping',
				policy: 'bot',
				expects_person: false,
				conversations: 5,
				handed_off: 2,
				rate: 0.4,
			},
			{
				intent: 'privacy',
				label: 'Privacy',
				policy: 'private',
				expects_person: true,
				conversations: 1,
				handed_off: 1,
				rate: 1,
			},
			{
				intent: '',
				label: '',
				policy: '',
				expects_person: false,
				conversations: 2,
				handed_off: 1,
				rate: 0.5,
			},
		],
	};
	metrics.triggers = {
		user: 3,
		system: 1,
		user_share: 0.75,
		days: [
			{ day: '2026-03-02', user: 1, system: 0 },
			{ day: '2026-03-03', user: 2, system: 1 },
			{ day: '2026-03-04', user: 0, system: 0 },
		],
	};
	metrics.reasons = reasonRows( {
		user_requested: [ 1, 2, 0 ],
		low_confidence: [ 0, 1, 0 ],
	} );
	metrics.turns = turnsAt( { 1: 1, 2: 2, 3: 1 }, 2, 1 );
	metrics.effort.asked_for_person = 2;
	metrics.effort.asked_for_person_share = 0.25;
	const previous = previousMetrics();
	return {
		period: PERIOD,
		config_version: 0,
		metrics,
		drift: {
			versions: [],
			changes: [
				{
					area: 'rules',
					version: 2,
					config_version: 2,
					note: 'Lower the frustration threshold',
					expected_impact: 'More frustration handoffs',
					created_at: '2026-03-03 09:00:00',
				},
			],
		},
		comparison: {
			period: { ...PERIOD, from: '2026-02-27', to: '2026-03-01' },
			metrics: previous,
			changes: changes( metrics, previous ),
		},
	};
}

/**
 * The three days before the week: five conversations, two handed off (one asked for a person,
 * one by a business rule).
 */
function previousMetrics(): ReportMetrics {
	const metrics = emptyMetrics();
	metrics.conversations = 5;
	metrics.handoffs = 2;
	metrics.escalation = {
		conversations: 5,
		handed_off: 2,
		rate: 0.4,
		intents: [
			{
				intent: 'shipping',
				label: 'Shipping',
				policy: 'bot',
				expects_person: false,
				conversations: 5,
				handed_off: 2,
				rate: 0.4,
			},
		],
	};
	metrics.triggers = {
		user: 1,
		system: 1,
		user_share: 0.5,
		days: [
			{ day: '2026-02-27', user: 1, system: 0 },
			{ day: '2026-02-28', user: 0, system: 1 },
			{ day: '2026-03-01', user: 0, system: 0 },
		],
	};
	metrics.reasons = reasonRows( {
		user_requested: [ 1, 0, 0 ],
		business_rule: [ 0, 1, 0 ],
	} );
	metrics.turns = turnsAt( { 1: 1, 2: 1 }, 1.5, 0 );
	metrics.effort.asked_for_person = 1;
	metrics.effort.asked_for_person_share = 0.2;
	return metrics;
}

/**
 * Effort_Metrics::turns: handoffs by the turn they came at, the last bucket's one with an
 * unproductive turn before it when `wasted` is 1.
 * @param byTurn Handoffs by bucket label.
 * @param median The median turn.
 * @param wasted Handoffs after an unproductive turn (one turn each).
 */
function turnsAt(
	byTurn: Record< string, number >,
	median: number,
	wasted: number
): ReportMetrics[ 'turns' ] {
	const labels = [ '1', '2', '3', '4-5', '6-10', '11+' ];
	const last = labels.filter( ( label ) => byTurn[ label ] ).pop();
	return {
		handoffs: Object.values( byTurn ).reduce( ( sum, n ) => sum + n, 0 ),
		median,
		unproductive_turns: wasted,
		handoffs_after_unproductive: wasted,
		buckets: labels.map( ( label ) => ( {
			turns: label,
			handoffs: byTurn[ label ] ?? 0,
			unproductive_turns: label === last ? wasted : 0,
		} ) ),
	};
}
