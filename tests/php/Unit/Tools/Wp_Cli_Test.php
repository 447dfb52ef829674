<?php
/**
 * Tests for the WP-CLI that Composer installs for development.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Unit\Tools;

use PHPUnit\Framework\TestCase;

/**
 * Runs vendor/bin/wp against the test site, as a developer would against the dev site.
 */
final class Wp_Cli_Test extends TestCase {

	/**
	 * The standard commands a developer reaches for are there, beside the plugin's own, and
	 * `wp help` prints no deprecation notices from WP-CLI's bundled libraries.
	 */
	public function test_help_lists_the_standard_commands_without_deprecation_notices(): void {
		list( $status, $out, $err ) = $this->wp( 'help' );
		$this->assertSame( 0, $status, $err );
		foreach ( array( 'handoff-bot', 'post', 'user', 'option', 'term', 'comment' ) as $command ) {
			$this->assertMatchesRegularExpression( '/^\s+' . preg_quote( $command, '/' ) . '\s/m', $out, "wp {$command}" );
		}
		$this->assertStringNotContainsString( 'Deprecated', $out . $err );
	}

	/**
	 * The entity commands work on the site (read-only here: the test site is shared).
	 */
	public function test_entity_commands_read_the_site(): void {
		list( $status, $out, $err ) = $this->wp( 'user', 'list', '--field=user_login' );
		$this->assertSame( 0, $status, $err );
		$this->assertContains( 'admin', explode( "\n", trim( $out ) ) );
		$this->assertStringNotContainsString( 'Deprecated', $out . $err );

		list( $status, $out ) = $this->wp( 'option', 'get', 'handoff_bot_schema_version' );
		$this->assertSame( 0, $status );
		$this->assertMatchesRegularExpression( '/^\d+$/', trim( $out ) );
	}

	/**
	 * Runs vendor/bin/wp on the test site.
	 *
	 * @param string ...$args Command and arguments.
	 * @return array{0: int, 1: string, 2: string} Exit status, output and errors.
	 */
	private function wp( string ...$args ): array {
		$root    = dirname( __DIR__, 4 );
		$command = array_merge( array( $root . '/vendor/bin/wp', '--allow-root', '--path=' . getenv( 'HANDOFF_BOT_TEST_SITE' ) ), $args );
		$errors  = (string) tempnam( sys_get_temp_dir(), 'handoff-bot-wp' );
		$pipes   = array(
			1 => array( 'pipe', 'w' ),
			2 => array( 'file', $errors, 'w' ),
		);
		$process = proc_open( $command, $pipes, $streams, $root ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.system_calls_proc_open -- WP-CLI is what is tested.
		$this->assertIsResource( $process );
		$out    = (string) stream_get_contents( $streams[1] );
		$status = proc_close( $process );
		$err    = (string) file_get_contents( $errors );
		unlink( $errors );
		return array( $status, $out, $err );
	}
}
