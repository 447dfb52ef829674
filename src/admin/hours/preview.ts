/**
 * The next seven days as the edited hours and holidays would make them, before they are saved.
 * The server sends which dates those days are in the site's time zone (`next_days`); this applies
 * the draft to them as `Handoff\Schedule::days()` does: a holiday (a yearly one on its month and
 * day) closes the whole day, else the weekday's intervals apply, in order. Intervals the server
 * would refuse (a time that is not HH:MM, a close not after the opening) are left out.
 */
import type {
	DayPreview,
	Holiday,
	Interval,
	Week,
} from '../../shared/types/availability';

const TIME = /^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Whether an interval is one the server would keep (overlaps aside).
 * @param interval An interval as typed.
 */
export function isValidInterval( interval: Interval ): boolean {
	return (
		TIME.test( interval.open ) &&
		TIME.test( interval.close ) &&
		interval.open !== '24:00' &&
		interval.close > interval.open
	);
}

/**
 * The label of the holiday on a date ('' when it has none), or null when the date is no holiday.
 * @param date     `YYYY-MM-DD`.
 * @param holidays The holidays.
 */
export function holidayOn( date: string, holidays: Holiday[] ): string | null {
	for ( const holiday of holidays ) {
		if ( ! DATE.test( holiday.date ) ) {
			continue;
		}
		if (
			holiday.date === date ||
			( holiday.yearly && holiday.date.slice( 5 ) === date.slice( 5 ) )
		) {
			return holiday.label.trim();
		}
	}
	return null;
}

/**
 * The days ahead with the draft's hours and holidays.
 * @param days     The days ahead, as the server sent them.
 * @param week     The hours that apply (the site's, or a team's own).
 * @param holidays The holidays.
 */
export function previewDays(
	days: DayPreview[],
	week: Week,
	holidays: Holiday[]
): DayPreview[] {
	return days.map( ( { date, day } ) => {
		const holiday = holidayOn( date, holidays );
		const hours =
			holiday === null
				? ( week[ day ] ?? [] )
						.filter( isValidInterval )
						.map( ( { open, close } ) => ( { open, close } ) )
						.sort( ( a, b ) => a.open.localeCompare( b.open ) )
				: [];
		return { date, day, hours, holiday };
	} );
}
