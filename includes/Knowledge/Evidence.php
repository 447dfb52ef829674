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
 * that answers; a number or a word the sentence contradicts; a negation on the question's side
 * only; question words that the passage uses far apart.
 *
 * @phpstan-import-type Hit from Retriever
 * @phpstan-type Scored_Sentence array{text: string, score: float, coverage: float, typed: bool}
 * @phpstan-type Weighed array{features: array<string, float>, sentences: list<Scored_Sentence>, best: int}
 */
final class Evidence {

	/**
	 * Opposites: a question that uses one where the passage uses the other is about something else.
	 */
	private const OPPOSITES = 'summer:winter spring:autumn spring:fall all:most all:some all:none most:few some:none always:sometimes often:rarely front:behind front:back inner:outer more:less most:least larger:smaller largest:smallest bigger:smaller biggest:smallest increase:decrease increased:decreased increases:decreases before:after first:last high:low higher:lower highest:lowest early:late earlier:later earliest:latest maximum:minimum positive:negative inside:outside north:south east:west northern:southern eastern:western older:newer oldest:newest old:new best:worst better:worse major:minor majority:minority strong:weak stronger:weaker strongest:weakest fast:slow faster:slower long:short longer:shorter longest:shortest accept:reject accepted:rejected allow:forbid allowed:forbidden include:exclude included:excluded start:end begin:end beginning:end private:public rise:fall gain:loss win:lose won:lost above:below upper:lower same:different true:false always:never import:export imports:exports open:closed full:empty heavy:light hot:cold wet:dry top:bottom past:future success:failure successful:unsuccessful legal:illegal possible:impossible common:rare cheap:expensive cheaper:expensive free:paid mass:limited many:few rich:poor male:female men:women domestic:foreign internal:external natural:artificial permanent:temporary ancient:modern simple:complex easy:difficult';

	/**
	 * Numbers written as words, and ordinals, with their value.
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
		'billion'   => 1000000000,
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
		'eleventh'  => 11,
		'twelfth'   => 12,
		'twentieth' => 20,
	);

	/**
	 * Prefixes that make a word its opposite.
	 */
	private const NEGATING_PREFIXES = array( 'un', 'in', 'im', 'il', 'ir', 'dis', 'non', 'non-', 'anti', 'mis' );

	/**
	 * Opposites, word => its opposites (built once).
	 *
	 * @var array<string, string[]>|null
	 */
	private static ?array $opposites = null;

	/**
	 * Tokenizer.
	 *
	 * @var Tokenizer
	 */
	private Tokenizer $tokenizer;

	/**
	 * Builds the reader.
	 *
	 * @param Tokenizer $tokenizer Tokenizer.
	 */
	public function __construct( Tokenizer $tokenizer ) {
		$this->tokenizer = $tokenizer;
	}

