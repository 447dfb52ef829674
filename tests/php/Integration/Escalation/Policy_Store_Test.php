<?php
/**
 * Tests for the policy's storage and versions.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Escalation;

use HandoffBot\Escalation\Policy;
use HandoffBot\Escalation\Policy_Store;
use HandoffBot\Escalation\Reason;
use HandoffBot\Signals\Intent_Model;
use HandoffBot\Repositories\Config_Version_Repository;
use HandoffBot\Settings;
use HandoffBot\Tests\Integration\Rules_Fixtures;
use HandoffBot\Tests\Integration\Test_Case;

require_once dirname( __DIR__ ) . '/Rules_Fixtures.php';

/**
 * Saves, history, rollback, concurrent saves, and the read on a visitor's message.
 */
final class Policy_Store_Test extends Test_Case {

	use Rules_Fixtures;

	/**
	 * The site has version 1, the defaults, stored by the migration and in force.
	 */
	public function test_the_site_starts_at_version_1_with_the_defaults(): void {
		$store   = $this->store();
		$current = $store->current();
		$this->assertNotNull( $current );
		$first = $store->version( 1 );
		$this->assertNotNull( $first );
		$this->assertSame( 0, $first['author_id'] );
		$this->assertNotSame( '', $first['note'] );
		$this->assertEquals( Policy::defaults()->to_array(), $first['data'] );
		$this->assertSame( $current['version'], $store->active_version() );
	}

	/**
	 * A save is a new version with its author, note and impact, in force at once, and starts a
	 * new configuration version; the history lists it first.
	 */
	public function test_save_creates_a_version_in_force(): void {
		$store  = $this->store();
		$base   = $store->active_version();
		$config = (int) get_option( Settings::CONFIG_VERSION_OPTION );
		$author = $this->create_user( 'administrator' );

		$saved = $store->save( $this->policy_with_zebracorn( Reason::POLICY_HUMAN ), ' Zebracorn owners talk to the stable. ', 'More handoffs for zebracorn questions.', $base, $author );

		$this->assertIsArray( $saved );
		$this->assertSame( $base + 1, $saved['version'] );
		$this->assertSame( $base + 1, $store->active_version() );
		$this->assertSame( Reason::POLICY_HUMAN, $store->active()->intent( 'zebracorn' )['policy'] ?? null );
		$this->assertSame( $config + 1, (int) get_option( Settings::CONFIG_VERSION_OPTION ) );

		$stored = $store->version( $base + 1 );
		$this->assertNotNull( $stored );
		$this->assertSame( 'Zebracorn owners talk to the stable.', $stored['note'] );
		$this->assertSame( 'More handoffs for zebracorn questions.', $stored['expected_impact'] );
		$this->assertSame( $author, $stored['author_id'] );
		$this->assertSame( $config + 1, $stored['config_version'] );

		$history = $store->versions( 1, 10 );
		$this->assertSame( $base + 1, $history[0]['version'] );
		$this->assertSame( $base, $history[1]['version'] );
		$this->assertSame( $base + 1, $store->count() );
	}

	/**
	 * A rollback brings an earlier policy back as a new version; the versions in between stay.
	 */
	public function test_rollback_creates_a_new_version_with_the_old_policy(): void {
		$store  = $this->store();
		$base   = $store->active_version();
		$author = $this->create_user( 'administrator' );
		$store->save( $this->policy_with_zebracorn( Reason::POLICY_HUMAN ), 'Add zebracorns.', 'As expected.', $base, $author );
		$store->save( $this->policy_with_zebracorn( Reason::POLICY_PRIVATE ), 'Zebracorns are private.', 'As expected.', $base + 1, $author );

		$back = $store->rollback( $base + 1, 'Back to handing zebracorns off.', 'As before.', $base + 2, $author );

		$this->assertIsArray( $back );
		$this->assertSame( $base + 3, $back['version'] );
		$this->assertSame( Reason::POLICY_HUMAN, $store->active()->intent( 'zebracorn' )['policy'] ?? null );
		$this->assertSame( $base + 3, $store->count() );
		$this->assertSame( 'Back to handing zebracorns off.', $store->version( $base + 3 )['note'] ?? null );
		$this->assertSame( Reason::POLICY_PRIVATE, $store->version( $base + 2 )['data']['intents'][ count( $back['policy']['intents'] ) - 1 ]['policy'] ?? null );

		$missing = $store->rollback( 999, 'Nothing there.', '', $base + 3, $author );
		$this->assertWPError( $missing, 'handoff_bot_version_not_found', 404 );
	}

	/**
	 * Two admins save from the same version: the first is stored, the second is refused with
	 * the newer version named, and the first one's policy stays in force.
	 */
	public function test_the_second_of_two_saves_from_the_same_version_is_a_conflict(): void {
		$store  = $this->store();
		$base   = $store->active_version();
		$first  = $this->create_user( 'administrator' );
		$second = $this->create_user( 'administrator' );

		$this->assertIsArray( $store->save( $this->policy_with_zebracorn( Reason::POLICY_HUMAN ), 'First.', 'As expected.', $base, $first ) );
		$config = (int) get_option( Settings::CONFIG_VERSION_OPTION );
		$late   = $store->save( $this->policy_with_zebracorn( Reason::POLICY_BOT ), 'Second.', 'As expected.', $base, $second );

		$this->assertWPError( $late, 'handoff_bot_version_conflict', 409 );
		$data = $late->get_error_data();
		$this->assertSame( $base + 1, $data['current_version'] );
		$this->assertSame( $first, $data['author']['id'] );
		$this->assertSame( get_userdata( $first )->display_name, $data['author']['name'] );
		$this->assertMatchesRegularExpression( '/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/', $data['updated_at'] );
		$this->assertSame( Reason::POLICY_HUMAN, $store->active()->intent( 'zebracorn' )['policy'] ?? null );
		$this->assertSame( $base + 1, $store->count() );
		$this->assertSame( $config, (int) get_option( Settings::CONFIG_VERSION_OPTION ), 'a refused save starts no configuration version' );
	}

