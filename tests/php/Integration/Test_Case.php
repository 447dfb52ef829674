<?php
/**
 * Base class for tests that run inside the real WordPress.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration;

use PHPUnit\Framework\TestCase;
use WP_REST_Request;
use WP_REST_Response;

/**
 * Each test runs in a database transaction that is rolled back afterwards, on SQLite and MariaDB alike.
 */
abstract class Test_Case extends TestCase {

	/**
	 * Starts the transaction and signs everyone out.
	 */
	protected function setUp(): void {
		parent::setUp();
		global $wpdb;
		$wpdb->query( 'START TRANSACTION' );
		wp_set_current_user( 0 );
		$GLOBALS['wp_rest_server'] = null;
	}

	/**
	 * Rolls back and clears what WordPress keeps in memory.
	 */
	protected function tearDown(): void {
		global $wpdb;
		$wpdb->query( 'ROLLBACK' );
		wp_cache_flush();
		wp_roles()->for_site();
		wp_set_current_user( 0 );
		$GLOBALS['wp_rest_server'] = null;
		parent::tearDown();
	}

	/**
	 * Creates a user with a role and returns its ID.
	 *
	 * @param string $role Role name.
	 */
	protected function create_user( string $role ): int {
		static $n = 0;
		++$n;
		$id = wp_insert_user(
			array(
				'user_login' => $role . '_' . $n . '_' . wp_generate_password( 6, false ),
				'user_email' => $role . $n . '_' . wp_generate_password( 6, false ) . '@example.com',
				'user_pass'  => wp_generate_password(),
				'role'       => $role,
			)
		);
		$this->assertIsInt( $id );
		return $id;
	}

	/**
	 * Dispatches a REST request through the real server.
	 *
	 * @param string                $method  HTTP method.
	 * @param string                $route   Route, e.g. /handoff-bot/v1/health.
	 * @param array<string, mixed>  $params  Body or query parameters.
	 * @param array<string, string> $headers Request headers.
	 */
	protected function rest( string $method, string $route, array $params = array(), array $headers = array() ): WP_REST_Response {
		$request = new WP_REST_Request( $method, $route );
		foreach ( $headers as $name => $value ) {
			$request->set_header( $name, $value );
		}
		if ( 'GET' === $method ) {
			$request->set_query_params( $params );
		} else {
			$request->set_body_params( $params );
		}
		return rest_do_request( $request );
	}
}
