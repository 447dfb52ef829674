/**
 * The report's signals 5 to 10 (outcomes, effort, queue, privacy, drift, reason codes) and the
 * list of all ten, in order.
 */
import { __ } from '@wordpress/i18n';

import type { ReportSummary, SaveRow } from '../../shared/types/reports';
import { formatChange } from './format';
import {
	fallbackLabel,
	intentName,
	orNone,
	reasonLabel,
	routeLabel,
	versionLabel,
} from './labels';
import {
	completeness,
	dayNotes,
	entries,
	escalation,
	figure,
	series,
	triggers,
	turns,
	TREND_REASONS,
	type Block,
	type Signal,
} from './signals';

function saveBlock(
	id: string,
	title: string,
	category: string,
	rows: SaveRow[],
	name: ( key: string ) => string,
	drill: ( key: string ) => Record< string, string >
): Block {
	return {
		id,
		title,
		chart: {
			type: 'bar',
			category,
			labels: rows.map( ( row ) => name( row.key ) ),
			series: [
				series(
					'rate',
					__( 'Save rate', 'handoff-bot' ),
					'share',
					rows.map( ( row ) => row.rate )
				),
				series(
					'accepted',
					__( 'Accepted', 'handoff-bot' ),
					'count',
					rows.map( ( row ) => row.accepted )
				),
				series(
					'resolved',
					__( 'Resolved', 'handoff-bot' ),
					'count',
					rows.map( ( row ) => row.resolved )
				),
			],
			plot: [ 'rate' ],
			drill: rows.map( ( row ) => drill( row.key ) ),
		},
	};
}

function outcomes( summary: ReportSummary ): Signal {
	const m = summary.metrics;
	const topics = m.automation.topics;
	return {
		id: 'outcomes',
		title: __(
			'Agent saves, failed escalations and what the bot could have answered',
			'handoff-bot'
		),
		description: __(
			'Handoffs an agent accepted and resolved; live handoffs nobody accepted in time; handoffs agents marked as ones the bot could have answered, by topic; and satisfaction when the bot finished the conversation and when a person did.',
			'handoff-bot'
		),
		figures: [
			figure(
				'save_rate',
				__( 'Agent save rate', 'handoff-bot' ),
				m.saves.rate,
				'share',
				summary,
				{ accepted: '1' }
			),
			figure(
				'escalation_failed_rate',
				__( 'Escalations nobody accepted', 'handoff-bot' ),
				m.escalation_failed.rate,
				'share',
				summary,
				{ tag: 'escalation_failed' }
			),
			figure(
				'automation_candidates',
				__( 'The bot could have answered', 'handoff-bot' ),
				m.automation.handoffs,
				'count',
				summary,
				{ tag: 'bot_could_answer' }
			),
		],
		blocks: [
			saveBlock(
				'saves-reason',
				__( 'Save rate by reason', 'handoff-bot' ),
				__( 'Reason', 'handoff-bot' ),
				m.saves.by_reason,
				reasonLabel,
				( key ) => ( { reason: key, accepted: '1' } )
			),
			saveBlock(
				'saves-intent',
				__( 'Save rate by intent', 'handoff-bot' ),
				__( 'Intent', 'handoff-bot' ),
				m.saves.by_intent,
				( key ) => intentName( '', key ),
				( key ) => ( { intent: key, accepted: '1' } )
			),
			saveBlock(
				'saves-team',
				__( 'Save rate by team', 'handoff-bot' ),
				__( 'Team', 'handoff-bot' ),
				m.saves.by_team,
				orNone,
				( key ) => ( { team: key, accepted: '1' } )
			),
			{
				id: 'automation-topics',
				title: __( 'Automation candidates by topic', 'handoff-bot' ),
				chart: {
					type: 'bar',
					category: __( 'Topic', 'handoff-bot' ),
					labels: topics.map( ( row ) => orNone( row.topic ) ),
					series: [
						series(
							'handoffs',
							__( 'Handoffs', 'handoff-bot' ),
							'count',
							topics.map( ( row ) => row.handoffs )
						),
					],
					drill: topics.map( ( row ) => ( {
						tag: 'bot_could_answer',
						topic: row.topic,
					} ) ),
				},
			},
			{
				id: 'satisfaction',
				title: __( 'Satisfaction', 'handoff-bot' ),
				chart: {
					type: 'bar',
					category: __( 'Finished by', 'handoff-bot' ),
					labels: [
						__( 'The bot alone', 'handoff-bot' ),
						__( 'A person', 'handoff-bot' ),
					],
					series: [
						series(
							'mean',
							__( 'Mean rating (1–5)', 'handoff-bot' ),
							'mean',
							[
								m.satisfaction.bot.mean,
								m.satisfaction.person.mean,
							]
						),
						series(
							'ratings',
							__( 'Ratings', 'handoff-bot' ),
							'count',
							[
								m.satisfaction.bot.ratings,
								m.satisfaction.person.ratings,
							]
						),
						series(
							'satisfied_share',
							__( 'Rated 4 or 5', 'handoff-bot' ),
							'share',
							[
								m.satisfaction.bot.satisfied_share,
								m.satisfaction.person.satisfied_share,
							]
						),
					],
					plot: [ 'mean' ],
				},
			},
		],
	};
}

