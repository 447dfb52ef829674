<?php
/**
 * Whether a text holds one of the question's names or numbers, written another way.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Knowledge;

defined( 'ABSPATH' ) || exit;

/**
 * Pure. A name or number the question gives is in a text when the text writes it the same, or:
 * - with or without its accents ("Hervé" and "Herve", "Schrödinger" and "Schrodinger");
 * - as a number word ("2" and "two", as in "a 2-year warranty" and "a two-year warranty");
 * - as the name's other form, which the stemmer leaves apart: "Canada" and "Canadian",
 *   "Aristotle" and "Aristotelian", "Europe" and "European" (one is the other's first letters but
 *   at most its last, at least five of them). "Austria" is not "Australia": they part sooner.
 * Names stay strict otherwise: a near miss on a name is what a swapped name looks like.
 */
final class Name_Forms {

	/**
	 * Numbers written as words => their digits.
	 */
	private const NUMBER_WORDS = array(
		'one'      => '1',
		'two'      => '2',
		'three'    => '3',
		'four'     => '4',
		'five'     => '5',
		'six'      => '6',
		'seven'    => '7',
		'eight'    => '8',
		'nine'     => '9',
		'ten'      => '10',
		'eleven'   => '11',
		'twelve'   => '12',
		'twenty'   => '20',
		'thirty'   => '30',
		'forty'    => '40',
		'fifty'    => '50',
		'hundred'  => '100',
		'thousand' => '1000',
	);

	/**
	 * The fewest first letters two forms of a name share.
	 */
	private const MIN_SHARED = 5;

	/**
	 * Whether a set of terms holds a specific term in any of its forms.
	 *
	 * @param string               $specific A term of the question's names and numbers.
	 * @param array<string, mixed> $have     Terms present (as keys).
	 */
	public function holds( string $specific, array $have ): bool {
		if ( isset( $have[ $specific ] ) ) {
			return true;
		}
		if ( ctype_digit( $specific ) ) {
			$word = array_search( $specific, self::NUMBER_WORDS, true );
			return false !== $word && isset( $have[ $word ] );
		}
		$folded = self::fold( $specific );
		$length = strlen( $folded );
		foreach ( $have as $term => $unused ) {
			$term = (string) $term;
			// Most terms are ASCII and start with another letter: the cheap test first.
			if ( '' === $term || '' === $folded || ( ord( $term[0] ) < 128 && $term[0] !== $folded[0] ) ) {
				continue;
			}
			$other = self::fold( $term );
			if ( $other === $folded || ( $other !== $term && Porter_Stemmer::stem( $other ) === $folded ) ) {
				return true;
			}
			$shortest = min( $length, strlen( $other ) );
			if ( $shortest >= self::MIN_SHARED && self::shared( $folded, $other ) >= max( self::MIN_SHARED, $shortest - 1 ) ) {
				return true;
			}
		}
		return false;
	}

	/**
	 * How many first letters two words share.
	 *
	 * @param string $a Word.
	 * @param string $b Word.
	 */
	private static function shared( string $a, string $b ): int {
		$max = min( strlen( $a ), strlen( $b ) );
		$i   = 0;
		while ( $i < $max && $a[ $i ] === $b[ $i ] ) {
			++$i;
		}
		return $i;
	}

	/**
	 * A term without its accents (as it is when the Intl extension is missing).
	 *
	 * @param string $term Term.
	 */
	private static function fold( string $term ): string {
		if ( 1 !== preg_match( '/[^\x00-\x7F]/', $term ) || ! class_exists( 'Normalizer' ) ) {
			return $term;
		}
		$decomposed = \Normalizer::normalize( $term, \Normalizer::FORM_D );
		return false === $decomposed ? $term : (string) preg_replace( '/\p{Mn}+/u', '', $decomposed );
	}
}
