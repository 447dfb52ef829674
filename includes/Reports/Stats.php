<?php
/**
 * The arithmetic of the report.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Reports;

defined( 'ABSPATH' ) || exit;

/**
 * Pure: shares, medians and percentiles. An empty set gives null, never a division by zero.
 */
final class Stats {

	/**
	 * A share, rounded to four decimals, or null when there is nothing to divide by.
	 *
	 * @param int $part  Numerator.
	 * @param int $whole Denominator.
	 */
	public static function rate( int $part, int $whole ): ?float {
		return $whole > 0 ? round( $part / $whole, 4 ) : null;
	}

	/**
	 * The mean, rounded to two decimals, or null for no values.
	 *
	 * @param array<int, int|float> $values Values.
	 */
	public static function mean( array $values ): ?float {
		return $values ? round( array_sum( $values ) / count( $values ), 2 ) : null;
	}

	/**
	 * The median (the mean of the two middle values when there is an even number), or null.
	 *
	 * @param array<int, int|float> $values Values.
	 */
	public static function median( array $values ): ?float {
		if ( ! $values ) {
			return null;
		}
		sort( $values );
		$n   = count( $values );
		$mid = intdiv( $n, 2 );
		return (float) ( $n % 2 ? $values[ $mid ] : ( $values[ $mid - 1 ] + $values[ $mid ] ) / 2 );
	}

	/**
	 * A percentile by nearest rank: the smallest value with at least p% of the values at or
	 * below it (p90 of 1..10 is 9), or null.
	 *
	 * @param array<int, int|float> $values  Values.
	 * @param int                   $percent 1 to 100.
	 */
	public static function percentile( array $values, int $percent ): ?float {
		if ( ! $values ) {
			return null;
		}
		sort( $values );
		$rank = (int) ceil( $percent / 100 * count( $values ) );
		return (float) $values[ max( 1, $rank ) - 1 ];
	}

	/**
	 * How a figure moved from the previous period: the difference, and the relative change
	 * (null when either is unknown or the previous one is zero).
	 *
	 * @param int|float|null $current  This period.
	 * @param int|float|null $previous The previous one.
	 * @return array{current: int|float|null, previous: int|float|null, delta: float|null, relative: float|null}
	 */
	public static function change( $current, $previous ): array {
		$known = null !== $current && null !== $previous;
		return array(
			'current'  => $current,
			'previous' => $previous,
			'delta'    => $known ? round( (float) $current - (float) $previous, 4 ) : null,
			'relative' => $known && 0.0 !== (float) $previous ? round( ( (float) $current - (float) $previous ) / (float) $previous, 4 ) : null,
		);
	}

	/**
	 * Seconds between two UTC times as stored, never negative.
	 *
	 * @param string $from Y-m-d H:i:s.
	 * @param string $to   Y-m-d H:i:s.
	 */
	public static function seconds( string $from, string $to ): int {
		return max( 0, (int) strtotime( $to . ' UTC' ) - (int) strtotime( $from . ' UTC' ) );
	}
}
