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
 */
final class Index_Repository extends Repository {

	/**
	 * Option caching passage count and total length, updated on every index change.
	 */
	public const STATS_OPTION = 'handoff_bot_index_stats';

	/**
	 * Removes a post's passages and their postings.
	 *
	 * @param int  $post_id   Post.
	 * @param bool $update_df Recount the document frequency of the affected terms.
	 */
	public function delete_post( int $post_id, bool $update_df = true ): void {
		global $wpdb;
		$passages = $wpdb->get_col( $wpdb->prepare( 'SELECT id FROM %i WHERE post_id = %d', $this->table( 'passages' ), $post_id ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- index maintenance.
		if ( ! $passages ) {
			return;
		}
		$passages = array_map( 'intval', $passages );
		$in       = $this->int_placeholders( count( $passages ) );
		$term_ids = $update_df ? array_map( 'intval', $wpdb->get_col( $wpdb->prepare( "SELECT DISTINCT term_id FROM %i WHERE passage_id IN ($in)", $this->table( 'postings' ), ...$passages ) ) ) : array(); // phpcs:ignore WordPress.DB.DirectDatabaseQuery,WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- $in is only placeholders.
		$wpdb->query( $wpdb->prepare( "DELETE FROM %i WHERE passage_id IN ($in)", $this->table( 'postings' ), ...$passages ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery,WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- $in is only placeholders.
		$wpdb->query( $wpdb->prepare( 'DELETE FROM %i WHERE post_id = %d', $this->table( 'passages' ), $post_id ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- index maintenance.
		if ( $term_ids ) {
			$this->recount_df( $term_ids );
		}
	}

	/**
	 * Stores a post's passages with their term frequencies.
	 *
	 * @param int                              $post_id   Post.
	 * @param array<int, array<string, mixed>> $passages  Each: heading_path (string[]), anchor, content, terms (term => tf), length.
	 * @param bool                             $update_df Recount the document frequency of the affected terms.
	 * @throws Storage_Exception When the database refuses the rows.
	 */
	public function add_passages( int $post_id, array $passages, bool $update_df = true ): void {
		global $wpdb;
		$all_terms = array();
		foreach ( $passages as $passage ) {
			foreach ( array_keys( $passage['terms'] ) as $term ) {
				$all_terms[ (string) $term ] = true;
			}
		}
		$term_ids = $this->ensure_terms( array_keys( $all_terms ) );
		$touched  = array();
		foreach ( $passages as $position => $passage ) {
			$passage_id = $this->insert(
				'passages',
				array(
					'post_id'      => $post_id,
					'position'     => $position,
					'heading_path' => (string) wp_json_encode( array_values( $passage['heading_path'] ) ),
					'anchor'       => (string) $passage['anchor'],
					'content'      => (string) $passage['content'],
					'length'       => (int) $passage['length'],
				)
			);
			$values     = array();
			$args       = array();
			foreach ( $passage['terms'] as $term => $tf ) {
				$term_id = $term_ids[ (string) $term ] ?? 0;
				if ( ! $term_id ) {
					continue;
				}
				$values[]            = '(%d, %d, %d, %d)';
				$args[]              = $term_id;
				$args[]              = $passage_id;
				$args[]              = min( 65535, (int) $tf );
				$args[]              = (int) $passage['length'];
				$touched[ $term_id ] = true;
			}
			if ( $values ) {
				$ok = $wpdb->query( $wpdb->prepare( 'INSERT INTO %i (term_id, passage_id, tf, dl) VALUES ' . implode( ', ', $values ), $this->table( 'postings' ), ...$args ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery,WordPress.DB.PreparedSQL.NotPrepared -- the VALUES list is only placeholders.
				if ( false === $ok ) {
					throw new Storage_Exception( (string) $wpdb->last_error );
				}
			}
		}//end foreach
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
		global $wpdb;
		$ids = array();
		foreach ( array_chunk( $terms, 500 ) as $chunk ) {
			$in  = $this->string_placeholders( count( $chunk ) );
			$ins = implode( ', ', array_fill( 0, count( $chunk ), '(%s, 0)' ) );
			$wpdb->query( $wpdb->prepare( "INSERT IGNORE INTO %i (term, df) VALUES $ins", $this->table( 'terms' ), ...$chunk ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery,WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- $ins is only placeholders.
			$rows = $wpdb->get_results( $wpdb->prepare( "SELECT id, term FROM %i WHERE term IN ($in)", $this->table( 'terms' ), ...$chunk ), ARRAY_A ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery,WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- $in is only placeholders.
			foreach ( (array) $rows as $row ) {
				$ids[ (string) $row['term'] ] = (int) $row['id'];
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
		global $wpdb;
		$terms    = $this->table( 'terms' );
		$postings = $this->table( 'postings' );
		if ( null === $term_ids ) {
			$wpdb->query( $wpdb->prepare( 'UPDATE %i SET df = (SELECT COUNT(*) FROM %i p WHERE p.term_id = %i.id)', $terms, $postings, $terms ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- index maintenance.
			$wpdb->query( $wpdb->prepare( 'DELETE FROM %i WHERE df = 0', $terms ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- index maintenance.
			return;
		}
		foreach ( array_chunk( $term_ids, 500 ) as $chunk ) {
			$in = $this->int_placeholders( count( $chunk ) );
			$wpdb->query( $wpdb->prepare( "UPDATE %i SET df = (SELECT COUNT(*) FROM %i p WHERE p.term_id = %i.id) WHERE id IN ($in)", $terms, $postings, $terms, ...$chunk ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery,WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- $in is only placeholders.
		}
	}

	/**
	 * Empties the index.
	 */
	public function clear(): void {
		global $wpdb;
		foreach ( array( 'postings', 'passages', 'terms' ) as $short ) {
			$wpdb->query( $wpdb->prepare( 'DELETE FROM %i', $this->table( $short ) ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- index maintenance.
		}
		$this->refresh_stats();
	}

	/**
	 * Recomputes the cached statistics (passages, posts, total length, terms).
	 *
	 * @return array<string, int|string>
	 */
	public function refresh_stats(): array {
		global $wpdb;
		$row   = $wpdb->get_row( $wpdb->prepare( 'SELECT COUNT(*) AS passages, COUNT(DISTINCT post_id) AS posts, COALESCE(SUM(length), 0) AS total_length FROM %i', $this->table( 'passages' ) ), ARRAY_A ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- computes the cache.
		$terms = (int) $wpdb->get_var( $wpdb->prepare( 'SELECT COUNT(*) FROM %i', $this->table( 'terms' ) ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- computes the cache.
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
	 * @return array{passages: int, posts: int, total_length: int, terms: int, updated_at: string}
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
	 * Document frequencies of terms that exist in the index.
	 *
	 * @param string[] $terms Terms.
	 * @return array<string, array{id: int, df: int}>
	 */
	public function lookup_terms( array $terms ): array {
		global $wpdb;
		if ( ! $terms ) {
			return array();
		}
		$in   = $this->string_placeholders( count( $terms ) );
		$rows = $wpdb->get_results( $wpdb->prepare( "SELECT id, term, df FROM %i WHERE term IN ($in)", $this->table( 'terms' ), ...$terms ), ARRAY_A ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery,WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- $in is only placeholders.
		$out  = array();
		foreach ( (array) $rows as $row ) {
			$out[ (string) $row['term'] ] = array(
				'id' => (int) $row['id'],
				'df' => (int) $row['df'],
			);
		}
		return $out;
	}

	/**
	 * The best passages by BM25 for weighted terms.
	 *
	 * @param array<int, float> $idf   term_id => inverse document frequency.
	 * @param float             $avgdl Average passage length.
	 * @param int               $limit How many passages.
	 * @param float             $k1    BM25 k1.
	 * @param float             $b     BM25 b.
	 * @return array<int, float> passage_id => score, best first.
	 */
	public function rank( array $idf, float $avgdl, int $limit, float $k1 = 1.2, float $b = 0.75 ): array {
		global $wpdb;
		if ( ! $idf ) {
			return array();
		}
		$in      = $this->int_placeholders( count( $idf ) );
		$norm    = sprintf( '%.12e', $k1 * ( 1 - $b ) );
		$slope   = sprintf( '%.12e', $k1 * $b / max( 1.0, $avgdl ) );
		$k1_plus = sprintf( '%.12e', $k1 + 1 );
		$case    = 'CASE term_id';
		foreach ( $idf as $term_id => $weight ) {
			$case .= ' WHEN ' . (int) $term_id . ' THEN ' . sprintf( '%.12e', (float) $weight );
		}
		$case .= ' ELSE 0 END';
		$sql   = "SELECT passage_id, ROUND(SUM(({$case}) * (tf * {$k1_plus}) / (tf + {$norm} + {$slope} * dl)), 6) AS score FROM %i WHERE term_id IN ($in) GROUP BY passage_id ORDER BY score DESC, passage_id ASC LIMIT %d";
		$rows  = $wpdb->get_results( $wpdb->prepare( $sql, $this->table( 'postings' ), ...array_merge( array_map( 'intval', array_keys( $idf ) ), array( $limit ) ) ), ARRAY_A ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery,WordPress.DB.PreparedSQL.NotPrepared -- numbers are formatted by sprintf and cast; the rest are placeholders.
		$out   = array();
		foreach ( (array) $rows as $row ) {
			$out[ (int) $row['passage_id'] ] = (float) $row['score'];
		}
		return $out;
	}

	/**
	 * Passages with their post's title and link.
	 *
	 * @param int[] $ids Passage IDs.
	 * @return array<int, array<string, mixed>> passage_id => passage.
	 */
	public function passages( array $ids ): array {
		global $wpdb;
		if ( ! $ids ) {
			return array();
		}
		$in   = $this->int_placeholders( count( $ids ) );
		$rows = $wpdb->get_results( $wpdb->prepare( "SELECT id, post_id, position, heading_path, anchor, content, length FROM %i WHERE id IN ($in)", $this->table( 'passages' ), ...array_map( 'intval', $ids ) ), ARRAY_A ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery,WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- $in is only placeholders.
		$out  = array();
		foreach ( (array) $rows as $row ) {
			$path                    = json_decode( (string) $row['heading_path'], true );
			$out[ (int) $row['id'] ] = array(
				'id'           => (int) $row['id'],
				'post_id'      => (int) $row['post_id'],
				'position'     => (int) $row['position'],
				'heading_path' => is_array( $path ) ? $path : array(),
				'anchor'       => (string) $row['anchor'],
				'content'      => (string) $row['content'],
				'length'       => (int) $row['length'],
			);
		}
		return $out;
	}

	/**
	 * Terms of a passage (used to judge agreement between passages).
	 *
	 * @param int[] $passage_ids Passages.
	 * @return array<int, int[]> passage_id => term IDs.
	 */
	public function passage_terms( array $passage_ids ): array {
		global $wpdb;
		if ( ! $passage_ids ) {
			return array();
		}
		$in   = $this->int_placeholders( count( $passage_ids ) );
		$rows = $wpdb->get_results( $wpdb->prepare( "SELECT passage_id, term_id FROM %i WHERE passage_id IN ($in)", $this->table( 'postings' ), ...array_map( 'intval', $passage_ids ) ), ARRAY_A ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery,WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- $in is only placeholders.
		$out  = array();
		foreach ( (array) $rows as $row ) {
			$out[ (int) $row['passage_id'] ][] = (int) $row['term_id'];
		}
		return $out;
	}

	/**
	 * IDs of the posts in the index.
	 *
	 * @return int[]
	 */
	public function indexed_post_ids(): array {
		global $wpdb;
		return array_map( 'intval', $wpdb->get_col( $wpdb->prepare( 'SELECT DISTINCT post_id FROM %i', $this->table( 'passages' ) ) ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- index state.
	}
}
