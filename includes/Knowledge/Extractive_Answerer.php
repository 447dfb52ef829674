<?php
/**
 * The default answerer: sentences taken from the site's own passages, with citations.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Knowledge;

use HandoffBot\Contracts\Answerer;
use HandoffBot\Settings;

defined( 'ABSPATH' ) || exit;

/**
 * Needs no outside service. It retrieves passages, judges from the retrieval evidence how likely
 * they answer the question, and either replies with one to three sentences quoted from them, or
 * says plainly that it does not know.
 *
 * @phpstan-import-type Hit from Retriever
 * @phpstan-import-type Search_Result from Retriever
 * @phpstan-import-type Citation from Answer
 */
final class Extractive_Answerer implements Answerer {

	/**
	 * Passages retrieved per question.
	 */
	private const CANDIDATES = 5;

	/**
	 * Retriever.
	 *
	 * @var Retriever
	 */
	private Retriever $retriever;

	/**
	 * Small talk.
	 *
	 * @var Small_Talk
	 */
	private Small_Talk $small_talk;

	/**
	 * Tokenizer.
	 *
	 * @var Tokenizer
	 */
	private Tokenizer $tokenizer;

	/**
	 * Settings.
	 *
	 * @var Settings
	 */
	private Settings $settings;

	/**
	 * Builds the answerer.
	 *
	 * @param Retriever  $retriever  Retriever.
	 * @param Small_Talk $small_talk Small talk.
	 * @param Tokenizer  $tokenizer  Tokenizer.
	 * @param Settings   $settings   Settings.
	 */
	public function __construct( Retriever $retriever, Small_Talk $small_talk, Tokenizer $tokenizer, Settings $settings ) {
		$this->retriever  = $retriever;
		$this->small_talk = $small_talk;
		$this->tokenizer  = $tokenizer;
		$this->settings   = $settings;
	}

	/**
	 * Answers from the site's passages, or says it does not know.
	 *
	 * @param string $question The visitor's message.
	 * @param string $language Detected language (the extractive answer quotes the site as written).
	 */
	public function answer( string $question, string $language ): Answer {
		$small = $this->small_talk->classify( $question );
		if ( null !== $small ) {
			return new Answer( Answer::KIND_SMALL_TALK, $this->small_talk->reply( $small ), 1.0 );
		}

		$result     = $this->retriever->search( $question, self::CANDIDATES );
		$confidence = $this->confidence( $result );
		$tried      = array_map(
			static function ( array $hit ): array {
				return array(
					'passage_id' => $hit['id'],
					'post_id'    => $hit['post_id'],
					'score'      => $hit['score'],
				);
			},
			$result['hits']
		);

		if ( ! $result['hits'] || $confidence < (float) $this->settings->get( 'answer_threshold' ) ) {
			return new Answer( Answer::KIND_DONT_KNOW, self::dont_know_text(), $confidence, array(), $tried );
		}

		list( $body, $used ) = $this->compose( $result );
		$citations           = array();
		$this->retriever->prime_posts( $used );
		foreach ( $used as $hit ) {
			$citation = $this->citation( $hit );
			if ( $citation ) {
				$citations[ $citation['url'] ] = $citation;
			}
		}
		if ( '' === $body || ! $citations ) {
			return new Answer( Answer::KIND_DONT_KNOW, self::dont_know_text(), $confidence, array(), $tried );
		}
		return new Answer( Answer::KIND_ANSWER, $body, $confidence, array_values( $citations ), $tried );
	}

	/**
	 * The reply when the bot does not know.
	 */
	public static function dont_know_text(): string {
		return __( 'I’m sorry, I couldn’t find an answer to that in our pages, and I’d rather not guess. Could you rephrase your question, or ask it another way?', 'handoff-bot' );
	}

	/**
	 * Confidence in [0, 1] from the retrieval evidence.
	 *
	 * - coverage: the share of the question's weight (idf) that the best passage contains; words
	 *   the site never uses weigh the most, so a question about something absent scores low;
	 * - strength: the best score against what a passage matching every term once would score;
	 * - margin and agreement: how clearly the best passage beats the next, or whether the next
	 *   passages back it up (same page, or the same matched words).
	 *
	 * @param array $result Retrieval.
	 * @phpstan-param Search_Result $result
	 */
	private function confidence( array $result ): float {
		if ( ! $result['hits'] || ! $result['idf'] ) {
			return 0.0;
		}
		$total = array_sum( $result['idf'] );
		$best  = $result['hits'][0];
		$have  = 0.0;
		foreach ( array_unique( $best['matched'] ) as $term ) {
			$have += $result['idf'][ $term ] ?? 0.0;
		}
		$coverage = $total > 0 ? $have / $total : 0.0;
		$strength = $total > 0 ? min( 1.0, $best['score'] / $total ) : 0.0;

		$second    = $result['hits'][1] ?? null;
		$margin    = $second && $best['score'] > 0 ? ( $best['score'] - $second['score'] ) / $best['score'] : 1.0;
		$agreement = 0.0;
		if ( $second ) {
			if ( $second['post_id'] === $best['post_id'] ) {
				$agreement = 1.0;
			} else {
				$a         = array_unique( $best['matched'] );
				$b         = array_unique( $second['matched'] );
				$union     = count( array_unique( array_merge( $a, $b ) ) );
				$agreement = $union ? count( array_intersect( $a, $b ) ) / $union : 0.0;
			}
		}
		$confidence = 0.5 * $coverage + 0.3 * $strength + 0.2 * max( $margin, $agreement );
		// A passage that misses most of what was asked cannot be a confident answer.
		if ( $coverage < 0.5 ) {
			$confidence *= $coverage;
		}
		return round( max( 0.0, min( 1.0, $confidence ) ), 4 );
	}

