<?php
/**
 * Finds the passages that best match a question.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Knowledge;

use HandoffBot\Repositories\Index_Repository;

defined( 'ABSPATH' ) || exit;

/**
 * BM25 over the inverted index (k1 = 1.2, b = 0.75, average passage length fixed at 64 terms).
 *
 * @phpstan-import-type Passage from Index_Repository
 * @phpstan-import-type Posting from Index_Repository
 * @phpstan-import-type Term_Posting from Index_Repository
 * @phpstan-type Hit array{id: int, post_id: int, position: int, heading_path: list<string>, anchor: string, content: string, length: int, score: float, matched: list<string>}
 * @phpstan-type Search_Result array{terms: list<string>, idf: array<string, float>, df: array<string, int>, passages: int, hits: list<Hit>}
 * @phpstan-type Scored array{score: float, matched: list<string>}
 */
final class Retriever {

	/**
	 * Tokenizer.
	 *
	 * @var Tokenizer
	 */
	private Tokenizer $tokenizer;

	/**
	 * Index storage.
	 *
	 * @var Index_Repository
	 */
	private Index_Repository $index;

	/**
	 * Builds the retriever.
	 *
	 * @param Tokenizer        $tokenizer Tokenizer.
	 * @param Index_Repository $index     Index storage.
	 */
	public function __construct( Tokenizer $tokenizer, Index_Repository $index ) {
		$this->tokenizer = $tokenizer;
		$this->index     = $index;
	}

	/**
	 * How many candidates are rescored exactly from all their postings.
	 */
	private const RESCORE = 40;

	/**
	 * The most terms of a question whose postings are read: the rarest ones, which weigh the most.
	 * Each term read costs a subquery, so this bounds a question's work whatever its length.
	 */
	public const MAX_TERMS = 32;

	/**
	 * Question phrasings whose words say little on their own, mapped to words help pages use.
	 *
	 * @var array<string, string>
	 */
	private const PHRASES = array(
		// "How long does a refund take?": the "take" says no more than "how long" does.
		'/\\bhow\\s+long\\b(.*?)\\b(?:take|takes|last|lasts)\\b/iu' => ' timing $1 ',
		'/\\bhow\\s+long\\b/iu'         => ' timing ',
		'/\\bhow\\s+much\\b/iu'         => ' cost ',
		'/\\bhow\\s+many\\s+days\\b/iu' => ' days ',
		'/\\bwhat\\s+time\\b/iu'        => ' hours ',
	);

	/**
	 * Rewrites question phrasings (English) into the words help pages use.
	 *
	 * @param string $question Question.
	 */
	public static function rewrite( string $question ): string {
		return (string) preg_replace( array_keys( self::PHRASES ), array_values( self::PHRASES ), $question );
	}

	/**
	 * The best passages for a question.
	 *
	 * @param string $question Question text.
	 * @param int    $limit    How many passages.
	 * @return Search_Result
	 *         terms: the question's distinct terms; idf: each term's weight (unknown terms get the
	 *         highest weight, so a question about something absent cannot look well covered);
	 *         df: how many passages hold each term (0 for words the site never uses); passages:
	 *         how many passages the index holds; hits: passages best first, each with score and
	 *         matched terms.
	 */
	public function search( string $question, int $limit = 5 ): array {
		$terms = array_values( array_unique( $this->tokenizer->terms( self::rewrite( $question ) ) ) );
		$out   = array(
			'terms'    => $terms,
			'idf'      => array(),
			'df'       => array(),
			'passages' => 0,
			'hits'     => array(),
		);
		if ( ! $terms ) {
			return $out;
		}
		$n       = max( 1, $this->index->stats()['passages'] );
		$df      = array_fill_keys( $terms, 0 );
		$queried = $terms;
		if ( count( $terms ) > self::MAX_TERMS ) {
			foreach ( $this->index->document_frequencies( $terms ) as $term => $count ) {
				if ( array_key_exists( $term, $df ) ) {
					$df[ $term ] = $count;
				}
			}
			// Terms the site never uses have no postings to read; of the others, the rarest say the most.
			$used = array_filter( $df );
			asort( $used );
			$queried = array_map( 'strval', array_slice( array_keys( $used ), 0, self::MAX_TERMS ) );
		}
		$rows = $queried ? $this->index->top_postings( $queried ) : array();

		// Every term weighs by its idf; terms the site never uses weigh the most.
		$id = array();
		foreach ( $rows as $key => $row ) {
			// A database collation may also match a term written another way: keep the question's own terms.
			if ( ! array_key_exists( $row['term'], $df ) ) {
				unset( $rows[ $key ] );
				continue;
			}
			$df[ $row['term'] ]    = $row['df'];
			$id[ $row['term_id'] ] = $row['term'];
		}
		$rows = array_values( $rows );
		foreach ( $terms as $term ) {
			$out['idf'][ $term ] = log( 1 + ( $n - $df[ $term ] + 0.5 ) / ( $df[ $term ] + 0.5 ) );
			$out['df'][ $term ]  = $df[ $term ];
		}
		$out['passages'] = $n;
		if ( ! $rows ) {
			return $out;
		}

		// Score the candidates from the best postings, then rescore the best of them exactly.
		$first      = $this->score( $rows, $id, $out['idf'] );
		$candidates = array_slice( $first, 0, self::RESCORE, true );
		$ranked     = array_slice( $this->score( array_merge( $rows, $this->missing_postings( $rows, $candidates, $id ) ), $id, $out['idf'], $candidates ), 0, $limit, true );
		$passages   = $this->index->passages( array_keys( $ranked ) );
		foreach ( $ranked as $passage_id => $entry ) {
			if ( isset( $passages[ $passage_id ] ) ) {
				$out['hits'][] = $passages[ $passage_id ] + $entry;
			}
		}
		return $out;
	}

