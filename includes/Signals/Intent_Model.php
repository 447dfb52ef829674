<?php
/**
 * The intents, prepared for matching.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Signals;

use HandoffBot\Knowledge\Porter_Stemmer;
use HandoffBot\Knowledge\Tokenizer;

defined( 'ABSPATH' ) || exit;

/**
 * The policy's intents turned into stems, and a classifier over them. Evidence for an intent
 * adds up, each piece closing part of the distance to 1:
 * - its phrases, found word by word in order on stems ("charged me twice" finds "charging me
 *   twice"): the strongest evidence;
 * - its keywords, weighted by how few intents name their words ("chargeback" says more than
 *   "order"); a word inside a longer keyword or phrase already found counts once;
 * - the closest of its examples, by cosine over stemmed terms weighted by how few intents use
 *   them (an example sharing a single term with the message counts half).
 * A word the visitor mistyped ("refnd", "shiping") is read as the intents' word it is one slip
 * from, when only one fits.
 *
 * Preparing the model takes tens of milliseconds, too long for every visitor message: the model
 * of the default intents ships prepared (data/intent-model.php, checked against the defaults by
 * a test), and any other set is prepared once per request. The prepared form is a plain array
 * (to_array(), from_array()), so a caller may keep it in a cache of its own.
 *
 * @phpstan-import-type Intent from \HandoffBot\Escalation\Policy
 * @phpstan-type Prepared_Intent array{name: string, keywords: list<array{text: string, sought: string, first: string, weight: float}>, phrases: list<array{text: string, sought: string, first: string}>, examples: list<string>}
 * @phpstan-type Model_Array array{idf: array<string, float>, words: array<string, list<string>>, postings: array<string, list<array{0: int, 1: int, 2: float}>>, intents: list<Prepared_Intent>}
 * @phpstan-type Classification array{name: string, score: float, evidence: list<string>}
 */
final class Intent_Model {

	/**
	 * What a phrase found weighs.
	 */
	private const PHRASE = 0.7;

	/**
	 * What the most specific keyword found weighs.
	 */
	private const KEYWORD = 0.5;

	/**
	 * The share of the closest example's cosine that counts.
	 */
	private const EXAMPLE = 0.8;

	/**
	 * An example that shares a single term with the message counts this share: one word in
	 * common ("time", "help") is weak evidence.
	 */
	private const ONE_TERM = 0.5;

	/**
	 * Models prepared in this request, by the key of their intents.
	 *
	 * @var array<string, self>
	 */
	private static array $models = array();

	/**
	 * The tokenizer.
	 *
	 * @var Tokenizer
	 */
	private Tokenizer $tokenizer;

	/**
	 * The prepared model.
	 *
	 * @var Model_Array
	 */
	private array $model;

	/**
	 * Slips read so far: typed word => intents' word ('' for none).
	 *
	 * @var array<string, string>
	 */
	private array $slips = array();

	/**
	 * The model for a set of intents: the shipped one for the default intents, otherwise the one
	 * kept in the cache, otherwise prepared (and kept).
	 *
	 * @param array<int, array<string, mixed>> $intents   Intents.
	 * @phpstan-param list<Intent> $intents
	 * @param Tokenizer                        $tokenizer Tokenizer.
	 * @param Intent_Model_Cache|null          $cache     Keeps prepared models between requests.
	 * @param string|null                      $key       key() of the intents, when already known.
	 */
	public static function for_intents( array $intents, Tokenizer $tokenizer, ?Intent_Model_Cache $cache = null, ?string $key = null ): self {
		$key = $key ?? self::key( $intents );
		if ( isset( self::$models[ $key ] ) ) {
			return self::$models[ $key ];
		}
		$shipped = require __DIR__ . '/data/intent-model.php';
		if ( is_array( $shipped ) && ( $shipped['key'] ?? '' ) === $key && is_array( $shipped['model'] ?? null ) ) {
			/**
			 * The shipped model, as generated.
			 *
			 * @phpstan-var Model_Array $prepared
			 */
			$prepared = $shipped['model'];
			$model    = self::from_array( $prepared, $tokenizer );
		} else {
			$kept  = null === $cache ? null : $cache->get( $key );
			$model = null === $kept ? self::prepare( $intents, $tokenizer ) : self::from_array( $kept, $tokenizer );
			if ( null === $kept && null !== $cache ) {
				$cache->set( $key, $model->to_array() );
			}
		}
		if ( count( self::$models ) >= 4 ) {
			self::$models = array();
		}
		self::$models[ $key ] = $model;
		return $model;
	}

