<?php
/**
 * What the plugin stores about a person, for export, erasure and retention.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Repositories;

defined( 'ABSPATH' ) || exit;

/**
 * Reads a person's conversations across the tables (their messages, handoffs with their briefs,
 * and the deliveries about those handoffs) and anonymises one conversation at a time.
 *
 * Anonymising keeps every row and the columns the reports count (statuses, reasons, routes,
 * intents, ratings, timestamps, events) and empties the ones that say who the person was or what
 * they wrote: message bodies, the page trail, the briefs and their form answers, the payloads
 * sent to the connections. The conversation's token hash becomes ANONYMISED, which no visitor
 * token matches: the chat that started it cannot open it again, and the retention purge knows
 * it is done.
 *
 * @phpstan-type Export_Conversation array{id: int, user_id: int, status: string, language: string, page_trail: string, rating: int|null, created_at: string, updated_at: string, ended_at: string|null}
 * @phpstan-type Export_Message array{id: int, conversation_id: int, role: string, body: string, meta: string, created_at: string}
 * @phpstan-type Export_Handoff array{id: int, conversation_id: int, status: string, reason: string, route: string, topic: string, headline: string, context: string, requested_at: string, resolved_at: string|null}
 * @phpstan-type Export_Delivery array{id: int, handoff_id: int, kind: string, event: string, status: string, payload: string, created_at: string}
 */
final class Personal_Data_Repository extends Repository {

	/**
	 * The token hash of an anonymised conversation (no SHA-256 of a token is all zeros).
	 */
	public const ANONYMISED = '0000000000000000000000000000000000000000000000000000000000000000';

	/**
	 * Keys of a message's meta that say who the visitor is or where they were.
	 */
	public const PERSONAL_META = array( 'page_url', 'email_to' );

	/**
	 * Keys of an event's data that may hold free text (an agent's topic, an error's wording).
	 */
	public const PERSONAL_EVENT_DATA = array( 'topic', 'error' );

	/**
	 * Conversations that may be a person's, after a cursor, by ID: those of their account, and
	 * those with a handoff whose brief has their email address as a value of an `email` key
	 * (the ticket form's answer, or the signed-in visitor's address). The brief is JSON written
	 * by wp_json_encode(), in which a quote inside a string is always escaped, so the pattern
	 * `"email":"<address>"` only matches that key; the caller still checks the decoded brief.
	 *
	 * @param int    $user_id The account with that address, or 0.
	 * @param string $email   Email address.
	 * @param int    $after   Conversation ID cursor.
	 * @param int    $limit   At most this many.
	 * @param int    $offset  How many to skip after the cursor.
	 * @return list<int>
	 * @throws Storage_Exception When the database cannot be read.
	 */
	public function candidates( int $user_id, string $email, int $after, int $limit, int $offset = 0 ): array {
		$like = '%' . self::escape_like( '"email":' . wp_json_encode( $email ) ) . '%';
		$sql  = "SELECT id FROM %i WHERE id > %d AND token_hash <> %s AND (id IN (SELECT conversation_id FROM %i WHERE context LIKE %s ESCAPE '!')";
		$args = array( $this->table( 'conversations' ), $after, self::ANONYMISED, $this->table( 'handoffs' ), $like );
		if ( $user_id > 0 ) {
			$sql   .= ' OR user_id = %d';
			$args[] = $user_id;
		}
		array_push( $args, $limit, $offset );
		return array_values( array_map( 'intval', $this->get_col( $sql . ') ORDER BY id ASC LIMIT %d OFFSET %d', ...$args ) ) );
	}

	/**
	 * Conversations by ID, oldest first.
	 *
	 * @param array $ids Conversation IDs.
	 * @phpstan-param list<int> $ids
	 * @return list<Export_Conversation>
	 * @throws Storage_Exception When the database cannot be read.
	 */
	public function conversations( array $ids ): array {
		if ( ! $ids ) {
			return array();
		}
		$out = array();
		foreach ( $this->get_rows( 'SELECT id, user_id, status, language, page_trail, rating, created_at, updated_at, ended_at FROM %i WHERE id IN (' . $this->int_placeholders( count( $ids ) ) . ') ORDER BY id ASC', $this->table( 'conversations' ), ...$ids ) as $row ) {
			$out[] = array(
				'id'         => (int) $row['id'],
				'user_id'    => (int) $row['user_id'],
				'status'     => (string) $row['status'],
				'language'   => (string) $row['language'],
				'page_trail' => (string) $row['page_trail'],
				'rating'     => null === $row['rating'] ? null : (int) $row['rating'],
				'created_at' => (string) $row['created_at'],
				'updated_at' => (string) $row['updated_at'],
				'ended_at'   => null === $row['ended_at'] ? null : (string) $row['ended_at'],
			);
		}
		return $out;
	}

