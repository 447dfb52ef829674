<?php
/**
 * Rate limits for the visitor routes.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Rest;

use HandoffBot\Repositories\Rate_Limit_Repository;
use WP_Error;

defined( 'ABSPATH' ) || exit;

/**
 * Fixed windows keyed on REMOTE_ADDR (never a client-supplied header such as X-Forwarded-For) or on
 * the visitor token. Keys are stored hashed.
 */
final class Rate_Limiter {

	/**
	 * Counters.
	 *
	 * @var Rate_Limit_Repository
	 */
	private Rate_Limit_Repository $counters;

	/**
	 * Builds the limiter.
	 *
	 * @param Rate_Limit_Repository $counters Counters.
	 */
	public function __construct( Rate_Limit_Repository $counters ) {
		$this->counters = $counters;
	}

	/**
	 * The client's address, from REMOTE_ADDR only.
	 */
	public static function client_ip(): string {
		$ip = isset( $_SERVER['REMOTE_ADDR'] ) ? sanitize_text_field( wp_unslash( $_SERVER['REMOTE_ADDR'] ) ) : '';
		return false !== filter_var( $ip, FILTER_VALIDATE_IP ) ? $ip : 'unknown';
	}

	/**
	 * Counts a hit; returns a 429 error when the limit is exceeded.
	 *
	 * @param string $scope  What is limited, e.g. "ip", "token", "new".
	 * @param string $key    The IP address or token.
	 * @param int    $limit  Hits allowed per window.
	 * @param int    $window Window length in seconds.
	 * @return WP_Error|null
	 */
	public function check( string $scope, string $key, int $limit, int $window ): ?WP_Error {
		return $this->check_all( array( array( $scope, $key, $limit, $window ) ) )[0];
	}

	/**
	 * Counts a hit on several limits at once (one write and one read, whatever their number).
	 *
	 * @param array<int, array{0: string, 1: string, 2: int, 3: int}> $limits Each: scope, key, limit, window in seconds.
	 * @return array<int, WP_Error|null> For each limit in order: a 429 error when it is exceeded, else null.
	 */
	public function check_all( array $limits ): array {
		$now      = time();
		$counters = array();
		foreach ( $limits as $limit ) {
			list( $scope, $key, , $window ) = $limit;
			$counters[]                     = array( substr( hash( 'sha256', $scope . '|' . $key . '|' . wp_salt( 'nonce' ) ), 0, 40 ), $now - ( $now % $window ) );
		}
		$hits = $this->counters->hit( $counters );
		if ( 0 === wp_rand( 0, 99 ) ) {
			$this->counters->purge( $now - DAY_IN_SECONDS );
		}
		$out = array();
		foreach ( $limits as $i => $limit ) {
			if ( $hits[ $i ] <= $limit[2] ) {
				$out[] = null;
				continue;
			}
			$out[] = new WP_Error(
				'handoff_bot_rate_limited',
				__( 'Too many requests. Please wait a moment and try again.', 'handoff-bot' ),
				array(
					'status'      => 429,
					'retry_after' => max( 1, $counters[ $i ][1] + $limit[3] - $now ),
				)
			);
		}
		return $out;
	}
}
