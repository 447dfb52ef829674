<?php
/**
 * Keeps the knowledge index in step with published content.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Knowledge;

use HandoffBot\Contracts\Registrable;
use HandoffBot\Jobs\Reindex_Job;
use HandoffBot\Repositories\Index_Repository;
use HandoffBot\Repositories\Storage_Exception;
use HandoffBot\Settings;
use WP_Post;
use WP_Query;

defined( 'ABSPATH' ) || exit;

/**
 * Indexes published, public, password-free posts of the chosen types, minus excluded posts, as
 * an anonymous visitor sees them. Saves, status changes (publish, draft, private, trash),
 * password changes and deletions update the index at once; a full rebuild runs in batches from
 * wp-admin or WP-CLI.
 *
 * @phpstan-import-type New_Passage from Index_Repository
 */
final class Indexer implements Registrable {

	/**
	 * Option holding the last failed index update (message and time) until a rebuild succeeds.
	 */
	public const ERROR_OPTION = 'handoff_bot_index_error';

	/**
	 * Settings.
	 *
	 * @var Settings
	 */
	private Settings $settings;

	/**
	 * Splitter.
	 *
	 * @var Passage_Splitter
	 */
	private Passage_Splitter $splitter;

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
	 * Builds the indexer.
	 *
	 * @param Settings         $settings  Settings.
	 * @param Passage_Splitter $splitter  Splitter.
	 * @param Tokenizer        $tokenizer Tokenizer.
	 * @param Index_Repository $index     Index storage.
	 */
	public function __construct( Settings $settings, Passage_Splitter $splitter, Tokenizer $tokenizer, Index_Repository $index ) {
		$this->settings  = $settings;
		$this->splitter  = $splitter;
		$this->tokenizer = $tokenizer;
		$this->index     = $index;
	}

	/**
	 * {@inheritDoc}
	 */
	public function register(): void {
		add_action( 'wp_after_insert_post', array( $this, 'on_save' ), 20, 2 );
		add_action( 'before_delete_post', array( $this, 'on_delete' ) );
		add_action( 'update_option_' . Settings::OPTION, array( $this, 'on_settings_change' ), 10, 2 );
		add_action(
			'add_option_' . Settings::OPTION,
			function ( $option, $value ): void {
				$this->on_settings_change( array(), $value );
			},
			10,
			2
		);
	}

	/**
	 * Re-indexes a post after it was saved (any status change included).
	 *
	 * @param int     $post_id Post ID.
	 * @param WP_Post $post    Post.
	 */
	public function on_save( $post_id, $post ): void {
		if ( ! $post instanceof WP_Post || wp_is_post_revision( $post ) || wp_is_post_autosave( $post ) ) {
			return;
		}
		/**
		 * Whether saving a post updates the knowledge index right away. Bulk imports may turn it
		 * off and rebuild the index afterwards.
		 *
		 * @since 0.1.0
		 *
		 * @param bool    $enabled Default true.
		 * @param WP_Post $post    The saved post.
		 */
		if ( ! apply_filters( 'handoff_bot_index_on_save', true, $post ) ) {
			return;
		}
		$this->safely(
			function () use ( $post_id ): void {
				$this->index_post( (int) $post_id );
			}
		);
	}

	/**
	 * Removes a post that is being deleted.
	 *
	 * @param int $post_id Post ID.
	 */
	public function on_delete( $post_id ): void {
		$this->safely(
			function () use ( $post_id ): void {
				$this->index->delete_post( (int) $post_id );
				$this->index->refresh_stats();
			}
		);
	}

	/**
	 * Runs an index update from a hook: a database failure must not break saving the post. The
	 * failure is kept in an option, which the Knowledge screen shows with a rebuild button.
	 *
	 * @param callable $work The update.
	 */
	private function safely( callable $work ): void {
		try {
			$work();
		} catch ( Storage_Exception $e ) {
			$this->record_error( $e );
		}
	}

	/**
	 * Keeps a failed index update (the database's message and the time) for the Knowledge screen,
	 * which shows it with a rebuild button until a full rebuild succeeds.
	 *
	 * @param Storage_Exception $e The failure.
	 */
	public function record_error( Storage_Exception $e ): void {
		update_option(
			self::ERROR_OPTION,
			array(
				'message' => $e->getMessage(),
				'time'    => time(),
			),
			false
		);
	}

