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
	 * Question phrasings whose words say little on their own, mapped to words help pages use.
	 *
	 * @var array<string, string>
	 */
	private const PHRASES = array(
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
	 * @return array{terms: string[], idf: array<string, float>, hits: array<int, array<string, mixed>>}
	 *         terms: the question's distinct terms; idf: each term's weight (unknown terms get the
	 *         highest weight, so a question about something absent cannot look well covered);
	 *         hits: passages best first, each with score and matched terms.
	 */
	public function search( string $question, int $limit = 5 ): array {
		$terms = array_values( array_unique( $this->tokenizer->terms( self::rewrite( $question ) ) ) );
		$out   = array(
			'terms' => $terms,
			'idf'   => array(),
			'hits'  => array(),
		);
		if ( ! $terms ) {
			return $out;
		}
		$stats = $this->index->stats();
		$n     = max( 1, $stats['passages'] );
		$known = $this->index->lookup_terms( $terms );
		$by_id = array();
		$names = array();
		foreach ( $terms as $term ) {
			$df                  = isset( $known[ $term ] ) ? $known[ $term ]['df'] : 0;
			$out['idf'][ $term ] = log( 1 + ( $n - $df + 0.5 ) / ( $df + 0.5 ) );
			if ( $df > 0 ) {
				$by_id[ $known[ $term ]['id'] ] = $out['idf'][ $term ];
				$names[ $known[ $term ]['id'] ] = $term;
			}
		}
		if ( ! $by_id ) {
			return $out;
		}
		$ranked   = $this->index->rank( $by_id, $limit );
		$passages = $this->index->passages( array_keys( $ranked ) );
		foreach ( $ranked as $passage_id => $entry ) {
			if ( ! isset( $passages[ $passage_id ] ) ) {
				continue;
			}
			$matched = array();
			foreach ( $entry['term_ids'] as $term_id ) {
				$matched[] = $names[ $term_id ];
			}
			$out['hits'][] = $passages[ $passage_id ] + array(
				'score'   => $entry['score'],
				'matched' => $matched,
			);
		}
		return $out;
	}
}
