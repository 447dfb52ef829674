<?php
/**
 * Rate limits for the visitor routes.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Rest;

use HandoffBot\Repositories\Rate_Limit_Repository;

defined( 'ABSPATH' ) || exit;

/**
 * Fixed windows keyed on the client's address (see Client_Address) or on the visitor token.
 *
 * The counter table stays small whatever arrives: each limit counts in a fixed number of slots
 * per window (a salted hash of the key picks the slot), so a flood of distinct addresses fills
 * the slots and then adds no rows; and the first request of each minute deletes the windows that
 * have ended. Two keys that share a slot share a count: with the default 16,384 slots that
 * rarely happens outside a flood, and it can only make a limit stricter.
 */
final class Rate_Limiter {

	/**
	 * The bookkeeping counter: the request that counts its first hit runs the purge.
	 */
	private const PURGE = array( 'purge', '', PHP_INT_MAX, MINUTE_IN_SECONDS );

	/**
	 * Counters.
	 *
	 * @var Rate_Limit_Repository
	 */
	private Rate_Limit_Repository $counters;

	/**
	 * The clock (Unix time).
	 *
	 * @var callable(): int
	 */
	private $clock;

	/**
	 * Builds the limiter.
	 *
	 * @param Rate_Limit_Repository $counters Counters.
	 * @param callable|null         $clock    Returns the Unix time; time() by default.
	 * @phpstan-param (callable(): int)|null $clock
	 */
	public function __construct( Rate_Limit_Repository $counters, ?callable $clock = null ) {
		$this->counters = $counters;
		$this->clock    = $clock ?? 'time';
	}

	/**
	 * The key the client's address is counted under.
	 */
	public static function client_key(): string {
		return Client_Address::rate_key( Client_Address::ip() );
	}

	/**
	 * Counts a hit on several limits at once (one write and one read, whatever their number).
	 *
	 * @param array<int, array{0: string, 1: string, 2: int, 3: int}> $limits Each: scope, key, limit, window in seconds.
	 * @return array<int, int|null> For each limit in order: null within it, else the seconds until its window ends.
	 */
	public function check_all( array $limits ): array {
		$now      = (int) ( $this->clock )();
		$slots    = $this->slots();
		$counters = array();
		foreach ( array_merge( $limits, array( self::PURGE ) ) as $limit ) {
			list( $scope, $key, , $window ) = $limit;
			$start                          = $now - ( $now % $window );
			$slot                           = (int) hexdec( substr( hash( 'sha256', $scope . '|' . $key . '|' . wp_salt( 'nonce' ) ), 0, 7 ) ) % $slots;
			// The window's end leads the bucket, so ended windows are one range of the key to delete.
			$counters[] = array( sprintf( '%010d:%s:%d', $start + $window, $scope, $slot ), $start );
		}
		$hits = $this->counters->hit( $counters );
		if ( 1 === end( $hits ) ) {
			$this->counters->purge( sprintf( '%010d', $now + 1 ), $now - DAY_IN_SECONDS );
		}
		$out = array();
		foreach ( $limits as $i => $limit ) {
			$out[] = $hits[ $i ] <= $limit[2] ? null : max( 1, $counters[ $i ][1] + $limit[3] - $now );
		}
		return $out;
	}

	/**
	 * Slots per limit and window.
	 */
	private function slots(): int {
		/**
		 * How many counters each rate limit keeps per time window: the most rows a flood of
		 * distinct addresses can add. Keys that share a counter share their count.
		 *
		 * @since 0.2.0
		 *
		 * @param int $slots Default 16384.
		 */
		return max( 1, (int) apply_filters( 'handoff_bot_rate_limit_slots', 16384 ) );
	}
}
