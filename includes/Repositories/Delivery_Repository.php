<?php
/**
 * The outbox's deliveries.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Repositories;

defined( 'ABSPATH' ) || exit;

/**
 * Reads and writes the deliveries table. A delivery is claimed before it is tried (an attempt
 * counted and a short claim taken in one statement), so two runners never send it at once.
 *
 * @phpstan-type Delivery array{id: int, delivery_id: string, connection_id: string, kind: string, event: string, handoff_id: int, status: string, attempts: int, max_attempts: int, next_attempt_at: string|null, last_attempt_at: string|null, response_code: int, response_excerpt: string, error: string, created_at: string}
 * @phpstan-type New_Delivery array{delivery_id: string, dedupe: string, connection_id: string, kind: string, event: string, handoff_id: int, max_attempts: int, payload: string}
 * @phpstan-type Delivery_Filter array{status?: string, connection_id?: string, handoff_id?: int}
 */
final class Delivery_Repository extends Repository {

	/**
	 * Stored, not yet sent (waiting for its first or next attempt).
	 */
	public const PENDING = 'pending';

	/**
	 * The receiver accepted it.
	 */
	public const SENT = 'sent';

	/**
	 * Every attempt failed.
	 */
	public const FAILED = 'failed';

	/**
	 * The statuses.
	 */
	public const STATUSES = array( self::PENDING, self::SENT, self::FAILED );

	/**
	 * The columns a list reads (not the payload).
	 */
	private const COLUMNS = 'id, delivery_id, connection_id, kind, event, handoff_id, status, attempts, max_attempts, next_attempt_at, last_attempt_at, response_code, response_excerpt, error, created_at';

	/**
	 * Stores a delivery, due now, unless one with the same dedupe key is stored already.
	 *
	 * @param array $delivery The delivery.
	 * @phpstan-param New_Delivery $delivery
	 * @return int Its row ID, or 0 when its dedupe key was stored before.
	 * @throws Storage_Exception When the database refuses it.
	 */
	public function create( array $delivery ): int {
		global $wpdb;
		$now    = $this->now();
		$stored = $this->execute(
			$this->insert_ignore() . " INTO %i (delivery_id, dedupe, connection_id, kind, event, handoff_id, status, attempts, max_attempts, next_attempt_at, response_code, response_excerpt, error, payload, created_at) VALUES (%s, %s, %s, %s, %s, %d, 'pending', 0, %d, %s, 0, '', '', %s, %s)",
			$this->table( 'deliveries' ),
			$delivery['delivery_id'],
			$delivery['dedupe'],
			$delivery['connection_id'],
			$delivery['kind'],
			$delivery['event'],
			$delivery['handoff_id'],
			$delivery['max_attempts'],
			$now,
			$delivery['payload'],
			$now
		);
		if ( 0 === $stored ) {
			return 0;
		}
		$pdo = self::native_connection();
		return $pdo ? (int) $pdo->lastInsertId() : (int) $wpdb->insert_id;
	}

	/**
	 * A delivery by row ID, or null.
	 *
	 * @param int $id Row ID.
	 * @return Delivery|null
	 * @throws Storage_Exception When the database cannot be read.
	 */
	public function find( int $id ): ?array {
		$row = $this->get_row( 'SELECT ' . self::COLUMNS . ' FROM %i WHERE id = %d', $this->table( 'deliveries' ), $id );
		return $row ? self::hydrate( $row ) : null;
	}

	/**
	 * The stored message of a delivery ('' when there is none).
	 *
	 * @param int $id Row ID.
	 */
	public function payload( int $id ): string {
		return (string) $this->get_var( 'SELECT payload FROM %i WHERE id = %d', $this->table( 'deliveries' ), $id );
	}

	/**
	 * Claims a pending delivery that is due for an attempt: counts the attempt and holds it for
	 * `$hold` seconds. False when it is not pending, not due, or another runner holds it.
	 *
	 * @param int $id   Row ID.
	 * @param int $now  Unix time.
	 * @param int $hold Seconds the claim lasts.
	 * @throws Storage_Exception When the database refuses it.
	 */
	public function claim( int $id, int $now, int $hold ): bool {
		$at = gmdate( 'Y-m-d H:i:s', $now );
		return 1 === $this->execute(
			"UPDATE %i SET attempts = attempts + 1, claimed_until = %s, last_attempt_at = %s WHERE id = %d AND status = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= %s) AND (claimed_until IS NULL OR claimed_until < %s)",
			$this->table( 'deliveries' ),
			gmdate( 'Y-m-d H:i:s', $now + $hold ),
			$at,
			$id,
			$at,
			$at
		);
	}

	/**
	 * Records an attempt's outcome: sent, failed for good, or pending until `$next`.
	 *
	 * @param int      $id       Row ID.
	 * @param string   $status   One of STATUSES.
	 * @param int      $code     HTTP status (0 when there was none).
	 * @param string   $excerpt  The start of the response body.
	 * @param string   $error    What went wrong ('' when nothing did).
	 * @param int|null $next     Unix time of the next attempt, when pending.
	 * @throws Storage_Exception When the database refuses it.
	 */
	public function record_attempt( int $id, string $status, int $code, string $excerpt, string $error, ?int $next ): void {
		$this->update_where(
			'deliveries',
			array(
				'status'           => $status,
				'response_code'    => max( 0, min( 65535, $code ) ),
				'response_excerpt' => $excerpt,
				'error'            => self::cut( $error, 255 ),
				'next_attempt_at'  => null === $next ? null : gmdate( 'Y-m-d H:i:s', $next ),
				'claimed_until'    => null,
			),
			array( 'id' => $id )
		);
	}

