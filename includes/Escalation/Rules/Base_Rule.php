<?php
/**
 * What the shipped rules share.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Escalation\Rules;

use HandoffBot\Contracts\Rule;
use HandoffBot\Escalation\Context;
use HandoffBot\Escalation\Decision;

defined( 'ABSPATH' ) || exit;

/**
 * The shipped rules have no settings of their own (they read the policy's thresholds), and build
 * their decisions with the intent the message was recognised as.
 */
abstract class Base_Rule implements Rule {

	/**
	 * {@inheritDoc}
	 */
	public function get_settings_schema(): array {
		return array(
			'type'       => 'object',
			'properties' => array(),
		);
	}

	/**
	 * A decision of this rule.
	 *
	 * @param Context            $context Context.
	 * @param string             $kind    Kind.
	 * @param string             $reason  Reason code.
	 * @param string             $trigger Trigger.
	 * @param array<int, string> $signals Signals behind it.
	 * @phpstan-param list<string> $signals
	 */
	protected function decide( Context $context, string $kind, string $reason, string $trigger, array $signals ): Decision {
		$intent = $context->signal( 'intent' );
		return new Decision( $kind, $reason, $trigger, $this->get_id(), $signals, $intent->fired ? $intent->label : '' );
	}

	/**
	 * Whether the visitor asked for a person, with the button or in words.
	 *
	 * @param Context $context Context.
	 */
	protected function asked_for_a_person( Context $context ): bool {
		return $context->button || $context->signal( 'human_request' )->fired;
	}
}
