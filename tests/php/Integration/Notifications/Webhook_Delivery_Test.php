<?php
/**
 * Webhooks through the outbox to a real local receiver.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Notifications;

use HandoffBot\Notifications\Delivery_Jobs;
use HandoffBot\Tests\Integration\Test_Case;

require_once __DIR__ . '/Local_Servers.php';

/**
 * A handoff's event is stored as a delivery in the visitor's request and sent only by the
 * background job; the receiver checks the signature with the secret it was shown once; a 500 is
 * retried later with backoff, under the same delivery ID and body; after the last attempt the
 * delivery is failed, and a redelivery sends it again.
 */
final class Webhook_Delivery_Test extends Test_Case {

	use Local_Servers;

	/**
	 * An administrator.
	 *
	 * @var int
	 */
	private int $admin;

	/**
	 * Allows the loopback receiver and signs in an administrator.
	 */
	protected function setUp(): void {
		parent::setUp();
		add_filter( 'handoff_bot_allow_local_targets', '__return_true' );
		\HandoffBot\Capabilities::grant();
		$this->admin = $this->create_user( 'administrator' );
	}

	/**
	 * Stops the servers.
	 */
	protected function tearDown(): void {
		$this->stop_servers();
		remove_all_filters( 'handoff_bot_allow_local_targets' );
		remove_all_filters( 'handoff_bot_delivery_max_attempts' );
		parent::tearDown();
	}

	/**
	 * Creates a webhook through REST; returns [id, secret].
	 *
	 * @param string   $url    Target.
	 * @param string[] $events Events.
	 * @return array{0: string, 1: string}
	 */
	private function webhook( string $url, array $events = array( 'handoff.requested' ) ): array {
		wp_set_current_user( $this->admin );
		$created = $this->rest(
			'POST',
			'/handoff-bot/v1/connections',
			array(
				'kind'   => 'webhook',
				'label'  => 'Our CRM',
				'target' => $url,
				'events' => $events,
			)
		);
		$this->assertSame( 201, $created->get_status(), (string) wp_json_encode( $created->get_data() ) );
		wp_set_current_user( 0 );
		return array( (string) $created->get_data()['id'], (string) $created->get_data()['secret'] );
	}

	/**
	 * The delivery log as the admin reads it.
	 *
	 * @param array<string, mixed> $params Filters.
	 * @return list<array<string, mixed>>
	 */
	private function log( array $params = array() ): array {
		wp_set_current_user( $this->admin );
		$response = $this->rest( 'GET', '/handoff-bot/v1/deliveries', $params );
		wp_set_current_user( 0 );
		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		return $response->get_data();
	}

