<?php
/**
 * The escalation policy in force, applied to a visitor's message.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Escalation;

use HandoffBot\Knowledge\Answer;
use HandoffBot\Signals\Signal_Context;
use HandoffBot\Signals\Signal_Registry;

defined( 'ABSPATH' ) || exit;

/**
 * Binds the escalation service to what is in force on the site: the signals and rules (with
 * those sites add) and the active policy (read each time it is needed: it is an autoloaded
 * option, and a long-lived process must see a policy saved after it started).
 *
 * @phpstan-import-type Turn from Signal_Context
 * @phpstan-import-type Outcome from Escalation_Service
 */
final class Escalator {

	/**
	 * The service.
	 *
	 * @var Escalation_Service
	 */
	private Escalation_Service $service;

	/**
	 * Signals.
	 *
	 * @var Signal_Registry
	 */
	private Signal_Registry $signals;

	/**
	 * Rules.
	 *
	 * @var Rule_Registry
	 */
	private Rule_Registry $rules;

	/**
	 * Returns the policy in force.
	 *
	 * @var callable(): Policy
	 */
	private $source;

	/**
	 * Builds the escalator.
	 *
	 * @param Escalation_Service $service The service.
	 * @param Signal_Registry    $signals Signals.
	 * @param Rule_Registry      $rules   Rules.
	 * @param callable           $source  Returns the policy in force.
	 * @phpstan-param callable(): Policy $source
	 */
	public function __construct( Escalation_Service $service, Signal_Registry $signals, Rule_Registry $rules, callable $source ) {
		$this->service = $service;
		$this->signals = $signals;
		$this->rules   = $rules;
		$this->source  = $source;
	}

	/**
	 * The policy in force.
	 */
	public function policy(): Policy {
		return ( $this->source )();
	}

	/**
	 * What to do with a visitor's message.
	 *
	 * @param string            $text     The message.
	 * @param string            $language Its language.
	 * @param array<int, mixed> $history  Earlier turns, oldest first.
	 * @phpstan-param list<Turn> $history
	 * @param callable          $answer   Returns the Answer (called at most once).
	 * @phpstan-param callable(): Answer $answer
	 * @param bool              $button   Whether the visitor pressed "talk to a person".
	 * @param int|null          $turn     The visitor's turn (from 1), if the history is not all of it.
	 * @return Outcome
	 */
	public function handle( string $text, string $language, array $history, callable $answer, bool $button = false, ?int $turn = null ): array {
		return $this->service->handle( $text, $language, $history, $this->policy(), $this->signals->all(), $this->rules->all(), $answer, $button, $turn );
	}
}
