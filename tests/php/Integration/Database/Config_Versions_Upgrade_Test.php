<?php
/**
 * The upgrade to schema 7 adds the configuration versions and the policy's version 1.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Database;

use HandoffBot\Database\Config_Versions_Table;
use HandoffBot\Database\Migrator;
use HandoffBot\Escalation\Policy;
use HandoffBot\Escalation\Policy_Store;
use HandoffBot\Tests\Integration\Rules_Fixtures;
use HandoffBot\Tests\Integration\Test_Case;

require_once dirname( __DIR__ ) . '/Rules_Fixtures.php';

/**
 * Runs without the test transaction (DDL commits it on MariaDB); leaves the table with version 1
 * in force, as the other tests expect.
 */
final class Config_Versions_Upgrade_Test extends Test_Case {

	use Rules_Fixtures;

	/**
	 * No transaction (see the class comment).
	 *
	 * @var bool
	 */
	protected bool $use_transaction = false;

	/**
	 * A site at schema 6: no versions table, no policy option.
	 */
	protected function setUp(): void {
		parent::setUp();
		global $wpdb;
		$wpdb->query( $wpdb->prepare( 'DROP TABLE IF EXISTS %i', ( new Config_Versions_Table() )->name() ) );
		delete_option( Policy_Store::OPTION );
		update_option( Migrator::VERSION_OPTION, 6 );
	}

	/**
	 * Puts the current schema and version 1 back.
	 */
	protected function tearDown(): void {
		$this->assertTrue( ( new Migrator() )->migrate() );
		$this->store()->seed();
		parent::tearDown();
	}

	/**
	 * The upgrade creates the table and stores the defaults as version 1, in force.
	 */
	public function test_upgrade_from_6_stores_version_1(): void {
		$migrator = new Migrator();
		$this->assertFalse( $migrator->table_exists( ( new Config_Versions_Table() )->name() ) );

		$this->assertTrue( $migrator->migrate(), (string) wp_json_encode( get_option( Migrator::ERROR_OPTION ) ) );

		$this->assertSame( Migrator::SCHEMA_VERSION, $migrator->installed_version() );
		$this->assertTrue( $migrator->table_exists( ( new Config_Versions_Table() )->name() ) );
		$store = $this->store();
		$this->assertSame( 1, $store->count() );
		$this->assertSame( 1, $store->active_version() );
		$first = $store->version( 1 );
		$this->assertNotNull( $first );
		$this->assertEquals( Policy::defaults()->to_array(), $first['data'] );
		$this->assertEquals( Policy::defaults()->to_array(), $store->active()->to_array() );

		$this->assertTrue( $migrator->migrate(), 'safe to run again' );
		$this->assertSame( 1, $store->count() );
	}

	/**
	 * An upgrade seen before translations can load (on plugins_loaded) creates the table and
	 * leaves version 1 to init, where the store, hooked by the plugin, stores it.
	 */
	public function test_an_early_upgrade_seeds_on_init(): void {
		global $wp_actions;
		$ran = $wp_actions['after_setup_theme'];
		unset( $wp_actions['after_setup_theme'] );
		try {
			$this->assertTrue( ( new Migrator() )->migrate() );
		} finally {
			$wp_actions['after_setup_theme'] = $ran; // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- restoring what the test took away.
		}
		$store = $this->store();
		$this->assertSame( 0, $store->count() );
		$this->assertFalse( get_option( Policy_Store::OPTION ) );

		$hooked = null;
		foreach ( $GLOBALS['wp_filter']['init']->callbacks as $callbacks ) {
			foreach ( $callbacks as $callback ) {
				if ( is_array( $callback['function'] ) && $callback['function'][0] instanceof Policy_Store && 'maybe_seed' === $callback['function'][1] ) {
					$hooked = $callback['function'][0];
				}
			}
		}
		$this->assertInstanceOf( Policy_Store::class, $hooked, 'the plugin seeds on init' );
		$hooked->maybe_seed();

		$this->assertSame( 1, $store->count() );
		$this->assertSame( 1, $store->active_version() );
	}
}
