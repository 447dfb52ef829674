<?php
/**
 * Text helpers the signals share.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Signals;

defined( 'ABSPATH' ) || exit;

/**
 * Folds a message to lowercase letters without accents (visitors type "atencion" as often as
 * "atención"), splits it into clauses and words, and tells whether a typed word is a slip of
 * another ("reprsentative", "humna"). Pure and deterministic: no locale, no hooks.
 */
final class Signal_Text {

	/**
	 * Accented Latin letters and their plain forms (lowercase; ß and ligatures spelled out).
	 *
	 * @var array<string, string>
	 */
	private const ACCENTS = array(
		'à' => 'a',
		'á' => 'a',
		'â' => 'a',
		'ã' => 'a',
		'ä' => 'a',
		'å' => 'a',
		'ā' => 'a',
		'ą' => 'a',
		'æ' => 'ae',
		'ç' => 'c',
		'ć' => 'c',
		'č' => 'c',
		'ď' => 'd',
		'è' => 'e',
		'é' => 'e',
		'ê' => 'e',
		'ë' => 'e',
		'ē' => 'e',
		'ę' => 'e',
		'ě' => 'e',
		'ì' => 'i',
		'í' => 'i',
		'î' => 'i',
		'ï' => 'i',
		'ī' => 'i',
		'ł' => 'l',
		'ñ' => 'n',
		'ń' => 'n',
		'ň' => 'n',
		'ò' => 'o',
		'ó' => 'o',
		'ô' => 'o',
		'õ' => 'o',
		'ö' => 'o',
		'ø' => 'o',
		'ō' => 'o',
		'œ' => 'oe',
		'ř' => 'r',
		'ś' => 's',
		'š' => 's',
		'ß' => 'ss',
		'ť' => 't',
		'ù' => 'u',
		'ú' => 'u',
		'û' => 'u',
		'ü' => 'u',
		'ū' => 'u',
		'ů' => 'u',
		'ý' => 'y',
		'ÿ' => 'y',
		'ź' => 'z',
		'ż' => 'z',
		'ž' => 'z',
		'’' => '\'',
		'‘' => '\'',
	);

	/**
	 * Lowercase, without accents, curly apostrophes made straight.
	 *
	 * @param string $text Text.
	 */
	public static function fold( string $text ): string {
		$lower = mb_strtolower( $text, 'UTF-8' );
		// Most messages are plain ASCII: the table is only needed for the rest.
		return preg_match( '/[\x80-\xff]/', $lower ) ? strtr( $lower, self::ACCENTS ) : $lower;
	}

	/**
	 * Clauses of a folded text: split at sentence ends, commas, semicolons and line breaks.
	 *
	 * @param string $folded Folded text.
	 * @return list<string>
	 */
	public static function clauses( string $folded ): array {
		$parts = preg_split( '/[.!?;,:\n\r()\[\]"]+/u', $folded, -1, PREG_SPLIT_NO_EMPTY );
		$out   = array();
		foreach ( false === $parts ? array() : $parts as $part ) {
			if ( '' !== trim( $part ) ) {
				$out[] = trim( $part );
			}
		}
		return $out;
	}

	/**
	 * Words of a folded text: letters and digits, with inner apostrophes ("don't", "quelqu'un")
	 * and the asterisks of a masked swear word ("f***ing") kept.
	 *
	 * @param string $folded Folded text.
	 * @return list<string>
	 */
	public static function words( string $folded ): array {
		if ( ! preg_match_all( '/[\p{L}\p{N}](?:[\p{L}\p{N}*]|\'(?=\p{L})|\*)*/u', $folded, $m ) ) {
			return array();
		}
		return $m[0];
	}

	/**
	 * A word with runs of three or more of one letter cut to one ("pleeease", "humaaan").
	 *
	 * @param string $word Word.
	 */
	public static function squeeze( string $word ): string {
		return (string) preg_replace( '/(\p{L})\1{2,}/u', '$1', $word );
	}

	/**
	 * Whether a typed word is the target word or a slip of it: one edit from a word of five or
	 * more letters, two from one of nine or more, or two neighbouring letters swapped in a word
	 * of four or more ("tlak", "humna").
	 *
	 * @param string $typed  Typed word (folded).
	 * @param string $target Known word (folded).
	 */
	public static function close( string $typed, string $target ): bool {
		if ( $typed === $target ) {
			return true;
		}
		$length = strlen( $target );
		if ( $length < 4 || abs( strlen( $typed ) - $length ) > 2 || $typed[0] !== $target[0] && $typed[1] !== $target[1] ) {
			return false;
		}
		$distance = levenshtein( $typed, $target );
		$allowed  = $length >= 9 ? 2 : ( $length >= 5 ? 1 : 0 );
		if ( $distance <= $allowed ) {
			return true;
		}
		return 2 === $distance && self::swapped( $typed, $target );
	}

	/**
	 * Whether two words of one length differ only by two neighbouring letters swapped.
	 *
	 * @param string $a Word.
	 * @param string $b Word.
	 */
	private static function swapped( string $a, string $b ): bool {
		$length = strlen( $a );
		if ( strlen( $b ) !== $length ) {
			return false;
		}
		for ( $i = 0; $i < $length - 1; $i++ ) {
			if ( $a[ $i ] !== $b[ $i ] ) {
				return $a[ $i ] === $b[ $i + 1 ] && $a[ $i + 1 ] === $b[ $i ] && substr( $a, $i + 2 ) === substr( $b, $i + 2 );
			}
		}
		return false;
	}

	/**
	 * A text cut to a length, on a character boundary, with an ellipsis when cut.
	 *
	 * @param string $text   Text.
	 * @param int    $length Most characters kept.
	 */
	public static function truncate( string $text, int $length ): string {
		$text = trim( (string) preg_replace( '/\s+/u', ' ', $text ) );
		return mb_strlen( $text, 'UTF-8' ) > $length ? rtrim( mb_substr( $text, 0, $length - 1, 'UTF-8' ) ) . '…' : $text;
	}
}
