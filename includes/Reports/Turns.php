<?php
/**
 * The visitor's turns as their events record them, and which were unproductive.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Reports;

defined( 'ABSPATH' ) || exit;

/**
 * Pure. A turn is one `answered`, `choice_offered` or `handoff_requested` event (one per visitor
 * message). It was unproductive (DESIGN.md §6) when the answer's confidence was below the answer
 * threshold or the bot did not know, when the visitor repeated an earlier question (the
 * `repetition` signal), or when the visitor marked the answer unhelpful (a `feedback` event on
 * its reply).
 *
 * @phpstan-import-type Report_Event from \HandoffBot\Repositories\Report_Repository
 */
final class Turns {

	/**
	 * The events that are turns.
	 */
	public const TYPES = array( 'answered', 'choice_offered', 'handoff_requested' );

	/**
	 * The turns of each conversation, oldest first: conversation => list of [event ID, handoff ID,
	 * unproductive, signals].
	 *
	 * @param array<int, array> $events    Events, oldest first.
	 * @phpstan-param list<Report_Event> $events
	 * @param float             $threshold The answer threshold.
	 * @return array<int, list<array{id: int, handoff_id: int, unproductive: bool, signals: list<string>}>>
	 */
	public static function by_conversation( array $events, float $threshold ): array {
		$unhelpful = array();
		foreach ( $events as $event ) {
			if ( 'feedback' === $event['type'] && false === ( $event['data']['helpful'] ?? null ) ) {
				$unhelpful[ (int) ( $event['data']['message_id'] ?? 0 ) ] = true;
			}
		}
		$out   = array();
		$types = array_flip( self::TYPES );
		foreach ( $events as $event ) {
			if ( ! isset( $types[ $event['type'] ] ) ) {
				continue;
			}
			$data = $event['data'];
			// Most turns carry no signal: the copy is made only for those that do.
			$signals    = ! empty( $data['signals'] ) && is_array( $data['signals'] ) ? array_values( array_map( 'strval', $data['signals'] ) ) : array();
			$confidence = $data['confidence'] ?? null;
			$low        = 'dont_know' === ( $data['kind'] ?? '' ) || ( is_numeric( $confidence ) && (float) $confidence < $threshold );
			$reply      = (int) ( $data['reply_id'] ?? 0 );

			$out[ $event['conversation_id'] ][] = array(
				'id'           => $event['id'],
				'handoff_id'   => $event['handoff_id'],
				'unproductive' => $low || in_array( 'repetition', $signals, true ) || ( $reply > 0 && isset( $unhelpful[ $reply ] ) ),
				'signals'      => $signals,
			);
		}
		return $out;
	}

	/**
	 * The turns before a handoff was requested (the turn that requested it excluded): all of the
	 * conversation's turns before the first one that carries the handoff.
	 *
	 * @param list<array{id: int, handoff_id: int, unproductive: bool, signals: list<string>}> $turns      The conversation's turns.
	 * @param int                                                                              $handoff_id Handoff.
	 * @return list<array{id: int, handoff_id: int, unproductive: bool, signals: list<string>}>
	 */
	public static function before( array $turns, int $handoff_id ): array {
		$out = array();
		foreach ( $turns as $turn ) {
			if ( $turn['handoff_id'] === $handoff_id ) {
				return $out;
			}
			$out[] = $turn;
		}
		return $out;
	}
}
