<?php
/**
 * Tests for the validation of settings and of the rebuild's parameters.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Rest;

use HandoffBot\Settings;
use HandoffBot\Tests\Integration\Test_Case;
use WP_REST_Request;
use WP_REST_Response;

/**
 * A bad value is a 400 that names the field, and nothing is stored; never a silent default or clamp.
 */
final class Settings_Validation_Test extends Test_Case {

	/**
	 * Signs in an administrator.
	 */
	protected function setUp(): void {
		parent::setUp();
		wp_set_current_user( $this->create_user( 'administrator' ) );
	}

	/**
	 * Each bad value gets `400 rest_invalid_param` naming the field in `data.params`, and the
	 * stored settings stay as they were.
	 *
	 * @dataProvider bad_settings
	 *
	 * @param string $json  Request body.
	 * @param string $field The field the error must name.
	 */
	public function test_a_bad_setting_is_refused_by_name( string $json, string $field ): void {
		( new Settings() )->update(
			array(
				'answer_threshold'         => 0.4,
				'rate_limit_ip_per_minute' => 42,
				'post_types'               => array( 'page' ),
			)
		);
		$before = get_option( Settings::OPTION );

		$response = $this->post_json( '/handoff-bot/v1/settings', $json );

		$label = substr( $json, 0, 60 );
		$this->assertSame( 400, $response->get_status(), $label . ' => ' . substr( (string) wp_json_encode( $response->get_data() ), 0, 300 ) );
		$data = $response->get_data();
		$this->assertSame( 'rest_invalid_param', $data['code'] );
		$this->assertSame( array( $field ), array_keys( $data['data']['params'] ), $label );
		$this->assertNotSame( '', $data['data']['params'][ $field ] );
		$this->assertSame( $before, get_option( Settings::OPTION ), 'nothing was stored for ' . $label );
		$settings = $this->rest( 'GET', '/handoff-bot/v1/settings' )->get_data();
		$this->assertSame( 0.4, $settings['answer_threshold'] );
		$this->assertSame( 42, $settings['rate_limit_ip_per_minute'] );
		$this->assertSame( array( 'page' ), $settings['post_types'] );
	}

	/**
	 * Bad values, each with the field it is sent in.
	 *
	 * @return array<string, array{0: string, 1: string}>
	 */
	public function bad_settings(): array {
		return array(
			'null rate limit'              => array( '{"rate_limit_ip_per_minute": null}', 'rate_limit_ip_per_minute' ),
			'null threshold'               => array( '{"answer_threshold": null}', 'answer_threshold' ),
			'null post types'              => array( '{"post_types": null}', 'post_types' ),
			'null toggle'                  => array( '{"delete_data_on_uninstall": null}', 'delete_data_on_uninstall' ),
			'no post types'                => array( '{"post_types": []}', 'post_types' ),
			'attachments'                  => array( '{"post_types": ["attachment"]}', 'post_types' ),
			'a type that is not public'    => array( '{"post_types": ["page", "nav_menu_item"]}', 'post_types' ),
			'a type that does not exist'   => array( '{"post_types": ["nope"]}', 'post_types' ),
			'threshold above 1'            => array( '{"answer_threshold": 1.5}', 'answer_threshold' ),
			'threshold below 0'            => array( '{"answer_threshold": -0.1}', 'answer_threshold' ),
			'threshold as words'           => array( '{"answer_threshold": "high"}', 'answer_threshold' ),
			'rate limit of 0'              => array( '{"rate_limit_ip_per_minute": 0}', 'rate_limit_ip_per_minute' ),
			'rate limit too high'          => array( '{"rate_limit_token_per_minute": 1001}', 'rate_limit_token_per_minute' ),
			'rate limit as a fraction'     => array( '{"rate_limit_new_conversations_per_hour": 2.5}', 'rate_limit_new_conversations_per_hour' ),
			'message length too short'     => array( '{"max_message_length": 10}', 'max_message_length' ),
			'message length of 2^63'       => array( '{"max_message_length": 9223372036854775808}', 'max_message_length' ),
			'excluded post 0'              => array( '{"excluded_posts": [0]}', 'excluded_posts' ),
			'excluded post as words'       => array( '{"excluded_posts": ["abc"]}', 'excluded_posts' ),
			'excluded posts not a list'    => array( '{"excluded_posts": {"a": 5}}', 'excluded_posts' ),
			'too many excluded posts'      => array( '{"excluded_posts": [' . implode( ',', range( 1, Settings::MAX_EXCLUDED_POSTS + 1 ) ) . ']}', 'excluded_posts' ),
			'100k excluded posts'          => array( '{"excluded_posts": [' . implode( ',', range( 1, 100000 ) ) . ']}', 'excluded_posts' ),
			'a toggle that is not boolean' => array( '{"delete_data_on_uninstall": "maybe"}', 'delete_data_on_uninstall' ),
		);
	}

	/**
	 * Good values of every kind are stored as sent (no clamping, no defaults in their place).
	 */
	public function test_good_values_are_stored_as_sent(): void {
		$max      = Settings::MAX_EXCLUDED_POSTS;
		$response = $this->post_json(
			'/handoff-bot/v1/settings',
			(string) wp_json_encode(
				array(
					'answer_threshold'            => 0,
					'max_message_length'          => 10000,
					'post_types'                  => array( 'post' ),
					'excluded_posts'              => range( 1, $max ),
					'rate_limit_ip_per_minute'    => 1,
					'rate_limit_token_per_minute' => 1000,
					'rate_limit_new_conversations_per_hour' => 10000,
					'delete_data_on_uninstall'    => true,
				)
			)
		);
		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$data = $this->rest( 'GET', '/handoff-bot/v1/settings' )->get_data();
		$this->assertSame( 0.0, $data['answer_threshold'] );
		$this->assertSame( 10000, $data['max_message_length'] );
		$this->assertSame( array( 'post' ), $data['post_types'] );
		$this->assertCount( $max, $data['excluded_posts'] );
		$this->assertSame( 1, $data['rate_limit_ip_per_minute'] );
		$this->assertSame( 1000, $data['rate_limit_token_per_minute'] );
		$this->assertSame( 10000, $data['rate_limit_new_conversations_per_hour'] );
		$this->assertTrue( $data['delete_data_on_uninstall'] );
	}

