<?php
/**
 * The report's REST routes: who may read them, what bad input gets, and the drill-down.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Reports;

use HandoffBot\Capabilities;
use HandoffBot\Tests\Integration\Test_Case;
use WP_REST_Response;

require_once __DIR__ . '/Report_Fixtures.php';
require_once __DIR__ . '/Report_Scenario.php';

/**
 * GET /reports/summary and GET /reports/conversations over the week of Report_Scenario.
 */
final class Reports_Controller_Test extends Test_Case {

	/**
	 * The scenario.
	 *
	 * @var Report_Scenario
	 */
	private Report_Scenario $scenario;

	/**
	 * New York time, the roles, and the scenario's rows.
	 */
	protected function setUp(): void {
		parent::setUp();
		update_option( 'timezone_string', 'America/New_York' );
		update_option( 'gmt_offset', '' );
		Capabilities::grant();
		$this->scenario = new Report_Scenario();
		$this->scenario->build();
	}

	/**
	 * The week.
	 *
	 * @var array<string, string>
	 */
	private const WEEK = array(
		'period' => 'custom',
		'from'   => '2026-03-02',
		'to'     => '2026-03-08',
	);

	/**
	 * Calls both routes.
	 *
	 * @param array<string, string> $headers Headers.
	 * @return array<string, WP_REST_Response>
	 */
	private function both( array $headers = array() ): array {
		return array(
			'summary'       => $this->rest( 'GET', '/handoff-bot/v1/reports/summary', self::WEEK, $headers ),
			'conversations' => $this->rest( 'GET', '/handoff-bot/v1/reports/conversations', self::WEEK, $headers ),
		);
	}

	/**
	 * Asserts both routes refused, with a code and without a figure.
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
			$this->assertStringNotContainsString( 'billing_dispute', $body, $who . ' sees no figure' );
		}
	}

	/**
	 * Signed out, and a visitor holding their conversation's token: 401.
	 */
	public function test_anonymous_and_visitors_are_refused(): void {
		$this->assert_refused( $this->both(), 401, 'anonymous' );
		list( , $token ) = $this->start_conversation();
		$this->assert_refused( $this->both( array( 'X-Handoff-Bot-Token' => $token ) ), 401, 'a visitor' );
	}

	/**
	 * A subscriber and a support agent are signed in without `handoff_bot_manage`: 403.
	 */
	public function test_subscribers_and_agents_are_refused(): void {
		wp_set_current_user( $this->create_user( 'subscriber' ) );
		$this->assert_refused( $this->both(), 403, 'a subscriber' );
		wp_set_current_user( $this->create_user( Capabilities::ROLE ) );
		$this->assertTrue( current_user_can( Capabilities::AGENT ) );
		$this->assert_refused( $this->both(), 403, 'an agent' );
	}

	/**
	 * An administrator reads the report, which no cache keeps.
	 */
	public function test_an_administrator_reads_the_report(): void {
		wp_set_current_user( $this->create_user( 'administrator' ) );
		$responses = $this->both();
		$this->assertSame( 200, $responses['summary']->get_status(), (string) wp_json_encode( $responses['summary']->get_data() ) );
		$data = $responses['summary']->get_data();
		$this->assertSame( 0.625, $data['metrics']['escalation']['rate'] );
		$this->assertArrayNotHasKey( 'comparison', $data, 'compare is asked for' );
		$this->assertSame( 'no-store, private', $responses['summary']->get_headers()['Cache-Control'] );
		$this->assertSame( 200, $responses['conversations']->get_status() );
		$this->assertSame( '5', $responses['conversations']->get_headers()['X-WP-Total'] );

		$compared = $this->rest( 'GET', '/handoff-bot/v1/reports/summary', self::WEEK + array( 'compare' => '1' ) );
		$this->assertSame( 2, $compared->get_data()['comparison']['metrics']['conversations'] );
	}

