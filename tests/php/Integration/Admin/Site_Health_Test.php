<?php
/**
 * Handoff Bot's Site Health tests.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Admin;

use HandoffBot\Admin\Site_Health;
use HandoffBot\Handoff\Availability;
use HandoffBot\Handoff\Availability_Store;
use HandoffBot\Notifications\Connection_Store;
use HandoffBot\Repositories\Delivery_Repository;
use HandoffBot\Tests\Integration\Test_Case;

/**
 * Tools → Site Health shows a connection that keeps failing (critical, named, with what to do and
 * a link to the delivery log) or that lost a delivery in the past day (recommended), and hours and
 * teams never saved (recommended, with a link to Teams and hours); each is good once fixed.
 */
final class Site_Health_Test extends Test_Case {

	/**
	 * Signs in an administrator.
	 */
	protected function setUp(): void {
		parent::setUp();
		\HandoffBot\Capabilities::grant();
		wp_set_current_user( $this->create_user( 'administrator' ) );
		delete_option( Availability_Store::OPTION );
	}

	/**
	 * Runs one of the plugin's tests as Site Health does: found through `site_status_tests`.
	 *
	 * @param string $id The test's ID.
	 * @return array<string, mixed>
	 */
	private function run_test( string $id ): array {
		$tests = apply_filters( 'site_status_tests', array( 'direct' => array() ) );
		$this->assertArrayHasKey( $id, $tests['direct'] );
		$test = $tests['direct'][ $id ]['test'];
		$this->assertIsCallable( $test );
		$result = call_user_func( $test );
		$this->assertSame( $id, $result['test'] );
		return $result;
	}

	/**
	 * Adds a connection.
	 *
	 * @param string $label Its name.
	 * @param bool   $enabled Whether it sends.
	 * @return string Its ID.
	 */
	private function connection( string $label, bool $enabled = true ): string {
		return ( new Connection_Store() )->create(
			array(
				'kind'    => 'webhook',
				'label'   => $label,
				'target'  => 'https://crm.example.com/hooks',
				'teams'   => array(),
				'events'  => Connection_Store::EVENTS,
				'enabled' => $enabled,
			)
		)['id'];
	}

	/**
	 * Stores a delivery to a connection with an outcome.
	 *
	 * @param string $connection_id Connection.
	 * @param string $status        pending, sent or failed.
	 * @param int    $ago           Seconds since its last attempt.
	 * @param int    $attempts      Attempts made.
	 * @param int    $code          The receiver's last answer.
	 * @param string $event         The event.
	 */
	private function delivery( string $connection_id, string $status, int $ago, int $attempts = 8, int $code = 500, string $event = 'handoff.requested' ): void {
		global $wpdb;
		static $n = 0;
		++$n;
		$id = ( new Delivery_Repository() )->create(
			array(
				'delivery_id'   => wp_generate_uuid4(),
				'dedupe'        => 'health-' . $n . '-' . wp_generate_password( 8, false ),
				'connection_id' => $connection_id,
				'kind'          => 'webhook',
				'event'         => $event,
				'handoff_id'    => $n,
				'max_attempts'  => 8,
				'payload'       => '{}',
			)
		);
		$this->assertGreaterThan( 0, $id );
		$wpdb->update(
			$wpdb->prefix . 'handoff_bot_deliveries',
			array(
				'status'          => $status,
				'attempts'        => $attempts,
				'response_code'   => $code,
				'last_attempt_at' => gmdate( 'Y-m-d H:i:s', time() - $ago ),
			),
			array( 'id' => $id )
		);
	}

	/**
	 * No connection, or connections that deliver: good.
	 */
	public function test_connections_that_deliver_are_good(): void {
		$this->assertSame( 'good', $this->run_test( Site_Health::CONNECTIONS_TEST )['status'] );

		$crm = $this->connection( 'Our CRM' );
		$this->delivery( $crm, 'failed', 3 * DAY_IN_SECONDS );
		$this->delivery( $crm, 'sent', 2 * DAY_IN_SECONDS, 1, 200 );
		$this->delivery( $crm, 'sent', HOUR_IN_SECONDS, 2, 200 );
		// A test that failed just now: the admin saw it at once.
		$this->delivery( $crm, 'failed', 60, 1, 500, Connection_Store::TEST_EVENT );
		$result = $this->run_test( Site_Health::CONNECTIONS_TEST );
		$this->assertSame( 'good', $result['status'], (string) $result['description'] );
		$this->assertStringContainsString( 'page=handoff-bot-connections', (string) $result['actions'] );
	}

