<?php
/**
 * Tests for the masking of card numbers, IBANs, national IDs and passwords.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Unit\Privacy;

use HandoffBot\Privacy\Redactor;
use HandoffBot\Signals\Personal_Data;
use PHPUnit\Framework\TestCase;

/**
 * What must not be stored is masked, keeping what a receipt shows (the network and last four
 * digits of a card); numbers that fail their check (orders, tracking codes, phone numbers) stay.
 */
final class Redactor_Test extends TestCase {

	/**
	 * Card numbers in the ways people type them.
	 */
	public function test_card_numbers_are_masked_whatever_their_spacing(): void {
		$cards = array(
			'4111 1111 1111 1111' => 'Visa card ending 1111',
			'4111-1111-1111-1111' => 'Visa card ending 1111',
			'4111111111111111'    => 'Visa card ending 1111',
			'5500 0000 0000 0004' => 'Mastercard card ending 0004',
			'3782 822463 10005'   => 'American Express card ending 0005',
		);
		foreach ( $cards as $card => $mask ) {
			$card = (string) $card;
			$out  = Redactor::redact( 'My card is ' . $card . ', charged twice.' );
			$this->assertSame( array( 'card' ), $out['found'], $card );
			$this->assertSame( 'My card is [' . $mask . '], charged twice.', $out['text'] );
		}
	}

	/**
	 * A card number with its security code or expiry typed after it, or split by dots.
	 */
	public function test_card_numbers_followed_by_a_code_or_an_expiry_are_masked(): void {
		$cases = array(
			'card 4242 4242 4242 4242 123 thanks' => 'card [Visa card ending 4242] 123 thanks',
			'card 4111111111111111 123'           => 'card [Visa card ending 1111] 123',
			'card 4111 1111 1111 1111 12/25'      => 'card [Visa card ending 1111] 12/25',
			'card 4111.1111.1111.1111.'           => 'card [Visa card ending 1111].',
		);
		foreach ( $cases as $typed => $stored ) {
			$this->assertSame( $stored, Redactor::redact( $typed )['text'], $typed );
		}
	}

	/**
	 * Every password typed is masked where it was typed, and nowhere else.
	 */
	public function test_passwords_are_masked_where_typed_and_other_words_kept(): void {
		$this->assertSame( 'old password is •••••••• and the new password is ••••••••', Redactor::redact( 'old password is hunter22 and the new password is secret99' )['text'] );
		$this->assertSame( 'password: •••••••• during testing', Redactor::redact( 'password: test during testing' )['text'] );
		$this->assertSame( 'pw: •••••••• for order 1234', Redactor::redact( 'pw: 1234 for order 1234' )['text'] );
		$this->assertSame( 'test your password: ••••••••', Redactor::redact( 'test your password: test' )['text'] );
		$text = 'The boarding pass: print it, then print the invoice';
		$this->assertSame( $text, Redactor::redact( $text )['text'] );
	}

	/**
	 * Numbers that fail their check, and phone numbers, stay as typed.
	 */
	public function test_order_numbers_and_phone_numbers_stay(): void {
		foreach ( array( 'Order 4111 1111 1111 1112 is late', 'Tracking 1Z999AA10123456784', 'Call +44 20 7946 0958', 'Order #100045 from 2026-11-30', 'Invoice 2026001234' ) as $text ) {
			$out = Redactor::redact( $text );
			$this->assertSame( $text, $out['text'] );
			$this->assertSame( array(), $out['found'] );
		}
	}

	/**
	 * IBANs, grouped or not, and the words after them kept; a wrong check digit stays.
	 */
	public function test_ibans_are_masked_and_the_rest_of_the_sentence_kept(): void {
		$this->assertSame( 'Refund to [IBAN DE… ending 3000] please', Redactor::redact( 'Refund to DE89 3704 0044 0532 0130 00 please' )['text'] );
		$this->assertSame( 'Refund to [IBAN GB… ending 5432].', Redactor::redact( 'Refund to GB82WEST12345698765432.' )['text'] );
		$this->assertSame( array(), Redactor::redact( 'Refund to DE88 3704 0044 0532 0130 00' )['found'] );
	}

	/**
	 * National identity numbers and passwords.
	 */
	public function test_national_ids_and_passwords_are_masked(): void {
		$this->assertSame( 'SSN [US SSN ending 6789] on file', Redactor::redact( 'SSN 123-45-6789 on file' )['text'] );
		$this->assertSame( 'DNI [DNI ending 678Z]', Redactor::redact( 'DNI 12345678Z' )['text'] );
		$this->assertSame( 'my password is •••••••• now', Redactor::redact( 'my password is hunter2x now' )['text'] );
		$this->assertSame( array( 'password' ), Redactor::redact( 'my password is hunter2x now' )['found'] );
		$this->assertSame( array(), Redactor::redact( 'SSN 666-45-6789' )['found'] );
		$this->assertSame( array(), Redactor::redact( 'my password is wrong' )['found'] );
	}

	/**
	 * Every number the personal-data signal sees in a message is gone once it is masked.
	 */
	public function test_nothing_the_signal_finds_is_left_after_masking(): void {
		mt_srand( 42 );
		$finder = new Personal_Data();
		for ( $i = 0; $i < 300; $i++ ) {
			$digits = '4';
			for ( $n = 1; $n < 15; $n++ ) {
				$digits .= (string) mt_rand( 0, 9 );
			}
			$card = '';
			foreach ( range( 0, 9 ) as $check ) {
				if ( Personal_Data::luhn( $digits . $check ) ) {
					$card = $digits . $check;
				}
			}
			$text = 'pay with ' . implode( mt_rand( 0, 1 ) ? ' ' : '-', str_split( $card, 4 ) ) . ' or order ' . mt_rand( 1000, 999999 );
			$out  = Redactor::redact( $text );
			$this->assertSame( array(), $finder->find( $out['text'] ), $text );
			$this->assertStringNotContainsString( substr( $card, 0, 12 ), str_replace( array( ' ', '-' ), '', $out['text'] ) );
		}
	}

	/**
	 * A site adds its own pattern; a broken one is skipped.
	 */
	public function test_sites_add_their_own_patterns(): void {
		$add = static function ( array $patterns ): array {
			$patterns[] = '/\bMBR-\d{6}\b/';
			$patterns[] = '/[unclosed/';
			return $patterns;
		};
		add_filter( 'handoff_bot_redaction_patterns', $add );
		$out = Redactor::redact( 'Member MBR-123456 here' );
		remove_filter( 'handoff_bot_redaction_patterns', $add );
		$this->assertSame( 'Member [••••] here', $out['text'] );
		$this->assertSame( array( 'other' ), $out['found'] );
	}
}
