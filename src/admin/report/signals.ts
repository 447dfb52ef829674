/**
 * The report's figures and charts, built from the summary the server sends: the headline figures
 * with their change from the previous period, and the ten signals (docs/METRICS.md), each with
 * its figures and charts. Pure: the screen renders what this returns.
 */
import { __ } from '@wordpress/i18n';

import type {
	Change,
	CountMap,
	DrillFilter,
	ReportSummary,
} from '../../shared/types/reports';
import type { Kind } from './format';
import { fieldLabel, intentName, versionLabel } from './labels';
import type { ChartSpec, Series } from './table';

export type Figure = {
	id: string;
	label: string;
	value: number | null;
	kind: Kind;
	change?: Change;
	drill?: DrillFilter;
};

export type Block = { id: string; title: string; chart: ChartSpec };

export type Signal = {
	id: string;
	title: string;
	description: string;
	figures: Figure[];
	blocks: Block[];
};

/** The fields of a context package, in the order the design lists them. */
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

/** How many intents the escalation chart shows. */
export const TOP_INTENTS = 10;

/** How many reason codes the trend chart follows. */
export const TREND_REASONS = 3;

/**
 * The entries of a map the server may send as `[]` when empty.
 * @param map The map.
 */
export function entries(
	map: CountMap | undefined
): Array< [ string, number ] > {
	return map && ! Array.isArray( map ) ? Object.entries( map ) : [];
}

function series(
	id: string,
	label: string,
	kind: Kind,
	values: Array< number | null >
): Series {
	return { id, label, kind, values };
}

/**
 * The local day (YYYY-MM-DD) of a UTC time the server stores, using the offset of the period's
 * first midnight (a daylight-saving change inside the period may move a change by an hour).
 * @param utc     Y-m-d H:i:s in UTC.
 * @param summary The summary.
 */
export function localDay( utc: string, summary: ReportSummary ): string {
	const { from, start_utc: start } = summary.period;
	const offset =
		Date.parse( `${ from }T00:00:00Z` ) -
		Date.parse( `${ start.replace( ' ', 'T' ) }Z` );
	const time = Date.parse( `${ utc.replace( ' ', 'T' ) }Z` ) + offset;
	return Number.isFinite( time )
		? new Date( time ).toISOString().slice( 0, 10 )
		: '';
}

/**
 * The configuration changes saved on each day of a series, as a note per day.
 * @param days    The days.
 * @param summary The summary.
 */
export function dayNotes(
	days: string[],
	summary: ReportSummary
): Array< string | null > {
	const notes = new Map< string, string[] >();
	for ( const change of summary.drift.changes ) {
		const day = localDay( change.created_at, summary );
		const text = `${ versionLabel( change.config_version ) }: ${
			change.note || change.area
		}`;
		notes.set( day, [ ...( notes.get( day ) ?? [] ), text ] );
	}
	return days.map( ( day ) => notes.get( day )?.join( '; ' ) ?? null );
}

function figure(
	id: string,
	label: string,
	value: number | null,
	kind: Kind,
	summary: ReportSummary,
	drill?: DrillFilter
): Figure {
	return {
		id,
		label,
		value,
		kind,
		change: summary.comparison?.changes[ id ],
		...( drill ? { drill } : {} ),
	};
}

/**
 * The headline figures, each with its change from the previous period.
 * @param summary The summary.
 */