	/**
	 * Loads the posts of some hits into the object cache at once (see Index_Repository::prime_posts()).
	 *
	 * @param array<int, Hit> $hits Hits.
	 */
	public function prime_posts( array $hits ): void {
		$this->index->prime_posts( array_unique( array_map( 'intval', array_column( $hits, 'post_id' ) ) ) );
	}

	/**
	 * The postings the first pass could not see: a term whose best postings filled the read
	 * (Index_Repository::top_per_term()) may also be in a candidate that was not among them. Terms
	 * read in full, and terms a candidate already matched, need no second look.
	 *
	 * @param array<int, Term_Posting> $rows       First-pass postings.
	 * @phpstan-param list<Term_Posting> $rows
	 * @param array<int, Scored>       $candidates passage_id => first-pass entry.
	 * @param array<int, string>       $id         term_id => term.
	 * @return list<Posting>
	 */
	private function missing_postings( array $rows, array $candidates, array $id ): array {
		$top  = $this->index->top_per_term();
		$read = array_count_values( array_column( $rows, 'term_id' ) );
		$cut  = array_keys(
			array_filter(
				$read,
				static function ( int $count ) use ( $top ): bool {
					return $count >= $top;
				}
			)
		);
		if ( ! $cut ) {
			return array();
		}
		$terms    = array();
		$passages = array();
		foreach ( $candidates as $passage_id => $entry ) {
			foreach ( $cut as $term_id ) {
				if ( ! in_array( $id[ $term_id ], $entry['matched'], true ) ) {
					$terms[ $term_id ]       = true;
					$passages[ $passage_id ] = true;
				}
			}
		}
		return $passages ? $this->index->postings_for( array_map( 'intval', array_keys( $terms ) ), array_map( 'intval', array_keys( $passages ) ) ) : array();
	}

	/**
	 * BM25 per passage from postings: the sum of idf × stored impact over the question's terms.
	 * Rounded to 6 places and ordered best first, ties by passage ID, so every database agrees.
	 *
	 * @param array<int, Posting|Term_Posting> $rows Postings (term_id, passage_id, impact).
	 * @param array<int, string>               $id   term_id => term.
	 * @param array<string, float>             $idf  term => idf.
	 * @param array<int, mixed>|null           $only Score only these passages (keys), or all.
	 * @return array<int, Scored>
	 */
	private function score( array $rows, array $id, array $idf, ?array $only = null ): array {
		$scores  = array();
		$matched = array();
		foreach ( $rows as $row ) {
			$passage = $row['passage_id'];
			$term    = $id[ $row['term_id'] ] ?? null;
			if ( null === $term || isset( $matched[ $passage ][ $term ] ) || ( null !== $only && ! isset( $only[ $passage ] ) ) ) {
				continue;
			}
			$matched[ $passage ][ $term ] = true;
			$scores[ $passage ]           = ( $scores[ $passage ] ?? 0.0 ) + $idf[ $term ] * $row['impact'];
		}
		if ( ! $scores ) {
			return array();
		}
		// Best first, ties by passage ID.
		$passages = array_keys( $scores );
		$rounded  = array();
		foreach ( $scores as $score ) {
			$rounded[] = round( $score, 6 );
		}
		array_multisort( $rounded, SORT_DESC, SORT_NUMERIC, $passages, SORT_ASC, SORT_NUMERIC );
		$out = array();
		foreach ( $passages as $i => $passage ) {
			$out[ $passage ] = array(
				'score'   => $rounded[ $i ],
				// Numeric terms ("30") became integer keys: give them back as the strings they are.
				'matched' => array_values( array_map( 'strval', array_keys( $matched[ $passage ] ) ) ),
			);
		}
		return $out;
	}
}
