<?php
/**
 * Tests for the signal that a message is about the visitor's own case.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Unit\Signals;

use HandoffBot\Contracts\Signal;
use HandoffBot\Escalation\Policy;
use HandoffBot\Signals\Personal_Signal;
use HandoffBot\Signals\Signal_Context;

/**
 * First-person words and words to the site fire, in English and in the message's language, and so
 * do statements and requests; impersonal questions, "US", "Charles I" and "U.S." do not.
 */
final class Personal_Signal_Test extends Signal_Test_Case {

	/**
	 * {@inheritDoc}
	 */
	protected function signal(): Signal {
		return new Personal_Signal();
	}

	/**
	 * What fires, in which language, and the words that show it.
	 *
	 * @dataProvider own_case
	 *
	 * @param string             $text     Message.
	 * @param string             $language Its language.
	 * @param array<int, string> $words    Evidence.
	 */
	public function test_the_visitors_own_case_fires( string $text, string $language, array $words ): void {
		$result = $this->signal()->detect( new Signal_Context( $text, $language, array(), Policy::defaults() ) );
		$this->assertTrue( $result->fired, $text );
		$this->assertSame( $words, $result->evidence, $text );
	}

	/**
	 * Messages about the visitor's own case.
	 *
	 * @return array<string, array{0: string, 1: string, 2: list<string>}>
	 */
	public function own_case(): array {
		return array(
			'first person'      => array( 'I’m locked out of my account', 'en', array( 'i', 'my' ) ),
			'to the site'       => array( 'Why did you charge twice?', 'en', array( 'you' ) ),
			'we'                => array( 'We were billed twice', 'en', array( 'we' ) ),
			'slang'             => array( 'can u cancel it', 'en', array( 'u' ) ),
			'Charles I, then I' => array( 'Hi, I read about Charles I today', 'en', array( 'i' ) ),
			'Spanish'           => array( 'Quiero cancelar mi suscripción', 'es', array( 'mi' ) ),
			'French'            => array( 'J’ai été débité deux fois', 'fr', array( 'j' ) ),
			'German'            => array( 'Ich möchte kündigen', 'de', array( 'ich' ) ),
			'Portuguese'        => array( 'Quero o meu dinheiro de volta', 'pt', array( 'meu' ) ),
			'English in French' => array( 'I want a refund please', 'fr', array( 'i' ) ),
			'a statement'       => array( 'Account hacked, need help', 'en', array() ),
			'a request'         => array( 'Cancel subscription now', 'en', array() ),
		);
	}

	/**
	 * What does not fire.
	 *
	 * @dataProvider impersonal
	 *
	 * @param string $text Message.
	 */
	public function test_impersonal_questions_do_not_fire( string $text ): void {
		$this->assertFalse( $this->detect( $text )->fired, $text );
	}

	/**
	 * Impersonal messages.
	 *
	 * @return array<string, array{0: string}>
	 */
	public function impersonal(): array {
		return self::rows(
			array(
				'What law governs construction contracts?',
				'Which court ruled on the case in 1954?',
				'How many US states have a sales tax?',
				'What did the U.S. Congress pass in 1990?',
				'What law did Charles I pass?',
				'Who fought in World War I?',
				'How to cancel a subscription',
				'In which year did the company open?',
				'Was the museum in Ur rebuilt?',
			)
		);
	}

	/**
	 * In a language it has no words for, it cannot tell, and fires.
	 */
	public function test_a_language_without_words_fires(): void {
		$result = $this->signal()->detect( new Signal_Context( 'Voglio parlare con il servizio clienti', 'it', array(), Policy::defaults() ) );
		$this->assertTrue( $result->fired );
		$this->assertSame( array(), $result->evidence );
	}
}
