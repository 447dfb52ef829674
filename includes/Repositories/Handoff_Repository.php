<?php
/**
 * Handoffs.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Repositories;

defined( 'ABSPATH' ) || exit;

/**
 * Reads and writes the handoffs table: a conversation passed to a person, with why, how and when.
 *
 * @phpstan-type Handoff array{id: int, conversation_id: int, status: string, reason: string, trigger_type: string, route: string, route_reason: string, team: string, intent: string, intent_score: float|null, confidence: float|null, turn: int, config_version: int, requested_at: string}
 * @phpstan-type New_Handoff array{conversation_id: int, reason: string, trigger_type: string, route?: string, route_reason?: string, team?: string, intent: string, intent_score: float|null, confidence: float|null, turn: int, config_version: int}
 */
final class Handoff_Repository extends Repository {

	/**
	 * Statuses of a handoff nobody has closed.
	 */
	public const OPEN = array( 'requested', 'queued', 'accepted' );

	/**
	 * Records a requested handoff, unless the conversation already has an open one: `open_key`
	 * (the conversation's ID while the handoff is open) is unique, so of two requests at once only
	 * one is stored. Whatever closes a handoff must set its `open_key` to NULL, or the
	 * conversation can never be handed off again.
	 *
	 * @param array<string, mixed> $handoff The handoff.
	 * @phpstan-param New_Handoff $handoff
	 * @return int Its ID, or 0 when the conversation already had an open handoff.
	 * @throws Storage_Exception When the database refuses it.
	 */
	public function create( array $handoff ): int {
		global $wpdb;
		$stored = $this->execute(
			$this->insert_ignore() . ' INTO %i (conversation_id, open_key, status, reason, trigger_type, route, route_reason, team, intent, intent_score, confidence, turn, context, config_version, requested_at) VALUES (%d, %d, %s, %s, %s, %s, %s, %s, %s, ' . ( null === $handoff['intent_score'] ? 'NULL' : '%f' ) . ', ' . ( null === $handoff['confidence'] ? 'NULL' : '%f' ) . ', %d, %s, %d, %s)',
			...array_values(
				array_filter(
					array(
						$this->table( 'handoffs' ),
						$handoff['conversation_id'],
						$handoff['conversation_id'],
						'requested',
						$handoff['reason'],
						$handoff['trigger_type'],
						$handoff['route'] ?? '',
						$handoff['route_reason'] ?? '',
						$handoff['team'] ?? '',
						$handoff['intent'],
						$handoff['intent_score'],
						$handoff['confidence'],
						$handoff['turn'],
						'',
						$handoff['config_version'],
						$this->now(),
					),
					static function ( $value ): bool {
						return null !== $value;
					}
				)
			)
		);
		if ( 0 === $stored ) {
			return 0;
		}
		$pdo = self::native_connection();
		return $pdo ? (int) $pdo->lastInsertId() : (int) $wpdb->insert_id;
	}

	/**
	 * Moves a handoff to the private route.
	 *
	 * @param int $id Handoff.
	 * @throws Storage_Exception When the database refuses it.
	 */
	public function make_private( int $id ): void {
		$this->update_where(
			'handoffs',
			array(
				'route'        => 'private',
				'route_reason' => 'private',
			),
			array( 'id' => $id )
		);
	}

	/**
	 * How many visitors wait in the live queue (of a team, or of all teams for '').
	 *
	 * @param string $team Team name, or ''.
	 * @throws Storage_Exception When the database cannot be read.
	 */
	public function count_waiting( string $team ): int {
		if ( '' === $team ) {
			return (int) $this->get_var( "SELECT COUNT(*) FROM %i WHERE route = 'live' AND status IN ('requested', 'queued')", $this->table( 'handoffs' ) );
		}
		return (int) $this->get_var( "SELECT COUNT(*) FROM %i WHERE route = 'live' AND status IN ('requested', 'queued') AND team = %s", $this->table( 'handoffs' ), $team );
	}

	/**
	 * The conversation's handoff nobody has closed yet, or null.
	 *
	 * @param int $conversation_id Conversation.
	 * @return Handoff|null
	 */
	public function open_for( int $conversation_id ): ?array {
		$row = $this->get_row(
			'SELECT * FROM %i WHERE conversation_id = %d AND status IN (' . $this->string_placeholders( count( self::OPEN ) ) . ') ORDER BY id DESC LIMIT 1',
			$this->table( 'handoffs' ),
			$conversation_id,
			...self::OPEN
		);
		return $row ? self::hydrate( $row ) : null;
	}

	/**
	 * A conversation's handoffs, oldest first.
	 *
	 * @param int $conversation_id Conversation.
	 * @return list<Handoff>
	 */
	public function for_conversation( int $conversation_id ): array {
		$out = array();
		foreach ( $this->get_rows( 'SELECT * FROM %i WHERE conversation_id = %d ORDER BY id ASC', $this->table( 'handoffs' ), $conversation_id ) as $row ) {
			$out[] = self::hydrate( $row );
		}
		return $out;
	}

	/**
	 * A handoff row with its columns typed.
	 *
	 * @param array<string, string|null> $row Raw row.
	 * @return Handoff
	 */
	private static function hydrate( array $row ): array {
		return array(
			'id'              => (int) $row['id'],
			'conversation_id' => (int) $row['conversation_id'],
			'status'          => (string) $row['status'],
			'reason'          => (string) $row['reason'],
			'trigger_type'    => (string) $row['trigger_type'],
			'route'           => (string) $row['route'],
			'route_reason'    => (string) $row['route_reason'],
			'team'            => (string) $row['team'],
			'intent'          => (string) $row['intent'],
			'intent_score'    => null === $row['intent_score'] ? null : (float) $row['intent_score'],
			'confidence'      => null === $row['confidence'] ? null : (float) $row['confidence'],
			'turn'            => (int) $row['turn'],
			'config_version'  => (int) $row['config_version'],
			'requested_at'    => (string) $row['requested_at'],
		);
	}
}
