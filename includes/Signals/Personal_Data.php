<?php
/**
 * Finds personal data typed into a message.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Signals;

defined( 'ABSPATH' ) || exit;

/**
 * Card numbers, IBANs, national ID numbers and passwords, each checked the way the issuer checks
 * it, so that an order number or a tracking code is not taken for one: a card number passes the
 * Luhn check and starts as a card network's numbers do; an IBAN has its country's length and
 * passes the mod-97 check; a US Social Security number is in the ranges ever issued; a UK
 * National Insurance number has a valid prefix; a Spanish DNI or NIE has its check letter; a
 * Brazilian CPF has its two check digits. What is reported is masked: "card ending 4242", never
 * the number.
 *
 * @phpstan-type Found array{kind: string, evidence: string}
 * @phpstan-type Found_Match array{kind: string, evidence: string, match: string, offset?: int}
 */
final class Personal_Data {

	/**
	 * IBAN length by country.
	 *
	 * @var array<string, int>
	 */
	private const IBAN_LENGTHS = array(
		'AD' => 24,
		'AE' => 23,
		'AL' => 28,
		'AT' => 20,
		'AZ' => 28,
		'BA' => 20,
		'BE' => 16,
		'BG' => 22,
		'BH' => 22,
		'BR' => 29,
		'BY' => 28,
		'CH' => 21,
		'CR' => 22,
		'CY' => 28,
		'CZ' => 24,
		'DE' => 22,
		'DK' => 18,
		'DO' => 28,
		'EE' => 20,
		'EG' => 29,
		'ES' => 24,
		'FI' => 18,
		'FO' => 18,
		'FR' => 27,
		'GB' => 22,
		'GE' => 22,
		'GI' => 23,
		'GL' => 18,
		'GR' => 27,
		'GT' => 28,
		'HR' => 21,
		'HU' => 28,
		'IE' => 22,
		'IL' => 23,
		'IQ' => 23,
		'IS' => 26,
		'IT' => 27,
		'JO' => 30,
		'KW' => 30,
		'KZ' => 20,
		'LB' => 28,
		'LC' => 32,
		'LI' => 21,
		'LT' => 20,
		'LU' => 20,
		'LV' => 21,
		'MC' => 27,
		'MD' => 24,
		'ME' => 22,
		'MK' => 19,
		'MR' => 27,
		'MT' => 31,
		'MU' => 30,
		'NL' => 18,
		'NO' => 15,
		'PK' => 24,
		'PL' => 28,
		'PS' => 29,
		'PT' => 25,
		'QA' => 29,
		'RO' => 24,
		'RS' => 22,
		'SA' => 24,
		'SC' => 31,
		'SE' => 24,
		'SI' => 19,
		'SK' => 24,
		'SM' => 27,
		'ST' => 25,
		'SV' => 28,
		'TL' => 23,
		'TN' => 24,
		'TR' => 26,
		'UA' => 29,
		'VA' => 22,
		'VG' => 24,
		'XK' => 20,
	);

	/**
	 * Words that follow "my password is" without being a password ("my password is not working").
	 *
	 * @var list<string>
	 */
	private const NOT_PASSWORDS = array( 'not', 'no', 'wrong', 'incorrect', 'invalid', 'expired', 'correct', 'right', 'too', 'being', 'been', 'the', 'still', 'now', 'always', 'never', 'definitely', 'probably', 'fine', 'okay', 'working', 'broken', 'blocked', 'locked', 'weak', 'strong', 'short', 'long', 'case', 'same', 'different', 'new', 'old', 'reset', 'changed', 'saved', 'stored', 'visible', 'hidden', 'secure', 'safe', 'compromised', 'leaked', 'stolen', 'hacked', 'sensitive', 'required', 'needed', 'missing', 'empty', 'very', 'really', 'also', 'just', 'only', 'accepted', 'valid', 'rejected', 'forgotten', 'lost', 'what', 'why', 'how', 'when', 'where', 'that', 'this', 'asking', 'supposed', 'meant', 'more', 'less', 'mandatory', 'shown', 'sent', 'emailed', 'created', 'updated', 'because', 'apparently', 'somehow', 'suddenly', 'unknown', 'known', 'remembered', 'longer', 'shorter', 'weaker', 'stronger', 'requiring', 'required', 'showing', 'displayed', 'written', 'there', 'here', 'in', 'on', 'at', 'for', 'with', 'and', 'but', 'incorrecta', 'incorrecto', 'falsch', 'faux', 'incorrect', 'errada', 'errado', 'nicht', 'pas', 'perdida', 'olvidada' );

