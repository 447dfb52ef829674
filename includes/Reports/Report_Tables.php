<?php
/**
 * The report's tables: a summary as named flat tables with column headings.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Reports;

defined( 'ABSPATH' ) || exit;

/**
 * Pure. Turns a Metrics::summary() result into the tables the report shows, each a name, a title,
 * its columns (key => heading) and its rows (column key => a number, a string, a boolean or null
 * for "no value"). The CSV export, `wp handoff-bot report` and the report screen all use these
 * names and columns (docs/METRICS.md, "Tables"), so an export holds the rows the screen shows.
 *
 * @phpstan-type Report_Cell int|float|string|bool|null
 * @phpstan-type Report_Table array{name: string, title: string, columns: array<string, string>, rows: list<array<string, Report_Cell>>}
 */
final class Report_Tables {

	/**
	 * The tables read from a list in the summary: name => [path to the list, columns (output
	 * key => key in each item, or a plain key when the same)].
	 */
	private const LISTS = array(
		'escalation_by_intent'  => array( array( 'metrics', 'escalation', 'intents' ), array( 'intent', 'label', 'policy', 'expects_person', 'conversations', 'handed_off', 'rate' ) ),
		'triggers_by_day'       => array( array( 'metrics', 'triggers', 'days' ), array( 'day', 'user', 'system' ) ),
		'turns_before_transfer' => array( array( 'metrics', 'turns', 'buckets' ), array( 'turns', 'handoffs', 'unproductive_turns' ) ),
		'completeness_by_day'   => array( array( 'metrics', 'completeness', 'days' ), array( 'day', 'handoffs', 'score' ) ),
		'saves_by_reason'       => array(
			array( 'metrics', 'saves', 'by_reason' ),
			array(
				'reason'   => 'key',
				'accepted' => 'accepted',
				'resolved' => 'resolved',
				'rate'     => 'rate',
			),
		),
		'saves_by_intent'       => array(
			array( 'metrics', 'saves', 'by_intent' ),
			array(
				'intent'   => 'key',
				'accepted' => 'accepted',
				'resolved' => 'resolved',
				'rate'     => 'rate',
			),
		),
		'saves_by_team'         => array(
			array( 'metrics', 'saves', 'by_team' ),
			array(
				'team'     => 'key',
				'accepted' => 'accepted',
				'resolved' => 'resolved',
				'rate'     => 'rate',
			),
		),
		'automation_by_topic'   => array( array( 'metrics', 'automation', 'topics' ), array( 'topic', 'handoffs' ) ),
		'reasons'               => array( array( 'metrics', 'reasons' ), array( 'reason', 'handoffs', 'share' ) ),
		'drift_by_version'      => array( array( 'drift', 'versions' ), array( 'config_version', 'conversations', 'handoffs', 'escalation_rate', 'user_share', 'median_turn', 'save_rate', 'completeness', 'transfer_success_rate', 'abandonment_rate', 'satisfaction_bot', 'satisfaction_person' ) ),
		'config_changes'        => array( array( 'drift', 'changes' ), array( 'created_at', 'area', 'version', 'config_version', 'note', 'expected_impact' ) ),
	);

	/**
	 * The tables read from a map (key => figure) in the summary: name => [path, key column, figure column].
	 */
	private const MAPS = array(
		'completeness_by_field' => array( array( 'metrics', 'completeness', 'fields' ), 'field', 'share' ),
		'fallbacks_by_kind'     => array( array( 'metrics', 'queue', 'fallbacks_by_kind' ), 'kind', 'handoffs' ),
		'fallbacks_by_route'    => array( array( 'metrics', 'queue', 'fallbacks_by_route' ), 'route', 'handoffs' ),
		'privacy_by_reason'     => array( array( 'metrics', 'privacy', 'reasons' ), 'reason', 'handoffs' ),
	);

