<?php
/**
 * Tests for the schema migrator, on the real database.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Database;

use HandoffBot\Database\Migrator;
use HandoffBot\Database\Table;
use HandoffBot\Settings;
use HandoffBot\Tests\Integration\Test_Case;

/**
 * Migrations create every table, are idempotent, cost nothing when current, and keep the old version on failure.
 */
final class Migrator_Test extends Test_Case {

	/**
	 * DDL commits implicitly on MariaDB, so put the real schema back after each test.
	 */
	protected function tearDown(): void {
		parent::tearDown();
		delete_option( Migrator::ERROR_OPTION );
		( new Migrator() )->migrate();
	}

	/**
	 * Activation created the four tables with the expected columns.
	 */
	public function test_activation_created_the_tables(): void {
		global $wpdb;
		$migrator = new Migrator();
		$this->assertSame( Migrator::SCHEMA_VERSION, $migrator->installed_version() );
		foreach ( array( 'conversations', 'messages', 'handoffs', 'events' ) as $short ) {
			$this->assertTrue( $migrator->table_exists( $wpdb->prefix . 'handoff_bot_' . $short ), "table {$short} exists" );
		}
		$columns = $wpdb->get_col( 'DESCRIBE ' . $wpdb->prefix . 'handoff_bot_messages' );
		foreach ( array( 'id', 'conversation_id', 'role', 'body', 'idempotency_key', 'meta', 'created_at' ) as $column ) {
			$this->assertContains( $column, $columns );
		}
	}

	/**
	 * Running the migration again changes nothing and keeps the data.
	 */
	public function test_migrate_is_idempotent_and_keeps_rows(): void {
		global $wpdb;
		$table = $wpdb->prefix . 'handoff_bot_events';
		$wpdb->insert(
			$table,
			array(
				'type'       => 'conversation_started',
				'data'       => '{}',
				'created_at' => current_time( 'mysql', true ),
			)
		);
		$id = (int) $wpdb->insert_id;
		$this->assertGreaterThan( 0, $id );

		$migrator = new Migrator();
		$this->assertTrue( $migrator->migrate() );
		$this->assertTrue( $migrator->migrate() );

		$this->assertSame( 'conversation_started', $wpdb->get_var( $wpdb->prepare( 'SELECT type FROM %i WHERE id = %d', $table, $id ) ) );
		$this->assertSame( Migrator::SCHEMA_VERSION, $migrator->installed_version() );
	}

	/**
	 * When the schema is current, the check runs no query at all.
	 */
	public function test_maybe_migrate_costs_no_query_when_current(): void {
		global $wpdb;
		$before = $wpdb->num_queries;
		( new Migrator() )->maybe_migrate();
		$this->assertSame( $before, $wpdb->num_queries );
	}

	/**
	 * An upgrade from an older schema version runs without the activation hook.
	 */
	public function test_upgrade_runs_on_plugins_loaded_without_activation(): void {
		update_option( Migrator::VERSION_OPTION, 0 );
		$this->assertSame( 0, ( new Migrator() )->installed_version() );

		do_action( 'plugins_loaded' );

		$this->assertSame( Migrator::SCHEMA_VERSION, ( new Migrator() )->installed_version() );
	}

	/**
	 * An upgrade from version 3 or 4 replaces the postings indexes that made each question sort a term's
	 * postings and look up each posting's row, and autoloads the configuration version.
	 */
	public function test_upgrade_from_3_replaces_the_postings_index(): void {
		global $wpdb;
		$postings = $wpdb->prefix . 'handoff_bot_postings';
		$indexes  = static function () use ( $wpdb, $postings ): array {
			return array_values( array_unique( $wpdb->get_col( $wpdb->prepare( 'SHOW INDEX FROM %i', $postings ), 2 ) ) );
		};
		$wpdb->query( $wpdb->prepare( 'ALTER TABLE %i DROP INDEX %i', $postings, 'term_impact_passage' ) );
		$wpdb->query( $wpdb->prepare( 'ALTER TABLE %i DROP INDEX %i', $postings, 'passage_term_impact' ) );
		$wpdb->query( $wpdb->prepare( 'ALTER TABLE %i ADD INDEX %i (term_id, impact)', $postings, 'term_impact' ) );
		$wpdb->query( $wpdb->prepare( 'ALTER TABLE %i ADD INDEX %i (passage_id)', $postings, 'passage_id' ) );
		delete_option( Settings::CONFIG_VERSION_OPTION );
		update_option( Migrator::VERSION_OPTION, 3 );
		$this->assertContains( 'term_impact', $indexes() );
		$this->assertContains( 'passage_id', $indexes() );

		$this->assertTrue( ( new Migrator() )->migrate() );

		$this->assertNotContains( 'term_impact', $indexes() );
		$this->assertNotContains( 'passage_id', $indexes() );
		$this->assertContains( 'term_impact_passage', $indexes() );
		$this->assertContains( 'passage_term_impact', $indexes() );
		$this->assertSame( '1', (string) get_option( Settings::CONFIG_VERSION_OPTION ) );
		$this->assertArrayHasKey( Settings::CONFIG_VERSION_OPTION, wp_load_alloptions() );
	}

