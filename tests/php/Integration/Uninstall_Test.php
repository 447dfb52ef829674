<?php
/**
 * Tests for uninstall.php.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration;

use HandoffBot\Capabilities;
use HandoffBot\Database\Migrator;
use HandoffBot\Jobs\Reindex_Job;
use HandoffBot\Settings;

/**
 * Runs uninstall.php as WordPress does when the plugin is deleted. Without the test transaction
 * (MySQL commits it on DROP TABLE): the tables, options and roles are put back afterwards.
 */
final class Uninstall_Test extends Test_Case {

	/**
	 * No transaction (see the class comment).
	 *
	 * @var bool
	 */
	protected bool $use_transaction = false;

	/**
	 * The settings before the test.
	 *
	 * @var mixed
	 */
	private $settings;

	/**
	 * The post this test made.
	 *
	 * @var int
	 */
	private int $post_id = 0;

	/**
	 * Users this test made.
	 *
	 * @var list<int>
	 */
	private array $users = array();

	/**
	 * Gives the site everything the plugin creates: its tables with rows, options, a transient, a
	 * scheduled batch, the agent role, capabilities on roles and on a user.
	 */
	protected function setUp(): void {
		parent::setUp();
		$this->settings = get_option( Settings::OPTION );
		$this->post_id  = $this->create_post( array( 'post_content' => '<p>Narwhal tusks are teeth.</p>' ) );
		$this->start_conversation();
		set_transient( 'handoff_bot_test_transient', 'x', HOUR_IN_SECONDS );
		Reindex_Job::schedule( array( 1, 2, 3 ) );
		wp_schedule_event( time() + HOUR_IN_SECONDS, 'daily', 'handoff_bot_test_cleanup' );
		get_role( 'editor' )->add_cap( Capabilities::AGENT );
		$this->users[] = $this->create_user( Capabilities::ROLE );
		$direct        = $this->create_user( 'author' );
		( new \WP_User( $direct ) )->add_cap( Capabilities::MANAGE );
		$this->users[] = $direct;
	}

	/**
	 * Puts the plugin's data back for the other tests.
	 */
	protected function tearDown(): void {
		wp_unschedule_hook( Reindex_Job::HOOK );
		wp_unschedule_hook( 'handoff_bot_test_cleanup' );
		delete_transient( 'handoff_bot_test_transient' );
		get_role( 'editor' )->remove_cap( Capabilities::AGENT );
		require_once ABSPATH . 'wp-admin/includes/user.php';
		foreach ( $this->users as $user ) {
			wp_delete_user( $user );
		}
		wp_cache_flush();
		( new Migrator() )->migrate();
		wp_delete_post( $this->post_id, true );
		update_option( Settings::OPTION, $this->settings, true );
		update_option( Settings::UNINSTALL_OPTION, 0, false );
		wp_roles()->for_site();
		parent::tearDown();
	}

	/**
	 * With "delete data" chosen, nothing of the plugin is left: no table, option, transient,
	 * scheduled event, role or capability.
	 */
	public function test_uninstall_with_delete_data_removes_everything(): void {
		( new Settings() )->update( array( 'delete_data_on_uninstall' => true ) );
		$this->assertNotSame( array(), $this->tables() );
		// Names that a LIKE with an unescaped "_" would also match belong to someone else.
		update_option( 'handoffxbotxnotes', 'kept' );
		set_transient( 'handoff-bot-cache', 'kept', HOUR_IN_SECONDS );

		$this->uninstall();

		$this->assertSame( 'kept', get_option( 'handoffxbotxnotes' ), 'another plugin\'s option survives' );
		$this->assertSame( 'kept', get_transient( 'handoff-bot-cache' ), 'another plugin\'s transient survives' );
		delete_option( 'handoffxbotxnotes' );
		delete_transient( 'handoff-bot-cache' );

		$this->assertSame( array(), $this->tables(), 'no table is left' );
		$this->assertSame( array(), $this->options(), 'no option or transient is left' );
		$this->assertSame( array(), $this->scheduled_hooks(), 'no scheduled event is left' );
		wp_roles()->for_site();
		$this->assertNull( get_role( Capabilities::ROLE ), 'the agent role is gone' );
		foreach ( wp_roles()->role_objects as $name => $role ) {
			$this->assertFalse( $role->has_cap( Capabilities::AGENT ), "{$name} lost handoff_bot_agent" );
			$this->assertFalse( $role->has_cap( Capabilities::MANAGE ), "{$name} lost handoff_bot_manage" );
		}
		foreach ( $this->users as $id ) {
			clean_user_cache( $id );
			$user = new \WP_User( $id );
			$this->assertNotContains( Capabilities::ROLE, $user->roles, "user {$id} lost the agent role" );
			$this->assertArrayNotHasKey( Capabilities::AGENT, $user->caps );
			$this->assertArrayNotHasKey( Capabilities::MANAGE, $user->caps );
		}
	}