	/**
	 * The handoffs of some conversations, with their briefs, oldest first.
	 *
	 * @param array $conversation_ids Conversations.
	 * @phpstan-param list<int> $conversation_ids
	 * @return list<Export_Handoff>
	 * @throws Storage_Exception When the database cannot be read.
	 */
	public function handoffs( array $conversation_ids ): array {
		if ( ! $conversation_ids ) {
			return array();
		}
		$out = array();
		foreach ( $this->get_rows( 'SELECT id, conversation_id, status, reason, route, topic, headline, context, requested_at, resolved_at FROM %i WHERE conversation_id IN (' . $this->int_placeholders( count( $conversation_ids ) ) . ') ORDER BY id ASC', $this->table( 'handoffs' ), ...$conversation_ids ) as $row ) {
			$out[] = array(
				'id'              => (int) $row['id'],
				'conversation_id' => (int) $row['conversation_id'],
				'status'          => (string) $row['status'],
				'reason'          => (string) $row['reason'],
				'route'           => (string) $row['route'],
				'topic'           => (string) $row['topic'],
				'headline'        => (string) $row['headline'],
				'context'         => (string) $row['context'],
				'requested_at'    => (string) $row['requested_at'],
				'resolved_at'     => null === $row['resolved_at'] ? null : (string) $row['resolved_at'],
			);
		}
		return $out;
	}

	/**
	 * The messages of a conversation, oldest first.
	 *
	 * @param int $conversation_id Conversation.
	 * @return list<Export_Message>
	 * @throws Storage_Exception When the database cannot be read.
	 */
	public function messages( int $conversation_id ): array {
		$out = array();
		foreach ( $this->get_rows( 'SELECT id, conversation_id, role, body, meta, created_at FROM %i WHERE conversation_id = %d ORDER BY id ASC', $this->table( 'messages' ), $conversation_id ) as $row ) {
			$out[] = array(
				'id'              => (int) $row['id'],
				'conversation_id' => (int) $row['conversation_id'],
				'role'            => (string) $row['role'],
				'body'            => (string) $row['body'],
				'meta'            => (string) $row['meta'],
				'created_at'      => (string) $row['created_at'],
			);
		}
		return $out;
	}

	/**
	 * The deliveries (outbound notifications) about some handoffs, oldest first.
	 *
	 * @param array $handoff_ids Handoffs.
	 * @phpstan-param list<int> $handoff_ids
	 * @return list<Export_Delivery>
	 * @throws Storage_Exception When the database cannot be read.
	 */
	public function deliveries( array $handoff_ids ): array {
		if ( ! $handoff_ids ) {
			return array();
		}
		$out = array();
		foreach ( $this->get_rows( 'SELECT id, handoff_id, kind, event, status, payload, created_at FROM %i WHERE handoff_id IN (' . $this->int_placeholders( count( $handoff_ids ) ) . ') ORDER BY id ASC', $this->table( 'deliveries' ), ...$handoff_ids ) as $row ) {
			$out[] = array(
				'id'         => (int) $row['id'],
				'handoff_id' => (int) $row['handoff_id'],
				'kind'       => (string) $row['kind'],
				'event'      => (string) $row['event'],
				'status'     => (string) $row['status'],
				'payload'    => (string) $row['payload'],
				'created_at' => (string) $row['created_at'],
			);
		}
		return $out;
	}

	/**
	 * Conversations whose personal data has outlived the retention period, after a cursor, by
	 * ID: not anonymised yet, no activity (the conversation, its messages, its handoffs) since the
	 * cutoff, and no handoff still open (a live request, or a ticket or callback not closed).
	 *
	 * @param string   $cutoff MySQL UTC time.
	 * @param int      $after  Conversation ID cursor.
	 * @param int      $limit  At most this many.
	 * @param string[] $open   Statuses of handoffs kept until they close.
	 * @return list<int>
	 * @throws Storage_Exception When the database cannot be read.
	 */
	public function expired( string $cutoff, int $after, int $limit, array $open ): array {
		return array_values(
			array_map(
				'intval',
				$this->get_col(
					'SELECT c.id FROM %i c WHERE c.id > %d AND c.token_hash <> %s AND c.updated_at < %s'
					. ' AND NOT EXISTS (SELECT 1 FROM %i m WHERE m.conversation_id = c.id AND m.created_at >= %s)'
					. ' AND NOT EXISTS (SELECT 1 FROM %i h WHERE h.conversation_id = c.id AND (h.requested_at >= %s OR h.resolved_at >= %s OR h.status IN (' . $this->string_placeholders( count( $open ) ) . ')))'
					. ' ORDER BY c.id ASC LIMIT %d',
					$this->table( 'conversations' ),
					$after,
					self::ANONYMISED,
					$cutoff,
					$this->table( 'messages' ),
					$cutoff,
					$this->table( 'handoffs' ),
					$cutoff,
					$cutoff,
					...array_merge( array_values( $open ), array( $limit ) )
				)
			)
		);
	}

