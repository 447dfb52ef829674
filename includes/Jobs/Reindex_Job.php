<?php
/**
 * Re-indexes posts in the background, in batches.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Jobs;

use HandoffBot\Contracts\Registrable;
use HandoffBot\Knowledge\Indexer;
use HandoffBot\Repositories\Storage_Exception;

defined( 'ABSPATH' ) || exit;

/**
 * A settings change can touch up to a thousand excluded posts, or every post of a dropped post
 * type: more than a request should re-index. Such changes are queued here in batches, as Action
 * Scheduler actions when the site has Action Scheduler, else as WP-Cron single events, so that
 * the save returns at once. Each batch brings its posts' passages up to date with the settings
 * of the moment it runs, so a batch that runs late, or twice, still leaves the index right.
 */
final class Reindex_Job implements Registrable {

	/**
	 * The action a batch runs on; its one argument is the list of post IDs.
	 */
	public const HOOK = 'handoff_bot_reindex_posts';

	/**
	 * Action Scheduler group of the plugin's actions.
	 */
	public const GROUP = 'handoff-bot';

	/**
	 * Posts per batch.
	 */
	public const BATCH = 50;

	/**
	 * Up to this many changed posts are re-indexed in the request itself, so that a small change
	 * shows at once.
	 */
	public const AT_ONCE = 20;

	/**
	 * The indexer.
	 *
	 * @var Indexer
	 */
	private Indexer $indexer;

	/**
	 * Builds the job.
	 *
	 * @param Indexer $indexer The indexer.
	 */
	public function __construct( Indexer $indexer ) {
		$this->indexer = $indexer;
	}

	/**
	 * {@inheritDoc}
	 */
	public function register(): void {
		add_action( self::HOOK, array( $this, 'run' ) );
	}

	/**
	 * Queues posts for re-indexing in batches.
	 *
	 * @param int[] $post_ids Posts.
	 * @return int Batches queued.
	 */
	public static function schedule( array $post_ids ): int {
		$batches = array_chunk( wp_parse_id_list( $post_ids ), self::BATCH );
		$queued  = 0;
		foreach ( $batches as $batch ) {
			$done = false;
			if ( function_exists( 'as_enqueue_async_action' ) ) {
				try {
					$done = (bool) as_enqueue_async_action( self::HOOK, array( $batch ), self::GROUP );
				} catch ( \Throwable $e ) {
					$done = false;
				}
			}
			if ( ! $done ) {
				$done = true === wp_schedule_single_event( time(), self::HOOK, array( $batch ), true );
			}
			$queued += $done ? 1 : 0;
		}
		if ( $queued < count( $batches ) ) {
			// The posts left out stay as they were: the Knowledge screen offers a rebuild.
			update_option(
				Indexer::ERROR_OPTION,
				array(
					'message' => __( 'Some posts could not be queued for re-indexing after the settings changed.', 'handoff-bot' ),
					'time'    => time(),
				),
				false
			);
		}
		return $queued;
	}

	/**
	 * Re-indexes one batch. A database failure is recorded for the Knowledge screen, which then
	 * offers a rebuild, as when saving a post fails to update the index.
	 *
	 * @param mixed $post_ids Post IDs.
	 */
	public function run( $post_ids ): void {
		try {
			$this->indexer->index_posts( wp_parse_id_list( is_array( $post_ids ) ? $post_ids : array() ) );
		} catch ( Storage_Exception $e ) {
			update_option(
				Indexer::ERROR_OPTION,
				array(
					'message' => $e->getMessage(),
					'time'    => time(),
				),
				false
			);
		}
	}
}
