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
	 * An intent recognised at least this surely is the visitor's own case even in impersonal
	 * words ("Account hacked!", "cancel subscription").
	 */
	public const CLEAR_INTENT = 0.9;

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

	/**
	 * Whether the message is about the visitor's own case: the personal signal fired (or a site
	 * removed it), or what was recognised is clear enough on its own. A question about a topic in
	 * general ("What law governs construction contracts?") is for the pages, not a person.
	 *
	 * @param Context $context Context.
	 * @param float   $score   How surely the topic was recognised (0 when that is not enough).
	 */
	protected function about_own_case( Context $context, float $score ): bool {
		if ( $score >= self::CLEAR_INTENT || ! isset( $context->signals['personal'] ) ) {
			return true;
		}
		return $context->signals['personal']->fired;
	}
}
