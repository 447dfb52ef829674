<?php
/**
 * `wp handoff-bot report`
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Cli;

use HandoffBot\Reports\Csv;
use HandoffBot\Reports\Metrics;
use HandoffBot\Reports\Period;
use HandoffBot\Reports\Period_Input;
use HandoffBot\Reports\Report_Tables;
use HandoffBot\Repositories\Storage_Exception;
use WP_CLI;
use WP_Error;

defined( 'ABSPATH' ) || exit;

/**
 * Prints the handoff report's tables (docs/METRICS.md, "Tables"): the same rows as the report
 * screen and its CSV export.
 *
 * @phpstan-import-type Report_Table from Report_Tables
 */
final class Report_Command {

	/**
	 * The metrics.
	 *
	 * @var Metrics
	 */
	private Metrics $metrics;

	/**
	 * Builds the command.
	 *
	 * @param Metrics $metrics The metrics.
	 */
	public function __construct( Metrics $metrics ) {
		$this->metrics = $metrics;
	}

	/**
	 * Prints the handoff report of a period.
	 *
	 * ## OPTIONS
	 *
	 * [--period=<period>]
	 * : last_7_days, last_30_days, month, quarter or custom (the site's time zone).
	 * ---
	 * default: last_30_days
	 * ---
	 *
	 * [--from=<date>]
	 * : First day (YYYY-MM-DD): custom periods; for month and quarter, a day inside.
	 *
	 * [--to=<date>]
	 * : Last day, included (YYYY-MM-DD): custom periods.
	 *
	 * [--compare]
	 * : Compare with the previous period of the same length (the comparison table).
	 *
	 * [--config-version=<version>]
	 * : Only conversations started under this configuration version.
	 * ---
	 * default: 0
	 * ---
	 *
	 * [--table=<name>]
	 * : One table, or all of them.
	 * ---
	 * default: all
	 * ---
	 *
	 * [--format=<format>]
	 * : table, csv or json.
	 * ---
	 * default: table
	 * ---
	 *
	 * ## EXAMPLES
	 *
	 *     wp handoff-bot report --period=month --from=2026-03-01 --compare
	 *     wp handoff-bot report --period=last_7_days --table=reasons --format=csv > reasons.csv
	 *
	 * @param string[]              $args       Positional arguments.
	 * @param array<string, string> $assoc_args Options.
	 */
	public function __invoke( array $args, array $assoc_args ): void {
		$name   = (string) ( $assoc_args['table'] ?? 'all' );
		$format = (string) ( $assoc_args['format'] ?? 'table' );
		if ( 'all' !== $name && ! in_array( $name, Report_Tables::names(), true ) ) {
			/* translators: %s: the table names, separated by commas. */
			WP_CLI::error( sprintf( __( 'There is no report table of that name. The tables are: %s.', 'handoff-bot' ), 'all, ' . implode( ', ', Report_Tables::names() ) ) );
			return;
		}
		if ( ! in_array( $format, array( 'table', 'csv', 'json' ), true ) ) {
			WP_CLI::error( __( 'The format must be table, csv or json.', 'handoff-bot' ) );
			return;
		}
		$period = Period_Input::parse( (string) ( $assoc_args['period'] ?? Period::LAST_30_DAYS ), (string) ( $assoc_args['from'] ?? '' ), (string) ( $assoc_args['to'] ?? '' ) );
		if ( $period instanceof WP_Error ) {
			WP_CLI::error( $period->get_error_message() );
			return;
		}
		$compare = isset( $assoc_args['compare'] ) || 'comparison' === $name;
		try {
			$summary = $this->metrics->summary( $period, $compare, max( 0, (int) ( $assoc_args['config-version'] ?? 0 ) ) );
		} catch ( Storage_Exception $e ) {
			/* translators: %s: the database's error message. */
			WP_CLI::error( sprintf( __( 'The report could not be read: %s', 'handoff-bot' ), $e->getMessage() ) );
			return;
		}
		$tables = 'all' === $name ? Report_Tables::all( $summary ) : array( $name => Report_Tables::table( $summary, $name ) );
		if ( ! $compare ) {
			unset( $tables['comparison'] );
		}
		$this->print( $tables, $format, $period );
	}

	/**
	 * Prints the tables.
	 *
	 * @param array<string, array> $tables The tables.
	 * @phpstan-param array<string, Report_Table> $tables
	 * @param string               $format table, csv or json.
	 * @param Period               $period The period.
	 */
	private function print( array $tables, string $format, Period $period ): void {
		if ( 'json' === $format ) {
			$out = 1 === count( $tables ) ? reset( $tables ) + array( 'period' => $period->to_array() ) : array(
				'period' => $period->to_array(),
				'tables' => $tables,
			);
			WP_CLI::line( (string) wp_json_encode( $out, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE ) );
			return;
		}
		if ( 'csv' === $format ) {
			// One table: the CSV alone. All: each after a line with its name, a blank line between.
			$parts = array();
			foreach ( $tables as $name => $table ) {
				$parts[] = ( 1 === count( $tables ) ? '' : $name . "\r\n" ) . Csv::table( $table );
			}
			WP_CLI::out( implode( "\r\n", $parts ) );
			return;
		}
		WP_CLI::log(
			/* translators: 1: first day, 2: last day. */
			sprintf( __( 'Handoff report, %1$s to %2$s', 'handoff-bot' ), $period->from(), $period->to() )
		);
		foreach ( $tables as $table ) {
			WP_CLI::log( '' );
			WP_CLI::log( $table['title'] );
			if ( ! $table['rows'] ) {
				WP_CLI::log( __( '(nothing in this period)', 'handoff-bot' ) );
				continue;
			}
			$rows = array();
			foreach ( $table['rows'] as $row ) {
				$rows[] = array_map( array( self::class, 'display' ), $row );
			}
			WP_CLI\Utils\format_items( 'table', $rows, array_keys( $table['columns'] ) );
		}
	}

	/**
	 * A cell as the terminal shows it: no value is empty, true and false are spelled out.
	 *
	 * @param int|float|string|bool|null $value Value.
	 */
	private static function display( $value ): string {
		if ( is_bool( $value ) ) {
			return $value ? 'true' : 'false';
		}
		return null === $value ? '' : (string) $value;
	}
}
