/**
 * The words the Teams and hours screen uses for weekdays and dates.
 */
import { __ } from '@wordpress/i18n';

import type { DayKey } from '../../shared/types/availability';

/** The weekdays, Monday first (Availability::DAYS). */
export const DAYS: DayKey[] = [
	'mon',
	'tue',
	'wed',
	'thu',
	'fri',
	'sat',
	'sun',
];

export function dayName( day: DayKey ): string {
	switch ( day ) {
		case 'mon':
			return __( 'Monday', 'handoff-bot' );
		case 'tue':
			return __( 'Tuesday', 'handoff-bot' );
		case 'wed':
			return __( 'Wednesday', 'handoff-bot' );
		case 'thu':
			return __( 'Thursday', 'handoff-bot' );
		case 'fri':
			return __( 'Friday', 'handoff-bot' );
		case 'sat':
			return __( 'Saturday', 'handoff-bot' );
		case 'sun':
			return __( 'Sunday', 'handoff-bot' );
	}
	return day;
}

/**
 * A calendar date (`YYYY-MM-DD`, a day of the site's calendar) in the reader's words, such as
 * "24 December 2026". It is read at noon UTC and shown in UTC, so the browser's own time zone
 * cannot move it to another day.
 * @param date The date.
 */
export function formatDay( date: string ): string {
	const moment = new Date( `${ date }T12:00:00Z` );
	if ( Number.isNaN( moment.getTime() ) ) {
		return date;
	}
	const locale = document.documentElement.lang || undefined;
	return moment.toLocaleDateString( locale, {
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone: 'UTC',
	} );
}
