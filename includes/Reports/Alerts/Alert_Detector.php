<?php
/**
 * Which report alerts a window's figures raise.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Reports\Alerts;

use HandoffBot\Reports\Stats;

defined( 'ABSPATH' ) || exit;

/**
 * Pure: compares a window's metrics (Metrics::summary()) with the window before, against the
 * thresholds and minimum volumes of the settings (docs/METRICS.md, "Alerts", states each rule).
 *
 * @phpstan-type Alert_Candidate array{kind: string, subject: string, direction: string, figures: array<string, mixed>}
 * @phpstan-type Thresholds array{alerts_min_conversations: int, alerts_min_handoffs: int, alerts_intent_rate_change: float, alerts_turn_drop: float, alerts_topic_share: float, alerts_queue_delay_rise: float, alerts_abandonment_rise: float, alerts_completeness_drop: float}
 */
final class Alert_Detector {

	public const NEW_TOP_REASON     = 'new_top_reason';
	public const INTENT_RATE        = 'intent_rate';
	public const EARLIER_REQUESTS   = 'earlier_requests';
	public const TOPIC_SHARE        = 'topic_share';
	public const QUEUE_DELAY        = 'queue_delay';
	public const ABANDONMENT        = 'abandonment';
	public const COMPLETENESS       = 'completeness';
	public const CONNECTION_FAILING = 'connection_failing';

	/**
	 * Every kind.
	 *
	 * @return list<string>
	 */
	public static function kinds(): array {
		return array( self::NEW_TOP_REASON, self::INTENT_RATE, self::EARLIER_REQUESTS, self::TOPIC_SHARE, self::QUEUE_DELAY, self::ABANDONMENT, self::COMPLETENESS, self::CONNECTION_FAILING );
	}

	/**
	 * The alerts of a window.
	 *
	 * @param array<string, mixed>                                                                       $current    This window's metrics.
	 * @param array<string, mixed>                                                                       $previous   The window before's.
	 * @param array{current: list<int>, previous: list<int>}                                             $user_turns The turns of user-requested handoffs.
	 * @param array{current: list<array<string, string|int>>, previous: list<array<string, string|int>>} $topics Handoffs by intent (`intent`, `handoffs`).
	 * @param list<array{id: string, label: string, kind: string, error: string}>                        $failing Connections whose latest deliveries all failed.
	 * @param array                                                                                      $limits     Thresholds and minimum volumes.
	 * @phpstan-param Thresholds $limits
	 * @return list<Alert_Candidate>
	 */
	public static function detect( array $current, array $previous, array $user_turns, array $topics, array $failing, array $limits ): array {
		$out        = array_merge(
			self::reasons( $current, $previous, $limits['alerts_min_handoffs'] ),
			self::intents( $current, $previous, $limits ),
			self::turns( $user_turns, $limits ),
			self::topics( $topics, $limits )
		);
		$queue_now  = (array) $current['queue'];
		$queue_then = (array) $previous['queue'];
		$min        = $limits['alerts_min_handoffs'];
		if ( $queue_now['replied'] >= $min && $queue_then['replied'] >= $min && (float) $queue_then['delay_median_seconds'] > 0 ) {
			$rise = round( ( (float) $queue_now['delay_median_seconds'] - (float) $queue_then['delay_median_seconds'] ) / (float) $queue_then['delay_median_seconds'], 4 );
			if ( $rise > $limits['alerts_queue_delay_rise'] ) {
				$out[] = self::alert( self::QUEUE_DELAY, '', 'up', Stats::change( $queue_now['delay_median_seconds'], $queue_then['delay_median_seconds'] ) + array( 'volume' => array( $queue_now['replied'], $queue_then['replied'] ) ) );
			}
		}
		if ( $queue_now['live'] >= $min && $queue_then['live'] >= $min && round( (float) $queue_now['abandonment_rate'] - (float) $queue_then['abandonment_rate'], 4 ) > $limits['alerts_abandonment_rise'] ) {
			$out[] = self::alert( self::ABANDONMENT, '', 'up', Stats::change( $queue_now['abandonment_rate'], $queue_then['abandonment_rate'] ) + array( 'volume' => array( $queue_now['live'], $queue_then['live'] ) ) );
		}
		$full_now  = (array) $current['completeness'];
		$full_then = (array) $previous['completeness'];
		if ( $full_now['handoffs'] >= $min && $full_then['handoffs'] >= $min && round( (float) $full_then['score'] - (float) $full_now['score'], 4 ) > $limits['alerts_completeness_drop'] ) {
			$out[] = self::alert( self::COMPLETENESS, '', 'down', Stats::change( $full_now['score'], $full_then['score'] ) + array( 'volume' => array( $full_now['handoffs'], $full_then['handoffs'] ) ) );
		}
		foreach ( $failing as $connection ) {
			$out[] = self::alert( self::CONNECTION_FAILING, $connection['id'], '', $connection );
		}
		return $out;
	}

	/**
	 * The three reason codes with the most handoffs (ties by name), none without a handoff.
	 *
	 * @param array<string, mixed> $metrics Metrics.
	 * @return array<string, int> Reason => handoffs, most first.
	 */
	public static function top_reasons( array $metrics ): array {
		$rows = array_filter( (array) $metrics['reasons'], static fn( array $row ): bool => $row['handoffs'] > 0 );
		usort(
			$rows,
			static function ( array $a, array $b ): int {
				return array( $b['handoffs'], $a['reason'] ) <=> array( $a['handoffs'], $b['reason'] );
			}
		);
		return array_column( array_slice( $rows, 0, 3 ), 'handoffs', 'reason' );
	}

