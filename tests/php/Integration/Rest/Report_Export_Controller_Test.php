<?php
/**
 * GET /reports/export: who may export, what the CSV holds, what bad input gets.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Rest;

use HandoffBot\Capabilities;
use HandoffBot\Tests\Integration\Reports\Report_Fixtures;
use HandoffBot\Tests\Integration\Reports\Report_Scenario;
use HandoffBot\Tests\Integration\Test_Case;
use WP_REST_Request;
use WP_REST_Response;

require_once dirname( __DIR__ ) . '/Reports/Report_Fixtures.php';
require_once dirname( __DIR__ ) . '/Reports/Report_Scenario.php';

/**
 * The week of Report_Scenario, exported table by table.
 */
final class Report_Export_Controller_Test extends Test_Case {

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
	 * The route.
	 */
	private const ROUTE = '/handoff-bot/v1/reports/export';

	/**
	 * New York time, the roles, and the scenario's rows.
	 */
	protected function setUp(): void {
		parent::setUp();
		update_option( 'timezone_string', 'America/New_York' );
		update_option( 'gmt_offset', '' );
		Capabilities::grant();
		( new Report_Scenario() )->build();
	}

	/**
	 * Exports a table of the week.
	 *
	 * @param array<string, string> $params  Parameters besides the week's.
	 * @param array<string, string> $headers Headers.
	 */
	private function export( array $params, array $headers = array() ): WP_REST_Response {
		return $this->rest( 'GET', self::ROUTE, $params + self::WEEK, $headers );
	}

	/**
	 * Asserts a refusal with a code and without a figure.
	 *
	 * @param WP_REST_Response $response Response.
	 * @param int              $status   Expected status.
	 * @param string           $who      Who asked.
	 */
	private function assert_refused( WP_REST_Response $response, int $status, string $who ): void {
		$body = (string) wp_json_encode( $response->get_data() );
		$this->assertSame( $status, $response->get_status(), $who . ': ' . $body );
		$this->assertSame( 'handoff_bot_forbidden', $response->get_data()['code'], $who );
		$this->assertStringNotContainsString( 'billing_dispute', $body, $who . ' sees no figure' );
	}

	/**
	 * Signed out, a visitor with their token, a subscriber and an agent are refused; an
	 * administrator exports.
	 */
	public function test_only_people_who_manage_the_plugin_export(): void {
		$params = array( 'table' => 'escalation_by_intent' );
		$this->assert_refused( $this->export( $params ), 401, 'anonymous' );
		list( , $token ) = $this->start_conversation();
		$this->assert_refused( $this->export( $params, array( 'X-Handoff-Bot-Token' => $token ) ), 401, 'a visitor' );
		wp_set_current_user( $this->create_user( 'subscriber' ) );
		$this->assert_refused( $this->export( $params ), 403, 'a subscriber' );
		wp_set_current_user( $this->create_user( Capabilities::ROLE ) );
		$this->assertTrue( current_user_can( Capabilities::AGENT ) );
		$this->assert_refused( $this->export( $params ), 403, 'an agent' );
		wp_set_current_user( $this->create_user( 'administrator' ) );
		$this->assertSame( 200, $this->export( $params )->get_status() );
	}

	/**
	 * A CSV download: its type, its file name, headings then the week's rows, as sent over HTTP.
	 */
	public function test_a_table_as_csv(): void {
		wp_set_current_user( $this->create_user( 'administrator' ) );
		$response = $this->export( array( 'table' => 'saves_by_reason' ) );
		$this->assertSame( 200, $response->get_status() );
		$headers = $response->get_headers();
		$this->assertSame( 'text/csv; charset=utf-8', $headers['Content-Type'] );
		$this->assertSame( 'attachment; filename="handoff-bot-saves-by-reason-2026-03-02-2026-03-08.csv"', $headers['Content-Disposition'] );
		$this->assertSame( 'no-store, private', $headers['Cache-Control'] );
		$this->assertSame( "Reason,Accepted,Resolved,Rate\r\nfrustration,1,0,0\r\nuser_requested,1,1,1\r\n", $response->get_data() );

		// The REST server would send a string as JSON; the route sends the CSV as it is.
		$request = new WP_REST_Request( 'GET', self::ROUTE );
		ob_start();
		$served = apply_filters( 'rest_pre_serve_request', false, $response, $request, rest_get_server() );
		$body   = (string) ob_get_clean();
		$this->assertTrue( $served );
		$this->assertSame( $response->get_data(), $body );

		// Other routes are served as JSON still.
		$summary = $this->rest( 'GET', '/handoff-bot/v1/reports/summary', self::WEEK );
		ob_start();
		$served = apply_filters( 'rest_pre_serve_request', false, $summary, new WP_REST_Request( 'GET', '/handoff-bot/v1/reports/summary' ), rest_get_server() );
		$this->assertSame( '', ob_get_clean() );
		$this->assertFalse( $served );
	}

