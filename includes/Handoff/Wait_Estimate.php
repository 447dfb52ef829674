<?php
/**
 * How long a visitor in the queue will likely wait.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Handoff;

defined( 'ABSPATH' ) || exit;

/**
 * Pure: the median time recent handoffs of a team waited until accepted, for each visitor ahead
 * and this one, in whole minutes (at least 1). Unknown (null) without recent handoffs accepted.
 */
final class Wait_Estimate {

	/**
	 * How many recent waits the estimate stands on.
	 */
	public const RECENT = 20;

	/**
	 * Expected minutes.
	 *
	 * @param array<int, int> $waits Recent waits in seconds.
	 * @param int             $place Place in the queue (1 = next).
	 */
	public static function minutes( array $waits, int $place ): ?int {
		return self::minutes_at( self::median( $waits ), $place );
	}

	/**
	 * The median of recent waits, in seconds; null without any.
	 *
	 * @param array<int, int> $waits Recent waits in seconds.
	 */
	public static function median( array $waits ): ?float {
		if ( ! $waits ) {
			return null;
		}
		$waits = array_values( $waits );
		sort( $waits );
		$middle = intdiv( count( $waits ), 2 );
		return (float) ( 0 === count( $waits ) % 2 ? ( $waits[ $middle - 1 ] + $waits[ $middle ] ) / 2 : $waits[ $middle ] );
	}

	/**
	 * Expected minutes from a median wait.
	 *
	 * @param float|null $median Median wait in seconds (null: unknown).
	 * @param int        $place  Place in the queue (1 = next).
	 */
	public static function minutes_at( ?float $median, int $place ): ?int {
		if ( null === $median ) {
			return null;
		}
		return max( 1, (int) ceil( $median * max( 1, $place ) / MINUTE_IN_SECONDS ) );
	}
}
