<?php
/**
 * The connections routes: validation, secrets, rotation, tests.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Notifications;

use HandoffBot\Handoff\Availability;
use HandoffBot\Handoff\Availability_Store;
use HandoffBot\Notifications\Connection_Store;
use HandoffBot\Tests\Integration\Test_Case;

require_once __DIR__ . '/Local_Servers.php';

/**
 * Each wrong field is named with what to do; a webhook's secret is shown once, at creation or
 * rotation, and never read back; a test message reports how the receiver answered.
 */
final class Connections_Controller_Test extends Test_Case {

	use Local_Servers;

	/**
	 * Signs in an administrator and sets up one team, "billing".
	 */
	protected function setUp(): void {
		parent::setUp();
		\HandoffBot\Capabilities::grant();
		wp_set_current_user( $this->create_user( 'administrator' ) );
		$data          = Availability::defaults()->to_array();
		$data['teams'] = array(
			array(
				'name'   => 'billing',
				'label'  => 'Billing',
				'agents' => array(),
				'hours'  => null,
			),
		);
		update_option(
			Availability_Store::OPTION,
			array(
				'version' => 0,
				'data'    => $data,
			)
		);
	}

	/**
	 * Stops the servers.
	 */
	protected function tearDown(): void {
		$this->stop_servers();
		remove_all_filters( 'handoff_bot_allow_local_targets' );
		parent::tearDown();
	}

	/**
	 * Creates a connection.
	 *
	 * @param array<string, mixed> $params Fields.
	 */
	private function create( array $params ): \WP_REST_Response {
		return $this->rest( 'POST', '/handoff-bot/v1/connections', $params );
	}

