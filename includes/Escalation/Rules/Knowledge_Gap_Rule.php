<?php
/**
 * When the bot does not know, it offers a person.
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
 * An answer the bot does not know comes with the offer of a person, for one of two reasons the
 * report tells apart: the site's pages hold little of what was asked (missing knowledge: write
 * the content), or they hold something but not clearly the answer (low confidence: tune).
 */
final class Knowledge_Gap_Rule extends Base_Rule {

	/**
	 * {@inheritDoc}
	 */
	public function get_id(): string {
		return 'knowledge_gap';
	}

	/**
	 * {@inheritDoc}
	 */
	public function get_label(): string {
		return __( 'The bot does not know', 'handoff-bot' );
	}

	/**
	 * The rule's decision, or null to let the next rule decide.
	 *
	 * @param Context $context Signals, answer, turn and policy.
	 */
	public function evaluate( Context $context ): ?Decision {
		$answer = $context->answer;
		if ( null === $answer || Answer::KIND_DONT_KNOW !== $answer->kind ) {
			return null;
		}
		$coverage = (float) ( $answer->evidence['coverage'] ?? 0.0 );
		$missing  = ! $answer->sources_tried || $coverage < $context->policy->threshold( 'missing_coverage' );
		return $this->decide( $context, Reason::KIND_OFFER_CHOICE, $missing ? Reason::MISSING_KNOWLEDGE : Reason::LOW_CONFIDENCE, Reason::TRIGGER_SYSTEM, array( 'confidence' ) );
	}
}
