<?php
/**
 * Tests for the privacy settings and the privacy policy text.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Privacy;

use HandoffBot\Capabilities;
use HandoffBot\Privacy\Privacy_Policy;
use HandoffBot\Settings;
use HandoffBot\Tests\Integration\Test_Case;

/**
 * The retention period and the consent options go through the settings route: bad values are
 * 400s naming the field, only managers may read or change them, and the chat block reads them
 * through Settings::consent(). The policy guide says what is stored, for how long and where it
 * goes, from the settings and connections of the moment.
 */
final class Privacy_Settings_Test extends Test_Case {

	/**
	 * Sends JSON to the settings route.
	 *
	 * @param string $json Body.
	 */
	private function post_settings( string $json ): \WP_REST_Response {
		$request = new \WP_REST_Request( 'POST', '/handoff-bot/v1/settings' );
		$request->set_header( 'Content-Type', 'application/json' );
		$request->set_body( $json );
		return rest_get_server()->dispatch( $request );
	}

	/**
	 * Each bad value is refused by name, and nothing is stored.
	 *
	 * @dataProvider bad_values
	 *
	 * @param string $json  Body.
	 * @param string $field The field named.
	 */
	public function test_a_bad_privacy_setting_is_refused_by_name( string $json, string $field ): void {
		wp_set_current_user( $this->create_user( 'administrator' ) );
		$before   = get_option( Settings::OPTION );
		$response = $this->post_settings( $json );
		$this->assertSame( 400, $response->get_status(), $json );
		$this->assertSame( 'rest_invalid_param', $response->get_data()['code'] );
		$this->assertSame( array( $field ), array_keys( $response->get_data()['data']['params'] ), $json );
		$this->assertSame( $before, get_option( Settings::OPTION ) );
	}

	/**
	 * Bad values.
	 *
	 * @return array<string, array{0: string, 1: string}>
	 */
	public function bad_values(): array {
		return array(
			'retention too short'    => array( '{"retention_days": 29}', 'retention_days' ),
			'retention too long'     => array( '{"retention_days": 3651}', 'retention_days' ),
			'retention not a number' => array( '{"retention_days": "soon"}', 'retention_days' ),
			'retention fraction'     => array( '{"retention_days": 90.5}', 'retention_days' ),
			'retention null'         => array( '{"retention_days": null}', 'retention_days' ),
			'notice not a boolean'   => array( '{"consent_notice": "maybe"}', 'consent_notice' ),
			'required null'          => array( '{"consent_required": null}', 'consent_required' ),
			'empty text'             => array( '{"consent_text": ""}', 'consent_text' ),
			'blank text'             => array( '{"consent_text": "   "}', 'consent_text' ),
			'text too long'          => array( '{"consent_text": "' . str_repeat( 'a', 501 ) . '"}', 'consent_text' ),
			'text not a string'      => array( '{"consent_text": ["a"]}', 'consent_text' ),
			'script address'         => array( '{"privacy_policy_url": "javascript:alert(1)"}', 'privacy_policy_url' ),
			'ftp address'            => array( '{"privacy_policy_url": "ftp://example.org/policy"}', 'privacy_policy_url' ),
			'no scheme'              => array( '{"privacy_policy_url": "//example.org/policy"}', 'privacy_policy_url' ),
			'not an address'         => array( '{"privacy_policy_url": "our policy page"}', 'privacy_policy_url' ),
		);
	}

	/**
	 * Good values are stored and read back; the chat block gets them through consent(), with the
	 * site's privacy policy page when no address is set, and a required agreement always shows
	 * the notice.
	 */
	public function test_privacy_settings_are_saved_and_read_by_the_chat(): void {
		wp_set_current_user( $this->create_user( 'administrator' ) );
		$defaults = ( new Settings() )->all();
		$this->assertSame( 180, $defaults['retention_days'] );
		$this->assertFalse( $defaults['consent_notice'] );
		$this->assertFalse( $defaults['consent_required'] );
		$this->assertSame( Settings::default_consent_text(), $defaults['consent_text'] );
		$this->assertSame( '', $defaults['privacy_policy_url'] );

		$response = $this->post_settings( '{"retention_days": 30, "consent_required": true, "consent_text": "  We keep chats for a month.  ", "privacy_policy_url": "https://example.org/privacy"}' );
		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$read = $this->rest( 'GET', '/handoff-bot/v1/settings' )->get_data();
		$this->assertSame( 30, $read['retention_days'] );
		$this->assertTrue( $read['consent_required'] );
		$this->assertSame( 'We keep chats for a month.', $read['consent_text'] );
		$this->assertSame(
			array(
				'notice'     => true,
				'required'   => true,
				'text'       => 'We keep chats for a month.',
				'policy_url' => 'https://example.org/privacy',
			),
			( new Settings() )->consent()
		);
		$this->assertSame( 3650, $this->post_settings( '{"retention_days": 3650}' )->get_data()['retention_days'] );

		$page = $this->create_post(
			array(
				'post_title'  => 'Privacy',
				'post_status' => 'publish',
			)
		);
		update_option( 'wp_page_for_privacy_policy', $page );
		$this->post_settings( '{"privacy_policy_url": ""}' );
		$this->assertSame( get_permalink( $page ), ( new Settings() )->consent()['policy_url'] );
		delete_option( 'wp_page_for_privacy_policy' );

		// The default text is kept as '' so that it follows the site's language.
		$this->post_settings( (string) wp_json_encode( array( 'consent_text' => Settings::default_consent_text() ) ) );
		$this->assertSame( '', get_option( Settings::OPTION )['consent_text'] );
		$this->assertSame( Settings::default_consent_text(), ( new Settings() )->consent()['text'] );
	}