	/**
	 * Anonymises a conversation (call it inside a transaction: all of it or none). Returns how
	 * many rows of each kind lost personal data.
	 *
	 * @param int    $conversation_id Conversation.
	 * @param string $placeholder     What a message's text becomes.
	 * @param bool   $free_text       Whether agents' topics and events' free text go too (an
	 *                                erasure request); the retention purge keeps them.
	 * @return array{messages: int, handoffs: int, deliveries: int, events: int}
	 * @throws Storage_Exception When the database refuses it.
	 */
	public function anonymise( int $conversation_id, string $placeholder, bool $free_text ): array {
		$messages = $this->execute( 'UPDATE %i SET body = %s WHERE conversation_id = %d AND body <> %s', $this->table( 'messages' ), $placeholder, $conversation_id, $placeholder );
		foreach ( $this->get_rows( 'SELECT id, meta FROM %i WHERE conversation_id = %d', $this->table( 'messages' ), $conversation_id ) as $row ) {
			$meta = self::without( (string) $row['meta'], self::PERSONAL_META );
			if ( null !== $meta ) {
				$this->execute( 'UPDATE %i SET meta = %s WHERE id = %d', $this->table( 'messages' ), $meta, (int) $row['id'] );
			}
		}
		$this->execute( "UPDATE %i SET page_trail = '[]', user_id = 0, token_hash = %s WHERE id = %d", $this->table( 'conversations' ), self::ANONYMISED, $conversation_id );
		$handoffs = $this->execute(
			"UPDATE %i SET context = '{}', headline = ''" . ( $free_text ? ", topic = ''" : '' ) . " WHERE conversation_id = %d AND (context NOT IN ('', '{}') OR headline <> ''" . ( $free_text ? " OR topic <> ''" : '' ) . ')',
			$this->table( 'handoffs' ),
			$conversation_id
		);
		$events   = 0;
		if ( $free_text ) {
			// A reviewer's note on the conversation may quote the visitor.
			$this->execute( "UPDATE %i SET note = '' WHERE conversation_id = %d AND note <> ''", $this->table( 'review_marks' ), $conversation_id );
			foreach ( $this->get_rows( 'SELECT id, data FROM %i WHERE conversation_id = %d', $this->table( 'events' ), $conversation_id ) as $row ) {
				$data = self::without( (string) $row['data'], self::PERSONAL_EVENT_DATA );
				if ( null !== $data ) {
					$events += $this->execute( 'UPDATE %i SET data = %s WHERE id = %d', $this->table( 'events' ), $data, (int) $row['id'] );
				}
			}
		}
		// A delivery not sent yet would carry the brief out after all: it fails instead.
		$deliveries = $this->execute(
			"UPDATE %i SET payload = '', response_excerpt = '', error = CASE WHEN status = 'pending' THEN %s ELSE error END, status = CASE WHEN status = 'pending' THEN 'failed' ELSE status END WHERE handoff_id IN (SELECT id FROM %i WHERE conversation_id = %d) AND (payload <> '' OR response_excerpt <> '' OR status = 'pending')",
			$this->table( 'deliveries' ),
			'personal_data_removed',
			$this->table( 'handoffs' ),
			$conversation_id
		);
		return array(
			'messages'   => $messages,
			'handoffs'   => $handoffs,
			'deliveries' => $deliveries,
			'events'     => $events,
		);
	}

	/**
	 * JSON without some top-level keys, or null when it has none of them.
	 *
	 * @param string   $json JSON object.
	 * @param string[] $keys Keys to drop.
	 */
	private static function without( string $json, array $keys ): ?string {
		$data = json_decode( $json, true );
		if ( ! is_array( $data ) || ! array_intersect_key( $data, array_flip( $keys ) ) ) {
			return null;
		}
		$kept = array_diff_key( $data, array_flip( $keys ) );
		return (string) wp_json_encode( $kept ? $kept : new \stdClass() );
	}

	/**
	 * Text for a LIKE pattern with "!" as the escape character (which MySQL and SQLite both take;
	 * SQLite has no default one).
	 *
	 * @param string $text Text.
	 */
	private static function escape_like( string $text ): string {
		return strtr(
			$text,
			array(
				'!' => '!!',
				'%' => '!%',
				'_' => '!_',
			)
		);
	}
}
