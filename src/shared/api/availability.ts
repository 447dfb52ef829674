/**
 * REST client for hours, holidays, teams and capacity. Errors are what apiFetch throws
 * (`{ code, message, data }`); a save someone else made first is read with `versionConflict()`
 * of ./rules, as both areas refuse it alike.
 */
import apiFetch from '@wordpress/api-fetch';

import type {
	AvailabilityErrors,
	AvailabilityState,
	SaveAvailabilityRequest,
	SavedAvailability,
} from '../types/availability';

const AVAILABILITY = '/handoff-bot/v1/availability';

export function getAvailability(): Promise< AvailabilityState > {
	return apiFetch< AvailabilityState >( { path: AVAILABILITY } );
}

export function saveAvailability(
	request: SaveAvailabilityRequest
): Promise< SavedAvailability > {
	return apiFetch< SavedAvailability >( {
		path: AVAILABILITY,
		method: 'PUT',
		data: request,
	} );
}

/**
 * What is wrong with each refused field of a `400 handoff_bot_invalid_availability`, by path
 * ("hours.mon.0.close", "teams.0.agents", "note"); empty for any other error.
 * @param error What apiFetch threw.
 */
export function availabilityErrors( error: unknown ): AvailabilityErrors {
	const refusal = error as {
		code?: unknown;
		data?: { errors?: unknown };
	} | null;
	if (
		! refusal ||
		typeof refusal !== 'object' ||
		refusal.code !== 'handoff_bot_invalid_availability' ||
		! refusal.data?.errors ||
		typeof refusal.data.errors !== 'object'
	) {
		return {};
	}
	const out: AvailabilityErrors = {};
	for ( const [ path, message ] of Object.entries( refusal.data.errors ) ) {
		out[ path ] = String( message );
	}
	return out;
}
