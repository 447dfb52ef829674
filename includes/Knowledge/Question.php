<?php
/**
 * A visitor's question, read for what it asks.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Knowledge;

defined( 'ABSPATH' ) || exit;

/**
 * A value: the question's index terms in order, its words, the kind of answer it asks for, its
 * specific terms (numbers, years and names, which an answer must not contradict), and whether it
 * negates something while asking for a fact.
 */
final class Question {

	/**
	 * Words that negate.
	 */
	public const NEGATIONS = '/\b(?:not|no|never|none|nobody|nothing|nowhere|neither|nor|without|cannot|can\'t|won\'t|isn\'t|aren\'t|wasn\'t|weren\'t|don\'t|doesn\'t|didn\'t|hasn\'t|haven\'t|hadn\'t|shouldn\'t|wouldn\'t|couldn\'t|unable|lack|lacks|lacked|fail|fails|failed)\b/iu';

	/**
	 * The text as asked.
	 *
	 * @var string
	 */
	public string $text;

	/**
	 * Index terms in order, with repeats.
	 *
	 * @var list<string>
	 */
	public array $sequence;

	/**
	 * Distinct index terms.
	 *
	 * @var list<string>
	 */
	public array $terms;

	/**
	 * Lowercase words, stop words included.
	 *
	 * @var list<string>
	 */
	public array $words;

	/**
	 * Each of its words that makes an index term => that term.
	 *
	 * @var array<string, string>
	 */
	public array $word_terms;

	/**
	 * One of the Answer_Type constants.
	 *
	 * @var string
	 */
	public string $type;

	/**
	 * Index terms of the numbers, years and names the question gives.
	 *
	 * @var list<string>
	 */
	public array $specifics;

	/**
	 * Whether it negates anything and asks "what/which/who/when/where" anywhere ("Friction is not
	 * caused by what?"); "why doesn't it work?" and a problem told with "not" do not count.
	 *
	 * @var bool
	 */
	public bool $negation = false;

	/**
	 * Builds the value.
	 *
	 * @param string                $text      Question text.
	 * @param array<int, string>    $sequence  Index terms in order.
	 * @phpstan-param list<string> $sequence
	 * @param array<int, string>    $words     Lowercase words.
	 * @phpstan-param list<string> $words
	 * @param string                $type      Answer type.
	 * @param array<int, string>    $specifics Specific terms.
	 * @phpstan-param list<string> $specifics
	 * @param array<string, string> $word_terms Word => its term.
	 */
	public function __construct( string $text, array $sequence, array $words, string $type, array $specifics, array $word_terms = array() ) {
		$this->text       = $text;
		$this->sequence   = $sequence;
		$this->terms      = array_values( array_unique( $sequence ) );
		$this->words      = $words;
		$this->type       = $type;
		$this->specifics  = $specifics;
		$this->word_terms = $word_terms;
	}

	/**
	 * Each word of a text that makes one index term => that term.
	 *
	 * @param string    $text      Text.
	 * @param Tokenizer $tokenizer Tokenizer.
	 * @return array<string, string>
	 */
	public static function word_terms( string $text, Tokenizer $tokenizer ): array {
		return $tokenizer->word_terms( $text );
	}

	/**
	 * Reads a question.
	 *
	 * @param string    $text      Question text (already rewritten for retrieval, or as asked).
	 * @param Tokenizer $tokenizer Tokenizer.
	 */
	public static function parse( string $text, Tokenizer $tokenizer ): self {
		$specifics = array();
		// Whole numbers (not the "2" of "2FA"), and capitalised words that do not start the
		// question (names, places, products).
		if ( preg_match_all( '/(?<![\p{L}\p{N}])\d+(?:[.,]\d+)*(?![\p{L}\p{N}])|(?<=[\s(“"\'])\p{Lu}[\p{L}\p{N}\'’.-]*/u', $text, $m ) ) {
			foreach ( $m[0] as $token ) {
				foreach ( $tokenizer->terms( $token ) as $term ) {
					$specifics[ $term ] = true;
				}
			}
		}
		$question           = new self(
			$text,
			array_values( array_map( 'strval', $tokenizer->terms( $text ) ) ),
			array_values( $tokenizer->words( $text ) ),
			Answer_Type::of_question( $text ),
			array_values( array_map( 'strval', array_keys( $specifics ) ) ),
			self::word_terms( $text, $tokenizer )
		);
		$question->negation = preg_match( '/\b(?:what|which|who|whom|whose|when|where)\b/iu', $text ) && preg_match( '/\b(?:not|never|no|cannot)\b|n[\'’]t\b/iu', $text );
		return $question;
	}
}