export function headline( summary: ReportSummary ): Figure[] {
	const m = summary.metrics;
	return [
		figure(
			'conversations',
			__( 'Conversations', 'handoff-bot' ),
			m.conversations,
			'count',
			summary
		),
		figure(
			'handoffs',
			__( 'Handoffs', 'handoff-bot' ),
			m.handoffs,
			'count',
			summary,
			{}
		),
		figure(
			'escalation_rate',
			__( 'Escalation rate', 'handoff-bot' ),
			m.escalation.rate,
			'share',
			summary
		),
		figure(
			'user_share',
			__( 'Asked for by the visitor', 'handoff-bot' ),
			m.triggers.user_share,
			'share',
			summary,
			{ trigger: 'user' }
		),
		figure(
			'median_turn',
			__( 'Median turns before transfer', 'handoff-bot' ),
			m.turns.median,
			'mean',
			summary
		),
		figure(
			'completeness',
			__( 'Context completeness', 'handoff-bot' ),
			m.completeness.score,
			'share',
			summary
		),
		figure(
			'save_rate',
			__( 'Agent save rate', 'handoff-bot' ),
			m.saves.rate,
			'share',
			summary
		),
		figure(
			'transfer_success_rate',
			__( 'Transfer success in staffed hours', 'handoff-bot' ),
			m.queue.transfer_success_rate,
			'share',
			summary,
			{ route_reason: 'live' }
		),
		figure(
			'delay_median_seconds',
			__( 'Median wait for a first reply', 'handoff-bot' ),
			m.queue.delay_median_seconds,
			'seconds',
			summary
		),
		figure(
			'abandonment_rate',
			__( 'Abandoned while waiting', 'handoff-bot' ),
			m.queue.abandonment_rate,
			'share',
			summary
		),
		figure(
			'satisfaction_bot',
			__( 'Satisfaction, bot alone (1–5)', 'handoff-bot' ),
			m.satisfaction.bot.mean,
			'mean',
			summary
		),
		figure(
			'satisfaction_person',
			__( 'Satisfaction, with a person (1–5)', 'handoff-bot' ),
			m.satisfaction.person.mean,
			'mean',
			summary
		),
	];
}

function escalation( summary: ReportSummary ): Signal {
	const m = summary.metrics;
	const top = m.escalation.intents.slice( 0, TOP_INTENTS );
	return {
		id: 'escalation',
		title: __( 'Escalation rate by intent', 'handoff-bot' ),
		description: __(
			'Conversations handed to a person, by the intent detected. A high rate is expected for intents the rules send to a person (sensitive matters) and a warning for the others.',
			'handoff-bot'
		),
		figures: [
			figure(
				'escalation_rate',
				__( 'Escalation rate', 'handoff-bot' ),
				m.escalation.rate,
				'share',
				summary
			),
		],
		blocks: [
			{
				id: 'escalation-intents',
				title: __( 'Top intents', 'handoff-bot' ),
				chart: {
					type: 'bar',
					category: __( 'Intent', 'handoff-bot' ),
					labels: top.map( ( row ) =>
						intentName( row.label, row.intent )
					),
					text: [
						{
							id: 'expectation',
							label: __( 'A high rate is', 'handoff-bot' ),
							values: top.map( ( row ) =>
								row.expects_person
									? __( 'Expected', 'handoff-bot' )
									: __( 'A warning', 'handoff-bot' )
							),
						},
					],
					series: [
						series(
							'rate',
							__( 'Escalation rate', 'handoff-bot' ),
							'share',
							top.map( ( row ) => row.rate )
						),
						series(
							'conversations',
							__( 'Conversations', 'handoff-bot' ),
							'count',
							top.map( ( row ) => row.conversations )
						),
						series(
							'handed_off',
							__( 'Handed off', 'handoff-bot' ),
							'count',
							top.map( ( row ) => row.handed_off )
						),
					],
					plot: [ 'rate' ],
					tones: top.map( ( row ) =>
						row.expects_person ? 'expected' : 'warning'
					),
					drill: top.map( ( row ) => ( { intent: row.intent } ) ),
				},
			},
		],
	};
}

