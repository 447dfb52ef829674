<?php
/**
 * Stored report alerts, and the reads their investigations need.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Repositories;

defined( 'ABSPATH' ) || exit;

/**
 * The `report_alerts` table, and grouped counts over the handoffs of the conversations started in
 * a period (`created_at`, UTC, [start, end)), the population every report figure is read from.
 *
 * @phpstan-type Report_Alert array{id: int, kind: string, subject: string, direction: string, period_from: string, period_to: string, figures: array<string, mixed>, status: string, dismissed_by: int, dismissed_at: string|null, emailed_at: string|null, created_at: string}
 */
final class Report_Alert_Repository extends Repository {

	/**
	 * The handoff columns a count may be grouped or filtered by.
	 */
	public const COLUMNS = array( 'reason', 'intent', 'trigger_type', 'route_reason', 'outcome', 'topic' );

	/**
	 * Whether an alert of this kind and subject covers a window that ends on or after a day:
	 * one whose window overlaps the one being checked.
	 *
	 * @param string $kind    Kind.
	 * @param string $subject Subject.
	 * @param string $from    First day of the window checked (Y-m-d).
	 * @throws Storage_Exception When the database cannot be read.
	 */
	public function overlaps( string $kind, string $subject, string $from ): bool {
		return null !== $this->get_var(
			'SELECT id FROM %i WHERE kind = %s AND subject = %s AND period_to >= %s LIMIT 1',
			$this->table( 'report_alerts' ),
			$kind,
			$subject,
			$from
		);
	}

	/**
	 * Stores a new alert; 0 when the same one (kind, subject, last day) is stored already.
	 *
	 * @param string               $kind      Kind.
	 * @param string               $subject   Subject.
	 * @param string               $direction up, down or ''.
	 * @param string               $from      First day of the window (Y-m-d).
	 * @param string               $to        Last day (Y-m-d).
	 * @param array<string, mixed> $figures   What was measured.
	 * @throws Storage_Exception When the database refuses the row for another reason.
	 */
	public function add( string $kind, string $subject, string $direction, string $from, string $to, array $figures ): int {
		$dedupe = substr( $kind . '|' . $to . '|' . $subject, 0, 191 );
		if ( null !== $this->get_var( 'SELECT id FROM %i WHERE dedupe = %s', $this->table( 'report_alerts' ), $dedupe ) ) {
			return 0;
		}
		try {
			return $this->insert(
				'report_alerts',
				array(
					'dedupe'      => $dedupe,
					'kind'        => $kind,
					'subject'     => $subject,
					'direction'   => $direction,
					'period_from' => $from,
					'period_to'   => $to,
					'figures'     => (string) wp_json_encode( $figures ),
					'status'      => 'open',
					'created_at'  => $this->now(),
				)
			);
		} catch ( Storage_Exception $e ) {
			// Another run stored it meanwhile (the unique key): that one stands.
			if ( null !== $this->get_var( 'SELECT id FROM %i WHERE dedupe = %s', $this->table( 'report_alerts' ), $dedupe ) ) {
				return 0;
			}
			throw $e;
		}//end try
	}

	/**
	 * One alert, or null.
	 *
	 * @param int $id Alert ID.
	 * @return Report_Alert|null
	 * @throws Storage_Exception When the database cannot be read.
	 */
	public function find( int $id ): ?array {
		$row = $this->get_row( 'SELECT * FROM %i WHERE id = %d', $this->table( 'report_alerts' ), $id );
		return null === $row ? null : self::alert( $row );
	}

	/**
	 * Alerts raised since a moment, newest first, a page at a time; with the total.
	 *
	 * @param string $status   open, dismissed, or '' for both.
	 * @param string $since    Y-m-d H:i:s (UTC).
	 * @param int    $page     Page, from 1.
	 * @param int    $per_page Rows per page.
	 * @return array{rows: list<Report_Alert>, total: int}
	 * @throws Storage_Exception When the database cannot be read.
	 */
	public function recent( string $status, string $since, int $page, int $per_page ): array {
		$where = ' WHERE created_at >= %s';
		$args  = array( $this->table( 'report_alerts' ), $since );
		if ( '' !== $status ) {
			$where .= ' AND status = %s';
			$args[] = $status;
		}
		$total = (int) $this->get_var( 'SELECT COUNT(*) FROM %i' . $where, ...$args );
		$rows  = $this->get_rows( 'SELECT * FROM %i' . $where . ' ORDER BY created_at DESC, id DESC LIMIT %d OFFSET %d', ...array_merge( $args, array( $per_page, ( max( 1, $page ) - 1 ) * $per_page ) ) );
		return array(
			'rows'  => array_values( array_map( array( self::class, 'alert' ), $rows ) ),
			'total' => $total,
		);
	}

