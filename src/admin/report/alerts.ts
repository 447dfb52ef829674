/**
 * What the report says of an alert: why it was raised (the rule it met, in the alert's window),
 * the alert an address asks to open (`?alert=ID`, the dashboard widget's link), each
 * investigation step's drill-down split into the period and the figure's filter, and a data cell
 * as text.
 */
import { __, sprintf } from '@wordpress/i18n';

import type {
	CellKind,
	DrillFilter,
	InvestigationStep,
	PeriodPreset,
	ReportAlert,
	ReportQuery,
} from '../../shared/types/reports';
import {
	formatChange,
	formatSeconds,
	formatShare,
	formatValue,
} from './format';

const RULES = (): Record< string, string > => ( {
	new_top_reason: __(
		'A reason code entered the three with the most handoffs.',
		'handoff-bot'
	),
	intent_rate: __(
		'An intent’s escalation rate moved by more than the threshold set.',
		'handoff-bot'
	),
	earlier_requests: __(
		'Visitors who asked for a person did so earlier: the median turn fell.',
		'handoff-bot'
	),
	topic_share: __(
		'One topic took more than the share of handoffs set.',
		'handoff-bot'
	),
	queue_delay: __(
		'The median wait for a person’s first reply rose by more than the threshold set.',
		'handoff-bot'
	),
	abandonment: __(
		'More visitors left the queue before a person answered.',
		'handoff-bot'
	),
	completeness: __(
		'The context packages agents receive became less complete.',
		'handoff-bot'
	),
	connection_failing: __(
		'A connection keeps failing to deliver.',
		'handoff-bot'
	),
} );

/**
 * Why the alert was raised, and on which days.
 * @param alert The alert.
 */
export function alertWhy( alert: ReportAlert ): string {
	const rule = RULES()[ alert.kind ] ?? alert.kind;
	return sprintf(
		/* translators: 1: the rule the alert met, 2: first day, 3: last day. */
		__( '%1$s Compared %2$s to %3$s with the days before.', 'handoff-bot' ),
		rule,
		alert.period.from,
		alert.period.to
	);
}

/**
 * The alert an address asks to open (`?alert=12`), or null.
 * @param search The address's query string.
 */
export function alertIdFromSearch( search: string ): number | null {
	const raw = new URLSearchParams( search ).get( 'alert' ) ?? '';
	if ( ! /^[1-9]\d{0,9}$/.test( raw ) ) {
		return null;
	}
	return Number( raw );
}

const PERIOD_KEYS = [ 'period', 'from', 'to', 'config_version' ];
const FILTER_KEYS: Array< keyof DrillFilter > = [
	'reason',
	'intent',
	'trigger',
	'route',
	'route_reason',
	'team',
	'status',
	'outcome',
	'topic',
	'tag',
	'accepted',
];

/**
 * A step's drill-down (the query of /reports/conversations) as the period it covers and the
 * figure's filter.
 * @param drill The step's drill-down.
 */
export function splitDrill( drill: Record< string, string | number > ): {
	query: ReportQuery;
	filter: DrillFilter;
} {
	const query: ReportQuery = {
		period: String( drill.period ?? 'custom' ) as PeriodPreset,
	};
	if ( drill.from !== undefined ) {
		query.from = String( drill.from );
	}
	if ( drill.to !== undefined ) {
		query.to = String( drill.to );
	}
	if ( drill.config_version ) {
		query.config_version = Number( drill.config_version );
	}
	const filter: DrillFilter = {};
	for ( const key of FILTER_KEYS ) {
		if ( drill[ key ] !== undefined && ! PERIOD_KEYS.includes( key ) ) {
			filter[ key ] = String( drill[ key ] );
		}
	}
	return { query, filter };
}

/**
 * How a cell of a step's data table reads: its column's kind, or its row's where the column
 * reads by row (a table of figures of mixed kinds).
 * @param data The step's data.
 * @param row  The row's index.
 * @param col  The column's index.
 */
export function cellKind(
	data: Pick< InvestigationStep[ 'data' ], 'kinds' | 'row_kinds' >,
	row: number,
	col: number
): CellKind {
	const kind = data.kinds?.[ col ] ?? 'text';
	return kind === 'by_row' ? ( data.row_kinds?.[ row ] ?? 'text' ) : kind;
}

/**
 * A cell of a step's data table as the server says it reads: a share as a percentage, a
 * difference of shares in points, seconds as a duration, a count whole, a number with at most
 * two decimals; no value as a dash.
 * @param value The cell.
 * @param kind  How it reads.
 */
export function cellText(
	value: string | number | boolean | null,
	kind: CellKind = 'text'
): string {
	if ( value === null ) {
		return '—';
	}
	if ( typeof value === 'boolean' ) {
		return value ? __( 'Yes', 'handoff-bot' ) : __( 'No', 'handoff-bot' );
	}
	if ( typeof value !== 'number' ) {
		return value;
	}
	switch ( kind ) {
		case 'share':
			return formatShare( value );
		case 'points':
			return formatChange(
				{ current: null, previous: null, delta: value, relative: null },
				'share'
			);
		case 'seconds':
			return formatSeconds( value );
		case 'count':
		case 'mean':
			return formatValue( value, 'mean' );
		default:
			return String( value );
	}
}
