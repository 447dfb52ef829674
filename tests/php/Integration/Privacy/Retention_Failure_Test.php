<?php
/**
 * A purge the database stops halfway.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Privacy;

use HandoffBot\Privacy\Anonymiser;
use HandoffBot\Privacy\Retention_Purge;
use HandoffBot\Repositories\Personal_Data_Repository;
use HandoffBot\Repositories\Repository;
use HandoffBot\Repositories\Storage_Exception;
use HandoffBot\Tests\Integration\Test_Case;

require_once __DIR__ . '/Privacy_Fixtures.php';

/**
 * With the plugin's own transactions (and so without the test's): the database refuses the
 * last step of one conversation's purge. Conversations before it stay purged, that one is left
 * whole (an agent never sees it half purged), and the next run finishes the work.
 */
final class Retention_Failure_Test extends Test_Case {

	use Privacy_Fixtures;

	/**
	 * Real commits (see the class comment).
	 *
	 * @var bool
	 */
	protected bool $use_transaction = false;

	/**
	 * The conversations this test made.
	 *
	 * @var list<int>
	 */
	private array $made = array();

	/**
	 * Turns the plugin's transactions on.
	 */
	protected function setUp(): void {
		parent::setUp();
		remove_filter( 'handoff_bot_transactions', '__return_false' );
	}

	/**
	 * Removes the trigger and the rows, and turns the transactions off again.
	 */
	protected function tearDown(): void {
		global $wpdb;
		$this->refuse_updates( false );
		$p = $wpdb->prefix . 'handoff_bot_';
		foreach ( $this->made as $id ) {
			$wpdb->query( $wpdb->prepare( 'DELETE FROM %i WHERE handoff_id IN (SELECT id FROM %i WHERE conversation_id = %d)', $p . 'deliveries', $p . 'handoffs', $id ) );
			foreach ( array( 'messages', 'events', 'handoffs' ) as $table ) {
				$wpdb->query( $wpdb->prepare( 'DELETE FROM %i WHERE conversation_id = %d', $p . $table, $id ) );
			}
			$wpdb->query( $wpdb->prepare( 'DELETE FROM %i WHERE id = %d', $p . 'conversations', $id ) );
		}
		add_filter( 'handoff_bot_transactions', '__return_false' );
		parent::tearDown();
	}

	/**
	 * Adds or removes a trigger that refuses every update of a delivery.
	 *
	 * @param bool $refuse Whether updates fail.
	 */
	private function refuse_updates( bool $refuse ): void {
		global $wpdb;
		$table   = $wpdb->prefix . 'handoff_bot_deliveries';
		$trigger = 'handoff_bot_test_refuse_delivery_updates';
		$sqlite  = Repository::native_connection();
		if ( $sqlite ) {
			$sqlite->exec( "DROP TRIGGER IF EXISTS $trigger" );
			if ( $refuse ) {
				$sqlite->exec( "CREATE TRIGGER $trigger BEFORE UPDATE ON `$table` BEGIN SELECT RAISE(ABORT, 'disk full'); END" );
			}
			return;
		}
		$wpdb->query( $wpdb->prepare( 'DROP TRIGGER IF EXISTS %i', $trigger ) );
		if ( $refuse ) {
			$wpdb->query( $wpdb->prepare( "CREATE TRIGGER %i BEFORE UPDATE ON %i FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'disk full'", $trigger, $table ) );
		}
	}

	/**
	 * The purge stops at the conversation whose delivery cannot be changed; it stays whole, the
	 * one before is purged, and the next run does the rest.
	 */
	public function test_a_purge_stopped_halfway_leaves_nothing_half_done_and_resumes(): void {
		$first      = $this->seed(
			array(
				'marker' => 'failfirst',
				'days'   => 400,
			)
		);
		$second     = $this->seed(
			array(
				'marker'   => 'failsecond',
				'days'     => 400,
				'delivery' => true,
			)
		);
		$third      = $this->seed(
			array(
				'marker' => 'failthird',
				'days'   => 400,
			)
		);
		$this->made = array( $first['conversation'], $second['conversation'], $third['conversation'] );
		$data       = new Personal_Data_Repository();
		$purge      = new Retention_Purge( $data, new Anonymiser( $data ) );
		$whole      = $this->stored( 'failsecond' );
		$this->refuse_updates( true );

		try {
			$purge->run( time(), 180 );
			$this->fail( 'the database refused an update' );
		} catch ( Storage_Exception $e ) {
			$this->assertStringContainsString( 'disk full', $e->getMessage() );
		}

		$this->assertArrayNotHasKey( 'messages.body', $this->stored( 'failfirst' ), 'the first is purged' );
		$this->assertSame( $whole, $this->stored( 'failsecond' ), 'the second is whole: its messages, trail and brief are all there' );
		$this->assertArrayHasKey( 'messages.body', $this->stored( 'failthird' ), 'the third waits' );

		$this->refuse_updates( false );
		$result = $purge->run( time(), 180 );
		$this->assertTrue( $result['done'] );
		foreach ( array( 'failsecond', 'failthird' ) as $marker ) {
			$this->assertArrayNotHasKey( 'messages.body', $this->stored( $marker ) );
			$this->assertArrayNotHasKey( 'handoffs.context', $this->stored( $marker ) );
			$this->assertArrayNotHasKey( 'conversations.page_trail', $this->stored( $marker ) );
		}
		$this->assertArrayNotHasKey( 'deliveries.payload', $this->stored( 'failsecond' ) );
	}
}
