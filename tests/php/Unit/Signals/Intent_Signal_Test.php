<?php
/**
 * Tests for the intent signal.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Unit\Signals;

use HandoffBot\Contracts\Signal;
use HandoffBot\Escalation\Default_Intents;
use HandoffBot\Escalation\Reason;
use HandoffBot\Signals\Intent_Signal;

require_once __DIR__ . '/Signal_Test_Case.php';

/**
 * Messages are recognised as the intent they are about, from the policy's intents (saved or
 * unsaved), with the words that decided as evidence, and not below the policy's threshold.
 */
final class Intent_Signal_Test extends Signal_Test_Case {

	/**
	 * {@inheritDoc}
	 */
	protected function signal(): Signal {
		return new Intent_Signal();
	}

	/**
	 * One message per default intent, worded unlike its examples.
	 *
	 * @dataProvider messages
	 *
	 * @param string $text   Message.
	 * @param string $intent Expected intent.
	 */
	public function test_a_message_is_recognised_as_its_intent( string $text, string $intent ): void {
		$result = $this->detect( $text );
		$this->assertTrue( $result->fired, $text . ' scored ' . $result->score );
		$this->assertSame( $intent, $result->label, $text );
		$this->assertGreaterThanOrEqual( 0.5, $result->score );
		$this->assertNotEmpty( $result->evidence );
	}

	/**
	 * Messages.
	 *
	 * @return array<string, array{0: string, 1: string}>
	 */
	public function messages(): array {
		return array(
			'orders'           => array( 'is there any news about my order from last week', 'orders' ),
			'shipping'         => array( 'how many days is delivery to Portugal', 'shipping' ),
			'returns'          => array( 'I would like my money back for these headphones', 'returns' ),
			'billing'          => array( 'where do I get a VAT invoice', 'billing' ),
			'billing_dispute'  => array( 'you charged me twice for one order', 'billing_dispute' ),
			'pricing'          => array( 'is there a student discount on the premium plan', 'pricing' ),
			'account'          => array( 'how can I reset my password', 'account' ),
			'account_recovery' => array( 'I am locked out of my account', 'account_recovery' ),
			'troubleshooting'  => array( 'the app keeps crashing on my phone', 'troubleshooting' ),
			'cancellation'     => array( 'please cancel my subscription', 'cancellation' ),
			'complaint'        => array( 'I want to file a complaint about your courier', 'complaint' ),
			'legal'            => array( 'my solicitor will contact your legal department', 'legal' ),
			'privacy'          => array( 'please delete all my personal data under GDPR', 'privacy' ),
			'presales'         => array( 'is the lamp available in white', 'presales' ),
			'feedback'         => array( 'you should add a wishlist, just a suggestion', 'feedback' ),
			'stemmed phrase'   => array( 'they charged me twice!', 'billing_dispute' ),
			'slip'             => array( 'i want a refnd', 'returns' ),
		);
	}

	/**
	 * Nothing an intent is about: no intent.
	 *
	 * @dataProvider unrelated
	 *
	 * @param string $text Message.
	 */
	public function test_an_unrelated_message_has_no_intent( string $text ): void {
		$result = $this->detect( $text );
		$this->assertFalse( $result->fired, $text . ' read as ' . $result->label );
		$this->assertSame( '', $result->label );
	}

	/**
	 * Unrelated messages.
	 *
	 * @return array<string, array{0: string}>
	 */
	public function unrelated(): array {
		return self::rows( array( 'hello', 'what is the weather in Paris', 'asdfgh', 'ok thanks', '' ) );
	}

	/**
	 * The threshold is the policy's.
	 */
	public function test_the_threshold_is_the_policys(): void {
		$text  = 'is there any news about my order from last week';
		$score = $this->detect( $text )->score;
		$this->assertTrue( $this->detect( $text )->fired );
		$strict = $this->policy( array( 'thresholds' => array( 'intent' => min( 1.0, $score + 0.01 ) ) + \HandoffBot\Escalation\Policy::THRESHOLDS ) );
		$result = $this->detect( $text, array(), $strict );
		$this->assertFalse( $result->fired );
		$this->assertEqualsWithDelta( $score, $result->score, 0.0001, 'The score is kept, the intent is not named.' );
	}

	/**
	 * The rules tester's unsaved intents are read as they are: a new intent is recognised from
	 * its keyword, phrase or examples, and an intent removed is no longer found.
	 */
	public function test_unsaved_intents_are_used_as_they_are(): void {
		$intents   = Default_Intents::all();
		$intents[] = array(
			'name'     => 'wholesale',
			'label'    => 'Wholesale',
			'policy'   => Reason::POLICY_OFFER_CHOICE,
			'team'     => '',
			'keywords' => array( 'wholesale', 'trade account' ),
			'phrases'  => array( 'buy in bulk' ),
			'examples' => array( 'Do you sell to shops?', 'Can I become a stockist?' ),
		);
		$policy    = $this->policy( array( 'intents' => $intents ) );
		$this->assertSame( 'wholesale', $this->detect( 'I want to buy in bulk for my shop', array(), $policy )->label );
		$this->assertSame( 'wholesale', $this->detect( 'how do I open a wholesale trade account', array(), $policy )->label );
		$this->assertNotSame( 'wholesale', $this->detect( 'how do I open a wholesale trade account' )->label );

		$without = $this->policy( array( 'intents' => array_values( array_filter( Default_Intents::all(), static fn( array $i ): bool => 'legal' !== $i['name'] ) ) ) );
		$this->assertNotSame( 'legal', $this->detect( 'my solicitor will contact your legal department', array(), $without )->label );
		$this->assertFalse( $this->detect( 'cancel my order', array(), $this->policy( array( 'intents' => array() ) ) )->fired );
	}

	/**
	 * A short follow-up ("how long?", "what about the label?") leans on the visitor's previous
	 * message when it is not clear on its own; a thank-you inherits nothing.
	 */
	public function test_a_short_follow_up_is_read_with_the_previous_message(): void {
		$history = array(
			array(
				'role' => 'visitor',
				'body' => 'How long does delivery take to Spain?',
			),
			array(
				'role' => 'bot',
				'body' => 'Three to five working days.',
				'kind' => 'answer',
			),
		);
		$alone   = $this->detect( 'how long?' );
		$after   = $this->detect( 'how long?', $history );
		$this->assertFalse( $alone->fired );
		$this->assertTrue( $after->fired );
		$this->assertSame( 'shipping', $after->label );
		$this->assertContains( 'How long does delivery take to Spain?', $after->evidence );
		$returning = array(
			array(
				'role' => 'visitor',
				'body' => 'I want to return my jacket',
			),
		);
		$this->assertFalse( $this->detect( 'what about the label?' )->fired );
		$this->assertSame( 'returns', $this->detect( 'what about the label?', $returning )->label );
		$this->assertFalse( $this->detect( 'ok thanks', $history )->fired );
	}
}
