<?php
/**
 * How well one retrieved passage answers a question.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Knowledge;

defined( 'ABSPATH' ) || exit;

/**
 * Pure: reads a passage against a question and gives the features the confidence model weighs,
 * and the passage's sentences scored for the reply. The features look past word overlap at what
 * makes a near miss: the question's names and numbers missing, or found away from the sentence
 * that answers; a number or a word the sentence contradicts (Contradictions), or an antonym
 * (Antonyms); a negated question the sentence does not negate, or the reverse; question words
 * that the passage uses far apart; a question word swapped for another between the same words.
 *
 * @phpstan-import-type Hit from Retriever
 * @phpstan-type Scored_Sentence array{text: string, score: float, coverage: float, typed: bool}
 * @phpstan-type Weighed array{features: array<string, float>, sentences: list<Scored_Sentence>, best: int}
 */
final class Evidence {

	/**
	 * The feature names, in the order weigh() gives them.
	 */
	public const FEATURES = array(
		'relative_score',
		'coverage',
		'missing_share',
		'unknown_share',
		'sentence_coverage',
		'sentence_missing_share',
		'specific_missing',
		'specific_away',
		'number_away',
		'number_missing',
		'opposite_sentence',
		'order',
		'specific_off_sentence',
		'negated_any',
		'negated_sentence',
		'antonym_near',
		'swapped_sentence',
	);

	/**
	 * Words that negate what follows them (words() cuts "n't", leaving "doesn" and "isn").
	 */
	private const NEGATORS = array( 'not', 'no', 'never', 'non', 'cannot', 'without', 'nor', 'neither', 'none', 'nothing', 'doesn', 'didn', 'isn', 'aren', 'wasn', 'weren', 'don', 'won', 'wouldn', 'couldn', 'shouldn', 'hasn', 'haven', 'hadn', 'unable' );

	/**
	 * Of a question's terms in order, how many the word-order feature reads (bounds its work).
	 */
	private const MAX_SEQUENCE = 48;

	/**
	 * Tokenizer.
	 *
	 * @var Tokenizer
	 */
	private Tokenizer $tokenizer;

	/**
	 * Misspelt words and other word forms.
	 *
	 * @var Term_Aliases
	 */
	private Term_Aliases $aliases;

	/**
	 * Numbers and opposite words.
	 *
	 * @var Contradictions
	 */
	private Contradictions $contradictions;

	/**
	 * Names and numbers written another way.
	 *
	 * @var Name_Forms
	 */
	private Name_Forms $names;

	/**
	 * Builds the reader.
	 *
	 * @param Tokenizer $tokenizer Tokenizer.
	 */
	public function __construct( Tokenizer $tokenizer ) {
		$this->tokenizer      = $tokenizer;
		$this->aliases        = new Term_Aliases();
		$this->contradictions = new Contradictions();
		$this->names          = new Name_Forms();
	}

