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
 *
 * @phpstan-import-type Trail_Entry from \HandoffBot\Conversations\Page_Trail
 * @phpstan-type Conversation array{id: int, token_hash: string, user_id: int, status: string, language: string, page_trail: list<Trail_Entry>, rating: int|null, config_version: int, handoff_id: int, created_at: string, updated_at: string, ended_at: string|null}
 */
final class Conversation_Repository extends Repository {

	/**
	 * Creates a conversation.
	 *
	 * @param string                  $token_hash     SHA-256 of the visitor token.
	 * @param int                     $user_id        Linked user, or 0.
	 * @param array<int, Trail_Entry> $page_trail     Initial trail.
	 * @phpstan-param list<Trail_Entry> $page_trail
	 * @param int                     $config_version Active config version.
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
	 * @return Conversation|null
	 */
	public function find( int $id ): ?array {
		$row = $this->get_row( 'SELECT * FROM %i WHERE id = %d', $this->table( 'conversations' ), $id );
		return $row ? $this->hydrate( $row ) : null;
	}

	/**
	 * A conversation row with its columns typed and its page trail decoded.
	 *
	 * @param array<string, string|null> $row Raw row.
	 * @return Conversation
	 */
	private function hydrate( array $row ): array {
		return array(
			'id'             => (int) $row['id'],
			'token_hash'     => (string) $row['token_hash'],
			'user_id'        => (int) $row['user_id'],
			'status'         => (string) $row['status'],
			'language'       => (string) $row['language'],
			'page_trail'     => self::decode_trail( (string) $row['page_trail'] ),
			'rating'         => null === $row['rating'] ? null : (int) $row['rating'],
			'config_version' => (int) $row['config_version'],
			'handoff_id'     => (int) ( $row['handoff_id'] ?? 0 ),
			'created_at'     => (string) $row['created_at'],
			'updated_at'     => (string) $row['updated_at'],
			'ended_at'       => null === $row['ended_at'] ? null : (string) $row['ended_at'],
		);
	}

	/**
	 * A stored page trail, decoded.
	 *
	 * @param string $json The column's JSON.
	 * @return list<Trail_Entry>
	 */
	private static function decode_trail( string $json ): array {
		$trail = array();
		$raw   = json_decode( $json, true );
		foreach ( is_array( $raw ) ? $raw : array() as $entry ) {
			if ( is_array( $entry ) && isset( $entry['url'] ) ) {
				$trail[] = array(
					'url'   => (string) $entry['url'],
					'title' => (string) ( $entry['title'] ?? '' ),
					'at'    => (string) ( $entry['at'] ?? '' ),
				);
			}
		}
		return $trail;
	}

	/**
	 * Changes a conversation's page trail without losing a change made meanwhile: the trail is
	 * written only if it is still the one the change started from (compare and swap on the
	 * stored JSON); otherwise it is read again and the change applied to it. A page update and
	 * a message that arrive together both land, and the usual case costs one write, as before.
	 *
	 * @param array    $conversation The conversation as read; its trail is tried first.
	 * @phpstan-param Conversation $conversation
	 * @param callable $change       Returns the trail it is given, changed (or as it was).
	 * @phpstan-param callable(list<Trail_Entry>): list<Trail_Entry> $change
	 * @return list<Trail_Entry> The trail as stored.
	 * @throws Storage_Exception When the database refuses it, or the trail keeps changing.
	 */
	public function change_trail( array $conversation, callable $change ): array {
		$id       = (int) $conversation['id'];
		$trail    = $conversation['page_trail'];
		$expected = (string) wp_json_encode( $trail );
		for ( $attempt = 0; $attempt < 5; $attempt++ ) {
			$updated = $change( $trail );
			if ( $updated === $trail ) {
				return $trail;
			}
			if ( $this->execute( 'UPDATE %i SET page_trail = %s, updated_at = %s WHERE id = %d AND page_trail = %s', $this->table( 'conversations' ), (string) wp_json_encode( $updated ), $this->now(), $id, $expected ) > 0 ) {
				return $updated;
			}
			// Changed meanwhile (or stored in another form than this code writes): start again from the row.
			$stored = $this->get_var( 'SELECT page_trail FROM %i WHERE id = %d', $this->table( 'conversations' ), $id );
			if ( null === $stored ) {
				throw new Storage_Exception( 'The conversation is gone.' );
			}
			$expected = $stored;
			$trail    = self::decode_trail( $stored );
		}
		throw new Storage_Exception( 'The page trail kept changing.' );
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

	/**
	 * Notes that the visitor is still there (their chat read it): `updated_at` becomes now.
	 *
	 * @param int $id Conversation.
	 * @throws Storage_Exception When the database refuses it.
	 */
	public function touch( int $id ): void {
		$this->update_where( 'conversations', array( 'updated_at' => $this->now() ), array( 'id' => $id ) );
	}

	/**
	 * Keeps (or clears, with 0) the conversation's open handoff, so that the visitor's poll reads
	 * the handoff only while one is open.
	 *
	 * @param int $id         Conversation.
	 * @param int $handoff_id The open handoff, or 0.
	 * @throws Storage_Exception When the database refuses it.
	 */
	public function set_handoff( int $id, int $handoff_id ): void {
		// The visitor is there now: the queue's sweep counts from here (Handoff\Queue_Sweep).
		$this->update_where(
			'conversations',
			array(
				'handoff_id' => $handoff_id,
				'updated_at' => $this->now(),
			),
			array( 'id' => $id )
		);
	}

	/**
	 * Forgets the conversation's open handoff, if it is still that one (a newer one stays).
	 *
	 * @param int $id         Conversation.
	 * @param int $handoff_id The handoff closed.
	 * @throws Storage_Exception When the database refuses it.
	 */
	public function clear_handoff( int $id, int $handoff_id ): void {
		$this->update_where(
			'conversations',
			array( 'handoff_id' => 0 ),
			array(
				'id'         => $id,
				'handoff_id' => $handoff_id,
			)
		);
	}
}
