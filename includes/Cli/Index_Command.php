<?php
/**
 * `wp handoff-bot index`
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Cli;

use HandoffBot\Knowledge\Indexer;
use HandoffBot\Repositories\Storage_Exception;
use WP_CLI;

defined( 'ABSPATH' ) || exit;

/**
 * Manages the knowledge index the chat answers from.
 */
final class Index_Command {

	/**
	 * Indexer.
	 *
	 * @var Indexer
	 */
	private Indexer $indexer;

	/**
	 * Builds the command.
	 *
	 * @param Indexer $indexer Indexer.
	 */
	public function __construct( Indexer $indexer ) {
		$this->indexer = $indexer;
	}

	/**
	 * Rebuilds the knowledge index from all published content of the chosen post types.
	 *
	 * ## OPTIONS
	 *
	 * [--batch=<size>]
	 * : Posts per batch.
	 * ---
	 * default: 100
	 * ---
	 *
	 * ## EXAMPLES
	 *
	 *     wp handoff-bot index
	 *
	 * @param string[]              $args       Positional arguments.
	 * @param array<string, string> $assoc_args Options.
	 */
	public function __invoke( array $args, array $assoc_args ): void {
		$batch   = max( 1, min( 1000, (int) ( $assoc_args['batch'] ?? 100 ) ) );
		$started = microtime( true );
		try {
			list( $done, $passages ) = $this->rebuild( $batch );
		} catch ( Storage_Exception $e ) {
			// The Knowledge screen shows it too: the index is now incomplete.
			$this->indexer->record_error( $e );
			WP_CLI::error(
				sprintf(
					/* translators: %s: the database's error message. */
					__( 'The index could not be written: %s The index is incomplete until a rebuild succeeds.', 'handoff-bot' ),
					rtrim( $e->getMessage(), '.' ) . '.'
				)
			);
			// WP_CLI::error() has exited already; this tells static analysis.
			return;
		}
		WP_CLI::success(
			sprintf(
				/* translators: 1: posts, 2: passages, 3: seconds. */
				__( 'Indexed %1$d posts into %2$d passages in %3$s s.', 'handoff-bot' ),
				$done,
				$passages,
				number_format( microtime( true ) - $started, 1 )
			)
		);
	}

	/**
	 * Rebuilds the index batch by batch, with a progress bar.
	 *
	 * @param int $batch Posts per batch.
	 * @return array{0: int, 1: int} Posts indexed and passages stored.
	 * @throws Storage_Exception When the database refuses a write.
	 */
	private function rebuild( int $batch ): array {
		$progress = WP_CLI\Utils\make_progress_bar( __( 'Indexing', 'handoff-bot' ), $this->indexer->count_indexable() );
		$offset   = 0;
		$passages = 0;
		do {
			$result    = $this->indexer->rebuild_batch( $offset, $batch );
			$passages += $result['passages'];
			// @phpstan-ignore method.notFound (make_progress_bar() returns WP_CLI\NoOp when the output is piped, which takes every call through __call(), which PHPStan does not follow in a union.)
			$progress->tick( $result['done'] - $offset );
			$offset = $result['next_offset'];
		} while ( ! $result['finished'] );
		// @phpstan-ignore method.notFound (WP_CLI\NoOp takes the call through __call(), as above.)
		$progress->finish();
		return array( $result['done'], $passages );
	}
}
