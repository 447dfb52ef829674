<?php
/**
 * How each connection's deliveries have fared lately.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Repositories;

use HandoffBot\Notifications\Connection_Store;

defined( 'ABSPATH' ) || exit;

/**
 * Reads the deliveries table for Site Health: a connection's latest outcomes, and the deliveries
 * that failed for good or keep being retried. Test messages sent from the Connections screen are
 * left out: the admin saw their answer at once.
 *
 * @phpstan-type Delivery_Outcome array{status: string, attempts: int, response_code: int, error: string, last_attempt_at: string}
 */
final class Delivery_Health_Repository extends Repository {

	/**
	 * A connection's latest deliveries that are sent, failed, or have failed at least once and
	 * wait for their next attempt; newest first.
	 *
	 * @param string $connection_id Connection ID.
	 * @param int    $limit         At most this many.
	 * @return list<Delivery_Outcome>
	 */
	public function latest( string $connection_id, int $limit ): array {
		$rows = $this->get_rows(
			"SELECT status, attempts, response_code, error, last_attempt_at FROM %i WHERE connection_id = %s AND event <> %s AND (status <> 'pending' OR attempts > 0) ORDER BY id DESC LIMIT %d",
			$this->table( 'deliveries' ),
			$connection_id,
			Connection_Store::TEST_EVENT,
			$limit
		);
		$out  = array();
		foreach ( $rows as $row ) {
			$out[] = array(
				'status'          => (string) $row['status'],
				'attempts'        => (int) $row['attempts'],
				'response_code'   => (int) $row['response_code'],
				'error'           => (string) $row['error'],
				'last_attempt_at' => (string) $row['last_attempt_at'],
			);
		}
		return $out;
	}

	/**
	 * How many of a connection's deliveries failed for good since a moment.
	 *
	 * @param string $connection_id Connection ID.
	 * @param string $since         Y-m-d H:i:s, UTC.
	 */
	public function failed_since( string $connection_id, string $since ): int {
		return (int) $this->get_var(
			"SELECT COUNT(*) FROM %i WHERE connection_id = %s AND event <> %s AND status = 'failed' AND last_attempt_at >= %s",
			$this->table( 'deliveries' ),
			$connection_id,
			Connection_Store::TEST_EVENT,
			$since
		);
	}
}