	/**
	 * Applies changes to the excluded posts and post types. A few changed posts are re-indexed
	 * at once; more (up to a thousand excluded posts, or every indexed post of a dropped post
	 * type) are queued in background batches, so that saving the settings returns at once.
	 *
	 * @param mixed $old_value Previous settings.
	 * @param mixed $new_value New settings.
	 */
	public function on_settings_change( $old_value, $new_value ): void {
		// Before the first save there is no stored option: the defaults were in force.
		$old           = is_array( $old_value ) && $old_value ? $old_value : $this->settings->defaults();
		$new           = is_array( $new_value ) ? $new_value : array();
		$before        = wp_parse_id_list( (array) ( $old['excluded_posts'] ?? array() ) );
		$after         = wp_parse_id_list( (array) ( $new['excluded_posts'] ?? array() ) );
		$changed       = array_merge( array_diff( $after, $before ), array_diff( $before, $after ) );
		$removed_types = array_values( array_diff( (array) ( $old['post_types'] ?? array() ), (array) ( $new['post_types'] ?? array() ) ) );
		$this->safely(
			function () use ( $changed, $removed_types ): void {
				if ( $removed_types ) {
					$changed = array_merge( $changed, $this->indexed_posts_of_types( $removed_types ) );
				}
				$changed = array_values( array_unique( $changed ) );
				if ( count( $changed ) > Reindex_Job::AT_ONCE ) {
					Reindex_Job::schedule( $changed );
					return;
				}
				foreach ( $changed as $post_id ) {
					$this->index_post( $post_id );
				}
			}
		);
	}

	/**
	 * Whether a post belongs in the index.
	 *
	 * @param WP_Post $post Post.
	 */
	public function is_indexable( WP_Post $post ): bool {
		$settings = $this->settings->all();
		if ( 'publish' !== $post->post_status
			|| '' !== (string) $post->post_password
			|| ! in_array( $post->post_type, (array) $settings['post_types'], true )
			|| in_array( (int) $post->ID, (array) $settings['excluded_posts'], true ) ) {
			return false;
		}
		/**
		 * Whether a published post belongs in the knowledge index. Anything indexed may be quoted
		 * to any visitor, so membership and access-control plugins return false for posts that
		 * only some visitors may read. Called as an anonymous visitor (user 0), whoever saved the
		 * post or rebuilt the index; only posts that pass the plugin's own checks (published,
		 * password-free, of a chosen type, not excluded) reach it.
		 *
		 * @since 0.2.0
		 *
		 * @param bool    $indexable Default true.
		 * @param WP_Post $post      The post.
		 */
		return (bool) apply_filters( 'handoff_bot_is_indexable', true, $post );
	}

	/**
	 * Brings one post's passages up to date: indexes it, or removes it when it no longer belongs.
	 *
	 * @param int  $post_id   Post ID.
	 * @param bool $update_df Recount term frequencies now (a batch rebuild recounts once at the end).
	 * @return int Passages stored.
	 */
	public function index_post( int $post_id, bool $update_df = true ): int {
		$count = $this->write_post( $post_id, $update_df );
		if ( $update_df ) {
			$this->index->refresh_stats();
		}
		return $count;
	}

	/**
	 * Brings several posts up to date in one transaction, with the statistics refreshed once.
	 *
	 * @param int[] $post_ids Posts.
	 * @return int Passages stored.
	 */
	public function index_posts( array $post_ids ): int {
		_prime_post_caches( wp_parse_id_list( $post_ids ), false, true );
		$count = (int) $this->index->in_transaction(
			function () use ( $post_ids ): int {
				$count = 0;
				foreach ( wp_parse_id_list( $post_ids ) as $post_id ) {
					$count += $this->write_post( $post_id, true );
				}
				return $count;
			}
		);
		$this->index->refresh_stats();
		return $count;
	}

	/**
	 * Replaces a post's passages (or removes them when it no longer belongs).
	 *
	 * @param int  $post_id   Post ID.
	 * @param bool $update_df Recount the document frequency of the terms it touches.
	 * @return int Passages stored.
	 */
	private function write_post( int $post_id, bool $update_df ): int {
		$passages = $this->as_visitor(
			function () use ( $post_id ): ?array {
				$post = get_post( $post_id );
				return $post instanceof WP_Post && $this->is_indexable( $post ) ? $this->passages( $post ) : null;
			}
		);
		$this->index->delete_post( $post_id, $update_df );
		if ( $passages ) {
			$this->index->add_passages( $post_id, $passages, $update_df );
		}
		return $passages ? count( $passages ) : 0;
	}

