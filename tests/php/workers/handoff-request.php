<?php
/**
 * A second process for concurrency tests: a visitor presses "talk to a person" in a conversation
 * of the test site, at the moment a barrier file appears, and pauses between reading whether
 * the conversation has an open handoff and writing one, so that two such processes interleave.
 * It touches "<barrier_file>.<idempotency_key>" once WordPress is loaded.
 *
 * Usage: php handoff-request.php <conversation_id> <idempotency_key> <barrier_file> <pause_microseconds>
 * Prints the reply as JSON.
 *
 * @package HandoffBot
 */

// phpcs:disable WordPress.WP.GlobalVariablesOverride.Prohibited, WordPress.WP.AlternativeFunctions -- a command-line worker.

declare( strict_types=1 );

// A command-line tool only (the plugin folder may be reachable over the web on a dev site).
if ( 'cli' !== PHP_SAPI ) {
	exit;
}

$handoff_bot_site = (string) getenv( 'HANDOFF_BOT_TEST_SITE' );
list( , $handoff_bot_conversation, $handoff_bot_key, $handoff_bot_barrier, $handoff_bot_pause ) = $argv;

$_SERVER['HTTP_HOST']       = 'localhost';
$_SERVER['SERVER_NAME']     = 'localhost';
$_SERVER['REQUEST_URI']     = '/';
$_SERVER['REQUEST_METHOD']  = 'POST';
$_SERVER['REMOTE_ADDR']     = '127.0.0.1';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';

require $handoff_bot_site . '/wp-load.php';

$handoff_bot_paused = false;
/**
 * Pauses once, just before the first write of a handoff row.
 *
 * @param string $sql The statement about to run (MySQL), or '' (SQLite: the read just ran).
 */
$handoff_bot_pause_once = static function ( string $sql ) use ( &$handoff_bot_paused, $handoff_bot_pause ): void {
	if ( $handoff_bot_paused ) {
		return;
	}
	$after_read = '' === $sql;
	if ( $after_read ) {
		// On SQLite the plugin's statements are logged after they run: pause after the read of
		// the open handoff, which comes just before the write.
		foreach ( debug_backtrace( DEBUG_BACKTRACE_IGNORE_ARGS, 12 ) as $frame ) { // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_debug_backtrace -- finds the read to pause after.
			if ( 'open_for' === ( $frame['function'] ?? '' ) ) {
				$handoff_bot_paused = true;
				usleep( (int) $handoff_bot_pause );
				return;
			}
		}
		return;
	}
	if ( preg_match( '/^INSERT IGNORE INTO \S*handoff_bot_handoffs/', $sql ) ) {
		$handoff_bot_paused = true;
		usleep( (int) $handoff_bot_pause );
	}
};
add_filter(
	'handoff_bot_log_queries',
	static function ( $log ) use ( $handoff_bot_pause_once ) {
		$handoff_bot_pause_once( '' );
		return $log;
	}
);
add_filter(
	'query',
	static function ( $sql ) use ( $handoff_bot_pause_once ) {
		$handoff_bot_pause_once( (string) $sql );
		return $sql;
	}
);

$handoff_bot_conversations = new HandoffBot\Repositories\Conversation_Repository();
$handoff_bot_row           = $handoff_bot_conversations->find( (int) $handoff_bot_conversation );
// Ready; then start with the other process, or give up after 30 seconds.
touch( $handoff_bot_barrier . '.' . $handoff_bot_key );
$handoff_bot_deadline = microtime( true ) + 30;
while ( ! file_exists( $handoff_bot_barrier ) ) {
	if ( microtime( true ) > $handoff_bot_deadline ) {
		exit( 2 );
	}
	usleep( 1000 );
}
$handoff_bot_result = HandoffBot\Plugin::boot()->conversations()->handle_visitor_message( (array) $handoff_bot_row, 'Talk to a person, please', $handoff_bot_key, '', '', true );
echo wp_json_encode(
	array(
		'reply_id' => (int) $handoff_bot_result['reply']['id'],
		'body'     => (string) $handoff_bot_result['reply']['body'],
	)
);