	/**
	 * A stored post type the screen no longer offers (media, or a type that stopped being public)
	 * is neither read back nor able to block the next save of what was read.
	 */
	public function test_a_stored_type_no_longer_offered_does_not_block_saving(): void {
		$stored               = (array) get_option( Settings::OPTION, array() );
		$stored['post_types'] = array( 'post', 'page', 'attachment' );
		update_option( Settings::OPTION, $stored );
		$read = $this->rest( 'GET', '/handoff-bot/v1/settings' )->get_data();
		$this->assertSame( array( 'post', 'page' ), $read['post_types'] );
		$read['answer_threshold'] = 0.4;
		$response                 = $this->post_json( '/handoff-bot/v1/settings', (string) wp_json_encode( $read ) );
		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$this->assertSame( 0.4, $this->rest( 'GET', '/handoff-bot/v1/settings' )->get_data()['answer_threshold'] );
	}

	/**
	 * The settings schema says what is allowed, so the client and the docs can tell.
	 */
	public function test_the_schema_names_the_limits(): void {
		$schema = $this->rest( 'OPTIONS', '/handoff-bot/v1/settings' )->get_data()['schema']['properties'];
		$this->assertSame( Settings::MAX_EXCLUDED_POSTS, $schema['excluded_posts']['maxItems'] );
		$this->assertSame( 1, $schema['post_types']['minItems'] );
		$this->assertContains( 'page', $schema['post_types']['items']['enum'] );
		$this->assertNotContains( 'attachment', $schema['post_types']['items']['enum'] );
	}

	/**
	 * Settings changed from PHP are held to the same rules: a bad value throws and stores nothing.
	 */
	public function test_bad_values_from_php_throw_and_store_nothing(): void {
		$settings = new Settings();
		$settings->update( array( 'answer_threshold' => 0.4 ) );
		foreach ( array(
			array( 'answer_threshold' => 7 ),
			array( 'rate_limit_ip_per_minute' => null ),
			array( 'post_types' => array() ),
		) as $bad ) {
			try {
				$settings->update( $bad );
				$this->fail( 'No exception for ' . wp_json_encode( $bad ) );
			} catch ( \InvalidArgumentException $e ) {
				$this->assertStringContainsString( (string) array_key_first( $bad ), $e->getMessage() );
			}
		}
		$this->assertSame( 0.4, $settings->get( 'answer_threshold' ) );
	}

	/**
	 * The rebuild refuses offsets and batch sizes it cannot use, naming the parameter, and writes
	 * no database error.
	 *
	 * @dataProvider bad_rebuilds
	 *
	 * @param string $json  Request body.
	 * @param string $field The parameter the error must name.
	 */
	public function test_a_bad_rebuild_parameter_is_refused_by_name( string $json, string $field ): void {
		global $wpdb;
		$this->create_post( array( 'post_content' => '<p>Wombats dig burrows.</p>' ) );
		$posts            = $this->rest( 'GET', '/handoff-bot/v1/index' )->get_data()['posts'];
		$wpdb->last_error = '';

		$response = $this->post_json( '/handoff-bot/v1/index/rebuild', $json );

		$this->assertSame( 400, $response->get_status(), $json . ' => ' . substr( (string) wp_json_encode( $response->get_data() ), 0, 300 ) );
		$data = $response->get_data();
		$this->assertSame( 'rest_invalid_param', $data['code'] );
		$this->assertSame( array( $field ), array_keys( $data['data']['params'] ) );
		$this->assertSame( '', $wpdb->last_error );
		$this->assertSame( $posts, $this->rest( 'GET', '/handoff-bot/v1/index' )->get_data()['posts'], 'the index was left alone' );
	}

	/**
	 * Bad rebuild parameters.
	 *
	 * @return array<string, array{0: string, 1: string}>
	 */
	public function bad_rebuilds(): array {
		return array(
			'offset 2^63'   => array( '{"offset": 9223372036854775808}', 'offset' ),
			'offset 2^62'   => array( '{"offset": 4611686018427387904}', 'offset' ),
			'offset -1'     => array( '{"offset": -1}', 'offset' ),
			'offset null'   => array( '{"offset": null}', 'offset' ),
			'offset words'  => array( '{"offset": "start"}', 'offset' ),
			'batch 0'       => array( '{"batch": 0}', 'batch' ),
			'batch 501'     => array( '{"batch": 501}', 'batch' ),
			'batch null'    => array( '{"batch": null}', 'batch' ),
			'batch of 2^63' => array( '{"batch": 9223372036854775808}', 'batch' ),
		);
	}

	/**
	 * POSTs a raw JSON body, as a browser would.
	 *
	 * @param string $route Route.
	 * @param string $json  Body.
	 */
	private function post_json( string $route, string $json ): WP_REST_Response {
		$request = new WP_REST_Request( 'POST', $route );
		$request->set_header( 'Content-Type', 'application/json' );
		$request->set_body( $json );
		$response = rest_do_request( $request );
		return apply_filters( 'rest_post_dispatch', $response, rest_get_server(), $request );
	}
}