	/**
	 * One to three sentences from the best passages, and the passages they came from.
	 *
	 * @param array $result Retrieval.
	 * @phpstan-param Search_Result $result
	 * @return array{0: string, 1: list<Hit>}
	 */
	private function compose( array $result ): array {
		$best   = $result['hits'][0];
		$scored = $this->score_sentences( $best, $result['idf'] );
		// A short passage is the answer as it stands: quoting all of it keeps its context.
		if ( count( $scored ) <= 3 && str_word_count( (string) $best['content'] ) <= 70 ) {
			return array( implode( ' ', array_column( $scored, 'text' ) ), array( $best ) );
		}
		$chosen   = array();
		$top_span = $scored ? max( array_column( $scored, 'score' ) ) : 0.0;
		foreach ( $scored as $i => $sentence ) {
			if ( $sentence['score'] > 0 && $sentence['score'] >= 0.5 * $top_span ) {
				$chosen[ $i ] = $sentence['text'];
			}
		}
		if ( ! $chosen && $scored ) {
			$chosen[0] = $scored[0]['text'];
		}
		// Keep the best three, in the passage's order; add the next sentence when the answer is terse.
		if ( count( $chosen ) > 3 ) {
			uksort(
				$chosen,
				static function ( int $a, int $b ) use ( $scored ): int {
					$by_score = $scored[ $b ]['score'] <=> $scored[ $a ]['score'];
					return 0 !== $by_score ? $by_score : $a <=> $b;
				}
			);
			$chosen = array_slice( $chosen, 0, 3, true );
			ksort( $chosen );
		}
		// A sentence that leans on the one before ("Below that, …", "This …") brings it along.
		foreach ( array_keys( $chosen ) as $i ) {
			if ( $i > 0 && ! isset( $chosen[ $i - 1 ] ) && preg_match( '/^(?:below|above|after|before|otherwise|also|then|this|that|these|those|it|they|there|however|instead|in that case)\\b/iu', $chosen[ $i ] ) ) {
				$chosen[ $i - 1 ] = $scored[ $i - 1 ]['text'];
			}
		}
		ksort( $chosen );
		$chosen = array_slice( $chosen, 0, 3, true );
		if ( 1 === count( $chosen ) ) {
			$only = (int) array_key_first( $chosen );
			if ( str_word_count( $chosen[ $only ] ) < 12 && isset( $scored[ $only + 1 ] ) ) {
				$chosen[ $only + 1 ] = $scored[ $only + 1 ]['text'];
			}
		}
		return array( implode( ' ', $chosen ), array( $best ) );
	}

	/**
	 * Sentences of a passage with the question weight each contains.
	 *
	 * @param array                $hit Passage.
	 * @phpstan-param Hit $hit
	 * @param array<string, float> $idf Question term weights.
	 * @return array<int, array{text: string, score: float}>
	 */
	private function score_sentences( array $hit, array $idf ): array {
		$out = array();
		foreach ( Sentences::split( (string) $hit['content'] ) as $sentence ) {
			$score = 0.0;
			foreach ( array_unique( $this->tokenizer->terms( $sentence ) ) as $term ) {
				$score += $idf[ $term ] ?? 0.0;
			}
			$out[] = array(
				'text'  => $sentence,
				'score' => $score,
			);
		}
		return $out;
	}

	/**
	 * The citation of a passage: its page's title and URL with the passage's anchor.
	 *
	 * @param array $hit Passage.
	 * @phpstan-param Hit $hit
	 * @return Citation|null
	 */
	private function citation( array $hit ): ?array {
		$post = get_post( (int) $hit['post_id'] );
		if ( ! $post || 'publish' !== $post->post_status ) {
			return null;
		}
		$url  = (string) get_permalink( $post );
		$path = (array) $hit['heading_path'];
		return array(
			'title'   => wp_strip_all_tags( get_the_title( $post ) ),
			'url'     => '' !== $hit['anchor'] ? $url . '#' . rawurlencode( (string) $hit['anchor'] ) : $url,
			'anchor'  => (string) $hit['anchor'],
			'heading' => count( $path ) > 1 ? (string) end( $path ) : '',
		);
	}
}
