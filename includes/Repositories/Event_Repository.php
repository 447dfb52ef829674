<?php
/**
 * The event log.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Repositories;

use HandoffBot\Handoff\Poll_Signal;
use HandoffBot\Settings;

defined( 'ABSPATH' ) || exit;

/**
 * Appends events; reports read them. append() never throws: a lost event must not lose a message.
 * Inside a transaction, record() throws instead, so that a failure rolls the whole group back.
 */
final class Event_Repository extends Repository {

	/**
	 * Appends an event.
	 *
	 * @param string               $type            Event type, e.g. message_received.
	 * @param int                  $conversation_id Conversation, or 0.
	 * @param array<string, mixed> $data            Details.
	 * @param int                  $handoff_id      Handoff, or 0.
	 * @return bool Whether it was stored.
	 */
	public function append( string $type, int $conversation_id, array $data = array(), int $handoff_id = 0 ): bool {
		try {
			$this->record( $type, $conversation_id, $data, $handoff_id );
			return true;
		} catch ( Storage_Exception $e ) {
			return false;
		}
	}

	/**
	 * Appends an event or throws.
	 *
	 * @param string               $type            Event type, e.g. message_received.
	 * @param int                  $conversation_id Conversation, or 0.
	 * @param array<string, mixed> $data            Details.
	 * @param int                  $handoff_id      Handoff, or 0.
	 * @throws Storage_Exception When the database refuses it.
	 */
	public function record( string $type, int $conversation_id, array $data = array(), int $handoff_id = 0 ): void {
		if ( $handoff_id > 0 && ! in_array( $type, Poll_Signal::QUIET_EVENTS, true ) ) {
			// A handoff's step: the visitor's chat has news; some steps move the queue too.
			Poll_Signal::changed( $conversation_id );
			if ( in_array( $type, Poll_Signal::QUEUE_EVENTS, true ) ) {
				Poll_Signal::queue_changed();
			}
		}
		$this->insert(
			'events',
			array(
				'conversation_id' => $conversation_id,
				'handoff_id'      => $handoff_id,
				'type'            => $type,
				'data'            => (string) wp_json_encode( $data ),
				'config_version'  => (int) get_option( Settings::CONFIG_VERSION_OPTION, 1 ),
				'created_at'      => $this->now(),
			)
		);
	}

	/**
	 * Events of a conversation, oldest first.
	 *
	 * @param int $conversation_id Conversation.
	 * @return list<array{id: int, conversation_id: int, handoff_id: int, type: string, data: array<string, mixed>, config_version: int, created_at: string}>
	 */
	public function for_conversation( int $conversation_id ): array {
		$rows   = $this->get_rows( 'SELECT * FROM %i WHERE conversation_id = %d ORDER BY id ASC', $this->table( 'events' ), $conversation_id );
		$events = array();
		foreach ( $rows as $row ) {
			$data     = json_decode( (string) $row['data'], true );
			$events[] = array(
				'id'              => (int) $row['id'],
				'conversation_id' => (int) $row['conversation_id'],
				'handoff_id'      => (int) $row['handoff_id'],
				'type'            => (string) $row['type'],
				'data'            => is_array( $data ) ? $data : array(),
				'config_version'  => (int) $row['config_version'],
				'created_at'      => (string) $row['created_at'],
			);
		}
		return $events;
	}
}
