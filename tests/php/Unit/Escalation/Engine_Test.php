<?php
/**
 * Tests for the escalation engine and its shipped rules.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Unit\Escalation;

use HandoffBot\Contracts\Rule;
use HandoffBot\Escalation\Context;
use HandoffBot\Escalation\Decision;
use HandoffBot\Escalation\Engine;
use HandoffBot\Escalation\Policy;
use HandoffBot\Escalation\Reason;
use HandoffBot\Escalation\Rule_Registry;
use HandoffBot\Knowledge\Answer;
use HandoffBot\Signals\Signal_Result;
use PHPUnit\Framework\TestCase;

/**
 * Every layer, every reason code, the precedence between layers, the thresholds, and the private
 * route that nothing else can override.
 */
final class Engine_Test extends TestCase {

	/**
	 * A policy with one intent of each policy.
	 */
	private function policy(): Policy {
		$intent = static function ( string $name, string $policy ): array {
			return array(
				'name'     => $name,
				'label'    => ucfirst( $name ),
				'policy'   => $policy,
				'team'     => '',
				'keywords' => array(),
				'phrases'  => array(),
				'examples' => array(),
			);
		};
		return new Policy(
			array(
				'intents'       => array(
					$intent( 'shipping', Reason::POLICY_BOT ),
					$intent( 'pricing', Reason::POLICY_OFFER_CHOICE ),
					$intent( 'complaint', Reason::POLICY_HUMAN ),
					$intent( 'privacy', Reason::POLICY_PRIVATE ),
					$intent( 'refund_now', Reason::POLICY_ACTION ),
				),
				'human_phrases' => array(),
				'thresholds'    => Policy::THRESHOLDS,
				'messages'      => Policy::default_messages(),
			)
		);
	}

	/**
	 * The decision for a situation.
	 *
	 * @param array<string, mixed> $case Signals (id => label, [label, score], a score, or false when it did not fire),
	 *                                   answer kind, coverage, unproductive, button.
	 */
	private function decide( array $case ): Decision {
		$signals = array();
		foreach ( (array) ( $case['signals'] ?? array() ) as $id => $label ) {
			if ( false === $label ) {
				$signals[ $id ] = Signal_Result::none( $id );
				continue;
			}
			if ( is_array( $label ) ) {
				list( $label, $score ) = $label;
			} else {
				$score = is_float( $label ) ? $label : 1.0;
			}
			$signals[ $id ] = new Signal_Result( $id, true, (float) $score, is_string( $label ) ? $label : '' );
		}
		$answer = null;
		if ( isset( $case['answer'] ) ) {
			$answer = new Answer(
				$case['answer'],
				'…',
				Answer::KIND_ANSWER === $case['answer'] ? 0.6 : 0.1,
				array(),
				isset( $case['coverage'] ) ? array(
					array(
						'passage_id' => 1,
						'post_id'    => 1,
						'score'      => 1.0,
					),
				) : array(),
				array( 'coverage' => (float) ( $case['coverage'] ?? 0.0 ) )
			);
		}
		$context = new Context( $signals, $answer, 1, (int) ( $case['unproductive'] ?? 0 ), $this->policy(), (bool) ( $case['button'] ?? false ) );
		return ( new Engine() )->evaluate( $context, Rule_Registry::defaults() )['decision'];
	}

	/**
	 * Each situation and the decision it gets: kind, reason, trigger, rule.
	 *
	 * @dataProvider situations
	 *
	 * @param array<string, mixed> $case     The situation.
	 * @param array<int, string>   $expected Kind, reason, trigger, rule.
	 */
	public function test_each_layer_decides_as_the_policy_says( array $case, array $expected ): void {
		$decision = $this->decide( $case );
		$this->assertSame( $expected, array( $decision->kind, $decision->reason, $decision->trigger, $decision->rule ) );
	}

