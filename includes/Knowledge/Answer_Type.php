<?php
/**
 * What a question asks for, and whether a sentence holds something of that kind.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Knowledge;

defined( 'ABSPATH' ) || exit;

/**
 * English question words and the shapes of their answers: a date or year, a duration, a number or
 * amount, a person, a place, a yes or no. Questions in other languages, and "what" questions that
 * could take any answer, are OTHER: they put no condition on the sentence.
 */
final class Answer_Type {

	public const DATE     = 'date';
	public const DURATION = 'duration';
	public const NUMBER   = 'number';
	public const PERSON   = 'person';
	public const PLACE    = 'place';
	public const YES_NO   = 'yes_no';
	public const OTHER    = 'other';

	/**
	 * Question patterns, tried in order.
	 *
	 * @var array<string, string>
	 */
	private const QUESTIONS = array(
		'/\bhow\s+long\b|\bfor\s+how\s+many\s+(?:years|months|weeks|days|hours|minutes)\b/i' => self::DURATION,
		'/\bwhen\b|\b(?:what|which)\s+(?:year|years|date|day|month|century|decade|era|period|time\s+period)\b|\bwhat\s+time\b|\bhow\s+old\b/i' => self::DATE,
		'/\bhow\s+(?:many|much|far|big|large|high|tall|deep|wide|heavy|fast|often|long)\b|\b(?:what|which)\s+(?:percentage|percent|number|amount|proportion|fraction|share|size|price|cost|fee|rate|temperature|speed|distance)\b/i' => self::NUMBER,
		'/^\W*(?:who|whom|whose)\b|\b(?:who|whom|whose)\s+(?:is|was|are|were|did|does|do|had|has|have|founded|created|wrote|led|made|invented|discovered)\b|\bwhat\s+(?:person|people|man|woman|king|queen|leader|scientist|author|architect|president|company|organi[sz]ation)\b/i' => self::PERSON,
		'/\bwhere\b|\b(?:what|which|in\s+what|in\s+which)\s+(?:country|countries|city|cities|place|region|area|location|state|continent|town|island|county|province|building|street)\b/i' => self::PLACE,
		'/^\W*(?:is|are|was|were|do|does|did|can|could|will|would|should|shall|has|have|had|may|must)\b/i' => self::YES_NO,
	);

	/**
	 * Month names, for dates written out.
	 */
	private const MONTHS = 'january|february|march|april|may|june|july|august|september|october|november|december';

	/**
	 * Number words.
	 */
	private const NUMBER_WORDS = 'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|hundreds|thousand|thousands|million|millions|billion|billions|trillion|dozen|dozens|half|quarter|third|double|twice|percent|several|few|many';

	/**
	 * Units of time.
	 */
	private const TIME_UNITS = 'seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries|century|millennia|millennium|nights?';

	/**
	 * The kind of answer an English question asks for.
	 *
	 * @param string $question Question text.
	 */
	public static function of_question( string $question ): string {
		// "When" and "where" beside another question word start a clause, not the question: "What
		// happens when the ice melts?" asks for a what, "Who led them when Cyprus fell?" for a who.
		if ( preg_match( '/\b(?:what|which|who|whom|whose|how|why)\b/i', $question ) ) {
			$question = (string) preg_replace( '/\b(?:when|where)\b/i', ',', $question );
		}
		foreach ( self::QUESTIONS as $pattern => $type ) {
			if ( preg_match( $pattern, $question ) ) {
				return $type;
			}
		}
		return self::OTHER;
	}

	/**
	 * Whether a type puts a condition on the answer sentence.
	 *
	 * @param string $type One of the constants.
	 */
	public static function is_specific( string $type ): bool {
		return self::OTHER !== $type && self::YES_NO !== $type;
	}

	/**
	 * Whether a sentence holds something of the kind a question asks for. Names count only where
	 * they do not start the sentence, and not when the question already names them.
	 *
	 * @param string   $type     One of the constants.
	 * @param string   $sentence Sentence.
	 * @param string[] $known    Lowercase words of the question (a name it already gives is not an answer).
	 */
	public static function found_in( string $type, string $sentence, array $known = array() ): bool {
		switch ( $type ) {
			case self::DATE:
				return (bool) preg_match( '/\b(?:1\d{3}|20\d{2}|\d{1,4}\s*(?:BC|BCE|AD|CE))\b|\b\d{3,4}s\b|\b\d{1,2}(?:st|nd|rd|th)[\s-]+century\b|\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first)[\s-]+century\b|\b(?:' . self::MONTHS . ')\b|\b(?:today|yesterday|tomorrow|daily|weekly|monthly|annually|morning|evening|night|weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i', $sentence );
			case self::DURATION:
				return (bool) preg_match( '/\b(?:\d+(?:[.,]\d+)?|' . self::NUMBER_WORDS . '|a|an)(?:\s*(?:to|-|–|or)\s*(?:\d+|' . self::NUMBER_WORDS . '))?\s+(?:working\s+|business\s+|calendar\s+)?(?:' . self::TIME_UNITS . ')\b|\b(?:' . self::TIME_UNITS . ')\b/i', $sentence );
			case self::NUMBER:
				return (bool) preg_match( '/\d|\b(?:' . self::NUMBER_WORDS . ')\b|[%$€£¥]/iu', $sentence );
			case self::PERSON:
			case self::PLACE:
				return self::has_new_name( $sentence, $known );
		}
		return true;
	}

	/**
	 * Whether a sentence has a capitalised word that does not start it and that the question does
	 * not already use.
	 *
	 * @param string   $sentence Sentence.
	 * @param string[] $known    Lowercase words of the question.
	 */
	private static function has_new_name( string $sentence, array $known ): bool {
		if ( ! preg_match_all( '/(?<=[\s(“"\'])\p{Lu}[\p{L}\'’.-]+/u', $sentence, $m ) ) {
			return false;
		}
		$known = array_flip( $known );
		foreach ( $m[0] as $name ) {
			$word = mb_strtolower( (string) preg_replace( '/[.’\']+$/u', '', $name ), 'UTF-8' );
			if ( ! isset( $known[ $word ] ) && ! Tokenizer::is_stop_word( $word ) ) {
				return true;
			}
		}
		return false;
	}
}
