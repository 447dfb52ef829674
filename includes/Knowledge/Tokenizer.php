<?php
/**
 * Turns text into index terms.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Knowledge;

defined( 'ABSPATH' ) || exit;

/**
 * Unicode-aware tokenizer with English stop words and Porter stemming.
 *
 * Words are runs of letters and digits in any script, lowercased (and NFKC-normalised when the intl
 * extension is present). English stop words are dropped and ASCII words are stemmed. Other
 * languages degrade gracefully: their words are kept whole, unstemmed, and runs of Chinese,
 * Japanese or Korean characters, which are written without spaces, become overlapping character
 * pairs so that a question still matches a passage.
 */
final class Tokenizer {

	/**
	 * The longest term kept, in bytes (the terms table's column width).
	 */
	public const MAX_TERM_BYTES = 64;

	/**
	 * English stop words.
	 *
	 * @var array<string, true>|null
	 */
	private static ?array $stop_words = null;

	/**
	 * Words read in this request, and their terms.
	 *
	 * @var array<string, list<string>>
	 */
	private static array $memo = array();

	/**
	 * The most words remembered (an index rebuild reads many).
	 */
	private const MEMO_SIZE = 20000;

	/**
	 * Index terms of a text, in order, with repeats.
	 *
	 * @param string $text Plain text.
	 * @return string[]
	 */
	public function terms( string $text ): array {
		$terms = array();
		foreach ( $this->words( $text ) as $word ) {
			foreach ( $this->word_to_terms( $word ) as $term ) {
				$terms[] = $term;
			}
		}
		return $terms;
	}

	/**
	 * Each word of a text that makes exactly one index term => that term (terms() of the word).
	 *
	 * @param string $text Plain text.
	 * @return array<string, string>
	 */
	public function word_terms( string $text ): array {
		$out = array();
		foreach ( $this->words( $text ) as $word ) {
			if ( isset( $out[ $word ] ) ) {
				continue;
			}
			$terms = $this->word_to_terms( $word );
			if ( 1 === count( $terms ) ) {
				$out[ $word ] = $terms[0];
			}
		}
		return $out;
	}

	/**
	 * The index terms of one word as words() gives it: none for a stop word, the stem of an
	 * ASCII word, character pairs of a CJK run, other words whole.
	 *
	 * @param string $word A word from words().
	 * @return list<string>
	 */
	private function word_to_terms( string $word ): array {
		if ( isset( self::$memo[ $word ] ) ) {
			return self::$memo[ $word ];
		}
		// Text repeats its words: remember their terms, within a bound.
		if ( count( self::$memo ) >= self::MEMO_SIZE ) {
			self::$memo = array();
		}
		self::$memo[ $word ] = $this->read_word( $word );
		return self::$memo[ $word ];
	}

	/**
	 * The index terms of one word, worked out.
	 *
	 * @param string $word A word from words().
	 * @return list<string>
	 */
	private function read_word( string $word ): array {
		// Most words are plain ASCII: the cheap test first.
		if ( 1 === preg_match( '/^[a-z]+$/', $word ) ) {
			if ( self::is_stop_word( $word ) ) {
				return array();
			}
			$term = Porter_Stemmer::stem( $word );
		} elseif ( preg_match( '/^[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]+$/u', $word ) ) {
			return array_values( $this->bigrams( $word ) );
		} elseif ( self::is_stop_word( $word ) ) {
			return array();
		} else {
			$term = $word;
		}
		return '' !== $term && strlen( $term ) <= self::MAX_TERM_BYTES ? array( $term ) : array();
	}

	/**
	 * Lowercased words of a text, stop words included, with English possessives and contractions cut.
	 *
	 * @param string $text Plain text.
	 * @return string[]
	 */
	public function words( string $text ): array {
		if ( '' === $text ) {
			return array();
		}
		if ( 1 !== preg_match( '/[^\x00-\x7F]/', $text ) ) {
			// Plain ASCII: already normalised, and without CJK runs.
			// strtr, not strtolower: before PHP 8.2 strtolower follows the locale ("I" in Turkish).
			if ( ! preg_match_all( '/[a-z0-9]+(?:\'[a-z]+)?/', strtr( $text, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz' ), $m ) ) {
				return array();
			}
		} else {
			if ( class_exists( '\Normalizer' ) ) {
				$normalised = \Normalizer::normalize( $text, \Normalizer::FORM_KC );
				$text       = false === $normalised ? $text : $normalised;
			}
			$text = mb_strtolower( $text, 'UTF-8' );
			// Separate CJK runs from neighbouring letters of other scripts so both are handled.
			$text = (string) preg_replace( '/[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]+/u', ' $0 ', $text );
			if ( ! preg_match_all( '/[\p{L}\p{M}\p{N}]+(?:[\'’][\p{L}]+)?/u', $text, $m ) ) {
				return array();
			}
		}
		$words = array();
		foreach ( $m[0] as $word ) {
			if ( false === strpos( $word, '\'' ) && false === strpos( $word, '’' ) ) {
				$words[] = $word;
				continue;
			}
			$word = preg_replace( '/[\'’](s|t|re|ve|ll|d|m)$/u', '', $word );
			if ( null !== $word && '' !== $word ) {
				$words[] = str_replace( array( '\'', '’' ), '', $word );
			}
		}
		return $words;
	}

	/**
	 * Whether a lowercase word is an English stop word.
	 *
	 * @param string $word Word.
	 */
	public static function is_stop_word( string $word ): bool {
		if ( null === self::$stop_words ) {
			self::$stop_words = array_fill_keys(
				explode(
					' ',
					'a about above after again against all am an and any are as at be because been before being below between both but by can cannot could did do does doing down during each few for from further had has have having he her here hers herself him himself his how i if in into is it its itself just let me more most my myself no nor not of off on once only or other ought our ours ourselves out over own same she should so some such than that the their theirs them themselves then there these they this those through to too under until up very was we were what when where which while who whom why will with would you your yours yourself yourselves also get got im ive id dont doesnt didnt cant wont isnt arent hi hello hey please thanks thank ok okay yes want need know tell like hasn haven hadn isn aren wasn weren don doesn didn won wouldn shouldn couldn mustn'
				),
				true
			);
		}
		return isset( self::$stop_words[ $word ] );
	}

	/**
	 * Overlapping character pairs of a CJK run (the run itself when it is one character).
	 *
	 * @param string $run Characters.
	 * @return string[]
	 */
	private function bigrams( string $run ): array {
		$chars = preg_split( '//u', $run, -1, PREG_SPLIT_NO_EMPTY );
		if ( ! $chars ) {
			return array();
		}
		if ( 1 === count( $chars ) ) {
			return $chars;
		}
		$grams = array();
		$count = count( $chars );
		for ( $i = 0; $i < $count - 1; $i++ ) {
			$grams[] = $chars[ $i ] . $chars[ $i + 1 ];
		}
		return $grams;
	}
}
