<?php
/**
 * The report facts: reads of new events and writes of the per-conversation rows.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Repositories;

defined( 'ABSPATH' ) || exit;

/**
 * Used by Report_Facts (the scheduled refresh) only; the report reads the facts through
 * Report_Repository::period_events().
 *
 * @phpstan-type Raw_Event array{id: int, conversation_id: int, handoff_id: int, type: string, data: string}
 */
final class Report_Facts_Repository extends Repository {

	/**
	 * The events a fact is built from: the report's per-turn events and what follows an offer.
	 */
	public const SOURCE_EVENTS = array( 'answered', 'choice_offered', 'handoff_requested', 'feedback', 'rated', 'message_received', 'choice_accepted', 'choice_declined' );

	/**
	 * The highest event ID to take in: the last one before the first event newer than the
	 * cutoff (a write still in flight gets an ID before it commits, so the newest are left for
	 * the next run), or 0 when there is nothing after `$after`.
	 *
	 * @param int    $after  The watermark: events up to it are taken in.
	 * @param string $cutoff Events written after it (UTC) wait.
	 * @throws Storage_Exception When the database cannot be read.
	 */
	public function ready_through( int $after, string $cutoff ): int {
		$fresh = $this->get_var( 'SELECT MIN(id) FROM %i WHERE id > %d AND created_at > %s', $this->table( 'events' ), $after, $cutoff );
		if ( null !== $fresh ) {
			return max( $after, (int) $fresh - 1 );
		}
		return max( $after, (int) $this->get_var( 'SELECT MAX(id) FROM %i', $this->table( 'events' ) ) );
	}

	/**
	 * The conversations with an event in (after, through].
	 *
	 * @param int $after   Exclusive.
	 * @param int $through Inclusive.
	 * @return list<int>
	 * @throws Storage_Exception When the database cannot be read.
	 */
	public function touched( int $after, int $through ): array {
		// Not DISTINCT: SQLite would then walk the conversation_id index whole rather than the
		// rows of the range by ID.
		$ids = array_map( 'intval', $this->get_col( 'SELECT conversation_id FROM %i WHERE id > %d AND id <= %d AND conversation_id > 0', $this->table( 'events' ), $after, $through ) );
		return array_values( array_unique( $ids ) );
	}

	/**
	 * The source events of these conversations, oldest first.
	 *
	 * @param array<int, int> $conversations Conversation IDs.
	 * @phpstan-param list<int> $conversations
	 * @return list<Raw_Event>
	 * @throws Storage_Exception When the database cannot be read.
	 */
	public function source_events( array $conversations ): array {
		if ( ! $conversations ) {
			return array();
		}
		$rows = $this->get_rows(
			'SELECT id, conversation_id, handoff_id, type, data FROM %i WHERE conversation_id IN (' . $this->int_placeholders( count( $conversations ) ) . ') AND type IN (' . $this->string_placeholders( count( self::SOURCE_EVENTS ) ) . ') ORDER BY id',
			$this->table( 'events' ),
			...array_merge( $conversations, self::SOURCE_EVENTS )
		);
		$out  = array();
		foreach ( $rows as $row ) {
			$out[] = array(
				'id'              => (int) $row['id'],
				'conversation_id' => (int) $row['conversation_id'],
				'handoff_id'      => (int) $row['handoff_id'],
				'type'            => (string) $row['type'],
				'data'            => (string) $row['data'],
			);
		}
		return $out;
	}

	/**
	 * Replaces the facts of conversations.
	 *
	 * @param array<int, int>                                                                      $conversations Conversations whose facts go.
	 * @phpstan-param list<int> $conversations
	 * @param list<array{conversation_id: int, last_event_id: int, turns: string, offers: string}> $rows          The new facts.
	 * @throws Storage_Exception When the database refuses it.
	 */
	public function replace( array $conversations, array $rows ): void {
		if ( $conversations ) {
			$this->execute( 'DELETE FROM %i WHERE conversation_id IN (' . $this->int_placeholders( count( $conversations ) ) . ')', $this->table( 'report_facts' ), ...$conversations );
		}
		foreach ( array_chunk( $rows, 200 ) as $chunk ) {
			$args = array( $this->table( 'report_facts' ) );
			foreach ( $chunk as $row ) {
				array_push( $args, $row['conversation_id'], $row['last_event_id'], $row['turns'], $row['offers'] );
			}
			$this->execute( 'INSERT INTO %i (conversation_id, last_event_id, turns, offers) VALUES ' . implode( ', ', array_fill( 0, count( $chunk ), '(%d, %d, %s, %s)' ) ), ...$args );
		}
	}

	/**
	 * Deletes the facts of conversations that no longer exist (purged or erased).
	 *
	 * @return int Rows deleted.
	 * @throws Storage_Exception When the database refuses it.
	 */
	public function delete_orphans(): int {
		return $this->execute( 'DELETE FROM %i WHERE conversation_id NOT IN (SELECT id FROM %i)', $this->table( 'report_facts' ), $this->table( 'conversations' ) );
	}

	/**
	 * Deletes every fact (a rebuild from the start).
	 *
	 * @throws Storage_Exception When the database refuses it.
	 */
	public function clear(): void {
		$this->execute( 'DELETE FROM %i', $this->table( 'report_facts' ) );
	}
}