	/**
	 * Without "delete data", uninstalling leaves everything in place.
	 */
	public function test_uninstall_without_delete_data_keeps_everything(): void {
		( new Settings() )->update( array( 'delete_data_on_uninstall' => false ) );
		$tables  = $this->tables();
		$options = $this->options();
		$hooks   = $this->scheduled_hooks();

		$this->uninstall();

		$this->assertCount( count( ( new Migrator() )->tables() ), $tables );
		$this->assertSame( $tables, $this->tables() );
		$this->assertSame( $options, $this->options() );
		$this->assertSame( $hooks, $this->scheduled_hooks() );
		wp_roles()->for_site();
		$this->assertNotNull( get_role( Capabilities::ROLE ) );
		$this->assertTrue( get_role( 'administrator' )->has_cap( Capabilities::MANAGE ) );
	}

	/**
	 * Runs uninstall.php the way WordPress's uninstall_plugin() does.
	 */
	private function uninstall(): void {
		if ( ! defined( 'WP_UNINSTALL_PLUGIN' ) ) {
			define( 'WP_UNINSTALL_PLUGIN', 'handoff-bot/handoff-bot.php' ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedConstantFound -- WordPress's own constant.
		}
		include dirname( __DIR__, 3 ) . '/uninstall.php';
		wp_cache_flush();
	}

	/**
	 * The plugin's tables in the database.
	 *
	 * @return list<string>
	 */
	private function tables(): array {
		global $wpdb;
		$tables = array_map( 'strval', $wpdb->get_col( $wpdb->prepare( 'SHOW TABLES LIKE %s', $wpdb->esc_like( $wpdb->prefix . 'handoff_bot_' ) . '%' ) ) );
		sort( $tables );
		return $tables;
	}

	/**
	 * The plugin's options and transients in the database.
	 *
	 * @return list<string>
	 */
	private function options(): array {
		global $wpdb;
		$names = array_map(
			'strval',
			$wpdb->get_col(
				$wpdb->prepare(
					'SELECT option_name FROM %i WHERE option_name LIKE %s OR option_name LIKE %s OR option_name LIKE %s',
					$wpdb->options,
					$wpdb->esc_like( 'handoff_bot' ) . '%',
					'%' . $wpdb->esc_like( '_transient_handoff_bot' ) . '%',
					'%' . $wpdb->esc_like( '_transient_timeout_handoff_bot' ) . '%'
				)
			)
		);
		sort( $names );
		return $names;
	}

	/**
	 * The plugin's hooks on the WP-Cron schedule.
	 *
	 * @return list<string>
	 */
	private function scheduled_hooks(): array {
		$hooks = array();
		foreach ( (array) _get_cron_array() as $events ) {
			foreach ( array_keys( (array) $events ) as $hook ) {
				if ( 0 === strpos( (string) $hook, 'handoff_bot_' ) ) {
					$hooks[] = (string) $hook;
				}
			}
		}
		sort( $hooks );
		return array_values( array_unique( $hooks ) );
	}
}
