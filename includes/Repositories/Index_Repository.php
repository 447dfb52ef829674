<?php
/**
 * The knowledge index: passages, terms and postings.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Repositories;

defined( 'ABSPATH' ) || exit;

/**
 * Storage of the inverted index. Ranking arithmetic happens in SQL on doubles and is rounded, so
 * SQLite and MariaDB return the same order.
 *
 * @phpstan-type New_Passage array{heading_path: list<string>, anchor: string, content: string, terms: array<string, int>, length: int}
 * @phpstan-type Passage array{id: int, post_id: int, position: int, heading_path: list<string>, anchor: string, content: string, length: int}
 * @phpstan-type Posting array{term_id: int, passage_id: int, impact: float}
 * @phpstan-type Term_Posting array{term: string, term_id: int, df: int, passage_id: int, impact: float}
 * @phpstan-type Index_Stats array{passages: int, posts: int, total_length: int, terms: int, updated_at: string}
 */
final class Index_Repository extends Repository {

	/**
	 * Option caching passage count and total length, updated on every index change.
	 */
	public const STATS_OPTION = 'handoff_bot_index_stats';

	/**
	 * BM25 parameters. The average passage length is fixed, so that a posting's contribution does
	 * not change as the index grows and can be stored with it.
	 */
	public const K1    = 1.2;
	public const B     = 0.75;
	public const AVGDL = 64.0;

	/**
	 * How many of each term's best postings a question reads by default: this bounds a
	 * question's work whatever the size of the site.
	 */
	public const TOP_PER_TERM = 100;

	/**
	 * Term IDs seen during a batch, when remembering is on (see remember_terms()).
	 *
	 * @var array<string, int>
	 */
	private array $term_ids = array();

	/**
	 * Whether term IDs are remembered between posts.
	 *
	 * @var bool
	 */
	private bool $remember = false;

	/**
	 * How many of each term's best postings a question reads.
	 *
	 * @var int
	 */
	private int $top_per_term;

	/**
	 * Builds the repository.
	 *
	 * @param int $top_per_term How many of each term's best postings a question reads.
	 */
	public function __construct( int $top_per_term = self::TOP_PER_TERM ) {
		$this->top_per_term = max( 1, $top_per_term );
	}

	/**
	 * How many of each term's best postings a question reads: a term with that many in the read
	 * may have more.
	 */
	public function top_per_term(): int {
		return $this->top_per_term;
	}

	/**
	 * Remembers term IDs between posts for the length of a batch (a rebuild indexes many posts
	 * that share most of their words); turning it off forgets them.
	 *
	 * @param bool $on Whether to remember.
	 */
	public function remember_terms( bool $on ): void {
		$this->remember = $on;
		$this->term_ids = array();
	}

	/**
	 * Runs a batch of index writes in one transaction (far fewer disk syncs on SQLite).
	 *
	 * @template T
	 * @param callable(): T $work The writes.
	 * @return T What the work returns.
	 * @throws \Throwable What the work throws, after rolling back.
	 */
	public function in_transaction( callable $work ) {
		return $this->transaction( $work, true );
	}

	/**
	 * Removes a post's passages and their postings.
	 *
	 * @param int  $post_id   Post.
	 * @param bool $update_df Recount the document frequency of the affected terms.
	 */
	public function delete_post( int $post_id, bool $update_df = true ): void {
		$passages = $this->get_col( 'SELECT id FROM %i WHERE post_id = %d', $this->table( 'passages' ), $post_id );
		if ( ! $passages ) {
			return;
		}
		$passages = array_map( 'intval', $passages );
		$in       = $this->int_placeholders( count( $passages ) );
		$term_ids = $update_df ? array_map( 'intval', $this->get_col( "SELECT DISTINCT term_id FROM %i WHERE passage_id IN ($in)", $this->table( 'postings' ), ...$passages ) ) : array();
		$this->execute( "DELETE FROM %i WHERE passage_id IN ($in)", $this->table( 'postings' ), ...$passages );
		$this->execute( 'DELETE FROM %i WHERE post_id = %d', $this->table( 'passages' ), $post_id );
		if ( $term_ids ) {
			$this->recount_df( $term_ids );
		}
	}

