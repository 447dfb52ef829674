<?php
/**
 * A second process for concurrency tests: an agent accepts a handoff of the test site at the
 * moment a barrier file appears. It touches "<barrier_file>.<agent_id>" once WordPress is loaded
 * and it has read the handoff waiting.
 *
 * Usage: php handoff-accept.php <handoff_id> <agent_id> <barrier_file>
 * Prints the outcome as JSON: {"won": true} or {"won": false, "code": "…", "holder": N}.
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
list( , $handoff_bot_handoff, $handoff_bot_agent, $handoff_bot_barrier ) = $argv;

$_SERVER['HTTP_HOST']       = 'localhost';
$_SERVER['SERVER_NAME']     = 'localhost';
$_SERVER['REQUEST_URI']     = '/';
$_SERVER['REQUEST_METHOD']  = 'POST';
$_SERVER['REMOTE_ADDR']     = '127.0.0.1';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';

require $handoff_bot_site . '/wp-load.php';

$handoff_bot_inbox = new HandoffBot\Handoff\Inbox_Service(
	new HandoffBot\Repositories\Handoff_Repository(),
	new HandoffBot\Repositories\Message_Repository(),
	new HandoffBot\Repositories\Event_Repository(),
	new HandoffBot\Repositories\Conversation_Repository()
);
$handoff_bot_seen  = $handoff_bot_inbox->get( (int) $handoff_bot_handoff );
if ( ! is_array( $handoff_bot_seen ) || 'accepted' === $handoff_bot_seen['status'] ) {
	exit( 3 );
}
// Ready; then accept with the other process, or give up after 30 seconds.
touch( $handoff_bot_barrier . '.' . $handoff_bot_agent );
$handoff_bot_deadline = microtime( true ) + 30;
while ( ! file_exists( $handoff_bot_barrier ) ) {
	if ( microtime( true ) > $handoff_bot_deadline ) {
		exit( 2 );
	}
	usleep( 500 );
}
$handoff_bot_result = $handoff_bot_inbox->accept( (int) $handoff_bot_handoff, (int) $handoff_bot_agent );
echo wp_json_encode(
	$handoff_bot_result instanceof HandoffBot\Handoff\Inbox_Refusal
		? array(
			'won'    => false,
			'code'   => $handoff_bot_result->code,
			'holder' => $handoff_bot_result->holder,
		)
		: array( 'won' => true )
);
