<?php
/**
 * Activates the plugins of a freshly installed site and, optionally, adds the demo content.
 *
 * Usage: php provision.php <site-dir> [--demo]
 *
 * @package HandoffBot
 */

if ( 'cli' !== PHP_SAPI ) {
	exit( 1 );
}

$handoff_bot_site = $argv[1];
$handoff_bot_demo = in_array( '--demo', $argv, true );

$_SERVER['HTTP_HOST']   = 'localhost';
$_SERVER['REQUEST_URI'] = '/';
require $handoff_bot_site . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

wp_set_current_user( 1 );

// The demo is a help centre: WordPress's sample post, page and comment and its draft privacy
// policy would be indexed (or listed) beside it. Removed before activation, which indexes the site.
if ( $handoff_bot_demo ) {
	require __DIR__ . '/demo-content.php';
	echo 'Removed WordPress\'s default content: ' . handoff_bot_demo_remove_defaults() . " posts\n";
}

$handoff_bot_result = activate_plugin( 'handoff-bot/handoff-bot.php' );
if ( is_wp_error( $handoff_bot_result ) ) {
	fwrite( STDERR, 'handoff-bot: ' . $handoff_bot_result->get_error_message() . "\n" );
	exit( 1 );
}
echo "Activated handoff-bot\n";

// The SQLite plugin's activation hook redirects to its settings screen, which would end this
// script; the drop-in is already in place, so mark the plugin active without running the hook.
if ( defined( 'DB_ENGINE' ) && 'sqlite' === DB_ENGINE ) {
	$handoff_bot_active   = (array) get_option( 'active_plugins', array() );
	$handoff_bot_active[] = 'sqlite-database-integration/load.php';
	update_option( 'active_plugins', array_values( array_unique( $handoff_bot_active ) ) );
}

if ( $handoff_bot_demo ) {
	$handoff_bot_count = handoff_bot_demo_content();
	echo 'Demo content: ' . $handoff_bot_count . " pages\n";
}
flush_rewrite_rules( false );
