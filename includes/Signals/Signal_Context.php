<?php
/**
 * What a signal reads.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Signals;

use HandoffBot\Escalation\Policy;

defined( 'ABSPATH' ) || exit;

/**
 * A value: the visitor's latest message, its language, the conversation before it (oldest
 * first: the visitor's messages and the bot's replies with their kind, confidence and feedback),
 * whether the visitor pressed "talk to a person", and the rules in force (intents, phrases,
 * thresholds), which may be unsaved ones in the rules tester.
 *
 * @phpstan-type Turn array{role: string, body: string, kind?: string, confidence?: float, feedback?: int|null, unproductive?: bool}
 */
final class Signal_Context {

	/**
	 * The latest message, as the visitor wrote it.
	 *
	 * @var string
	 */
	public string $text;

	/**
	 * Its language (BCP 47 primary tag).
	 *
	 * @var string
	 */
	public string $language;

	/**
	 * The conversation before it, oldest first.
	 *
	 * @var list<Turn>
	 */
	public array $history;

	/**
	 * Whether the visitor pressed the chat's "talk to a person" button (rather than typing).
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
	 * @param string            $text     Latest message.
	 * @param string            $language Its language.
	 * @param array<int, mixed> $history  Earlier turns, oldest first.
	 * @phpstan-param list<Turn> $history
	 * @param Policy            $policy   The policy in force.
	 * @param bool              $button   Whether the button was pressed.
	 */
	public function __construct( string $text, string $language, array $history, Policy $policy, bool $button = false ) {
		$this->text     = $text;
		$this->language = $language;
		$this->history  = $history;
		$this->policy   = $policy;
		$this->button   = $button;
	}

	/**
	 * The visitor's earlier messages, oldest first.
	 *
	 * @return list<string>
	 */
	public function visitor_turns(): array {
		$out = array();
		foreach ( $this->history as $turn ) {
			if ( 'visitor' === $turn['role'] ) {
				$out[] = $turn['body'];
			}
		}
		return $out;
	}
}