function effort( summary: ReportSummary ): Signal {
	const e = summary.metrics.effort;
	const ids = [
		'early_request_share',
		'offer_drop_rate',
		'asked_for_person_share',
		'negative_before_handoff_share',
	];
	return {
		id: 'effort',
		title: __( 'Customer effort', 'handoff-bot' ),
		description: __(
			'A person asked for in the first two turns; offers of a person the visitor left without answering; visitors who asked for an agent or said the bot did not help; negative sentiment before the handoff.',
			'handoff-bot'
		),
		figures: [],
		blocks: [
			{
				id: 'effort',
				title: __( 'Effort signals', 'handoff-bot' ),
				chart: {
					type: 'bar',
					category: __( 'Signal', 'handoff-bot' ),
					labels: [
						__(
							'A person asked for in the first two turns',
							'handoff-bot'
						),
						__( 'Left after an offer of a person', 'handoff-bot' ),
						__( 'Asked for an agent', 'handoff-bot' ),
						__( 'Negative before the handoff', 'handoff-bot' ),
					],
					series: [
						series(
							'share',
							__( 'Share', 'handoff-bot' ),
							'share',
							[
								e.early_request_share,
								e.offer_drop_rate,
								e.asked_for_person_share,
								e.negative_before_handoff_share,
							]
						),
						series(
							'count',
							__( 'Count', 'handoff-bot' ),
							'count',
							[
								e.early_requests,
								e.offers_dropped,
								e.asked_for_person,
								e.negative_before_handoff,
							]
						),
					],
					text: [
						{
							id: 'change',
							label: __( 'Change', 'handoff-bot' ),
							values: ids.map( ( id ) =>
								formatChange(
									summary.comparison?.changes[ id ],
									'share'
								)
							),
						},
					],
					plot: [ 'share' ],
				},
			},
		],
	};
}

