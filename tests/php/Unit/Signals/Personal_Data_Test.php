<?php
/**
 * Tests for the personal data checks.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Unit\Signals;

use HandoffBot\Signals\Personal_Data;
use PHPUnit\Framework\TestCase;

/**
 * Each check accepts numbers that pass the issuer's check and refuses near misses: one digit
 * off, the wrong length, a range never issued.
 */
final class Personal_Data_Test extends TestCase {

	/**
	 * Luhn: valid and invalid.
	 *
	 * @dataProvider luhn_numbers
	 *
	 * @param string $digits Digits.
	 * @param bool   $valid  Whether they pass.
	 */
	public function test_luhn( string $digits, bool $valid ): void {
		$this->assertSame( $valid, Personal_Data::luhn( $digits ), $digits );
	}

	/**
	 * Numbers for the Luhn check.
	 *
	 * @return array<string, array{0: string, 1: bool}>
	 */
	public function luhn_numbers(): array {
		return array(
			'visa'            => array( '4111111111111111', true ),
			'visa 13'         => array( '4222222222222', true ),
			'mastercard'      => array( '5555555555554444', true ),
			'mastercard 2'    => array( '2223003122003222', true ),
			'amex'            => array( '378282246310005', true ),
			'discover'        => array( '6011111111111117', true ),
			'jcb'             => array( '3530111333300000', true ),
			'diners'          => array( '30569309025904', true ),
			'last digit off'  => array( '4111111111111112', false ),
			'two digits swap' => array( '4111111111111911', false ),
			'amex off'        => array( '378282246310006', false ),
			'letters'         => array( '4111a11111111111', false ),
			'empty'           => array( '', false ),
		);
	}

	/**
	 * Card networks: numbers that pass Luhn but start or run like no card are no card.
	 */
	public function test_card_networks(): void {
		$this->assertSame( 'Visa', Personal_Data::card_network( '4111111111111111' ) );
		$this->assertSame( 'Mastercard', Personal_Data::card_network( '5555555555554444' ) );
		$this->assertSame( 'American Express', Personal_Data::card_network( '378282246310005' ) );
		$this->assertSame( 'Discover', Personal_Data::card_network( '6011111111111117' ) );
		$this->assertNull( Personal_Data::card_network( '1234567890123452' ), 'No card number starts with 1.' );
		$this->assertNull( Personal_Data::card_network( '41111111111111' ), 'A Visa number is not 14 digits long.' );
	}

	/**
	 * IBANs: valid ones of several countries, and near misses.
	 *
	 * @dataProvider ibans
	 *
	 * @param string $iban  IBAN.
	 * @param bool   $valid Whether it is valid.
	 */
	public function test_iban_mod_97( string $iban, bool $valid ): void {
		$this->assertSame( $valid, Personal_Data::iban_valid( $iban ), $iban );
	}

	/**
	 * IBANs.
	 *
	 * @return array<string, array{0: string, 1: bool}>
	 */
	public function ibans(): array {
		return array(
			'de'              => array( 'DE89 3704 0044 0532 0130 00', true ),
			'gb'              => array( 'GB82WEST12345698765432', true ),
			'fr'              => array( 'FR14 2004 1010 0505 0001 3M02 606', true ),
			'nl'              => array( 'NL91ABNA0417164300', true ),
			'es lowercase'    => array( 'es91 2100 0418 4502 0005 1332', true ),
			'check digit off' => array( 'DE89 3704 0044 0532 0130 01', false ),
			'too short'       => array( 'DE89 3704 0044 0532 0130 0', false ),
			'unknown country' => array( 'QQ89 3704 0044 0532 0130 00', false ),
			'gb too long'     => array( 'GB82WEST123456987654321', false ),
		);
	}

