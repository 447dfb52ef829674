<?php
/**
 * What an investigation reads: the alert's window and the one before, with their metrics.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Reports\Alerts;

use HandoffBot\Reports\Period;
use HandoffBot\Repositories\Report_Alert_Repository;

defined( 'ABSPATH' ) || exit;

/**
 * Immutable, with the helpers every step uses: the drill-down filter of a step (the parameters of
 * GET /reports/conversations for the alert's window), and the step's own shape.
 *
 * @phpstan-import-type Report_Alert from Report_Alert_Repository
 * @phpstan-type Investigation_Step array{key: string, title: string, finding: string, data: array{columns: list<string>, kinds: list<string>, row_kinds: list<string>, rows: list<list<string|int|float|null>>}, drill_down: array<string, string>|null}
 */
final class Investigation_Window {

	/** A cell read as it is (a label, a code, a date). */
	public const TEXT = 'text';

	/** A whole number. */
	public const COUNT = 'count';

	/** A share, 0–1: read as a percentage. */
	public const SHARE = 'share';

	/** A difference of two shares: read in percentage points. */
	public const POINTS = 'points';

	/** A duration in seconds. */
	public const SECONDS = 'seconds';

	/** A number with decimals (a mean, a median, a ratio). */
	public const MEAN = 'mean';

	/** The column's cells read as their row says (row_kinds): a table of figures of mixed kinds. */
	public const BY_ROW = 'by_row';

	/**
	 * The alert.
	 *
	 * @var Report_Alert
	 */
	public array $alert;

	/**
	 * The alert's window.
	 *
	 * @var Period
	 */
	public Period $period;

	/**
	 * The window before it.
	 *
	 * @var Period
	 */
	public Period $previous;

	/**
	 * The window's metrics.
	 *
	 * @var array<string, mixed>
	 */
	public array $now;

	/**
	 * The metrics of the window before.
	 *
	 * @var array<string, mixed>
	 */
	public array $then;

	/**
	 * Reads.
	 *
	 * @var Report_Alert_Repository
	 */
	public Report_Alert_Repository $reads;

	/**
	 * Builds the window.
	 *
	 * @param array                   $alert  The alert.
	 * @phpstan-param Report_Alert $alert
	 * @param Period                  $period The alert's window.
	 * @param array<string, mixed>    $now    Its metrics.
	 * @param array<string, mixed>    $then   The metrics of the window before.
	 * @param Report_Alert_Repository $reads  Reads.
	 */
	public function __construct( array $alert, Period $period, array $now, array $then, Report_Alert_Repository $reads ) {
		$this->alert    = $alert;
		$this->period   = $period;
		$this->previous = $period->previous();
		$this->now      = $now;
		$this->then     = $then;
		$this->reads    = $reads;
	}

	/**
	 * The drill-down of the alert's window with filters (GET /reports/conversations parameters).
	 *
	 * @param array<string, string> $filter Parameter => value.
	 * @return array<string, string>
	 */
	public function drill( array $filter ): array {
		return array(
			'period' => Period::CUSTOM,
			'from'   => $this->period->from(),
			'to'     => $this->period->to(),
		) + $filter;
	}

	/**
	 * Handoffs counted by one column, in this window and the one before: value => [now, then],
	 * most now first.
	 *
	 * @param string                $column Column of Report_Alert_Repository::COLUMNS.
	 * @param array<string, string> $filter Column => value.
	 * @return array<string, array{0: int, 1: int}>
	 */
	public function counts( string $column, array $filter = array() ): array {
		$out = array();
		foreach ( $this->reads->handoff_counts( $this->period->start_utc(), $this->period->end_utc(), array( $column ), $filter ) as $row ) {
			$out[ (string) $row[ $column ] ] = array( (int) $row['handoffs'], 0 );
		}
		foreach ( $this->reads->handoff_counts( $this->previous->start_utc(), $this->previous->end_utc(), array( $column ), $filter ) as $row ) {
			$key         = (string) $row[ $column ];
			$out[ $key ] = array( $out[ $key ][0] ?? 0, (int) $row['handoffs'] );
		}
		return $out;
	}

