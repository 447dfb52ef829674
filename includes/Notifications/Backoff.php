<?php
/**
 * When a failed delivery is tried again.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Notifications;

defined( 'ABSPATH' ) || exit;

/**
 * Exponential backoff with jitter: a minute after the first failure, then twice as long after each
 * next one, at most an hour, plus up to a quarter more at random (so that deliveries that failed
 * together, while a receiver was down, do not all come back at once).
 */
final class Backoff {

	/**
	 * Seconds before the second attempt.
	 */
	public const BASE = 60;

	/**
	 * The longest wait between two attempts, in seconds (before jitter).
	 */
	public const CAP = HOUR_IN_SECONDS;

	/**
	 * Attempts before a delivery is marked failed: eight (about two hours of retries).
	 */
	public const MAX_ATTEMPTS = 8;

	/**
	 * Seconds to wait after a failed attempt.
	 *
	 * @param int $attempt The attempt that failed (1 for the first).
	 * @param int $random  A number from 0 to 1000 (1000 adds the most jitter).
	 */
	public static function delay( int $attempt, int $random ): int {
		$delay = (int) min( self::CAP, self::BASE * ( 2 ** min( 20, max( 0, $attempt - 1 ) ) ) );
		return $delay + intdiv( $delay * max( 0, min( 1000, $random ) ), 4000 );
	}

	/**
	 * Attempts a delivery gets before it is marked failed.
	 */
	public static function max_attempts(): int {
		/**
		 * How many times a delivery is tried before it is marked failed.
		 *
		 * @since 0.3.0
		 *
		 * @param int $attempts Default 8.
		 */
		return max( 1, min( 50, (int) apply_filters( 'handoff_bot_delivery_max_attempts', self::MAX_ATTEMPTS ) ) );
	}
}
