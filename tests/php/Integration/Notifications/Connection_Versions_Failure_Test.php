<?php
/**
 * A change whose version the database refuses.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Notifications;

use HandoffBot\Notifications\Connection_Store;
use HandoffBot\Notifications\Connection_Versions;
use HandoffBot\Tests\Integration\Test_Case;

/**
 * Runs without the test transaction (MySQL commits it on CREATE TRIGGER), so what it stores is
 * removed afterwards.
 */
final class Connection_Versions_Failure_Test extends Test_Case {

	/**
	 * No transaction (see the class comment).
	 *
	 * @var bool
	 */
	protected bool $use_transaction = false;

	/**
	 * The plugin groups its writes in transactions, as on a live site.
	 */
	protected function setUp(): void {
		parent::setUp();
		remove_filter( 'handoff_bot_transactions', '__return_false' );
		\HandoffBot\Capabilities::grant();
		wp_set_current_user( $this->create_user( 'administrator' ) );
	}

	/**
	 * Removes what the test stored.
	 */
	protected function tearDown(): void {
		global $wpdb;
		add_filter( 'handoff_bot_transactions', '__return_false' );
		$this->refuse_inserts( 'config_versions', false );
		$wpdb->query( $wpdb->prepare( 'DELETE FROM %i WHERE area = %s', $wpdb->prefix . 'handoff_bot_config_versions', Connection_Versions::AREA ) );
		delete_option( Connection_Store::OPTION );
		parent::tearDown();
	}

	/**
	 * When the version cannot be stored, the change is not stored either: a 503 that says to
	 * try again, and the connections as they were.
	 */
	public function test_no_change_without_its_version(): void {
		$fields = array(
			'kind'   => 'email',
			'label'  => 'Inbox',
			'target' => 'support@example.com',
		);
		$first  = $this->rest( 'POST', '/handoff-bot/v1/connections', $fields );
		$this->assertSame( 201, $first->get_status(), (string) wp_json_encode( $first->get_data() ) );

		$this->refuse_inserts( 'config_versions', true );
		$refused = $this->rest( 'POST', '/handoff-bot/v1/connections', array( 'label' => 'Second inbox' ) + $fields );
		$this->assertSame( 503, $refused->get_status() );
		$this->assertSame( 'handoff_bot_storage_unavailable', $refused->get_data()['code'] );
		$deleted = $this->rest( 'DELETE', '/handoff-bot/v1/connections/' . $first->get_data()['id'] );
		$this->assertSame( 503, $deleted->get_status() );

		wp_cache_flush();
		$this->assertSame( array( 'Inbox' ), array_column( ( new Connection_Store() )->all(), 'label' ) );
	}
}
