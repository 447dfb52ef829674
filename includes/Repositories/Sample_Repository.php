<?php
/**
 * The reads behind the review samples, and the review marks.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Repositories;

defined( 'ABSPATH' ) || exit;

/**
 * Candidates are the handoffs of the conversations started in a period (`created_at`, UTC,
 * [start, end)), with what tells a saved transfer from a failed one; marks are one row per
 * conversation a reviewer marked.
 *
 * @phpstan-type Sample_Candidate array{id: int, conversation_id: int, reason: string, status: string, outcome: string, intent: string, topic: string, route: string, route_reason: string, tags: list<string>, agent_id: int, accepted: bool, abandoned: bool, requested_at: string}
 * @phpstan-type Review_Mark array{conversation_id: int, reviewed: bool, note: string, user_id: int, updated_at: string}
 */
final class Sample_Repository extends Repository {

	/**
	 * The handoffs of the conversations started in the period, oldest first.
	 *
	 * @param string $start First instant (UTC, included).
	 * @param string $end   First instant after (UTC).
	 * @return list<Sample_Candidate>
	 */
	public function candidates( string $start, string $end ): array {
		$rows = $this->get_rows(
			'SELECT h.id, h.conversation_id, h.reason, h.status, h.outcome, h.intent, h.topic, h.route, h.route_reason, h.tags, h.agent_id, h.requested_at,'
			. ' CASE WHEN h.accepted_at IS NULL THEN 0 ELSE 1 END AS accepted,'
			. " CASE WHEN EXISTS (SELECT 1 FROM %i e WHERE e.conversation_id = h.conversation_id AND e.handoff_id = h.id AND e.type IN ('abandoned', 'left_queue')) THEN 1 ELSE 0 END AS abandoned"
			. ' FROM %i c JOIN %i h ON h.conversation_id = c.id WHERE c.created_at >= %s AND c.created_at < %s ORDER BY h.id',
			$this->table( 'events' ),
			$this->table( 'conversations' ),
			$this->table( 'handoffs' ),
			$start,
			$end
		);
		$out  = array();
		foreach ( $rows as $row ) {
			$out[] = array(
				'id'              => (int) $row['id'],
				'conversation_id' => (int) $row['conversation_id'],
				'reason'          => (string) $row['reason'],
				'status'          => (string) $row['status'],
				'outcome'         => (string) $row['outcome'],
				'intent'          => (string) $row['intent'],
				'topic'           => (string) $row['topic'],
				'route'           => (string) $row['route'],
				'route_reason'    => (string) $row['route_reason'],
				'tags'            => '' === (string) $row['tags'] ? array() : array_values( array_map( 'strval', explode( ',', (string) $row['tags'] ) ) ),
				'agent_id'        => (int) $row['agent_id'],
				'accepted'        => '1' === (string) $row['accepted'],
				'abandoned'       => '1' === (string) $row['abandoned'],
				'requested_at'    => (string) $row['requested_at'],
			);
		}
		return $out;
	}

	/**
	 * Whether a conversation exists.
	 *
	 * @param int $conversation_id Conversation.
	 */
	public function conversation_exists( int $conversation_id ): bool {
		return null !== $this->get_var( 'SELECT id FROM %i WHERE id = %d', $this->table( 'conversations' ), $conversation_id );
	}

	/**
	 * The marks of some conversations: conversation ID => mark.
	 *
	 * @param array<int, int> $conversation_ids Conversations.
	 * @phpstan-param list<int> $conversation_ids
	 * @return array<int, Review_Mark>
	 */
	public function marks( array $conversation_ids ): array {
		if ( ! $conversation_ids ) {
			return array();
		}
		$rows = $this->get_rows(
			'SELECT conversation_id, reviewed, note, user_id, updated_at FROM %i WHERE conversation_id IN (' . $this->int_placeholders( count( $conversation_ids ) ) . ')',
			$this->table( 'review_marks' ),
			...$conversation_ids
		);
		$out  = array();
		foreach ( $rows as $row ) {
			$mark                            = self::mark_row( $row );
			$out[ $mark['conversation_id'] ] = $mark;
		}
		return $out;
	}

	/**
	 * Sets a conversation's mark: sending the same mark again changes nothing but its time.
	 *
	 * @param int    $conversation_id Conversation.
	 * @param bool   $reviewed        Whether it was reviewed.
	 * @param string $note            Note.
	 * @param int    $user_id         Who marked it.
	 * @return Review_Mark The mark stored.
	 * @throws Storage_Exception When the database refuses it.
	 */
	public function mark( int $conversation_id, bool $reviewed, string $note, int $user_id ): array {
		$now    = $this->now();
		$stored = $this->execute(
			$this->insert_ignore() . ' INTO %i (conversation_id, reviewed, note, user_id, updated_at) VALUES (%d, %d, %s, %d, %s)',
			$this->table( 'review_marks' ),
			$conversation_id,
			$reviewed ? 1 : 0,
			$note,
			$user_id,
			$now
		);
		if ( 0 === $stored ) {
			$this->update_where(
				'review_marks',
				array(
					'reviewed'   => $reviewed ? 1 : 0,
					'note'       => $note,
					'user_id'    => $user_id,
					'updated_at' => $now,
				),
				array( 'conversation_id' => $conversation_id )
			);
		}
		$marks = $this->marks( array( $conversation_id ) );
		if ( ! isset( $marks[ $conversation_id ] ) ) {
			throw new Storage_Exception( 'The review mark was not stored.' );
		}
		return $marks[ $conversation_id ];
	}

	/**
	 * A mark row, typed.
	 *
	 * @param array<string, string|null> $row Row.
	 * @return Review_Mark
	 */
	private static function mark_row( array $row ): array {
		return array(
			'conversation_id' => (int) $row['conversation_id'],
			'reviewed'        => '1' === (string) $row['reviewed'],
			'note'            => (string) $row['note'],
			'user_id'         => (int) $row['user_id'],
			'updated_at'      => (string) $row['updated_at'],
		);
	}
}
