<?php
/**
 * A question's misspelt words, and words of another form, read as the passage's own.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Knowledge;

defined( 'ABSPATH' ) || exit;

/**
 * Pure. A term of the question that the passage lacks stands for a passage term when:
 * - its word is a typo of one of the passage's words and the site never uses it: one letter
 *   away, or two swapped ("recieve"), or in a long word two letters changed ("confirmaton"),
 *   the first letter kept; or
 * - it is the same word in another form that the stemmer leaves apart ("constanc" and
 *   "constant"): the same first six letters, one letter apart.
 * Only plain Latin-letter words are read this way, the closest candidate wins, and never the
 * question's names and numbers: "Austria" is not a typo of "Australia", and a near miss on a
 * name must stay a miss.
 */
final class Term_Aliases {

	/**
	 * Of a question's terms, how many are looked at (the weightiest): bounds the work on long messages.
	 */
	public const MAX_TERMS = 32;

	/**
	 * Question term => the passage term it stands for.
	 *
	 * @param array<string, float>  $idf       Question term weights.
	 * @param array<string, int>    $df        Passages holding each term (0: the site never uses it).
	 * @param array<string, string> $asked     The question's words => their terms.
	 * @param array<string, string> $given     The passage's words => their terms.
	 * @param array<int, string>    $specifics The question's names and numbers (never aliased).
	 * @return array<string, string>
	 */
	public function find( array $idf, array $df, array $asked, array $given, array $specifics ): array {
		$have = array_flip( $given );
		$skip = array_flip( $specifics );
		arsort( $idf );
		$look = array_flip( array_map( 'strval', array_slice( array_keys( $idf ), 0, self::MAX_TERMS ) ) );

		$words = array();
		$terms = array();
		foreach ( $given as $word => $term ) {
			if ( preg_match( '/^[a-z]{4,40}$/', (string) $word ) ) {
				$words[ strlen( (string) $word ) ][] = (string) $word;
			}
			if ( preg_match( '/^[a-z]{6,40}$/', $term ) ) {
				$terms[ substr( $term, 0, 6 ) ][] = $term;
			}
		}

		$alias = array();
		foreach ( $asked as $word => $term ) {
			$word = (string) $word;
			if ( isset( $have[ $term ] ) || isset( $skip[ $term ] ) || ! isset( $look[ $term ] ) || isset( $alias[ $term ] ) || ! preg_match( '/^[a-z]{4,40}$/', $word ) ) {
				continue;
			}
			$near = 0 === ( $df[ $term ] ?? 0 ) ? $this->typo_of( $word, $words ) : null;
			if ( null !== $near ) {
				$alias[ $term ] = $given[ $near ];
				continue;
			}
			$kin = $this->family_of( $term, $terms );
			if ( null !== $kin ) {
				$alias[ $term ] = $kin;
			}
		}
		return $alias;
	}

	/**
	 * Term weights with aliased terms counted as the passage terms they stand for.
	 *
	 * @param array<string, float>  $idf   Question term weights.
	 * @param array<string, string> $alias Question term => passage term.
	 * @return array<string, float>
	 */
	public function apply( array $idf, array $alias ): array {
		if ( ! $alias ) {
			return $idf;
		}
		$out = array();
		foreach ( $idf as $term => $weight ) {
			$key         = $alias[ (string) $term ] ?? (string) $term;
			$out[ $key ] = ( $out[ $key ] ?? 0.0 ) + $weight;
		}
		return $out;
	}

	/**
	 * The passage word a word is a typo of, if any: the closest within reach.
	 *
	 * @param string                   $word  Word.
	 * @param array<int, list<string>> $words Passage words by length.
	 */
	private function typo_of( string $word, array $words ): ?string {
		$length = strlen( $word );
		$best   = null;
		$least  = 3;
		for ( $l = $length - 1; $l <= $length + 1; $l++ ) {
			foreach ( $words[ $l ] ?? array() as $candidate ) {
				// A slip of the keyboard seldom hits the first letter: "decelerate" is no typo of "accelerate".
				if ( $candidate[0] !== $word[0] ) {
					continue;
				}
				$distance = levenshtein( $word, $candidate );
				// Two letters swapped is one slip, not two.
				if ( 2 === $distance && $l === $length && self::swapped( $word, $candidate ) ) {
					$distance = 1;
				}
				// Two changes only in a long word, and only in place (same length).
				$reach = $length >= 9 && $l === $length ? 2 : 1;
				if ( $distance <= $reach && $distance < $least ) {
					$least = $distance;
					$best  = $candidate;
				}
			}
		}
		return $best;
	}

	/**
	 * The passage term of the same word family as a term: the same first six letters, one letter apart.
	 *
	 * @param string                      $term  Term.
	 * @param array<string, list<string>> $terms Passage terms by their first six letters.
	 */
	private function family_of( string $term, array $terms ): ?string {
		if ( ! preg_match( '/^[a-z]{6,40}$/', $term ) ) {
			return null;
		}
		foreach ( $terms[ substr( $term, 0, 6 ) ] ?? array() as $candidate ) {
			if ( 1 === levenshtein( $term, $candidate ) ) {
				return $candidate;
			}
		}
		return null;
	}

	/**
	 * Whether two words of the same length differ by one swap of neighbouring letters.
	 *
	 * @param string $a Word.
	 * @param string $b Word.
	 */
	private static function swapped( string $a, string $b ): bool {
		$length = strlen( $a );
		for ( $i = 0; $i < $length - 1; $i++ ) {
			if ( $a[ $i ] !== $b[ $i ] ) {
				return $a[ $i ] === $b[ $i + 1 ] && $a[ $i + 1 ] === $b[ $i ] && substr( $a, $i + 2 ) === substr( $b, $i + 2 );
			}
		}
		return false;
	}
}
