<?php
/**
 * Signs the site's administrator in for the report benchmark (command line only). Prints JSON:
 * the logged-in cookie and the REST nonce a browser in wp-admin would send.
 *
 * Usage: php bench/report-auth.php <site-dir>
 *
 * @package HandoffBot
 */

if ( 'cli' !== PHP_SAPI ) {
	exit( 1 );
}
$_SERVER['HTTP_HOST']   = 'localhost';
$_SERVER['REQUEST_URI'] = '/';
require $argv[1] . '/wp-load.php';

$handoff_bot_admins = get_users(
	array(
		'role'   => 'administrator',
		'number' => 1,
		'fields' => 'ID',
	)
);
if ( ! $handoff_bot_admins ) {
	fwrite( STDERR, "No administrator.\n" );
	exit( 5 );
}
$handoff_bot_admin   = (int) $handoff_bot_admins[0];
$handoff_bot_expires = time() + 2 * HOUR_IN_SECONDS;
$handoff_bot_token   = WP_Session_Tokens::get_instance( $handoff_bot_admin )->create( $handoff_bot_expires );
$handoff_bot_cookie  = wp_generate_auth_cookie( $handoff_bot_admin, $handoff_bot_expires, 'logged_in', $handoff_bot_token );
$handoff_bot_name             = (string) constant( 'LOGGED_IN_COOKIE' );
$_COOKIE[ $handoff_bot_name ] = $handoff_bot_cookie;
wp_set_current_user( $handoff_bot_admin );
echo wp_json_encode(
	array(
		'cookie' => $handoff_bot_name . '=' . $handoff_bot_cookie,
		'nonce'  => wp_create_nonce( 'wp_rest' ),
	)
);
