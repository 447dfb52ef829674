<?php
/**
 * How handoffs ended: agent saves, failed escalations, automation candidates, satisfaction,
 * and the context agents were given.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Reports;

use HandoffBot\Handoff\Context_Package;

defined( 'ABSPATH' ) || exit;

/**
 * Pure: computed from the handoff rows and the rating events (docs/METRICS.md).
 *
 * @phpstan-import-type Report_Data from Metrics
 */
final class Outcome_Metrics {

	/**
	 * Agent save rate: handoffs an agent accepted (accepted_at set) and resolved with the outcome
	 * `resolved` ÷ handoffs an agent accepted; overall and by reason, intent and team.
	 *
	 * @param array $data The period's rows.
	 * @phpstan-param Report_Data $data
	 * @return array{accepted: int, resolved: int, rate: float|null, by_reason: list<array{key: string, accepted: int, resolved: int, rate: float|null}>, by_intent: list<array{key: string, accepted: int, resolved: int, rate: float|null}>, by_team: list<array{key: string, accepted: int, resolved: int, rate: float|null}>}
	 */
	public static function saves( array $data ): array {
		$groups = array(
			'reason' => array(),
			'intent' => array(),
			'team'   => array(),
		);
		$total  = array( 0, 0 );
		foreach ( $data['handoffs'] as $handoff ) {
			if ( null === $handoff['accepted_at'] ) {
				continue;
			}
			$saved = 'resolved' === $handoff['outcome'] ? 1 : 0;
			++$total[0];
			$total[1] += $saved;
			foreach ( array_keys( $groups ) as $by ) {
				$key = $handoff[ $by ];
				if ( ! isset( $groups[ $by ][ $key ] ) ) {
					$groups[ $by ][ $key ] = array( 0, 0 );
				}
				++$groups[ $by ][ $key ][0];
				$groups[ $by ][ $key ][1] += $saved;
			}
		}
		$out = array(
			'accepted' => $total[0],
			'resolved' => $total[1],
			'rate'     => Stats::rate( $total[1], $total[0] ),
		);
		foreach ( $groups as $by => $rows ) {
			ksort( $rows );
			$list = array();
			foreach ( $rows as $key => $counts ) {
				$list[] = array(
					'key'      => (string) $key,
					'accepted' => $counts[0],
					'resolved' => $counts[1],
					'rate'     => Stats::rate( $counts[1], $counts[0] ),
				);
			}
			$out[ 'by_' . $by ] = $list;
		}
		return $out;
	}

	/**
	 * Escalations that failed: live handoffs (routed to the live queue, routing outcome `live`)
	 * tagged `escalation_failed` (nobody accepted within the set time) ÷ live handoffs.
	 *
	 * @param array $data The period's rows.
	 * @phpstan-param Report_Data $data
	 * @return array{live: int, failed: int, rate: float|null}
	 */
	public static function escalation_failed( array $data ): array {
		$live   = 0;
		$failed = 0;
		foreach ( $data['handoffs'] as $handoff ) {
			if ( 'live' === $handoff['route_reason'] ) {
				++$live;
				$failed += in_array( 'escalation_failed', $handoff['tags'], true ) ? 1 : 0;
			}
		}
		return array(
			'live'   => $live,
			'failed' => $failed,
			'rate'   => Stats::rate( $failed, $live ),
		);
	}

	/**
	 * Automation candidates: handoffs an agent tagged `bot_could_answer`, by topic (most first).
	 *
	 * @param array $data The period's rows.
	 * @phpstan-param Report_Data $data
	 * @return array{handoffs: int, share: float|null, topics: list<array{topic: string, handoffs: int}>}
	 */
	public static function automation( array $data ): array {
		$topics = array();
		foreach ( $data['handoffs'] as $handoff ) {
			if ( in_array( 'bot_could_answer', $handoff['tags'], true ) ) {
				$topics[ $handoff['topic'] ] = ( $topics[ $handoff['topic'] ] ?? 0 ) + 1;
			}
		}
		$rows = array();
		foreach ( $topics as $topic => $count ) {
			$rows[] = array(
				'topic'    => (string) $topic,
				'handoffs' => $count,
			);
		}
		usort(
			$rows,
			static function ( array $a, array $b ): int {
				return array( $b['handoffs'], $a['topic'] ) <=> array( $a['handoffs'], $b['topic'] );
			}
		);
		$count = (int) array_sum( $topics );
		return array(
			'handoffs' => $count,
			'share'    => Stats::rate( $count, count( $data['handoffs'] ) ),
			'topics'   => $rows,
		);
	}

