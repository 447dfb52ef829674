<?php
/**
 * The Porter stemming algorithm for English.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Knowledge;

defined( 'ABSPATH' ) || exit;

/**
 * Martin Porter's 1980 algorithm ("An algorithm for suffix stripping"), for lowercase ASCII words.
 *
 * It maps inflected forms to a shared stem ("refunds", "refunded", "refunding" → "refund") so that
 * a question and a passage match when they use different forms of a word.
 */
final class Porter_Stemmer {

	/**
	 * How many stems are remembered at most.
	 */
	private const MEMO_SIZE = 20000;

	/**
	 * Remembered stems: word => stem.
	 *
	 * @var array<string, string>
	 */
	private static array $memo = array();

	/**
	 * Stems a lowercase ASCII word. Words of two letters or fewer are returned unchanged.
	 *
	 * @param string $word Lowercase word.
	 */
	public static function stem( string $word ): string {
		if ( isset( self::$memo[ $word ] ) ) {
			return self::$memo[ $word ];
		}
		if ( strlen( $word ) <= 2 || ! preg_match( '/^[a-z]+$/', $word ) ) {
			return $word;
		}
		$stem = self::step5( self::step4( self::step3( self::step2( self::step1c( self::step1b( self::step1a( $word ) ) ) ) ) ) );
		// Text repeats its words: remember stems, within a bound (an index rebuild sees many words).
		if ( count( self::$memo ) >= self::MEMO_SIZE ) {
			self::$memo = array();
		}
		self::$memo[ $word ] = $stem;
		return $stem;
	}

	/**
	 * Whether the letter at $i is a consonant.
	 *
	 * @param string $w Word.
	 * @param int    $i Index.
	 */
	private static function is_consonant( string $w, int $i ): bool {
		$c = $w[ $i ];
		if ( false !== strpos( 'aeiou', $c ) ) {
			return false;
		}
		if ( 'y' === $c ) {
			return 0 === $i ? true : ! self::is_consonant( $w, $i - 1 );
		}
		return true;
	}

	/**
	 * The measure m of a stem: the number of vowel-consonant sequences, [C](VC)^m[V].
	 *
	 * @param string $stem Stem.
	 */
	private static function measure( string $stem ): int {
		$n = strlen( $stem );
		$m = 0;
		$i = 0;
		while ( $i < $n && self::is_consonant( $stem, $i ) ) {
			++$i;
		}
		while ( $i < $n ) {
			while ( $i < $n && ! self::is_consonant( $stem, $i ) ) {
				++$i;
			}
			if ( $i >= $n ) {
				break;
			}
			while ( $i < $n && self::is_consonant( $stem, $i ) ) {
				++$i;
			}
			++$m;
		}
		return $m;
	}

