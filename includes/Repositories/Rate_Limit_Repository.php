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
 * Fixed-window counters in their own table: one atomic upsert for all the counters a request
 * touches, then one read. A bucket names the window's end, the limit and a slot (see Rate_Limiter).
 */
final class Rate_Limit_Repository extends Repository {

	/**
	 * Counts a hit on each counter and returns the hits in each window so far: one upsert for
	 * all of them (atomic, whatever other requests do meanwhile), then one read.
	 *
	 * @param array<int, array{0: string, 1: int}> $counters Each: hashed bucket, window start (Unix time).
	 * @return array<int, int> Hits, in the order of $counters (0 where the database failed).
	 */
	public function hit( array $counters ): array {
		if ( ! $counters ) {
			return array();
		}
		try {
			if ( self::native_connection() ) {
				// SQLite counts and reads back in one statement.
				$hits = $this->add_returning( $counters );
			} else {
				$this->add( $counters );
				$hits = $this->read( $counters );
			}
		} catch ( Storage_Exception $e ) {
			// A counter that cannot be written must not lock visitors out.
			return array_fill( 0, count( $counters ), 0 );
		}
		$out = array();
		foreach ( $counters as $counter ) {
			$out[] = $hits[ $counter[0] . '|' . $counter[1] ] ?? 0;
		}
		return $out;
	}

	/**
	 * Adds a hit to each counter, creating the ones that do not exist yet.
	 *
	 * @param array<int, array{0: string, 1: int}> $counters Each: hashed bucket, window start.
	 * @throws Storage_Exception When the database refuses it.
	 */
	private function add( array $counters ): void {
		$values = array();
		$args   = array();
		foreach ( $counters as $counter ) {
			$values[] = '(%s, %d, 1)';
			array_push( $args, (string) $counter[0], (int) $counter[1] );
		}
		$upsert = self::native_connection()
			? ' ON CONFLICT (bucket, window_start) DO UPDATE SET hits = hits + 1'
			: ' ON DUPLICATE KEY UPDATE hits = hits + 1';
		$this->execute( 'INSERT INTO %i (bucket, window_start, hits) VALUES ' . implode( ', ', $values ) . $upsert, $this->table( 'rate_limits' ), ...$args );
	}

	/**
	 * Adds one hit to each counter and reads them back, on SQLite's own connection (RETURNING).
	 *
	 * @param array<int, array{0: string, 1: int}> $counters Each: hashed bucket, window start.
	 * @return array<string, int> Hits by "bucket|window_start" (none when the write failed).
	 */
	private function add_returning( array $counters ): array {
		$values = array();
		$args   = array( $this->table( 'rate_limits' ) );
		foreach ( $counters as $counter ) {
			$values[] = '(%s, %d, 1)';
			array_push( $args, (string) $counter[0], (int) $counter[1] );
		}
		$hits = array();
		foreach ( $this->get_rows( 'INSERT INTO %i (bucket, window_start, hits) VALUES ' . implode( ', ', $values ) . ' ON CONFLICT (bucket, window_start) DO UPDATE SET hits = hits + 1 RETURNING bucket, window_start, hits', ...$args ) as $row ) {
			$hits[ $row['bucket'] . '|' . $row['window_start'] ] = (int) $row['hits'];
		}
		return $hits;
	}

	/**
	 * The counters' hits.
	 *
	 * @param array<int, array{0: string, 1: int}> $counters Each: hashed bucket, window start.
	 * @return array<string, int> "bucket|window" => hits, for the counters that exist.
	 */
	private function read( array $counters ): array {
		$match = array();
		$args  = array( $this->table( 'rate_limits' ) );
		foreach ( $counters as $counter ) {
			$match[] = '(bucket = %s AND window_start = %d)';
			array_push( $args, (string) $counter[0], (int) $counter[1] );
		}
		$hits = array();
		foreach ( $this->get_rows( 'SELECT bucket, window_start, hits FROM %i WHERE ' . implode( ' OR ', $match ), ...$args ) as $row ) {
			$hits[ $row['bucket'] . '|' . $row['window_start'] ] = (int) $row['hits'];
		}
		return $hits;
	}

	/**
	 * Deletes the counters of ended windows: buckets start with their window's end, so those
	 * that sort before a bucket prefix have ended. Counters from before that form (or under any
	 * other key) go once their window started long ago.
	 *
	 * @param string $ended_before A bucket prefix: the current time plus one, as ten digits.
	 * @param int    $stale_before Unix time.
	 */
	public function purge( string $ended_before, int $stale_before ): void {
		try {
			$this->execute( 'DELETE FROM %i WHERE bucket < %s OR window_start < %d', $this->table( 'rate_limits' ), $ended_before, $stale_before );
		} catch ( Storage_Exception $e ) {
			unset( $e );
			// Housekeeping; the next minute's first request tries again.
		}
	}
}
