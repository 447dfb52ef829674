<?php
/**
 * The alert settings through POST /settings.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Reports\Alerts;

use HandoffBot\Capabilities;
use HandoffBot\Settings;
use HandoffBot\Tests\Integration\Test_Case;

/**
 * Thresholds, minimum volumes, window and digest are settings: their defaults, a save, and a bad
 * value refused whole with the field named. They decide the report's alerts, not the bot's
 * answers, so a change to them is no configuration version.
 */
final class Alert_Settings_Test extends Test_Case {

	/**
	 * The roles, the defaults, and an administrator signed in.
	 */
	protected function setUp(): void {
		parent::setUp();
		Capabilities::grant();
		delete_option( Settings::OPTION );
		wp_set_current_user( $this->create_user( 'administrator' ) );
	}

	/**
	 * The defaults, as GET /settings sends them.
	 */
	public function test_defaults(): void {
		$data = $this->rest( 'GET', '/handoff-bot/v1/settings' )->get_data();
		$this->assertSame( 7, $data['alerts_window_days'] );
		$this->assertSame( 50, $data['alerts_min_conversations'] );
		$this->assertSame( 20, $data['alerts_min_handoffs'] );
		$this->assertSame( 0.1, $data['alerts_intent_rate_change'] );
		$this->assertSame( 0.4, $data['alerts_topic_share'] );
		$this->assertFalse( $data['alerts_digest'], 'the digest is off until turned on' );
		$this->assertSame( '', $data['alerts_digest_recipients'] );
	}

	/**
	 * A save, and no configuration version for it.
	 */
	public function test_a_save(): void {
		$version  = (int) get_option( Settings::CONFIG_VERSION_OPTION, 1 );
		$response = $this->rest(
			'POST',
			'/handoff-bot/v1/settings',
			array(
				'alerts_window_days'       => 30,
				'alerts_topic_share'       => 0.25,
				'alerts_digest'            => true,
				'alerts_digest_recipients' => 'ops@example.org,lead@example.org',
			)
		);
		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$saved = ( new Settings() )->all();
		$this->assertSame( 30, $saved['alerts_window_days'] );
		$this->assertSame( 0.25, $saved['alerts_topic_share'] );
		$this->assertTrue( $saved['alerts_digest'] );
		$this->assertSame( 'ops@example.org,lead@example.org', $saved['alerts_digest_recipients'] );
		$this->assertSame( $version, (int) get_option( Settings::CONFIG_VERSION_OPTION, 1 ) );
	}

	/**
	 * Bad values: 400 naming the field, and nothing stored.
	 */
	public function test_bad_values_are_refused(): void {
		$bad = array(
			'alerts_window_days'       => 3,
			'alerts_topic_share'       => 1.5,
			'alerts_min_handoffs'      => 0,
			'alerts_digest_recipients' => 'ops@example.org, not an address',
		);
		foreach ( $bad as $name => $value ) {
			$response = $this->rest(
				'POST',
				'/handoff-bot/v1/settings',
				array(
					'alerts_digest' => true,
					$name           => $value,
				)
			);
			$this->assertSame( 400, $response->get_status(), $name );
			$this->assertSame( 'rest_invalid_param', $response->get_data()['code'], $name );
			$this->assertArrayHasKey( $name, $response->get_data()['data']['params'], $name );
		}
		$this->assertFalse( ( new Settings() )->all()['alerts_digest'], 'nothing stored' );
	}
}