	/**
	 * Personal data in a text, the strongest kind first.
	 *
	 * @param string $text Message.
	 * @return list<Found>
	 */
	public function find( string $text ): array {
		return array_map(
			static function ( array $item ): array {
				return array(
					'kind'     => $item['kind'],
					'evidence' => $item['evidence'],
				);
			},
			$this->matches( $text )
		);
	}

	/**
	 * Personal data in a text with the very characters that hold it (for masking,
	 * Privacy\Redactor), the strongest kind first.
	 *
	 * @param string $text Message.
	 * @return list<Found_Match>
	 */
	public function matches( string $text ): array {
		$ibans = $this->ibans( $text );
		// An IBAN's digits are not also read as a card or an ID number.
		foreach ( $ibans as $iban ) {
			$text = str_replace( $iban['match'], str_repeat( ' ', strlen( $iban['match'] ) ), $text );
		}
		return array_merge( $this->cards( $text ), $ibans, $this->national_ids( $text ), $this->passwords( $text ) );
	}

	/**
	 * Whether a string of digits passes the Luhn check.
	 *
	 * @param string $digits Digits only.
	 */
	public static function luhn( string $digits ): bool {
		if ( '' === $digits || ! ctype_digit( $digits ) ) {
			return false;
		}
		$sum    = 0;
		$double = false;
		for ( $i = strlen( $digits ) - 1; $i >= 0; $i-- ) {
			$digit = (int) $digits[ $i ];
			if ( $double ) {
				$digit *= 2;
				$digit -= $digit > 9 ? 9 : 0;
			}
			$sum   += $digit;
			$double = ! $double;
		}
		return 0 === $sum % 10;
	}

	/**
	 * The card network whose numbers start and run as these digits do, or null.
	 *
	 * @param string $digits Digits only.
	 */
	public static function card_network( string $digits ): ?string {
		$length = strlen( $digits );
		$two    = (int) substr( $digits, 0, 2 );
		$three  = (int) substr( $digits, 0, 3 );
		$four   = (int) substr( $digits, 0, 4 );
		if ( '4' === $digits[0] && in_array( $length, array( 13, 16, 19 ), true ) ) {
			return 'Visa';
		}
		if ( 16 === $length && ( ( $two >= 51 && $two <= 55 ) || ( $four >= 2221 && $four <= 2720 ) ) ) {
			return 'Mastercard';
		}
		if ( 15 === $length && ( 34 === $two || 37 === $two ) ) {
			return 'American Express';
		}
		if ( $length >= 16 && ( 6011 === $four || 65 === $two || ( $three >= 644 && $three <= 649 ) ) ) {
			return 'Discover';
		}
		if ( $length >= 16 && $four >= 3528 && $four <= 3589 ) {
			return 'JCB';
		}
		if ( $length >= 14 && ( ( $three >= 300 && $three <= 305 ) || 36 === $two || 38 === $two || 39 === $two ) ) {
			return 'Diners Club';
		}
		if ( $length >= 16 && 62 === $two ) {
			return 'UnionPay';
		}
		if ( $length >= 13 && ( 50 === $two || ( $two >= 56 && $two <= 69 ) ) ) {
			return 'Maestro';
		}
		return null;
	}