	/**
	 * The preset periods answer too; a month is the calendar month holding the day given.
	 */
	public function test_presets(): void {
		wp_set_current_user( $this->create_user( 'administrator' ) );
		foreach ( array(
			'last_7_days'  => 7,
			'last_30_days' => 30,
		) as $preset => $days ) {
			$response = $this->rest( 'GET', '/handoff-bot/v1/reports/summary', array( 'period' => $preset ) );
			$this->assertSame( 200, $response->get_status() );
			$this->assertSame( $days, $response->get_data()['period']['days'] );
			$this->assertSame( wp_date( 'Y-m-d' ), $response->get_data()['period']['to'] );
		}
		$month = $this->rest(
			'GET',
			'/handoff-bot/v1/reports/summary',
			array(
				'period' => 'month',
				'from'   => '2026-03-15',
			)
		)->get_data();
		$this->assertSame( array( '2026-03-01', '2026-03-31', '2026-03-01 05:00:00', '2026-04-01 04:00:00' ), array( $month['period']['from'], $month['period']['to'], $month['period']['start_utc'], $month['period']['end_utc'] ) );
		$this->assertSame( 10, $month['metrics']['conversations'], 'the week\'s eight, X1 (1 March local) and X2 (9 March); not X3 (February)' );
		$quarter = $this->rest(
			'GET',
			'/handoff-bot/v1/reports/summary',
			array(
				'period' => 'quarter',
				'from'   => '2026-02-10',
			)
		)->get_data();
		$this->assertSame( array( '2026-01-01', '2026-03-31', 90 ), array( $quarter['period']['from'], $quarter['period']['to'], $quarter['period']['days'] ) );
		$this->assertSame( 11, $quarter['metrics']['conversations'], 'X3 too' );
	}

	/**
	 * Bad periods get a 400 with a code and a message.
	 */
	public function test_bad_periods_are_refused_clearly(): void {
		wp_set_current_user( $this->create_user( 'administrator' ) );
		$cases = array(
			array(
				array(
					'period' => 'custom',
					'from'   => '2026-03-02',
				),
				'handoff_bot_bad_period',
			),
			array(
				array(
					'period' => 'custom',
					'from'   => '2026-03-08',
					'to'     => '2026-03-02',
				),
				'handoff_bot_bad_period',
			),
			array(
				array(
					'period' => 'custom',
					'from'   => '2024-01-01',
					'to'     => '2026-03-02',
				),
				'handoff_bot_bad_period',
			),
			array(
				array(
					'period' => 'custom',
					'from'   => '2026-02-30',
					'to'     => '2026-03-02',
				),
				'handoff_bot_bad_date',
			),
			array( array( 'period' => 'year' ), 'rest_invalid_param' ),
			array( array( 'from' => '02/03/2026' ), 'rest_invalid_param' ),
			array( array( 'config_version' => '-1' ), 'rest_invalid_param' ),
		);
		foreach ( array( 'summary', 'conversations' ) as $route ) {
			foreach ( $cases as list( $params, $code ) ) {
				$response = $this->rest( 'GET', '/handoff-bot/v1/reports/' . $route, $params );
				$label    = $route . ' ' . (string) wp_json_encode( $params );
				$this->assertSame( 400, $response->get_status(), $label );
				$this->assertSame( $code, $response->get_data()['code'], $label );
				$this->assertNotSame( '', (string) $response->get_data()['message'], $label );
			}
		}
	}

