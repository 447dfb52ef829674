<?php
/**
 * Who is handed to a person, and why: escalation rate by intent, triggers, reasons, privacy.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Reports;

use HandoffBot\Escalation\Policy;
use HandoffBot\Escalation\Reason;

defined( 'ABSPATH' ) || exit;

/**
 * Pure: computed from the rows Report_Repository reads (docs/METRICS.md defines each figure).
 *
 * @phpstan-import-type Report_Data from Metrics
 */
final class Escalation_Metrics {

	/**
	 * Escalation rate by intent: conversations with a handoff ÷ conversations, grouped by the
	 * intent of the conversation's first handoff, or else the last intent its turns detected.
	 * Intents whose policy sends them to a person (always human, private) are marked: a high rate
	 * is expected there, and a warning for the others.
	 *
	 * @param array  $data   The period's rows.
	 * @phpstan-param Report_Data $data
	 * @param Policy $policy The policy in force.
	 * @return array{conversations: int, handed_off: int, rate: float|null, intents: list<array{intent: string, label: string, policy: string, expects_person: bool, conversations: int, handed_off: int, rate: float|null}>}
	 */
	public static function by_intent( array $data, Policy $policy ): array {
		$intent = array();
		foreach ( $data['events'] as $event ) {
			$name = (string) ( $event['data']['intent'] ?? '' );
			if ( '' !== $name && in_array( $event['type'], Turns::TYPES, true ) ) {
				$intent[ $event['conversation_id'] ] = $name;
			}
		}
		$handed = array();
		foreach ( $data['handoffs'] as $handoff ) {
			if ( ! isset( $handed[ $handoff['conversation_id'] ] ) ) {
				$handed[ $handoff['conversation_id'] ] = true;
				if ( '' !== $handoff['intent'] ) {
					$intent[ $handoff['conversation_id'] ] = $handoff['intent'];
				}
			}
		}
		$groups = array();
		foreach ( array_keys( $data['conversations'] ) as $id ) {
			$name = $intent[ $id ] ?? '';
			if ( ! isset( $groups[ $name ] ) ) {
				$groups[ $name ] = array( 0, 0 );
			}
			++$groups[ $name ][0];
			if ( isset( $handed[ $id ] ) ) {
				++$groups[ $name ][1];
			}
		}
		$rows = array();
		foreach ( $groups as $name => $counts ) {
			$name   = (string) $name;
			$found  = '' === $name ? null : $policy->intent( $name );
			$kind   = null !== $found ? $found['policy'] : '';
			$rows[] = array(
				'intent'         => $name,
				'label'          => null !== $found ? $found['label'] : $name,
				'policy'         => $kind,
				'expects_person' => in_array( $kind, array( Reason::POLICY_HUMAN, Reason::POLICY_PRIVATE ), true ),
				'conversations'  => $counts[0],
				'handed_off'     => $counts[1],
				'rate'           => Stats::rate( $counts[1], $counts[0] ),
			);
		}
		usort(
			$rows,
			static function ( array $a, array $b ): int {
				return array( $b['conversations'], $a['intent'] ) <=> array( $a['conversations'], $b['intent'] );
			}
		);
		$total = count( $data['conversations'] );
		$with  = count( array_intersect_key( $handed, $data['conversations'] ) );
		return array(
			'conversations' => $total,
			'handed_off'    => $with,
			'rate'          => Stats::rate( $with, $total ),
			'intents'       => $rows,
		);
	}

	/**
	 * Handoffs the visitor asked for (trigger `user`) against those the bot or a rule started
	 * (`system`, `rule`), per local day of the request.
	 *
	 * @param array  $data   The period's rows.
	 * @phpstan-param Report_Data $data
	 * @param Period $period The period.
	 * @return array{user: int, system: int, user_share: float|null, days: list<array{day: string, user: int, system: int}>}
	 */
	public static function triggers( array $data, Period $period ): array {
		$days  = array_fill_keys( $period->day_list(), array( 0, 0 ) );
		$last  = $period->to();
		$total = array( 0, 0 );
		foreach ( $data['handoffs'] as $handoff ) {
			$side = Reason::TRIGGER_USER === $handoff['trigger_type'] ? 0 : 1;
			$day  = min( $last, $period->local_day( $handoff['requested_at'] ) );
			if ( isset( $days[ $day ] ) ) {
				++$days[ $day ][ $side ];
			}
			++$total[ $side ];
		}
		$series = array();
		foreach ( $days as $day => $counts ) {
			$series[] = array(
				'day'    => (string) $day,
				'user'   => $counts[0],
				'system' => $counts[1],
			);
		}
		return array(
			'user'       => $total[0],
			'system'     => $total[1],
			'user_share' => Stats::rate( $total[0], $total[0] + $total[1] ),
			'days'       => $series,
		);
	}

	/**
	 * Handoffs by reason code (every code, zero when unused, then any other code stored), with
	 * each one's share and its count per local day.
	 *
	 * @param array  $data   The period's rows.
	 * @phpstan-param Report_Data $data
	 * @param Period $period The period.
	 * @return list<array{reason: string, handoffs: int, share: float|null, days: list<int>}>
	 */
	public static function reasons( array $data, Period $period ): array {
		$index  = array_flip( $period->day_list() );
		$last   = $period->to();
		$counts = array_fill_keys( Reason::reasons(), 0 );
		$days   = array();
		foreach ( $data['handoffs'] as $handoff ) {
			$reason            = $handoff['reason'];
			$counts[ $reason ] = ( $counts[ $reason ] ?? 0 ) + 1;
			if ( ! isset( $days[ $reason ] ) ) {
				$days[ $reason ] = array_fill( 0, count( $index ), 0 );
			}
			$day = min( $last, $period->local_day( $handoff['requested_at'] ) );
			if ( isset( $index[ $day ] ) ) {
				++$days[ $reason ][ $index[ $day ] ];
			}
		}
		$total = count( $data['handoffs'] );
		$rows  = array();
		foreach ( $counts as $reason => $count ) {
			$rows[] = array(
				'reason'   => (string) $reason,
				'handoffs' => $count,
				'share'    => Stats::rate( $count, $total ),
				'days'     => $days[ $reason ] ?? array_fill( 0, count( $index ), 0 ),
			);
		}
		return $rows;
	}

	/**
	 * Handoffs routed privately (route `private`), by reason.
	 *
	 * @param array $data The period's rows.
	 * @phpstan-param Report_Data $data
	 * @return array{handoffs: int, share: float|null, reasons: array<string, int>}
	 */
	public static function privacy( array $data ): array {
		$reasons = array();
		foreach ( $data['handoffs'] as $handoff ) {
			if ( Reason::POLICY_PRIVATE === $handoff['route'] || 'private' === $handoff['route_reason'] ) {
				$reasons[ $handoff['reason'] ] = ( $reasons[ $handoff['reason'] ] ?? 0 ) + 1;
			}
		}
		arsort( $reasons );
		$count = (int) array_sum( $reasons );
		return array(
			'handoffs' => $count,
			'share'    => Stats::rate( $count, count( $data['handoffs'] ) ),
			'reasons'  => $reasons,
		);
	}
}
