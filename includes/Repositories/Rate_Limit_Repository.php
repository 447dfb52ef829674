<?php
/**
 * Rate limit counters.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Repositories;

defined( 'ABSPATH' ) || exit;

/**
 * Fixed-window counters in their own table: an atomic increment, then a read.
 */
final class Rate_Limit_Repository extends Repository {

	/**
	 * Counts a hit and returns the hits in the window so far.
	 *
	 * @param string $bucket       Hashed key.
	 * @param int    $window_start Window start (Unix time).
	 */
	public function hit( string $bucket, int $window_start ): int {
		global $wpdb;
		$table   = $this->table( 'rate_limits' );
		$updated = $wpdb->query( $wpdb->prepare( 'UPDATE %i SET hits = hits + 1 WHERE bucket = %s AND window_start = %d', $table, $bucket, $window_start ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- counters must be live.
		if ( ! $updated ) {
			$inserted = $wpdb->query( $wpdb->prepare( 'INSERT IGNORE INTO %i (bucket, window_start, hits) VALUES (%s, %d, 1)', $table, $bucket, $window_start ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- counters must be live.
			if ( ! $inserted ) {
				$wpdb->query( $wpdb->prepare( 'UPDATE %i SET hits = hits + 1 WHERE bucket = %s AND window_start = %d', $table, $bucket, $window_start ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- counters must be live.
			}
		}
		return (int) $wpdb->get_var( $wpdb->prepare( 'SELECT hits FROM %i WHERE bucket = %s AND window_start = %d', $table, $bucket, $window_start ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- counters must be live.
	}

	/**
	 * Deletes windows that ended before a time.
	 *
	 * @param int $before Unix time.
	 */
	public function purge( int $before ): void {
		global $wpdb;
		$wpdb->query( $wpdb->prepare( 'DELETE FROM %i WHERE window_start < %d', $this->table( 'rate_limits' ), $before ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- housekeeping.
	}
}