function triggers( summary: ReportSummary ): Signal {
	const t = summary.metrics.triggers;
	const days = t.days.map( ( day ) => day.day );
	return {
		id: 'triggers',
		title: __(
			'Asked for by the visitor, or started by the bot',
			'handoff-bot'
		),
		description: __(
			'Handoffs the visitor asked for, against those the bot or a rule started, per day.',
			'handoff-bot'
		),
		figures: [
			figure(
				'user_share',
				__( 'Asked for by the visitor', 'handoff-bot' ),
				t.user_share,
				'share',
				summary,
				{ trigger: 'user' }
			),
		],
		blocks: [
			{
				id: 'triggers-days',
				title: __( 'Per day', 'handoff-bot' ),
				chart: {
					type: 'bar',
					stacked: true,
					category: __( 'Day', 'handoff-bot' ),
					labels: days,
					series: [
						series(
							'user',
							__( 'The visitor asked', 'handoff-bot' ),
							'count',
							t.days.map( ( day ) => day.user )
						),
						series(
							'system',
							__( 'The bot or a rule', 'handoff-bot' ),
							'count',
							t.days.map( ( day ) => day.system )
						),
					],
					notes: dayNotes( days, summary ),
				},
			},
		],
	};
}

function turns( summary: ReportSummary ): Signal {
	const t = summary.metrics.turns;
	return {
		id: 'turns',
		title: __( 'Turns before transfer', 'handoff-bot' ),
		description: __(
			'How many messages visitors sent before the handoff, and the unproductive turns among them (a weak answer, a repeated question, or a reply marked unhelpful).',
			'handoff-bot'
		),
		figures: [
			figure(
				'median_turn',
				__( 'Median turns', 'handoff-bot' ),
				t.median,
				'mean',
				summary
			),
			figure(
				'handoffs_after_unproductive',
				__( 'Handoffs after an unproductive turn', 'handoff-bot' ),
				t.handoffs_after_unproductive,
				'count',
				summary
			),
		],
		blocks: [
			{
				id: 'turns-buckets',
				title: __( 'Distribution', 'handoff-bot' ),
				chart: {
					type: 'bar',
					category: __( 'Turns', 'handoff-bot' ),
					labels: t.buckets.map( ( bucket ) => bucket.turns ),
					series: [
						series(
							'handoffs',
							__( 'Handoffs', 'handoff-bot' ),
							'count',
							t.buckets.map( ( bucket ) => bucket.handoffs )
						),
						series(
							'unproductive_turns',
							__( 'Unproductive turns', 'handoff-bot' ),
							'count',
							t.buckets.map(
								( bucket ) => bucket.unproductive_turns
							)
						),
					],
				},
			},
		],
	};
}

function completeness( summary: ReportSummary ): Signal {
	const c = summary.metrics.completeness;
	const fields = new Map(
		Array.isArray( c.fields ) ? [] : Object.entries( c.fields )
	);
	const days = c.days.map( ( day ) => day.day );
	return {
		id: 'completeness',
		title: __( 'Context package completeness', 'handoff-bot' ),
		description: __(
			'The share of handoffs whose brief held each field, and the mean completeness per day.',
			'handoff-bot'
		),
		figures: [
			figure(
				'completeness',
				__( 'Completeness', 'handoff-bot' ),
				c.score,
				'share',
				summary
			),
		],
		blocks: [
			{
				id: 'completeness-fields',
				title: __( 'Per field', 'handoff-bot' ),
				chart: {
					type: 'bar',
					category: __( 'Field', 'handoff-bot' ),
					labels: FIELDS.map( fieldLabel ),
					series: [
						series(
							'share',
							__( 'Handoffs with it', 'handoff-bot' ),
							'share',
							FIELDS.map( ( field ) =>
								c.handoffs > 0
									? ( fields.get( field ) ?? 0 )
									: null
							)
						),
					],
				},
			},
			{
				id: 'completeness-days',
				title: __( 'Over time', 'handoff-bot' ),
				chart: {
					type: 'line',
					category: __( 'Day', 'handoff-bot' ),
					labels: days,
					series: [
						series(
							'score',
							__( 'Completeness', 'handoff-bot' ),
							'share',
							c.days.map( ( day ) => day.score )
						),
						series(
							'handoffs',
							__( 'Handoffs with a brief', 'handoff-bot' ),
							'count',
							c.days.map( ( day ) => day.handoffs )
						),
					],
					plot: [ 'score' ],
					notes: dayNotes( days, summary ),
				},
			},
		],
	};
}

export { escalation, triggers, turns, completeness, figure, series };