	/**
	 * Dismisses an open alert; whether it was open.
	 *
	 * @param int $id      Alert ID.
	 * @param int $user_id Who dismissed it.
	 * @throws Storage_Exception When the database refuses it.
	 */
	public function dismiss( int $id, int $user_id ): bool {
		return 1 === $this->execute(
			"UPDATE %i SET status = 'dismissed', dismissed_by = %d, dismissed_at = %s WHERE id = %d AND status = 'open'",
			$this->table( 'report_alerts' ),
			$user_id,
			$this->now(),
			$id
		);
	}

	/**
	 * The open alerts no digest has carried yet, oldest first.
	 *
	 * @return list<Report_Alert>
	 * @throws Storage_Exception When the database cannot be read.
	 */
	public function not_emailed(): array {
		$rows = $this->get_rows( "SELECT * FROM %i WHERE status = 'open' AND emailed_at IS NULL ORDER BY id LIMIT 100", $this->table( 'report_alerts' ) );
		return array_values( array_map( array( self::class, 'alert' ), $rows ) );
	}

	/**
	 * Marks alerts as carried by a digest.
	 *
	 * @param array<int, int> $ids Alert IDs.
	 * @phpstan-param list<int> $ids
	 * @throws Storage_Exception When the database refuses it.
	 */
	public function mark_emailed( array $ids ): void {
		if ( ! $ids ) {
			return;
		}
		$this->execute(
			'UPDATE %i SET emailed_at = %s WHERE id IN (' . implode( ', ', array_fill( 0, count( $ids ), '%d' ) ) . ')',
			...array_merge( array( $this->table( 'report_alerts' ), $this->now() ), $ids )
		);
	}

	/**
	 * Handoffs of the conversations started in a period, counted by some columns and optionally
	 * only those matching others; most first.
	 *
	 * @param string                $start  First instant (UTC, included).
	 * @param string                $end    First instant after (UTC).
	 * @param array<int, string>    $group  Columns of COLUMNS to count by.
	 * @phpstan-param list<string> $group
	 * @param array<string, string> $filter Column of COLUMNS => value.
	 * @return list<array<string, string|int>> Each group's values and `handoffs`.
	 * @throws \InvalidArgumentException For a column not in COLUMNS (the database's errors: Storage_Exception).
	 */
	public function handoff_counts( string $start, string $end, array $group, array $filter = array() ): array {
		foreach ( array_merge( $group, array_keys( $filter ) ) as $column ) {
			if ( ! in_array( $column, self::COLUMNS, true ) ) {
				throw new \InvalidArgumentException( 'Unknown column.' );
			}
		}
		$where = ' WHERE c.created_at >= %s AND c.created_at < %s';
		$args  = array( $start, $end );
		foreach ( $filter as $column => $value ) {
			$where .= ' AND h.%i = %s';
			array_push( $args, $column, $value );
		}
		$select = implode( ', ', array_fill( 0, count( $group ), 'h.%i' ) );
		$rows   = $this->get_rows(
			'SELECT ' . $select . ', COUNT(*) AS handoffs FROM %i c JOIN %i h ON h.conversation_id = c.id' . $where
			. ' GROUP BY ' . $select . ' ORDER BY handoffs DESC',
			...array_merge( $group, array( $this->table( 'conversations' ), $this->table( 'handoffs' ) ), $args, $group )
		);
		$out    = array();
		foreach ( $rows as $row ) {
			$item = array();
			foreach ( $group as $column ) {
				$item[ $column ] = (string) $row[ $column ];
			}
			$item['handoffs'] = (int) $row['handoffs'];
			$out[]            = $item;
		}
		return $out;
	}

	/**
	 * The turns of the handoffs the visitor asked for (trigger `user`, turn known) in a period.
	 *
	 * @param string $start First instant (UTC, included).
	 * @param string $end   First instant after (UTC).
	 * @return list<int>
	 * @throws Storage_Exception When the database cannot be read.
	 */
	public function user_request_turns( string $start, string $end ): array {
		$turns = $this->get_col(
			"SELECT h.turn FROM %i c JOIN %i h ON h.conversation_id = c.id WHERE c.created_at >= %s AND c.created_at < %s AND h.trigger_type = 'user' AND h.turn > 0 ORDER BY h.id",
			$this->table( 'conversations' ),
			$this->table( 'handoffs' ),
			$start,
			$end
		);
		return array_values( array_map( 'intval', $turns ) );
	}