	/**
	 * A connection whose latest deliveries all failed is critical, by name, with what to do.
	 */
	public function test_a_connection_that_keeps_failing_is_critical(): void {
		$crm  = $this->connection( 'Our <b>CRM</b>' );
		$fine = $this->connection( 'Warehouse' );
		$this->delivery( $fine, 'sent', 60, 1, 200 );
		$this->delivery( $crm, 'sent', 3 * DAY_IN_SECONDS, 1, 200 );
		$this->delivery( $crm, 'failed', 2 * DAY_IN_SECONDS, 8, 503 );
		$this->delivery( $crm, 'failed', 2 * DAY_IN_SECONDS, 8, 503 );
		// The newest is still being retried after failing.
		$this->delivery( $crm, 'pending', 600, 2, 503 );

		$result = $this->run_test( Site_Health::CONNECTIONS_TEST );
		$this->assertSame( 'critical', $result['status'] );
		$this->assertSame( 'A Handoff Bot connection keeps failing', $result['label'] );
		$description = (string) $result['description'];
		$this->assertStringContainsString( 'Our &lt;b&gt;CRM&lt;/b&gt;', $description, 'the name, escaped' );
		$this->assertStringContainsString( 'its last 3 deliveries failed', $description );
		$this->assertStringContainsString( 'HTTP 503', $description );
		$this->assertStringNotContainsString( 'Warehouse', $description );
		$this->assertStringContainsString( 'redeliver', $description );
		$this->assertStringContainsString( admin_url( 'admin.php?page=handoff-bot-connections' ), (string) $result['actions'] );
		$this->assertStringContainsString( 'delivery log', (string) $result['actions'] );

		// Once it delivers again, it is good.
		$this->delivery( $crm, 'sent', 10, 1, 200 );
		$this->assertSame( 'good', $this->run_test( Site_Health::CONNECTIONS_TEST )['status'] );
	}

	/**
	 * A delivery lost in the past day, among ones that went through, is worth a look; a disabled
	 * connection is not checked.
	 */
	public function test_a_delivery_failed_today_is_recommended(): void {
		$crm = $this->connection( 'Our CRM' );
		$off = $this->connection( 'Old endpoint', false );
		foreach ( array( 1, 2, 3 ) as $i ) {
			$this->delivery( $off, 'failed', $i * 60 );
		}
		$this->assertSame( 'good', $this->run_test( Site_Health::CONNECTIONS_TEST )['status'], 'a disabled connection' );

		$this->delivery( $crm, 'failed', 5 * HOUR_IN_SECONDS, 8, 500 );
		$this->delivery( $crm, 'sent', HOUR_IN_SECONDS, 1, 200 );
		$result = $this->run_test( Site_Health::CONNECTIONS_TEST );
		$this->assertSame( 'recommended', $result['status'] );
		$this->assertStringContainsString( 'Our CRM', (string) $result['description'] );
		$this->assertStringContainsString( '1 delivery failed for good in the past day', (string) $result['description'] );
		$this->assertStringNotContainsString( 'Old endpoint', (string) $result['description'] );
	}

	/**
	 * Hours and teams never saved: recommended, saying what happens meanwhile and linking to
	 * Teams and hours; good once saved.
	 */
	public function test_hours_and_teams_not_set_is_recommended_until_saved(): void {
		$result = $this->run_test( Site_Health::AVAILABILITY_TEST );
		$this->assertSame( 'recommended', $result['status'] );
		$this->assertSame( 'Handoff Bot’s hours and teams are not set', $result['label'] );
		$this->assertStringContainsString( 'Monday to Friday', (string) $result['description'] );
		$this->assertStringContainsString( admin_url( 'admin.php?page=handoff-bot-hours' ), (string) $result['actions'] );

		$saved = $this->rest(
			'PUT',
			'/handoff-bot/v1/availability',
			array(
				'availability'    => Availability::defaults()->to_array(),
				'note'            => 'Our real hours.',
				'expected_impact' => '',
				'base_version'    => 0,
			)
		);
		$this->assertSame( 200, $saved->get_status(), (string) wp_json_encode( $saved->get_data() ) );
		$this->assertSame( 'good', $this->run_test( Site_Health::AVAILABILITY_TEST )['status'] );
	}
}
