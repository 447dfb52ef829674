<?php
/**
 * The escalation rules, in order.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Escalation;

use HandoffBot\Contracts\Rule;
use HandoffBot\Escalation\Rules\Frustration_Rule;
use HandoffBot\Escalation\Rules\Human_Request_Rule;
use HandoffBot\Escalation\Rules\Intent_Policy_Rule;
use HandoffBot\Escalation\Rules\Knowledge_Gap_Rule;
use HandoffBot\Escalation\Rules\Private_Route_Rule;
use HandoffBot\Escalation\Rules\Repeated_Failure_Rule;

defined( 'ABSPATH' ) || exit;

/**
 * The layers, in order: the private route, the visitor's request for a person, the intents'
 * business rules, frustration, repeated failure, then what the bot does not know.
 */
final class Rule_Registry {

	/**
	 * The rules the plugin ships, in order.
	 *
	 * @return list<Rule>
	 */
	public static function defaults(): array {
		return array(
			new Private_Route_Rule(),
			new Human_Request_Rule(),
			new Intent_Policy_Rule(),
			new Frustration_Rule(),
			new Repeated_Failure_Rule(),
			new Knowledge_Gap_Rule(),
		);
	}

	/**
	 * The rules in force: the defaults and any a site adds (anything else is dropped).
	 *
	 * @return list<Rule>
	 */
	public function all(): array {
		/**
		 * The escalation rules, in order. Add a Contracts\Rule to bring a person in on your own
		 * conditions (see docs/ADDING_A_RULE.md); the first rule that decides wins, and a private
		 * handoff wins over every other decision.
		 *
		 * @since 0.2.0
		 *
		 * @param Rule[] $rules The rules.
		 */
		$rules = apply_filters( 'handoff_bot_escalation_rules', self::defaults() );
		return array_values(
			array_filter(
				is_array( $rules ) ? $rules : self::defaults(),
				static function ( $rule ): bool {
					return $rule instanceof Rule;
				}
			)
		);
	}
}
