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
		// Nothing here is rolled back: the agent, their presence and its events go too.
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
	 * Starts a worker.
	 *
	 * @param int    $conversation_id Conversation.
	 * @param string $key             Idempotency key.
	 * @param string $barrier         Barrier file.
	 * @return array{0: resource, 1: resource}
	 */
	private function worker( int $conversation_id, string $key, string $barrier ): array {
		$command = array( PHP_BINARY, dirname( __DIR__, 2 ) . '/workers/handoff-request.php', (string) $conversation_id, $key, $barrier, '400000' );
		$process = proc_open( $command, array( 1 => array( 'pipe', 'w' ), 2 => array( 'pipe', 'w' ) ), $pipes ); // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound, WordPress.PHP.DiscouragedPHPFunctions.system_calls_proc_open -- descriptors; a test starts a second process.
		$this->assertIsResource( $process );
		return array( $process, $pipes[1] );
	}

	/**
	 * One handoff, two stored replies: "connecting" for one, "recorded" for the other.
	 */
	public function test_two_requests_at_once_open_one_handoff(): void {
		$this->agent = $this->staff_the_site();
		list( $id )  = $this->start_conversation();
		$barrier     = tempnam( sys_get_temp_dir(), 'handoff-bot-barrier-' );
		$this->assertIsString( $barrier );
		unlink( $barrier ); // phpcs:ignore WordPress.WP.AlternativeFunctions.unlink_unlink -- a temporary file.
		$workers = array( $this->worker( $id, 'race-a', $barrier ), $this->worker( $id, 'race-b', $barrier ) );
		usleep( 1500000 );
		touch( $barrier );
		$replies = array();
		foreach ( $workers as list( $process, $out ) ) {
			$replies[] = json_decode( (string) stream_get_contents( $out ), true );
			proc_close( $process );
		}
		unlink( $barrier ); // phpcs:ignore WordPress.WP.AlternativeFunctions.unlink_unlink -- a temporary file.

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