	/**
	 * What identifies a set of intents for matching: their names, keywords, phrases and examples
	 * (labels, policies and teams do not change how a message is read).
	 *
	 * @param array<int, array<string, mixed>> $intents Intents.
	 * @phpstan-param list<Intent> $intents
	 */
	public static function key( array $intents ): string {
		$parts = array();
		foreach ( $intents as $intent ) {
			$parts[] = array( $intent['name'], $intent['keywords'], $intent['phrases'], $intent['examples'] );
		}
		return md5( (string) wp_json_encode( $parts ) );
	}

	/**
	 * Prepares a model from intents.
	 *
	 * @param array<int, array<string, mixed>> $intents   Intents.
	 * @phpstan-param list<Intent> $intents
	 * @param Tokenizer                        $tokenizer Tokenizer.
	 */
	public static function prepare( array $intents, Tokenizer $tokenizer ): self {
		$self  = new self(
			$tokenizer,
			array(
				'idf'      => array(),
				'words'    => array(),
				'postings' => array(),
				'intents'  => array(),
			)
		);
		$texts = array();
		$df    = array();
		$kdf   = array();
		$words = array();
		foreach ( $intents as $i => $intent ) {
			$bag         = array();
			$named       = array();
			$texts[ $i ] = array(
				'keywords' => array_map( array( $self, 'analyse' ), $intent['keywords'] ),
				'phrases'  => array_map( array( $self, 'analyse' ), $intent['phrases'] ),
				'examples' => array_map( array( $self, 'analyse' ), $intent['examples'] ),
			);
			foreach ( $texts[ $i ] as $field => $analysed_texts ) {
				foreach ( $analysed_texts as $analysed ) {
					foreach ( $analysed['terms'] as $term ) {
						$bag[ $term ] = true;
						if ( 'examples' !== $field ) {
							$named[ $term ] = true;
						}
					}
					foreach ( $analysed['words'] as $word ) {
						if ( strlen( $word ) >= 5 && preg_match( '/^[a-z]+$/', $word ) ) {
							$words[ $word[0] ][ $word ] = true;
						}
					}
				}
			}
			foreach ( $bag as $term => $unused ) {
				$df[ $term ] = ( $df[ $term ] ?? 0 ) + 1;
			}
			foreach ( $named as $term => $unused ) {
				$kdf[ $term ] = ( $kdf[ $term ] ?? 0 ) + 1;
			}
		}//end foreach
		$count = max( 1, count( $intents ) );
		$most  = log( 1 + $count );
		$idf   = array();
		foreach ( $df as $term => $n ) {
			$idf[ (string) $term ] = log( 1 + $count / $n );
		}
		foreach ( $words as $letter => $set ) {
			$self->model['words'][ (string) $letter ] = array_map( 'strval', array_keys( $set ) );
		}
		$self->model['idf'] = $idf;
		foreach ( $intents as $i => $intent ) {
			$prepared = array(
				'name'     => $intent['name'],
				'keywords' => array(),
				'phrases'  => array(),
				'examples' => array(),
			);
			$seen     = array();
			foreach ( $intent['phrases'] as $j => $phrase ) {
				$sought = ' ' . implode( ' ', $texts[ $i ]['phrases'][ $j ]['stems'] ) . ' ';
				if ( '  ' !== $sought && ! isset( $seen[ $sought ] ) ) {
					$seen[ $sought ]       = true;
					$prepared['phrases'][] = array(
						'text'   => (string) $phrase,
						'sought' => $sought,
						'first'  => $texts[ $i ]['phrases'][ $j ]['stems'][0],
					);
				}
			}
			// A keyword counts once, whatever its forms ("cancel", "cancelling") or phrases say.
			foreach ( $intent['keywords'] as $j => $keyword ) {
				$analysed = $texts[ $i ]['keywords'][ $j ];
				$sought   = ' ' . implode( ' ', $analysed['stems'] ) . ' ';
				if ( ! $analysed['terms'] || isset( $seen[ $sought ] ) ) {
					continue;
				}
				$seen[ $sought ] = true;
				// How few intents name the keyword's words; one of several words is more specific.
				$specific = 0.0;
				foreach ( $analysed['terms'] as $term ) {
					$specific = max( $specific, log( 1 + $count / ( $kdf[ $term ] ?? 1 ) ) );
				}
				$prepared['keywords'][] = array(
					'text'   => (string) $keyword,
					'sought' => $sought,
					'first'  => $analysed['stems'][0],
					'weight' => min( 1.0, $specific / $most * ( 1 + 0.25 * ( count( $analysed['terms'] ) - 1 ) ) ),
				);
			}
			// Longer keywords first, so that a word inside one found counts once.
			usort(
				$prepared['keywords'],
				static function ( array $a, array $b ): int {
					return substr_count( $b['sought'], ' ' ) <=> substr_count( $a['sought'], ' ' );
				}
			);
			// Examples go into postings (term => intent, example, weight): a message is compared
			// only with the examples that share a term with it.
			foreach ( $intent['examples'] as $j => $example ) {
				$vector = $self->vector( $texts[ $i ]['examples'][ $j ]['terms'] );
				if ( ! $vector ) {
					continue;
				}
				$index                  = count( $prepared['examples'] );
				$prepared['examples'][] = (string) $example;
				foreach ( $vector as $term => $weight ) {
					$self->model['postings'][ $term ][] = array( count( $self->model['intents'] ), $index, $weight );
				}
			}
			$self->model['intents'][] = $prepared;
		}//end foreach
		return $self;
	}