	/**
	 * The features of a passage as an answer to a question, and its sentences scored.
	 *
	 * Features, each in [0, 1]:
	 * - relative_score: its retrieval score against the best passage's;
	 * - coverage, missing_share: the share of the question's weight the passage holds, and the
	 *   share of its terms the passage lacks; unknown_share: the weight of words the site never uses;
	 * - sentence_coverage: the share of the question's weight its best sentence holds;
	 *   sentence_missing_share: the share of its terms missing from that sentence, the ones beside
	 *   it (which often name what it calls "it", or the topic it answers) and the headings;
	 * - specific_missing: the question's names and numbers the passage lacks, in any of their forms
	 *   (Name_Forms: "Hervé" and "Herve", "2" and "two", "Canada" and "Canadian"); specific_away:
	 *   those it has, but not in or beside the best sentence;
	 * - number_away: a number the question gives that the best sentence contradicts; number_missing:
	 *   one that the whole passage lacks while it gives others (another year, another amount);
	 * - opposite_sentence: the best sentence uses the opposite of one of the question's words
	 *   (not for a yes-or-no question: "Are you open on Sundays?" "We are closed on Sundays.");
	 * - negated_any: a negated question with "what/which/who/when/where" anywhere ("… is not caused
	 *   by what?", "Which type cannot …?") whose best sentence negates nothing;
	 * - negated_sentence: the best sentence negates one of the question's words, the question
	 *   negates nothing;
	 * - order: the share of the question's neighbouring terms that are near each other there too;
	 * - specific_off_sentence: the question's names and numbers the passage has, but not in the
	 *   best sentence itself;
	 * - antonym_near: the best sentence or one beside it has an antonym of a question word it lacks
	 *   ("decelerate" against "accelerate"), in the WordNet list of Antonyms; not for a yes-or-no
	 *   question either;
	 * - swapped_sentence: the best sentence has the two words either side of one of the question's
	 *   words (one the site uses) with one other word between them, and not that word: the word
	 *   swapped for another ("reset the admin password" asked, "reset the email password" written).
	 *
	 * @param Question             $question The question.
	 * @param array                $hit      The passage, with its retrieval score.
	 * @phpstan-param Hit $hit
	 * @param array<string, float> $idf      Weight of each of the question's retrieval terms.
	 * @param array<string, int>   $df       Passages that hold each term (0: the site never uses it).
	 * @param float                $top      The best retrieval score among the passages.
	 * @return Weighed
	 */
	public function weigh( Question $question, array $hit, array $idf, array $df, float $top ): array {
		$heading  = array_flip( $this->tokenizer->terms( implode( ' ', $hit['heading_path'] ) ) );
		$texts    = Sentences::split( (string) $hit['content'] );
		$terms    = array();
		$sequence = array();
		foreach ( $texts as $i => $sentence ) {
			$terms[ $i ] = $this->tokenizer->terms( $sentence );
			foreach ( $terms[ $i ] as $term ) {
				$sequence[] = $term;
			}
		}
		$in_passage = array_flip( $sequence ) + $heading;
		$total      = array_sum( $idf );
		$unknown    = 0.0;
		foreach ( $idf as $term => $weight ) {
			if ( 0 === ( $df[ (string) $term ] ?? 0 ) ) {
				$unknown += $weight;
			}
		}
		$given = Question::word_terms( implode( ' ', $hit['heading_path'] ) . ' ' . $hit['content'], $this->tokenizer );
		$alias = $this->aliases->find( $idf, $df, $question->word_terms, $given, $question->specifics );
		$idf   = $this->aliases->apply( $idf, $alias );
		$asked = array();
		foreach ( array_slice( $question->sequence, 0, self::MAX_SEQUENCE ) as $term ) {
			$asked[] = $alias[ $term ] ?? $term;
		}

		// The best sentence holds the most of the question's weight, and the kind of answer asked for.
		$sentences = array();
		$best      = 0;
		foreach ( $texts as $i => $text ) {
			$coverage    = $this->covered( $idf, $total, array_flip( $terms[ $i ] ) + $heading );
			$typed       = Answer_Type::found_in( $question->type, $text, $question->words );
			$sentences[] = array(
				'text'     => $text,
				'score'    => $coverage + ( Answer_Type::is_specific( $question->type ) && $typed ? 0.25 : 0.0 ),
				'coverage' => $coverage,
				'typed'    => $typed,
			);
			if ( $sentences[ $i ]['score'] > $sentences[ $best ]['score'] ) {
				$best = $i;
			}
		}
		$best_text  = $texts ? $texts[ $best ] : '';
		$best_terms = $texts ? array_flip( $terms[ $best ] ) + $heading : array();
		// The sentences around the best one often name what it calls "it", or the topic it answers.
		$near_terms = $best_terms;
		$near_list  = $texts ? $terms[ $best ] : array();
		foreach ( array( $best - 1, $best + 1 ) as $i ) {
			$near_terms += isset( $terms[ $i ] ) ? array_flip( $terms[ $i ] ) : array();
			$near_list   = array_merge( $near_list, $terms[ $i ] ?? array() );
		}

		$specific_missing = 0;
		$specific_away    = 0;
		$specific_off     = 0;
		foreach ( $question->specifics as $term ) {
			if ( ! $this->names->holds( $term, $in_passage ) ) {
				++$specific_missing;
				continue;
			}
			if ( ! $this->names->holds( $term, $best_terms ) ) {
				++$specific_off;
			}
			if ( ! $this->names->holds( $term, $near_terms ) ) {
				++$specific_away;
			}
		}
		$count    = max( 1, count( $idf ) );
		$features = array(
			'relative_score'         => $top > 0 ? min( 1.0, (float) $hit['score'] / $top ) : 0.0,
			'coverage'               => $this->covered( $idf, $total, $in_passage ),
			'missing_share'          => count( array_diff_key( $idf, $in_passage ) ) / (float) $count,
			'unknown_share'          => $total > 0 ? $unknown / $total : 0.0,
			'sentence_coverage'      => $sentences ? $sentences[ $best ]['coverage'] : 0.0,
			'sentence_missing_share' => count( array_diff_key( $idf, $near_terms ) ) / (float) $count,
			'specific_missing'       => min( 2, $specific_missing ) / 2.0,
			'specific_away'          => min( 2, $specific_away ) / 2.0,
			'number_away'            => $this->contradictions->number( $question->text, $best_text ) ? 1.0 : 0.0,
			'number_missing'         => $this->contradictions->number( $question->text, (string) $hit['content'] ) ? 1.0 : 0.0,
			'opposite_sentence'      => Answer_Type::YES_NO !== $question->type && $this->contradictions->opposite( $question->words, $this->tokenizer->words( $best_text ) ) ? 1.0 : 0.0,
			'order'                  => $this->order( $asked, $sequence ),
			'specific_off_sentence'  => min( 2, $specific_off ) / 2.0,
			'negated_any'            => $question->negation && ! preg_match( Question::NEGATIONS, $best_text ) ? 1.0 : 0.0,
			'negated_sentence'       => $this->negated_only_in( $question, $best_text ) ? 1.0 : 0.0,
			'antonym_near'           => Answer_Type::YES_NO !== $question->type && $this->contradictions->antonym( array_merge( $asked, $this->contrasted( $question ) ), $near_list ) ? 1.0 : 0.0,
			'swapped_sentence'       => $texts && $this->swapped( $asked, $terms[ $best ], $df ) ? 1.0 : 0.0,
		);
		return array(
			'features'  => $features,
			'sentences' => $sentences,
			'best'      => $best,
		);
	}

