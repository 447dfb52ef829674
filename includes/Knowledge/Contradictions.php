<?php
/**
 * What a sentence says against a question: another number, or the opposite word.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Knowledge;

defined( 'ABSPATH' ) || exit;

/**
 * Pure. A question that asks about the 5-year warranty, or about disabling something, is not
 * answered by a sentence about the 2-year warranty, or about enabling it.
 */
final class Contradictions {

	/**
	 * Pairs of opposite words, as help pages and visitors use them. A list, not prefixes: "able"
	 * and "disable", or "cover" and "discover", are not opposites.
	 */
	private const OPPOSITES = 'enable:disable enabled:disabled add:remove added:removed upgrade:downgrade login:logout subscribe:unsubscribe activate:deactivate activated:deactivated show:hide lock:unlock locked:unlocked connect:disconnect install:uninstall start:stop open:closed open:close accept:decline accept:reject allow:block allowed:blocked include:exclude included:excluded increase:decrease before:after first:last high:low higher:lower highest:lowest early:late earlier:later earliest:latest maximum:minimum minimum:maximum positive:negative inside:outside public:private import:export buy:sell bought:sold known:unknown available:unavailable possible:impossible legal:illegal valid:invalid correct:incorrect complete:incomplete secure:insecure paid:unpaid used:unused opened:unopened limited:unlimited visible:invisible able:unable free:paid cheap:expensive cheaper:dearer success:failure successful:unsuccessful summer:winter spring:autumn front:back top:bottom above:below upper:lower north:south east:west internal:external domestic:international permanent:temporary larger:smaller largest:smallest long:short longer:shorter longest:shortest fast:slow faster:slower new:used older:newer oldest:newest best:worst better:worse strong:weak';

	/**
	 * Numbers written as words, and ordinals, with their value. They count only before a word that
	 * says what they count ("two years", "the second plan"), not as in "which one of".
	 */
	private const NUMBER_WORDS = array(
		'one'       => 1,
		'two'       => 2,
		'three'     => 3,
		'four'      => 4,
		'five'      => 5,
		'six'       => 6,
		'seven'     => 7,
		'eight'     => 8,
		'nine'      => 9,
		'ten'       => 10,
		'eleven'    => 11,
		'twelve'    => 12,
		'twenty'    => 20,
		'thirty'    => 30,
		'forty'     => 40,
		'fifty'     => 50,
		'hundred'   => 100,
		'thousand'  => 1000,
		'million'   => 1000000,
		'first'     => 1,
		'second'    => 2,
		'third'     => 3,
		'fourth'    => 4,
		'fifth'     => 5,
		'sixth'     => 6,
		'seventh'   => 7,
		'eighth'    => 8,
		'ninth'     => 9,
		'tenth'     => 10,
		'twelfth'   => 12,
		'twentieth' => 20,
	);

	/**
	 * Opposites, word => its opposites (built once).
	 *
	 * @var array<string, string[]>|null
	 */
	private static ?array $opposites = null;