	/**
	 * A model from its prepared form.
	 *
	 * @param array<string, mixed> $model     Prepared form.
	 * @phpstan-param Model_Array $model
	 * @param Tokenizer            $tokenizer Tokenizer.
	 */
	public static function from_array( array $model, Tokenizer $tokenizer ): self {
		return new self( $tokenizer, $model );
	}

	/**
	 * Builds the value.
	 *
	 * @param Tokenizer            $tokenizer Tokenizer.
	 * @param array<string, mixed> $model     Prepared form.
	 * @phpstan-param Model_Array $model
	 */
	private function __construct( Tokenizer $tokenizer, array $model ) {
		$this->tokenizer = $tokenizer;
		$this->model     = $model;
	}

	/**
	 * The prepared form (plain arrays, strings and numbers).
	 *
	 * @return Model_Array
	 */
	public function to_array(): array {
		return $this->model;
	}

	/**
	 * The PHP file that ships a prepared model (data/intent-model.php), as text.
	 *
	 * @param string $key   The key of the intents it was prepared from.
	 * @param self   $model The model.
	 */
	public static function export( string $key, self $model ): string {
		$data  = array(
			'key'   => $key,
			'model' => $model->to_array(),
		);
		$lines = array();
		foreach ( $data['model'] as $part => $value ) {
			$lines[] = "\t\t" . self::literal( $part ) . ' => array(';
			foreach ( $value as $k => $v ) {
				$lines[] = "\t\t\t" . self::literal( $k ) . ' => ' . self::literal( $v ) . ',';
			}
			$lines[] = "\t\t),";
		}
		return "<?php\n/**\n * The default intents, prepared for matching (see Intent_Model): generated from\n * Escalation\\Default_Intents; a test fails when they differ. To regenerate, run the PHP tests\n * with HANDOFF_BOT_WRITE_INTENT_MODEL=1 and the filter Intent_Model_Data_Test.\n *\n * @package HandoffBot\n */\n\n// phpcs:ignoreFile -- generated data.\n\ndefined( 'ABSPATH' ) || exit;\n\nreturn array(\n\t'key'   => " . self::literal( $key ) . ",\n\t'model' => array(\n" . implode( "\n", $lines ) . "\n\t),\n);\n";
	}