	/**
	 * The rows of the `overview` table: measure => path in the summary.
	 */
	private const OVERVIEW = array(
		'conversations'               => array( 'metrics', 'conversations' ),
		'handoffs'                    => array( 'metrics', 'handoffs' ),
		'escalation_rate'             => array( 'metrics', 'escalation', 'rate' ),
		'user_requested'              => array( 'metrics', 'triggers', 'user' ),
		'system_triggered'            => array( 'metrics', 'triggers', 'system' ),
		'user_share'                  => array( 'metrics', 'triggers', 'user_share' ),
		'median_turn'                 => array( 'metrics', 'turns', 'median' ),
		'unproductive_turns'          => array( 'metrics', 'turns', 'unproductive_turns' ),
		'handoffs_after_unproductive' => array( 'metrics', 'turns', 'handoffs_after_unproductive' ),
		'completeness'                => array( 'metrics', 'completeness', 'score' ),
		'save_rate'                   => array( 'metrics', 'saves', 'rate' ),
		'escalation_failed'           => array( 'metrics', 'escalation_failed', 'failed' ),
		'escalation_failed_rate'      => array( 'metrics', 'escalation_failed', 'rate' ),
		'automation_candidates'       => array( 'metrics', 'automation', 'handoffs' ),
		'automation_share'            => array( 'metrics', 'automation', 'share' ),
		'private_handoffs'            => array( 'metrics', 'privacy', 'handoffs' ),
		'private_share'               => array( 'metrics', 'privacy', 'share' ),
	);

	/**
	 * The rows of the `queue` table: measure => key in `metrics.queue`.
	 */
	private const QUEUE = array( 'live', 'accepted', 'transfer_success_rate', 'fallbacks', 'replied', 'delay_median_seconds', 'delay_p90_seconds', 'abandoned', 'abandonment_rate' );

	/**
	 * The rows of the `effort` table: measure => [count key, share key, what the share is of].
	 */
	private const EFFORT = array(
		'early_requests'          => array( 'early_requests', 'early_request_share', 'handoffs' ),
		'offers_dropped'          => array( 'offers_dropped', 'offer_drop_rate', 'offers' ),
		'asked_for_person'        => array( 'asked_for_person', 'asked_for_person_share', 'conversations' ),
		'negative_before_handoff' => array( 'negative_before_handoff', 'negative_before_handoff_share', 'handoffs' ),
	);

	/**
	 * Every table's name, in the order the report shows them.
	 *
	 * @return list<string>
	 */
	public static function names(): array {
		return array(
			'overview',
			'escalation_by_intent',
			'triggers_by_day',
			'turns_before_transfer',
			'completeness_by_field',
			'completeness_by_day',
			'saves_by_reason',
			'saves_by_intent',
			'saves_by_team',
			'automation_by_topic',
			'satisfaction',
			'effort',
			'queue',
			'fallbacks_by_kind',
			'fallbacks_by_route',
			'privacy_by_reason',
			'reasons',
			'reasons_by_day',
			'drift_by_version',
			'config_changes',
			'comparison',
		);
	}

	/**
	 * Every table of a summary, by name.
	 *
	 * @param array<string, mixed> $summary A Metrics::summary() result.
	 * @return array<string, Report_Table>
	 */
	public static function all( array $summary ): array {
		$out = array();
		foreach ( self::names() as $name ) {
			$out[ $name ] = self::table( $summary, $name );
		}
		return $out;
	}

	/**
	 * One table of a summary.
	 *
	 * @param array<string, mixed> $summary A Metrics::summary() result.
	 * @param string               $name    One of names().
	 * @return Report_Table
	 * @throws \InvalidArgumentException When no table has that name.
	 */
	public static function table( array $summary, string $name ): array {
		if ( isset( self::LISTS[ $name ] ) ) {
			list( $path, $columns ) = self::LISTS[ $name ];
			$rows                   = self::from_list( self::at( $summary, $path ), $columns );
		} elseif ( isset( self::MAPS[ $name ] ) ) {
			list( $path, $key, $figure ) = self::MAPS[ $name ];
			$rows                        = self::from_map( self::at( $summary, $path ), $key, $figure );
		} else {
			$rows = self::special( $summary, $name );
		}
		return array(
			'name'    => $name,
			'title'   => self::titles()[ $name ],
			'columns' => self::columns( $summary, $name, $rows ),
			'rows'    => $rows,
		);
	}

