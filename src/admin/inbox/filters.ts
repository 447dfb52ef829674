/**
 * The list's DataViews filters as the handoffs route takes them (team, reason, intent), and the
 * time-waiting filter, which the screen applies to the page it has.
 */
import type { Filter } from '@wordpress/dataviews';

import type { HandoffFilters, HandoffSummary } from '../../shared/types/inbox';

function valueOf( filters: Filter[] | undefined, field: string ): string {
	const filter = filters?.find( ( f ) => f.field === field );
	const value: unknown = filter?.value;
	return typeof value === 'string' || typeof value === 'number'
		? String( value )
		: '';
}

export function restFilters( filters: Filter[] | undefined ): HandoffFilters {
	const out: HandoffFilters = {};
	for ( const name of [ 'team', 'reason', 'intent' ] as const ) {
		const value = valueOf( filters, name );
		if ( value ) {
			out[ name ] = value;
		}
	}
	return out;
}

/**
 * The handoffs that waited at least as long as the time-waiting filter asks.
 * @param handoffs A page of handoffs.
 * @param filters  The list's filters.
 */
export function byWaiting(
	handoffs: HandoffSummary[],
	filters: Filter[] | undefined
): HandoffSummary[] {
	const min = Number( valueOf( filters, 'waiting' ) );
	return min > 0
		? handoffs.filter( ( handoff ) => handoff.waiting_seconds >= min )
		: handoffs;
}