	/**
	 * A value as a PHP literal on one line.
	 *
	 * @param mixed $value Array, string, number or boolean.
	 */
	private static function literal( $value ): string {
		if ( ! is_array( $value ) ) {
			// phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_var_export -- writing PHP source, not debugging.
			return var_export( $value, true );
		}
		$items = array();
		$list  = array_values( $value ) === $value;
		foreach ( $value as $k => $v ) {
			$items[] = ( $list ? '' : self::literal( $k ) . '=>' ) . self::literal( $v );
		}
		return 'array(' . implode( ',', $items ) . ')';
	}

	/**
	 * The best intent for a text, or null when no intent has any evidence.
	 *
	 * @param string $text Visitor's text.
	 * @return Classification|null
	 */
	public function classify( string $text ): ?array {
		$analysed = $this->analyse_words( $this->corrected( $text ) );
		if ( ! $analysed['stems'] ) {
			return null;
		}
		$present  = array_flip( $analysed['stems'] );
		$joined   = ' ' . implode( ' ', $analysed['stems'] ) . ' ';
		$examples = $this->examples( $this->vector( $analysed['terms'] ) );
		$best     = null;
		foreach ( $this->model['intents'] as $i => $intent ) {
			$calm     = 1.0;
			$evidence = array();
			$matched  = array();
			foreach ( $intent['phrases'] as $phrase ) {
				if ( isset( $present[ $phrase['first'] ] ) && $this->has( $joined, $phrase['sought'], $matched ) ) {
					$calm      *= 1 - self::PHRASE;
					$evidence[] = $phrase['text'];
				}
			}
			foreach ( $intent['keywords'] as $keyword ) {
				if ( isset( $present[ $keyword['first'] ] ) && $this->has( $joined, $keyword['sought'], $matched ) ) {
					$calm      *= 1 - self::KEYWORD * $keyword['weight'];
					$evidence[] = $keyword['text'];
				}
			}
			if ( isset( $examples[ $i ] ) ) {
				$calm      *= 1 - self::EXAMPLE * $examples[ $i ][1];
				$evidence[] = $intent['examples'][ $examples[ $i ][0] ];
			}
			$score = 1 - $calm;
			if ( $score > 0 && ( null === $best || $score > $best['score'] ) ) {
				$best = array(
					'name'     => $intent['name'],
					'score'    => $score,
					'evidence' => array_values( array_unique( $evidence ) ),
				);
			}
		}//end foreach
		return $best;
	}