function queue( summary: ReportSummary ): Signal {
	const q = summary.metrics.queue;
	const kinds = entries( q.fallbacks_by_kind );
	const routes = entries( q.fallbacks_by_route );
	return {
		id: 'queue',
		title: __( 'Queue', 'handoff-bot' ),
		description: __(
			'Live handoffs an agent accepted in staffed hours, the fallbacks taken otherwise, the wait for a first human reply, and visitors who left while waiting.',
			'handoff-bot'
		),
		figures: [
			figure(
				'transfer_success_rate',
				__( 'Transfer success in staffed hours', 'handoff-bot' ),
				q.transfer_success_rate,
				'share',
				summary,
				{ route_reason: 'live' }
			),
			figure(
				'delay_median_seconds',
				__( 'Wait for a first reply, median', 'handoff-bot' ),
				q.delay_median_seconds,
				'seconds',
				summary
			),
			figure(
				'delay_p90_seconds',
				__( 'Wait for a first reply, 90th percentile', 'handoff-bot' ),
				q.delay_p90_seconds,
				'seconds',
				summary
			),
			figure(
				'abandonment_rate',
				__( 'Abandoned while waiting', 'handoff-bot' ),
				q.abandonment_rate,
				'share',
				summary
			),
		],
		blocks: [
			{
				id: 'fallbacks-kind',
				title: __( 'Fallbacks by kind', 'handoff-bot' ),
				chart: {
					type: 'bar',
					category: __( 'Kind', 'handoff-bot' ),
					labels: kinds.map( ( [ kind ] ) => fallbackLabel( kind ) ),
					series: [
						series(
							'handoffs',
							__( 'Handoffs', 'handoff-bot' ),
							'count',
							kinds.map( ( [ , count ] ) => count )
						),
					],
					drill: kinds.map( ( [ kind ] ) => ( {
						route_reason: kind,
					} ) ),
				},
			},
			{
				id: 'fallbacks-route',
				title: __( 'Fallbacks by route', 'handoff-bot' ),
				chart: {
					type: 'bar',
					category: __( 'Route', 'handoff-bot' ),
					labels: routes.map( ( [ route ] ) => routeLabel( route ) ),
					series: [
						series(
							'handoffs',
							__( 'Handoffs', 'handoff-bot' ),
							'count',
							routes.map( ( [ , count ] ) => count )
						),
					],
				},
			},
		],
	};
}

function privacy( summary: ReportSummary ): Signal {
	const p = summary.metrics.privacy;
	const byReason = entries( p.reasons );
	return {
		id: 'privacy',
		title: __( 'Privacy-route handoffs', 'handoff-bot' ),
		description: __(
			'Handoffs routed privately, by reason.',
			'handoff-bot'
		),
		figures: [
			figure(
				'private_handoffs',
				__( 'Private handoffs', 'handoff-bot' ),
				p.handoffs,
				'count',
				summary,
				{ route_reason: 'private' }
			),
		],
		blocks: [
			{
				id: 'privacy-reasons',
				title: __( 'By reason', 'handoff-bot' ),
				chart: {
					type: 'bar',
					category: __( 'Reason', 'handoff-bot' ),
					labels: byReason.map( ( [ reason ] ) =>
						reasonLabel( reason )
					),
					series: [
						series(
							'handoffs',
							__( 'Handoffs', 'handoff-bot' ),
							'count',
							byReason.map( ( [ , count ] ) => count )
						),
					],
					drill: byReason.map( ( [ reason ] ) => ( {
						route_reason: 'private',
						reason,
					} ) ),
				},
			},
		],
	};
}