	/**
	 * The rows of the tables built one by one.
	 *
	 * @param array<string, mixed> $summary The summary.
	 * @param string               $name    Table.
	 * @return list<array<string, Report_Cell>>
	 * @throws \InvalidArgumentException When no table has that name.
	 */
	private static function special( array $summary, string $name ): array {
		$rows = array();
		switch ( $name ) {
			case 'overview':
				foreach ( self::OVERVIEW as $measure => $path ) {
					$rows[] = array(
						'measure' => $measure,
						'value'   => self::cell( self::at( $summary, $path ) ),
					);
				}
				return $rows;
			case 'satisfaction':
				foreach ( array( 'bot', 'person' ) as $who ) {
					$rows[] = array(
						'served_by'       => $who,
						'ratings'         => self::cell( self::at( $summary, array( 'metrics', 'satisfaction', $who, 'ratings' ) ) ),
						'mean'            => self::cell( self::at( $summary, array( 'metrics', 'satisfaction', $who, 'mean' ) ) ),
						'satisfied_share' => self::cell( self::at( $summary, array( 'metrics', 'satisfaction', $who, 'satisfied_share' ) ) ),
					);
				}
				return $rows;
			case 'effort':
				foreach ( self::EFFORT as $measure => $keys ) {
					$of     = 'offers' === $keys[2] ? array( 'metrics', 'effort', 'offers' ) : array( 'metrics', $keys[2] );
					$rows[] = array(
						'measure' => $measure,
						'count'   => self::cell( self::at( $summary, array( 'metrics', 'effort', $keys[0] ) ) ),
						'out_of'  => self::cell( self::at( $summary, $of ) ),
						'share'   => self::cell( self::at( $summary, array( 'metrics', 'effort', $keys[1] ) ) ),
					);
				}
				return $rows;
			case 'queue':
				foreach ( self::QUEUE as $measure ) {
					$rows[] = array(
						'measure' => $measure,
						'value'   => self::cell( self::at( $summary, array( 'metrics', 'queue', $measure ) ) ),
					);
				}
				return $rows;
			case 'reasons_by_day':
				return self::reasons_by_day( $summary );
			case 'comparison':
				$changes = self::at( $summary, array( 'comparison', 'changes' ) );
				foreach ( is_array( $changes ) ? $changes : array() as $measure => $change ) {
					$rows[] = array( 'measure' => (string) $measure ) + self::pick( $change, array( 'current', 'previous', 'delta', 'relative' ) );
				}
				return $rows;
		}//end switch
		throw new \InvalidArgumentException( 'unknown_table' );
	}

	/**
	 * Handoffs per local day (rows) and reason code (columns).
	 *
	 * @param array<string, mixed> $summary The summary.
	 * @return list<array<string, Report_Cell>>
	 */
	private static function reasons_by_day( array $summary ): array {
		$days    = self::at( $summary, array( 'metrics', 'triggers', 'days' ) );
		$reasons = self::at( $summary, array( 'metrics', 'reasons' ) );
		$rows    = array();
		foreach ( is_array( $days ) ? array_values( $days ) : array() as $index => $day ) {
			$row = array( 'day' => self::cell( is_array( $day ) ? ( $day['day'] ?? null ) : null ) );
			foreach ( is_array( $reasons ) ? $reasons : array() as $reason ) {
				if ( is_array( $reason ) ) {
					$counts                                      = is_array( $reason['days'] ?? null ) ? $reason['days'] : array();
					$row[ (string) ( $reason['reason'] ?? '' ) ] = self::cell( $counts[ $index ] ?? 0 );
				}
			}
			$rows[] = $row;
		}
		return $rows;
	}

	/**
	 * Rows from a list of items.
	 *
	 * @param mixed                     $items   The list.
	 * @param array<int|string, string> $columns Output key => item key (a plain key: the same).
	 * @return list<array<string, Report_Cell>>
	 */
	private static function from_list( $items, array $columns ): array {
		$rows = array();
		foreach ( is_array( $items ) ? $items : array() as $item ) {
			$row = array();
			foreach ( $columns as $out => $key ) {
				$row[ is_int( $out ) ? $key : $out ] = self::cell( is_array( $item ) ? ( $item[ $key ] ?? null ) : null );
			}
			$rows[] = $row;
		}
		return $rows;
	}

	/**
	 * Rows from a map of key => figure.
	 *
	 * @param mixed  $map    The map.
	 * @param string $key    The key's column.
	 * @param string $figure The figure's column.
	 * @return list<array<string, Report_Cell>>
	 */
	private static function from_map( $map, string $key, string $figure ): array {
		$rows = array();
		foreach ( is_array( $map ) ? $map : array() as $name => $value ) {
			$rows[] = array(
				$key    => (string) $name,
				$figure => self::cell( $value ),
			);
		}
		return $rows;
	}

