<?php
/**
 * A database failure while a visitor message is stored.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Rest;

use HandoffBot\Repositories\Event_Repository;
use HandoffBot\Tests\Integration\Test_Case;

/**
 * Runs without the test transaction (MySQL commits it on CREATE TRIGGER), so the rows this test
 * makes are committed and removed afterwards.
 */
final class Storage_Failure_Test extends Test_Case {

	/**
	 * No transaction (see the class comment).
	 *
	 * @var bool
	 */
	protected bool $use_transaction = false;

	/**
	 * The conversation this test made.
	 *
	 * @var int
	 */
	private int $conversation_id = 0;


	/**
	 * Without the test transaction, the plugin groups its writes in transactions as on a live
	 * site: what the database refuses rolls back with them.
	 */
	protected function setUp(): void {
		parent::setUp();
		remove_filter( 'handoff_bot_transactions', '__return_false' );
	}

	/**
	 * Removes the rows this test made.
	 */
	protected function tearDown(): void {
		global $wpdb;
		add_filter( 'handoff_bot_transactions', '__return_false' );
		$this->refuse_inserts( 'messages', false );
		$this->refuse_inserts( 'events', false );
		foreach ( array( 'messages', 'events', 'handoffs' ) as $short ) {
			$wpdb->query( $wpdb->prepare( 'DELETE FROM %i WHERE conversation_id = %d', $wpdb->prefix . 'handoff_bot_' . $short, $this->conversation_id ) );
		}
		$wpdb->query( $wpdb->prepare( 'DELETE FROM %i WHERE id = %d', $wpdb->prefix . 'handoff_bot_conversations', $this->conversation_id ) );
		$wpdb->query( $wpdb->prepare( 'DELETE FROM %i', $wpdb->prefix . 'handoff_bot_rate_limits' ) );
		parent::tearDown();
	}

	/**
	 * Messages stored for the conversation.
	 */
	private function count_messages(): int {
		global $wpdb;
		return (int) $wpdb->get_var( $wpdb->prepare( 'SELECT COUNT(*) FROM %i WHERE conversation_id = %d', $wpdb->prefix . 'handoff_bot_messages', $this->conversation_id ) );
	}

	/**
	 * A database failure while storing is a 503 and leaves nothing half-stored.
	 */
	public function test_storage_failure_is_a_503_and_stores_nothing(): void {
		global $wpdb;
		list( $id, $token )    = $this->start_conversation();
		$this->conversation_id = $id;
		// The database refuses writes to the messages table, as a full disk would: a trigger
		// aborts every insert, however the plugin's statements reach the database.
		$this->refuse_inserts( 'messages', true );
		$response = $this->send( $id, $token, 'Will this be lost?', 'retry-key-1' );
		$this->assertSame( 503, $response->get_status() );
		$this->assertSame( 'handoff_bot_storage_unavailable', $response->get_data()['code'] );
		$this->assertSame( 0, $this->count_messages() );
		$this->assertCount( 0, wp_list_filter( ( new Event_Repository() )->for_conversation( $id ), array( 'type' => 'message_received' ) ) );

		// The client retries with the same key once the database is back.
		$this->refuse_inserts( 'messages', false );
		$retry = $this->send( $id, $token, 'Will this be lost?', 'retry-key-1' );
		$this->assertSame( 201, $retry->get_status() );
		$this->assertSame( 2, $this->count_messages() );
	}

	/**
	 * A message and its event are stored together or not at all, on every database: when the
	 * event cannot be written, the message is not kept either, and the client's retry stores both.
	 */
	public function test_a_message_and_its_event_commit_together(): void {
		list( $id, $token )    = $this->start_conversation();
		$this->conversation_id = $id;
		$this->refuse_inserts( 'events', true );
		$response = $this->send( $id, $token, 'Where is my parcel?', 'retry-key-2' );
		$this->assertSame( 503, $response->get_status() );
		$this->assertSame( 0, $this->count_messages(), 'the message went with its event' );

		$this->refuse_inserts( 'events', false );
		$retry = $this->send( $id, $token, 'Where is my parcel?', 'retry-key-2' );
		$this->assertSame( 201, $retry->get_status() );
		$this->assertSame( 2, $this->count_messages() );
		$types = array_column( ( new Event_Repository() )->for_conversation( $id ), 'type' );
		// The site's pages hold nothing on it: the bot says so and offers a person.
		$this->assertSame( array( 'message_received', 'choice_offered' ), array_values( array_diff( $types, array( 'conversation_started' ) ) ) );
	}
}