	/**
	 * The first bot reply of the newest conversations in a period whose visitor asked for a person
	 * within the first two turns: the conversation, its handoff's turn, and that reply's kind and
	 * confidence as its turn event records them.
	 *
	 * @param string $start First instant (UTC, included).
	 * @param string $end   First instant after (UTC).
	 * @param int    $limit At most this many.
	 * @return list<array{conversation_id: int, turn: int, kind: string, confidence: float|null, decision: string}>
	 * @throws Storage_Exception When the database cannot be read.
	 */
	public function early_request_openings( string $start, string $end, int $limit ): array {
		$handoffs = $this->get_rows(
			"SELECT h.conversation_id, MIN(h.turn) AS turn FROM %i c JOIN %i h ON h.conversation_id = c.id WHERE c.created_at >= %s AND c.created_at < %s AND h.trigger_type = 'user' AND h.turn BETWEEN 1 AND 2 GROUP BY h.conversation_id ORDER BY h.conversation_id DESC LIMIT %d",
			$this->table( 'conversations' ),
			$this->table( 'handoffs' ),
			$start,
			$end,
			$limit
		);
		$out      = array();
		foreach ( $handoffs as $row ) {
			$event = $this->get_var(
				"SELECT data FROM %i WHERE conversation_id = %d AND type IN ('answered', 'choice_offered', 'handoff_requested') ORDER BY id LIMIT 1",
				$this->table( 'events' ),
				(int) $row['conversation_id']
			);
			$data  = json_decode( (string) $event, true );
			$data  = is_array( $data ) ? $data : array();
			$out[] = array(
				'conversation_id' => (int) $row['conversation_id'],
				'turn'            => (int) $row['turn'],
				'kind'            => (string) ( $data['kind'] ?? '' ),
				'confidence'      => isset( $data['confidence'] ) && is_numeric( $data['confidence'] ) ? round( (float) $data['confidence'], 2 ) : null,
				'decision'        => (string) ( $data['decision'] ?? '' ),
			);
		}
		return $out;
	}

	/**
	 * How many agents accepted handoffs of a period's conversations.
	 *
	 * @param string $start First instant (UTC, included).
	 * @param string $end   First instant after (UTC).
	 * @throws Storage_Exception When the database cannot be read.
	 */
	public function agents( string $start, string $end ): int {
		return (int) $this->get_var(
			'SELECT COUNT(DISTINCT h.agent_id) FROM %i c JOIN %i h ON h.conversation_id = c.id WHERE c.created_at >= %s AND c.created_at < %s AND h.agent_id > 0 AND h.accepted_at IS NOT NULL',
			$this->table( 'conversations' ),
			$this->table( 'handoffs' ),
			$start,
			$end
		);
	}

	/**
	 * The configuration versions saved between two instants, oldest first, with their notes.
	 *
	 * @param string $start First instant (UTC, included).
	 * @param string $end   First instant after (UTC).
	 * @return list<array{area: string, version: int, note: string, expected_impact: string, created_at: string}>
	 * @throws Storage_Exception When the database cannot be read.
	 */
	public function versions_saved( string $start, string $end ): array {
		$rows = $this->get_rows(
			'SELECT area, version, note, expected_impact, created_at FROM %i WHERE created_at >= %s AND created_at < %s ORDER BY created_at, id LIMIT 50',
			$this->table( 'config_versions' ),
			$start,
			$end
		);
		$out  = array();
		foreach ( $rows as $row ) {
			$out[] = array(
				'area'            => (string) $row['area'],
				'version'         => (int) $row['version'],
				'note'            => (string) $row['note'],
				'expected_impact' => (string) $row['expected_impact'],
				'created_at'      => (string) $row['created_at'],
			);
		}
		return $out;
	}

	/**
	 * A stored row as an alert.
	 *
	 * @param array<string, string|null> $row Row.
	 * @return Report_Alert
	 */
	private static function alert( array $row ): array {
		$figures = json_decode( (string) $row['figures'], true );
		return array(
			'id'           => (int) $row['id'],
			'kind'         => (string) $row['kind'],
			'subject'      => (string) $row['subject'],
			'direction'    => (string) $row['direction'],
			'period_from'  => (string) $row['period_from'],
			'period_to'    => (string) $row['period_to'],
			'figures'      => is_array( $figures ) ? $figures : array(),
			'status'       => (string) $row['status'],
			'dismissed_by' => (int) $row['dismissed_by'],
			'dismissed_at' => $row['dismissed_at'],
			'emailed_at'   => $row['emailed_at'],
			'created_at'   => (string) $row['created_at'],
		);
	}
}