	/**
	 * The CSV holds the rows the JSON (and the report screen) holds, for every table.
	 */
	public function test_csv_rows_match_the_json_rows(): void {
		wp_set_current_user( $this->create_user( 'administrator' ) );
		foreach ( array( 'escalation_by_intent', 'reasons_by_day', 'drift_by_version', 'comparison', 'effort' ) as $table ) {
			$json = $this->export(
				array(
					'table'  => $table,
					'format' => 'json',
				)
			)->get_data();
			$this->assertSame( $table, $json['name'] );
			$this->assertSame( '2026-03-02', $json['period']['from'] );
			$lines = explode( "\r\n", rtrim( (string) $this->export( array( 'table' => $table ) )->get_data(), "\r\n" ) );
			$this->assertSame( array_values( $json['columns'] ), str_getcsv( $lines[0], ',', '"', '' ), $table );
			$this->assertCount( count( $json['rows'] ) + 1, $lines, $table );
			foreach ( $json['rows'] as $i => $row ) {
				$expected = array();
				foreach ( array_keys( $json['columns'] ) as $key ) {
					$value      = $row[ $key ];
					$expected[] = null === $value ? '' : ( is_bool( $value ) ? ( $value ? 'true' : 'false' ) : (string) $value );
				}
				$this->assertSame( $expected, str_getcsv( $lines[ $i + 1 ], ',', '"', '' ), $table . ' row ' . $i );
			}
		}//end foreach
		$rows = $this->export(
			array(
				'table'  => 'comparison',
				'format' => 'json',
			)
		)->get_data()['rows'];
		$this->assertSame( 'conversations', $rows[0]['measure'] );
		$this->assertSame( 2, $rows[0]['previous'], 'the comparison table compares without being asked' );
	}

	/**
	 * Text a visitor or an agent typed cannot become a spreadsheet formula.
	 */
	public function test_cells_are_safe_to_open_in_a_spreadsheet(): void {
		wp_set_current_user( $this->create_user( 'administrator' ) );
		$fixtures     = new Report_Fixtures();
		$conversation = $fixtures->conversation( '2026-03-04 15:00:00' );
		$fixtures->handoff(
			$conversation,
			array(
				'tags'         => 'bot_could_answer',
				'topic'        => '=HYPERLINK("http://evil.test","refund, now")',
				'requested_at' => '2026-03-04 15:01:00',
			)
		);
		$csv = (string) $this->export( array( 'table' => 'automation_by_topic' ) )->get_data();
		$this->assertStringContainsString( "\r\n\"'=HYPERLINK(\"\"http://evil.test\"\",\"\"refund, now\"\")\",1\r\n", $csv );
		$rows = array_map(
			static fn( string $line ): array => str_getcsv( $line, ',', '"', '' ),
			explode( "\r\n", rtrim( $csv, "\r\n" ) )
		);
		$this->assertContains( array( '\'=HYPERLINK("http://evil.test","refund, now")', '1' ), $rows );
		foreach ( $rows as $cells ) {
			foreach ( $cells as $cell ) {
				$this->assertDoesNotMatchRegularExpression( '/^[=+@]/', $cell );
			}
		}
	}

	/**
	 * An unknown table, a bad period, a bad date and a bad format get a 400 with a code and a
	 * message, never a 500.
	 */
	public function test_bad_input_is_refused_clearly(): void {
		wp_set_current_user( $this->create_user( 'administrator' ) );
		$cases = array(
			array( array( 'table' => 'everything' ), 'handoff_bot_unknown_table' ),
			array( array( 'table' => '' ), 'handoff_bot_unknown_table' ),
			array(
				array(
					'table'  => 'reasons',
					'format' => 'xlsx',
				),
				'handoff_bot_bad_format',
			),
			array(
				array(
					'table'  => 'reasons',
					'period' => 'year',
				),
				'handoff_bot_bad_period',
			),
			array(
				array(
					'table' => 'reasons',
					'to'    => '2026-03-01',
				),
				'handoff_bot_bad_period',
			),
			array(
				array(
					'table' => 'reasons',
					'from'  => '2026-02-30',
				),
				'handoff_bot_bad_date',
			),
			array(
				array(
					'table' => 'reasons',
					'from'  => '02/03/2026',
				),
				'rest_invalid_param',
			),
		);
		foreach ( $cases as list( $params, $code ) ) {
			$response = $this->export( $params );
			$label    = (string) wp_json_encode( $params );
			$this->assertSame( 400, $response->get_status(), $label );
			$this->assertSame( $code, $response->get_data()['code'], $label );
			$this->assertNotSame( '', (string) $response->get_data()['message'], $label );
		}
		$missing = $this->rest(
			'GET',
			self::ROUTE,
			array(
				'period' => 'custom',
				'from'   => '2026-03-02',
			)
		);
		$this->assertSame( 400, $missing->get_status() );
		$this->assertSame( 'rest_missing_callback_param', $missing->get_data()['code'] );
	}
}
