<?php
/**
 * The permission matrix of the rules routes.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Rest;

use HandoffBot\Escalation\Policy;
use HandoffBot\Escalation\Simulations;
use HandoffBot\Tests\Integration\Rules_Fixtures;
use HandoffBot\Tests\Integration\Test_Case;

require_once dirname( __DIR__ ) . '/Rules_Fixtures.php';

/**
 * Only people who manage the plugin read or change the rules, run the tester or touch the
 * simulations: anonymous visitors get 401; subscribers, editors and support agents 403.
 */
final class Rules_Permissions_Test extends Test_Case {

	use Rules_Fixtures;

	/**
	 * Every route refuses everyone but administrators, and changes nothing when it refuses.
	 *
	 * @dataProvider routes
	 *
	 * @param string   $method Method.
	 * @param string   $route  Route (%d: a saved simulation's ID).
	 * @param callable $params Builds valid parameters from the version in force.
	 * @param int      $status The administrator's status.
	 */
	public function test_permission_matrix( string $method, string $route, callable $params, int $status ): void {
		$simulation = ( new Simulations() )->add(
			'Saved',
			array( 'Hello' ),
			array(
				array(
					'kind'   => 'answer',
					'reason' => '',
				),
			),
			null
		);
		$route      = sprintf( $route, $simulation['id'] );
		$cases      = array(
			array( '', 401 ),
			array( 'subscriber', 403 ),
			array( 'editor', 403 ),
			array( 'handoff_bot_agent', 403 ),
		);
		$before     = array( $this->versions_now(), get_option( Simulations::OPTION ) );
		foreach ( $cases as list( $role, $refused ) ) {
			wp_set_current_user( '' === $role ? 0 : $this->create_user( $role ) );
			$response = $this->rest( $method, $route, $params( $this->store()->active_version() ) );
			$who      = "{$method} {$route} as " . ( $role ? $role : 'visitor' );
			$this->assertSame( $refused, $response->get_status(), $who );
			$this->assertSame( 'handoff_bot_forbidden', $response->get_data()['code'], $who );
		}
		$this->assertSame( $before, array( $this->versions_now(), get_option( Simulations::OPTION ) ), 'a refused request changes nothing' );

		wp_set_current_user( $this->create_user( 'administrator' ) );
		$response = $this->rest( $method, $route, $params( $this->store()->active_version() ) );
		$this->assertSame( $status, $response->get_status(), "{$method} {$route} as administrator: " . wp_json_encode( $response->get_data() ) );
	}

	/**
	 * Every rules route describes its response with a schema (an OPTIONS request shows it).
	 */
	public function test_every_route_has_a_schema(): void {
		$server = rest_get_server();
		$routes = array_filter(
			array_keys( $server->get_routes( 'handoff-bot/v1' ) ),
			static function ( string $route ): bool {
				return 0 === strpos( $route, '/handoff-bot/v1/rules' );
			}
		);
		$this->assertCount( 8, $routes );
		foreach ( $routes as $route ) {
			$options = $server->get_route_options( $route );
			$this->assertIsCallable( $options['schema'] ?? null, $route );
			$schema = call_user_func( $options['schema'] );
			$this->assertSame( 'object', $schema['type'], $route );
			$this->assertNotEmpty( $schema['properties'], $route );
		}
	}

	/**
	 * From wp-admin the login cookie alone is not enough: without the REST nonce the request is
	 * anonymous, with a wrong one WordPress refuses it (with the right one it is the user's, as
	 * the matrix above tests).
	 */
	public function test_the_cookie_needs_the_rest_nonce(): void {
		global $wp_rest_auth_cookie;
		$admin = $this->create_user( 'administrator' );
		try {
			wp_set_current_user( $admin );
			$wp_rest_auth_cookie = true; // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- as wp-settings.php sets it for a request with the login cookie.
			$this->assertTrue( rest_cookie_check_errors( null ) );
			$this->assertSame( 401, $this->rest( 'GET', '/handoff-bot/v1/rules' )->get_status() );

			wp_set_current_user( $admin );
			$_REQUEST['_wpnonce'] = 'wrong';
			$error                = rest_cookie_check_errors( null );
			$this->assertWPErrorCode( 'rest_cookie_invalid_nonce', $error );
		} finally {
			unset( $_REQUEST['_wpnonce'] ); // phpcs:ignore WordPress.Security.NonceVerification.Recommended -- taking the test's nonce away.
			$wp_rest_auth_cookie = null; // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- restoring it.
		}
	}

	/**
	 * Asserts an error's code.
	 *
	 * @param string $code  Expected code.
	 * @param mixed  $error Value.
	 */
	private function assertWPErrorCode( string $code, $error ): void {
		$this->assertInstanceOf( \WP_Error::class, $error );
		$this->assertSame( $code, $error->get_error_code() );
	}

	/**
	 * The routes, with valid parameters.
	 *
	 * @return array<string, array{0: string, 1: string, 2: callable, 3: int}>
	 */
	public function routes(): array {
		$none   = static function (): array {
			return array();
		};
		$change = static function ( int $base ): array {
			return array(
				'policy'          => Policy::defaults()->to_array(),
				'note'            => 'A change.',
				'expected_impact' => 'None.',
				'base_version'    => $base,
			);
		};
		return array(
			'read the rules'        => array( 'GET', '/handoff-bot/v1/rules', $none, 200 ),
			'save the rules'        => array( 'PUT', '/handoff-bot/v1/rules', $change, 200 ),
			'run the tester'        => array(
				'POST',
				'/handoff-bot/v1/rules/test',
				static function (): array {
					return array(
						'turns'     => array( 'Hello', 'A person please' ),
						'button_at' => 1,
					);
				},
				200,
			),
			'list versions'         => array( 'GET', '/handoff-bot/v1/rules/versions', $none, 200 ),
			'read a version'        => array( 'GET', '/handoff-bot/v1/rules/versions/1', $none, 200 ),
			'roll back'             => array(
				'POST',
				'/handoff-bot/v1/rules/versions/1/rollback',
				static function ( int $base ): array {
					return array(
						'note'         => 'Back to the start.',
						'base_version' => $base,
					);
				},
				200,
			),
			'list simulations'      => array( 'GET', '/handoff-bot/v1/rules/simulations', $none, 200 ),
			'save a simulation'     => array(
				'POST',
				'/handoff-bot/v1/rules/simulations',
				static function (): array {
					return array(
						'name'  => 'Hello',
						'turns' => array( 'Hello' ),
					);
				},
				201,
			),
			'delete a simulation'   => array( 'DELETE', '/handoff-bot/v1/rules/simulations/%d', $none, 200 ),
			'check the simulations' => array(
				'POST',
				'/handoff-bot/v1/rules/simulations/check',
				static function (): array {
					return array( 'policy' => Policy::defaults()->to_array() );
				},
				200,
			),
		);
	}
}
