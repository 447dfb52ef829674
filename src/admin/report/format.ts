/**
 * How the report writes its figures: never NaN, never Infinity; an unknown figure (nothing
 * counted below the line) is a dash.
 */
import { __, sprintf } from '@wordpress/i18n';

import type { Change } from '../../shared/types/reports';

/** How a figure reads: a count, a share (0–1), a mean, or a duration in seconds. */
export type Kind = 'count' | 'share' | 'mean' | 'seconds';

export const UNKNOWN = '—';

function known( value: number | null | undefined ): value is number {
	return typeof value === 'number' && Number.isFinite( value );
}

function trim( value: number, digits: number ): string {
	return String( Number( value.toFixed( digits ) ) );
}

/**
 * @param value A share, 0–1.
 */
export function formatShare( value: number | null | undefined ): string {
	return known( value ) ? `${ trim( value * 100, 1 ) }%` : UNKNOWN;
}

/**
 * @param value Seconds.
 */
export function formatSeconds( value: number | null | undefined ): string {
	if ( ! known( value ) ) {
		return UNKNOWN;
	}
	if ( value < 60 ) {
		/* translators: %s: seconds. */
		return sprintf( __( '%s s', 'handoff-bot' ), trim( value, 0 ) );
	}
	if ( value < 3600 ) {
		/* translators: %s: minutes. */
		return sprintf( __( '%s min', 'handoff-bot' ), trim( value / 60, 1 ) );
	}
	/* translators: %s: hours. */
	return sprintf( __( '%s h', 'handoff-bot' ), trim( value / 3600, 1 ) );
}

/**
 * A figure as the screen shows it.
 * @param value The figure.
 * @param kind  How it reads.
 */
export function formatValue(
	value: number | null | undefined,
	kind: Kind
): string {
	switch ( kind ) {
		case 'share':
			return formatShare( value );
		case 'seconds':
			return formatSeconds( value );
		case 'mean':
			return known( value ) ? trim( value, 2 ) : UNKNOWN;
		default:
			return known( value ) ? String( value ) : UNKNOWN;
	}
}

function signed( text: string, value: number ): string {
	return value > 0 ? `+${ text }` : text;
}

/**
 * The change from the previous period: shares in percentage points, the rest as a difference
 * with its relative change; '' when either side is unknown.
 * @param change The server's change.
 * @param kind   How the figure reads.
 */
export function formatChange( change: Change | undefined, kind: Kind ): string {
	if ( ! change || ! known( change.delta ) ) {
		return '';
	}
	const delta = change.delta;
	if ( delta === 0 ) {
		return __( 'No change', 'handoff-bot' );
	}
	if ( kind === 'share' ) {
		return sprintf(
			/* translators: %s: a signed number of percentage points, e.g. +4.5. */
			__( '%s pts', 'handoff-bot' ),
			signed( trim( delta * 100, 1 ), delta )
		);
	}
	const amount =
		kind === 'seconds'
			? signed( formatSeconds( Math.abs( delta ) ), delta )
			: signed( trim( delta, 2 ), delta );
	const text = kind === 'seconds' && delta < 0 ? `-${ amount }` : amount;
	return known( change.relative )
		? `${ text } (${ signed(
				trim( change.relative * 100, 0 ),
				change.relative
			) }%)`
		: text;
}
