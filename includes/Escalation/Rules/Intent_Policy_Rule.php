<?php
/**
 * What an intent's policy says.
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
 * The business rules an admin sets per intent: "human" hands off (complaints, legal requests,
 * cancellations, account recovery and billing disputes, by default), "action" hands off because
 * the bot cannot do what is asked, "offer_choice" offers a person at once; "bot" (and "private",
 * which the private route handles) pass. Only for the visitor's own case: a question about the
 * topic in general, in impersonal words and not clearly recognised, is left to the answer.
 */
final class Intent_Policy_Rule extends Base_Rule {

	/**
	 * {@inheritDoc}
	 */
	public function get_id(): string {
		return 'intent_policy';
	}

	/**
	 * {@inheritDoc}
	 */
	public function get_label(): string {
		return __( 'The intent’s policy', 'handoff-bot' );
	}

	/**
	 * The rule's decision, or null to let the next rule decide.
	 *
	 * @param Context $context Signals, answer, turn and policy.
	 */
	public function evaluate( Context $context ): ?Decision {
		$intent = $context->signal( 'intent' );
		$policy = $intent->fired ? $context->policy->intent( $intent->label ) : null;
		if ( null === $policy || ! $this->about_own_case( $context, $intent->score ) ) {
			return null;
		}
		switch ( $policy['policy'] ) {
			case Reason::POLICY_HUMAN:
				return $this->decide( $context, Reason::KIND_HANDOFF, Reason::BUSINESS_RULE, Reason::TRIGGER_RULE, array( 'intent' ) );
			case Reason::POLICY_ACTION:
				return $this->decide( $context, Reason::KIND_HANDOFF, Reason::ACTION_REQUIRED, Reason::TRIGGER_RULE, array( 'intent' ) );
			case Reason::POLICY_OFFER_CHOICE:
				return $this->decide( $context, Reason::KIND_OFFER_CHOICE, Reason::BUSINESS_RULE, Reason::TRIGGER_RULE, array( 'intent' ) );
		}
		return null;
	}
}