	/**
	 * Some keys of an item, as cells.
	 *
	 * @param mixed              $item Item.
	 * @param array<int, string> $keys Keys.
	 * @phpstan-param list<string> $keys
	 * @return array<string, Report_Cell>
	 */
	private static function pick( $item, array $keys ): array {
		$out = array();
		foreach ( $keys as $key ) {
			$out[ $key ] = self::cell( is_array( $item ) ? ( $item[ $key ] ?? null ) : null );
		}
		return $out;
	}

	/**
	 * The value at a path, or null.
	 *
	 * @param array<string, mixed> $summary The summary.
	 * @param array<int, string>   $path    Keys.
	 * @phpstan-param list<string> $path
	 * @return mixed
	 */
	private static function at( array $summary, array $path ) {
		$value = $summary;
		foreach ( $path as $key ) {
			if ( ! is_array( $value ) || ! array_key_exists( $key, $value ) ) {
				return null;
			}
			$value = $value[ $key ];
		}
		return $value;
	}

	/**
	 * A figure as a cell: scalars as they are, anything else as no value.
	 *
	 * @param mixed $value Value.
	 * @return Report_Cell
	 */
	private static function cell( $value ) {
		return is_scalar( $value ) ? $value : null;
	}

	/**
	 * A table's columns: key => heading.
	 *
	 * @param array<string, mixed>             $summary The summary.
	 * @param string                           $name    Table.
	 * @param list<array<string, Report_Cell>> $rows    Its rows.
	 * @return array<string, string>
	 */
	private static function columns( array $summary, string $name, array $rows ): array {
		if ( isset( self::LISTS[ $name ] ) ) {
			$keys = array();
			foreach ( self::LISTS[ $name ][1] as $out => $key ) {
				$keys[] = is_int( $out ) ? $key : $out;
			}
		} elseif ( isset( self::MAPS[ $name ] ) ) {
			$keys = array( self::MAPS[ $name ][1], self::MAPS[ $name ][2] );
		} elseif ( 'reasons_by_day' === $name ) {
			$keys = array( 'day' );
			foreach ( (array) self::at( $summary, array( 'metrics', 'reasons' ) ) as $reason ) {
				$keys[] = (string) ( is_array( $reason ) ? ( $reason['reason'] ?? '' ) : '' );
			}
		} else {
			$keys = $rows ? array_keys( $rows[0] ) : self::empty_columns( $name );
		}
		$headings = self::headings();
		$out      = array();
		foreach ( $keys as $key ) {
			$out[ $key ] = $headings[ $key ] ?? $key;
		}
		return $out;
	}

	/**
	 * The columns of the tables built one by one, for when they have no row.
	 *
	 * @param string $name Table.
	 * @return list<string>
	 */
	private static function empty_columns( string $name ): array {
		$columns = array(
			'satisfaction' => array( 'served_by', 'ratings', 'mean', 'satisfied_share' ),
			'effort'       => array( 'measure', 'count', 'out_of', 'share' ),
			'comparison'   => array( 'measure', 'current', 'previous', 'delta', 'relative' ),
		);
		return $columns[ $name ] ?? array( 'measure', 'value' );
	}

	/**
	 * Each table's title.
	 *
	 * @return array<string, string>
	 */
	private static function titles(): array {
		return array(
			'overview'              => __( 'Overview', 'handoff-bot' ),
			'escalation_by_intent'  => __( 'Escalation rate by intent', 'handoff-bot' ),
			'triggers_by_day'       => __( 'User-requested and system-triggered handoffs by day', 'handoff-bot' ),
			'turns_before_transfer' => __( 'Turns before transfer', 'handoff-bot' ),
			'completeness_by_field' => __( 'Context completeness by field', 'handoff-bot' ),
			'completeness_by_day'   => __( 'Context completeness by day', 'handoff-bot' ),
			'saves_by_reason'       => __( 'Agent save rate by reason', 'handoff-bot' ),
			'saves_by_intent'       => __( 'Agent save rate by intent', 'handoff-bot' ),
			'saves_by_team'         => __( 'Agent save rate by team', 'handoff-bot' ),
			'automation_by_topic'   => __( 'Automation candidates by topic', 'handoff-bot' ),
			'satisfaction'          => __( 'Satisfaction', 'handoff-bot' ),
			'effort'                => __( 'Customer effort', 'handoff-bot' ),
			'queue'                 => __( 'Queue', 'handoff-bot' ),
			'fallbacks_by_kind'     => __( 'After-hours fallbacks by kind', 'handoff-bot' ),
			'fallbacks_by_route'    => __( 'Fallbacks by route', 'handoff-bot' ),
			'privacy_by_reason'     => __( 'Privacy-route handoffs by reason', 'handoff-bot' ),
			'reasons'               => __( 'Reason codes', 'handoff-bot' ),
			'reasons_by_day'        => __( 'Reason codes by day', 'handoff-bot' ),
			'drift_by_version'      => __( 'Drift by configuration version', 'handoff-bot' ),
			'config_changes'        => __( 'Configuration changes', 'handoff-bot' ),
			'comparison'            => __( 'Change from the previous period', 'handoff-bot' ),
		);
	}

