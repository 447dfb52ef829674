<?php
/**
 * An answer to a visitor's message.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Knowledge;

defined( 'ABSPATH' ) || exit;

/**
 * Immutable value: the reply text, how sure the bot is, what it cites, and what it looked at.
 *
 * @phpstan-type Citation array{title: string, url: string, anchor: string, heading: string}
 * @phpstan-type Source_Tried array{passage_id: int, post_id: int, score: float, confidence?: float}
 */
final class Answer {

	public const KIND_ANSWER     = 'answer';
	public const KIND_DONT_KNOW  = 'dont_know';
	public const KIND_SMALL_TALK = 'small_talk';

	/**
	 * One of the KIND_* constants.
	 *
	 * @var string
	 */
	public string $kind;

	/**
	 * Reply text (plain text).
	 *
	 * @var string
	 */
	public string $body;

	/**
	 * Confidence in [0, 1].
	 *
	 * @var float
	 */
	public float $confidence;

	/**
	 * Cited sources: title, url, anchor, heading.
	 *
	 * @var list<Citation>
	 */
	public array $citations;

	/**
	 * Passages the bot retrieved, best first: post_id, passage id, score (the sources it tried),
	 * and how likely each was to answer.
	 *
	 * @var list<Source_Tried>
	 */
	public array $sources_tried;

	/**
	 * What the confidence stands on (Evidence::weigh()'s features of the chosen passage), for the
	 * agent's brief and the escalation rules: empty when no passage was found.
	 *
	 * @var array<string, float>
	 */
	public array $evidence;

	/**
	 * Builds an answer.
	 *
	 * @param string                   $kind          Kind.
	 * @param string                   $body          Text.
	 * @param float                    $confidence    Confidence.
	 * @param array<int, Citation>     $citations     Citations.
	 * @phpstan-param list<Citation> $citations
	 * @param array<int, Source_Tried> $sources_tried Retrieved passages.
	 * @phpstan-param list<Source_Tried> $sources_tried
	 * @param array<string, float>     $evidence      What the confidence stands on.
	 */
	public function __construct( string $kind, string $body, float $confidence, array $citations = array(), array $sources_tried = array(), array $evidence = array() ) {
		$this->kind          = $kind;
		$this->body          = $body;
		$this->confidence    = max( 0.0, min( 1.0, $confidence ) );
		$this->citations     = $citations;
		$this->sources_tried = $sources_tried;
		$this->evidence      = $evidence;
	}
}