	/**
	 * The features of a passage as an answer to a question, and its sentences scored.
	 *
	 * Features, each in [0, 1]:
	 * - relative_score: its retrieval score against the best passage's;
	 * - coverage, missing_share: the share of the question's weight the passage holds, and the
	 *   share of its terms the passage lacks; unknown_share: the weight of words the site never uses;
	 * - sentence_coverage, sentence_missing_share: the same for the passage's best sentence;
	 * - specific_missing: the question's names and numbers the passage lacks; specific_away:
	 *   those it has, but not in (or just before) the best sentence;
	 * - number_away: a number the question gives that the best sentence contradicts;
	 * - opposite_sentence: the best sentence uses the opposite of one of the question's words;
	 * - negated_question: a negated wh-question ("What did he not…") where the best sentence is not;
	 * - order: the share of the question's neighbouring terms that are near each other there too;
	 * - question_length: how many terms the question has (ten or more count as 1).
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
		$alias = $this->typos( $idf, $df, $in_passage );
		$idf   = $this->renamed( $idf, $alias );
		$asked = array();
		foreach ( $question->sequence as $term ) {
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
		// The sentence before often names what the best one calls "he" or "it".
		$near_terms = $best > 0 ? $best_terms + array_flip( $terms[ $best - 1 ] ) : $best_terms;

		$specific_missing = 0;
		$specific_away    = 0;
		foreach ( $question->specifics as $term ) {
			$term = $alias[ $term ] ?? $term;
			if ( ! isset( $in_passage[ $term ] ) ) {
				++$specific_missing;
			} elseif ( ! isset( $near_terms[ $term ] ) ) {
				++$specific_away;
			}
		}
		$count = max( 1, count( $idf ) );

		$features = array(
			'relative_score'         => $top > 0 ? min( 1.0, (float) $hit['score'] / $top ) : 0.0,
			'coverage'               => $this->covered( $idf, $total, $in_passage ),
			'missing_share'          => count( array_diff_key( $idf, $in_passage ) ) / (float) $count,
			'unknown_share'          => $total > 0 ? $unknown / $total : 0.0,
			'sentence_coverage'      => $sentences ? $sentences[ $best ]['coverage'] : 0.0,
			'sentence_missing_share' => count( array_diff_key( $idf, $best_terms ) ) / (float) $count,
			'specific_missing'       => min( 2, $specific_missing ) / 2.0,
			'specific_away'          => min( 2, $specific_away ) / 2.0,
			'number_away'            => $this->number_conflict( $question->text, $best_text ) ? 1.0 : 0.0,
			// A yes-or-no question is answered by a sentence that says the opposite ("Are you open
			// on Sundays?" "We are closed on Sundays"); a problem told with a negation ("the code
			// does not work") is no negated question.
			'opposite_sentence'      => Answer_Type::YES_NO !== $question->type && $this->opposite( $question->words, $best_text ) ? 1.0 : 0.0,
			'negated_question'       => $question->negated && $question->asks() && ! preg_match( Question::NEGATIONS, $best_text ) ? 1.0 : 0.0,
			'order'                  => $this->order( $asked, $sequence ),
			'question_length'        => min( 1.0, count( $idf ) / 10 ),
		);
		return array(
			'features'  => $features,
			'sentences' => $sentences,
			'best'      => $best,
		);
	}

	/**
	 * Words the site never uses may be typos of the passage's own ("desribed", "Netonian"): each
	 * such term => the passage's term it is one or two letters from.
	 *
	 * @param array<string, float> $idf     Question term weights.
	 * @param array<string, int>   $df      Document frequencies.
	 * @param array<string, mixed> $passage Passage terms (as keys).
	 * @return array<string, string>
	 */
	private function typos( array $idf, array $df, array $passage ): array {
		$alias = array();
		foreach ( array_keys( $idf ) as $term ) {
			$term = (string) $term;
			if ( isset( $passage[ $term ] ) ) {
				continue;
			}
			$near = 0 === ( $df[ $term ] ?? 0 ) ? $this->near( $term, $passage ) : null;
			if ( null === $near ) {
				$near = $this->kin( $term, $passage );
			}
			if ( null !== $near ) {
				$alias[ $term ] = $near;
			}
		}
		return $alias;
	}

