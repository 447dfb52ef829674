<?php
/**
 * Tests for `wp handoff-bot report`, run through the real WP-CLI.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Cli;

use HandoffBot\Reports\Csv;
use HandoffBot\Reports\Metrics;
use HandoffBot\Reports\Period;
use HandoffBot\Reports\Report_Tables;
use HandoffBot\Repositories\Report_Repository;
use HandoffBot\Settings;
use HandoffBot\Tests\Integration\Reports\Report_Scenario;
use HandoffBot\Tests\Integration\Test_Case;

require_once dirname( __DIR__ ) . '/Reports/Report_Fixtures.php';
require_once dirname( __DIR__ ) . '/Reports/Report_Scenario.php';

/**
 * The command runs in another process, so this test commits the week of Report_Scenario and its
 * time zone, and removes them afterwards.
 */
final class Report_Command_Test extends Test_Case {

	/**
	 * No transaction: WP-CLI must see the rows.
	 *
	 * @var bool
	 */
	protected bool $use_transaction = false;

	/**
	 * The tables the scenario writes to => the highest ID before it.
	 *
	 * @var array<string, int>
	 */
	private array $before = array();

	/**
	 * The time zone before.
	 *
	 * @var mixed
	 */
	private $zone;

	/**
	 * Commits the week, in New York time.
	 */
	protected function setUp(): void {
		parent::setUp();
		global $wpdb;
		foreach ( array( 'conversations', 'handoffs', 'events', 'config_versions' ) as $short ) {
			$this->before[ $short ] = (int) $wpdb->get_var( $wpdb->prepare( 'SELECT COALESCE(MAX(id), 0) FROM %i', $wpdb->prefix . 'handoff_bot_' . $short ) );
		}
		$this->zone = get_option( 'timezone_string' );
		update_option( 'timezone_string', 'America/New_York' );
		( new Report_Scenario() )->build();
	}

	/**
	 * Removes the week's rows and restores the time zone.
	 */
	protected function tearDown(): void {
		global $wpdb;
		foreach ( $this->before as $short => $max ) {
			$wpdb->query( $wpdb->prepare( 'DELETE FROM %i WHERE id > %d', $wpdb->prefix . 'handoff_bot_' . $short, $max ) );
		}
		update_option( 'timezone_string', $this->zone );
		parent::tearDown();
	}

	/**
	 * Runs the command.
	 *
	 * @param string $options Its options.
	 * @return array{0: int, 1: string, 2: string} Exit status, standard output, standard error.
	 */
	private function wp( string $options ): array {
		$wp = dirname( __DIR__, 4 ) . '/vendor/wp-cli/wp-cli/php/boot-fs.php';
		if ( ! is_file( $wp ) ) {
			$this->markTestSkipped( 'WP-CLI is installed by `composer install`.' );
		}
		$err     = (string) tempnam( get_temp_dir(), 'report-stderr' );
		$command = sprintf(
			'%s -d error_reporting=%d %s --allow-root --path=%s handoff-bot report %s 2>%s',
			escapeshellarg( PHP_BINARY ),
			E_ALL & ~E_DEPRECATED,
			escapeshellarg( $wp ),
			escapeshellarg( ABSPATH ),
			$options,
			escapeshellarg( $err )
		);
		exec( $command, $output, $status ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.system_calls_exec -- runs the real WP-CLI.
		$stderr = (string) file_get_contents( $err ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- a local temporary file.
		wp_delete_file( $err );
		return array( $status, implode( "\n", $output ), $stderr );
	}

	/**
	 * One table as CSV: the same bytes as the export route sends, with the week's figures.
	 */
	public function test_a_table_as_csv(): void {
		list( $status, $out, $err ) = $this->wp( '--period=custom --from=2026-03-02 --to=2026-03-08 --table=reasons --format=csv' );
		$this->assertSame( 0, $status, $out . $err );
		$lines = explode( "\n", str_replace( "\r", '', $out ) );
		$this->assertSame( 'Reason,Handoffs,Share', $lines[0] );
		$this->assertSame( 'user_requested,2,0.4', $lines[1] );
		$this->assertContains( 'missing_knowledge,1,0.2', $lines );

		$period   = Period::from_preset( Period::CUSTOM, '2026-03-02', '2026-03-08', wp_timezone(), new \DateTimeImmutable( 'now' ) );
		$expected = Csv::table( Report_Tables::table( ( new Metrics( new Report_Repository(), new Settings() ) )->summary( $period, false, 0 ), 'reasons' ) );
		$this->assertSame( str_replace( "\r", '', rtrim( $expected ) ), str_replace( "\r", '', $out ) );
	}

	/**
	 * Every table as JSON, with the comparison when asked for.
	 */
	public function test_every_table_as_json(): void {
		list( $status, $out, $err ) = $this->wp( '--period=custom --from=2026-03-02 --to=2026-03-08 --compare --format=json' );
		$this->assertSame( 0, $status, $out . $err );
		$json = json_decode( $out, true );
		$this->assertIsArray( $json, $out );
		$this->assertSame( '2026-03-02', $json['period']['from'] );
		$this->assertSame( Report_Tables::names(), array_keys( $json['tables'] ) );
		$overview = array_column( $json['tables']['overview']['rows'], 'value', 'measure' );
		$this->assertSame( 8, $overview['conversations'] );
		$this->assertSame( 0.625, $overview['escalation_rate'] );
		$changes = array_column( $json['tables']['comparison']['rows'], 'previous', 'measure' );
		$this->assertSame( 2, $changes['conversations'] );
	}

	/**
	 * The terminal table: each table's title, then its rows.
	 */
	public function test_tables_for_the_terminal(): void {
		list( $status, $out, $err ) = $this->wp( '--period=custom --from=2026-03-02 --to=2026-03-08' );
		$this->assertSame( 0, $status, $out . $err );
		$this->assertStringContainsString( 'Handoff report, 2026-03-02 to 2026-03-08', $out );
		$this->assertStringContainsString( 'Automation candidates by topic', $out );
		$this->assertMatchesRegularExpression( '/^\|?\s*delivery times[\s|]+2\b/m', $out );
		$this->assertStringNotContainsString( 'Change from the previous period', $out, 'no comparison unless asked' );
	}

	/**
	 * Bad input: a clear `Error:` line and a non-zero exit.
	 */
	public function test_bad_input_is_a_clear_error(): void {
		foreach ( array(
			'--table=everything'                => 'There is no report table of that name',
			'--format=xlsx'                     => 'The format must be table, csv or json',
			'--period=year'                     => 'The period must be one of',
			'--period=custom --from=2026-03-02' => 'A custom period needs both a from and a to date',
			'--period=custom --from=2026-02-30 --to=2026-03-02' => 'The dates must be real days',
		) as $options => $message ) {
			list( $status, $out, $err ) = $this->wp( $options );
			$this->assertNotSame( 0, $status, $options );
			$this->assertStringContainsString( 'Error: ' . $message, $err, $options . ': ' . $out );
			$this->assertStringNotContainsString( 'Fatal error', $out . $err );
		}
	}
}
