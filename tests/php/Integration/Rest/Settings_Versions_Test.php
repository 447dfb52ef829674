<?php
/**
 * Tests for the versions of the answer settings.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Rest;

use HandoffBot\Repositories\Config_Version_Repository;
use HandoffBot\Repositories\Event_Repository;
use HandoffBot\Settings;
use HandoffBot\Settings_Versions;
use HandoffBot\Tests\Integration\Test_Case;

/**
 * Changing what decides the bot's answers (the answer threshold, what the index holds) is a new
 * version with its note, and moves the config version that events carry; other settings do not.
 */
final class Settings_Versions_Test extends Test_Case {

	/**
	 * Signs in an administrator.
	 */
	protected function setUp(): void {
		parent::setUp();
		wp_set_current_user( $this->create_user( 'administrator' ) );
	}

	/**
	 * The answer settings' versions, oldest first.
	 *
	 * @return list<array<string, mixed>>
	 */
	private function versions(): array {
		return array_reverse( ( new Config_Version_Repository() )->page( Settings_Versions::AREA, 1, 100 ) );
	}

	/**
	 * A new threshold is version 2 (the settings before it are version 1), with the admin's note
	 * and the next config version; the conversation started after it carries that version.
	 */
	public function test_a_new_threshold_is_a_new_version(): void {
		$config   = (int) get_option( Settings::CONFIG_VERSION_OPTION );
		$response = $this->rest(
			'POST',
			'/handoff-bot/v1/settings',
			array(
				'answer_threshold' => 0.45,
				'change_note'      => 'Fewer unsure answers.',
				'expected_impact'  => 'More offers of a person for low confidence.',
			)
		);
		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$this->assertSame( 0.45, $response->get_data()['answer_threshold'] );
		$this->assertArrayNotHasKey( 'change_note', $response->get_data() );

		$versions = $this->versions();
		$this->assertSame( array( 1, 2 ), array_column( $versions, 'version' ) );
		$this->assertSame( 'Fewer unsure answers.', $versions[1]['note'] );
		$this->assertSame( 'More offers of a person for low confidence.', $versions[1]['expected_impact'] );
		$this->assertSame( get_current_user_id(), $versions[1]['author_id'] );
		$this->assertSame( $config + 1, $versions[1]['config_version'] );
		$this->assertSame( $config + 1, (int) get_option( Settings::CONFIG_VERSION_OPTION ) );
		$stored = ( new Config_Version_Repository() )->find( Settings_Versions::AREA, 2 );
		$this->assertSame( 0.45, $stored['data']['answer_threshold'] ?? null );
		$this->assertSame( 0.3, ( new Config_Version_Repository() )->find( Settings_Versions::AREA, 1 )['data']['answer_threshold'] ?? null );

		list( $id ) = $this->start_conversation();
		$events     = ( new Event_Repository() )->for_conversation( $id );
		$this->assertSame( $config + 1, $events[0]['config_version'] );
	}

	/**
	 * Without a note the change is described; a rate limit, or the same values again, is no version.
	 */
	public function test_only_answer_settings_make_versions(): void {
		$config = (int) get_option( Settings::CONFIG_VERSION_OPTION );
		$this->assertSame( 200, $this->rest( 'POST', '/handoff-bot/v1/settings', array( 'rate_limit_ip_per_minute' => 12 ) )->get_status() );
		$this->assertSame( 200, $this->rest( 'POST', '/handoff-bot/v1/settings', array( 'post_types' => array( 'page', 'post' ) ) )->get_status() );
		$this->assertSame( array(), $this->versions(), 'the same content types in another order' );
		$this->assertSame( $config, (int) get_option( Settings::CONFIG_VERSION_OPTION ) );

		$this->assertSame( 200, $this->rest( 'POST', '/handoff-bot/v1/settings', array( 'post_types' => array( 'page' ) ) )->get_status() );
		$this->assertSame( 200, $this->rest( 'POST', '/handoff-bot/v1/settings', array( 'post_types' => array( 'page' ) ) )->get_status() );
		$versions = $this->versions();
		$this->assertCount( 2, $versions );
		$this->assertSame( 'Content types answered from: page, post → page', $versions[1]['note'] );
		$this->assertSame( $config + 1, (int) get_option( Settings::CONFIG_VERSION_OPTION ) );
	}

	/**
	 * A save whose request read the config version before another save committed still gets a
	 * number of its own: the increment happens in the database.
	 */
	public function test_config_versions_never_collide(): void {
		$config = (int) get_option( Settings::CONFIG_VERSION_OPTION );
		$this->assertSame( 200, $this->rest( 'POST', '/handoff-bot/v1/settings', array( 'answer_threshold' => 0.4 ) )->get_status() );
		// This request's cache still holds the number from before that save.
		$all = wp_load_alloptions();

		$all[ Settings::CONFIG_VERSION_OPTION ] = (string) $config;
		wp_cache_set( 'alloptions', $all, 'options' );
		$this->assertSame( 200, $this->rest( 'POST', '/handoff-bot/v1/settings', array( 'answer_threshold' => 0.5 ) )->get_status() );
		$this->assertSame( array( $config + 1, $config + 2 ), array_slice( array_column( $this->versions(), 'config_version' ), 1 ) );
		$this->assertSame( $config + 2, (int) get_option( Settings::CONFIG_VERSION_OPTION ) );
	}

	/**
	 * A refused value stores neither the settings nor a version; only managers may save.
	 */
	public function test_a_refused_save_stores_no_version(): void {
		$before = get_option( Settings::OPTION );
		$this->assertSame( 400, $this->rest( 'POST', '/handoff-bot/v1/settings', array( 'answer_threshold' => 2 ) )->get_status() );
		$this->assertSame( 400, $this->rest( 'POST', '/handoff-bot/v1/settings', array( 'answer_threshold' => 0.5, 'change_note' => str_repeat( 'n', 1001 ) ) )->get_status() ); // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound -- two parameters.
		wp_set_current_user( $this->create_user( 'editor' ) );
		$this->assertSame( 403, $this->rest( 'POST', '/handoff-bot/v1/settings', array( 'answer_threshold' => 0.5 ) )->get_status() );
		$this->assertSame( $before, get_option( Settings::OPTION ) );
		$this->assertSame( array(), $this->versions() );
	}
}
