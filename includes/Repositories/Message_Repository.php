<?php
/**
 * Messages.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Repositories;

use HandoffBot\Handoff\Poll_Signal;

defined( 'ABSPATH' ) || exit;

/**
 * Reads and writes the messages table. `(conversation_id, idempotency_key)` and `reply_to` are
 * unique, so a resent visitor message is stored once and answered once, even under a race.
 *
 * @phpstan-type Message array{id: int, conversation_id: int, role: string, body: string, idempotency_key: string|null, reply_to: int|null, meta: array<string, mixed>, feedback: int|null, author_id: int, created_at: string}
 */
final class Message_Repository extends Repository {

	/**
	 * Stores a message.
	 *
	 * @param int                  $conversation_id Conversation.
	 * @param string               $role            visitor, bot, agent, note (internal) or system.
	 * @param string               $body            Plain text.
	 * @param array<string, mixed> $meta            Kind, confidence, citations, language...
	 * @param string|null          $idempotency_key Client key (visitor messages).
	 * @param int|null             $reply_to        The visitor message a bot reply answers.
	 * @param int                  $author_id       The person who wrote it (agents and notes).
	 * @return Message The stored message, as find() would return it.
	 * @throws Storage_Exception When the database refuses it (including a duplicate key).
	 */
	public function add( int $conversation_id, string $role, string $body, array $meta = array(), ?string $idempotency_key = null, ?int $reply_to = null, int $author_id = 0 ): array {
		$row       = array(
			'conversation_id' => $conversation_id,
			'role'            => $role,
			'body'            => $body,
			'idempotency_key' => $idempotency_key,
			'reply_to'        => $reply_to,
			'meta'            => (string) wp_json_encode( $meta ),
			'feedback'        => null,
			'author_id'       => $author_id,
			'created_at'      => $this->now(),
		);
		$row['id'] = $this->insert( 'messages', $row );
		if ( 'agent' === $role || 'system' === $role ) {
			// Written to the visitor by someone else: their chat's file changes (Handoff\Poll_Signal).
			Poll_Signal::changed( $conversation_id );
		}
		return $this->hydrate( $row );
	}

	/**
	 * The visitor message stored under a key, or null.
	 *
	 * @param int    $conversation_id Conversation.
	 * @param string $key             Idempotency key.
	 * @return Message|null
	 */
	public function find_by_key( int $conversation_id, string $key ): ?array {
		$row = $this->get_row( 'SELECT * FROM %i WHERE conversation_id = %d AND idempotency_key = %s', $this->table( 'messages' ), $conversation_id, $key );
		return $row ? $this->hydrate( $row ) : null;
	}

	/**
	 * The bot reply to a visitor message, or null.
	 *
	 * @param int $message_id Visitor message.
	 * @return Message|null
	 */
	public function find_reply( int $message_id ): ?array {
		$row = $this->get_row( 'SELECT * FROM %i WHERE reply_to = %d', $this->table( 'messages' ), $message_id );
		return $row ? $this->hydrate( $row ) : null;
	}

	/**
	 * A message of a conversation, or null.
	 *
	 * @param int $conversation_id Conversation.
	 * @param int $id              Message.
	 * @return Message|null
	 */
	public function find( int $conversation_id, int $id ): ?array {
		$row = $this->get_row( 'SELECT * FROM %i WHERE conversation_id = %d AND id = %d', $this->table( 'messages' ), $conversation_id, $id );
		return $row ? $this->hydrate( $row ) : null;
	}

	/**
	 * Messages after a cursor, oldest first.
	 *
	 * @param int $conversation_id Conversation.
	 * @param int $after           Message ID cursor.
	 * @param int $limit           At most this many.
	 * @return list<Message>
	 */
	public function after( int $conversation_id, int $after, int $limit = 100 ): array {
		$rows = $this->get_rows( 'SELECT * FROM %i WHERE conversation_id = %d AND id > %d ORDER BY id ASC LIMIT %d', $this->table( 'messages' ), $conversation_id, $after, $limit );
		return array_values( array_map( array( $this, 'hydrate' ), $rows ) );
	}