	/**
	 * The question's stop words that have antonyms ("the same set" against "a different set"): the
	 * index leaves them out, the antonym test reads them.
	 *
	 * @param Question $question The question.
	 * @return list<string>
	 */
	private function contrasted( Question $question ): array {
		$out = array();
		foreach ( $question->words as $word ) {
			if ( isset( Antonyms::MAP[ $word ] ) && Tokenizer::is_stop_word( $word ) ) {
				$out[] = $word;
			}
		}
		return $out;
	}

	/**
	 * Whether the sentence negates one of the question's words ("not", "non-", "never" just before
	 * it) while the question negates nothing: "What is part of the system?" is not answered by
	 * "X is not a part of the system".
	 *
	 * @param Question $question The question.
	 * @param string   $sentence The sentence.
	 */
	private function negated_only_in( Question $question, string $sentence ): bool {
		$negators = array_flip( self::NEGATORS );
		foreach ( $question->words as $word ) {
			if ( isset( $negators[ $word ] ) ) {
				return false;
			}
		}
		$asked = array_flip( $question->terms );
		$words = $this->tokenizer->words( $sentence );
		foreach ( $words as $i => $word ) {
			if ( ! isset( $negators[ $word ] ) ) {
				continue;
			}
			for ( $j = $i + 1; $j <= $i + 3 && isset( $words[ $j ] ); $j++ ) {
				foreach ( $this->tokenizer->terms( $words[ $j ] ) as $term ) {
					if ( isset( $asked[ $term ] ) ) {
						return true;
					}
				}
			}
		}
		return false;
	}

