<?php
/**
 * One layer of the escalation policy.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Contracts;

use HandoffBot\Escalation\Context;
use HandoffBot\Escalation\Decision;

defined( 'ABSPATH' ) || exit;

/**
 * A rule looks at the signals, the answer and the conversation so far, and either decides (an
 * answer, an offer to talk to a person, a handoff, a private handoff) or passes (null) to the
 * next rule. It must be side-effect free: the engine runs it in the rules tester too. Sites add
 * rules through the `handoff_bot_escalation_rules` filter.
 */
interface Rule {

	/**
	 * A stable identifier, e.g. "human_request".
	 */
	public function get_id(): string;

	/**
	 * A short label for the rules screen and the tester.
	 */
	public function get_label(): string;

	/**
	 * JSON schema of the rule's settings (an object schema; empty properties when it has none).
	 *
	 * @return array<string, mixed>
	 */
	public function get_settings_schema(): array;

	/**
	 * The rule's decision, or null to let the next rule decide.
	 *
	 * @param Context $context Signals, answer, turn and rules.
	 */
	public function evaluate( Context $context ): ?Decision;
}