	/**
	 * The messages a visitor may read after a cursor: all but agents' internal notes.
	 *
	 * @param int $conversation_id Conversation.
	 * @param int $after           Cursor: only messages with a greater ID.
	 * @param int $limit           At most this many.
	 * @return list<Message>
	 */
	public function visible_after( int $conversation_id, int $after, int $limit = 100 ): array {
		$rows = $this->get_rows( "SELECT * FROM %i WHERE conversation_id = %d AND id > %d AND role <> 'note' ORDER BY id ASC LIMIT %d", $this->table( 'messages' ), $conversation_id, $after, $limit );
		return array_values( array_map( array( $this, 'hydrate' ), $rows ) );
	}

	/**
	 * How many earlier messages a new message is read with.
	 */
	public const HISTORY = 40;

	/**
	 * How many messages of a role came before one.
	 *
	 * @param int    $conversation_id Conversation.
	 * @param int    $before          Message ID: only earlier messages.
	 * @param string $role            Role.
	 * @throws Storage_Exception When the database cannot be read.
	 */
	public function count_before( int $conversation_id, int $before, string $role ): int {
		return (int) $this->get_var( 'SELECT COUNT(*) FROM %i WHERE conversation_id = %d AND id < %d AND role = %s', $this->table( 'messages' ), $conversation_id, $before, $role );
	}

	/**
	 * Records the visitor's answer to an offer, unless one is recorded already: of two answers at
	 * once, only the first is kept.
	 *
	 * @param int                  $id     The offer (a bot message).
	 * @param array<string, mixed> $meta   The offer's meta as read.
	 * @param array<string, mixed> $change The answer's keys (`choice` and what goes with it).
	 * @return bool Whether this answer was recorded.
	 * @throws Storage_Exception When the database refuses it.
	 */
	public function claim_choice( int $id, array $meta, array $change ): bool {
		return 1 === $this->execute(
			'UPDATE %i SET meta = %s WHERE id = %d AND meta NOT LIKE %s',
			$this->table( 'messages' ),
			(string) wp_json_encode( array_merge( $meta, $change ) ),
			$id,
			'%"choice":%'
		);
	}

	/**
	 * The latest messages before one, oldest first.
	 *
	 * @param int $conversation_id Conversation.
	 * @param int $before          Message ID: only earlier messages.
	 * @param int $limit           At most this many (the latest).
	 * @return list<Message>
	 */
	public function before( int $conversation_id, int $before, int $limit = self::HISTORY ): array {
		$rows = $this->get_rows( 'SELECT * FROM %i WHERE conversation_id = %d AND id < %d ORDER BY id DESC LIMIT %d', $this->table( 'messages' ), $conversation_id, $before, $limit );
		return array_values( array_reverse( array_map( array( $this, 'hydrate' ), $rows ) ) );
	}

	/**
	 * Merges keys into a message's meta.
	 *
	 * @param int                  $id     Message.
	 * @param array<string, mixed> $meta   The message's current meta.
	 * @param array<string, mixed> $change Keys to set.
	 * @throws Storage_Exception When the database refuses it.
	 */
	public function update_meta( int $id, array $meta, array $change ): void {
		$this->update_where( 'messages', array( 'meta' => (string) wp_json_encode( array_merge( $meta, $change ) ) ), array( 'id' => $id ) );
	}

	/**
	 * Records feedback on a message: 1 helpful, -1 not helpful.
	 *
	 * @param int $id       Message.
	 * @param int $feedback 1 or -1.
	 * @throws Storage_Exception When the database refuses it.
	 */
	public function set_feedback( int $id, int $feedback ): void {
		$this->update_where( 'messages', array( 'feedback' => $feedback ), array( 'id' => $id ) );
	}

	/**
	 * Casts a row's columns.
	 *
	 * @param array<string, mixed> $row Raw row.
	 * @return Message
	 */
	private function hydrate( array $row ): array {
		$meta = json_decode( (string) $row['meta'], true );
		return array(
			'id'              => (int) $row['id'],
			'conversation_id' => (int) $row['conversation_id'],
			'role'            => (string) $row['role'],
			'body'            => (string) $row['body'],
			'idempotency_key' => null === $row['idempotency_key'] ? null : (string) $row['idempotency_key'],
			'reply_to'        => null === $row['reply_to'] ? null : (int) $row['reply_to'],
			'meta'            => is_array( $meta ) ? $meta : array(),
			'feedback'        => null === $row['feedback'] ? null : (int) $row['feedback'],
			'author_id'       => (int) ( $row['author_id'] ?? 0 ),
			'created_at'      => (string) $row['created_at'],
		);
	}
}