	/**
	 * Situations.
	 *
	 * @return array<string, array{0: array<string, mixed>, 1: array<int, string>}>
	 */
	public function situations(): array {
		$answer = array( Reason::KIND_ANSWER, '', '', '' );
		return array(
			'a plain question is answered'                => array( array( 'answer' => Answer::KIND_ANSWER ), $answer ),
			'a bot intent is answered'                    => array(
				array(
					'signals' => array( 'intent' => 'shipping' ),
					'answer'  => Answer::KIND_ANSWER,
				),
				$answer,
			),
			'the button hands off'                        => array( array( 'button' => true ), array( Reason::KIND_HANDOFF, Reason::USER_REQUESTED, Reason::TRIGGER_USER, 'human_request' ) ),
			'asking for a person hands off'               => array( array( 'signals' => array( 'human_request' => '' ) ), array( Reason::KIND_HANDOFF, Reason::USER_REQUESTED, Reason::TRIGGER_USER, 'human_request' ) ),
			'a human intent hands off'                    => array( array( 'signals' => array( 'intent' => 'complaint' ) ), array( Reason::KIND_HANDOFF, Reason::BUSINESS_RULE, Reason::TRIGGER_RULE, 'intent_policy' ) ),
			'an action intent hands off'                  => array( array( 'signals' => array( 'intent' => 'refund_now' ) ), array( Reason::KIND_HANDOFF, Reason::ACTION_REQUIRED, Reason::TRIGGER_RULE, 'intent_policy' ) ),
			'an offer intent offers a person'             => array( array( 'signals' => array( 'intent' => 'pricing' ) ), array( Reason::KIND_OFFER_CHOICE, Reason::BUSINESS_RULE, Reason::TRIGGER_RULE, 'intent_policy' ) ),
			'a private intent goes private'               => array( array( 'signals' => array( 'intent' => 'privacy' ) ), array( Reason::KIND_PRIVATE_HANDOFF, Reason::SENSITIVE_ACCOUNT, Reason::TRIGGER_RULE, 'private_route' ) ),
			'personal data goes private'                  => array( array( 'signals' => array( 'sensitivity' => 'card' ) ), array( Reason::KIND_PRIVATE_HANDOFF, Reason::SENSITIVE_ACCOUNT, Reason::TRIGGER_SYSTEM, 'private_route' ) ),
			'a human intent in general words is answered' => array(
				array(
					'signals' => array(
						'intent'   => array( 'complaint', 0.6 ),
						'personal' => false,
					),
					'answer'  => Answer::KIND_ANSWER,
				),
				$answer,
			),
			'a human intent about the visitor hands off'  => array(
				array(
					'signals' => array(
						'intent'   => array( 'complaint', 0.6 ),
						'personal' => 'en',
					),
				),
				array( Reason::KIND_HANDOFF, Reason::BUSINESS_RULE, Reason::TRIGGER_RULE, 'intent_policy' ),
			),
			'a clear human intent hands off in any words' => array(
				array(
					'signals' => array(
						'intent'   => array( 'complaint', 0.95 ),
						'personal' => false,
					),
				),
				array( Reason::KIND_HANDOFF, Reason::BUSINESS_RULE, Reason::TRIGGER_RULE, 'intent_policy' ),
			),
			'a private intent in general words is answered' => array(
				array(
					'signals' => array(
						'intent'   => array( 'privacy', 0.6 ),
						'personal' => false,
					),
					'answer'  => Answer::KIND_ANSWER,
				),
				$answer,
			),
			'a sensitive topic in general words is answered' => array(
				array(
					'signals' => array(
						'sensitivity' => array( 'hr', 0.8 ),
						'personal'    => false,
					),
					'answer'  => Answer::KIND_ANSWER,
				),
				$answer,
			),
			'a sensitive topic about the visitor goes private' => array(
				array(
					'signals' => array(
						'sensitivity' => array( 'hr', 0.8 ),
						'personal'    => 'en',
					),
				),
				array( Reason::KIND_PRIVATE_HANDOFF, Reason::SENSITIVE_ACCOUNT, Reason::TRIGGER_SYSTEM, 'private_route' ),
			),
			'personal data goes private in any words'     => array(
				array(
					'signals' => array(
						'sensitivity' => 'card',
						'personal'    => false,
					),
				),
				array( Reason::KIND_PRIVATE_HANDOFF, Reason::SENSITIVE_ACCOUNT, Reason::TRIGGER_SYSTEM, 'private_route' ),
			),
			'high frustration hands off'                  => array( array( 'signals' => array( 'frustration' => 0.9 ) ), array( Reason::KIND_HANDOFF, Reason::FRUSTRATION, Reason::TRIGGER_SYSTEM, 'frustration' ) ),
			'mild frustration is below the threshold'     => array(
				array(
					'signals' => array( 'frustration' => 0.3 ),
					'answer'  => Answer::KIND_ANSWER,
				),
				$answer,
			),
			'nothing relevant: missing knowledge'         => array( array( 'answer' => Answer::KIND_DONT_KNOW ), array( Reason::KIND_OFFER_CHOICE, Reason::MISSING_KNOWLEDGE, Reason::TRIGGER_SYSTEM, 'knowledge_gap' ) ),
			'something unsure: low confidence'            => array(
				array(
					'answer'   => Answer::KIND_DONT_KNOW,
					'coverage' => 0.8,
				),
				array( Reason::KIND_OFFER_CHOICE, Reason::LOW_CONFIDENCE, Reason::TRIGGER_SYSTEM, 'knowledge_gap' ),
			),
			'the second failure offers a person'          => array(
				array(
					'answer'       => Answer::KIND_DONT_KNOW,
					'coverage'     => 0.8,
					'unproductive' => 1,
				),
				array( Reason::KIND_OFFER_CHOICE, Reason::REPEATED_FAILURE, Reason::TRIGGER_SYSTEM, 'repeated_failure' ),
			),
			'the third failure hands off'                 => array(
				array(
					'answer'       => Answer::KIND_DONT_KNOW,
					'unproductive' => 2,
				),
				array( Reason::KIND_HANDOFF, Reason::REPEATED_FAILURE, Reason::TRIGGER_SYSTEM, 'repeated_failure' ),
			),
			'asking again after a failure offers'         => array(
				array(
					'signals'      => array( 'repetition' => 0.9 ),
					'answer'       => Answer::KIND_ANSWER,
					'unproductive' => 1,
				),
				array( Reason::KIND_OFFER_CHOICE, Reason::REPEATED_FAILURE, Reason::TRIGGER_SYSTEM, 'repeated_failure' ),
			),
			'an answer after failures is just answered'   => array(
				array(
					'answer'       => Answer::KIND_ANSWER,
					'unproductive' => 2,
				),
				$answer,
			),
			'a request for a person beats a rule'         => array(
				array(
					'signals' => array(
						'human_request' => '',
						'intent'        => 'pricing',
					),
				),
				array( Reason::KIND_HANDOFF, Reason::USER_REQUESTED, Reason::TRIGGER_USER, 'human_request' ),
			),
			'a business rule beats frustration'           => array(
				array(
					'signals' => array(
						'intent'      => 'complaint',
						'frustration' => 0.9,
					),
				),
				array( Reason::KIND_HANDOFF, Reason::BUSINESS_RULE, Reason::TRIGGER_RULE, 'intent_policy' ),
			),
			'private beats a request for a person'        => array(
				array(
					'signals' => array(
						'sensitivity'   => 'iban',
						'human_request' => '',
					),
				),
				array( Reason::KIND_PRIVATE_HANDOFF, Reason::SENSITIVE_ACCOUNT, Reason::TRIGGER_USER, 'private_route' ),
			),
			'private beats everything else'               => array(
				array(
					'signals'      => array(
						'intent'      => 'complaint',
						'sensitivity' => 'card',
						'frustration' => 0.99,
						'repetition'  => 0.9,
					),
					'answer'       => Answer::KIND_DONT_KNOW,
					'unproductive' => 5,
				),
				array( Reason::KIND_PRIVATE_HANDOFF, Reason::SENSITIVE_ACCOUNT, Reason::TRIGGER_SYSTEM, 'private_route' ),
			),
		);
	}

