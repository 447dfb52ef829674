<?php
/**
 * Tests for `wp handoff-bot index`, run through the real WP-CLI.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Cli;

use HandoffBot\Repositories\Index_Repository;
use HandoffBot\Tests\Integration\Test_Case;

/**
 * The command runs in another process, so this test commits its post and removes it afterwards.
 */
final class Index_Command_Test extends Test_Case {

	/**
	 * No transaction: WP-CLI must see the post.
	 *
	 * @var bool
	 */
	protected bool $use_transaction = false;

	/**
	 * The post this test made.
	 *
	 * @var int
	 */
	private int $post_id = 0;

	/**
	 * Removes the post.
	 */
	protected function tearDown(): void {
		if ( $this->post_id ) {
			wp_delete_post( $this->post_id, true );
		}
		parent::tearDown();
	}

	/**
	 * The command rebuilds the index and reports what it did.
	 */
	public function test_index_command_rebuilds_the_index(): void {
		$wp = dirname( __DIR__, 4 ) . '/vendor/wp-cli/wp-cli/php/boot-fs.php';
		if ( ! is_file( $wp ) ) {
			$this->markTestSkipped( 'WP-CLI is installed by `composer install`.' );
		}
		add_filter( 'handoff_bot_index_on_save', '__return_false' );
		$this->post_id = $this->create_post( array( 'post_content' => '<p>Axolotl care notes for the command line.</p>' ) );
		remove_filter( 'handoff_bot_index_on_save', '__return_false' );
		$this->assertNotContains( $this->post_id, ( new Index_Repository() )->indexed_post_ids() );

		$command = sprintf(
			'%s -d error_reporting=%d %s --allow-root --path=%s handoff-bot index --batch=2 2>&1',
			escapeshellarg( PHP_BINARY ),
			E_ALL & ~E_DEPRECATED,
			escapeshellarg( $wp ),
			escapeshellarg( ABSPATH )
		);
		exec( $command, $output, $status ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.system_calls_exec -- runs the real WP-CLI.
		$text = implode( "\n", $output );
		$this->assertSame( 0, $status, $text );
		$this->assertMatchesRegularExpression( '/Success: Indexed \d+ posts into \d+ passages/', $text );

		wp_cache_flush();
		$this->assertContains( $this->post_id, ( new Index_Repository() )->indexed_post_ids() );
	}
}
