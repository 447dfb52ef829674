<?php
/**
 * The handoff report: every metric of a period, its comparison, and its split by config version.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Reports;

use HandoffBot\Escalation\Policy_Store;
use HandoffBot\Repositories\Report_Repository;
use HandoffBot\Repositories\Storage_Exception;
use HandoffBot\Settings;

defined( 'ABSPATH' ) || exit;

/**
 * A period's population is the conversations started in it (optionally only those started under
 * one config version), their handoffs and their events; every metric (docs/METRICS.md, after
 * DESIGN.md §6) is computed from those rows, never from transcripts.
 *
 * @phpstan-import-type Report_Handoff from Report_Repository
 * @phpstan-import-type Report_Event from Report_Repository
 * @phpstan-type Report_Data array{conversations: array<int, int>, handoffs: list<Report_Handoff>, events: list<Report_Event>, offers: array<int, bool>}
 */
final class Metrics {

	/**
	 * Reads.
	 *
	 * @var Report_Repository
	 */
	private Report_Repository $reports;

	/**
	 * Settings (the answer threshold).
	 *
	 * @var Settings
	 */
	private Settings $settings;

	/**
	 * Builds the report.
	 *
	 * @param Report_Repository $reports  Reads.
	 * @param Settings          $settings Settings.
	 */
	public function __construct( Report_Repository $reports, Settings $settings ) {
		$this->reports  = $reports;
		$this->settings = $settings;
	}

	/**
	 * The report of a period: its metrics, and with a comparison those of the previous period of
	 * the same length and the change of the headline figures.
	 *
	 * @param Period $period  The period.
	 * @param bool   $compare Whether to compare with the previous period.
	 * @param int    $version Only conversations started under this config version (0: all).
	 * @return array<string, mixed>
	 * @throws Storage_Exception When the database cannot be read.
	 */
	public function summary( Period $period, bool $compare, int $version ): array {
		$data    = $this->data( $period, $version );
		$current = $this->compute( $data, $period );
		$out     = array(
			'period'         => $period->to_array(),
			'config_version' => $version,
			'metrics'        => $current,
			'drift'          => $this->drift( $data, $period ),
		);
		if ( $compare ) {
			$previous_period   = $period->previous();
			$previous          = $this->compute( $this->data( $previous_period, $version ), $previous_period );
			$out['comparison'] = array(
				'period'  => $previous_period->to_array(),
				'metrics' => $previous,
				'changes' => self::changes( $current, $previous ),
			);
		}
		return $out;
	}

	/**
	 * The rows of a period.
	 *
	 * @param Period $period  The period.
	 * @param int    $version Config version (0: all).
	 * @return Report_Data
	 * @throws Storage_Exception When the database cannot be read.
	 */
	private function data( Period $period, int $version ): array {
		$start = $period->start_utc();
		$end   = $period->end_utc();
		// The per-turn events from the report facts where they are current (Report_Facts).
		$turns = $this->reports->period_events( $start, $end, $version, Report_Facts::watermark() );
		return array(
			'conversations' => $this->reports->conversations( $start, $end, $version ),
			'handoffs'      => $this->reports->handoffs( $start, $end, $version ),
			'events'        => $turns['events'],
			'offers'        => $turns['offers'],
		);
	}

	/**
	 * Every metric of a period's rows.
	 *
	 * @param array  $data   The rows.
	 * @phpstan-param Report_Data $data
	 * @param Period $period The period.
	 * @return array<string, mixed>
	 */
	private function compute( array $data, Period $period ): array {
		$threshold = (float) $this->settings->get( 'answer_threshold' );
		$turns     = Turns::by_conversation( $data['events'], $threshold );
		return array(
			'conversations'     => count( $data['conversations'] ),
			'handoffs'          => count( $data['handoffs'] ),
			'escalation'        => Escalation_Metrics::by_intent( $data, Policy_Store::in_force() ),
			'triggers'          => Escalation_Metrics::triggers( $data, $period ),
			'turns'             => Effort_Metrics::turns( $data, $threshold, $turns ),
			'completeness'      => Outcome_Metrics::completeness( $data, $period ),
			'saves'             => Outcome_Metrics::saves( $data ),
			'escalation_failed' => Outcome_Metrics::escalation_failed( $data ),
			'automation'        => Outcome_Metrics::automation( $data ),
			'satisfaction'      => Outcome_Metrics::satisfaction( $data ),
			'effort'            => Effort_Metrics::effort( $data, $threshold, $turns ),
			'queue'             => Queue_Metrics::compute( $data ),
			'privacy'           => Escalation_Metrics::privacy( $data ),
			'reasons'           => Escalation_Metrics::reasons( $data, $period ),
		);
	}

