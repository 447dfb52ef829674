<?php
/**
 * Conversations with everything the plugin stores about a visitor, for the privacy tests.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Privacy;

use HandoffBot\Repositories\Conversation_Repository;
use HandoffBot\Repositories\Delivery_Repository;
use HandoffBot\Repositories\Event_Repository;
use HandoffBot\Repositories\Handoff_Repository;
use HandoffBot\Repositories\Message_Repository;

/**
 * Builds conversations as the chat leaves them: messages (with the page each was sent from),
 * a page trail, a handoff with its brief (the form's answers, the signed-in visitor), a
 * notification to a connection, and events. Times can be set in the past.
 */
trait Privacy_Fixtures {

	/**
	 * A conversation with a handoff. Options: `user_id`, `email` (the form's), `marker` (a word
	 * put in every personal field), `status` of the handoff (or '' for none), `reason`, `days`
	 * ago it all happened, `rating`, `delivery` (bool).
	 *
	 * @param array<string, mixed> $o Options.
	 * @return array{conversation: int, handoff: int, delivery: int, token: string}
	 */
	protected function seed( array $o = array() ): array {
		global $wpdb;
		$marker   = (string) ( $o['marker'] ?? 'm' . wp_generate_password( 8, false ) );
		$days     = (int) ( $o['days'] ?? 0 );
		$status   = (string) ( $o['status'] ?? 'resolved' );
		$token    = wp_generate_password( 32, false );
		$id       = ( new Conversation_Repository() )->create(
			hash( 'sha256', $token ),
			(int) ( $o['user_id'] ?? 0 ),
			array(
				array(
					'url'   => home_url( '/trail-' . $marker . '/' ),
					'title' => 'Trail ' . $marker,
					'at'    => gmdate( 'c' ),
				),
			),
			1
		);
		$messages = new Message_Repository();
		$events   = new Event_Repository();
		$events->record( 'conversation_started', $id, array( 'user' => false ) );
		$visitor = $messages->add( $id, 'visitor', 'My parcel ' . $marker . ' is late', array( 'page_url' => home_url( '/page-' . $marker . '/' ) ), 'key_' . wp_generate_password( 20, false ) );
		$events->record( 'message_received', $id, array( 'message_id' => $visitor['id'] ) );
		$messages->add( $id, 'bot', 'Sorry to hear that.', array( 'kind' => 'answer' ), null, $visitor['id'] );
		$handoff  = 0;
		$delivery = 0;
		if ( '' !== $status ) {
			$email    = (string) ( $o['email'] ?? '' );
			$brief    = array(
				'summary'    => array( 'Wants: “parcel ' . $marker . '”' ),
				'transcript' => array(
					array(
						'role' => 'visitor',
						'body' => 'My parcel ' . $marker . ' is late',
					),
				),
				'pages'      => array( array( 'url' => home_url( '/trail-' . $marker . '/' ) ) ),
				'user'       => null,
				'form'       => '' === $email ? array() : array(
					'name'    => 'Name ' . $marker,
					'email'   => $email,
					'contact' => 'phone',
					'phone'   => '+44 20 7946 ' . substr( (string) crc32( $marker ), 0, 4 ) . ' ' . $marker,
					'message' => 'Call me about ' . $marker,
				),
				'reason'     => 'user_requested',
			);
			$handoffs = new Handoff_Repository();
			$handoff  = $handoffs->create(
				array(
					'conversation_id' => $id,
					'reason'          => (string) ( $o['reason'] ?? 'user_requested' ),
					'trigger_type'    => 'user',
					'route'           => '' === $email ? 'live' : 'callback',
					'intent'          => 'shipping',
					'intent_score'    => 0.9,
					'confidence'      => null,
					'turn'            => 1,
					'config_version'  => 1,
				)
			);
			$handoffs->set_context( $handoff, $id, 'Wants: parcel ' . $marker, (string) wp_json_encode( $brief ) );
			$events->record( 'handoff_requested', $id, array( 'reason' => 'user_requested' ), $handoff );
			$open  = in_array( $status, array( 'requested', 'queued', 'accepted', 'ticket', 'pending' ), true );
			$table = $wpdb->prefix . 'handoff_bot_handoffs';
			if ( $open ) {
				$wpdb->query( $wpdb->prepare( 'UPDATE %i SET status = %s, topic = %s WHERE id = %d', $table, $status, 'Topic ' . $marker, $handoff ) );
			} else {
				$wpdb->query( $wpdb->prepare( 'UPDATE %i SET status = %s, topic = %s, open_key = NULL, resolved_at = %s WHERE id = %d', $table, $status, 'Topic ' . $marker, gmdate( 'Y-m-d H:i:s' ), $handoff ) );
			}
			if ( ! $open ) {
				$events->record( 'resolved', $id, array( 'topic' => 'Topic ' . $marker ), $handoff );
			}
			$messages->add( $id, 'note', 'Note about ' . $marker, array( 'handoff_id' => $handoff ), null, null, 1 );
			$messages->add( $id, 'agent', 'We will call you, ' . $marker, array( 'email_to' => '' === $email ? 'x@example.org' : $email ), null, null, 1 );
			if ( ! empty( $o['delivery'] ) ) {
				$delivery = ( new Delivery_Repository() )->create(
					array(
						'delivery_id'   => 'dlv_' . wp_generate_password( 12, false ),
						'dedupe'        => hash( 'sha256', $marker . wp_generate_password( 8, false ) ),
						'connection_id' => 'conn_test',
						'kind'          => 'webhook',
						'event'         => 'callback.requested',
						'handoff_id'    => $handoff,
						'max_attempts'  => 3,
						'payload'       => (string) wp_json_encode( array( 'brief' => $brief ) ),
					)
				);
			}
		}//end if
		if ( isset( $o['rating'] ) ) {
			$wpdb->query( $wpdb->prepare( 'UPDATE %i SET rating = %d WHERE id = %d', $wpdb->prefix . 'handoff_bot_conversations', (int) $o['rating'], $id ) );
		}
		if ( $days > 0 ) {
			$this->age( $id, $days );
		}
		return array(
			'conversation' => $id,
			'handoff'      => $handoff,
			'delivery'     => $delivery,
			'token'        => $token,
		);
	}