	/**
	 * The conversations behind a figure: filtered, newest first, a page at a time.
	 */
	public function test_drill_down(): void {
		wp_set_current_user( $this->create_user( 'administrator' ) );
		$ids  = $this->scenario->ids;
		$rows = function ( array $params ) {
			$response = $this->rest( 'GET', '/handoff-bot/v1/reports/conversations', self::WEEK + $params );
			$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
			return array( array_column( $response->get_data(), 'handoff_id' ), (int) $response->get_headers()['X-WP-Total'] );
		};
		$this->assertSame( array( array( $ids['h5'], $ids['h3'] ), 2 ), $rows( array( 'reason' => 'user_requested' ) ), 'the user-requested handoffs of the week, not X2\'s after it' );
		$this->assertSame( array( array( $ids['h7'], $ids['h5'], $ids['h4'] ), 3 ), $rows( array( 'tag' => 'bot_could_answer' ) ) );
		$this->assertSame( array( array( $ids['h5'] ), 1 ), $rows( array( 'tag' => 'escalation_failed' ) ) );
		$this->assertSame(
			array( array( $ids['h5'], $ids['h4'] ), 2 ),
			$rows(
				array(
					'intent'       => 'shipping',
					'route_reason' => 'live',
				)
			)
		);
		$this->assertSame( array( array( $ids['h6'] ), 1 ), $rows( array( 'trigger' => 'rule' ) ) );
		$this->assertSame( array( array( $ids['h7'], $ids['h6'], $ids['h5'], $ids['h4'] ), 4 ), $rows( array( 'config_version' => '2' ) ) );
		$this->assertSame(
			array( array( $ids['h5'] ), 3 ),
			$rows(
				array(
					'tag'      => 'bot_could_answer',
					'per_page' => '1',
					'page'     => '2',
				)
			)
		);
		$this->assertSame( array( array(), 0 ), $rows( array( 'reason' => 'action_required' ) ) );

		$row = $this->rest( 'GET', '/handoff-bot/v1/reports/conversations', self::WEEK + array( 'trigger' => 'rule' ) )->get_data()[0];
		$this->assertSame(
			array(
				'conversation_id' => $ids['c6'],
				'handoff_id'      => $ids['h6'],
				'reason'          => 'sensitive_account',
				'intent'          => 'privacy',
				'route'           => 'private',
				'outcome'         => '',
				'requested_at'    => '2026-03-07 12:01:00',
			),
			array_intersect_key( $row, array_flip( array( 'conversation_id', 'handoff_id', 'reason', 'intent', 'route', 'outcome', 'requested_at' ) ) )
		);
	}

	/**
	 * The conversations behind a save rate are the handoffs it counts: accepted=1 with the
	 * reason, intent or team lists as many handoffs as the figure's `accepted`.
	 */
	public function test_the_save_rates_drill_down_lists_the_handoffs_they_count(): void {
		wp_set_current_user( $this->create_user( 'administrator' ) );
		$total = function ( array $params ): int {
			$response = $this->rest( 'GET', '/handoff-bot/v1/reports/conversations', self::WEEK + $params );
			$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
			return (int) $response->get_headers()['X-WP-Total'];
		};
		$saves = $this->rest( 'GET', '/handoff-bot/v1/reports/summary', self::WEEK )->get_data()['metrics']['saves'];
		$this->assertGreaterThan( 0, $saves['accepted'], 'the scenario has accepted handoffs' );
		$this->assertSame( $saves['accepted'], $total( array( 'accepted' => '1' ) ) );
		$this->assertSame( 5 - $saves['accepted'], $total( array( 'accepted' => '0' ) ), 'the week\'s other handoffs' );
		$compared = 0;
		foreach ( array( 'reason', 'intent', 'team' ) as $by ) {
			foreach ( $saves[ 'by_' . $by ] as $row ) {
				$this->assertSame(
					$row['accepted'],
					$total(
						array(
							$by        => $row['key'],
							'accepted' => '1',
						)
					),
					"the save rate of {$by} “{$row['key']}”"
				);
				$all       = $total( array( $by => $row['key'] ) );
				$compared += $all > $row['accepted'] ? 1 : 0;
			}
		}
		$this->assertGreaterThan( 0, $compared, 'without accepted=1 some drill-down lists more handoffs than its save rate counts' );
		$bad = $this->rest( 'GET', '/handoff-bot/v1/reports/conversations', self::WEEK + array( 'accepted' => 'maybe' ) );
		$this->assertSame( 400, $bad->get_status() );
	}
}
