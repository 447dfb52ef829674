<?php
/**
 * Router for PHP's built-in web server: serves files that exist, sends everything else to WordPress.
 *
 * @package HandoffBot
 */

// For the bench (HANDOFF_BOT_SERVER_TIMING=1): each response tells its server time, from the
// request's start to its headers being sent (after the body is made), in a Server-Timing header.
// Time spent waiting for a free worker is not in it; the client's own timing has both.
if ( getenv( 'HANDOFF_BOT_SERVER_TIMING' ) ) {
	$handoff_bot_started = (float) $_SERVER['REQUEST_TIME_FLOAT'];
	header_register_callback(
		static function () use ( $handoff_bot_started ) {
			header( sprintf( 'Server-Timing: app;dur=%.2f', ( microtime( true ) - $handoff_bot_started ) * 1000 ) );
		}
	);
}

$handoff_bot_root = $_SERVER['DOCUMENT_ROOT'];
// The path is what comes before the query string (parse_url() would read "//x" as a host).
$handoff_bot_path = rawurldecode( explode( '?', (string) $_SERVER['REQUEST_URI'], 2 )[0] );

// A NUL byte is no part of a file name (and realpath() throws on one): a bad request.
if ( false !== strpos( $handoff_bot_path, "\0" ) ) {
	http_response_code( 400 );
	return true;
}

// Never serve dotfiles (the SQLite database is wp-content/database/.ht.sqlite), PHP's error log
// and the server's request log (debug.log, server.log in the site's folder), or a database file.
if ( false !== strpos( $handoff_bot_path, '/.' ) || preg_match( '/\.(log|sqlite|sql)$/i', $handoff_bot_path ) ) {
	http_response_code( 404 );
	return true;
}

$handoff_bot_file = realpath( $handoff_bot_root . $handoff_bot_path );
// The same for the file a path resolves to (through a symlink, say); the site itself lives in a dot folder (.wp/).
if ( false !== $handoff_bot_file && preg_match( '/^\.|\.(log|sqlite|sql)$/i', basename( $handoff_bot_file ) ) ) {
	http_response_code( 404 );
	return true;
}

if ( false !== $handoff_bot_file && is_dir( $handoff_bot_file ) && is_file( $handoff_bot_file . '/index.php' ) ) {
	if ( '/' !== substr( $handoff_bot_path, -1 ) ) {
		header( 'Location: ' . $handoff_bot_path . '/' . ( empty( $_SERVER['QUERY_STRING'] ) ? '' : '?' . $_SERVER['QUERY_STRING'] ), true, 301 );
		return true;
	}
	$handoff_bot_file .= '/index.php';
}

if ( false !== $handoff_bot_file && is_file( $handoff_bot_file ) ) {
	if ( '.php' === substr( $handoff_bot_file, -4 ) ) {
		$_SERVER['SCRIPT_NAME']     = $handoff_bot_path . ( substr( $handoff_bot_path, -1 ) === '/' ? 'index.php' : '' );
		$_SERVER['PHP_SELF']        = $_SERVER['SCRIPT_NAME'];
		$_SERVER['SCRIPT_FILENAME'] = $handoff_bot_file;
		chdir( dirname( $handoff_bot_file ) );
		require $handoff_bot_file;
		return true;
	}
	// The plugin folder is a symlink to the working tree, outside the document root: serve it ourselves.
	$handoff_bot_types = array(
		'css'   => 'text/css; charset=utf-8',
		'js'    => 'text/javascript; charset=utf-8',
		'mjs'   => 'text/javascript; charset=utf-8',
		'json'  => 'application/json',
		'svg'   => 'image/svg+xml',
		'png'   => 'image/png',
		'jpg'   => 'image/jpeg',
		'gif'   => 'image/gif',
		'webp'  => 'image/webp',
		'woff'  => 'font/woff',
		'woff2' => 'font/woff2',
		'ico'   => 'image/x-icon',
		'map'   => 'application/json',
		'txt'   => 'text/plain; charset=utf-8',
	);
	$handoff_bot_ext   = strtolower( pathinfo( $handoff_bot_file, PATHINFO_EXTENSION ) );
	if ( isset( $handoff_bot_types[ $handoff_bot_ext ] ) ) {
		header( 'Content-Type: ' . $handoff_bot_types[ $handoff_bot_ext ] );
		header( 'Content-Length: ' . filesize( $handoff_bot_file ) );
		header( 'Cache-Control: no-cache' );
		readfile( $handoff_bot_file );
		return true;
	}
	return false;
}

$_SERVER['SCRIPT_NAME']     = '/index.php';
$_SERVER['PHP_SELF']        = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $handoff_bot_root . '/index.php';
chdir( $handoff_bot_root );
require $handoff_bot_root . '/index.php';
return true;