	/**
	 * The column headings.
	 *
	 * @return array<string, string>
	 */
	private static function headings(): array {
		return array(
			'measure'               => __( 'Measure', 'handoff-bot' ),
			'value'                 => __( 'Value', 'handoff-bot' ),
			'intent'                => __( 'Intent', 'handoff-bot' ),
			'label'                 => __( 'Label', 'handoff-bot' ),
			'policy'                => __( 'Policy', 'handoff-bot' ),
			'expects_person'        => __( 'Person expected', 'handoff-bot' ),
			'conversations'         => __( 'Conversations', 'handoff-bot' ),
			'handed_off'            => __( 'Handed off', 'handoff-bot' ),
			'rate'                  => __( 'Rate', 'handoff-bot' ),
			'day'                   => __( 'Day', 'handoff-bot' ),
			'user'                  => __( 'User-requested', 'handoff-bot' ),
			'system'                => __( 'System-triggered', 'handoff-bot' ),
			'turns'                 => __( 'Turns before transfer', 'handoff-bot' ),
			'handoffs'              => __( 'Handoffs', 'handoff-bot' ),
			'unproductive_turns'    => __( 'Unproductive turns before', 'handoff-bot' ),
			'score'                 => __( 'Completeness', 'handoff-bot' ),
			'field'                 => __( 'Field', 'handoff-bot' ),
			'share'                 => __( 'Share', 'handoff-bot' ),
			'reason'                => __( 'Reason', 'handoff-bot' ),
			'team'                  => __( 'Team', 'handoff-bot' ),
			'accepted'              => __( 'Accepted', 'handoff-bot' ),
			'resolved'              => __( 'Resolved', 'handoff-bot' ),
			'topic'                 => __( 'Topic', 'handoff-bot' ),
			'served_by'             => __( 'Served by', 'handoff-bot' ),
			'ratings'               => __( 'Ratings', 'handoff-bot' ),
			'mean'                  => __( 'Mean rating', 'handoff-bot' ),
			'satisfied_share'       => __( 'Satisfied (4 or 5)', 'handoff-bot' ),
			'count'                 => __( 'Count', 'handoff-bot' ),
			'out_of'                => __( 'Out of', 'handoff-bot' ),
			'kind'                  => __( 'Kind', 'handoff-bot' ),
			'route'                 => __( 'Route', 'handoff-bot' ),
			'config_version'        => __( 'Configuration version', 'handoff-bot' ),
			'escalation_rate'       => __( 'Escalation rate', 'handoff-bot' ),
			'user_share'            => __( 'User-requested share', 'handoff-bot' ),
			'median_turn'           => __( 'Median turn', 'handoff-bot' ),
			'save_rate'             => __( 'Save rate', 'handoff-bot' ),
			'completeness'          => __( 'Completeness', 'handoff-bot' ),
			'transfer_success_rate' => __( 'Transfer success rate', 'handoff-bot' ),
			'abandonment_rate'      => __( 'Abandonment rate', 'handoff-bot' ),
			'satisfaction_bot'      => __( 'Satisfaction (bot)', 'handoff-bot' ),
			'satisfaction_person'   => __( 'Satisfaction (person)', 'handoff-bot' ),
			'created_at'            => __( 'Saved at (UTC)', 'handoff-bot' ),
			'area'                  => __( 'Area', 'handoff-bot' ),
			'version'               => __( 'Version', 'handoff-bot' ),
			'note'                  => __( 'Change note', 'handoff-bot' ),
			'expected_impact'       => __( 'Expected impact', 'handoff-bot' ),
			'current'               => __( 'This period', 'handoff-bot' ),
			'previous'              => __( 'Previous period', 'handoff-bot' ),
			'delta'                 => __( 'Change', 'handoff-bot' ),
			'relative'              => __( 'Relative change', 'handoff-bot' ),
		);
	}
}
