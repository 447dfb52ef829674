<?php
/**
 * The event log.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Repositories;

use HandoffBot\Settings;

defined( 'ABSPATH' ) || exit;

/**
 * Appends events; reports read them. Appending never throws: a lost event must not lose a message.
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
			return true;
		} catch ( Storage_Exception $e ) {
			return false;
		}
	}

	/**
	 * Events of a conversation, oldest first.
	 *
	 * @param int $conversation_id Conversation.
	 * @return array<int, array<string, mixed>>
	 */
	public function for_conversation( int $conversation_id ): array {
		$rows = $this->get_rows( 'SELECT * FROM %i WHERE conversation_id = %d ORDER BY id ASC', $this->table( 'events' ), $conversation_id );
		return array_map(
			static function ( array $row ): array {
				$row['data'] = json_decode( (string) $row['data'], true );
				return $row;
			},
			$rows
		);
	}
}
