<?php
/**
 * Lifts the rate limits of a benchmark or test site, so that load is measured, not refused (command line only).
 *
 * Usage: php tools/wp/lift-limits.php <site-dir>
 *
 * @package HandoffBot
 */

if ( 'cli' !== PHP_SAPI ) {
	exit( 1 );
}
$_SERVER['HTTP_HOST']   = 'localhost';
$_SERVER['REQUEST_URI'] = '/';
require $argv[1] . '/wp-load.php';

( new HandoffBot\Settings() )->update(
	array(
		'rate_limit_ip_per_minute'              => 10000,
		'rate_limit_token_per_minute'           => 1000,
		'rate_limit_new_conversations_per_hour' => 10000,
	)
);
echo "ok\n";