	/**
	 * Stores a post's passages with their term frequencies.
	 *
	 * @param int                     $post_id   Post.
	 * @param array<int, New_Passage> $passages  Each: heading_path, anchor, content, terms (term => tf), length.
	 * @param bool                    $update_df Recount the document frequency of the affected terms.
	 * @throws Storage_Exception When the database refuses the rows.
	 */
	public function add_passages( int $post_id, array $passages, bool $update_df = true ): void {
		if ( ! $passages ) {
			return;
		}
		$all_terms = array();
		foreach ( $passages as $passage ) {
			foreach ( array_keys( $passage['terms'] ) as $term ) {
				$all_terms[ (string) $term ] = true;
			}
		}
		$term_ids = $this->ensure_terms( array_keys( $all_terms ) );

		// One statement for the passages, one to read their IDs back, then the postings in chunks.
		$values = array();
		$args   = array();
		foreach ( array_values( $passages ) as $position => $passage ) {
			$values[] = '(%d, %d, %s, %s, %s, %d)';
			array_push( $args, $post_id, $position, (string) wp_json_encode( array_values( $passage['heading_path'] ) ), (string) $passage['anchor'], (string) $passage['content'], (int) $passage['length'] );
		}
		$this->execute( 'INSERT INTO %i (post_id, position, heading_path, anchor, content, length) VALUES ' . implode( ', ', $values ), $this->table( 'passages' ), ...$args );
		$ids = array();
		foreach ( $this->get_rows( 'SELECT id, position FROM %i WHERE post_id = %d', $this->table( 'passages' ), $post_id ) as $row ) {
			$ids[ (int) $row['position'] ] = (int) $row['id'];
		}

		$rows    = array();
		$touched = array();
		foreach ( array_values( $passages ) as $position => $passage ) {
			foreach ( $passage['terms'] as $term => $tf ) {
				$term_id = $term_ids[ (string) $term ] ?? 0;
				if ( ! $term_id || ! isset( $ids[ $position ] ) ) {
					continue;
				}
				$tf                  = min( 65535, (int) $tf );
				$rows[]              = array( $term_id, $ids[ $position ], $tf, (int) $passage['length'], self::impact( $tf, (int) $passage['length'] ) );
				$touched[ $term_id ] = true;
			}
		}
		foreach ( array_chunk( $rows, 400 ) as $chunk ) {
			$this->execute( 'INSERT INTO %i (term_id, passage_id, tf, dl, impact) VALUES ' . implode( ', ', array_fill( 0, count( $chunk ), '(%d, %d, %d, %d, %f)' ) ), $this->table( 'postings' ), ...array_merge( ...$chunk ) );
		}
		if ( $update_df && $touched ) {
			$this->recount_df( array_keys( $touched ) );
		}
	}

	/**
	 * Term IDs for terms, creating the missing ones.
	 *
	 * @param string[] $terms Terms.
	 * @return array<string, int> term => ID.
	 */
	private function ensure_terms( array $terms ): array {
		$ids     = array();
		$missing = array();
		foreach ( $terms as $term ) {
			if ( isset( $this->term_ids[ $term ] ) ) {
				$ids[ $term ] = $this->term_ids[ $term ];
			} else {
				$missing[] = $term;
			}
		}
		foreach ( array_chunk( $missing, 500 ) as $chunk ) {
			$in     = $this->string_placeholders( count( $chunk ) );
			$ins    = implode( ', ', array_fill( 0, count( $chunk ), '(%s, 0)' ) );
			$wanted = array_fill_keys( array_map( 'strval', $chunk ), true );
			$this->execute( $this->insert_ignore() . " INTO %i (term, df) VALUES $ins", $this->table( 'terms' ), ...$chunk );
			foreach ( $this->get_rows( "SELECT id, term FROM %i WHERE term IN ($in)", $this->table( 'terms' ), ...$chunk ) as $row ) {
				// Only a row that holds the very term asked for: a database that folds accents or
				// case would answer `cafe` with the row of `café`, and file one word's postings
				// under another.
				$term = (string) $row['term'];
				if ( ! isset( $wanted[ $term ] ) ) {
					continue;
				}
				$ids[ $term ] = (int) $row['id'];
				if ( $this->remember ) {
					$this->term_ids[ $term ] = (int) $row['id'];
				}
			}
		}
		return $ids;
	}