	/**
	 * Whether an IBAN (spaces allowed) has its country's length and passes the mod-97 check.
	 *
	 * @param string $iban IBAN.
	 */
	public static function iban_valid( string $iban ): bool {
		$iban    = strtoupper( str_replace( ' ', '', $iban ) );
		$country = substr( $iban, 0, 2 );
		if ( ! preg_match( '/^[A-Z]{2}\d{2}[A-Z0-9]+$/', $iban ) || ( self::IBAN_LENGTHS[ $country ] ?? 0 ) !== strlen( $iban ) ) {
			return false;
		}
		$rearranged = substr( $iban, 4 ) . substr( $iban, 0, 4 );
		$remainder  = 0;
		foreach ( str_split( $rearranged ) as $char ) {
			$value = ctype_digit( $char ) ? $char : (string) ( ord( $char ) - 55 );
			foreach ( str_split( $value ) as $digit ) {
				$remainder = ( $remainder * 10 + (int) $digit ) % 97;
			}
		}
		return 1 === $remainder;
	}

	/**
	 * Whether three groups are a US Social Security number in the ranges ever issued: area not
	 * 000, 666 or 900-999, group not 00, serial not 0000.
	 *
	 * @param string $area   Three digits.
	 * @param string $group  Two digits.
	 * @param string $serial Four digits.
	 */
	public static function ssn_valid( string $area, string $group, string $serial ): bool {
		$a = (int) $area;
		return $a > 0 && 666 !== $a && $a < 900 && '00' !== $group && '0000' !== $serial;
	}

	/**
	 * Whether a UK National Insurance number (spaces allowed) is valid: letters allowed in each
	 * place, and a prefix that is ever issued.
	 *
	 * @param string $nino Number.
	 */
	public static function nino_valid( string $nino ): bool {
		$nino = strtoupper( str_replace( ' ', '', $nino ) );
		return (bool) preg_match( '/^[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\d{6}[A-D]$/', $nino )
			&& ! in_array( substr( $nino, 0, 2 ), array( 'BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ' ), true );
	}

	/**
	 * Whether a Spanish DNI (8 digits and a letter) or NIE (X, Y or Z, 7 digits and a letter) has
	 * its check letter.
	 *
	 * @param string $id Number, without spaces or dashes.
	 */
	public static function dni_valid( string $id ): bool {
		$id = strtoupper( $id );
		if ( ! preg_match( '/^([XYZ]\d{7}|\d{8})([A-Z])$/', $id, $m ) ) {
			return false;
		}
		$number = (int) strtr(
			$m[1],
			array(
				'X' => '0',
				'Y' => '1',
				'Z' => '2',
			)
		);
		return 'TRWAGMYFPDXBNJZSQVHLCKE'[ $number % 23 ] === $m[2];
	}

