/**
 * The reviews' periods and targets: a monthly review is named `2026-11`, a quarterly one
 * `2026-Q4` (the site's calendar month or quarter); the picker offers the current one and those
 * before it. Each checklist item names the part of the report it needs: a signal's section (on
 * the Signals tab), the samples or the release checkpoints (on the Reviews tab).
 */
import { __, sprintf } from '@wordpress/i18n';

export type Option = { value: string; label: string };

function pad( value: number ): string {
	return String( value ).padStart( 2, '0' );
}

/**
 * The monthly reviews, newest first: the month of `today` and the `count - 1` before it.
 * @param today A day (`YYYY-MM-DD`).
 * @param count How many.
 */
export function monthOptions( today: string, count = 12 ): Option[] {
	let year = Number( today.slice( 0, 4 ) );
	let month = Number( today.slice( 5, 7 ) );
	const out: Option[] = [];
	for ( let i = 0; i < count; i++ ) {
		out.push( {
			value: `${ year }-${ pad( month ) }`,
			label: `${ year }-${ pad( month ) }`,
		} );
		month -= 1;
		if ( month === 0 ) {
			month = 12;
			year -= 1;
		}
	}
	return out;
}

/**
 * The quarterly reviews, newest first: the quarter of `today` and the `count - 1` before it.
 * @param today A day (`YYYY-MM-DD`).
 * @param count How many.
 */
export function quarterOptions( today: string, count = 4 ): Option[] {
	let year = Number( today.slice( 0, 4 ) );
	let quarter = Math.floor( ( Number( today.slice( 5, 7 ) ) - 1 ) / 3 ) + 1;
	const out: Option[] = [];
	for ( let i = 0; i < count; i++ ) {
		out.push( {
			value: `${ year }-Q${ quarter }`,
			label: sprintf(
				/* translators: 1: quarter number, 2: year. */
				__( 'Q%1$d %2$d', 'handoff-bot' ),
				quarter,
				year
			),
		} );
		quarter -= 1;
		if ( quarter === 0 ) {
			quarter = 4;
			year -= 1;
		}
	}
	return out;
}

/**
 * Today in the browser's calendar, `YYYY-MM-DD`.
 * @param now The time.
 */
export function localDay( now: Date = new Date() ): string {
	return `${ now.getFullYear() }-${ pad( now.getMonth() + 1 ) }-${ pad(
		now.getDate()
	) }`;
}

export type Target = { tab: 'signals' | 'reviews'; id: string };

/**
 * Where a checklist item's target is on the screen: the element id to bring into view and the tab
 * it is on.
 * @param target The item's target (a signal's id, `samples` or `checkpoints`).
 */
export function targetOf( target: string ): Target {
	if ( target === 'samples' || target === 'checkpoints' ) {
		return { tab: 'reviews', id: `handoff-bot-report-${ target }` };
	}
	return { tab: 'signals', id: `handoff-bot-report-${ target }` };
}

/**
 * Who did something and when, for the screen.
 * @param person The person, if known.
 * @param at     When (UTC).
 */
export function doneBy(
	person: { name: string } | null,
	at: string | null
): string {
	if ( ! person ) {
		return '';
	}
	return at
		? sprintf(
				/* translators: 1: a person's name, 2: date and time (UTC). */
				__( 'By %1$s, %2$s UTC', 'handoff-bot' ),
				person.name,
				at
			)
		: sprintf(
				/* translators: %s: a person's name. */
				__( 'By %s', 'handoff-bot' ),
				person.name
			);
}
