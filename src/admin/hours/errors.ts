/**
 * The refused fields of a save, by path, as the screen places them: each under its field, and
 * the rest listed in the notice.
 */
import type { AvailabilityErrors } from '../../shared/types/availability';

const DAY = '(?:mon|tue|wed|thu|fri|sat|sun)';

/** The paths the screen shows beside a field. */
const PLACED = [
	new RegExp(
		`^(?:teams\\.\\d+\\.)?hours(?:\\.${ DAY }(?:\\.\\d+\\.(?:open|close))?)?$`
	),
	/^holidays(?:\.\d+(?:\.(?:date|label|yearly))?)?$/,
	/^teams(?:\.\d+(?:\.(?:name|label|agents(?:\.\d+)?))?)?$/,
	/^capacity\.(?:max_waiting|max_wait_minutes|max_chats_per_agent)$/,
	/^(?:escalation_failed_minutes|abandon_minutes|callback)$/,
];

/** The change's own fields, shown in the save dialog. */
const CHANGE = [ 'note', 'expected_impact' ];

/**
 * Whether any refused field is part of the availability (not only the note).
 * @param errors Errors by path.
 */
export function hasFieldErrors( errors: AvailabilityErrors ): boolean {
	return Object.keys( errors ).some( ( path ) => ! CHANGE.includes( path ) );
}

/**
 * "path: message" for each error no field shows.
 * @param errors Errors by path.
 */
export function unplacedErrors( errors: AvailabilityErrors ): string[] {
	return Object.entries( errors )
		.filter(
			( [ path ] ) =>
				! CHANGE.includes( path ) &&
				! PLACED.some( ( pattern ) => pattern.test( path ) )
		)
		.map( ( [ path, message ] ) => `${ path }: ${ message }` );
}

/**
 * The errors without those at a path or under it (after a removal, positions no longer match).
 * @param errors Errors by path.
 * @param prefix The path, such as "holidays" or "hours.mon".
 */
export function without(
	errors: AvailabilityErrors,
	prefix: string
): AvailabilityErrors {
	return Object.fromEntries(
		Object.entries( errors ).filter(
			( [ path ] ) =>
				path !== prefix && ! path.startsWith( `${ prefix }.` )
		)
	);
}