	/**
	 * Whether eleven digits are a Brazilian CPF with both check digits right.
	 *
	 * @param string $digits Digits only.
	 */
	public static function cpf_valid( string $digits ): bool {
		if ( 11 !== strlen( $digits ) || ! ctype_digit( $digits ) || 1 === count( array_unique( str_split( $digits ) ) ) ) {
			return false;
		}
		for ( $check = 9; $check <= 10; $check++ ) {
			$sum = 0;
			for ( $i = 0; $i < $check; $i++ ) {
				$sum += (int) $digits[ $i ] * ( $check + 1 - $i );
			}
			$digit = ( $sum * 10 ) % 11 % 10;
			if ( (int) $digits[ $check ] !== $digit ) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Card numbers: 13 to 19 digits, spaces, dots or dashes between groups. A run of digits that
	 * fails (a number with its security code or expiry typed after it) is tried again on its first
	 * groups, longest first.
	 *
	 * @param string $text Message.
	 * @return list<Found_Match>
	 */
	private function cards( string $text ): array {
		$found = array();
		if ( preg_match_all( '/(?<![\d.-])\d(?:[ .-]?\d){12,}(?![\d])/', $text, $m ) ) {
			foreach ( $m[0] as $run ) {
				foreach ( self::group_prefixes( $run ) as $candidate ) {
					$digits  = (string) preg_replace( '/\D/', '', $candidate );
					$network = self::card_network( $digits );
					if ( null !== $network && self::luhn( $digits ) ) {
						$found[] = array(
							'kind'     => 'card',
							'evidence' => sprintf( '%1$s card ending %2$s', $network, substr( $digits, -4 ) ),
							'match'    => $candidate,
						);
						break;
					}
				}
			}
		}
		return $found;
	}

	/**
	 * A run of digit groups, then its shorter starts that end with a group, longest first, while
	 * they hold 13 to 19 digits.
	 *
	 * @param string $run Digits with spaces, dots or dashes between groups.
	 * @return list<string>
	 */
	private static function group_prefixes( string $run ): array {
		$out    = array();
		$groups = preg_split( '/(?<=\d)(?=[ .-])/', $run );
		for ( $n = is_array( $groups ) ? count( $groups ) : 0; $n > 0; $n-- ) {
			$prefix = implode( '', array_slice( (array) $groups, 0, $n ) );
			$digits = strlen( (string) preg_replace( '/\D/', '', $prefix ) );
			if ( $digits >= 13 && $digits <= 19 ) {
				$out[] = $prefix;
			}
		}
		return $out;
	}

	/**
	 * IBANs: a country code, two check digits and the account, in groups or not.
	 *
	 * @param string $text Message.
	 * @return list<array{kind: string, evidence: string, match: string}>
	 */
	private function ibans( string $text ): array {
		$found = array();
		if ( ! preg_match_all( '/\b[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]){11,30}/', $text, $m ) ) {
			return $found;
		}
		foreach ( $m[0] as $match ) {
			$compact = strtoupper( str_replace( ' ', '', $match ) );
			$length  = self::IBAN_LENGTHS[ substr( $compact, 0, 2 ) ] ?? 0;
			// The pattern may run on into the next word: the country says where an IBAN ends.
			if ( $length > 0 && strlen( $compact ) >= $length && self::iban_valid( substr( $compact, 0, $length ) ) ) {
				$found[] = array(
					'kind'     => 'iban',
					'evidence' => sprintf( 'IBAN %1$s… ending %2$s', substr( $compact, 0, 2 ), substr( $compact, $length - 4, 4 ) ),
					'match'    => self::first_characters( $match, $length ),
				);
			}
		}
		return $found;
	}

	/**
	 * The start of a text that holds a number of characters other than spaces.
	 *
	 * @param string $text  Text.
	 * @param int    $count Characters that are not spaces.
	 */
	private static function first_characters( string $text, int $count ): string {
		$seen = 0;
		$end  = strlen( $text );
		for ( $i = 0; $i < $end; $i++ ) {
			if ( ' ' !== $text[ $i ] && ++$seen === $count ) {
				return substr( $text, 0, $i + 1 );
			}
		}
		return $text;
	}

	/**
	 * National ID numbers: US SSN, UK National Insurance number, Spanish DNI/NIE, Brazilian CPF.
	 *
	 * @param string $text Message.
	 * @return list<Found_Match>
	 */
	private function national_ids( string $text ): array {
		$found = array();
		// SSN as written, 123-45-6789 (or with spaces); nine bare digits only beside "SSN".
		if ( preg_match_all( '/(?<![\d-])(\d{3})([- ])(\d{2})\2(\d{4})(?![\d-])/', $text, $m, PREG_SET_ORDER ) ) {
			foreach ( $m as $match ) {
				if ( self::ssn_valid( $match[1], $match[3], $match[4] ) ) {
					$found[] = $this->id( 'US SSN', $match[4], $match[0] );
				}
			}
		}
		if ( preg_match_all( '/\b(?:ssn|social security(?: number| no)?|social)\W{0,3}(?:is\W{1,3})?(\d{3})(\d{2})(\d{4})\b/i', $text, $m, PREG_SET_ORDER ) ) {
			foreach ( $m as $match ) {
				if ( self::ssn_valid( $match[1], $match[2], $match[3] ) ) {
					$found[] = $this->id( 'US SSN', $match[3], $match[1] . $match[2] . $match[3] );
				}
			}
		}
		if ( preg_match_all( '/\b[A-Za-z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-Da-d]\b/', $text, $m ) ) {
			foreach ( $m[0] as $candidate ) {
				if ( self::nino_valid( $candidate ) ) {
					$found[] = $this->id( 'National Insurance number', substr( str_replace( ' ', '', $candidate ), -3 ), $candidate );
				}
			}
		}
		if ( preg_match_all( '/\b([XYZxyz]?)[- ]?(\d{7,8})[- ]?([A-Za-z])\b/', $text, $m, PREG_SET_ORDER ) ) {
			foreach ( $m as $match ) {
				$id = $match[1] . $match[2] . $match[3];
				if ( strlen( $id ) === 9 && self::dni_valid( $id ) ) {
					$found[] = $this->id( '' === $match[1] ? 'DNI' : 'NIE', substr( $match[2], -3 ) . strtoupper( $match[3] ), ltrim( $match[0], ' -' ) );
				}
			}
		}
		// A CPF as written, 000.000.000-00; eleven bare digits only beside "CPF".
		$cpfs = array();
		if ( preg_match_all( '/(?<![\d.])\d{3}\.\d{3}\.\d{3}-\d{2}(?![\d])/', $text, $m ) ) {
			$cpfs = $m[0];
		}
		if ( preg_match_all( '/\bcpf\W{0,3}(\d{11})\b/i', $text, $m ) ) {
			$cpfs = array_merge( $cpfs, $m[1] );
		}
		foreach ( $cpfs as $cpf ) {
			$digits = (string) preg_replace( '/\D/', '', $cpf );
			if ( self::cpf_valid( $digits ) ) {
				$found[] = $this->id( 'CPF', substr( $digits, -2 ), $cpf );
			}
		}
		return $found;
	}

	/**
	 * Passwords typed after "password is", "password:", "pw:" and the like, in the five
	 * languages of the default phrases; never words that describe the password.
	 *
	 * @param string $text Message.
	 * @return list<Found_Match>
	 */
	private function passwords( string $text ): array {
		// Not a bare "pass": a boarding pass, a bus pass.
		$pattern = '/\b(?:password|passwd|passcode|passwort|kennwort|contrase(?:ñ|n)a|clave|mot de passe|senha|pwd|pw)\s*(?:(?:is|ist|lautet|es|est|é|was)\b|[:=\-–])\s*["\'“‘]?([^\s"\'”’]+)/iu';
		if ( ! preg_match_all( $pattern, $text, $m, PREG_OFFSET_CAPTURE ) ) {
			return array();
		}
		$found = array();
		foreach ( $m[1] as $candidate ) {
			$word = rtrim( $candidate[0], '.,!?;)' );
			if ( mb_strlen( $word, 'UTF-8' ) < 4 || in_array( mb_strtolower( $word, 'UTF-8' ), self::NOT_PASSWORDS, true ) ) {
				continue;
			}
			$found[] = array(
				'kind'     => 'password',
				'evidence' => 'password: ' . str_repeat( '•', 8 ),
				'match'    => $word,
				// Where it is: the same word elsewhere in the message is no password.
				'offset'   => (int) $candidate[1],
			);
		}
		return $found;
	}

	/**
	 * A national ID found, masked.
	 *
	 * @param string $name  What it is.
	 * @param string $tail  Its last characters.
	 * @param string $match The characters that hold it.
	 * @return Found_Match
	 */
	private function id( string $name, string $tail, string $match ): array {
		return array(
			'kind'     => 'national_id',
			'evidence' => sprintf( '%1$s ending %2$s', $name, $tail ),
			'match'    => $match,
		);
	}
}
