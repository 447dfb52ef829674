<?php
/**
 * What the bot says, and records, for a decision.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Conversations;

use HandoffBot\Escalation\Escalation_Service;
use HandoffBot\Escalation\Policy;
use HandoffBot\Escalation\Reason;
use HandoffBot\Knowledge\Answer;
use HandoffBot\Signals\Signal_Result;

defined( 'ABSPATH' ) || exit;

/**
 * Pure: turns the escalation outcome into the bot's reply (its text and stored meta) and the
 * event that records the decision. A handoff says plainly that the visitor is being connected
 * (or, on the private route, that staff only will see it); an offer adds the policy's offer to
 * the answer; the meta keeps what agents and the report need: the decision, the signals that
 * fired, the sources tried and the evidence.
 *
 * @phpstan-import-type Outcome from Escalation_Service
 * @phpstan-type Composed array{body: string, meta: array<string, mixed>, event: string, event_data: array<string, mixed>}
 */
final class Reply_Composer {

	/**
	 * The reply to a visitor's message.
	 *
	 * @param array  $outcome  The escalation outcome.
	 * @phpstan-param Outcome $outcome
	 * @param Policy $policy   The policy in force.
	 * @param string $language The message's language.
	 * @return Composed
	 */
	public function compose( array $outcome, Policy $policy, string $language ): array {
		$decision = $outcome['decision'];
		$answer   = $outcome['answer'];
		$body     = null !== $answer ? $answer->body : '';
		$kind     = null !== $answer ? $answer->kind : Answer::KIND_DONT_KNOW;
		if ( Answer::KIND_DONT_KNOW === $kind ) {
			$body = $policy->message( 'dont_know' );
		}
		if ( Reason::KIND_HANDOFF === $decision->kind ) {
			$body = $policy->message( 'connecting' ) . "\n\n" . $policy->message( 'recorded' );
			$kind = 'handoff';
		} elseif ( Reason::KIND_PRIVATE_HANDOFF === $decision->kind ) {
			$body = $policy->message( 'private' );
			$kind = 'handoff';
		} elseif ( Reason::KIND_OFFER_CHOICE === $decision->kind ) {
			$body = ( '' !== $body ? $body . "\n\n" : '' ) . $policy->message( 'offer' );
		}
		if ( '' === $body ) {
			$body = $policy->message( 'dont_know' );
		}
		$fired = array();
		foreach ( $outcome['signals'] as $id => $signal ) {
			if ( $signal instanceof Signal_Result && $signal->fired ) {
				$fired[ $id ] = $signal->to_array();
			}
		}
		$meta   = array(
			'kind'          => $kind,
			'confidence'    => null !== $answer ? $answer->confidence : null,
			'language'      => $language,
			'citations'     => Reason::KIND_ANSWER === $decision->kind || Reason::KIND_OFFER_CHOICE === $decision->kind ? ( null !== $answer ? $answer->citations : array() ) : array(),
			'sources_tried' => null !== $answer ? $answer->sources_tried : array(),
			'evidence'      => null !== $answer ? array_map(
				static function ( float $value ): float {
					return round( $value, 3 );
				},
				$answer->evidence
			) : array(),
			'decision'      => $decision->to_array(),
			'signals'       => $fired,
			'unproductive'  => Escalation_Service::unproductive( $outcome['signals'], $answer ),
		);
		$events = array(
			Reason::KIND_ANSWER          => 'answered',
			Reason::KIND_OFFER_CHOICE    => 'choice_offered',
			Reason::KIND_HANDOFF         => 'handoff_requested',
			Reason::KIND_PRIVATE_HANDOFF => 'handoff_requested',
		);
		return array(
			'body'       => $body,
			'meta'       => $meta,
			'event'      => $events[ $decision->kind ] ?? 'answered',
			'event_data' => array(
				'kind'       => null !== $answer ? $answer->kind : '',
				'confidence' => null !== $answer ? $answer->confidence : null,
				'citations'  => null !== $answer ? count( $answer->citations ) : 0,
				'language'   => $language,
				'decision'   => $decision->kind,
				'reason'     => $decision->reason,
				'trigger'    => $decision->trigger,
				'rule'       => $decision->rule,
				'intent'     => $decision->intent,
				'signals'    => $decision->signals,
			),
		);
	}
}
