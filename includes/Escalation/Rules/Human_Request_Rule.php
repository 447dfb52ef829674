<?php
/**
 * A visitor who asks for a person gets one.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Escalation\Rules;

use HandoffBot\Escalation\Context;
use HandoffBot\Escalation\Decision;
use HandoffBot\Escalation\Reason;

defined( 'ABSPATH' ) || exit;

/**
 * The "talk to a person" button, or a message that asks for a person ("can I speak to someone",
 * "agent please"), hands off at once.
 */
final class Human_Request_Rule extends Base_Rule {

	/**
	 * {@inheritDoc}
	 */
	public function get_id(): string {
		return 'human_request';
	}

	/**
	 * {@inheritDoc}
	 */
	public function get_label(): string {
		return __( 'The visitor asks for a person', 'handoff-bot' );
	}

	/**
	 * The rule's decision, or null to let the next rule decide.
	 *
	 * @param Context $context Signals, answer, turn and policy.
	 */
	public function evaluate( Context $context ): ?Decision {
		if ( ! $this->asked_for_a_person( $context ) ) {
			return null;
		}
		return $this->decide( $context, Reason::KIND_HANDOFF, Reason::USER_REQUESTED, Reason::TRIGGER_USER, array( 'human_request' ) );
	}
}
