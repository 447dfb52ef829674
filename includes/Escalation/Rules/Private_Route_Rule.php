<?php
/**
 * Sensitive topics go to a person, privately.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Escalation\Rules;

use HandoffBot\Escalation\Context;
use HandoffBot\Escalation\Decision;
use HandoffBot\Escalation\Reason;
use HandoffBot\Signals\Sensitivity_Signal;

defined( 'ABSPATH' ) || exit;

/**
 * An intent whose policy is "private" (privacy and personal data, by default), or personal data
 * typed into the chat (a card number, an IBAN, an ID number, a password) or a sensitive account
 * topic, takes the private route: handled only inside WordPress, whatever the hours. The engine
 * lets this decision win over any other. Personal data always does; a topic only when the message
 * is about the visitor's own case ("What data do you hold about me?", not "What data did the
 * census collect?").
 */
final class Private_Route_Rule extends Base_Rule {

	/**
	 * {@inheritDoc}
	 */
	public function get_id(): string {
		return 'private_route';
	}

	/**
	 * {@inheritDoc}
	 */
	public function get_label(): string {
		return __( 'Sensitive topics and personal data go to a person privately', 'handoff-bot' );
	}

	/**
	 * The rule's decision, or null to let the next rule decide.
	 *
	 * @param Context $context Signals, answer, turn and policy.
	 */
	public function evaluate( Context $context ): ?Decision {
		$intent    = $context->signal( 'intent' );
		$policy    = $intent->fired ? $context->policy->intent( $intent->label ) : null;
		$private   = null !== $policy && Reason::POLICY_PRIVATE === $policy['policy'] && $this->about_own_case( $context, $intent->score );
		$found     = $context->signal( 'sensitivity' );
		$sensitive = $found->fired && ( $found->score >= Sensitivity_Signal::DATA_SCORE || $this->about_own_case( $context, 0.0 ) );
		if ( ! $private && ! $sensitive ) {
			return null;
		}
		$signals = array_values( array_filter( array( $private ? 'intent' : '', $sensitive ? 'sensitivity' : '' ) ) );
		if ( $this->asked_for_a_person( $context ) ) {
			$signals[] = 'human_request';
			$trigger   = Reason::TRIGGER_USER;
		} else {
			$trigger = $private ? Reason::TRIGGER_RULE : Reason::TRIGGER_SYSTEM;
		}
		return $this->decide( $context, Reason::KIND_PRIVATE_HANDOFF, Reason::SENSITIVE_ACCOUNT, $trigger, $signals );
	}
}
