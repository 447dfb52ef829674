<?php
/**
 * Tests for GET /handoff-bot/v1/health.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Rest;

use HandoffBot\Database\Migrator;
use HandoffBot\Tests\Integration\Test_Case;

/**
 * Administrators read versions; everyone else is refused with a coded error.
 */
final class Health_Controller_Test extends Test_Case {

	/**
	 * An administrator reads the plugin and schema versions.
	 */
	public function test_admin_reads_versions(): void {
		wp_set_current_user( $this->create_user( 'administrator' ) );
		$response = $this->rest( 'GET', '/handoff-bot/v1/health' );
		$this->assertSame( 200, $response->get_status() );
		$data = $response->get_data();
		$this->assertSame( HANDOFF_BOT_VERSION, $data['plugin_version'] );
		$this->assertSame( Migrator::SCHEMA_VERSION, $data['schema_version'] );
		$this->assertTrue( $data['schema_current'] );
		$this->assertSame( getenv( 'HANDOFF_BOT_TEST_DB' ) === 'sqlite' ? 'sqlite' : 'mysql', $data['database'] );
		$this->assertSame( 'no-store', $response->get_headers()['Cache-Control'] );
	}

	/**
	 * Anonymous visitors, subscribers and agents are refused.
	 *
	 * @dataProvider refused_roles
	 *
	 * @param string $role   Role, or '' for an anonymous visitor.
	 * @param int    $status Expected status.
	 */
	public function test_others_are_refused( string $role, int $status ): void {
		if ( '' !== $role ) {
			wp_set_current_user( $this->create_user( $role ) );
		}
		$response = $this->rest( 'GET', '/handoff-bot/v1/health' );
		$this->assertSame( $status, $response->get_status() );
		$this->assertSame( 'handoff_bot_forbidden', $response->get_data()['code'] );
		$this->assertNotEmpty( $response->get_data()['message'] );
	}

	/**
	 * Roles that may not read the health.
	 *
	 * @return array<string, array{0: string, 1: int}>
	 */
	public function refused_roles(): array {
		return array(
			'anonymous visitor' => array( '', 401 ),
			'subscriber'        => array( 'subscriber', 403 ),
			'support agent'     => array( 'handoff_bot_agent', 403 ),
			'editor'            => array( 'editor', 403 ),
		);
	}

	/**
	 * The route publishes its schema.
	 */
	public function test_route_has_a_schema(): void {
		$response = $this->rest( 'OPTIONS', '/handoff-bot/v1/health' );
		$schema   = $response->get_data()['schema'];
		$this->assertSame( 'handoff-bot-health', $schema['title'] );
		$this->assertArrayHasKey( 'schema_version', $schema['properties'] );
	}
}
