<?php
/**
 * Counts the bot's unproductive turns so far.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Signals;

use HandoffBot\Contracts\Signal;
use HandoffBot\Knowledge\Answer;

defined( 'ABSPATH' ) || exit;

/**
 * The bot's earlier replies that did not move the visitor on: marked unproductive when they were
 * stored (below the confidence threshold, or answering a repeated question), a "don't know", or
 * marked unhelpful by the visitor. Each reply counts once. The label is the count, the score
 * reaches 1 at three, and the evidence says why each reply counted. The escalation engine counts
 * these turns itself; this signal is what the rules tester and the handoff show.
 */
final class Unproductive_Signal implements Signal {

	/**
	 * The count at which the score is 1.
	 */
	private const FULL = 3;

	/**
	 * {@inheritDoc}
	 */
	public function get_id(): string {
		return 'unproductive';
	}

	/**
	 * How many of the bot's earlier replies were unproductive, and why.
	 *
	 * @param Signal_Context $context The message, the conversation before it, and the rules.
	 */
	public function detect( Signal_Context $context ): Signal_Result {
		$count    = 0;
		$evidence = array();
		$reply    = 0;
		foreach ( $context->history as $turn ) {
			// A person's replies (an agent's) are not the bot's to count.
			if ( 'bot' !== $turn['role'] ) {
				continue;
			}
			++$reply;
			$why = array();
			if ( ! empty( $turn['unproductive'] ) ) {
				$why[] = 'unproductive';
			}
			if ( Answer::KIND_DONT_KNOW === ( $turn['kind'] ?? '' ) ) {
				$why[] = 'did not know';
			}
			if ( -1 === ( $turn['feedback'] ?? null ) ) {
				$why[] = 'marked unhelpful';
			}
			if ( $why ) {
				++$count;
				$evidence[] = sprintf( 'reply %1$d: %2$s', $reply, implode( ', ', $why ) );
			}
		}//end foreach
		return new Signal_Result( $this->get_id(), $count >= 1, min( 1.0, $count / self::FULL ), (string) $count, $evidence );
	}
}
