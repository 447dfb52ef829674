<?php
/**
 * A frustrated visitor gets a person.
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
 * Frustration or strongly negative sentiment at or above the policy's threshold hands off.
 */
final class Frustration_Rule extends Base_Rule {

	/**
	 * {@inheritDoc}
	 */
	public function get_id(): string {
		return 'frustration';
	}

	/**
	 * {@inheritDoc}
	 */
	public function get_label(): string {
		return __( 'The visitor is frustrated', 'handoff-bot' );
	}

	/**
	 * The rule's decision, or null to let the next rule decide.
	 *
	 * @param Context $context Signals, answer, turn and policy.
	 */
	public function evaluate( Context $context ): ?Decision {
		$frustration = $context->signal( 'frustration' );
		if ( ! $frustration->fired || $frustration->score < $context->policy->threshold( 'frustration' ) ) {
			return null;
		}
		return $this->decide( $context, Reason::KIND_HANDOFF, Reason::FRUSTRATION, Reason::TRIGGER_SYSTEM, array( 'frustration' ) );
	}
}
