<?php
/**
 * One visitor message through signals, answer and engine.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Escalation;

use HandoffBot\Contracts\Rule;
use HandoffBot\Contracts\Signal;
use HandoffBot\Knowledge\Answer;
use HandoffBot\Signals\Signal_Context;
use HandoffBot\Signals\Signal_Result;

defined( 'ABSPATH' ) || exit;

/**
 * Reads the signals, asks the engine whether a person is needed before any answer (a request
 * for a person, a business rule, the private route), answers only when the decision still needs
 * an answer, and asks the engine again with the answer. Stores nothing: the conversation flow
 * stores what it returns, and the rules tester shows it.
 *
 * @phpstan-import-type Turn from Signal_Context
 * @phpstan-import-type Skipped from Engine
 * @phpstan-type Outcome array{signals: array<string, Signal_Result>, answer: Answer|null, decision: Decision, unproductive: int, skipped: list<Skipped>}
 */
final class Escalation_Service {

	/**
	 * The engine.
	 *
	 * @var Engine
	 */
	private Engine $engine;

	/**
	 * Builds the service.
	 *
	 * @param Engine $engine The engine.
	 */
	public function __construct( Engine $engine ) {
		$this->engine = $engine;
	}

	/**
	 * What to do with a visitor's message.
	 *
	 * @param string             $text     The message.
	 * @param string             $language Its language.
	 * @param array<int, mixed>  $history  Earlier turns, oldest first.
	 * @phpstan-param list<Turn> $history
	 * @param Policy             $policy   The policy in force (or an unsaved one, in the tester).
	 * @param array<int, Signal> $signals  The signals to read.
	 * @param array<int, Rule>   $rules    The rules, in order.
	 * @param callable           $answer   Returns the Answer for the message (called at most once).
	 * @phpstan-param callable(): Answer $answer
	 * @param bool               $button   Whether the visitor pressed "talk to a person".
	 * @param int|null           $turn     The visitor's turn (from 1), when the history is only the
	 *                                     latest part of the conversation; counted from it otherwise.
	 * @return Outcome
	 */
	public function handle( string $text, string $language, array $history, Policy $policy, array $signals, array $rules, callable $answer, bool $button = false, ?int $turn = null ): array {
		$context = new Signal_Context( $text, $language, $history, $policy, $button );
		$results = array();
		$skipped = array();
		foreach ( $signals as $signal ) {
			try {
				$result                       = $signal->detect( $context );
				$results[ $signal->get_id() ] = $result;
			} catch ( \Throwable $e ) {
				$skipped[] = array(
					'rule'  => 'signal:' . $signal->get_id(),
					'error' => $e->getMessage(),
				);
			}
		}
		$unproductive = 0;
		foreach ( $history as $earlier ) {
			if ( ! empty( $earlier['unproductive'] ) ) {
				++$unproductive;
			}
		}
		$turn = $turn ?? 1 + count(
			array_filter(
				$history,
				static function ( array $earlier ): bool {
					return 'visitor' === $earlier['role'];
				}
			)
		);

		$before  = new Context( $results, null, $turn, $unproductive, $policy, $button );
		$first   = $this->engine->evaluate( $before, $rules );
		$skipped = array_merge( $skipped, $first['skipped'] );
		if ( $first['decision']->is_handoff() ) {
			return array(
				'signals'      => $results,
				'answer'       => null,
				'decision'     => $first['decision'],
				'unproductive' => $unproductive,
				'skipped'      => $skipped,
			);
		}

		$reply  = $answer();
		$second = $this->engine->evaluate( $before->with_answer( $reply ), $rules );
		return array(
			'signals'      => $results,
			'answer'       => $reply,
			'decision'     => $second['decision'],
			'unproductive' => $unproductive,
			'skipped'      => array_merge( $skipped, $second['skipped'] ),
		);
	}

	/**
	 * Whether a turn was unproductive: the bot did not know, the visitor asked again, or marked
	 * the answer unhelpful (stored with the reply, counted by later turns).
	 *
	 * @param array<string, Signal_Result> $signals Signal results.
	 * @param Answer|null                  $answer  The answer, if any.
	 */
	public static function unproductive( array $signals, ?Answer $answer ): bool {
		return ( isset( $signals['repetition'] ) && $signals['repetition']->fired )
			|| ( null !== $answer && Answer::KIND_DONT_KNOW === $answer->kind );
	}
}
