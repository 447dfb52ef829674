<?php
/**
 * Rebuilds the knowledge index of a site and prints the timing as JSON (command line only).
 *
 * Usage: php bench/rebuild-index.php <site-dir>
 *
 * @package HandoffBot
 */

if ( 'cli' !== PHP_SAPI ) {
	exit( 1 );
}
$_SERVER['HTTP_HOST']   = 'localhost';
$_SERVER['REQUEST_URI'] = '/';
require $argv[1] . '/wp-load.php';

$handoff_bot_indexer  = HandoffBot\Plugin::boot()->indexer();
$handoff_bot_started  = microtime( true );
$handoff_bot_offset   = 0;
$handoff_bot_passages = 0;
do {
	$handoff_bot_result    = $handoff_bot_indexer->rebuild_batch( $handoff_bot_offset, 200 );
	$handoff_bot_passages += $handoff_bot_result['passages'];
	$handoff_bot_offset    = $handoff_bot_result['next_offset'];
} while ( ! $handoff_bot_result['finished'] );
$handoff_bot_seconds = microtime( true ) - $handoff_bot_started;
echo wp_json_encode(
	array(
		'posts'            => $handoff_bot_result['done'],
		'passages'         => $handoff_bot_passages,
		'seconds'          => round( $handoff_bot_seconds, 3 ),
		'posts_per_second' => round( $handoff_bot_result['done'] / max( 0.001, $handoff_bot_seconds ), 1 ),
	)
);
