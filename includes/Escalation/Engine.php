<?php
/**
 * Decides, from the signals and the answer, whether a person should take over.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Escalation;

use HandoffBot\Contracts\Rule;

defined( 'ABSPATH' ) || exit;

/**
 * Pure: no database, no hooks. The rules are tried in order and the first that decides wins,
 * except that a private handoff wins over anything (a sensitive topic never leaves the private
 * route, whatever another rule, a site's own included, says). A rule that throws is skipped and
 * reported, so a broken rule cannot break the chat. No decision is a plain answer.
 *
 * @phpstan-type Skipped array{rule: string, error: string}
 * @phpstan-type Engine_Result array{decision: Decision, skipped: list<Skipped>}
 */
final class Engine {

	/**
	 * The decision for a message.
	 *
	 * @param Context          $context The signals, the answer (if any), the turn and the policy.
	 * @param array<int, Rule> $rules   The rules, in order.
	 * @return Engine_Result
	 */
	public function evaluate( Context $context, array $rules ): array {
		$first   = null;
		$skipped = array();
		foreach ( $rules as $rule ) {
			try {
				$decision = $rule->evaluate( $context );
			} catch ( \Throwable $e ) {
				$skipped[] = array(
					'rule'  => $rule->get_id(),
					'error' => $e->getMessage(),
				);
				continue;
			}
			if ( null === $decision ) {
				continue;
			}
			if ( Reason::KIND_PRIVATE_HANDOFF === $decision->kind ) {
				$first = $decision;
				break;
			}
			if ( null === $first ) {
				$first = $decision;
			}
		}//end foreach
		$intent = $context->signal( 'intent' );
		return array(
			'decision' => $first ?? Decision::answer( $intent->fired ? $intent->label : '' ),
			'skipped'  => $skipped,
		);
	}
}
