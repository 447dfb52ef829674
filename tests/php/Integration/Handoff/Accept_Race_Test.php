<?php
/**
 * Two agents accept the same handoff at once.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Handoff;

use HandoffBot\Capabilities;
use HandoffBot\Repositories\Event_Repository;
use HandoffBot\Repositories\Handoff_Repository;
use HandoffBot\Tests\Integration\Test_Case;

/**
 * Both agents' processes read the handoff waiting, then accept at the same moment: exactly one
 * gets it, the other is told who did, and the visitor hears of one agent only. Run in real
 * processes against the test site's database, outside the test transaction.
 */
final class Accept_Race_Test extends Test_Case {

	/**
	 * The workers must see the handoff: no test transaction.
	 *
	 * @var bool
	 */
	protected bool $use_transaction = false;

	/**
	 * Users created.
	 *
	 * @var list<int>
	 */
	private array $users = array();

	/**
	 * The conversation raced in.
	 *
	 * @var int
	 */
	private int $conversation = 0;

	/**
	 * Removes what the test made (nothing here is rolled back).
	 */
	protected function tearDown(): void {
		global $wpdb;
		delete_option( \HandoffBot\Handoff\Availability_Store::OPTION );
		delete_option( \HandoffBot\Handoff\Wait_Medians::OPTION );
		if ( $this->conversation > 0 ) {
			foreach ( array( 'handoffs', 'messages', 'events' ) as $table ) {
				$wpdb->query( $wpdb->prepare( 'DELETE FROM %i WHERE conversation_id = %d', $wpdb->prefix . 'handoff_bot_' . $table, $this->conversation ) );
			}
			$wpdb->query( $wpdb->prepare( 'DELETE FROM %i WHERE id = %d', $wpdb->prefix . 'handoff_bot_conversations', $this->conversation ) );
		}
		require_once ABSPATH . 'wp-admin/includes/user.php';
		foreach ( $this->users as $user ) {
			wp_delete_user( $user );
		}
		$wpdb->query( $wpdb->prepare( "DELETE FROM %i WHERE type = 'presence_changed' AND conversation_id = 0", $wpdb->prefix . 'handoff_bot_events' ) );
		parent::tearDown();
	}

	/**
	 * Exactly one of two simultaneous accepts wins.
	 */
	public function test_two_agents_accept_at_once_and_exactly_one_wins(): void {
		$this->users[]      = $this->staff_the_site();
		$this->users[]      = $this->create_user( Capabilities::ROLE );
		list( $id, $token ) = $this->start_conversation();
		$this->conversation = $id;
		$this->send( $id, $token, 'Talk to a person', '', array( 'human' => true ) );
		$handoff = ( new Handoff_Repository() )->open_for( $id );
		$this->assertNotNull( $handoff );

		$barrier = tempnam( sys_get_temp_dir(), 'handoff-bot-accept-' );
		$this->assertIsString( $barrier );
		unlink( $barrier ); // phpcs:ignore WordPress.WP.AlternativeFunctions.unlink_unlink -- a temporary file.
		$workers = array();
		$results = array();
		try {
			foreach ( $this->users as $agent ) {
				$log     = $barrier . '.' . $agent . '.log';
				$command = array( PHP_BINARY, dirname( __DIR__, 2 ) . '/workers/handoff-accept.php', (string) $handoff['id'], (string) $agent, $barrier );
				$process = proc_open( $command, array( 1 => array( 'pipe', 'w' ), 2 => array( 'file', $log, 'w' ) ), $pipes ); // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound, WordPress.PHP.DiscouragedPHPFunctions.system_calls_proc_open -- descriptors; a test starts a second process.
				$this->assertIsResource( $process );
				$workers[] = array( $process, $pipes[1], $log );
			}
			// Both have read the handoff waiting; then both accept at once.
			$deadline = microtime( true ) + 30;
			while ( ! ( file_exists( $barrier . '.' . $this->users[0] ) && file_exists( $barrier . '.' . $this->users[1] ) ) && microtime( true ) < $deadline ) {
				usleep( 5000 );
			}
		} finally {
			touch( $barrier );
			foreach ( $workers as list( $process, $out, $log ) ) {
				$results[] = array( json_decode( (string) stream_get_contents( $out ), true ), (string) file_get_contents( $log ) ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- a local log.
				proc_close( $process );
			}
			foreach ( $this->users as $agent ) {
				foreach ( array( '.' . $agent, '.' . $agent . '.log' ) as $suffix ) {
					if ( file_exists( $barrier . $suffix ) ) {
						unlink( $barrier . $suffix ); // phpcs:ignore WordPress.WP.AlternativeFunctions.unlink_unlink -- a temporary file.
					}
				}
			}
			if ( file_exists( $barrier ) ) {
				unlink( $barrier ); // phpcs:ignore WordPress.WP.AlternativeFunctions.unlink_unlink -- a temporary file.
			}
		}//end try
		foreach ( $results as list( $result, $errors ) ) {
			$this->assertIsArray( $result, 'a worker failed: ' . $errors );
		}
		$won = array_values( array_filter( array_column( $results, 0 ), static fn( array $r ): bool => true === $r['won'] ) );
		$this->assertCount( 1, $won, 'exactly one agent gets it' );
		$lost = array_values( array_filter( array_column( $results, 0 ), static fn( array $r ): bool => false === $r['won'] ) );
		$this->assertCount( 1, $lost );
		$this->assertSame( 'handoff_bot_already_accepted', $lost[0]['code'] );

		$row = ( new Handoff_Repository() )->find( $handoff['id'] );
		$this->assertNotNull( $row );
		$this->assertSame( 'accepted', $row['status'] );
		$this->assertContains( $row['agent_id'], $this->users );
		$this->assertSame( $row['agent_id'], $lost[0]['holder'], 'the refusal names who has it' );
		$types = array_column( ( new Event_Repository() )->for_conversation( $id ), 'type' );
		$this->assertSame( 1, count( array_keys( $types, 'agent_joined', true ) ), 'the visitor hears of one agent' );
	}
}
