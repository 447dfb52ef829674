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
 * Immutable: the question's index terms in order, its words, the kind of answer it asks for, its
 * specific terms (numbers, years and names, which an answer must not contradict), and whether it
 * is negated.
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
	 * Whether the question is negated.
	 *
	 * @var bool
	 */
	public bool $negated;

	/**
	 * Builds the value.
	 *
	 * @param string             $text      Question text.
	 * @param array<int, string> $sequence  Index terms in order.
	 * @phpstan-param list<string> $sequence
	 * @param array<int, string> $words     Lowercase words.
	 * @phpstan-param list<string> $words
	 * @param string             $type      Answer type.
	 * @param array<int, string> $specifics Specific terms.
	 * @phpstan-param list<string> $specifics
	 * @param bool               $negated   Whether it is negated.
	 */
	public function __construct( string $text, array $sequence, array $words, string $type, array $specifics, bool $negated ) {
		$this->text      = $text;
		$this->sequence  = $sequence;
		$this->terms     = array_values( array_unique( $sequence ) );
		$this->words     = $words;
		$this->type      = $type;
		$this->specifics = $specifics;
		$this->negated   = $negated;
	}

	/**
	 * Whether it asks with a question word (what, which, who, when, where, why, how) rather than
	 * telling a problem or asking yes or no.
	 */
	public function asks(): bool {
		return (bool) preg_match( '/\b(?:what|which|who|whom|whose|when|where|why|how)\b/i', $this->text );
	}

	/**
	 * Reads a question.
	 *
	 * @param string    $text      Question text (already rewritten for retrieval, or as asked).
	 * @param Tokenizer $tokenizer Tokenizer.
	 */
	public static function parse( string $text, Tokenizer $tokenizer ): self {
		$specifics = array();
		// Numbers, and capitalised words that do not start the question (names, places, products).
		if ( preg_match_all( '/\d+(?:[.,]\d+)*|(?<=[\s(“"\'])\p{Lu}[\p{L}\p{N}\'’.-]*/u', $text, $m ) ) {
			foreach ( $m[0] as $token ) {
				foreach ( $tokenizer->terms( $token ) as $term ) {
					$specifics[ $term ] = true;
				}
			}
		}
		return new self(
			$text,
			array_values( array_map( 'strval', $tokenizer->terms( $text ) ) ),
			array_values( $tokenizer->words( $text ) ),
			Answer_Type::of_question( $text ),
			array_values( array_map( 'strval', array_keys( $specifics ) ) ),
			(bool) preg_match( self::NEGATIONS, $text )
		);
	}
}
