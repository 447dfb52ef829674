/**
 * The period the report shows: a preset (the last 7 or 30 days, a calendar month or quarter) or
 * custom days, checked here before the server is asked, as the server checks them.
 */
import { __, _n, sprintf } from '@wordpress/i18n';

import type {
	PeriodPreset,
	ReportPeriod,
	ReportQuery,
} from '../../shared/types/reports';

export type PeriodChoice = {
	preset: PeriodPreset;
	/** Custom: the first day; month and quarter: any day inside (empty: today's). */
	from: string;
	/** Custom: the last day, included. */
	to: string;
};

/** The longest custom period the server takes, in days. */
export const MAX_DAYS = 400;

export const DEFAULT_CHOICE: PeriodChoice = {
	preset: 'last_30_days',
	from: '',
	to: '',
};

export function presetOptions(): Array< {
	value: PeriodPreset;
	label: string;
} > {
	return [
		{ value: 'last_7_days', label: __( 'Last 7 days', 'handoff-bot' ) },
		{ value: 'last_30_days', label: __( 'Last 30 days', 'handoff-bot' ) },
		{ value: 'month', label: __( 'Month', 'handoff-bot' ) },
		{ value: 'quarter', label: __( 'Quarter', 'handoff-bot' ) },
		{ value: 'custom', label: __( 'Custom', 'handoff-bot' ) },
	];
}

/**
 * The UTC midnight of a day written YYYY-MM-DD, or null when it is not a real day.
 * @param day The day.
 */
export function parseDay( day: string ): number | null {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec( day );
	if ( ! match ) {
		return null;
	}
	const year = Number( match[ 1 ] );
	const month = Number( match[ 2 ] );
	const date = Number( match[ 3 ] );
	const time = Date.UTC( year, month - 1, date );
	const parsed = new Date( time );
	return parsed.getUTCFullYear() === year &&
		parsed.getUTCMonth() === month - 1 &&
		parsed.getUTCDate() === date
		? time
		: null;
}

/**
 * How many days a custom period holds (both days included).
 * @param from First day.
 * @param to   Last day.
 */
export function daysInclusive( from: string, to: string ): number | null {
	const start = parseDay( from );
	const end = parseDay( to );
	if ( start === null || end === null ) {
		return null;
	}
	return Math.round( ( end - start ) / 86400000 ) + 1;
}

/**
 * What is wrong with a choice, or '' when the server can be asked.
 * @param choice The choice.
 */
export function periodError( choice: PeriodChoice ): string {
	if ( choice.preset === 'month' || choice.preset === 'quarter' ) {
		return choice.from && parseDay( choice.from ) === null
			? __( 'Choose a real day, written YYYY-MM-DD.', 'handoff-bot' )
			: '';
	}
	if ( choice.preset !== 'custom' ) {
		return '';
	}
	if ( ! choice.from || ! choice.to ) {
		return __(
			'A custom period needs both a first and a last day.',
			'handoff-bot'
		);
	}
	const days = daysInclusive( choice.from, choice.to );
	if ( days === null ) {
		return __( 'Choose real days, written YYYY-MM-DD.', 'handoff-bot' );
	}
	if ( days < 1 ) {
		return __(
			'The last day must be on or after the first day.',
			'handoff-bot'
		);
	}
	if ( days > MAX_DAYS ) {
		return sprintf(
			/* translators: %d: the longest period, in days. */
			__( 'A period can last at most %d days.', 'handoff-bot' ),
			MAX_DAYS
		);
	}
	return '';
}

/**
 * The query the report routes take for a valid choice.
 * @param choice  The choice.
 * @param version Only conversations started under this config version (0: all).
 */
export function toQuery( choice: PeriodChoice, version = 0 ): ReportQuery {
	const query: ReportQuery = { period: choice.preset };
	if ( choice.preset === 'custom' ) {
		query.from = choice.from;
		query.to = choice.to;
	} else if (
		( choice.preset === 'month' || choice.preset === 'quarter' ) &&
		choice.from
	) {
		query.from = choice.from;
	}
	if ( version > 0 ) {
		query.config_version = version;
	}
	return query;
}

/**
 * A period as the screen names it: "2026-03-02 to 2026-03-08 (7 days)".
 * @param period The period the server answered for.
 */
export function describePeriod( period: ReportPeriod ): string {
	return sprintf(
		/* translators: 1: first day, 2: last day, 3: number of days. */
		_n(
			'%1$s to %2$s (%3$d day)',
			'%1$s to %2$s (%3$d days)',
			period.days,
			'handoff-bot'
		),
		period.from,
		period.to,
		period.days
	);
}

/**
 * The period of a review: its calendar month (`2026-11`) or quarter (`2026-Q4`), from its first
 * day; null for a name that is neither.
 * @param review The review's name.
 */
export function reviewChoice( review: string ): PeriodChoice | null {
	const month = /^(\d{4})-(\d{2})$/.exec( review );
	if ( month && Number( month[ 2 ] ) >= 1 && Number( month[ 2 ] ) <= 12 ) {
		return { preset: 'month', from: `${ review }-01`, to: '' };
	}
	const quarter = /^(\d{4})-Q([1-4])$/.exec( review );
	if ( quarter ) {
		const first = ( Number( quarter[ 2 ] ) - 1 ) * 3 + 1;
		return {
			preset: 'quarter',
			from: `${ quarter[ 1 ] }-${ String( first ).padStart( 2, '0' ) }-01`,
			to: '',
		};
	}
	return null;
}