	/**
	 * A post's passages with their terms, ready to store.
	 *
	 * @param WP_Post $post Post.
	 * @return list<New_Passage>
	 */
	private function passages( WP_Post $post ): array {
		$passages = array();
		foreach ( $this->splitter->split( $post ) as $passage ) {
			// The passage's own heading counts twice: it says what the passage is about.
			$heading = (string) end( $passage['heading_path'] );
			$terms   = $this->tokenizer->terms( implode( ' ', $passage['heading_path'] ) . "\n" . $heading . "\n" . $passage['content'] );
			if ( ! $terms ) {
				continue;
			}
			$passage['terms']  = array_count_values( $terms );
			$passage['length'] = count( $terms );
			$passages[]        = $passage;
		}
		return $passages;
	}

	/**
	 * Runs work as an anonymous visitor (user 0), whoever triggered it: the index holds what
	 * anyone may be quoted, so blocks and filters that show more to logged-in users must show
	 * their public version. The current user is restored afterwards, even when the work throws.
	 *
	 * @template T
	 * @param callable(): T $work The work.
	 * @return T What the work returns.
	 */
	private function as_visitor( callable $work ) {
		$user = get_current_user_id();
		wp_set_current_user( 0 );
		try {
			return $work();
		} finally {
			wp_set_current_user( $user );
		}
	}

	/**
	 * How many posts are indexable now.
	 */
	public function count_indexable(): int {
		$query = new WP_Query( array_merge( $this->query_args( 0, 1 ), array( 'no_found_rows' => false ) ) );
		return (int) $query->found_posts;
	}

	/**
	 * Re-indexes the next batch of indexable posts. Offset 0 empties the index first.
	 *
	 * @param int $offset Posts already done.
	 * @param int $batch  Posts to do now.
	 * @return array{done: int, total: int, next_offset: int, finished: bool, passages: int}
	 */
	public function rebuild_batch( int $offset, int $batch ): array {
		if ( 0 === $offset ) {
			$this->index->clear();
		}
		$total    = $this->count_indexable();
		$ids      = wp_parse_id_list( (array) ( new WP_Query( $this->query_args( $offset, $batch ) ) )->posts );
		$passages = 0;
		// The batch's posts and their meta (which rendering reads) in two statements, not two a post.
		_prime_post_caches( $ids, false, true );
		$this->index->remember_terms( true );
		try {
			$passages = (int) $this->index->in_transaction(
				function () use ( $ids ): int {
					$count = 0;
					foreach ( $ids as $post_id ) {
						$count += $this->index_post( $post_id, false );
					}
					return $count;
				}
			);
		} finally {
			$this->index->remember_terms( false );
		}
		$next     = $offset + count( $ids );
		$finished = count( $ids ) < $batch || $next >= $total;
		if ( $finished ) {
			$this->index->recount_df();
			delete_option( self::ERROR_OPTION );
		}
		$this->index->refresh_stats();
		return array(
			'done'        => $next,
			'total'       => $total,
			'next_offset' => $next,
			'finished'    => $finished,
			'passages'    => $passages,
		);
	}

	/**
	 * Query arguments for indexable posts in ID order.
	 *
	 * @param int $offset Offset.
	 * @param int $limit  Limit.
	 * @return array<string, mixed>
	 */
	private function query_args( int $offset, int $limit ): array {
		$settings = $this->settings->all();
		return array(
			'post_type'              => (array) $settings['post_types'],
			'post_status'            => 'publish',
			'has_password'           => false,
			'post__not_in'           => (array) $settings['excluded_posts'], // phpcs:ignore WordPressVIPMinimum.Performance.WPQueryParams.PostNotIn_post__not_in -- a short admin-chosen list.
			'orderby'                => 'ID',
			'order'                  => 'ASC',
			'fields'                 => 'ids',
			'offset'                 => $offset,
			'posts_per_page'         => $limit,
			'no_found_rows'          => true,
			'suppress_filters'       => true,
			'update_post_meta_cache' => false,
			'update_post_term_cache' => false,
		);
	}

	/**
	 * The indexed posts of some post types, in one query.
	 *
	 * @param string[] $types Post types.
	 * @return int[]
	 */
	private function indexed_posts_of_types( array $types ): array {
		$indexed = $this->index->indexed_post_ids();
		if ( ! $indexed ) {
			return array();
		}
		$query = new WP_Query(
			array(
				'post_type'              => $types,
				'post_status'            => 'any',
				'post__in'               => $indexed,
				'fields'                 => 'ids',
				'posts_per_page'         => count( $indexed ), // phpcs:ignore WordPress.WP.PostsPerPage.posts_per_page_posts_per_page -- IDs only, and no more than the index holds.
				'no_found_rows'          => true,
				'suppress_filters'       => true,
				'update_post_meta_cache' => false,
				'update_post_term_cache' => false,
			)
		);
		return wp_parse_id_list( (array) $query->posts );
	}
}