	/**
	 * Satisfaction: the end-of-chat ratings (1–5; a conversation rated twice counts its last
	 * rating), split by who served the conversation as the `rated` event records it: the bot
	 * alone, or a person.
	 *
	 * @param array $data The period's rows.
	 * @phpstan-param Report_Data $data
	 * @return array{bot: array{ratings: int, mean: float|null, satisfied_share: float|null}, person: array{ratings: int, mean: float|null, satisfied_share: float|null}}
	 */
	public static function satisfaction( array $data ): array {
		$last = array();
		foreach ( $data['events'] as $event ) {
			$rating = $event['data']['rating'] ?? null;
			if ( 'rated' === $event['type'] && is_int( $rating ) && $rating >= 1 && $rating <= 5 ) {
				$last[ $event['conversation_id'] ] = array( 'person' === ( $event['data']['served_by'] ?? '' ) ? 'person' : 'bot', $rating );
			}
		}
		$split = array(
			'bot'    => array(),
			'person' => array(),
		);
		foreach ( $last as $pair ) {
			$split[ $pair[0] ][] = $pair[1];
		}
		$out = array();
		foreach ( $split as $who => $ratings ) {
			$out[ $who ] = array(
				'ratings'         => count( $ratings ),
				'mean'            => Stats::mean( $ratings ),
				'satisfied_share' => Stats::rate( count( array_filter( $ratings, static fn( int $r ): bool => $r >= 4 ) ), count( $ratings ) ),
			);
		}
		return array(
			'bot'    => $out['bot'],
			'person' => $out['person'],
		);
	}

	/**
	 * Context completeness: for each field of the package, the share of handoffs whose package
	 * has it; the mean score (fields present ÷ fields); the mean score per local day of request.
	 *
	 * @param array  $data   The period's rows.
	 * @phpstan-param Report_Data $data
	 * @param Period $period The period.
	 * @return array{handoffs: int, score: float|null, fields: array<string, float|null>, days: list<array{day: string, handoffs: int, score: float|null}>}
	 */
	public static function completeness( array $data, Period $period ): array {
		$present = array_fill_keys( Context_Package::FIELDS, 0 );
		$scores  = array();
		$days    = array_fill_keys( $period->day_list(), array() );
		$last    = $period->to();
		foreach ( $data['handoffs'] as $handoff ) {
			if ( null === $handoff['completeness'] ) {
				continue;
			}
			$have = 0;
			foreach ( Context_Package::FIELDS as $field ) {
				if ( ! empty( $handoff['completeness'][ $field ] ) ) {
					++$present[ $field ];
					++$have;
				}
			}
			$score    = $have / count( Context_Package::FIELDS );
			$scores[] = $score;
			$day      = min( $last, $period->local_day( $handoff['requested_at'] ) );
			if ( isset( $days[ $day ] ) ) {
				$days[ $day ][] = $score;
			}
		}
		$fields = array();
		foreach ( $present as $field => $count ) {
			$fields[ $field ] = Stats::rate( $count, count( $scores ) );
		}
		$series = array();
		foreach ( $days as $day => $list ) {
			$series[] = array(
				'day'      => (string) $day,
				'handoffs' => count( $list ),
				'score'    => Stats::mean( $list ),
			);
		}
		return array(
			'handoffs' => count( $scores ),
			'score'    => Stats::mean( $scores ),
			'fields'   => $fields,
			'days'     => $series,
		);
	}
}
