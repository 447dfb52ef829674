<?php
/**
 * The report alerts' REST routes: who may use them, what bad input gets, dismissing.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Reports\Alerts;

use HandoffBot\Capabilities;
use HandoffBot\Repositories\Report_Alert_Repository;
use HandoffBot\Tests\Integration\Test_Case;
use WP_REST_Response;

require_once __DIR__ . '/Alert_Fixtures.php';

/**
 * GET /reports/alerts, GET /reports/alerts/{id}, POST /reports/alerts/{id}/dismiss and
 * POST /reports/alerts/check.
 */
final class Report_Alerts_Controller_Test extends Test_Case {

	use Alert_Fixtures;

	/**
	 * A stored alert.
	 *
	 * @var int
	 */
	private int $alert = 0;

	/**
	 * The roles, a dominant topic in the window and its alert.
	 */
	protected function setUp(): void {
		parent::setUp();
		Capabilities::grant();
		$this->add( self::$current, 3, 'refunds', array( 'reason' => 'missing_knowledge' ) );
		$this->configure( array( 'alerts_min_handoffs' => 3 ) );
		$ids         = $this->check()->run( new \DateTimeImmutable( self::$now, new \DateTimeZone( 'UTC' ) ) );
		$this->alert = $ids[0];
	}

	/**
	 * Calls every route.
	 *
	 * @param array<string, string> $headers Headers.
	 * @return array<string, WP_REST_Response>
	 */
	private function all_routes( array $headers = array() ): array {
		return array(
			'list'    => $this->rest( 'GET', '/handoff-bot/v1/reports/alerts', array(), $headers ),
			'one'     => $this->rest( 'GET', '/handoff-bot/v1/reports/alerts/' . $this->alert, array(), $headers ),
			'dismiss' => $this->rest( 'POST', '/handoff-bot/v1/reports/alerts/' . $this->alert . '/dismiss', array(), $headers ),
			'check'   => $this->rest( 'POST', '/handoff-bot/v1/reports/alerts/check', array(), $headers ),
		);
	}

	/**
	 * Asserts every route refused, with a code and without an alert.
	 *
	 * @param array<string, WP_REST_Response> $responses Responses.
	 * @param int                             $status    Expected status.
	 * @param string                          $who       Who asked.
	 */
	private function assert_refused( array $responses, int $status, string $who ): void {
		foreach ( $responses as $route => $response ) {
			$body = (string) wp_json_encode( $response->get_data() );
			$this->assertSame( $status, $response->get_status(), $who . ' on ' . $route . ': ' . $body );
			$this->assertSame( 'handoff_bot_forbidden', $response->get_data()['code'], $who . ' on ' . $route );
			$this->assertStringNotContainsString( 'refunds', $body, $who . ' sees no alert' );
		}
		$alert = ( new Report_Alert_Repository() )->find( $this->alert );
		$this->assertNotNull( $alert );
		$this->assertSame( 'open', $alert['status'], $who . ' dismissed nothing' );
	}

	/**
	 * Signed out, and a visitor holding their conversation's token: 401.
	 */
	public function test_anonymous_and_visitors_are_refused(): void {
		$this->assert_refused( $this->all_routes(), 401, 'anonymous' );
		list( , $token ) = $this->start_conversation();
		$this->assert_refused( $this->all_routes( array( 'X-Handoff-Bot-Token' => $token ) ), 401, 'a visitor' );
	}

	/**
	 * A subscriber and a support agent are signed in without `handoff_bot_manage`: 403.
	 */
	public function test_subscribers_and_agents_are_refused(): void {
		wp_set_current_user( $this->create_user( 'subscriber' ) );
		$this->assert_refused( $this->all_routes(), 403, 'a subscriber' );
		wp_set_current_user( $this->create_user( Capabilities::ROLE ) );
		$this->assertTrue( current_user_can( Capabilities::AGENT ) );
		$this->assert_refused( $this->all_routes(), 403, 'an agent' );
	}

