<?php
/**
 * Tests for the sensitivity signal.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Unit\Signals;

use HandoffBot\Contracts\Signal;
use HandoffBot\Signals\Sensitivity_Signal;

require_once __DIR__ . '/Signal_Test_Case.php';

/**
 * Personal data and sensitive account topics fire with their kind and masked evidence; a how-to
 * about the account does not.
 */
final class Sensitivity_Signal_Test extends Signal_Test_Case {

	/**
	 * {@inheritDoc}
	 */
	protected function signal(): Signal {
		return new Sensitivity_Signal();
	}

	/**
	 * Sensitive messages and their kind.
	 *
	 * @dataProvider sensitive
	 *
	 * @param string $text  Message.
	 * @param string $label Kind.
	 */
	public function test_sensitive_messages_fire_with_their_kind( string $text, string $label ): void {
		$result = $this->detect( $text );
		$this->assertTrue( $result->fired, $text );
		$this->assertSame( $label, $result->label, $text );
		$this->assertNotEmpty( $result->evidence );
	}

	/**
	 * Sensitive messages.
	 *
	 * @return array<string, array{0: string, 1: string}>
	 */
	public function sensitive(): array {
		return array(
			'card'            => array( 'please charge 4111 1111 1111 1111', 'card' ),
			'iban'            => array( 'my IBAN is NL91ABNA0417164300', 'iban' ),
			'ssn'             => array( 'ssn 536-22-8174', 'national_id' ),
			'password'        => array( 'my password is Bluebird77', 'password' ),
			'hacked'          => array( 'my account got hacked', 'account_security' ),
			'stranger login'  => array( 'someone logged into my account from another country', 'account_security' ),
			'not me'          => array( 'there are orders on my account I didn\'t place', 'account_security' ),
			'phishing'        => array( 'I got a phishing email pretending to be you', 'account_security' ),
			'verify identity' => array( 'how do I verify my identity?', 'identity' ),
			'name on account' => array( 'can you change the name on my account', 'identity' ),
			'data on file'    => array( 'what address do you have on file for me', 'personal_data' ),
			'hr'              => array( 'I work at your warehouse and my payslip is wrong', 'hr' ),
			'card over topic' => array( 'I was hacked, here is my new card 4111 1111 1111 1111', 'card' ),
		);
	}

	/**
	 * Card data takes the lead, and evidence is masked.
	 */
	public function test_evidence_is_masked(): void {
		$result = $this->detect( 'I was hacked, here is my new card 4111 1111 1111 1111' );
		$this->assertSame( 1.0, $result->score );
		$this->assertSame( array( 'Visa card ending 1111', 'hacked' ), $result->evidence );
		$this->assertStringNotContainsString( '4111', implode( ' ', $result->evidence ) );
	}

	/**
	 * How-tos about the account, problems, numbers that are not personal data: nothing.
	 *
	 * @dataProvider not_sensitive
	 *
	 * @param string $text Message.
	 */
	public function test_ordinary_account_questions_do_not_fire( string $text ): void {
		$this->assertFalse( $this->detect( $text )->fired, $text );
	}

	/**
	 * Not sensitive.
	 *
	 * @return array<string, array{0: string}>
	 */
	public function not_sensitive(): array {
		return self::rows(
			array(
				'how do I reset my password',
				'my password is not working',
				'how do I change my email address',
				'I\'m locked out of my account',
				'my card was declined',
				'order 4111 1111 1111 1112 has not arrived',
				'I want to order a new passport holder',
				'can I cancel my contract',
				'how do I update my credit card details',
			)
		);
	}
}
