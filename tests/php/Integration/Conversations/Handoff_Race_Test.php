<?php
/**
 * Two processes ask for a person in the same conversation at once.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Conversations;

use HandoffBot\Repositories\Event_Repository;
use HandoffBot\Repositories\Handoff_Repository;
use HandoffBot\Repositories\Message_Repository;
use HandoffBot\Tests\Integration\Test_Case;

/**
 * A double-clicked button, or two tabs: two requests both read that no handoff is open, and both
 * try to open one. Exactly one opens it; the other is run again, finds it open, and tells the
 * visitor the request stands. Both messages get a stored reply. Run in real processes against the
 * test site's database, outside the test transaction.
 */
final class Handoff_Race_Test extends Test_Case {

	/**
	 * The workers must see the conversation: no test transaction.
	 *
	 * @var bool
	 */
	protected bool $use_transaction = false;

	/**
	 * Removes the staffing.
	 */
	protected function tearDown(): void {
		global $wpdb;
		delete_option( \HandoffBot\Handoff\Availability_Store::OPTION );
		// Nothing here is rolled back: the conversation and all it holds go, and the agent, their
		// presence and its events.
		if ( $this->conversation > 0 ) {
			foreach ( array( 'handoffs', 'messages', 'events' ) as $table ) {
				$wpdb->query( $wpdb->prepare( 'DELETE FROM %i WHERE conversation_id = %d', $wpdb->prefix . 'handoff_bot_' . $table, $this->conversation ) );
			}
			$wpdb->query( $wpdb->prepare( 'DELETE FROM %i WHERE id = %d', $wpdb->prefix . 'handoff_bot_conversations', $this->conversation ) );
		}
		if ( $this->agent > 0 ) {
			require_once ABSPATH . 'wp-admin/includes/user.php';
			wp_delete_user( $this->agent );
			$wpdb->query( $wpdb->prepare( "DELETE FROM %i WHERE type = 'presence_changed' AND conversation_id = 0", $wpdb->prefix . 'handoff_bot_events' ) );
		}
		parent::tearDown();
	}

	/**
	 * The agent staffing the site.
	 *
	 * @var int
	 */
	private int $agent = 0;

	/**
	 * The conversation raced in.
	 *
	 * @var int
	 */
	private int $conversation = 0;

	/**
	 * Starts a worker; its errors go to a file (a pipe nobody reads could fill and block it).
	 *
	 * @param int    $conversation_id Conversation.
	 * @param string $key             Idempotency key.
	 * @param string $barrier         Barrier file.
	 * @return array{0: resource, 1: resource, 2: string} The process, its output, its error log.
	 */
	private function worker( int $conversation_id, string $key, string $barrier ): array {
		$log     = $barrier . '.' . $key . '.log';
		$command = array( PHP_BINARY, dirname( __DIR__, 2 ) . '/workers/handoff-request.php', (string) $conversation_id, $key, $barrier, '400000' );
		$process = proc_open( $command, array( 1 => array( 'pipe', 'w' ), 2 => array( 'file', $log, 'w' ) ), $pipes ); // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound, WordPress.PHP.DiscouragedPHPFunctions.system_calls_proc_open -- descriptors; a test starts a second process.
		$this->assertIsResource( $process );
		return array( $process, $pipes[1], $log );
	}

	/**
	 * One handoff, two stored replies: "connecting" for one, "recorded" for the other.
	 */
	public function test_two_requests_at_once_open_one_handoff(): void {
		$this->agent        = $this->staff_the_site();
		list( $id )         = $this->start_conversation();
		$this->conversation = $id;
		$barrier            = tempnam( sys_get_temp_dir(), 'handoff-bot-barrier-' );
		$this->assertIsString( $barrier );
		unlink( $barrier ); // phpcs:ignore WordPress.WP.AlternativeFunctions.unlink_unlink -- a temporary file.
		$workers = array();
		$replies = array();
		try {
			$workers[] = $this->worker( $id, 'race-a', $barrier );
			$workers[] = $this->worker( $id, 'race-b', $barrier );
			// Both loaded, then both go at once.
			$deadline = microtime( true ) + 30;
			while ( ! ( file_exists( $barrier . '.race-a' ) && file_exists( $barrier . '.race-b' ) ) && microtime( true ) < $deadline ) {
				usleep( 10000 );
			}
		} finally {
			touch( $barrier );
			foreach ( $workers as list( $process, $out, $log ) ) {
				$replies[] = array( json_decode( (string) stream_get_contents( $out ), true ), (string) file_get_contents( $log ) ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- a local log.
				proc_close( $process );
			}
			foreach ( array( '', '.race-a', '.race-b', '.race-a.log', '.race-b.log' ) as $suffix ) {
				if ( file_exists( $barrier . $suffix ) ) {
					unlink( $barrier . $suffix ); // phpcs:ignore WordPress.WP.AlternativeFunctions.unlink_unlink -- a temporary file.
				}
			}
		}//end try
		foreach ( $replies as list( $reply, $errors ) ) {
			$this->assertIsArray( $reply, 'a worker failed: ' . $errors );
		}
		$replies = array_column( $replies, 0 );

		$this->assertCount( 1, ( new Handoff_Repository() )->for_conversation( $id ) );
		foreach ( $replies as $reply ) {
			$this->assertIsArray( $reply );
			$this->assertGreaterThan( 0, $reply['reply_id'], 'the reply was stored' );
		}
		$bodies = array_map( static fn( array $reply ): string => substr( $reply['body'], 0, 20 ), $replies );
		sort( $bodies );
		$this->assertSame( array( 'Connecting you to a ', 'Your request for a p' ), $bodies );
		$messages = ( new Message_Repository() )->before( $id, PHP_INT_MAX );
		$this->assertCount( 4, $messages, 'two messages, two replies' );
		$types = array_column( ( new Event_Repository() )->for_conversation( $id ), 'type' );
		$this->assertSame( 1, count( array_keys( $types, 'handoff_requested', true ) ) );
		$this->assertSame( 1, count( array_keys( $types, 'handoff_repeated', true ) ) );
	}
}
