<?php
/**
 * What the escalation rules look at.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Escalation;

use HandoffBot\Knowledge\Answer;
use HandoffBot\Signals\Signal_Result;

defined( 'ABSPATH' ) || exit;

/**
 * A value: every signal's result by its identifier, the answer (null before the answerer ran,
 * or when it was not needed), the visitor's turn (1 for the first message), the unproductive
 * turns so far (answers below the threshold or "I don't know", repeated questions, answers the
 * visitor marked unhelpful), whether the visitor pressed "talk to a person", and the rules.
 */
final class Context {

	/**
	 * Signal results by signal identifier.
	 *
	 * @var array<string, Signal_Result>
	 */
	public array $signals;

	/**
	 * The answer, when the answerer ran.
	 *
	 * @var Answer|null
	 */
	public ?Answer $answer;

	/**
	 * The visitor's turn, from 1.
	 *
	 * @var int
	 */
	public int $turn;

	/**
	 * Unproductive turns before this one.
	 *
	 * @var int
	 */
	public int $unproductive;

	/**
	 * Whether the visitor pressed "talk to a person".
	 *
	 * @var bool
	 */
	public bool $button;

	/**
	 * The escalation policy in force.
	 *
	 * @var Policy
	 */
	public Policy $policy;

	/**
	 * Builds the value.
	 *
	 * @param array<string, Signal_Result> $signals      Signal results.
	 * @param Answer|null                  $answer       The answer, if any.
	 * @param int                          $turn         The visitor's turn.
	 * @param int                          $unproductive Unproductive turns before this one.
	 * @param Policy                       $policy       The policy in force.
	 * @param bool                         $button       Whether the button was pressed.
	 */
	public function __construct( array $signals, ?Answer $answer, int $turn, int $unproductive, Policy $policy, bool $button = false ) {
		$this->signals      = $signals;
		$this->answer       = $answer;
		$this->turn         = $turn;
		$this->unproductive = $unproductive;
		$this->policy       = $policy;
		$this->button       = $button;
	}

	/**
	 * A signal's result (one that found nothing when the signal did not run).
	 *
	 * @param string $id Signal identifier.
	 */
	public function signal( string $id ): Signal_Result {
		return $this->signals[ $id ] ?? Signal_Result::none( $id );
	}

	/**
	 * The same context with the answer.
	 *
	 * @param Answer $answer The answer.
	 */
	public function with_answer( Answer $answer ): self {
		return new self( $this->signals, $answer, $this->turn, $this->unproductive, $this->policy, $this->button );
	}
}
