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
 * Needs no outside service. It retrieves passages, reads each of the best against the question
 * (Evidence), and the confidence model turns that reading into the chance that the passage answers
 * it. The likeliest passage answers, quoted in one to three of its sentences, with up to two
 * other passages cited when they are nearly as likely; below the site's threshold it says plainly
 * that it does not know, and keeps what it tried for the agent.
 *
 * @phpstan-import-type Hit from Retriever
 * @phpstan-import-type Search_Result from Retriever
 * @phpstan-import-type Citation from Answer
 * @phpstan-import-type Source_Tried from Answer
 * @phpstan-import-type Weighed from Evidence
 * @phpstan-import-type Scored_Sentence from Evidence
 */
final class Extractive_Answerer implements Answerer {

	/**
	 * Passages retrieved and read against the question.
	 */
	private const CANDIDATES = 5;

	/**
	 * Other passages are cited when their chance is at least this share of the best one's.
	 */
	private const CLOSE = 0.6;

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
	 * Reads passages against questions.
	 *
	 * @var Evidence
	 */
	private Evidence $evidence;

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
		$this->evidence   = new Evidence( $tokenizer );
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
		$read = $this->read( $question );
		if ( ! $read ) {
			return new Answer( Answer::KIND_DONT_KNOW, self::dont_know_text(), 0.0 );
		}
		$best       = $read[0];
		$tried      = array_map(
			static function ( array $entry ): array {
				return array(
					'passage_id' => $entry['hit']['id'],
					'post_id'    => $entry['hit']['post_id'],
					'score'      => $entry['hit']['score'],
					'confidence' => round( $entry['chance'], 4 ),
				);
			},
			$read
		);
		$confidence = round( $best['chance'], 4 );
		$threshold  = (float) $this->settings->get( 'answer_threshold' );
		if ( $confidence < $threshold ) {
			return new Answer( Answer::KIND_DONT_KNOW, self::dont_know_text(), $confidence, array(), $tried, $best['weighed']['features'] );
		}

