<?php
/**
 * When the bot keeps failing, a person is offered, then brought in.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Escalation\Rules;

use HandoffBot\Escalation\Context;
use HandoffBot\Escalation\Decision;
use HandoffBot\Escalation\Reason;
use HandoffBot\Knowledge\Answer;

defined( 'ABSPATH' ) || exit;

/**
 * Counts the unproductive turns, this one included: an answer the bot did not know or was unsure
 * of, a question asked again, an answer marked unhelpful. From the policy's "offer after" (2 by
 * default) a person is offered; from its "hand off after" (3) one is brought in.
 */
final class Repeated_Failure_Rule extends Base_Rule {

	/**
	 * {@inheritDoc}
	 */
	public function get_id(): string {
		return 'repeated_failure';
	}

	/**
	 * {@inheritDoc}
	 */
	public function get_label(): string {
		return __( 'The bot keeps failing', 'handoff-bot' );
	}

	/**
	 * The rule's decision, or null to let the next rule decide.
	 *
	 * @param Context $context Signals, answer, turn and policy.
	 */
	public function evaluate( Context $context ): ?Decision {
		$signals = array();
		$now     = false;
		if ( $context->signal( 'repetition' )->fired ) {
			$signals[] = 'repetition';
			$now       = true;
		}
		if ( null !== $context->answer && Answer::KIND_DONT_KNOW === $context->answer->kind ) {
			$now = true;
		}
		$count = $context->unproductive + ( $now ? 1 : 0 );
		if ( $count > 0 ) {
			$signals[] = 'unproductive';
		}
		if ( ! $now ) {
			return null;
		}
		if ( $count >= (int) $context->policy->threshold( 'handoff_after' ) ) {
			return $this->decide( $context, Reason::KIND_HANDOFF, Reason::REPEATED_FAILURE, Reason::TRIGGER_SYSTEM, $signals );
		}
		if ( $count >= (int) $context->policy->threshold( 'offer_after' ) ) {
			return $this->decide( $context, Reason::KIND_OFFER_CHOICE, Reason::REPEATED_FAILURE, Reason::TRIGGER_SYSTEM, $signals );
		}
		return null;
	}
}