	/**
	 * Whether a sentence has two neighbouring terms of the question with one other term between
	 * them where the question has a term the sentence lacks: "admin" in "reset admin password"
	 * against "reset email password". A word the site never uses is a typo or the visitor's own
	 * word, not one swapped for another ("pasword").
	 *
	 * @param array<int, string> $question Question terms in order.
	 * @param array<int, string> $sentence Sentence terms in order.
	 * @param array<string, int> $df       Passages that hold each term.
	 */
	private function swapped( array $question, array $sentence, array $df ): bool {
		$positions = array();
		foreach ( $sentence as $i => $term ) {
			$positions[ $term ][] = $i;
		}
		$count = count( $question );
		for ( $i = 1; $i + 1 < $count; $i++ ) {
			$before = $question[ $i - 1 ];
			$after  = $question[ $i + 1 ];
			if ( isset( $positions[ $question[ $i ] ] ) || $before === $after || ! isset( $positions[ $before ], $positions[ $after ] ) || 0 === ( $df[ $question[ $i ] ] ?? 0 ) ) {
				continue;
			}
			$next = array_flip( $positions[ $after ] );
			foreach ( $positions[ $before ] as $p ) {
				if ( isset( $next[ $p + 2 ] ) ) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * The share of the question's weight that a set of terms holds.
	 *
	 * @param array<string, float> $idf   Question term weights.
	 * @param float                $total Their sum.
	 * @param array<string, mixed> $have  Terms present (as keys).
	 */
	private function covered( array $idf, float $total, array $have ): float {
		if ( $total <= 0 ) {
			return 0.0;
		}
		$sum = 0.0;
		foreach ( $idf as $term => $weight ) {
			if ( isset( $have[ $term ] ) ) {
				$sum += $weight;
			}
		}
		return min( 1.0, $sum / $total );
	}

	/**
	 * The share of the question's neighbouring term pairs (both in the passage) that are near each
	 * other there too: a question that pairs the passage's words differently asks something else.
	 *
	 * @param array<int, string> $question Question terms in order.
	 * @param array<int, string> $passage  Passage terms in order.
	 */
	private function order( array $question, array $passage ): float {
		$positions = array();
		foreach ( $passage as $i => $term ) {
			$positions[ $term ][] = $i;
		}
		$pairs = array();
		$count = count( $question );
		for ( $i = 0; $i + 1 < $count; $i++ ) {
			$a = $question[ $i ];
			$b = $question[ $i + 1 ];
			if ( $a !== $b && isset( $positions[ $a ], $positions[ $b ] ) ) {
				$pairs[ $a . ' ' . $b ] = array( $positions[ $a ], $positions[ $b ] );
			}
		}
		if ( ! $pairs ) {
			return 0.5;
		}
		$near = 0;
		foreach ( $pairs as list( $first, $second ) ) {
			$near += $this->within( $first, $second, 3 ) ? 1 : 0;
		}
		return $near / count( $pairs );
	}

	/**
	 * Whether two ascending lists of positions have entries at most $gap apart (one merge pass).
	 *
	 * @param array<int, int> $a   Positions.
	 * @param array<int, int> $b   Positions.
	 * @param int             $gap Largest distance.
	 */
	private function within( array $a, array $b, int $gap ): bool {
		$i     = 0;
		$j     = 0;
		$count = array( count( $a ), count( $b ) );
		while ( $i < $count[0] && $j < $count[1] ) {
			if ( abs( $a[ $i ] - $b[ $j ] ) <= $gap ) {
				return true;
			}
			if ( $a[ $i ] < $b[ $j ] ) {
				++$i;
			} else {
				++$j;
			}
		}
		return false;
	}
}
