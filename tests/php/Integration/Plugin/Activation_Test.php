<?php
/**
 * Activation on a database that fails.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Plugin;

use HandoffBot\Database\Migrator;
use HandoffBot\Knowledge\Indexer;
use HandoffBot\Plugin;
use HandoffBot\Repositories\Index_Repository;
use HandoffBot\Tests\Integration\Test_Case;

/**
 * Activation never ends in a fatal error: a failed migration leaves the index alone (the admin
 * notice says why), and a failed index write is recorded for the Knowledge screen. Runs without
 * the test transaction (DDL and triggers commit it on MariaDB); cleans up after itself.
 */
final class Activation_Test extends Test_Case {

	/**
	 * No transaction (see the class comment).
	 *
	 * @var bool
	 */
	protected bool $use_transaction = false;

	/**
	 * The post this test made.
	 *
	 * @var int
	 */
	private int $post_id = 0;

	/**
	 * Removes the trigger, the filter, the post and the recorded errors, and rebuilds the index.
	 */
	protected function tearDown(): void {
		$this->refuse_inserts( 'passages', false );
		remove_all_filters( 'dbdelta_create_queries' );
		if ( $this->post_id ) {
			wp_delete_post( $this->post_id, true );
		}
		( new Migrator() )->migrate();
		Plugin::boot()->indexer()->rebuild_batch( 0, 1000 );
		delete_option( Indexer::ERROR_OPTION );
		delete_option( Migrator::ERROR_OPTION );
		parent::tearDown();
	}

	/**
	 * Publishes a page without indexing it.
	 */
	private function publish_unindexed(): void {
		add_filter( 'handoff_bot_index_on_save', '__return_false' );
		$this->post_id = $this->create_post(
			array(
				'post_title'   => 'Zebracorn stables',
				'post_content' => '<p>Zebracorn stables open at dawn.</p>',
			)
		);
		remove_filter( 'handoff_bot_index_on_save', '__return_false' );
		delete_option( Indexer::ERROR_OPTION );
	}

	/**
	 * A table that refuses writes: activation completes, and the Knowledge screen shows the failure.
	 */
	public function test_activation_records_an_index_failure_instead_of_failing(): void {
		$this->publish_unindexed();
		$this->refuse_inserts( 'passages', true );

		Plugin::activate();

		$this->assertSame( Migrator::SCHEMA_VERSION, ( new Migrator() )->installed_version() );
		$error = get_option( Indexer::ERROR_OPTION );
		$this->assertIsArray( $error, 'the failure is recorded for the Knowledge screen' );
		$this->assertStringContainsString( 'disk full', (string) $error['message'] );
		wp_set_current_user( $this->create_user( 'administrator' ) );
		$this->assertNotNull( $this->rest( 'GET', '/handoff-bot/v1/index' )->get_data()['last_error'] );
	}

	/**
	 * A migration that fails: no index is built on tables that are not current, nothing throws,
	 * and the migration error is kept for the admin notice.
	 */
	public function test_activation_indexes_only_after_a_successful_migration(): void {
		global $wpdb;
		$this->publish_unindexed();
		add_filter(
			'dbdelta_create_queries',
			static function () use ( $wpdb ): array {
				$table = $wpdb->prefix . 'handoff_bot_broken';
				return array( $table => "CREATE TABLE $table (id bigint(20) unsigned NOT NULL, KEY missing (no_such_column))" );
			}
		);

		Plugin::activate();

		$this->assertIsArray( get_option( Migrator::ERROR_OPTION ), 'the migration failed' );
		$this->assertNotContains( $this->post_id, ( new Index_Repository() )->indexed_post_ids() );
	}

	/**
	 * On a healthy database activation indexes existing content.
	 */
	public function test_activation_indexes_existing_content(): void {
		$this->publish_unindexed();
		Plugin::activate();
		$this->assertContains( $this->post_id, ( new Index_Repository() )->indexed_post_ids() );
		$this->assertFalse( get_option( Indexer::ERROR_OPTION ) );
	}
}
