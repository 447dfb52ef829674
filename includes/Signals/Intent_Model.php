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
 * The policy's intents turned into stems once per request (and per set of intents, so the rules
 * tester's unsaved intents get their own), and a classifier over them. Evidence for an intent
 * adds up, each piece closing part of the distance to 1:
 * - its phrases, found word by word in order on stems ("charged me twice" finds "charging me
 *   twice"): the strongest evidence;
 * - its keywords, weighted by how few intents use their words ("chargeback" says more than
 *   "order");
 * - the closest of its examples, by cosine over stemmed terms weighted the same way.
 * A word the visitor mistyped ("refnd", "shiping") is read as the intents' word it is one slip
 * from, when only one fits.
 *
 * @phpstan-import-type Intent from \HandoffBot\Escalation\Policy
 * @phpstan-type Prepared array{name: string, keywords: list<array{text: string, stems: list<string>, weight: float}>, phrases: list<array{text: string, stems: list<string>}>, examples: list<array{text: string, vector: array<string, float>}>}
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
	 * Models by a hash of their intents (a request sees one or two).
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
	 * Prepared intents.
	 *
	 * @var list<Prepared>
	 */
	private array $intents = array();

	/**
	 * Inverse intent frequency of each stem the intents use.
	 *
	 * @var array<string, float>
	 */
	private array $idf = array();

	/**
	 * The intents' words of five letters or more, by first letter (for reading slips).
	 *
	 * @var array<string, array<string, true>>
	 */
	private array $words = array();

	/**
	 * The model for a set of intents (built once per request and set).
	 *
	 * @param array<int, array<string, mixed>> $intents   Intents.
	 * @phpstan-param list<Intent> $intents
	 * @param Tokenizer                        $tokenizer Tokenizer.
	 */
	public static function for_intents( array $intents, Tokenizer $tokenizer ): self {
		$key = md5( serialize( $intents ) ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.serialize_serialize -- a cache key, never stored.
		if ( ! isset( self::$models[ $key ] ) ) {
			if ( count( self::$models ) >= 4 ) {
				self::$models = array();
			}
			self::$models[ $key ] = new self( $intents, $tokenizer );
		}
		return self::$models[ $key ];
	}

	/**
	 * Prepares the intents.
	 *
	 * @param array<int, array<string, mixed>> $intents   Intents.
	 * @phpstan-param list<Intent> $intents
	 * @param Tokenizer                        $tokenizer Tokenizer.
	 */
	public function __construct( array $intents, Tokenizer $tokenizer ) {
		$this->tokenizer = $tokenizer;
		$df              = array();
		$kdf             = array();
		foreach ( $intents as $intent ) {
			$bag   = array();
			$named = array();
			foreach ( array_merge( $intent['keywords'], $intent['phrases'], $intent['examples'] ) as $text ) {
				foreach ( $this->tokenizer->terms( (string) $text ) as $term ) {
					$bag[ $term ] = true;
				}
				foreach ( $this->tokenizer->words( (string) $text ) as $word ) {
					if ( strlen( $word ) >= 5 && preg_match( '/^[a-z]+$/', $word ) ) {
						$this->words[ $word[0] ][ $word ] = true;
					}
				}
			}
			foreach ( array_merge( $intent['keywords'], $intent['phrases'] ) as $text ) {
				foreach ( $this->tokenizer->terms( (string) $text ) as $term ) {
					$named[ $term ] = true;
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
		foreach ( $df as $term => $n ) {
			$this->idf[ (string) $term ] = log( 1 + $count / $n );
		}
		$most = log( 1 + $count );
		// A keyword's weight: how few intents name its words as keywords or in phrases (examples
		// mention other intents' words in passing: "refund for my order" is not about orders).
		$named_idf = array();
		foreach ( $kdf as $term => $n ) {
			$named_idf[ (string) $term ] = log( 1 + $count / $n );
		}
		foreach ( $intents as $intent ) {
			$prepared = array(
				'name'     => $intent['name'],
				'keywords' => array(),
				'phrases'  => array(),
				'examples' => array(),
			);
			$seen     = array();
			foreach ( $intent['phrases'] as $phrase ) {
				$stems = $this->stems( (string) $phrase );
				if ( $stems && ! isset( $seen[ implode( ' ', $stems ) ] ) ) {
					$seen[ implode( ' ', $stems ) ] = true;
					$prepared['phrases'][]          = array(
						'text'  => (string) $phrase,
						'stems' => $stems,
					);
				}
			}
			// A keyword counts once, whatever its forms ("cancel", "cancelling") or phrases say.
			foreach ( $intent['keywords'] as $keyword ) {
				$stems = $this->stems( (string) $keyword );
				$own   = $this->tokenizer->terms( (string) $keyword );
				if ( ! $stems || ! $own || isset( $seen[ implode( ' ', $stems ) ] ) ) {
					continue;
				}
				$seen[ implode( ' ', $stems ) ] = true;
				$idf                            = 0.0;
				foreach ( $own as $term ) {
					$idf = max( $idf, $named_idf[ $term ] ?? $most );
				}
				// A keyword of several words is more specific than any of its words.
				$prepared['keywords'][] = array(
					'text'   => (string) $keyword,
					'stems'  => $stems,
					'weight' => min( 1.0, $idf / $most * ( 1 + 0.25 * ( count( $own ) - 1 ) ) ),
				);
			}
			// Longer keywords first, so that a word inside one found counts once.
			usort(
				$prepared['keywords'],
				static function ( array $a, array $b ): int {
					return count( $b['stems'] ) <=> count( $a['stems'] );
				}
			);
			foreach ( $intent['examples'] as $example ) {
				$vector = $this->vector( $this->tokenizer->terms( (string) $example ) );
				if ( $vector ) {
					$prepared['examples'][] = array(
						'text'   => (string) $example,
						'vector' => $vector,
					);
				}
			}
			$this->intents[] = $prepared;
		}//end foreach
	}

	/**
	 * The best intent for a text, or null when no intent has any evidence.
	 *
	 * @param string $text Visitor's text.
	 * @return Classification|null
	 */
	public function classify( string $text ): ?array {
		$text   = $this->corrected( $text );
		$stems  = $this->stems( $text );
		$vector = $this->vector( $this->tokenizer->terms( $text ) );
		if ( ! $stems ) {
			return null;
		}
		$joined = ' ' . implode( ' ', $stems ) . ' ';
		$best   = null;
		foreach ( $this->intents as $intent ) {
			$calm     = 1.0;
			$evidence = array();
			$matched  = array();
			foreach ( $intent['phrases'] as $phrase ) {
				if ( $this->has( $joined, $phrase['stems'], $matched ) ) {
					$calm      *= 1 - self::PHRASE;
					$evidence[] = $phrase['text'];
				}
			}
			foreach ( $intent['keywords'] as $keyword ) {
				if ( $this->has( $joined, $keyword['stems'], $matched ) ) {
					$calm      *= 1 - self::KEYWORD * $keyword['weight'];
					$evidence[] = $keyword['text'];
				}
			}
			$closest = $this->closest( $vector, $intent['examples'] );
			if ( null !== $closest ) {
				$calm      *= 1 - self::EXAMPLE * $closest['similarity'];
				$evidence[] = $closest['text'];
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
	 * Whether the message's stems hold a phrase's or keyword's stems, in order, other than
	 * inside a longer one already found ("card" within "credit card" counts once).
	 *
	 * @param string             $joined  Message stems, space-separated and padded.
	 * @param array<int, string> $stems   Stems sought.
	 * @param array<int, string> $matched Stems already found, padded; the new one is added.
	 */
	private function has( string $joined, array $stems, array &$matched ): bool {
		$sought = ' ' . implode( ' ', $stems ) . ' ';
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
	 * Whether a text holds any word the intents use.
	 *
	 * @param string $text Text.
	 */
	public function knows( string $text ): bool {
		foreach ( $this->tokenizer->terms( $this->corrected( $text ) ) as $term ) {
			if ( isset( $this->idf[ $term ] ) ) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The example closest to a vector, with its cosine.
	 *
	 * @param array<string, float>                                          $vector   Message vector.
	 * @param array<int, array{text: string, vector: array<string, float>}> $examples Examples.
	 * @return array{text: string, similarity: float}|null
	 */
	private function closest( array $vector, array $examples ): ?array {
		$best = null;
		foreach ( $examples as $example ) {
			$dot    = 0.0;
			$shared = 0;
			foreach ( $vector as $term => $weight ) {
				if ( isset( $example['vector'][ $term ] ) ) {
					$dot += $weight * $example['vector'][ $term ];
					++$shared;
				}
			}
			if ( 1 === $shared ) {
				$dot *= self::ONE_TERM;
			}
			if ( $dot > 0 && ( null === $best || $dot > $best['similarity'] ) ) {
				$best = array(
					'text'       => $example['text'],
					'similarity' => $dot,
				);
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
		foreach ( array_unique( $terms ) as $term ) {
			if ( isset( $this->idf[ $term ] ) ) {
				$vector[ $term ] = $this->idf[ $term ];
			}
		}
		$norm = sqrt( array_sum( array_map( static fn( float $w ): float => $w * $w, $vector ) ) );
		if ( $norm > 0 ) {
			foreach ( $vector as $term => $weight ) {
				$vector[ $term ] = $weight / $norm;
			}
		}
		return $vector;
	}

	/**
	 * Every word of a text stemmed, stop words kept (phrases and keywords are matched on these).
	 *
	 * @param string $text Text.
	 * @return list<string>
	 */
	private function stems( string $text ): array {
		$stems = array();
		foreach ( $this->tokenizer->words( $text ) as $word ) {
			$stems[] = preg_match( '/^[a-z]+$/', $word ) ? Porter_Stemmer::stem( $word ) : $word;
		}
		return $stems;
	}

	/**
	 * The text with words the intents do not use, but are one slip from, read as theirs.
	 *
	 * @param string $text Text.
	 */
	private function corrected( string $text ): string {
		$words = $this->tokenizer->words( $text );
		$fixed = array();
		foreach ( $words as $word ) {
			$fixed[] = $this->slip_of( $word ) ?? $word;
		}
		return implode( ' ', $fixed );
	}

	/**
	 * The intents' word a typed word is a slip of, when exactly one fits.
	 *
	 * @param string $word Lowercase word.
	 */
	private function slip_of( string $word ): ?string {
		$length = strlen( $word );
		if ( $length < 5 || ! preg_match( '/^[a-z]+$/', $word ) || isset( $this->words[ $word[0] ][ $word ] ) || isset( $this->idf[ Porter_Stemmer::stem( $word ) ] ) || Tokenizer::is_stop_word( $word ) ) {
			return null;
		}
		$found = null;
		foreach ( $this->words[ $word[0] ] ?? array() as $known => $unused ) {
			$known = (string) $known;
			// A short word keeps its first two letters ("older" is not "order").
			if ( abs( strlen( $known ) - $length ) > 1 || ( $length < 7 && $known[1] !== $word[1] ) || ! Signal_Text::close( $word, $known ) ) {
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
