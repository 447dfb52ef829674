<?php
/**
 * Tests for the admin routes: settings and the knowledge index.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Rest;

use HandoffBot\Tests\Integration\Test_Case;

/**
 * Only people who manage the plugin read or change settings and rebuild the index.
 */
final class Admin_Routes_Test extends Test_Case {

	/**
	 * Every admin route refuses anonymous visitors, a visitor with a conversation token,
	 * subscribers and agents; administrators pass.
	 *
	 * @dataProvider routes
	 *
	 * @param string               $method Method.
	 * @param string               $route  Route.
	 * @param array<string, mixed> $params Parameters.
	 */
	public function test_permission_matrix( string $method, string $route, array $params ): void {
		list( , $token ) = $this->start_conversation();
		$cases           = array(
			array( '', array(), 401 ),
			array( '', array( 'X-Handoff-Bot-Token' => $token ), 401 ),
			array( 'subscriber', array(), 403 ),
			array( 'handoff_bot_agent', array(), 403 ),
			array( 'administrator', array(), 200 ),
		);
		foreach ( $cases as list( $role, $headers, $status ) ) {
			wp_set_current_user( '' === $role ? 0 : $this->create_user( $role ) );
			$response = $this->rest( $method, $route, $params, $headers );
			$this->assertSame( $status, $response->get_status(), "{$method} {$route} as " . ( $role ? $role : 'visitor' ) );
			if ( 200 !== $status ) {
				$this->assertSame( 'handoff_bot_forbidden', $response->get_data()['code'] );
			}
		}
	}

	/**
	 * Admin routes.
	 *
	 * @return array<string, array{0: string, 1: string, 2: array<string, mixed>}>
	 */
	public function routes(): array {
		return array(
			'read settings'   => array( 'GET', '/handoff-bot/v1/settings', array() ),
			'change settings' => array( 'POST', '/handoff-bot/v1/settings', array( 'answer_threshold' => 0.5 ) ),
			'read index'      => array( 'GET', '/handoff-bot/v1/index', array() ),
			'rebuild index'   => array( 'POST', '/handoff-bot/v1/index/rebuild', array( 'offset' => 0 ) ),
			'read health'     => array( 'GET', '/handoff-bot/v1/health', array() ),
		);
	}

	/**
	 * Settings round-trip; invalid values get a 400.
	 */
	public function test_settings_update_and_validation(): void {
		wp_set_current_user( $this->create_user( 'administrator' ) );
		$data = $this->rest(
			'POST',
			'/handoff-bot/v1/settings',
			array(
				'answer_threshold'         => 0.6,
				'max_message_length'       => 500,
				'delete_data_on_uninstall' => true,
			)
		)->get_data();
		$this->assertSame( 0.6, $data['answer_threshold'] );
		$this->assertSame( 500, $data['max_message_length'] );
		$this->assertSame( array( 'post', 'page' ), $data['post_types'] );
		$this->assertSame( '1', (string) get_option( 'handoff_bot_delete_data_on_uninstall' ) );

		foreach ( array(
			array( 'answer_threshold' => 2 ),
			array( 'max_message_length' => 'lots' ),
			array( 'max_message_length' => 10 ),
			array( 'excluded_posts' => array( 'abc' ) ),
		) as $bad ) {
			$response = $this->rest( 'POST', '/handoff-bot/v1/settings', $bad );
			$this->assertSame( 400, $response->get_status(), (string) wp_json_encode( $bad ) );
			$this->assertSame( 'rest_invalid_param', $response->get_data()['code'] );
		}
		$bad_type = $this->rest( 'POST', '/handoff-bot/v1/settings', array( 'post_types' => array( 'nav_menu_item' ) ) );
		$this->assertSame( 400, $bad_type->get_status() );
		$this->assertSame( 'rest_invalid_param', $bad_type->get_data()['code'] );
		$this->assertArrayHasKey( 'post_types', $bad_type->get_data()['data']['params'] );
		$this->assertSame( 500, $this->rest( 'GET', '/handoff-bot/v1/settings' )->get_data()['max_message_length'] );
	}

	/**
	 * The rebuild runs in batches and reports its progress.
	 */
	public function test_rebuild_reports_progress(): void {
		wp_set_current_user( $this->create_user( 'administrator' ) );
		for ( $i = 0; $i < 5; $i++ ) {
			$this->create_post( array( 'post_content' => '<p>Capybara fact number ' . $i . '.</p>' ) );
		}
		$total  = $this->rest( 'GET', '/handoff-bot/v1/index' )->get_data()['indexable'];
		$offset = 0;
		$steps  = array();
		do {
			$data    = $this->rest(
				'POST',
				'/handoff-bot/v1/index/rebuild',
				array(
					'offset' => $offset,
					'batch'  => 2,
				)
			)->get_data();
			$steps[] = $data['done'];
			$offset  = $data['next_offset'];
		} while ( ! $data['finished'] );
		$this->assertSame( $total, end( $steps ) );
		$this->assertSame( range( 2, $total, 2 ), array_slice( $steps, 0, (int) floor( $total / 2 ) ) );
		$index = $this->rest( 'GET', '/handoff-bot/v1/index' )->get_data();
		$this->assertSame( $total, $index['posts'] );
		$this->assertContains( 'page', wp_list_pluck( $index['available'], 'name' ) );
		$this->assertNotContains( 'attachment', wp_list_pluck( $index['available'], 'name' ) );
		$this->assertGreaterThanOrEqual( 5, $index['passages'] );
		$this->assertSame( 400, $this->rest( 'POST', '/handoff-bot/v1/index/rebuild', array( 'batch' => 0 ) )->get_status() );
	}
}
