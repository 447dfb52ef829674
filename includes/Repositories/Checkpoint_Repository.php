<?php
/**
 * Release checkpoints.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Repositories;

defined( 'ABSPATH' ) || exit;

/**
 * Reads and writes the checkpoints table, and counts the conversations a checkpoint waits for.
 *
 * @phpstan-type Checkpoint_Row array{id: int, config_version: int, area: string, area_version: int, note: string, expected_impact: string, author_id: int, threshold: int, state: string, checked_by: int, checked_at: string|null, check_note: string, tuned: string, tuned_by: int, tuned_at: string|null, created_at: string}
 */
final class Checkpoint_Repository extends Repository {

	/**
	 * Stores a checkpoint unless the config version already has one.
	 *
	 * @param int    $config_version  The site-wide config version the change started.
	 * @param string $area            Configuration area (rules, answer, connections, ...).
	 * @param int    $area_version    The area's version.
	 * @param string $note            Change note.
	 * @param string $expected_impact Expected impact.
	 * @param int    $author_id       Who made the change.
	 * @param int    $threshold       Conversations to wait for.
	 * @return bool Whether it was stored.
	 * @throws Storage_Exception When the database refuses it.
	 */
	public function add( int $config_version, string $area, int $area_version, string $note, string $expected_impact, int $author_id, int $threshold ): bool {
		$stored = $this->execute(
			$this->insert_ignore() . " INTO %i (config_version, area, area_version, note, expected_impact, author_id, threshold, state, check_note, tuned, created_at) VALUES (%d, %s, %d, %s, %s, %d, %d, 'waiting', '', '', %s)",
			$this->table( 'checkpoints' ),
			$config_version,
			$area,
			$area_version,
			$note,
			$expected_impact,
			$author_id,
			$threshold,
			$this->now()
		);
		return $stored > 0;
	}

	/**
	 * A checkpoint, or null.
	 *
	 * @param int $id ID.
	 * @return Checkpoint_Row|null
	 */
	public function find( int $id ): ?array {
		$row = $this->get_row( 'SELECT * FROM %i WHERE id = %d', $this->table( 'checkpoints' ), $id );
		return $row ? self::hydrate( $row ) : null;
	}

	/**
	 * The checkpoint of a config version, or null.
	 *
	 * @param int $config_version Config version.
	 * @return Checkpoint_Row|null
	 */
	public function for_version( int $config_version ): ?array {
		$row = $this->get_row( 'SELECT * FROM %i WHERE config_version = %d', $this->table( 'checkpoints' ), $config_version );
		return $row ? self::hydrate( $row ) : null;
	}

	/**
	 * A page of checkpoints, newest first.
	 *
	 * @param int $page     Page, from 1.
	 * @param int $per_page Rows per page.
	 * @return list<Checkpoint_Row>
	 */
	public function page( int $page, int $per_page ): array {
		$rows = $this->get_rows(
			'SELECT * FROM %i ORDER BY config_version DESC LIMIT %d OFFSET %d',
			$this->table( 'checkpoints' ),
			$per_page,
			max( 0, $page - 1 ) * $per_page
		);
		return array_values( array_map( array( self::class, 'hydrate' ), $rows ) );
	}

	/**
	 * How many checkpoints there are.
	 */
	public function count(): int {
		return (int) $this->get_var( 'SELECT COUNT(*) FROM %i', $this->table( 'checkpoints' ) );
	}

	/**
	 * The checkpoints whose change was documented at or after an instant, oldest first.
	 *
	 * @param string $since UTC instant.
	 * @return list<Checkpoint_Row>
	 */
	public function documented_since( string $since ): array {
		$rows = $this->get_rows(
			"SELECT * FROM %i WHERE tuned <> '' AND tuned_at >= %s ORDER BY tuned_at, id",
			$this->table( 'checkpoints' ),
			$since
		);
		return array_values( array_map( array( self::class, 'hydrate' ), $rows ) );
	}

	/**
	 * Conversations started under a config version (an index lookup: KEY config_version).
	 *
	 * @param int $config_version Config version.
	 */
	public function conversations_under( int $config_version ): int {
		return (int) $this->get_var( 'SELECT COUNT(*) FROM %i WHERE config_version = %d', $this->table( 'conversations' ), $config_version );
	}

	/**
	 * The config version of the first change saved after a config version, or null while it is
	 * the newest.
	 *
	 * @param int $config_version Config version.
	 */
	public function next_version( int $config_version ): ?int {
		$next = $this->get_var( 'SELECT MIN(config_version) FROM %i WHERE config_version > %d', $this->table( 'config_versions' ), $config_version );
		return null === $next || '' === $next ? null : (int) $next;
	}

	/**
	 * Conversations started in a span.
	 *
	 * @param string $start First instant (UTC, included).
	 * @param string $end   First instant after (UTC).
	 */
	public function conversations_between( string $start, string $end ): int {
		return (int) $this->get_var( 'SELECT COUNT(*) FROM %i WHERE created_at >= %s AND created_at < %s', $this->table( 'conversations' ), $start, $end );
	}

	/**
	 * Records the re-check.
	 *
	 * @param int    $id      ID.
	 * @param int    $user_id Who checked.
	 * @param string $note    Notes.
	 * @throws Storage_Exception When the database refuses it.
	 */
	public function check( int $id, int $user_id, string $note ): void {
		$this->update_where(
			'checkpoints',
			array(
				'state'      => 'checked',
				'checked_by' => $user_id,
				'checked_at' => $this->now(),
				'check_note' => $note,
			),
			array( 'id' => $id )
		);
	}

	/**
	 * Records what was tuned.
	 *
	 * @param int    $id      ID.
	 * @param int    $user_id Who wrote it.
	 * @param string $tuned   What was tuned.
	 * @throws Storage_Exception When the database refuses it.
	 */
	public function document( int $id, int $user_id, string $tuned ): void {
		$this->update_where(
			'checkpoints',
			array(
				'tuned'    => $tuned,
				'tuned_by' => $user_id,
				'tuned_at' => $this->now(),
			),
			array( 'id' => $id )
		);
	}

	/**
	 * A row, typed.
	 *
	 * @param array<string, string|null> $row Row.
	 * @return Checkpoint_Row
	 */
	private static function hydrate( array $row ): array {
		return array(
			'id'              => (int) $row['id'],
			'config_version'  => (int) $row['config_version'],
			'area'            => (string) $row['area'],
			'area_version'    => (int) $row['area_version'],
			'note'            => (string) $row['note'],
			'expected_impact' => (string) $row['expected_impact'],
			'author_id'       => (int) $row['author_id'],
			'threshold'       => (int) $row['threshold'],
			'state'           => (string) $row['state'],
			'checked_by'      => (int) $row['checked_by'],
			'checked_at'      => $row['checked_at'],
			'check_note'      => (string) $row['check_note'],
			'tuned'           => (string) $row['tuned'],
			'tuned_by'        => (int) $row['tuned_by'],
			'tuned_at'        => $row['tuned_at'],
			'created_at'      => (string) $row['created_at'],
		);
	}
}
