<?php
/**
 * Tests for uninstall.php on a network of more than a hundred sites.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration;

use HandoffBot\Database\Migrator;

/**
 * A real network, beside the test site in the same database under its own table prefix, built and
 * uninstalled by tests/php/fixtures/multisite-network.php in separate PHP processes (WordPress
 * must load afresh as a network). It is dropped afterwards.
 */
final class Multisite_Uninstall_Test extends Test_Case {

	/**
	 * No transaction: other processes write the network.
	 *
	 * @var bool
	 */
	protected bool $use_transaction = false;

	/**
	 * Sites besides the main one: more than get_sites() returns by default.
	 */
	private const SITES = 101;

	/**
	 * The site that did not choose to delete its data.
	 */
	private const KEEP = 50;

	/**
	 * Drops the network's tables.
	 */
	protected function tearDown(): void {
		$this->network( 'drop' );
		parent::tearDown();
	}

	/**
	 * Every site that chose to delete its data loses its tables, settings and role, also past the
	 * hundredth; the site that did not choose so keeps everything.
	 */
	public function test_uninstall_cleans_every_site_of_a_large_network(): void {
		$this->network( 'drop' );
		$this->network( 'install' );
		$this->network( 'add-sites', (string) self::SITES, (string) self::KEEP );
		$before = $this->report();
		$this->assertSame( self::SITES + 1, $before['sites'] );
		$this->assertCount( ( self::SITES + 1 ) * count( ( new Migrator() )->tables() ), $before['tables'] );

		$this->network( 'uninstall' );

		$after = $this->report();
		$this->assertSame( self::SITES + 1, $after['sites'] );
		$this->assertCount( count( ( new Migrator() )->tables() ), $after['tables'], 'only the kept site has tables: ' . implode( ', ', array_slice( $after['tables'], 0, 20 ) ) );
		foreach ( $after['tables'] as $table ) {
			$this->assertStringStartsWith( 'hbms_' . self::KEEP . '_handoff_bot_', $table );
		}
		$this->assertSame( array( self::KEEP ), $after['sites_with_role'] );
		$this->assertSame( array( self::KEEP ), $after['sites_with_settings'] );
	}

	/**
	 * The network's state.
	 *
	 * @return array{sites: int, tables: list<string>, sites_with_role: list<int>, sites_with_settings: list<int>}
	 */
	private function report(): array {
		$report = json_decode( $this->network( 'report' ), true );
		$this->assertIsArray( $report );
		return $report;
	}

	/**
	 * Runs one step of the network fixture in its own PHP process.
	 *
	 * @param string ...$args Step and its arguments.
	 * @return string What the step printed.
	 */
	private function network( string ...$args ): string {
		$command = array_merge( array( PHP_BINARY, dirname( __DIR__ ) . '/fixtures/multisite-network.php', (string) getenv( 'HANDOFF_BOT_TEST_SITE' ) ), $args );
		$errors  = (string) tempnam( sys_get_temp_dir(), 'handoff-bot-network' );
		$pipes   = array(
			1 => array( 'pipe', 'w' ),
			2 => array( 'file', $errors, 'w' ),
		);
		$process = proc_open( $command, $pipes, $streams ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.system_calls_proc_open -- the network runs in its own processes.
		$this->assertIsResource( $process );
		$out    = (string) stream_get_contents( $streams[1] );
		$status = proc_close( $process );
		$err    = (string) file_get_contents( $errors );
		unlink( $errors );
		$this->assertSame( 0, $status, implode( ' ', $args ) . ' failed: ' . substr( $err . $out, 0, 2000 ) );
		return $out;
	}
}