	/**
	 * Whether the sentence has an antonym of one of the question's terms that it lacks, and that
	 * the question does not use itself ("decelerate" asked, "accelerate" written).
	 *
	 * @param array<int, string> $question Question terms.
	 * @param array<int, string> $sentence Sentence terms.
	 */
	public function antonym( array $question, array $sentence ): bool {
		$have  = array_flip( $sentence );
		$asked = array_flip( $question );
		foreach ( $question as $term ) {
			if ( isset( $have[ $term ] ) ) {
				continue;
			}
			if ( ! isset( Antonyms::MAP[ $term ] ) ) {
				continue;
			}
			foreach ( explode( ' ', Antonyms::MAP[ $term ] ) as $other ) {
				if ( isset( $have[ $other ] ) && ! isset( $asked[ $other ] ) ) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * Whether the question gives a number the sentence does not have while the sentence has others.
	 *
	 * @param string $question Question text.
	 * @param string $sentence Sentence text.
	 */
	public function number( string $question, string $sentence ): bool {
		$asked = $this->numbers( $question );
		if ( ! $asked ) {
			return false;
		}
		$given = $this->numbers( $sentence );
		return $given && array_diff( $asked, $given );
	}

	/**
	 * Whether the sentence uses the opposite of one of the question's words (and not the word).
	 *
	 * @param array<int, string> $question Question words, lowercase, in order.
	 * @param array<int, string> $sentence Sentence words, lowercase.
	 */
	public function opposite( array $question, array $sentence ): bool {
		$question = self::phrases( $question );
		$have     = array_flip( self::phrases( $sentence ) );
		foreach ( $question as $i => $word ) {
			// "How long" and "how much" ask for a length or an amount: they are not "long" or "much".
			if ( isset( $have[ $word ] ) || ( $i > 0 && 'how' === $question[ $i - 1 ] ) ) {
				continue;
			}
			foreach ( self::opposites()[ $word ] ?? array() as $other ) {
				if ( isset( $have[ $other ] ) ) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * Words with "turn on", "switch off", "log in" and "sign out" read as one word each ("enable",
	 * "disable", "login", "logout"), so that they meet their opposites.
	 *
	 * @param array<int, string> $words Lowercase words.
	 * @return array<int, string>
	 */
	private static function phrases( array $words ): array {
		$out   = array();
		$words = array_values( $words );
		foreach ( $words as $i => $word ) {
			$before = $words[ $i - 1 ] ?? '';
			if ( preg_match( '/^(?:turn|turned|turning|switch|switched|switching)$/', $before ) && ( 'on' === $word || 'off' === $word ) ) {
				$out[ count( $out ) - 1 ] = 'on' === $word ? 'enable' : 'disable';
				continue;
			}
			if ( preg_match( '/^(?:log|logged|logging|sign|signed|signing)$/', $before ) && ( 'in' === $word || 'out' === $word ) ) {
				$out[ count( $out ) - 1 ] = 'in' === $word ? 'login' : 'logout';
				continue;
			}
			$out[] = $word;
		}
		return $out;
	}

	/**
	 * The numbers a text gives: whole numbers in digits ("2FA" and "iPhone15" give none), and
	 * number words before a word that is not a stop word ("5th" and "fifth" are both 5).
	 *
	 * @param string $text Text.
	 * @return array<int, string>
	 */
	private function numbers( string $text ): array {
		$out = array();
		if ( ! preg_match_all( '/(?<![\p{L}\p{N}])\d+(?:[.,]\d+)*(?:st|nd|rd|th)?(?![\p{L}\p{N}])|\p{L}+/u', mb_strtolower( $text, 'UTF-8' ), $m ) ) {
			return $out;
		}
		$tokens = $m[0];
		foreach ( $tokens as $i => $token ) {
			if ( ctype_digit( $token[0] ) ) {
				$out[] = str_replace( ',', '', (string) preg_replace( '/(?:st|nd|rd|th)$/', '', $token ) );
			} elseif ( isset( self::NUMBER_WORDS[ $token ] ) && isset( $tokens[ $i + 1 ] ) && ! ctype_digit( $tokens[ $i + 1 ][0] ) && ! Tokenizer::is_stop_word( $tokens[ $i + 1 ] ) ) {
				$out[] = (string) self::NUMBER_WORDS[ $token ];
			}
		}
		return array_values( array_unique( $out ) );
	}

	/**
	 * Word => its opposites.
	 *
	 * @return array<string, string[]>
	 */
	private static function opposites(): array {
		if ( null === self::$opposites ) {
			self::$opposites = array();
			foreach ( explode( ' ', self::OPPOSITES ) as $pair ) {
				list( $a, $b )           = explode( ':', $pair );
				self::$opposites[ $a ][] = $b;
				self::$opposites[ $b ][] = $a;
			}
		}
		return self::$opposites;
	}
}