	/**
	 * A table that cannot be created keeps the old version and records an error for the admin notice.
	 */
	public function test_failure_keeps_the_old_version_and_records_the_error(): void {
		update_option( Migrator::VERSION_OPTION, 0 );
		$broken   = new class() extends Table {
			/**
			 * {@inheritDoc}
			 */
			public function short_name(): string {
				return 'broken';
			}

			/**
			 * {@inheritDoc}
			 */
			protected function columns(): string {
				return 'id bigint(20) unsigned NOT NULL AUTO_INCREMENT, PRIMARY KEY  (id), KEY missing_column (no_such_column)';
			}
		};
		$migrator = new Migrator( array( $broken ) );

		$this->assertFalse( $migrator->migrate() );
		$this->assertSame( 0, $migrator->installed_version() );
		$error = get_option( Migrator::ERROR_OPTION );
		$this->assertIsArray( $error );
		$this->assertStringContainsString( 'handoff_bot_broken', $error['message'] );

		$admin = $this->create_user( 'administrator' );
		wp_set_current_user( $admin );
		ob_start();
		do_action( 'admin_notices' );
		$notice = (string) ob_get_clean();
		$this->assertStringContainsString( 'could not upgrade its database tables', $notice );
	}

	/**
	 * After a failure, a visitor's request does not try again for a while (a migration that
	 * fails for good must not run on every page); once the wait is over, it does.
	 */
	public function test_a_failed_migration_waits_before_a_visitor_request_retries(): void {
		global $wpdb;
		update_option( Migrator::VERSION_OPTION, 0 );
		$tries    = 0;
		$count    = static function ( array $queries ) use ( &$tries ): array {
			++$tries;
			return $queries;
		};
		$broken   = new class() extends Table {
			/**
			 * {@inheritDoc}
			 */
			public function short_name(): string {
				return 'broken';
			}

			/**
			 * {@inheritDoc}
			 */
			protected function columns(): string {
				return 'id bigint(20) unsigned NOT NULL AUTO_INCREMENT, PRIMARY KEY  (id), KEY missing_column (no_such_column)';
			}
		};
		$migrator = new Migrator( array( $broken ) );
		add_filter( 'dbdelta_create_queries', $count );
		try {
			$migrator->maybe_migrate();
			$this->assertSame( 1, $tries, 'the first request tries' );
			$migrator->maybe_migrate();
			$this->assertSame( 1, $tries, 'the next one waits' );

			$error         = (array) get_option( Migrator::ERROR_OPTION );
			$error['time'] = time() - Migrator::RETRY_AFTER - 1;
			// On SQLite the failed CREATE rolls the test's transaction back under WordPress's
			// option cache: read the options again, and set the old version again.
			wp_cache_flush();
			update_option( Migrator::VERSION_OPTION, 0 );
			update_option( Migrator::ERROR_OPTION, $error );
			$migrator->maybe_migrate();
			$this->assertSame( 2, $tries, 'after the wait it tries again' );
		} finally {
			remove_filter( 'dbdelta_create_queries', $count );
			$wpdb->query( $wpdb->prepare( 'DROP TABLE IF EXISTS %i', $wpdb->prefix . 'handoff_bot_broken' ) );
			// What the SQLite rollback left committed is put back as the other tests expect it.
			update_option( Migrator::VERSION_OPTION, Migrator::SCHEMA_VERSION );
			delete_option( Migrator::ERROR_OPTION );
			wp_cache_flush();
		}//end try
	}

	/**
	 * Administrators get both capabilities and the support agent role exists.
	 */
	public function test_capabilities_are_granted(): void {
		$admin = get_role( 'administrator' );
		$this->assertTrue( $admin->has_cap( 'handoff_bot_manage' ) );
		$this->assertTrue( $admin->has_cap( 'handoff_bot_agent' ) );
		$agent = get_role( 'handoff_bot_agent' );
		$this->assertNotNull( $agent );
		$this->assertTrue( $agent->has_cap( 'handoff_bot_agent' ) );
		$this->assertFalse( $agent->has_cap( 'handoff_bot_manage' ) );
	}
}