	/**
	 * Recounts the document frequency of some terms (or all, with null).
	 *
	 * @param int[]|null $term_ids Terms, or null for every term.
	 */
	public function recount_df( ?array $term_ids = null ): void {
		$terms    = $this->table( 'terms' );
		$postings = $this->table( 'postings' );
		if ( null === $term_ids ) {
			$this->term_ids = array();
			$this->execute( 'UPDATE %i SET df = (SELECT COUNT(*) FROM %i p WHERE p.term_id = %i.id)', $terms, $postings, $terms );
			$this->execute( 'DELETE FROM %i WHERE df = 0', $terms );
			return;
		}
		foreach ( array_chunk( $term_ids, 500 ) as $chunk ) {
			$in = $this->int_placeholders( count( $chunk ) );
			$this->execute( "UPDATE %i SET df = (SELECT COUNT(*) FROM %i p WHERE p.term_id = %i.id) WHERE id IN ($in)", $terms, $postings, $terms, ...$chunk );
		}
	}

	/**
	 * Empties the index.
	 */
	public function clear(): void {
		$this->term_ids = array();
		foreach ( array( 'postings', 'passages', 'terms' ) as $short ) {
			$this->execute( 'DELETE FROM %i', $this->table( $short ) );
		}
		$this->refresh_stats();
	}

	/**
	 * Recomputes the cached statistics (passages, posts, total length, terms).
	 *
	 * @return Index_Stats
	 */
	public function refresh_stats(): array {
		$row   = $this->get_row( 'SELECT COUNT(*) AS passages, COUNT(DISTINCT post_id) AS posts, COALESCE(SUM(length), 0) AS total_length FROM %i', $this->table( 'passages' ) );
		$terms = (int) $this->get_var( 'SELECT COUNT(*) FROM %i', $this->table( 'terms' ) );
		$stats = array(
			'passages'     => (int) ( $row['passages'] ?? 0 ),
			'posts'        => (int) ( $row['posts'] ?? 0 ),
			'total_length' => (int) ( $row['total_length'] ?? 0 ),
			'terms'        => $terms,
			'updated_at'   => gmdate( 'c' ),
		);
		update_option( self::STATS_OPTION, $stats, true );
		return $stats;
	}

	/**
	 * The cached statistics.
	 *
	 * @return Index_Stats
	 */
	public function stats(): array {
		$stats = get_option( self::STATS_OPTION );
		if ( ! is_array( $stats ) ) {
			$stats = $this->refresh_stats();
		}
		return array(
			'passages'     => (int) ( $stats['passages'] ?? 0 ),
			'posts'        => (int) ( $stats['posts'] ?? 0 ),
			'total_length' => (int) ( $stats['total_length'] ?? 0 ),
			'terms'        => (int) ( $stats['terms'] ?? 0 ),
			'updated_at'   => (string) ( $stats['updated_at'] ?? '' ),
		);
	}

	/**
	 * A posting's BM25 term-frequency factor: tf·(k1+1) / (tf + k1·(1 − b + b·dl/avgdl)).
	 *
	 * @param int $tf Term frequency in the passage.
	 * @param int $dl Passage length in terms.
	 */
	public static function impact( int $tf, int $dl ): float {
		return round( $tf * ( self::K1 + 1 ) / ( $tf + self::K1 * ( 1 - self::B + self::B * $dl / self::AVGDL ) ), 6 );
	}

	/**
	 * The best postings of each term, best first, with the term's document frequency.
	 *
	 * Reads at most top_per_term() postings per term from the (term, impact, passage) index, in one
	 * statement, so the work does not grow with the size of the site.
	 *
	 * @param string[] $terms Terms.
	 * @return list<Term_Posting>
	 */
	public function top_postings( array $terms ): array {
		if ( ! $terms ) {
			return array();
		}
		$terms = array_values( array_map( 'strval', $terms ) );
		$parts = array();
		$args  = array();
		foreach ( $terms as $i => $term ) {
			// Each row says which of the asked terms it answers (q), so that the term handed back is
			// the one asked for, as the caller spelled it, whatever the database compared equal.
			$parts[] = "SELECT * FROM (SELECT %d AS q, t.df, p.term_id, p.passage_id, p.impact FROM %i p INNER JOIN %i t ON t.id = p.term_id WHERE t.term = %s ORDER BY p.impact DESC, p.passage_id DESC LIMIT %d) AS q{$i}";
			array_push( $args, $i, $this->table( 'postings' ), $this->table( 'terms' ), $term, $this->top_per_term );
		}
		$out = array();
		foreach ( $this->get_rows( implode( ' UNION ALL ', $parts ), ...$args ) as $row ) {
			if ( ! isset( $terms[ (int) $row['q'] ] ) ) {
				continue;
			}
			$out[] = array(
				'term'       => $terms[ (int) $row['q'] ],
				'term_id'    => (int) $row['term_id'],
				'df'         => (int) $row['df'],
				'passage_id' => (int) $row['passage_id'],
				'impact'     => (float) $row['impact'],
			);
		}
		return $out;
	}