	/**
	 * A reason code that entered the top three.
	 *
	 * @param array<string, mixed> $current  This window's metrics.
	 * @param array<string, mixed> $previous The window before's.
	 * @param int                  $min      Minimum handoffs in each window.
	 * @return list<Alert_Candidate>
	 */
	private static function reasons( array $current, array $previous, int $min ): array {
		if ( $current['handoffs'] < $min || $previous['handoffs'] < $min ) {
			return array();
		}
		$now    = self::top_reasons( $current );
		$before = self::top_reasons( $previous );
		$counts = array_column( (array) $previous['reasons'], 'handoffs', 'reason' );
		$out    = array();
		$rank   = 0;
		foreach ( $now as $reason => $count ) {
			++$rank;
			if ( ! isset( $before[ $reason ] ) ) {
				$out[] = self::alert(
					self::NEW_TOP_REASON,
					(string) $reason,
					'up',
					Stats::change( $count, (int) ( $counts[ $reason ] ?? 0 ) ) + array(
						'rank'   => $rank,
						'volume' => array( $current['handoffs'], $previous['handoffs'] ),
					)
				);
			}
		}
		return $out;
	}

	/**
	 * Intents whose escalation rate moved by more than the threshold.
	 *
	 * @param array<string, mixed> $current  This window's metrics.
	 * @param array<string, mixed> $previous The window before's.
	 * @param array                $limits   Thresholds.
	 * @phpstan-param Thresholds $limits
	 * @return list<Alert_Candidate>
	 */
	private static function intents( array $current, array $previous, array $limits ): array {
		$before = array();
		foreach ( (array) $previous['escalation']['intents'] as $row ) {
			$before[ $row['intent'] ] = $row;
		}
		$out = array();
		foreach ( (array) $current['escalation']['intents'] as $row ) {
			$then = $before[ $row['intent'] ] ?? null;
			if ( '' === $row['intent'] || null === $then || $row['conversations'] < $limits['alerts_min_conversations'] || $then['conversations'] < $limits['alerts_min_conversations'] ) {
				continue;
			}
			$change = Stats::change( $row['rate'], $then['rate'] );
			if ( null !== $change['delta'] && abs( $change['delta'] ) > $limits['alerts_intent_rate_change'] ) {
				$out[] = self::alert( self::INTENT_RATE, (string) $row['intent'], $change['delta'] > 0 ? 'up' : 'down', $change + array( 'volume' => array( $row['conversations'], $then['conversations'] ) ) );
			}
		}
		return $out;
	}

	/**
	 * Visitors asking for a person earlier: the median turn of user-requested handoffs dropped.
	 *
	 * @param array{current: list<int>, previous: list<int>} $turns  The turns.
	 * @param array                                          $limits Thresholds.
	 * @phpstan-param Thresholds $limits
	 * @return list<Alert_Candidate>
	 */
	private static function turns( array $turns, array $limits ): array {
		$min = $limits['alerts_min_handoffs'];
		if ( count( $turns['current'] ) < $min || count( $turns['previous'] ) < $min ) {
			return array();
		}
		$now  = (float) Stats::median( $turns['current'] );
		$then = (float) Stats::median( $turns['previous'] );
		if ( $then - $now < $limits['alerts_turn_drop'] ) {
			return array();
		}
		return array( self::alert( self::EARLIER_REQUESTS, '', 'down', Stats::change( $now, $then ) + array( 'volume' => array( count( $turns['current'] ), count( $turns['previous'] ) ) ) ) );
	}

	/**
	 * A topic (the handoff's intent) that takes more than its share of the window's handoffs.
	 *
	 * @param array{current: list<array<string, string|int>>, previous: list<array<string, string|int>>} $topics Handoffs by intent.
	 * @param array                                                                                      $limits Thresholds.
	 * @phpstan-param Thresholds $limits
	 * @return list<Alert_Candidate>
	 */
	private static function topics( array $topics, array $limits ): array {
		$total = (int) array_sum( array_column( $topics['current'], 'handoffs' ) );
		if ( $total < $limits['alerts_min_handoffs'] ) {
			return array();
		}
		$before = array_column( $topics['previous'], 'handoffs', 'intent' );
		$whole  = (int) array_sum( $before );
		$out    = array();
		foreach ( $topics['current'] as $row ) {
			$share = Stats::rate( (int) $row['handoffs'], $total );
			if ( '' === $row['intent'] || null === $share || $share <= $limits['alerts_topic_share'] ) {
				continue;
			}
			$out[] = self::alert(
				self::TOPIC_SHARE,
				(string) $row['intent'],
				'up',
				Stats::change( $share, Stats::rate( (int) ( $before[ $row['intent'] ] ?? 0 ), $whole ) ) + array(
					'handoffs' => array( (int) $row['handoffs'], (int) ( $before[ $row['intent'] ] ?? 0 ) ),
					'volume'   => array( $total, $whole ),
				)
			);
		}
		return $out;
	}

	/**
	 * One alert.
	 *
	 * @param string               $kind      Kind.
	 * @param string               $subject   Subject ('' for the whole site).
	 * @param string               $direction up, down or ''.
	 * @param array<string, mixed> $figures   What was measured.
	 * @return Alert_Candidate
	 */
	private static function alert( string $kind, string $subject, string $direction, array $figures ): array {
		return array(
			'kind'      => $kind,
			'subject'   => $subject,
			'direction' => $direction,
			'figures'   => $figures,
		);
	}
}