	/**
	 * Moves every time of a conversation (its messages, handoffs and events) some days back.
	 *
	 * @param int $id   Conversation.
	 * @param int $days Days.
	 */
	protected function age( int $id, int $days ): void {
		global $wpdb;
		$when = gmdate( 'Y-m-d H:i:s', time() - $days * DAY_IN_SECONDS );
		$p    = $wpdb->prefix . 'handoff_bot_';
		$wpdb->query( $wpdb->prepare( 'UPDATE %i SET created_at = %s, updated_at = %s WHERE id = %d', $p . 'conversations', $when, $when, $id ) );
		$wpdb->query( $wpdb->prepare( 'UPDATE %i SET created_at = %s WHERE conversation_id = %d', $p . 'messages', $when, $id ) );
		$wpdb->query( $wpdb->prepare( 'UPDATE %i SET created_at = %s WHERE conversation_id = %d', $p . 'events', $when, $id ) );
		$wpdb->query( $wpdb->prepare( 'UPDATE %i SET requested_at = %s, resolved_at = CASE WHEN resolved_at IS NULL THEN NULL ELSE %s END WHERE conversation_id = %d', $p . 'handoffs', $when, $when, $id ) );
	}

	/**
	 * The figures a report reads: handoffs by reason, status and route; events by type;
	 * conversations and their ratings.
	 *
	 * @return array<string, array<string, int>>
	 */
	protected function figures(): array {
		global $wpdb;
		$p   = $wpdb->prefix . 'handoff_bot_';
		$out = array(
			'handoffs' => array(),
			'events'   => array(),
		);
		foreach ( $wpdb->get_results( $wpdb->prepare( 'SELECT reason, status, route, intent, COUNT(*) AS n FROM %i GROUP BY reason, status, route, intent ORDER BY reason, status, route, intent', $p . 'handoffs' ), ARRAY_A ) as $row ) {
			$out['handoffs'][ $row['reason'] . '/' . $row['status'] . '/' . $row['route'] . '/' . $row['intent'] ] = (int) $row['n'];
		}
		foreach ( $wpdb->get_results( $wpdb->prepare( 'SELECT type, COUNT(*) AS n FROM %i GROUP BY type ORDER BY type', $p . 'events' ), ARRAY_A ) as $row ) {
			$out['events'][ $row['type'] ] = (int) $row['n'];
		}
		$out['conversations'] = array(
			'count'   => (int) $wpdb->get_var( $wpdb->prepare( 'SELECT COUNT(*) FROM %i', $p . 'conversations' ) ),
			'ratings' => (int) $wpdb->get_var( $wpdb->prepare( 'SELECT COALESCE(SUM(rating), 0) FROM %i', $p . 'conversations' ) ),
		);
		return $out;
	}

	/**
	 * Rows of the plugin's tables, in any text column, that mention a text.
	 *
	 * @param string $needle Text.
	 * @return array<string, int> Table.column => rows.
	 */
	protected function stored( string $needle ): array {
		global $wpdb;
		$found = array();
		foreach ( ( new \HandoffBot\Database\Migrator() )->tables() as $table ) {
			$row = $wpdb->get_row( $wpdb->prepare( 'SELECT * FROM %i LIMIT 1', $table->name() ), ARRAY_A );
			foreach ( is_array( $row ) ? array_keys( $row ) : array() as $column ) {
				$n = (int) $wpdb->get_var( $wpdb->prepare( 'SELECT COUNT(*) FROM %i WHERE CAST(%i AS CHAR) LIKE %s', $table->name(), $column, '%' . $wpdb->esc_like( $needle ) . '%' ) );
				if ( $n > 0 ) {
					$found[ $table->short_name() . '.' . $column ] = $n;
				}
			}
		}
		return $found;
	}
}