	/**
	 * Puts a delivery back in the outbox, due now, with a fresh set of attempts (manual
	 * redelivery). Its delivery ID stays, so receivers that saw it already can drop it.
	 *
	 * @param int $id Row ID.
	 * @return bool False when it is pending already.
	 * @throws Storage_Exception When the database refuses it.
	 */
	public function requeue( int $id ): bool {
		return 1 === $this->execute(
			"UPDATE %i SET status = 'pending', attempts = 0, next_attempt_at = %s, claimed_until = NULL, error = '' WHERE id = %d AND status <> 'pending'",
			$this->table( 'deliveries' ),
			$this->now(),
			$id
		);
	}

	/**
	 * Pending deliveries whose attempt is overdue by `$grace` seconds (their job was lost), and
	 * not held by a runner.
	 *
	 * @param int $now   Unix time.
	 * @param int $grace Seconds.
	 * @param int $limit At most this many.
	 * @return list<int> Row IDs.
	 * @throws Storage_Exception When the database cannot be read.
	 */
	public function overdue( int $now, int $grace, int $limit ): array {
		$ids = $this->get_col(
			"SELECT id FROM %i WHERE status = 'pending' AND next_attempt_at <= %s AND (claimed_until IS NULL OR claimed_until < %s) ORDER BY next_attempt_at ASC LIMIT %d",
			$this->table( 'deliveries' ),
			gmdate( 'Y-m-d H:i:s', $now - $grace ),
			gmdate( 'Y-m-d H:i:s', $now ),
			$limit
		);
		return array_values( array_map( 'intval', $ids ) );
	}

	/**
	 * Whether any delivery waits for an attempt.
	 *
	 * @throws Storage_Exception When the database cannot be read.
	 */
	public function any_pending(): bool {
		return null !== $this->get_var( "SELECT id FROM %i WHERE status = 'pending' LIMIT 1", $this->table( 'deliveries' ) );
	}

	/**
	 * Deliveries, newest first, and how many match in all.
	 *
	 * @param array $filter   What to list.
	 * @phpstan-param Delivery_Filter $filter
	 * @param int   $page     Page, from 1.
	 * @param int   $per_page Rows per page.
	 * @return array{rows: list<Delivery>, total: int}
	 * @throws Storage_Exception When the database cannot be read.
	 */
	public function list( array $filter, int $page, int $per_page ): array {
		$where = array( '1 = 1' );
		$args  = array();
		if ( isset( $filter['status'] ) && '' !== $filter['status'] ) {
			$where[] = 'status = %s';
			$args[]  = $filter['status'];
		}
		if ( isset( $filter['connection_id'] ) && '' !== $filter['connection_id'] ) {
			$where[] = 'connection_id = %s';
			$args[]  = $filter['connection_id'];
		}
		if ( isset( $filter['handoff_id'] ) && $filter['handoff_id'] > 0 ) {
			$where[] = 'handoff_id = %d';
			$args[]  = $filter['handoff_id'];
		}
		$condition = implode( ' AND ', $where );
		$total     = (int) $this->get_var( 'SELECT COUNT(*) FROM %i WHERE ' . $condition, $this->table( 'deliveries' ), ...$args );
		$rows      = $this->get_rows(
			'SELECT ' . self::COLUMNS . ' FROM %i WHERE ' . $condition . ' ORDER BY id DESC LIMIT %d OFFSET %d',
			$this->table( 'deliveries' ),
			...array_merge( $args, array( $per_page, max( 0, ( $page - 1 ) * $per_page ) ) )
		);
		return array(
			'rows'  => array_values( array_map( array( self::class, 'hydrate' ), $rows ) ),
			'total' => $total,
		);
	}

	/**
	 * A row with its columns typed.
	 *
	 * @param array<string, string|null> $row Raw row.
	 * @return Delivery
	 */
	private static function hydrate( array $row ): array {
		return array(
			'id'               => (int) $row['id'],
			'delivery_id'      => (string) $row['delivery_id'],
			'connection_id'    => (string) $row['connection_id'],
			'kind'             => (string) $row['kind'],
			'event'            => (string) $row['event'],
			'handoff_id'       => (int) $row['handoff_id'],
			'status'           => (string) $row['status'],
			'attempts'         => (int) $row['attempts'],
			'max_attempts'     => (int) $row['max_attempts'],
			'next_attempt_at'  => isset( $row['next_attempt_at'] ) ? (string) $row['next_attempt_at'] : null,
			'last_attempt_at'  => isset( $row['last_attempt_at'] ) ? (string) $row['last_attempt_at'] : null,
			'response_code'    => (int) $row['response_code'],
			'response_excerpt' => (string) $row['response_excerpt'],
			'error'            => (string) $row['error'],
			'created_at'       => (string) $row['created_at'],
		);
	}

	/**
	 * Text cut to a column's width in characters.
	 *
	 * @param string $text  Text.
	 * @param int    $width Characters.
	 */
	private static function cut( string $text, int $width ): string {
		return mb_strlen( $text ) > $width ? mb_substr( $text, 0, $width ) : $text;
	}
}
