<?php
/**
 * Prints, for each given conversation, the slugs of the pages its first bot reply cited and the
 * pages the answerer tried, as JSON (command line only). The quality benchmark reads what agents
 * will see (sources tried are never sent to visitors).
 *
 * Usage: php bench/eval-sources.php <site-dir> <file with a JSON array of conversation IDs>
 *
 * @package HandoffBot
 */

if ( 'cli' !== PHP_SAPI ) {
	exit( 1 );
}
$_SERVER['HTTP_HOST']   = 'localhost';
$_SERVER['REQUEST_URI'] = '/';
require $argv[1] . '/wp-load.php';

$handoff_bot_ids      = json_decode( (string) file_get_contents( $argv[2] ), true );
$handoff_bot_messages = new HandoffBot\Repositories\Message_Repository();
$handoff_bot_slugs    = array();
$handoff_bot_out      = array();

/**
 * A post's slug (remembered).
 *
 * @param int                $post_id Post.
 * @param array<int, string> $cache   Slugs by post.
 * @return string
 */
function handoff_bot_eval_slug( int $post_id, array &$cache ): string {
	if ( ! isset( $cache[ $post_id ] ) ) {
		$cache[ $post_id ] = (string) get_post_field( 'post_name', $post_id );
	}
	return $cache[ $post_id ];
}

foreach ( is_array( $handoff_bot_ids ) ? $handoff_bot_ids : array() as $handoff_bot_id ) {
	$handoff_bot_reply = null;
	foreach ( $handoff_bot_messages->after( (int) $handoff_bot_id, 0 ) as $handoff_bot_message ) {
		if ( 'bot' === $handoff_bot_message['role'] ) {
			$handoff_bot_reply = $handoff_bot_message;
			break;
		}
	}
	$handoff_bot_tried = array();
	foreach ( (array) ( $handoff_bot_reply['meta']['sources_tried'] ?? array() ) as $handoff_bot_source ) {
		$handoff_bot_tried[] = handoff_bot_eval_slug( (int) ( $handoff_bot_source['post_id'] ?? 0 ), $handoff_bot_slugs );
	}
	$handoff_bot_out[ (string) $handoff_bot_id ] = $handoff_bot_tried;
}
echo wp_json_encode( $handoff_bot_out ) . "\n";