	/**
	 * Term weights with typos counted as the words they stand for.
	 *
	 * @param array<string, float>  $idf   Question term weights.
	 * @param array<string, string> $alias Typo => passage term.
	 * @return array<string, float>
	 */
	private function renamed( array $idf, array $alias ): array {
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
	 * The passage's term that an unknown term is a typo of: one edit away (two for long words).
	 *
	 * @param string               $term    Unknown term.
	 * @param array<string, mixed> $passage Passage terms (as keys).
	 */
	private function near( string $term, array $passage ): ?string {
		$length = strlen( $term );
		if ( $length < 4 || $length > 40 ) {
			return null;
		}
		$allowed = $length >= 7 ? 2 : 1;
		foreach ( array_keys( $passage ) as $candidate ) {
			$candidate = (string) $candidate;
			if ( abs( strlen( $candidate ) - $length ) <= $allowed && levenshtein( $term, $candidate ) <= $allowed ) {
				return $candidate;
			}
		}
		return null;
	}

	/**
	 * The passage's term from the same word family as a term (the stemmer leaves "constanc" and
	 * "constant", "architect" and "architectur" apart): a shared beginning of six letters or more.
	 *
	 * @param string               $term    Term missing from the passage.
	 * @param array<string, mixed> $passage Passage terms (as keys).
	 */
	private function kin( string $term, array $passage ): ?string {
		if ( strlen( $term ) < 6 || ! preg_match( '/^[a-z]+$/', $term ) ) {
			return null;
		}
		foreach ( array_keys( $passage ) as $candidate ) {
			$candidate = (string) $candidate;
			if ( strlen( $candidate ) >= 6 && 0 === strncmp( $term, $candidate, 6 ) ) {
				return $candidate;
			}
		}
		return null;
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
		return $sum / $total;
	}

	/**
	 * Whether the question gives a number the passage does not have while the passage has others.
	 *
	 * @param string $question Question text.
	 * @param string $passage  Passage text.
	 */
	private function number_conflict( string $question, string $passage ): bool {
		$asked = $this->numbers( $question );
		if ( ! $asked ) {
			return false;
		}
		$given = $this->numbers( $passage );
		return $given && array_diff( $asked, $given );
	}

	/**
	 * The numbers a text gives, in digits or words ("5th" and "fifth" are both 5).
	 *
	 * @param string $text Text.
	 * @return list<string>
	 */
	private function numbers( string $text ): array {
		$out = array();
		if ( preg_match_all( '/\d+(?:[.,]\d+)*|\b\p{L}+\b/u', mb_strtolower( $text, 'UTF-8' ), $m ) ) {
			foreach ( $m[0] as $token ) {
				if ( ctype_digit( $token[0] ) ) {
					$out[] = str_replace( ',', '', $token );
				} elseif ( isset( self::NUMBER_WORDS[ $token ] ) ) {
					$out[] = (string) self::NUMBER_WORDS[ $token ];
				}
			}
		}
		return array_values( array_unique( $out ) );
	}

	/**
	 * Whether the passage uses the opposite of one of the question's words (and not the word).
	 *
	 * @param array<int, string> $words   Question words, lowercase.
	 * @phpstan-param list<string> $words
	 * @param string             $passage Passage text.
	 */
	private function opposite( array $words, string $passage ): bool {
		$have = array_flip( $this->tokenizer->words( $passage ) );
		foreach ( $words as $i => $word ) {
			// "How long" and "how much" ask for a length or an amount: they are not "long" or "much".
			if ( isset( $have[ $word ] ) || mb_strlen( $word, 'UTF-8' ) < 3 || ( $i > 0 && 'how' === $words[ $i - 1 ] ) ) {
				continue;
			}
			foreach ( self::opposites()[ $word ] ?? array() as $other ) {
				if ( isset( $have[ $other ] ) ) {
					return true;
				}
			}
			foreach ( self::NEGATING_PREFIXES as $prefix ) {
				// "unknown" against "known", and "known" against "unknown".
				if ( 0 === strpos( $word, $prefix ) && mb_strlen( $word, 'UTF-8' ) - strlen( $prefix ) >= 4 && isset( $have[ substr( $word, strlen( $prefix ) ) ] ) ) {
					return true;
				}
				if ( isset( $have[ $prefix . $word ] ) ) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * The share of the question's neighbouring term pairs (both in the passage) that are near each
	 * other there too: a question that pairs the passage's words differently asks something else.
	 *
	 * @param array<int, string> $question Question terms in order.
	 * @phpstan-param list<string> $question
	 * @param array<int, string> $passage  Passage terms in order.
	 * @phpstan-param list<string> $passage
	 */
	private function order( array $question, array $passage ): float {
		$positions = array();
		foreach ( $passage as $i => $term ) {
			$positions[ $term ][] = $i;
		}
		$pairs = 0;
		$near  = 0;
		$count = count( $question );
		for ( $i = 0; $i + 1 < $count; $i++ ) {
			$a = $question[ $i ];
			$b = $question[ $i + 1 ];
			if ( $a === $b || ! isset( $positions[ $a ], $positions[ $b ] ) ) {
				continue;
			}
			++$pairs;
			foreach ( $positions[ $a ] as $p ) {
				foreach ( $positions[ $b ] as $q ) {
					if ( abs( $p - $q ) <= 3 ) {
						++$near;
						break 2;
					}
				}
			}
		}
		return $pairs ? $near / $pairs : 0.5;
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
