<?php
/**
 * Checks the WordPress.org plugin review asks of the shipped code and its readme.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Unit;

use PHPUnit\Framework\TestCase;

/**
 * What Plugin Check flags, and what a reviewer must be able to read in readme.txt.
 */
final class Plugin_Review_Test extends TestCase {

	/**
	 * The plugin's root folder.
	 */
	private static function root(): string {
		return dirname( __DIR__, 3 );
	}

	/**
	 * The PHP files a release ships.
	 *
	 * @return list<string>
	 */
	private static function shipped_php(): array {
		$files = array( self::root() . '/handoff-bot.php', self::root() . '/uninstall.php' );
		foreach ( array( 'includes', 'blocks' ) as $dir ) {
			$iterator = new \RecursiveIteratorIterator( new \RecursiveDirectoryIterator( self::root() . '/' . $dir, \FilesystemIterator::SKIP_DOTS ) );
			foreach ( $iterator as $file ) {
				if ( $file instanceof \SplFileInfo && 'php' === $file->getExtension() ) {
					$files[] = $file->getPathname();
				}
			}
		}
		return $files;
	}

	/**
	 * Since WordPress 4.6 translations of a plugin hosted on WordPress.org load on their own
	 * (just in time, from language packs), and Plugin Check flags a load_plugin_textdomain() call.
	 */
	public function test_no_load_plugin_textdomain_call(): void {
		$callers = array();
		foreach ( self::shipped_php() as $file ) {
			foreach ( token_get_all( (string) file_get_contents( $file ) ) as $token ) {
				if ( is_array( $token ) && T_STRING === $token[0] && 'load_plugin_textdomain' === strtolower( $token[1] ) ) {
					$callers[] = substr( $file, strlen( self::root() ) + 1 ) . ':' . $token[2];
				}
			}
		}
		$this->assertSame( array(), $callers );
	}

	/**
	 * The plugin runs statements on the SQLite Database Integration's own connection: readme.txt
	 * says why, and how to turn it off with the filter the code reads.
	 */
	public function test_readme_explains_the_direct_sqlite_path_and_its_switch(): void {
		$readme     = (string) file_get_contents( self::root() . '/readme.txt' );
		$repository = (string) file_get_contents( self::root() . '/includes/Repositories/Repository.php' );
		$this->assertStringContainsString( "apply_filters( 'handoff_bot_sqlite_direct'", $repository );
		$this->assertStringContainsString( "add_filter( 'handoff_bot_sqlite_direct', '__return_false' );", $readme );
		$this->assertStringContainsString( 'get_sqlite_pdo()', $readme );
		$architecture = (string) file_get_contents( self::root() . '/docs/ARCHITECTURE.md' );
		$this->assertStringContainsString( "add_filter( 'handoff_bot_sqlite_direct', '__return_false' );", $architecture );
	}
}