		// The passage quoted must be one that can be cited: a page visitors can open.
		$this->retriever->prime_posts( array_column( $read, 'hit' ) );
		if ( null === $this->citation( $best['hit'] ) ) {
			return new Answer( Answer::KIND_DONT_KNOW, self::dont_know_text(), 0.0, array(), $tried, $best['weighed']['features'] );
		}
		$cited = array( $best['hit'] );
		foreach ( array_slice( $read, 1 ) as $entry ) {
			if ( count( $cited ) < 3 && $entry['chance'] >= $threshold && $entry['chance'] >= self::CLOSE * $best['chance'] ) {
				$cited[] = $entry['hit'];
			}
		}
		$citations = array();
		foreach ( $cited as $hit ) {
			$citation = $this->citation( $hit );
			if ( $citation && ! isset( $citations[ $citation['url'] ] ) ) {
				$citations[ $citation['url'] ] = $citation;
			}
		}
		$body = $this->compose( $best['hit'], $best['weighed'] );
		if ( '' === $body || ! $citations ) {
			return new Answer( Answer::KIND_DONT_KNOW, self::dont_know_text(), $confidence, array(), $tried, $best['weighed']['features'] );
		}
		return new Answer( Answer::KIND_ANSWER, $body, $confidence, array_values( $citations ), $tried, $best['weighed']['features'] );
	}

	/**
	 * The best retrieved passages, each read against the question with its chance of answering
	 * it, likeliest first (retrieval order breaks ties).
	 *
	 * @param string $text The question.
	 * @return list<array{hit: Hit, weighed: Weighed, chance: float}>
	 */
	public function read( string $text ): array {
		$result = $this->retriever->search( $text, self::CANDIDATES );
		if ( ! $result['hits'] ) {
			return array();
		}
		$question = Question::parse( $text, $this->tokenizer );
		$top      = $result['hits'][0]['score'];
		$read     = array();
		foreach ( $result['hits'] as $rank => $hit ) {
			$weighed = $this->evidence->weigh( $question, $hit, $result['idf'], $result['df'], $top );
			$read[]  = array(
				'hit'     => $hit,
				'weighed' => $weighed,
				'chance'  => Confidence_Model::probability( $weighed['features'] ),
				'rank'    => $rank,
			);
		}
		usort(
			$read,
			static function ( array $a, array $b ): int {
				$by_chance = $b['chance'] <=> $a['chance'];
				return 0 !== $by_chance ? $by_chance : $a['rank'] <=> $b['rank'];
			}
		);
		return array_map(
			static function ( array $entry ): array {
				return array(
					'hit'     => $entry['hit'],
					'weighed' => $entry['weighed'],
					'chance'  => $entry['chance'],
				);
			},
			$read
		);
	}

	/**
	 * The reply when the bot does not know.
	 */
	public static function dont_know_text(): string {
		return __( 'I’m sorry, I couldn’t find an answer to that in our pages, and I’d rather not guess. Could you rephrase your question, or ask it another way?', 'handoff-bot' );
	}

	/**
	 * One to three sentences of the passage: the one that best answers, and its neighbours when
	 * they answer nearly as well or it leans on the one before. A short passage is quoted whole.
	 *
	 * @param array $hit     The passage.
	 * @phpstan-param Hit $hit
	 * @param array $weighed Its reading.
	 * @phpstan-param Weighed $weighed
	 */
	public function compose( array $hit, array $weighed ): string {
		$sentences = $weighed['sentences'];
		if ( ! $sentences ) {
			return '';
		}
		if ( count( $sentences ) <= 3 && $this->word_count( (string) $hit['content'] ) <= 70 ) {
			return implode( ' ', array_column( $sentences, 'text' ) );
		}
		$best   = $weighed['best'];
		$top    = $sentences[ $best ]['score'];
		$chosen = array( $best => $sentences[ $best ]['text'] );
		foreach ( array( $best + 1, $best - 1 ) as $i ) {
			if ( isset( $sentences[ $i ] ) && $sentences[ $i ]['score'] > 0 && $sentences[ $i ]['score'] >= 0.7 * $top ) {
				$chosen[ $i ] = $sentences[ $i ]['text'];
			}
		}
		// A sentence that leans on the one before ("This …", "It …") brings it along.
		if ( $best > 0 && ! isset( $chosen[ $best - 1 ] ) && preg_match( '/^(?:below|above|after|before|otherwise|also|then|this|that|these|those|it|its|they|their|there|he|she|his|her|however|instead|in that case|such)\b/iu', $chosen[ $best ] ) ) {
			$chosen[ $best - 1 ] = $sentences[ $best - 1 ]['text'];
		}
		// A terse answer gets the next sentence too.
		if ( 1 === count( $chosen ) && $this->word_count( $chosen[ $best ] ) < 12 && isset( $sentences[ $best + 1 ] ) ) {
			$chosen[ $best + 1 ] = $sentences[ $best + 1 ]['text'];
		}
		ksort( $chosen );
		return implode( ' ', array_slice( $chosen, 0, 3 ) );
	}

	/**
	 * Words in a text, in any script.
	 *
	 * @param string $text Text.
	 */
	private function word_count( string $text ): int {
		return (int) preg_match_all( '/[\p{L}\p{N}]+/u', $text );
	}

	/**
	 * The citation of a passage: its page's title (plain text) and URL with the passage's anchor.
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
		$path = $hit['heading_path'];
		return array(
			'title'   => self::plain( get_the_title( $post ) ),
			'url'     => '' !== $hit['anchor'] ? $url . '#' . rawurlencode( $hit['anchor'] ) : $url,
			'anchor'  => $hit['anchor'],
			'heading' => count( $path ) > 1 ? self::plain( (string) end( $path ) ) : '',
		);
	}

	/**
	 * Text as a visitor reads it: no tags, entities decoded (titles come with `&#8217;` and `&amp;`).
	 *
	 * @param string $html Title or heading.
	 */
	private static function plain( string $html ): string {
		return trim( html_entity_decode( wp_strip_all_tags( $html ), ENT_QUOTES | ENT_HTML5, 'UTF-8' ) );
	}
}
