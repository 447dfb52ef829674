<?php
/**
 * The upgrade to schema 8 holds conversations to one open handoff, open handoffs from before
 * included.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Database;

use HandoffBot\Database\Migrator;
use HandoffBot\Repositories\Handoff_Repository;
use HandoffBot\Tests\Integration\Test_Case;

/**
 * Runs without the test transaction (DDL commits it on MariaDB).
 */
final class Open_Key_Upgrade_Test extends Test_Case {

	/**
	 * No transaction (see the class comment).
	 *
	 * @var bool
	 */
	protected bool $use_transaction = false;

	/**
	 * Empties the handoffs.
	 */
	protected function tearDown(): void {
		global $wpdb;
		$wpdb->query( $wpdb->prepare( 'DELETE FROM %i', $wpdb->prefix . 'handoff_bot_handoffs' ) );
		$this->assertTrue( ( new Migrator() )->migrate() );
		parent::tearDown();
	}

	/**
	 * A handoff stored at schema 7.
	 *
	 * @param int    $conversation_id Conversation.
	 * @param string $status          Status.
	 * @param string $requested_at    When it was requested (default: an hour ago).
	 */
	private function old_handoff( int $conversation_id, string $status, string $requested_at = '' ): void {
		global $wpdb;
		$wpdb->insert(
			$wpdb->prefix . 'handoff_bot_handoffs',
			array(
				'conversation_id' => $conversation_id,
				'status'          => $status,
				'reason'          => 'user_requested',
				'trigger_type'    => 'user',
				'context'         => '',
				'requested_at'    => '' === $requested_at ? gmdate( 'Y-m-d H:i:s', time() - HOUR_IN_SECONDS ) : $requested_at,
			)
		);
	}

	/**
	 * After the upgrade, a conversation whose handoff was open before gets no second one; one
	 * whose handoff was closed may get a new one; one left open for more than a day expired.
	 */
	public function test_open_handoffs_from_before_keep_their_conversation(): void {
		$this->old_handoff( 501, 'requested' );
		$this->old_handoff( 502, 'resolved' );
		$this->old_handoff( 503, 'accepted' );
		$this->old_handoff( 504, 'requested', '2026-11-01 10:00:00' );
		update_option( Migrator::VERSION_OPTION, 7 );

		$this->assertTrue( ( new Migrator() )->migrate() );

		$repository = new Handoff_Repository();
		$new        = array(
			'reason'         => 'frustration',
			'trigger_type'   => 'system',
			'intent'         => '',
			'intent_score'   => null,
			'confidence'     => null,
			'turn'           => 3,
			'config_version' => 1,
		);
		$this->assertSame( 0, $repository->create( array( 'conversation_id' => 501 ) + $new ), 'its open handoff stands' );
		$this->assertSame( 0, $repository->create( array( 'conversation_id' => 503 ) + $new ) );
		$this->assertGreaterThan( 0, $repository->create( array( 'conversation_id' => 502 ) + $new ), 'its handoff was closed' );
		$this->assertGreaterThan( 0, $repository->create( array( 'conversation_id' => 504 ) + $new ), 'a handoff left open for days expired with the upgrade' );
		global $wpdb;
		$this->assertSame( 'expired', $wpdb->get_var( $wpdb->prepare( 'SELECT status FROM %i WHERE conversation_id = %d ORDER BY id ASC LIMIT 1', $wpdb->prefix . 'handoff_bot_handoffs', 504 ) ) );
		$this->assertSame(
			3,
			$repository->list(
				array(
					'view'     => 'queue',
					'agent_id' => 0,
				),
				1,
				50
			)['total'],
			'the recent one and the two new ones wait; the expired one does not'
		);
	}
}
