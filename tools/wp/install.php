<?php
/**
 * Installs WordPress into a prepared site folder (command line only).
 *
 * Usage: php install.php <site-dir> <title> <admin-user> <admin-password> <admin-email>
 *
 * @package HandoffBot
 */

if ( 'cli' !== PHP_SAPI ) {
	exit( 1 );
}

list( , $handoff_bot_site, $handoff_bot_title, $handoff_bot_user, $handoff_bot_pass, $handoff_bot_email ) = $argv;

define( 'WP_INSTALLING', true ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals -- WordPress's own constant.
$_SERVER['HTTP_HOST']   = 'localhost';
$_SERVER['REQUEST_URI'] = '/';
require $handoff_bot_site . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';

if ( is_blog_installed() ) {
	echo "WordPress is already installed.\n";
	exit( 0 );
}

$handoff_bot_result = wp_install( $handoff_bot_title, $handoff_bot_user, $handoff_bot_email, true, '', wp_slash( $handoff_bot_pass ) );
if ( is_wp_error( $handoff_bot_result ) ) {
	fwrite( STDERR, $handoff_bot_result->get_error_message() . "\n" );
	exit( 1 );
}
update_option( 'permalink_structure', '/%postname%/' );
echo 'Installed WordPress ' . get_bloginfo( 'version' ) . "\n";