	/**
	 * National IDs: US SSN ranges, UK NI prefixes, Spanish check letters, Brazilian CPF digits.
	 */
	public function test_national_ids(): void {
		$this->assertTrue( Personal_Data::ssn_valid( '536', '22', '8174' ) );
		$this->assertFalse( Personal_Data::ssn_valid( '000', '12', '3456' ), 'Area 000 is never issued.' );
		$this->assertFalse( Personal_Data::ssn_valid( '666', '12', '3456' ) );
		$this->assertFalse( Personal_Data::ssn_valid( '912', '12', '3456' ) );
		$this->assertFalse( Personal_Data::ssn_valid( '536', '00', '8174' ) );
		$this->assertFalse( Personal_Data::ssn_valid( '536', '22', '0000' ) );
		$this->assertTrue( Personal_Data::nino_valid( 'AB 12 34 56 C' ) );
		$this->assertTrue( Personal_Data::nino_valid( 'jg103721b' ) );
		$this->assertFalse( Personal_Data::nino_valid( 'QQ123456C' ), 'Q is not a valid first letter.' );
		$this->assertFalse( Personal_Data::nino_valid( 'GB123456A' ), 'GB is not an issued prefix.' );
		$this->assertFalse( Personal_Data::nino_valid( 'AB123456E' ), 'The suffix is A to D.' );
		$this->assertTrue( Personal_Data::dni_valid( '12345678Z' ) );
		$this->assertFalse( Personal_Data::dni_valid( '12345678A' ) );
		$this->assertTrue( Personal_Data::dni_valid( 'X1234567L' ) );
		$this->assertTrue( Personal_Data::dni_valid( 'Y1234567X' ) );
		$this->assertFalse( Personal_Data::dni_valid( 'X1234567A' ) );
		$this->assertTrue( Personal_Data::cpf_valid( '52998224725' ) );
		$this->assertFalse( Personal_Data::cpf_valid( '52998224726' ) );
		$this->assertFalse( Personal_Data::cpf_valid( '11111111111' ), 'One digit repeated passes the sums but is not issued.' );
	}

	/**
	 * Found in a message: masked, never the number; an IBAN's digits are not also a card.
	 *
	 * @dataProvider messages
	 *
	 * @param string             $text     Message.
	 * @param array<int, string> $expected Kind and evidence of each find.
	 */
	public function test_finds_in_a_message_are_masked( string $text, array $expected ): void {
		$found = ( new Personal_Data() )->find( $text );
		$this->assertSame( $expected, array_map( static fn( array $f ): string => $f['kind'] . ': ' . $f['evidence'], $found ), $text );
		preg_match_all( '/\d{5,}/', (string) preg_replace( '/[ \-.]/', '', $text ), $numbers );
		foreach ( $found as $item ) {
			foreach ( $numbers[0] as $number ) {
				$this->assertStringNotContainsString( $number, str_replace( ' ', '', $item['evidence'] ) );
			}
		}
	}

	/**
	 * Messages.
	 *
	 * @return array<string, array{0: string, 1: list<string>}>
	 */
	public function messages(): array {
		return array(
			'card with spaces'     => array( 'my card is 4111 1111 1111 1111 exp 12/27', array( 'card: Visa card ending 1111' ) ),
			'card with dashes'     => array( '5555-5555-5555-4444', array( 'card: Mastercard card ending 4444' ) ),
			'order number'         => array( 'order 4111 1111 1111 1112 is late', array() ),
			'tracking code'        => array( 'tracking 1Z999AA10123456784', array() ),
			'iban'                 => array( 'refund to DE89 3704 0044 0532 0130 00 please', array( 'iban: IBAN DE… ending 3000' ) ),
			'iban and word after'  => array( 'GB82WEST12345698765432 thanks', array( 'iban: IBAN GB… ending 5432' ) ),
			'invalid iban'         => array( 'IBAN DE89 3704 0044 0532 0130 01', array() ),
			'ssn'                  => array( 'my SSN is 536-22-8174', array( 'national_id: US SSN ending 8174' ) ),
			'ssn bare beside SSN'  => array( 'ssn: 536228174', array( 'national_id: US SSN ending 8174' ) ),
			'nine digits alone'    => array( 'reference 536228174', array() ),
			'invalid ssn'          => array( 'SSN 000-12-3456', array() ),
			'ni number'            => array( 'NI JG 10 37 21 B', array( 'national_id: National Insurance number ending 21B' ) ),
			'dni'                  => array( 'DNI 12345678Z', array( 'national_id: DNI ending 678Z' ) ),
			'cpf'                  => array( 'CPF 529.982.247-25', array( 'national_id: CPF ending 25' ) ),
			'password'             => array( 'my password is Tr0ub4dor&3', array( 'password: password: ••••••••' ) ),
			'pw colon'             => array( 'pw: hunter22', array( 'password: password: ••••••••' ) ),
			'password in spanish'  => array( 'mi contraseña es Girasol#12', array( 'password: password: ••••••••' ) ),
			'password not working' => array( 'my password is not working', array() ),
			'password too short'   => array( 'the password is too short', array() ),
			'forgot password'      => array( 'I forgot my password', array() ),
			'phone number'         => array( 'call me on 07700 900123', array() ),
		);
	}
}