	/**
	 * All postings of some terms in some passages (to rescore candidates exactly).
	 *
	 * @param int[] $term_ids    Terms.
	 * @param int[] $passage_ids Passages.
	 * @return list<Posting>
	 */
	public function postings_for( array $term_ids, array $passage_ids ): array {
		if ( ! $term_ids || ! $passage_ids ) {
			return array();
		}
		// Read from the (passage, term, impact) index alone: a few entries per passage.
		$rows = $this->get_rows( 'SELECT term_id, passage_id, impact FROM %i WHERE term_id IN (' . $this->int_placeholders( count( $term_ids ) ) . ') AND passage_id IN (' . $this->int_placeholders( count( $passage_ids ) ) . ')', $this->table( 'postings' ), ...array_merge( array_map( 'intval', $term_ids ), array_map( 'intval', $passage_ids ) ) );
		$out  = array();
		foreach ( $rows as $row ) {
			$out[] = array(
				'term_id'    => (int) $row['term_id'],
				'passage_id' => (int) $row['passage_id'],
				'impact'     => (float) $row['impact'],
			);
		}
		return $out;
	}

	/**
	 * Passages with their post's title and link.
	 *
	 * @param int[] $ids Passage IDs.
	 * @return array<int, Passage> passage_id => passage.
	 */
	public function passages( array $ids ): array {
		if ( ! $ids ) {
			return array();
		}
		$in   = $this->int_placeholders( count( $ids ) );
		$rows = $this->get_rows( "SELECT id, post_id, position, heading_path, anchor, content, length FROM %i WHERE id IN ($in)", $this->table( 'passages' ), ...array_map( 'intval', $ids ) );
		$out  = array();
		foreach ( $rows as $row ) {
			$path                    = json_decode( (string) $row['heading_path'], true );
			$path                    = is_array( $path ) ? array_values( array_map( 'strval', $path ) ) : array();
			$out[ (int) $row['id'] ] = array(
				'id'           => (int) $row['id'],
				'post_id'      => (int) $row['post_id'],
				'position'     => (int) $row['position'],
				'heading_path' => $path,
				'anchor'       => (string) $row['anchor'],
				'content'      => (string) $row['content'],
				'length'       => (int) $row['length'],
			);
		}
		return $out;
	}

	/**
	 * Loads posts into the object cache in one statement, so that building citations (title,
	 * link, status) reads no post row one by one.
	 *
	 * @param int[] $post_ids Posts.
	 */
	public function prime_posts( array $post_ids ): void {
		global $wpdb;
		$missing = _get_non_cached_ids( array_map( 'intval', $post_ids ), 'posts' );
		if ( ! $missing ) {
			return;
		}
		$rows  = $this->get_rows( 'SELECT * FROM %i WHERE ID IN (' . $this->int_placeholders( count( $missing ) ) . ')', $wpdb->posts, ...$missing );
		$posts = array_map(
			static function ( array $row ): \WP_Post {
				return new \WP_Post( (object) $row );
			},
			$rows
		);
		update_post_cache( $posts );
	}

	/**
	 * IDs of the posts in the index.
	 *
	 * @return list<int>
	 */
	public function indexed_post_ids(): array {
		return array_values( array_map( 'intval', $this->get_col( 'SELECT DISTINCT post_id FROM %i', $this->table( 'passages' ) ) ) );
	}

	/**
	 * The document frequency of the terms the index has.
	 *
	 * @param string[] $terms Terms.
	 * @return array<string, int> term => passages that contain it (as the database spells it).
	 */
	public function document_frequencies( array $terms ): array {
		$out = array();
		foreach ( array_chunk( array_values( $terms ), 500 ) as $chunk ) {
			$rows = $this->get_rows( 'SELECT term, df FROM %i WHERE term IN (' . $this->string_placeholders( count( $chunk ) ) . ')', $this->table( 'terms' ), ...$chunk );
			foreach ( $rows as $row ) {
				$out[ (string) $row['term'] ] = (int) $row['df'];
			}
		}
		return $out;
	}
}