	/**
	 * The split by config version: for each version the period's conversations started under,
	 * its headline figures (the whole report for one version: ask again with `config_version`),
	 * and the configuration saves of the period with their notes and expected impact.
	 *
	 * @param array  $data   The rows.
	 * @phpstan-param Report_Data $data
	 * @param Period $period The period.
	 * @return array{versions: list<array<string, mixed>>, changes: list<array{area: string, version: int, config_version: int, note: string, expected_impact: string, created_at: string}>}
	 * @throws Storage_Exception When the database cannot be read.
	 */
	private function drift( array $data, Period $period ): array {
		$threshold = (float) $this->settings->get( 'answer_threshold' );
		$versions  = array_values( array_unique( $data['conversations'] ) );
		sort( $versions );
		$policy = Policy_Store::in_force();
		$rows   = array();
		foreach ( $versions as $version ) {
			// With one version in the period, its rows are all the rows.
			$part    = 1 === count( $versions ) ? $data : self::only_version( $data, $version );
			$queue   = Queue_Metrics::compute( $part );
			$escal   = Escalation_Metrics::by_intent( $part, $policy );
			$ratings = Outcome_Metrics::satisfaction( $part );
			$rows[]  = array(
				'config_version'        => $version,
				'conversations'         => $escal['conversations'],
				'handoffs'              => count( $part['handoffs'] ),
				'escalation_rate'       => $escal['rate'],
				'user_share'            => Escalation_Metrics::triggers( $part, $period )['user_share'],
				// The median turn is the handoffs' alone: the turns' unproductive marks are not needed.
				'median_turn'           => Effort_Metrics::turns( $part, $threshold, array() )['median'],
				'save_rate'             => Outcome_Metrics::saves( $part )['rate'],
				'completeness'          => Outcome_Metrics::completeness( $part, $period )['score'],
				'transfer_success_rate' => $queue['transfer_success_rate'],
				'abandonment_rate'      => $queue['abandonment_rate'],
				'satisfaction_bot'      => $ratings['bot']['mean'],
				'satisfaction_person'   => $ratings['person']['mean'],
			);
		}//end foreach
		return array(
			'versions' => $rows,
			'changes'  => $this->reports->versions_saved( $period->start_utc(), $period->end_utc() ),
		);
	}

	/**
	 * The rows of the conversations started under one config version.
	 *
	 * @param array $data    The rows.
	 * @phpstan-param Report_Data $data
	 * @param int   $version Config version.
	 * @return Report_Data
	 */
	private static function only_version( array $data, int $version ): array {
		$conversations = array_filter( $data['conversations'], static fn( int $v ): bool => $v === $version );
		$keep          = static fn( array $row ): bool => isset( $conversations[ $row['conversation_id'] ] );
		$offers        = array();
		foreach ( $data['events'] as $event ) {
			if ( 'choice_offered' === $event['type'] && isset( $data['offers'][ $event['id'] ] ) && isset( $conversations[ $event['conversation_id'] ] ) ) {
				$offers[ $event['id'] ] = $data['offers'][ $event['id'] ];
			}
		}
		return array(
			'conversations' => $conversations,
			'handoffs'      => array_values( array_filter( $data['handoffs'], $keep ) ),
			'events'        => array_values( array_filter( $data['events'], $keep ) ),
			'offers'        => $offers,
		);
	}

	/**
	 * The change of the headline figures from the previous period.
	 *
	 * @param array<string, mixed> $current  This period's metrics.
	 * @param array<string, mixed> $previous The previous period's.
	 * @return array<string, array{current: int|float|null, previous: int|float|null, delta: float|null, relative: float|null}>
	 */
	private static function changes( array $current, array $previous ): array {
		$paths = array(
			'conversations'                 => array( 'conversations' ),
			'handoffs'                      => array( 'handoffs' ),
			'escalation_rate'               => array( 'escalation', 'rate' ),
			'user_share'                    => array( 'triggers', 'user_share' ),
			'median_turn'                   => array( 'turns', 'median' ),
			'handoffs_after_unproductive'   => array( 'turns', 'handoffs_after_unproductive' ),
			'completeness'                  => array( 'completeness', 'score' ),
			'save_rate'                     => array( 'saves', 'rate' ),
			'escalation_failed_rate'        => array( 'escalation_failed', 'rate' ),
			'automation_candidates'         => array( 'automation', 'handoffs' ),
			'satisfaction_bot'              => array( 'satisfaction', 'bot', 'mean' ),
			'satisfaction_person'           => array( 'satisfaction', 'person', 'mean' ),
			'early_request_share'           => array( 'effort', 'early_request_share' ),
			'offer_drop_rate'               => array( 'effort', 'offer_drop_rate' ),
			'asked_for_person_share'        => array( 'effort', 'asked_for_person_share' ),
			'negative_before_handoff_share' => array( 'effort', 'negative_before_handoff_share' ),
			'transfer_success_rate'         => array( 'queue', 'transfer_success_rate' ),
			'fallbacks'                     => array( 'queue', 'fallbacks' ),
			'delay_median_seconds'          => array( 'queue', 'delay_median_seconds' ),
			'delay_p90_seconds'             => array( 'queue', 'delay_p90_seconds' ),
			'abandonment_rate'              => array( 'queue', 'abandonment_rate' ),
			'private_handoffs'              => array( 'privacy', 'handoffs' ),
		);
		$out   = array();
		foreach ( $paths as $name => $path ) {
			$out[ $name ] = Stats::change( self::pick( $current, $path ), self::pick( $previous, $path ) );
		}
		$before = array();
		foreach ( (array) $previous['reasons'] as $row ) {
			$before[ $row['reason'] ] = $row['handoffs'];
		}
		foreach ( (array) $current['reasons'] as $row ) {
			$out[ 'reason_' . $row['reason'] ] = Stats::change( $row['handoffs'], $before[ $row['reason'] ] ?? 0 );
		}
		return $out;
	}

	/**
	 * A figure at a path.
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
}
