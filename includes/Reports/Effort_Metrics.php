<?php
/**
 * How hard the visitor had to work: turns before transfer and customer effort.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Reports;

use HandoffBot\Escalation\Reason;

defined( 'ABSPATH' ) || exit;

/**
 * Pure: computed from the handoff rows and the turn events (docs/METRICS.md).
 *
 * @phpstan-import-type Report_Data from Metrics
 */
final class Effort_Metrics {

	/**
	 * The buckets of turns before transfer: label => [lowest, highest].
	 */
	public const BUCKETS = array(
		'1'    => array( 1, 1 ),
		'2'    => array( 2, 2 ),
		'3'    => array( 3, 3 ),
		'4-5'  => array( 4, 5 ),
		'6-10' => array( 6, 10 ),
		'11+'  => array( 11, PHP_INT_MAX ),
	);

	/**
	 * Turns before transfer: the handoff's turn (the visitor's message that brought it, counted
	 * from 1), as a distribution, with the unproductive turns before it in each bucket.
	 *
	 * @param array      $data      The period's rows.
	 * @phpstan-param Report_Data $data
	 * @param float      $threshold The answer threshold.
	 * @param array|null $turns The rows' turns (Turns::by_conversation()), when the caller has them.
	 * @phpstan-param array<int, list<array{id: int, handoff_id: int, unproductive: bool, signals: list<string>}>>|null $turns
	 * @return array{handoffs: int, median: float|null, unproductive_turns: int, handoffs_after_unproductive: int, buckets: list<array{turns: string, handoffs: int, unproductive_turns: int}>}
	 */
	public static function turns( array $data, float $threshold, ?array $turns = null ): array {
		$turns ??= Turns::by_conversation( $data['events'], $threshold );
		$buckets = array();
		foreach ( array_keys( self::BUCKETS ) as $label ) {
			$buckets[ $label ] = array( 0, 0 );
		}
		$all    = array();
		$wasted = 0;
		$after  = 0;
		foreach ( $data['handoffs'] as $handoff ) {
			if ( $handoff['turn'] < 1 ) {
				continue;
			}
			$before = count( array_filter( array_column( Turns::before( $turns[ $handoff['conversation_id'] ] ?? array(), $handoff['id'] ), 'unproductive' ) ) );
			$all[]  = $handoff['turn'];
			foreach ( self::BUCKETS as $label => $range ) {
				if ( $handoff['turn'] >= $range[0] && $handoff['turn'] <= $range[1] ) {
					++$buckets[ $label ][0];
					$buckets[ $label ][1] += $before;
				}
			}
			$wasted += $before;
			$after  += $before > 0 ? 1 : 0;
		}
		$rows = array();
		foreach ( $buckets as $label => $counts ) {
			$rows[] = array(
				'turns'              => (string) $label,
				'handoffs'           => $counts[0],
				'unproductive_turns' => $counts[1],
			);
		}
		return array(
			'handoffs'                    => count( $all ),
			'median'                      => Stats::median( $all ),
			'unproductive_turns'          => $wasted,
			'handoffs_after_unproductive' => $after,
			'buckets'                     => $rows,
		);
	}

	/**
	 * Customer effort: a person asked for within the first two turns; offers of a person the
	 * visitor left without a word; conversations where the visitor's words asked for a person
	 * (the `human_request` signal); handoffs with frustration (negative sentiment) in the turns up
	 * to the handoff.
	 *
	 * @param array      $data      The period's rows.
	 * @phpstan-param Report_Data $data
	 * @param float      $threshold The answer threshold.
	 * @param array|null $turns The rows' turns (Turns::by_conversation()), when the caller has them.
	 * @phpstan-param array<int, list<array{id: int, handoff_id: int, unproductive: bool, signals: list<string>}>>|null $turns
	 * @return array{early_requests: int, early_request_share: float|null, offers: int, offers_dropped: int, offer_drop_rate: float|null, asked_for_person: int, asked_for_person_share: float|null, negative_before_handoff: int, negative_before_handoff_share: float|null}
	 */
	public static function effort( array $data, float $threshold, ?array $turns = null ): array {
		$turns  ??= Turns::by_conversation( $data['events'], $threshold );
		$handoffs = count( $data['handoffs'] );
		$early    = 0;
		$negative = 0;
		foreach ( $data['handoffs'] as $handoff ) {
			if ( Reason::TRIGGER_USER === $handoff['trigger_type'] && $handoff['turn'] >= 1 && $handoff['turn'] <= 2 ) {
				++$early;
			}
			$angry = Reason::FRUSTRATION === $handoff['reason'];
			foreach ( $turns[ $handoff['conversation_id'] ] ?? array() as $turn ) {
				$angry = $angry || in_array( 'frustration', $turn['signals'], true );
				if ( $turn['handoff_id'] === $handoff['id'] ) {
					break;
				}
			}
			$negative += $angry ? 1 : 0;
		}
		$asked = 0;
		foreach ( $turns as $conversation => $list ) {
			if ( ! isset( $data['conversations'][ $conversation ] ) ) {
				continue;
			}
			foreach ( $list as $turn ) {
				if ( in_array( 'human_request', $turn['signals'], true ) ) {
					++$asked;
					break;
				}
			}
		}
		$offers  = count( $data['offers'] );
		$dropped = count( array_filter( $data['offers'], static fn( bool $followed ): bool => ! $followed ) );
		return array(
			'early_requests'                => $early,
			'early_request_share'           => Stats::rate( $early, $handoffs ),
			'offers'                        => $offers,
			'offers_dropped'                => $dropped,
			'offer_drop_rate'               => Stats::rate( $dropped, $offers ),
			'asked_for_person'              => $asked,
			'asked_for_person_share'        => Stats::rate( $asked, count( $data['conversations'] ) ),
			'negative_before_handoff'       => $negative,
			'negative_before_handoff_share' => Stats::rate( $negative, $handoffs ),
		);
	}
}
