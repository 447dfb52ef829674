<?php
/**
 * PHPUnit bootstrap: loads the real WordPress site that tools/test-php.mjs installed, with the plugin active.
 *
 * @package HandoffBot
 */

// phpcs:disable WordPress.WP.GlobalVariablesOverride.Prohibited -- WordPress is loaded from inside a function scope.

$handoff_bot_site = getenv( 'HANDOFF_BOT_TEST_SITE' );
if ( ! $handoff_bot_site || ! is_file( $handoff_bot_site . '/wp-load.php' ) ) {
	fwrite( STDERR, "Run the PHP tests through `npm run test:php` (it installs a throwaway WordPress and sets HANDOFF_BOT_TEST_SITE).\n" );
	exit( 1 );
}

// PHPUnit includes this file inside a method, so WordPress's globals must be declared global here.
global $wpdb, $current_site, $current_blog, $wp_rewrite, $shortcode_tags, $wp, $phpmailer, $wp_theme_directories, $table_prefix, $wp_version, $wp_db_version;

$_SERVER['HTTP_HOST']       = 'localhost';
$_SERVER['SERVER_NAME']     = 'localhost';
$_SERVER['REQUEST_URI']     = '/';
$_SERVER['REQUEST_METHOD']  = 'GET';
$_SERVER['REMOTE_ADDR']     = '127.0.0.1';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';

define( 'HANDOFF_BOT_TESTS', true );
define( 'WP_MEMORY_LIMIT', '512M' );

require $handoff_bot_site . '/wp-load.php';

if ( ! defined( 'HANDOFF_BOT_VERSION' ) ) {
	fwrite( STDERR, "The plugin is not active on the test site.\n" );
	exit( 1 );
}

// Each test runs inside a transaction that is rolled back; MySQL would commit it if the indexer
// opened its own.
add_filter( 'handoff_bot_transactions', '__return_false' );

require __DIR__ . '/Integration/Test_Case.php';
require __DIR__ . '/Integration/Index_Failure_Test_Case.php';