	/**
	 * Wrong fields answer 400 with each field's message, and store nothing.
	 *
	 * @dataProvider invalid_connections
	 *
	 * @param array<string, mixed> $params Fields.
	 * @param string[]             $fields The fields named.
	 */
	public function test_wrong_fields_are_named( array $params, array $fields ): void {
		add_filter( 'handoff_bot_allow_local_targets', '__return_false' );
		$response = $this->create( $params );
		$this->assertSame( 400, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$this->assertSame( 'handoff_bot_invalid_connection', $response->get_data()['code'] );
		$this->assertSame( $fields, array_keys( $response->get_data()['data']['params'] ) );
		foreach ( $response->get_data()['data']['params'] as $message ) {
			$this->assertNotSame( '', $message );
		}
		$this->assertSame( array(), ( new Connection_Store() )->all() );
	}

	/**
	 * Connections with wrong fields.
	 *
	 * @return array<string, array{0: array<string, mixed>, 1: list<string>}>
	 */
	public function invalid_connections(): array {
		$hook = array(
			'kind'   => 'webhook',
			'label'  => 'CRM',
			'target' => 'https://crm.example.com/hooks',
		);
		return array(
			'unknown kind'           => array( array_merge( $hook, array( 'kind' => 'fax' ) ), array( 'kind' ) ),
			'empty label'            => array( array_merge( $hook, array( 'label' => '  ' ) ), array( 'label' ) ),
			'not a URL'              => array( array_merge( $hook, array( 'target' => 'crm.example.com/hooks' ) ), array( 'target' ) ),
			'plain http'             => array( array_merge( $hook, array( 'target' => 'http://crm.example.com/hooks' ) ), array( 'target' ) ),
			'ftp'                    => array( array_merge( $hook, array( 'target' => 'ftp://crm.example.com/hooks' ) ), array( 'target' ) ),
			'loopback'               => array( array_merge( $hook, array( 'target' => 'https://127.0.0.1/hooks' ) ), array( 'target' ) ),
			'private network'        => array( array_merge( $hook, array( 'target' => 'https://192.168.1.20/hooks' ) ), array( 'target' ) ),
			'localhost'              => array( array_merge( $hook, array( 'target' => 'https://localhost:8080/hooks' ) ), array( 'target' ) ),
			'credentials in the URL' => array( array_merge( $hook, array( 'target' => 'https://me:pw@crm.example.com/hooks' ) ), array( 'target' ) ),
			'bad email'              => array(
				array(
					'kind'   => 'email',
					'label'  => 'Inbox',
					'target' => 'support-at-example.com',
				),
				array( 'target' ),
			),
			'unknown event'          => array( array_merge( $hook, array( 'events' => array( 'handoff.requested', 'handoff.exploded' ) ) ), array( 'events' ) ),
			'no events'              => array( array_merge( $hook, array( 'events' => array() ) ), array( 'events' ) ),
			'unknown team'           => array( array_merge( $hook, array( 'teams' => array( 'billing', 'legal' ) ) ), array( 'teams' ) ),
			'several at once'        => array(
				array(
					'kind'   => 'slack',
					'label'  => '',
					'target' => 'http://hooks.example.com/x',
					'teams'  => array( 'nobody' ),
				),
				array( 'label', 'target', 'teams' ),
			),
		);
	}

	/**
	 * A missing required field is refused by the schema.
	 */
	public function test_a_missing_field_is_refused(): void {
		$response = $this->create(
			array(
				'kind'  => 'email',
				'label' => 'Inbox',
			)
		);
		$this->assertSame( 400, $response->get_status() );
		$this->assertSame( 'rest_missing_callback_param', $response->get_data()['code'] );
	}

	/**
	 * The secret is in the creation's answer alone; a rotation shows a new one once.
	 */
	public function test_a_webhook_secret_is_shown_once_and_rotates(): void {
		$created = $this->create(
			array(
				'kind'   => 'webhook',
				'label'  => 'CRM',
				'target' => 'https://crm.example.com/hooks',
				'teams'  => array( 'billing' ),
			)
		);
		$this->assertSame( 201, $created->get_status(), (string) wp_json_encode( $created->get_data() ) );
		$data   = $created->get_data();
		$secret = $data['secret'];
		$this->assertMatchesRegularExpression( '/^whsec_[0-9a-f]{48}$/', $secret );
		$this->assertSame( Connection_Store::EVENTS, $data['events'], 'every event by default' );
		$this->assertTrue( $data['enabled'] );
		$this->assertTrue( $data['has_secret'] );
		$this->assertSame( array( 'billing' ), $data['teams'] );

		$id    = $data['id'];
		$reads = array(
			wp_json_encode( $this->rest( 'GET', '/handoff-bot/v1/connections' )->get_data() ),
			wp_json_encode( $this->rest( 'GET', '/handoff-bot/v1/connections/' . $id )->get_data() ),
			wp_json_encode( $this->rest( 'PATCH', '/handoff-bot/v1/connections/' . $id, array( 'label' => 'CRM 2' ) )->get_data() ),
		);
		foreach ( $reads as $read ) {
			$this->assertStringNotContainsString( $secret, (string) $read );
			$this->assertStringNotContainsString( '"secret"', (string) $read );
		}

		$rotated = $this->rest( 'POST', '/handoff-bot/v1/connections/' . $id . '/rotate-secret' );
		$this->assertSame( 200, $rotated->get_status() );
		$this->assertMatchesRegularExpression( '/^whsec_[0-9a-f]{48}$/', $rotated->get_data()['secret'] );
		$this->assertNotSame( $secret, $rotated->get_data()['secret'] );
		$this->assertSame( $rotated->get_data()['secret'], ( new Connection_Store() )->find( $id )['secret'] ?? '' );
		$this->assertSame( 'CRM 2', $rotated->get_data()['label'] );

		$email = $this->create(
			array(
				'kind'   => 'email',
				'label'  => 'Inbox',
				'target' => 'support@example.com',
			)
		)->get_data();
		$none  = $this->rest( 'POST', '/handoff-bot/v1/connections/' . $email['id'] . '/rotate-secret' );
		$this->assertSame( 400, $none->get_status() );
		$this->assertSame( 'handoff_bot_no_secret', $none->get_data()['code'] );
		$this->assertSame( 404, $this->rest( 'POST', '/handoff-bot/v1/connections/conn_000000000000/rotate-secret' )->get_status() );
	}

	/**
	 * An update changes what was sent and keeps the rest; the kind cannot change; delete removes.
	 */
	public function test_update_and_delete(): void {
		$id      = $this->create(
			array(
				'kind'   => 'email',
				'label'  => 'Inbox',
				'target' => 'support@example.com',
			)
		)->get_data()['id'];
		$changed = $this->rest(
			'PUT',
			'/handoff-bot/v1/connections/' . $id,
			array(
				'events'  => array( 'ticket.created' ),
				'enabled' => false,
			)
		);
		$this->assertSame( 200, $changed->get_status(), (string) wp_json_encode( $changed->get_data() ) );
		$this->assertSame( array( 'ticket.created' ), $changed->get_data()['events'] );
		$this->assertFalse( $changed->get_data()['enabled'] );
		$this->assertSame( 'support@example.com', $changed->get_data()['target'] );

		$kind = $this->rest( 'PATCH', '/handoff-bot/v1/connections/' . $id, array( 'kind' => 'webhook' ) );
		$this->assertSame( 400, $kind->get_status() );
		$this->assertSame( array( 'kind' ), array_keys( $kind->get_data()['data']['params'] ) );

		$bad = $this->rest( 'PATCH', '/handoff-bot/v1/connections/' . $id, array( 'target' => 'nope' ) );
		$this->assertSame( 400, $bad->get_status() );
		$this->assertSame( 'support@example.com', ( new Connection_Store() )->find( $id )['target'] ?? '', 'a refused update changes nothing' );

		$deleted = $this->rest( 'DELETE', '/handoff-bot/v1/connections/' . $id );
		$this->assertSame( 200, $deleted->get_status() );
		$this->assertTrue( $deleted->get_data()['deleted'] );
		$this->assertSame( 404, $this->rest( 'GET', '/handoff-bot/v1/connections/' . $id )->get_status() );
		$this->assertSame( 'handoff_bot_connection_not_found', $this->rest( 'DELETE', '/handoff-bot/v1/connections/' . $id )->get_data()['code'] );
	}

	/**
	 * A connection that no longer sends an event, or is off, gets no delivery of it.
	 */
	public function test_only_enabled_connections_for_the_event_and_team_get_deliveries(): void {
		add_filter( 'handoff_bot_allow_local_targets', '__return_true' );
		$fields = array(
			'kind'   => 'webhook',
			'target' => 'http://localhost:9/hooks',
		);
		$this->create( $fields + array( 'label' => 'every team' ) );
		$this->create(
			$fields + array(
				'label' => 'billing',
				'teams' => array( 'billing' ),
			)
		);
		$this->create(
			$fields + array(
				'label'   => 'off',
				'enabled' => false,
			)
		);
		$this->create(
			$fields + array(
				'label'  => 'tickets only',
				'events' => array( 'ticket.created' ),
			)
		);

		do_action( 'handoff_bot_notify', 'handoff.requested', $this->make_handoff( 'live', 'billing' ) );
		do_action( 'handoff_bot_notify', 'handoff.requested', $this->make_handoff( 'live', 'sales' ) );
		$log    = $this->rest( 'GET', '/handoff-bot/v1/deliveries' )->get_data();
		$labels = array();
		foreach ( ( new Connection_Store() )->all() as $connection ) {
			$labels[ $connection['id'] ] = $connection['label'];
		}
		$sent = array_map(
			static function ( array $delivery ) use ( $labels ): string {
				return $labels[ $delivery['connection_id'] ] . ' #' . $delivery['handoff_id'];
			},
			$log
		);
		$this->assertCount( 3, $sent, implode( ', ', $sent ) );
		$this->assertCount( 2, (array) preg_grep( '/^every team /', $sent ) );
		$this->assertCount( 1, (array) preg_grep( '/^billing /', $sent ) );
	}

	/**
	 * "Send a test" tries at once and says how the receiver answered.
	 */
	public function test_a_test_message_reports_the_receivers_answer(): void {
		add_filter( 'handoff_bot_allow_local_targets', '__return_true' );
		list( $url, $dir ) = $this->start_receiver( array( 500 ) );
		$created           = $this->create(
			array(
				'kind'   => 'webhook',
				'label'  => 'CRM',
				'target' => $url,
			)
		)->get_data();
		$this->receiver_secret( $dir, $created['secret'] );

		$failed = $this->rest( 'POST', '/handoff-bot/v1/connections/' . $created['id'] . '/test' );
		$this->assertSame( 200, $failed->get_status(), (string) wp_json_encode( $failed->get_data() ) );
		$this->assertSame( 'failed', $failed->get_data()['status'], 'a test is tried once' );
		$this->assertSame( 500, $failed->get_data()['response_code'] );
		$this->assertSame( 'connection.test', $failed->get_data()['event'] );

		$sent = $this->rest( 'POST', '/handoff-bot/v1/connections/' . $created['id'] . '/test' );
		$this->assertSame( 'sent', $sent->get_data()['status'] );
		$this->assertSame( 200, $sent->get_data()['response_code'] );
		$this->assertNotSame( $failed->get_data()['delivery_id'], $sent->get_data()['delivery_id'], 'each test is its own delivery' );

		$requests = $this->received( $dir );
		$this->assertCount( 2, $requests );
		$this->assertTrue( $requests[1]['signature_valid'] );
		$body = json_decode( $requests[1]['body'], true );
		$this->assertTrue( $body['test'] );
		$this->assertNull( $body['handoff'] );
		$this->assertSame( 404, $this->rest( 'POST', '/handoff-bot/v1/connections/conn_000000000000/test' )->get_status() );
	}
}
