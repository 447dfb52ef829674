<?php
/**
 * Tests for the development server's router (tools/wp/router.php).
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Unit\Tools;

use PHPUnit\Framework\TestCase;

/**
 * Starts PHP's built-in server with the router on a throwaway document root and asks it, over
 * HTTP, for what a dev site holds.
 */
final class Router_Test extends TestCase {

	/**
	 * The server.
	 *
	 * @var resource|null
	 */
	private static $server = null;

	/**
	 * The server's port.
	 *
	 * @var int
	 */
	private static int $port = 0;

	/**
	 * The document root.
	 *
	 * @var string
	 */
	private static string $root = '';

	/**
	 * Lays out a site (logs in the root and in wp-content, as the dev sites have them, in a dot
	 * folder as .wp/dev is) and starts the server.
	 */
	public static function setUpBeforeClass(): void {
		self::$root = sys_get_temp_dir() . '/.handoff-bot-router-' . getmypid() . '/site';
		mkdir( self::$root . '/wp-content/themes', 0777, true );
		file_put_contents( self::$root . '/index.php', '<?php echo "WordPress for " . $_SERVER["REQUEST_URI"];' );
		file_put_contents( self::$root . '/debug.log', "PHP Warning: secret-debug\n" );
		file_put_contents( self::$root . '/server.log', "[200]: GET /wp-admin/?secret-server\n" );
		file_put_contents( self::$root . '/wp-content/debug.log', "PHP Warning: secret-content\n" );
		file_put_contents( self::$root . '/wp-content/themes/style.css', 'body { color: red; }' );

		$socket = stream_socket_server( 'tcp://127.0.0.1:0' );
		self::assertIsResource( $socket );
		self::$port = (int) substr( (string) strrchr( (string) stream_socket_get_name( $socket, false ), ':' ), 1 );
		fclose( $socket );

		$router       = dirname( __DIR__, 4 ) . '/tools/wp/router.php';
		$output       = array(
			1 => array( 'file', '/dev/null', 'w' ),
			2 => array( 'file', '/dev/null', 'w' ),
		);
		self::$server = proc_open( array( PHP_BINARY, '-S', '127.0.0.1:' . self::$port, '-t', self::$root, $router ), $output, $pipes ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.system_calls_proc_open -- the server under test.
		for ( $i = 0; $i < 100; $i++ ) {
			$probe = @fsockopen( '127.0.0.1', self::$port ); // phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged -- waiting for the server to listen.
			if ( $probe ) {
				fclose( $probe );
				return;
			}
			usleep( 50000 );
		}
		self::fail( 'The server did not start.' );
	}

	/**
	 * Stops the server and removes the document root.
	 */
	public static function tearDownAfterClass(): void {
		if ( is_resource( self::$server ) ) {
			proc_terminate( self::$server );
			proc_close( self::$server );
		}
		foreach ( array( 'index.php', 'debug.log', 'server.log', 'wp-content/debug.log', 'wp-content/themes/style.css' ) as $file ) {
			unlink( self::$root . '/' . $file );
		}
		rmdir( self::$root . '/wp-content/themes' );
		rmdir( self::$root . '/wp-content' );
		rmdir( self::$root );
		rmdir( dirname( self::$root ) );
	}

	/**
	 * PHP's error log and the server's request log are never served.
	 *
	 * @dataProvider logs
	 *
	 * @param string $path Requested path.
	 */
	public function test_logs_are_not_served( string $path ): void {
		list( $status, $body ) = $this->get( $path );
		$this->assertSame( 404, $status, $path );
		$this->assertStringNotContainsString( 'secret', $body );
	}

	/**
	 * Log paths, also disguised.
	 *
	 * @return array<string, array{0: string}>
	 */
	public function logs(): array {
		return array(
			'debug.log'            => array( '/debug.log' ),
			'server.log'           => array( '/server.log' ),
			'wp-content/debug.log' => array( '/wp-content/debug.log' ),
			'upper case'           => array( '/DEBUG.LOG' ),
			'encoded'              => array( '/%64ebug.log' ),
			'with a query'         => array( '/server.log?x=1' ),
			'doubled slash'        => array( '//debug.log' ),
			'through a parent'     => array( '/wp-content/../debug.log' ),
		);
	}

	/**
	 * A NUL byte in the path is a 400, not a 500 from realpath().
	 *
	 * @dataProvider nul_paths
	 *
	 * @param string $path Requested path.
	 */
	public function test_a_nul_byte_is_a_bad_request( string $path ): void {
		list( $status, $body ) = $this->get( $path );
		$this->assertSame( 400, $status, $path );
		$this->assertStringNotContainsString( 'secret', $body );
	}

	/**
	 * Paths with a NUL byte.
	 *
	 * @return array<string, array{0: string}>
	 */
	public function nul_paths(): array {
		return array(
			'alone'        => array( '/%00' ),
			'after a file' => array( '/debug.log%00.css' ),
			'in a folder'  => array( '/wp-content/%00/style.css' ),
		);
	}

	/**
	 * Files are still served, and everything else still goes to WordPress.
	 */
	public function test_files_and_wordpress_still_work(): void {
		list( $status, $body ) = $this->get( '/wp-content/themes/style.css' );
		$this->assertSame( 200, $status );
		$this->assertSame( 'body { color: red; }', $body );
		foreach ( array( '/', '/help/', '/wp-json/handoff-bot/v1/index?x=debug.log' ) as $path ) {
			list( $status, $body ) = $this->get( $path );
			$this->assertSame( 200, $status, $path );
			$this->assertSame( 'WordPress for ' . $path, $body );
		}
	}

	/**
	 * A raw GET, so that the path reaches the server exactly as written.
	 *
	 * @param string $path Path.
	 * @return array{0: int, 1: string} Status and body.
	 */
	private function get( string $path ): array {
		$socket = fsockopen( '127.0.0.1', self::$port, $errno, $errstr, 5 );
		$this->assertIsResource( $socket, $errstr );
		fwrite( $socket, "GET {$path} HTTP/1.0\r\nHost: localhost\r\nConnection: close\r\n\r\n" );
		$response = (string) stream_get_contents( $socket );
		fclose( $socket );
		list( $head, $body ) = array_pad( explode( "\r\n\r\n", $response, 2 ), 2, '' );
		preg_match( '#^HTTP/\S+ (\d{3})#', $head, $match );
		return array( (int) ( $match[1] ?? 0 ), $body );
	}
}
