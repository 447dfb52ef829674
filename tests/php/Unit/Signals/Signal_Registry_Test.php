<?php
/**
 * Tests for the shipped signals and default intents.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Unit\Signals;

use HandoffBot\Escalation\Default_Intents;
use HandoffBot\Escalation\Engine;
use HandoffBot\Escalation\Escalation_Service;
use HandoffBot\Escalation\Policy;
use HandoffBot\Escalation\Reason;
use HandoffBot\Escalation\Rule_Registry;
use HandoffBot\Knowledge\Answer;
use HandoffBot\Signals\Signal_Registry;
use PHPUnit\Framework\TestCase;

/**
 * The seven signals are registered in order; the default intents are the ones the issue names,
 * with their policies, each with enough examples; the human-request phrases cover five
 * languages; and the real signals drive the shipped rules to the decisions a visitor expects.
 */
final class Signal_Registry_Test extends TestCase {

	/**
	 * The signals, in order.
	 */
	public function test_the_seven_signals_are_registered_in_order(): void {
		$ids = array_map( static fn( $signal ): string => $signal->get_id(), Signal_Registry::defaults() );
		$this->assertSame( array( 'intent', 'human_request', 'frustration', 'repetition', 'sensitivity', 'unproductive', 'personal' ), $ids );
	}

	/**
	 * The default intents and their policies.
	 */
	public function test_the_default_intents_and_their_policies(): void {
		$policies = array();
		foreach ( Default_Intents::all() as $intent ) {
			$policies[ $intent['name'] ] = $intent['policy'];
			$this->assertNotSame( '', $intent['label'] );
			$this->assertSame( '', $intent['team'] );
			$this->assertGreaterThanOrEqual( 15, count( $intent['examples'] ), $intent['name'] );
			$this->assertNotEmpty( $intent['keywords'], $intent['name'] );
			$this->assertNotEmpty( $intent['phrases'], $intent['name'] );
			// What the rules editor accepts.
			$this->assertMatchesRegularExpression( '/^[a-z0-9_]{1,40}$/', $intent['name'] );
			$this->assertLessThanOrEqual( 50, count( $intent['keywords'] ), $intent['name'] );
			$this->assertLessThanOrEqual( 50, count( $intent['phrases'] ), $intent['name'] );
			$this->assertLessThanOrEqual( 100, count( $intent['examples'] ), $intent['name'] );
			foreach ( array_merge( $intent['keywords'], $intent['phrases'], $intent['examples'] ) as $text ) {
				$this->assertLessThanOrEqual( 200, mb_strlen( $text ), $text );
			}
			$this->assertContains( $intent['policy'], Reason::policies() );
		}
		$this->assertSame(
			array(
				'orders'           => Reason::POLICY_BOT,
				'shipping'         => Reason::POLICY_BOT,
				'returns'          => Reason::POLICY_BOT,
				'billing'          => Reason::POLICY_BOT,
				'billing_dispute'  => Reason::POLICY_HUMAN,
				'pricing'          => Reason::POLICY_BOT,
				'account'          => Reason::POLICY_BOT,
				'account_recovery' => Reason::POLICY_HUMAN,
				'troubleshooting'  => Reason::POLICY_BOT,
				'cancellation'     => Reason::POLICY_HUMAN,
				'complaint'        => Reason::POLICY_HUMAN,
				'legal'            => Reason::POLICY_HUMAN,
				'privacy'          => Reason::POLICY_PRIVATE,
				'presales'         => Reason::POLICY_BOT,
				'feedback'         => Reason::POLICY_BOT,
			),
			$policies
		);
	}

	/**
	 * Phrases that ask for a person in English, Spanish, French, German and Portuguese.
	 */
	public function test_human_phrases_in_five_languages(): void {
		$phrases = Default_Intents::human_phrases();
		$this->assertSame( array( 'en', 'es', 'fr', 'de', 'pt' ), array_keys( $phrases ) );
		foreach ( $phrases as $language => $list ) {
			$this->assertGreaterThanOrEqual( 10, count( $list ), $language );
			$this->assertLessThanOrEqual( 100, count( $list ), $language );
			$this->assertSame( array_values( array_unique( $list ) ), $list, $language );
		}
	}

	/**
	 * The real signals and the shipped rules together: what a visitor writes decides what
	 * happens.
	 *
	 * @dataProvider conversations
	 *
	 * @param string $text   Message.
	 * @param string $kind   Decision kind.
	 * @param string $reason Reason code.
	 */
	public function test_signals_drive_the_shipped_rules( string $text, string $kind, string $reason ): void {
		$answered = false;
		$outcome  = ( new Escalation_Service( new Engine() ) )->handle(
			$text,
			'en',
			array(),
			Policy::defaults(),
			Signal_Registry::defaults(),
			Rule_Registry::defaults(),
			static function () use ( &$answered ): Answer {
				$answered = true;
				return new Answer( Answer::KIND_ANSWER, 'An answer.', 0.8 );
			}
		);
		$this->assertSame( $kind, $outcome['decision']->kind, $text );
		$this->assertSame( $reason, $outcome['decision']->reason, $text );
		$this->assertSame( array(), $outcome['skipped'] );
		$this->assertSame( Reason::KIND_ANSWER === $kind, $answered, 'The answer is asked for only when it is needed.' );
	}

	/**
	 * Messages and the decisions they get.
	 *
	 * @return array<string, array{0: string, 1: string, 2: string}>
	 */
	public function conversations(): array {
		return array(
			'asks for a person'  => array( 'I want to talk to a real person', Reason::KIND_HANDOFF, Reason::USER_REQUESTED ),
			'billing dispute'    => array( 'I was charged twice for my order', Reason::KIND_HANDOFF, Reason::BUSINESS_RULE ),
			'card number typed'  => array( 'my card is 4111 1111 1111 1111', Reason::KIND_PRIVATE_HANDOFF, Reason::SENSITIVE_ACCOUNT ),
			'privacy request'    => array( 'please delete all my personal data', Reason::KIND_PRIVATE_HANDOFF, Reason::SENSITIVE_ACCOUNT ),
			'strong frustration' => array( 'I already said that, you are not listening!!', Reason::KIND_HANDOFF, Reason::FRUSTRATION ),
			'a question'         => array( 'how long does delivery take to Spain?', Reason::KIND_ANSWER, '' ),
			'near miss'          => array( 'my agent said the parcel left last week', Reason::KIND_ANSWER, '' ),
			// A question about a topic in general is for the pages, not a person.
			'legal, in general'  => array( 'What must local building regulations conform to?', Reason::KIND_ANSWER, '' ),
			'law of physics'     => array( 'Whose First Law of Motion says objects keep moving?', Reason::KIND_ANSWER, '' ),
			'data, in general'   => array( 'What data did the census collect on location?', Reason::KIND_ANSWER, '' ),
			'salary, in general' => array( 'What is the average construction salary in the UK?', Reason::KIND_ANSWER, '' ),
			'legal, own case'    => array( 'Our lawyer will send you a formal notice', Reason::KIND_HANDOFF, Reason::BUSINESS_RULE ),
			'a statement'        => array( 'Account hacked, need help', Reason::KIND_PRIVATE_HANDOFF, Reason::SENSITIVE_ACCOUNT ),
			'a request'          => array( 'Cancel subscription now', Reason::KIND_HANDOFF, Reason::BUSINESS_RULE ),
		);
	}
}