	/**
	 * Only people who manage the plugin read or change the settings.
	 */
	public function test_only_managers_read_or_change_privacy_settings(): void {
		Capabilities::grant();
		$people          = array(
			'anonymous'  => 0,
			'subscriber' => $this->create_user( 'subscriber' ),
			'agent'      => $this->create_user( Capabilities::ROLE ),
		);
		list( , $token ) = $this->start_conversation();
		foreach ( $people as $who => $user ) {
			wp_set_current_user( $user );
			$headers = 'anonymous' === $who ? array( 'X-Handoff-Bot-Token' => $token ) : array();
			$read    = $this->rest( 'GET', '/handoff-bot/v1/settings', array(), $headers );
			$write   = $this->rest( 'POST', '/handoff-bot/v1/settings', array( 'retention_days' => 31 ), $headers );
			$this->assertSame( 0 === $user ? 401 : 403, $read->get_status(), $who );
			$this->assertSame( 0 === $user ? 401 : 403, $write->get_status(), $who );
		}
		$this->assertSame( 180, ( new Settings() )->retention_days() );
		wp_set_current_user( $this->create_user( 'administrator' ) );
		$this->assertSame( 31, $this->rest( 'POST', '/handoff-bot/v1/settings', array( 'retention_days' => 31 ) )->get_data()['retention_days'] );
	}

	/**
	 * The policy guide has the plugin's text on wp-admin: what is stored, the retention period
	 * as set, the connections by kind and host (never a secret address), the masking and the
	 * hashed addresses.
	 */
	public function test_the_privacy_policy_text_follows_the_settings_and_connections(): void {
		global $wp_filter;
		$policy = null;
		foreach ( $wp_filter['admin_init']->callbacks as $callbacks ) {
			foreach ( $callbacks as $callback ) {
				if ( is_array( $callback['function'] ) && $callback['function'][0] instanceof Privacy_Policy ) {
					$policy = $callback['function'][0];
				}
			}
		}
		$this->assertInstanceOf( Privacy_Policy::class, $policy, 'the text is added on admin_init' );

		$store = new \HandoffBot\Notifications\Connection_Store();
		$base  = array(
			'label'   => 'x',
			'teams'   => array(),
			'events'  => array( 'handoff.requested' ),
			'enabled' => true,
		);
		$store->create(
			array_merge(
				$base,
				array(
					'kind'   => 'email',
					'target' => 'help@desk.example.net',
				)
			)
		);
		$store->create(
			array_merge(
				$base,
				array(
					'kind'   => 'webhook',
					'target' => 'https://hooks.example.org/in/s3cr3tpath',
				)
			)
		);
		$store->create(
			array_merge(
				$base,
				array(
					'kind'   => 'slack',
					'target' => 'https://hooks.slack.com/services/T000/B000/XXXXSECRET',
				)
			)
		);
		$store->create(
			array_merge(
				$base,
				array(
					'kind'    => 'webhook',
					'target'  => 'https://disabled.example.com/hook',
					'enabled' => false,
				)
			)
		);
		( new Settings() )->update( array( 'retention_days' => 90 ) );

		require_once ABSPATH . 'wp-admin/includes/admin.php';
		require_once ABSPATH . 'wp-admin/includes/class-wp-privacy-policy-content.php';
		$screen                    = $GLOBALS['current_screen'] ?? null;
		$GLOBALS['current_screen'] = \WP_Screen::get( 'dashboard' );
		// As WordPress calls it: during admin_init (whose other callbacks need not run here).
		$GLOBALS['wp_current_filter'][] = 'admin_init';
		$policy->add();
		array_pop( $GLOBALS['wp_current_filter'] );
		$GLOBALS['current_screen'] = $screen;
		$texts                     = array_column( \WP_Privacy_Policy_Content::get_suggested_policy_text(), 'policy_text', 'plugin_name' );
		$this->assertArrayHasKey( 'Handoff Bot', $texts );
		$text = $texts['Handoff Bot'];
		$this->assertStringContainsString( '90 days', $text );
		$this->assertStringContainsString( 'salted hash', $text );
		$this->assertStringContainsString( 'Card numbers', $text );
		$this->assertStringContainsString( 'masked', $text );
		$this->assertStringContainsString( 'desk.example.net', $text );
		$this->assertStringContainsString( 'hooks.example.org', $text );
		$this->assertStringContainsString( 'Slack', $text );
		$this->assertStringNotContainsString( 's3cr3tpath', $text );
		$this->assertStringNotContainsString( 'XXXXSECRET', $text );
		$this->assertStringNotContainsString( 'help@', $text );
		$this->assertStringNotContainsString( 'disabled.example.com', $text );
	}
}
