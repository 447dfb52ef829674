/**
 * Report summaries as the server sends them: an empty period, and a small week.
 */
import type {
	ReportMetrics,
	ReportSummary,
} from '../../../shared/types/reports';

const DAYS = [ '2026-03-02', '2026-03-03', '2026-03-04' ];

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
			buckets: [ '1', '2', '3', '4–5', '6–10', '11+' ].map(
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
			fields: [],
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
		reasons: [ 'user_requested', 'low_confidence' ].map( ( reason ) => ( {
			reason,
			handoffs: 0,
			share: null,
			days: [ 0, 0, 0 ],
		} ) ),
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
	metrics.reasons = [
		{
			reason: 'user_requested',
			handoffs: 3,
			share: 0.75,
			days: [ 1, 2, 0 ],
		},
		{
			reason: 'low_confidence',
			handoffs: 1,
			share: 0.25,
			days: [ 0, 1, 0 ],
		},
	];
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
			metrics: emptyMetrics(),
			changes: {
				escalation_rate: {
					current: 0.5,
					previous: 0.4,
					delta: 0.1,
					relative: 0.25,
				},
				handoffs: { current: 4, previous: 0, delta: 4, relative: null },
				reason_user_requested: {
					current: 3,
					previous: 1,
					delta: 2,
					relative: 2,
				},
			},
		},
	};
}