	/**
	 * Whether a text holds any word the intents use.
	 *
	 * @param string $text Text.
	 */
	public function knows( string $text ): bool {
		foreach ( $this->analyse_words( $this->corrected( $text ) )['terms'] as $term ) {
			if ( isset( $this->model['idf'][ $term ] ) ) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether the message's stems hold a phrase's or keyword's stems, in order, other than
	 * inside a longer one already found ("card" within "credit card" counts once).
	 *
	 * @param string             $joined  Message stems, space-separated and padded.
	 * @param string             $sought  Stems sought, space-separated and padded.
	 * @param array<int, string> $matched Stems already found; the new one is added.
	 */
	private function has( string $joined, string $sought, array &$matched ): bool {
		if ( false === strpos( $joined, $sought ) ) {
			return false;
		}
		foreach ( $matched as $earlier ) {
			if ( false !== strpos( $earlier, $sought ) ) {
				return false;
			}
		}
		$matched[] = $sought;
		return true;
	}

	/**
	 * For each intent, its example closest to a message vector, with the cosine (an example
	 * sharing a single term counts half).
	 *
	 * @param array<string, float> $vector Message vector.
	 * @return array<int, array{0: int, 1: float}> Intent index => example index, similarity.
	 */
	private function examples( array $vector ): array {
		$dots   = array();
		$shared = array();
		foreach ( $vector as $term => $weight ) {
			foreach ( $this->model['postings'][ $term ] ?? array() as $posting ) {
				list( $intent, $example, $example_weight ) = $posting;
				$dots[ $intent ][ $example ]               = ( $dots[ $intent ][ $example ] ?? 0.0 ) + $weight * $example_weight;
				$shared[ $intent ][ $example ]             = ( $shared[ $intent ][ $example ] ?? 0 ) + 1;
			}
		}
		$best = array();
		foreach ( $dots as $intent => $by_example ) {
			foreach ( $by_example as $example => $dot ) {
				if ( 1 === $shared[ $intent ][ $example ] ) {
					$dot *= self::ONE_TERM;
				}
				if ( ! isset( $best[ $intent ] ) || $dot > $best[ $intent ][1] ) {
					$best[ $intent ] = array( $example, $dot );
				}
			}
		}
		return $best;
	}

	/**
	 * A unit vector of terms the intents know, weighted by their inverse intent frequency.
	 *
	 * @param array<int, string> $terms Terms.
	 * @return array<string, float>
	 */
	private function vector( array $terms ): array {
		$vector = array();
		$norm   = 0.0;
		foreach ( array_unique( $terms ) as $term ) {
			if ( isset( $this->model['idf'][ $term ] ) ) {
				$vector[ $term ] = $this->model['idf'][ $term ];
				$norm           += $vector[ $term ] * $vector[ $term ];
			}
		}
		$norm = sqrt( $norm );
		foreach ( $vector as $term => $weight ) {
			$vector[ $term ] = $weight / $norm;
		}
		return $vector;
	}

	/**
	 * A text's words, every word stemmed (phrases and keywords are matched on these), and its
	 * terms (the stems of the words that are not stop words; runs of Chinese, Japanese or Korean
	 * characters as the tokenizer splits them).
	 *
	 * @param string $text Text.
	 * @return array{words: list<string>, stems: list<string>, terms: list<string>}
	 */
	private function analyse( string $text ): array {
		return $this->analyse_words( $this->tokenizer->words( $text ) );
	}

	/**
	 * The same, from a text's words.
	 *
	 * @param array<int, string> $words Lowercase words.
	 * @return array{words: list<string>, stems: list<string>, terms: list<string>}
	 */
	private function analyse_words( array $words ): array {
		$words = array_values( $words );
		$stems = array();
		$terms = array();
		foreach ( $words as $word ) {
			if ( Tokenizer::is_stop_word( $word ) ) {
				// Stop words are kept for phrases, unstemmed: they have few forms.
				$stems[] = $word;
				continue;
			}
			if ( preg_match( '/^[a-z]+$/', $word ) ) {
				$stem    = Porter_Stemmer::stem( $word );
				$stems[] = $stem;
				$terms[] = $stem;
				continue;
			}
			$stems[] = $word;
			foreach ( $this->tokenizer->terms( $word ) as $term ) {
				$terms[] = $term;
			}
		}
		return array(
			'words' => $words,
			'stems' => $stems,
			'terms' => $terms,
		);
	}

	/**
	 * The text's words, those the intents do not use but are one slip from read as theirs.
	 *
	 * @param string $text Text.
	 * @return list<string>
	 */
	private function corrected( string $text ): array {
		$fixed = array();
		foreach ( $this->tokenizer->words( $text ) as $word ) {
			if ( ! isset( $this->slips[ $word ] ) ) {
				$this->slips[ $word ] = $this->slip_of( $word ) ?? '';
			}
			$fixed[] = '' === $this->slips[ $word ] ? $word : $this->slips[ $word ];
		}
		return $fixed;
	}

	/**
	 * The intents' word a typed word is a slip of, when exactly one fits.
	 *
	 * @param string $word Lowercase word.
	 */
	private function slip_of( string $word ): ?string {
		$length = strlen( $word );
		if ( $length < 5 || ! preg_match( '/^[a-z]+$/', $word ) || Tokenizer::is_stop_word( $word ) || isset( $this->model['idf'][ Porter_Stemmer::stem( $word ) ] ) ) {
			return null;
		}
		$found = null;
		foreach ( $this->model['words'][ $word[0] ] ?? array() as $known ) {
			$gap = strlen( $known ) - $length;
			// A short word keeps its first two letters ("older" is not "order").
			if ( $gap > 1 || $gap < -1 || ( $length < 7 && $known[1] !== $word[1] ) || $known === $word || ! Signal_Text::close( $word, $known ) ) {
				continue;
			}
			if ( null !== $found && Porter_Stemmer::stem( $found ) !== Porter_Stemmer::stem( $known ) ) {
				return null;
			}
			$found = $known;
		}
		return $found;
	}
}