	/**
	 * The compare-and-swap itself: of two writes of the same version number, the database keeps
	 * the first, so a save that passed the version check in a race is still refused.
	 */
	public function test_the_table_refuses_a_second_version_with_the_same_number(): void {
		$versions = new Config_Version_Repository();
		$next     = $this->store()->active_version() + 1;
		$this->assertTrue( $versions->add( 'rules', $next, array( 'a' => 1 ), 'First.', '', 1, 2 ) );
		$this->assertFalse( $versions->add( 'rules', $next, array( 'a' => 2 ), 'Second.', '', 2, 2 ) );
		$this->assertSame( array( 'a' => 1 ), $versions->find( 'rules', $next )['data'] ?? null );
		$this->assertTrue( $versions->add( 'answer', $next, array( 'a' => 3 ), 'Another area.', '', 1, 2 ), 'numbers are per area' );
	}

	/**
	 * A save from a version newer than the newest is a conflict too (no gaps in the history).
	 */
	public function test_a_base_from_the_future_is_a_conflict(): void {
		$store = $this->store();
		$this->assertWPError( $store->save( Policy::defaults()->to_array(), 'Note.', 'As expected.', $store->active_version() + 5, 1 ), 'handoff_bot_version_conflict', 409 );
	}

	/**
	 * Reading the policy in force, as a visitor's message does, costs no query (direct SQLite
	 * statements counted too).
	 */
	public function test_reading_the_policy_in_force_costs_no_query(): void {
		global $wpdb;
		$store = $this->store();
		$store->save( $this->policy_with_zebracorn( Reason::POLICY_HUMAN ), 'Add zebracorns.', 'As expected.', $store->active_version(), 1 );
		wp_cache_flush();
		$this->assertArrayHasKey( Policy_Store::OPTION, wp_load_alloptions(), 'the option is autoloaded' );

		$queries = 0;
		$count   = static function ( $query ) use ( &$queries ) {
			++$queries;
			return $query;
		};
		add_filter( 'query', $count );
		add_filter( 'handoff_bot_log_queries', '__return_true' );
		$before = $wpdb->num_queries;
		try {
			$policy  = $store->active();
			$version = $store->active_version();
		} finally {
			remove_filter( 'query', $count );
			remove_filter( 'handoff_bot_log_queries', '__return_true' );
		}
		$this->assertSame( 0, $queries );
		$this->assertSame( $before, $wpdb->num_queries );
		$this->assertSame( 'zebracorn', $policy->intent( 'zebracorn' )['name'] ?? null );
		$this->assertGreaterThan( 1, $version );
	}

	/**
	 * The intents' key is stored with the policy, so that reading a message does not work it out;
	 * a policy stored without it gets it once, on `init`, and the key always matches the intents.
	 */
	public function test_the_intents_key_is_kept_with_the_policy(): void {
		$store = $this->store();
		$store->save( $this->policy_with_zebracorn( Reason::POLICY_HUMAN ), 'Add zebracorns.', 'As expected.', $store->active_version(), 1 );
		$stored = get_option( Policy_Store::OPTION );
		$this->assertSame( Intent_Model::key( $store->active()->intents() ), $stored['intents_key'] ?? null );
		$this->assertSame( $stored['intents_key'], $store->active()->intents_key() );

		unset( $stored['intents_key'] );
		update_option( Policy_Store::OPTION, $stored );
		$this->assertSame( Intent_Model::key( $store->active()->intents() ), $store->active()->intents_key(), 'worked out when not stored' );
		$store->maybe_seed();
		$again = get_option( Policy_Store::OPTION );
		$this->assertSame( Intent_Model::key( $store->active()->intents() ), $again['intents_key'] ?? null );
		$this->assertSame( $stored['version'], $again['version'] );
		$this->assertSame( $stored['data'], $again['data'] );

		// Written around the rules screen (WP-CLI, an import) with a key that no longer fits.
		$again['data']['intents'][0]['examples'][] = 'One more way to ask about zebracorns';
		$again['intents_key']                      = 'stale';
		update_option( Policy_Store::OPTION, $again );
		$this->assertSame( Intent_Model::key( $again['data']['intents'] ), get_option( Policy_Store::OPTION )['intents_key'] );
	}

	/**
	 * With nothing stored (or a stored value of another shape), the defaults are in force.
	 */
	public function test_the_defaults_are_in_force_when_nothing_is_stored(): void {
		delete_option( Policy_Store::OPTION );
		$this->assertEquals( Policy::defaults(), $this->store()->active() );
		$this->assertSame( 0, $this->store()->active_version() );
		update_option(
			Policy_Store::OPTION,
			array(
				'version' => 3,
				'data'    => array( 'intents' => 'nope' ),
			)
		);
		$this->assertEquals( Policy::defaults(), $this->store()->active() );
	}

	/**
	 * Asserts a WP_Error with a code and status.
	 *
	 * @param mixed  $value  Value.
	 * @param string $code   Expected code.
	 * @param int    $status Expected status.
	 */
	private function assertWPError( $value, string $code, int $status ): void {
		$this->assertInstanceOf( \WP_Error::class, $value );
		$this->assertSame( $code, $value->get_error_code() );
		$this->assertSame( $status, $value->get_error_data()['status'] ?? null );
	}
}