function drift( summary: ReportSummary ): Signal {
	const rows = summary.drift.versions;
	const pick = ( get: ( row: ( typeof rows )[ number ] ) => number | null ) =>
		rows.map( get );
	return {
		id: 'drift',
		title: __( 'By configuration version', 'handoff-bot' ),
		description: __(
			'The headline figures of the conversations started under each configuration version, and the changes saved in the period with their notes.',
			'handoff-bot'
		),
		figures: [],
		blocks: [
			{
				id: 'drift-versions',
				title: __( 'Versions', 'handoff-bot' ),
				chart: {
					type: 'bar',
					category: __( 'Configuration version', 'handoff-bot' ),
					labels: rows.map( ( row ) =>
						versionLabel( row.config_version )
					),
					series: [
						series(
							'escalation_rate',
							__( 'Escalation rate', 'handoff-bot' ),
							'share',
							pick( ( r ) => r.escalation_rate )
						),
						series(
							'conversations',
							__( 'Conversations', 'handoff-bot' ),
							'count',
							pick( ( r ) => r.conversations )
						),
						series(
							'handoffs',
							__( 'Handoffs', 'handoff-bot' ),
							'count',
							pick( ( r ) => r.handoffs )
						),
						series(
							'user_share',
							__( 'Asked for by the visitor', 'handoff-bot' ),
							'share',
							pick( ( r ) => r.user_share )
						),
						series(
							'median_turn',
							__( 'Median turns', 'handoff-bot' ),
							'mean',
							pick( ( r ) => r.median_turn )
						),
						series(
							'save_rate',
							__( 'Save rate', 'handoff-bot' ),
							'share',
							pick( ( r ) => r.save_rate )
						),
						series(
							'completeness',
							__( 'Completeness', 'handoff-bot' ),
							'share',
							pick( ( r ) => r.completeness )
						),
						series(
							'transfer_success_rate',
							__( 'Transfer success', 'handoff-bot' ),
							'share',
							pick( ( r ) => r.transfer_success_rate )
						),
						series(
							'abandonment_rate',
							__( 'Abandoned', 'handoff-bot' ),
							'share',
							pick( ( r ) => r.abandonment_rate )
						),
						series(
							'satisfaction_bot',
							__( 'Satisfaction, bot', 'handoff-bot' ),
							'mean',
							pick( ( r ) => r.satisfaction_bot )
						),
						series(
							'satisfaction_person',
							__( 'Satisfaction, person', 'handoff-bot' ),
							'mean',
							pick( ( r ) => r.satisfaction_person )
						),
					],
					plot: [ 'escalation_rate', 'user_share', 'save_rate' ],
				},
			},
		],
	};
}

function reasons( summary: ReportSummary ): Signal {
	const rows = summary.metrics.reasons;
	const days = summary.metrics.triggers.days.map( ( day ) => day.day );
	const followed = rows
		.filter( ( row ) => row.handoffs > 0 )
		.sort( ( a, b ) => b.handoffs - a.handoffs )
		.slice( 0, TREND_REASONS );
	return {
		id: 'reasons',
		title: __( 'Reason codes', 'handoff-bot' ),
		description: __(
			'Handoffs by reason code, with their trend.',
			'handoff-bot'
		),
		figures: [],
		blocks: [
			{
				id: 'reasons',
				title: __( 'Breakdown', 'handoff-bot' ),
				chart: {
					type: 'bar',
					category: __( 'Reason', 'handoff-bot' ),
					labels: rows.map( ( row ) => reasonLabel( row.reason ) ),
					series: [
						series(
							'handoffs',
							__( 'Handoffs', 'handoff-bot' ),
							'count',
							rows.map( ( row ) => row.handoffs )
						),
						series(
							'share',
							__( 'Share', 'handoff-bot' ),
							'share',
							rows.map( ( row ) => row.share )
						),
					],
					text: [
						{
							id: 'change',
							label: __( 'Change', 'handoff-bot' ),
							values: rows.map( ( row ) =>
								formatChange(
									summary.comparison?.changes[
										`reason_${ row.reason }`
									],
									'count'
								)
							),
						},
					],
					plot: [ 'handoffs' ],
					drill: rows.map( ( row ) => ( { reason: row.reason } ) ),
				},
			},
			{
				id: 'reasons-trend',
				title: __( 'Trend of the most frequent', 'handoff-bot' ),
				chart: {
					type: 'line',
					category: __( 'Day', 'handoff-bot' ),
					labels: days,
					series: followed.map( ( row ) =>
						series(
							row.reason,
							reasonLabel( row.reason ),
							'count',
							days.map(
								( _day, index ) => row.days[ index ] ?? 0
							)
						)
					),
					notes: dayNotes( days, summary ),
				},
			},
		],
	};
}

/**
 * The ten signals of the report, in order.
 * @param summary The summary.
 */
export function buildSignals( summary: ReportSummary ): Signal[] {
	return [
		escalation( summary ),
		triggers( summary ),
		turns( summary ),
		completeness( summary ),
		outcomes( summary ),
		effort( summary ),
		queue( summary ),
		privacy( summary ),
		drift( summary ),
		reasons( summary ),
	];
}
