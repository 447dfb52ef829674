<?php
/**
 * Conversations.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Repositories;

defined( 'ABSPATH' ) || exit;

/**
 * Reads and writes the conversations table.
 */
final class Conversation_Repository extends Repository {

	/**
	 * Creates a conversation.
	 *
	 * @param string                           $token_hash     SHA-256 of the visitor token.
	 * @param int                              $user_id        Linked user, or 0.
	 * @param array<int, array<string,string>> $page_trail     Initial trail.
	 * @param int                              $config_version Active config version.
	 * @throws Storage_Exception When the database refuses it.
	 */
	public function create( string $token_hash, int $user_id, array $page_trail, int $config_version ): int {
		$now = $this->now();
		return $this->insert(
			'conversations',
			array(
				'token_hash'     => $token_hash,
				'user_id'        => $user_id,
				'status'         => 'open',
				'language'       => '',
				'page_trail'     => (string) wp_json_encode( $page_trail ),
				'config_version' => $config_version,
				'created_at'     => $now,
				'updated_at'     => $now,
			)
		);
	}

	/**
	 * A conversation row, or null.
	 *
	 * @param int $id Conversation ID.
	 * @return array<string, mixed>|null
	 */
	public function find( int $id ): ?array {
		$row = $this->get_row( 'SELECT * FROM %i WHERE id = %d', $this->table( 'conversations' ), $id );
		if ( ! $row ) {
			return null;
		}
		$row['id']         = (int) $row['id'];
		$row['user_id']    = (int) $row['user_id'];
		$row['page_trail'] = json_decode( (string) $row['page_trail'], true );
		if ( ! is_array( $row['page_trail'] ) ) {
			$row['page_trail'] = array();
		}
		return $row;
	}

	/**
	 * Updates columns of a conversation and its updated_at.
	 *
	 * @param int                  $id     Conversation ID.
	 * @param array<string, mixed> $fields Column => value (page_trail as an array).
	 * @throws Storage_Exception When the database refuses it.
	 */
	public function update( int $id, array $fields ): void {
		if ( isset( $fields['page_trail'] ) && is_array( $fields['page_trail'] ) ) {
			$fields['page_trail'] = (string) wp_json_encode( $fields['page_trail'] );
		}
		$fields['updated_at'] = $this->now();
		$this->update_where( 'conversations', $fields, array( 'id' => $id ) );
	}
}