	/**
	 * A site's own rule placed first cannot take a sensitive topic off the private route.
	 */
	public function test_a_rule_placed_first_cannot_override_the_private_route(): void {
		$eager    = new class() implements Rule {
			/**
			 * Identifier.
			 */
			public function get_id(): string {
				return 'always_answer';
			}

			/**
			 * Label.
			 */
			public function get_label(): string {
				return 'Always answer';
			}

			/**
			 * Settings.
			 *
			 * @return array<string, mixed>
			 */
			public function get_settings_schema(): array {
				return array();
			}

			/**
			 * Always a plain handoff.
			 *
			 * @param Context $context Context.
			 */
			public function evaluate( Context $context ): ?Decision {
				return new Decision( Reason::KIND_HANDOFF, Reason::BUSINESS_RULE, Reason::TRIGGER_RULE, $this->get_id() );
			}
		};
		$context  = new Context( array( 'sensitivity' => new Signal_Result( 'sensitivity', true, 1.0, 'card' ) ), null, 1, 0, $this->policy() );
		$decision = ( new Engine() )->evaluate( $context, array_merge( array( $eager ), Rule_Registry::defaults() ) )['decision'];
		$this->assertSame( Reason::KIND_PRIVATE_HANDOFF, $decision->kind );
	}

	/**
	 * A rule that throws is skipped and reported; the next rules still decide.
	 */
	public function test_a_rule_that_throws_is_skipped(): void {
		$broken  = new class() implements Rule {
			/**
			 * Identifier.
			 */
			public function get_id(): string {
				return 'broken';
			}

			/**
			 * Label.
			 */
			public function get_label(): string {
				return 'Broken';
			}

			/**
			 * Settings.
			 *
			 * @return array<string, mixed>
			 */
			public function get_settings_schema(): array {
				return array();
			}

			/**
			 * Throws.
			 *
			 * @param Context $context Context.
			 * @throws \RuntimeException Always.
			 */
			public function evaluate( Context $context ): ?Decision {
				throw new \RuntimeException( 'boom' );
			}
		};
		$context = new Context( array(), null, 1, 0, $this->policy(), true );
		$result  = ( new Engine() )->evaluate( $context, array_merge( array( $broken ), Rule_Registry::defaults() ) );
		$this->assertSame( Reason::USER_REQUESTED, $result['decision']->reason );
		$this->assertSame(
			array(
				array(
					'rule'  => 'broken',
					'error' => 'boom',
				),
			),
			$result['skipped']
		);
	}
}
