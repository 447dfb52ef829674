<?php
/**
 * The permission matrix of the connections and deliveries routes.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Notifications;

use HandoffBot\Notifications\Connection_Store;
use HandoffBot\Tests\Integration\Test_Case;

require_once __DIR__ . '/Local_Servers.php';

/**
 * Only people who manage the plugin see or change connections and deliveries: anonymous visitors
 * (with or without a conversation's visitor token) get 401; subscribers and support agents 403;
 * and a refused request changes nothing.
 */
final class Notifications_Permissions_Test extends Test_Case {

	use Local_Servers;

	/**
	 * Stops the servers.
	 */
	protected function tearDown(): void {
		$this->stop_servers();
		remove_all_filters( 'handoff_bot_allow_local_targets' );
		parent::tearDown();
	}

	/**
	 * Every route refuses everyone but administrators.
	 *
	 * @dataProvider routes
	 *
	 * @param string               $method Method.
	 * @param string               $route  Route (%1$s: a connection, %2$d: a delivery).
	 * @param array<string, mixed> $params Parameters.
	 * @param int                  $status The administrator's status.
	 */
	public function test_permission_matrix( string $method, string $route, array $params, int $status ): void {
		\HandoffBot\Capabilities::grant();
		list( $url ) = $this->start_receiver();
		$connection  = $this->webhook_connection( $url );
		$handoff     = $this->make_handoff( 'live' );
		do_action( 'handoff_bot_notify', 'handoff.requested', $handoff );
		$this->run_delivery_jobs();
		global $wpdb;
		$delivery = (int) $wpdb->get_var( $wpdb->prepare( 'SELECT MAX(id) FROM %i', $wpdb->prefix . 'handoff_bot_deliveries' ) );
		$route    = sprintf( $route, $connection['id'], $delivery );

		list( , $token ) = $this->start_conversation();
		$cases           = array(
			array( 'anonymous', 0, array(), 401 ),
			array( 'visitor with a token', 0, array( 'X-Handoff-Bot-Token' => $token ), 401 ),
			array( 'subscriber', $this->create_user( 'subscriber' ), array(), 403 ),
			array( 'agent', $this->create_user( \HandoffBot\Capabilities::ROLE ), array(), 403 ),
		);
		$before          = array( get_option( Connection_Store::OPTION ), $this->deliveries() );
		foreach ( $cases as list( $who, $user, $headers, $refused ) ) {
			wp_set_current_user( $user );
			$response = $this->rest( $method, $route, $params, $headers );
			$this->assertSame( $refused, $response->get_status(), "{$method} {$route} as {$who}" );
			$this->assertSame( 'handoff_bot_forbidden', $response->get_data()['code'], "{$method} {$route} as {$who}" );
			$this->assertStringNotContainsString( $connection['secret'], (string) wp_json_encode( $response->get_data() ) );
		}
		$this->assertSame( $before, array( get_option( Connection_Store::OPTION ), $this->deliveries() ), 'a refused request changes nothing' );

		wp_set_current_user( $this->create_user( 'administrator' ) );
		$response = $this->rest( $method, $route, $params );
		$this->assertSame( $status, $response->get_status(), "{$method} {$route} as administrator: " . wp_json_encode( $response->get_data() ) );
	}

	/**
	 * The routes, with valid parameters and the administrator's status.
	 *
	 * @return array<string, array{0: string, 1: string, 2: array<string, mixed>, 3: int}>
	 */
	public function routes(): array {
		return array(
			'list connections'  => array( 'GET', '/handoff-bot/v1/connections', array(), 200 ),
			'create connection' => array(
				'POST',
				'/handoff-bot/v1/connections',
				array(
					'kind'   => 'email',
					'label'  => 'Inbox',
					'target' => 'support@example.com',
				),
				201,
			),
			'read connection'   => array( 'GET', '/handoff-bot/v1/connections/%1$s', array(), 200 ),
			'update connection' => array( 'PATCH', '/handoff-bot/v1/connections/%1$s', array( 'label' => 'Renamed' ), 200 ),
			'delete connection' => array( 'DELETE', '/handoff-bot/v1/connections/%1$s', array(), 200 ),
			'rotate secret'     => array( 'POST', '/handoff-bot/v1/connections/%1$s/rotate-secret', array(), 200 ),
			'send a test'       => array( 'POST', '/handoff-bot/v1/connections/%1$s/test', array(), 200 ),
			'list deliveries'   => array( 'GET', '/handoff-bot/v1/deliveries', array(), 200 ),
			'redeliver'         => array( 'POST', '/handoff-bot/v1/deliveries/%2$d/redeliver', array(), 202 ),
		);
	}

	/**
	 * Every route describes itself with a schema.
	 */
	public function test_every_route_has_a_schema(): void {
		$routes = array_filter(
			array_keys( rest_get_server()->get_routes( 'handoff-bot/v1' ) ),
			static function ( string $route ): bool {
				return 0 === strpos( $route, '/handoff-bot/v1/connections' ) || 0 === strpos( $route, '/handoff-bot/v1/deliveries' );
			}
		);
		$this->assertCount( 6, $routes );
		foreach ( $routes as $route ) {
			$options = rest_get_server()->get_route_options( $route );
			$this->assertIsCallable( $options['schema'] ?? null, $route );
			$schema = call_user_func( $options['schema'] );
			$this->assertSame( 'object', $schema['type'], $route );
			$this->assertNotEmpty( $schema['properties'], $route );
		}
	}

	/**
	 * The deliveries as stored.
	 *
	 * @return list<array<string, mixed>>
	 */
	private function deliveries(): array {
		global $wpdb;
		return (array) $wpdb->get_results( $wpdb->prepare( 'SELECT * FROM %i ORDER BY id', $wpdb->prefix . 'handoff_bot_deliveries' ), ARRAY_A );
	}
}