	/**
	 * An administrator lists the alerts, opens one, dismisses it (twice: the same answer), and
	 * no longer finds it among the open ones.
	 */
	public function test_an_administrator_reads_and_dismisses_an_alert(): void {
		$admin = $this->create_user( 'administrator' );
		wp_set_current_user( $admin );
		$list = $this->rest( 'GET', '/handoff-bot/v1/reports/alerts', array( 'status' => 'open' ) );
		$this->assertSame( 200, $list->get_status() );
		$this->assertSame( '1', $list->get_headers()['X-WP-Total'] );
		$this->assertSame( 'no-store, private', $list->get_headers()['Cache-Control'] );
		$row = $list->get_data()[0];
		$this->assertSame( 'topic_share', $row['kind'] );
		$this->assertSame( 'refunds takes 100.0 % of handoffs', $row['title'] );
		$this->assertSame(
			array(
				'from' => '2026-03-03',
				'to'   => '2026-03-09',
			),
			$row['period']
		);
		$this->assertStringEndsWith( 'admin.php?page=handoff-bot-report&alert=' . $this->alert, $row['link'] );
		$this->assertArrayNotHasKey( 'investigation', $row, 'the list is light' );

		$one = $this->rest( 'GET', '/handoff-bot/v1/reports/alerts/' . $this->alert );
		$this->assertSame( 200, $one->get_status() );
		$this->assertNotEmpty( $one->get_data()['investigation'] );

		foreach ( array( 1, 2 ) as $time ) {
			$dismissed = $this->rest( 'POST', '/handoff-bot/v1/reports/alerts/' . $this->alert . '/dismiss' );
			$this->assertSame( 200, $dismissed->get_status(), 'dismissal ' . $time );
			$this->assertSame( 'dismissed', $dismissed->get_data()['status'] );
			$this->assertSame( $admin, $dismissed->get_data()['dismissed_by'] );
		}
		$this->assertSame( '0', $this->rest( 'GET', '/handoff-bot/v1/reports/alerts', array( 'status' => 'open' ) )->get_headers()['X-WP-Total'] );
		$this->assertSame( '1', $this->rest( 'GET', '/handoff-bot/v1/reports/alerts', array( 'status' => 'dismissed' ) )->get_headers()['X-WP-Total'] );
	}

	/**
	 * Running the check now answers the window it looked at and what it raised.
	 */
	public function test_running_the_check_now(): void {
		wp_set_current_user( $this->create_user( 'administrator' ) );
		$response = $this->rest( 'POST', '/handoff-bot/v1/reports/alerts/check' );
		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$data      = $response->get_data();
		$yesterday = ( new \DateTimeImmutable( 'yesterday', wp_timezone() ) )->format( 'Y-m-d' );
		$this->assertSame( $yesterday, $data['period']['to'] );
		$this->assertSame( 7, $data['period']['days'] );
		$this->assertSame( array(), $data['raised'], 'nothing happened this week' );
	}

	/**
	 * An unknown alert is a 404 with a code; bad parameters are 400s naming them.
	 */
	public function test_bad_input(): void {
		wp_set_current_user( $this->create_user( 'administrator' ) );
		foreach ( array(
			'GET'  => '',
			'POST' => '/dismiss',
		) as $method => $tail ) {
			$response = $this->rest( $method, '/handoff-bot/v1/reports/alerts/999999' . $tail );
			$this->assertSame( 404, $response->get_status() );
			$this->assertSame( 'handoff_bot_alert_not_found', $response->get_data()['code'] );
			$this->assertNotEmpty( $response->get_data()['message'] );
		}
		$bad = array(
			array( 'status' => 'closed' ),
			array( 'days' => '0' ),
			array( 'per_page' => '500' ),
			array( 'page' => 'two' ),
		);
		foreach ( $bad as $params ) {
			$response = $this->rest( 'GET', '/handoff-bot/v1/reports/alerts', $params );
			$this->assertSame( 400, $response->get_status(), (string) wp_json_encode( $params ) );
			$this->assertSame( 'rest_invalid_param', $response->get_data()['code'] );
			$this->assertArrayHasKey( (string) array_key_first( $params ), $response->get_data()['data']['params'] );
		}
	}
}