	/**
	 * Stored first, sent in the background, signed, retried after a 500 with backoff, then sent.
	 */
	public function test_a_webhook_is_signed_and_retried_after_a_500_with_the_same_delivery_id(): void {
		list( $url, $dir )           = $this->start_receiver( array( 500 ) );
		list( $connection, $secret ) = $this->webhook( $url );
		$this->assertMatchesRegularExpression( '/^whsec_[0-9a-f]{48}$/', $secret );
		$this->receiver_secret( $dir, $secret );
		$handoff = $this->make_handoff( 'live' );

		do_action( 'handoff_bot_notify', 'handoff.requested', $handoff );
		do_action( 'handoff_bot_notify', 'handoff.requested', $handoff );
		$log = $this->log();
		$this->assertCount( 1, $log, 'the same event of the same handoff is one delivery' );
		$this->assertSame( 'pending', $log[0]['status'] );
		$this->assertSame( 0, $log[0]['attempts'] );
		$this->assertSame( $connection, $log[0]['connection_id'] );
		$this->assertSame( array(), $this->received( $dir ), 'nothing is sent in the request that queued it' );
		$this->assertNotFalse( wp_next_scheduled( Delivery_Jobs::HOOK, array( $log[0]['id'] ) ), 'a background job will send it' );

		$before = time();
		$this->assertSame( 1, $this->run_delivery_jobs() );
		$first = $this->log()[0];
		$this->assertSame( 'pending', $first['status'], 'a 500 is tried again' );
		$this->assertSame( 1, $first['attempts'] );
		$this->assertSame( 500, $first['response_code'], (string) wp_json_encode( $first ) );
		$this->assertSame( 'receiver error 500', $first['response_excerpt'] );
		$next = (int) strtotime( (string) $first['next_attempt_at'] );
		$this->assertGreaterThanOrEqual( $before + 60, $next, 'the first retry waits a minute' );
		$this->assertLessThanOrEqual( time() + 75, $next, 'plus at most a quarter of jitter' );
		$this->assertSame( $next, wp_next_scheduled( Delivery_Jobs::HOOK, array( $first['id'] ) ), 'the retry is scheduled for then' );

		do_action( Delivery_Jobs::HOOK, $first['id'] ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.DynamicHooknameFound -- the plugin's own hook.
		$this->assertCount( 1, $this->received( $dir ), 'not tried again before its time' );

		$this->make_due( $first['id'] );
		$this->run_delivery_jobs();
		$sent = $this->log()[0];
		$this->assertSame( 'sent', $sent['status'] );
		$this->assertSame( 2, $sent['attempts'] );
		$this->assertSame( 200, $sent['response_code'] );

		$requests = $this->received( $dir );
		$this->assertCount( 2, $requests );
		$this->assertSame( array( 500, 200 ), array_column( $requests, 'answered' ) );
		foreach ( $requests as $request ) {
			$this->assertTrue( $request['signature_valid'], 'the receiver verifies the signature with the secret it was shown' );
			$this->assertSame( 'POST', $request['method'] );
			$this->assertSame( '/hooks/handoff', $request['path'] );
			$this->assertSame( 'handoff.requested', $request['headers']['x-handoff-bot-event'] );
			$this->assertSame( $sent['delivery_id'], $request['headers']['x-handoff-bot-delivery'] );
			$this->assertStringStartsWith( 'application/json', $request['headers']['content-type'] );
		}
		$this->assertSame( $requests[0]['body'], $requests[1]['body'], 'a retry sends the same body' );

		$body = json_decode( $requests[0]['body'], true );
		$this->assertSame( 1, $body['schema_version'] );
		$this->assertSame( $sent['delivery_id'], $body['id'] );
		$this->assertSame( 'handoff.requested', $body['event'] );
		$this->assertSame( $handoff, $body['handoff']['id'] );
		$this->assertSame( sprintf( 'HB-%05d', $handoff ), $body['handoff']['reference'] );
		$this->assertSame( admin_url( 'admin.php?page=handoff-bot-inbox&handoff=' . $handoff ), $body['handoff']['url'] );
		$this->assertFalse( $body['private'] );
		$this->assertSame( self::$visitor_text, $body['brief']['transcript'][0]['body'] );
		$this->assertSame( 'ada@example.org', $body['brief']['visitor']['email'] );
		$this->assertSame( 'billing', $body['brief']['intent']['name'] );
		$this->assertSame( 'user_requested', $body['brief']['reason'] );
		$this->assertCount( 2, $body['brief']['pages'] );
		$this->assertSame( array(), (array) $body['brief']['form'] );
		$this->assertStringContainsString( '"form":{}', $requests[0]['body'], 'form is an object, also when empty' );
	}

	/**
	 * A signature made with another secret does not verify (the receiver's check is real).
	 */
	public function test_a_receiver_with_the_wrong_secret_rejects_the_signature(): void {
		list( $url, $dir ) = $this->start_receiver();
		$this->webhook( $url );
		$this->receiver_secret( $dir, 'whsec_not_the_secret' );
		do_action( 'handoff_bot_notify', 'handoff.requested', $this->make_handoff( 'live' ) );
		$this->run_delivery_jobs();
		$requests = $this->received( $dir );
		$this->assertCount( 1, $requests );
		$this->assertFalse( $requests[0]['signature_valid'] );
	}

	/**
	 * After the last attempt the delivery is failed (and an event says so); a redelivery sends it
	 * again under the same delivery ID, and a second redelivery while pending is refused.
	 */
	public function test_a_delivery_fails_after_the_last_attempt_and_can_be_redelivered(): void {
		add_filter(
			'handoff_bot_delivery_max_attempts',
			static function (): int {
				return 3;
			}
		);
		list( $url, $dir )           = $this->start_receiver( array( 500, 502, 503 ) );
		list( $connection, $secret ) = $this->webhook( $url );
		$this->receiver_secret( $dir, $secret );
		$handoff = $this->make_handoff( 'live' );
		do_action( 'handoff_bot_notify', 'handoff.requested', $handoff );
		$id = (int) $this->log()[0]['id'];

		$this->run_delivery_jobs();
		$this->make_due( $id );
		$this->run_delivery_jobs();
		$this->assertSame( 'pending', $this->log()[0]['status'] );
		$this->make_due( $id );
		$this->run_delivery_jobs();

		$failed = $this->log( array( 'status' => 'failed' ) );
		$this->assertCount( 1, $failed );
		$this->assertSame( 3, $failed[0]['attempts'] );
		$this->assertSame( 503, $failed[0]['response_code'] );
		$this->assertStringContainsString( '503', (string) $failed[0]['error'] );
		$this->assertNull( $failed[0]['next_attempt_at'] );
		$this->assertFalse( wp_next_scheduled( Delivery_Jobs::HOOK, array( $id ) ), 'nothing more is scheduled' );
		$this->assertSame( array(), $this->log( array( 'status' => 'sent' ) ) );
		$this->assertSame( array( 500, 502, 503 ), array_column( $this->received( $dir ), 'answered' ) );

		global $wpdb;
		$logged = $wpdb->get_col( $wpdb->prepare( 'SELECT type FROM %i WHERE handoff_id = %d', $wpdb->prefix . 'handoff_bot_events', $handoff ) );
		$this->assertContains( 'delivery_failed', $logged );

		wp_set_current_user( $this->admin );
		$again = $this->rest( 'POST', '/handoff-bot/v1/deliveries/' . $id . '/redeliver' );
		$this->assertSame( 202, $again->get_status(), (string) wp_json_encode( $again->get_data() ) );
		$this->assertSame( 'pending', $again->get_data()['status'] );
		$this->assertSame( 0, $again->get_data()['attempts'] );
		$twice = $this->rest( 'POST', '/handoff-bot/v1/deliveries/' . $id . '/redeliver' );
		$this->assertSame( 409, $twice->get_status() );
		$this->assertSame( 'handoff_bot_delivery_pending', $twice->get_data()['code'] );
		$this->assertSame( 404, $this->rest( 'POST', '/handoff-bot/v1/deliveries/999999/redeliver' )->get_status() );
		wp_set_current_user( 0 );

		$this->run_delivery_jobs();
		$this->assertSame( 'sent', $this->log()[0]['status'] );
		$requests = $this->received( $dir );
		$this->assertCount( 4, $requests );
		$this->assertCount( 1, array_unique( array_column( array_column( $requests, 'headers' ), 'x-handoff-bot-delivery' ) ), 'every attempt and the redelivery carry one delivery ID' );
		$this->assertTrue( $requests[3]['signature_valid'] );
		$this->assertSame( $connection, $this->log( array( 'connection' => $connection ) )[0]['connection_id'] );
	}

	/**
	 * The log pages and filters, with the total in X-WP-Total.
	 */
	public function test_the_log_pages_and_filters(): void {
		list( $url )        = $this->start_receiver();
		list( $connection ) = $this->webhook( $url, array( 'handoff.requested', 'handoff.accepted' ) );
		for ( $i = 0; $i < 3; $i++ ) {
			$handoff = $this->make_handoff( 'live' );
			do_action( 'handoff_bot_notify', 'handoff.requested', $handoff );
		}
		do_action( 'handoff_bot_notify', 'handoff.accepted', $handoff );
		do_action( 'handoff_bot_notify', 'handoff.resolved', $handoff );
		do_action( 'handoff_bot_notify', 'no.such_event', $handoff );

		wp_set_current_user( $this->admin );
		$page = $this->rest(
			'GET',
			'/handoff-bot/v1/deliveries',
			array(
				'per_page' => 2,
				'page'     => 2,
			)
		);
		$this->assertSame( 200, $page->get_status() );
		$this->assertSame( '4', $page->get_headers()['X-WP-Total'], 'one delivery per event the connection sends' );
		$this->assertSame( '2', $page->get_headers()['X-WP-TotalPages'] );
		$this->assertCount( 2, $page->get_data() );
		$mine = $this->rest( 'GET', '/handoff-bot/v1/deliveries', array( 'handoff' => $handoff ) );
		$this->assertSame( array( 'handoff.accepted', 'handoff.requested' ), array_column( $mine->get_data(), 'event' ) );
		$this->assertSame( '0', $this->rest( 'GET', '/handoff-bot/v1/deliveries', array( 'connection' => 'conn_000000000000' ) )->get_headers()['X-WP-Total'] );
		$bad = $this->rest( 'GET', '/handoff-bot/v1/deliveries', array( 'status' => 'lost' ) );
		$this->assertSame( 400, $bad->get_status() );
		$this->assertSame( $connection, $mine->get_data()[0]['connection_id'] );
	}

	/**
	 * A delivery whose job was lost is picked up by the sweep.
	 */
	public function test_the_sweep_picks_up_a_delivery_whose_job_was_lost(): void {
		list( $url, $dir ) = $this->start_receiver();
		$this->webhook( $url );
		do_action( 'handoff_bot_notify', 'handoff.requested', $this->make_handoff( 'live' ) );
		$id = (int) $this->log()[0]['id'];
		wp_clear_scheduled_hook( Delivery_Jobs::HOOK, array( $id ) );
		$this->assertNotFalse( wp_next_scheduled( Delivery_Jobs::SWEEP ), 'a sweep is scheduled whenever something is queued' );
		$this->make_due( $id );
		global $wpdb;
		$wpdb->query( $wpdb->prepare( 'UPDATE %i SET next_attempt_at = %s WHERE id = %d', $wpdb->prefix . 'handoff_bot_deliveries', gmdate( 'Y-m-d H:i:s', time() - 120 ), $id ) );

		do_action( Delivery_Jobs::SWEEP ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.DynamicHooknameFound -- the plugin's own hook.
		$this->assertNotFalse( wp_next_scheduled( Delivery_Jobs::HOOK, array( $id ) ), 'the sweep schedules it again' );
		$this->run_delivery_jobs();
		$this->assertSame( 'sent', $this->log()[0]['status'] );
		$this->assertCount( 1, $this->received( $dir ) );
	}
}