	/**
	 * Whether the stem contains a vowel.
	 *
	 * @param string $stem Stem.
	 */
	private static function has_vowel( string $stem ): bool {
		$n = strlen( $stem );
		for ( $i = 0; $i < $n; $i++ ) {
			if ( ! self::is_consonant( $stem, $i ) ) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether the word ends with a double consonant.
	 *
	 * @param string $w Word.
	 */
	private static function ends_double_consonant( string $w ): bool {
		$n = strlen( $w );
		return $n >= 2 && $w[ $n - 1 ] === $w[ $n - 2 ] && self::is_consonant( $w, $n - 1 );
	}

	/**
	 * Whether the word ends consonant-vowel-consonant, the last not w, x or y.
	 *
	 * @param string $w Word.
	 */
	private static function ends_cvc( string $w ): bool {
		$n = strlen( $w );
		if ( $n < 3 ) {
			return false;
		}
		return self::is_consonant( $w, $n - 3 ) && ! self::is_consonant( $w, $n - 2 ) && self::is_consonant( $w, $n - 1 ) && false === strpos( 'wxy', $w[ $n - 1 ] );
	}

	/**
	 * Whether $w ends with $suffix.
	 *
	 * @param string $w      Word.
	 * @param string $suffix Suffix.
	 */
	private static function ends( string $w, string $suffix ): bool {
		$l = strlen( $suffix );
		return strlen( $w ) >= $l && 0 === substr_compare( $w, $suffix, -$l );
	}

	/**
	 * Replaces the first matching suffix whose stem has measure > $min.
	 *
	 * @param string                               $w     Word.
	 * @param array<string, array<string, string>> $rules By the suffixes' last letter: suffix => replacement, in order.
	 * @param int                                  $min   The stem's measure must exceed this.
	 */
	private static function replace_suffix( string $w, array $rules, int $min ): string {
		$last = substr( $w, -1 );
		foreach ( $rules[ $last ] ?? array() as $suffix => $replacement ) {
			if ( self::ends( $w, $suffix ) ) {
				$stem = substr( $w, 0, -strlen( $suffix ) );
				return self::measure( $stem ) > $min ? $stem . $replacement : $w;
			}
		}
		return $w;
	}

	/**
	 * Plurals.
	 *
	 * @param string $w Word.
	 */
	private static function step1a( string $w ): string {
		if ( self::ends( $w, 'sses' ) || self::ends( $w, 'ies' ) ) {
			return substr( $w, 0, -2 );
		}
		if ( self::ends( $w, 'ss' ) ) {
			return $w;
		}
		if ( self::ends( $w, 's' ) ) {
			return substr( $w, 0, -1 );
		}
		return $w;
	}

	/**
	 * Past tenses and gerunds.
	 *
	 * @param string $w Word.
	 */
	private static function step1b( string $w ): string {
		if ( self::ends( $w, 'eed' ) ) {
			return self::measure( substr( $w, 0, -3 ) ) > 0 ? substr( $w, 0, -1 ) : $w;
		}
		foreach ( array( 'ed', 'ing' ) as $suffix ) {
			if ( self::ends( $w, $suffix ) ) {
				$stem = substr( $w, 0, -strlen( $suffix ) );
				if ( ! self::has_vowel( $stem ) ) {
					return $w;
				}
				if ( self::ends( $stem, 'at' ) || self::ends( $stem, 'bl' ) || self::ends( $stem, 'iz' ) ) {
					return $stem . 'e';
				}
				if ( self::ends_double_consonant( $stem ) && false === strpos( 'lsz', substr( $stem, -1 ) ) ) {
					return substr( $stem, 0, -1 );
				}
				if ( 1 === self::measure( $stem ) && self::ends_cvc( $stem ) ) {
					return $stem . 'e';
				}
				return $stem;
			}
		}
		return $w;
	}

	/**
	 * Terminal y to i.
	 *
	 * @param string $w Word.
	 */
	private static function step1c( string $w ): string {
		if ( self::ends( $w, 'y' ) && self::has_vowel( substr( $w, 0, -1 ) ) ) {
			return substr( $w, 0, -1 ) . 'i';
		}
		return $w;
	}

	/**
	 * Double suffixes.
	 *
	 * @param string $w Word.
	 */
	private static function step2( string $w ): string {
		return self::replace_suffix(
			$w,
			array(
				'l' => array(
					'ational' => 'ate',
					'tional'  => 'tion',
				),
				'i' => array(
					'enci'   => 'ence',
					'anci'   => 'ance',
					'abli'   => 'able',
					'alli'   => 'al',
					'entli'  => 'ent',
					'eli'    => 'e',
					'ousli'  => 'ous',
					'aliti'  => 'al',
					'iviti'  => 'ive',
					'biliti' => 'ble',
				),
				'r' => array(
					'izer' => 'ize',
					'ator' => 'ate',
				),
				'n' => array(
					'ization' => 'ize',
					'ation'   => 'ate',
				),
				'm' => array( 'alism' => 'al' ),
				's' => array(
					'iveness' => 'ive',
					'fulness' => 'ful',
					'ousness' => 'ous',
				),
			),
			0
		);
	}

	/**
	 * -ic-, -full, -ness and the like.
	 *
	 * @param string $w Word.
	 */
	private static function step3( string $w ): string {
		return self::replace_suffix(
			$w,
			array(
				'e' => array(
					'icate' => 'ic',
					'ative' => '',
					'alize' => 'al',
				),
				'i' => array( 'iciti' => 'ic' ),
				'l' => array(
					'ical' => 'ic',
					'ful'  => '',
				),
				's' => array( 'ness' => '' ),
			),
			0
		);
	}

	/**
	 * -ant, -ence and the like, when the stem is long enough.
	 *
	 * @param string $w Word.
	 */
	private static function step4( string $w ): string {
		// Longest match first, as the algorithm requires (two suffixes of one length never both match).
		$suffixes = array( 'ement', 'ance', 'ence', 'able', 'ible', 'ment', 'ant', 'ent', 'ion', 'ism', 'ate', 'iti', 'ous', 'ive', 'ize', 'al', 'er', 'ic', 'ou' );
		foreach ( $suffixes as $suffix ) {
			if ( ! self::ends( $w, $suffix ) ) {
				continue;
			}
			$stem = substr( $w, 0, -strlen( $suffix ) );
			if ( self::measure( $stem ) <= 1 ) {
				return $w;
			}
			if ( 'ion' === $suffix ) {
				$last = substr( $stem, -1 );
				return ( 's' === $last || 't' === $last ) ? $stem : $w;
			}
			return $stem;
		}
		return $w;
	}

	/**
	 * A final -e, and -ll to -l.
	 *
	 * @param string $w Word.
	 */
	private static function step5( string $w ): string {
		if ( self::ends( $w, 'e' ) ) {
			$stem = substr( $w, 0, -1 );
			$m    = self::measure( $stem );
			if ( $m > 1 || ( 1 === $m && ! self::ends_cvc( $stem ) ) ) {
				$w = $stem;
			}
		}
		if ( self::measure( $w ) > 1 && self::ends_double_consonant( $w ) && self::ends( $w, 'l' ) ) {
			$w = substr( $w, 0, -1 );
		}
		return $w;
	}
}
