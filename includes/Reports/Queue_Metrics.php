<?php
/**
 * The queue: transfers in staffed hours, fallbacks, delay to a person, abandonment.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Reports;

defined( 'ABSPATH' ) || exit;

/**
 * Pure: computed from the handoff rows (docs/METRICS.md).
 *
 * @phpstan-import-type Report_Data from Metrics
 */
final class Queue_Metrics {

	/**
	 * The routing outcomes that send a handoff to a fallback instead of a live chat.
	 */
	public const FALLBACKS = array( 'after_hours', 'no_agent', 'queue_full' );

	/**
	 * The queue's figures.
	 *
	 * - Transfer success in staffed hours: live handoffs (routing outcome `live`: staffed, an
	 *   agent available) an agent accepted ÷ live handoffs.
	 * - Fallbacks by kind: handoffs whose routing outcome was after_hours, no_agent or
	 *   queue_full, by that outcome and by the route taken (ticket, callback).
	 * - Delay to the first human reply: first_reply_at − requested_at, in seconds, over handoffs
	 *   a person replied to; median and p90 (nearest rank).
	 * - Abandonment while waiting: live handoffs whose visitor left the queue or was dropped from
	 *   it (a `left_queue` or `abandoned` event) ÷ live handoffs.
	 *
	 * @param array $data The period's rows.
	 * @phpstan-param Report_Data $data
	 * @return array{live: int, accepted: int, transfer_success_rate: float|null, fallbacks: int, fallbacks_by_kind: array<string, int>, fallbacks_by_route: array<string, int>, replied: int, delay_median_seconds: float|null, delay_p90_seconds: float|null, abandoned: int, abandonment_rate: float|null}
	 */
	public static function compute( array $data ): array {
		$live      = 0;
		$accepted  = 0;
		$abandoned = 0;
		$kinds     = array_fill_keys( self::FALLBACKS, 0 );
		$routes    = array();
		$delays    = array();
		foreach ( $data['handoffs'] as $handoff ) {
			if ( 'live' === $handoff['route_reason'] ) {
				++$live;
				$accepted  += null !== $handoff['accepted_at'] ? 1 : 0;
				$abandoned += $handoff['abandoned'] ? 1 : 0;
			} elseif ( isset( $kinds[ $handoff['route_reason'] ] ) ) {
				++$kinds[ $handoff['route_reason'] ];
				$routes[ $handoff['route'] ] = ( $routes[ $handoff['route'] ] ?? 0 ) + 1;
			}
			if ( null !== $handoff['first_reply_at'] ) {
				$delays[] = Stats::seconds( $handoff['requested_at'], $handoff['first_reply_at'] );
			}
		}
		ksort( $routes );
		return array(
			'live'                  => $live,
			'accepted'              => $accepted,
			'transfer_success_rate' => Stats::rate( $accepted, $live ),
			'fallbacks'             => (int) array_sum( $kinds ),
			'fallbacks_by_kind'     => $kinds,
			'fallbacks_by_route'    => $routes,
			'replied'               => count( $delays ),
			'delay_median_seconds'  => Stats::median( $delays ),
			'delay_p90_seconds'     => Stats::percentile( $delays, 90 ),
			'abandoned'             => $abandoned,
			'abandonment_rate'      => Stats::rate( $abandoned, $live ),
		);
	}
}
