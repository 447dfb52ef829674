<?php
/**
 * `wp handoff-bot index` on a database that refuses writes.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Cli;

use HandoffBot\Knowledge\Indexer;
use HandoffBot\Plugin;
use HandoffBot\Tests\Integration\Index_Failure_Test_Case;

/**
 * The command runs in another process, so this test commits its post and its trigger, and
 * removes them afterwards.
 */
final class Index_Command_Failure_Test extends Index_Failure_Test_Case {

	/**
	 * Rebuilds the index, which the command left half written.
	 */
	protected function after_cleanup(): void {
		wp_cache_flush();
		Plugin::boot()->indexer()->rebuild_batch( 0, 1000 );
	}

	/**
	 * A clear `Error:` line and a non-zero exit, not an uncaught exception; the Knowledge screen
	 * shows the failure too.
	 */
	public function test_storage_failure_is_a_clear_error(): void {
		$wp = dirname( __DIR__, 4 ) . '/vendor/wp-cli/wp-cli/php/boot-fs.php';
		if ( ! is_file( $wp ) ) {
			$this->markTestSkipped( 'WP-CLI is installed by `composer install`.' );
		}
		add_filter( 'handoff_bot_index_on_save', '__return_false' );
		$this->post_id = $this->create_post( array( 'post_content' => '<p>Axolotl care notes for the command line.</p>' ) );
		remove_filter( 'handoff_bot_index_on_save', '__return_false' );
		delete_option( Indexer::ERROR_OPTION );
		$this->refuse_inserts( 'passages', true );

		$command = sprintf(
			'%s -d error_reporting=%d %s --allow-root --path=%s handoff-bot index 2>&1',
			escapeshellarg( PHP_BINARY ),
			E_ALL & ~E_DEPRECATED,
			escapeshellarg( $wp ),
			escapeshellarg( ABSPATH )
		);
		exec( $command, $output, $status ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.system_calls_exec -- runs the real WP-CLI.
		$text = implode( "\n", $output );

		$this->assertNotSame( 0, $status, $text );
		$this->assertMatchesRegularExpression( '/^Error: The index could not be written: .*disk full/m', $text );
		$this->assertStringNotContainsString( 'Uncaught', $text );
		$this->assertStringNotContainsString( 'Fatal error', $text );

		wp_cache_flush();
		$this->assertIsArray( get_option( Indexer::ERROR_OPTION ), 'the Knowledge screen shows the failure' );
	}
}