	/**
	 * A figure of the metrics at a path, now and before.
	 *
	 * @param array<int, string> $path Keys.
	 * @phpstan-param list<string> $path
	 * @return array{0: int|float|null, 1: int|float|null}
	 */
	public function pair( array $path ): array {
		return array( self::pick( $this->now, $path ), self::pick( $this->then, $path ) );
	}

	/**
	 * A figure at a path, or null.
	 *
	 * @param array<string, mixed> $metrics Metrics.
	 * @param array<int, string>   $path    Keys.
	 * @phpstan-param list<string> $path
	 * @return int|float|null
	 */
	private static function pick( array $metrics, array $path ) {
		$value = $metrics;
		foreach ( $path as $key ) {
			if ( ! is_array( $value ) || ! array_key_exists( $key, $value ) ) {
				return null;
			}
			$value = $value[ $key ];
		}
		return is_int( $value ) || is_float( $value ) ? $value : null;
	}

	/**
	 * One step. Each column says how its cells read (one of the kinds above), so the screen
	 * formats a share as a percentage whatever the language of the headings; a column of kind
	 * BY_ROW takes the kind of each row from $row_kinds.
	 *
	 * @param string                            $key       Stable key.
	 * @param string                            $title     Title.
	 * @param string                            $finding   One sentence.
	 * @param array<int, string>                $columns   Column titles.
	 * @phpstan-param list<string> $columns
	 * @param array<int, string>                $kinds     How each column reads, one per column.
	 * @phpstan-param list<string> $kinds
	 * @param list<list<string|int|float|null>> $rows      Rows.
	 * @param array<string, string>|null        $drill     Drill-down parameters, or null.
	 * @param array<int, string>                $row_kinds How each row reads in BY_ROW columns, one per row.
	 * @phpstan-param list<string> $row_kinds
	 * @return Investigation_Step
	 */
	public static function step( string $key, string $title, string $finding, array $columns, array $kinds, array $rows, ?array $drill, array $row_kinds = array() ): array {
		return array(
			'key'        => $key,
			'title'      => $title,
			'finding'    => $finding,
			'data'       => array(
				'columns'   => $columns,
				'kinds'     => $kinds,
				'row_kinds' => $row_kinds,
				'rows'      => $rows,
			),
			'drill_down' => $drill,
		);
	}

	/**
	 * A share as a percentage for a sentence ("42.5 %"), or "–" when unknown.
	 *
	 * @param int|float|null $share Share (0–1).
	 */
	public static function percent( $share ): string {
		return null === $share ? '–' : number_format_i18n( (float) $share * 100, 1 ) . ' %';
	}

	/**
	 * The configuration changes saved in the two windows: the step that asks whether one came
	 * first.
	 *
	 * @return Investigation_Step
	 */
	public function versions_step(): array {
		$saved = $this->reads->versions_saved( $this->previous->start_utc(), $this->period->end_utc() );
		$rows  = array();
		foreach ( $saved as $row ) {
			$rows[] = array( $row['created_at'], $row['area'], $row['version'], $row['note'], $row['expected_impact'] );
		}
		if ( ! $saved ) {
			$finding = __( 'No configuration change (rules, answer settings, knowledge, connections, hours) was saved in either window: look at content and traffic instead.', 'handoff-bot' );
		} else {
			$last    = $saved[ count( $saved ) - 1 ];
			$finding = sprintf(
				/* translators: 1: number of changes, 2: area of the latest, 3: when (UTC), 4: its change note. */
				_n( '%1$d configuration change was saved in the two windows; the latest, to %2$s on %3$s UTC: “%4$s”.', '%1$d configuration changes were saved in the two windows; the latest, to %2$s on %3$s UTC: “%4$s”.', count( $saved ), 'handoff-bot' ),
				count( $saved ),
				$last['area'],
				$last['created_at'],
				$last['note']
			);
		}
		return self::step(
			'config_changed',
			__( 'Did a configuration change come first?', 'handoff-bot' ),
			$finding,
			array( __( 'Saved (UTC)', 'handoff-bot' ), __( 'Area', 'handoff-bot' ), __( 'Version', 'handoff-bot' ), __( 'Change note', 'handoff-bot' ), __( 'Expected impact', 'handoff-bot' ) ),
			array( self::TEXT, self::TEXT, self::TEXT, self::TEXT, self::TEXT ),
			$rows,
			null
		);
	}
}
