<?php
/**
 * Stages and times the live queue for `npm run bench` (command line only). Prints JSON.
 *
 * Usage:
 *   php bench/queue.php <site-dir> stage <visitors>   staff the site round the clock with one agent
 *                                                     online, and open <visitors> conversations,
 *                                                     each waiting in the live queue: [{id, token,
 *                                                     signal}] (signal: the change file their send's
 *                                                     answer gave them)
 *   php bench/queue.php <site-dir> reply <conversation>  the agent takes that conversation (the
 *                                                     first time) and replies: {"message_id": N,
 *                                                     "flush_ms": the change files' writes}
 *   php bench/queue.php <site-dir> fill <waiting>     tops the queue up to <waiting> handoffs, and
 *                                                     prints the agent's cookie and REST nonce
 *   php bench/queue.php <site-dir> unfill             removes what fill added
 *   php bench/queue.php <site-dir> cleanup            closes every open handoff the stage opened
 *
 * @package HandoffBot
 */

use HandoffBot\Capabilities;
use HandoffBot\Handoff\Availability;
use HandoffBot\Handoff\Availability_Store;
use HandoffBot\Handoff\Inbox_Refusal;
use HandoffBot\Handoff\Inbox_Service;
use HandoffBot\Handoff\Poll_Signal;
use HandoffBot\Handoff\Presence;
use HandoffBot\Handoff\Visitor_Handoff;
use HandoffBot\Plugin;
use HandoffBot\Repositories\Conversation_Repository;
use HandoffBot\Repositories\Event_Repository;
use HandoffBot\Repositories\Handoff_Repository;
use HandoffBot\Repositories\Message_Repository;

if ( 'cli' !== PHP_SAPI ) {
	exit( 1 );
}
$_SERVER['HTTP_HOST']   = 'localhost';
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['REMOTE_ADDR'] = '127.0.0.1';
require $argv[1] . '/wp-load.php';

/**
 * The bench's agent (made on first use), online and available.
 */
function handoff_bot_bench_agent(): int {
	$user = get_user_by( 'login', 'bench-agent' );
	$id   = $user ? $user->ID : wp_insert_user(
		array(
			'user_login' => 'bench-agent',
			'user_pass'  => wp_generate_password(),
			'user_email' => 'bench-agent@example.com',
			'role'       => Capabilities::ROLE,
		)
	);
	if ( is_wp_error( $id ) ) {
		fwrite( STDERR, $id->get_error_message() . "\n" );
		exit( 5 );
	}
	( new Presence( new Event_Repository() ) )->beat( $id, Presence::AVAILABLE, time() );
	return $id;
}

/**
 * The agent's side of the inbox.
 */
function handoff_bot_bench_inbox(): Inbox_Service {
	return new Inbox_Service( new Handoff_Repository(), new Message_Repository(), new Event_Repository(), new Conversation_Repository() );
}

$handoff_bot_mode = $argv[2] ?? '';
if ( 'stage' === $handoff_bot_mode ) {
	Capabilities::grant();
	$handoff_bot_data             = Availability::defaults()->to_array();
	$handoff_bot_data['hours']    = array_fill_keys(
		Availability::DAYS,
		array(
			array(
				'open'  => '00:00',
				'close' => '24:00',
			),
		)
	);
	$handoff_bot_data['capacity'] = array(
		'max_waiting'         => 100000,
		'max_wait_minutes'    => 100000,
		'max_chats_per_agent' => 100,
	);
	update_option(
		Availability_Store::OPTION,
		array(
			'version' => 0,
			'data'    => $handoff_bot_data,
		)
	);
	handoff_bot_bench_agent();
	$handoff_bot_service = Plugin::boot()->conversations();
	$handoff_bot_out     = array();
	for ( $handoff_bot_i = 0; $handoff_bot_i < (int) ( $argv[3] ?? 200 ); $handoff_bot_i++ ) {
		$handoff_bot_started = $handoff_bot_service->start( 0, home_url( '/help/' ), 'Help' );
		$handoff_bot_service->handle_visitor_message( $handoff_bot_started['conversation'], 'Talk to a person, please', 'bench-queue-' . $handoff_bot_i . '-' . wp_generate_password( 8, false ), home_url( '/help/' ), 'Help', true );
		$handoff_bot_out[] = array(
			'id'    => $handoff_bot_started['id'],
			'token' => $handoff_bot_started['token'],
		);
	}
	// The change file each visitor's send answer gave them (as Rest\Conversations_Controller does).
	$handoff_bot_view = new Visitor_Handoff( new Handoff_Repository(), handoff_bot_bench_inbox(), new Conversation_Repository() );
	foreach ( $handoff_bot_out as $handoff_bot_i => $handoff_bot_visitor ) {
		$handoff_bot_signal = Poll_Signal::watch( $handoff_bot_visitor['id'] );
		if ( null !== $handoff_bot_signal && null !== $handoff_bot_view->current( $handoff_bot_visitor['id'] ) ) {
			$handoff_bot_out[ $handoff_bot_i ]['signal'] = $handoff_bot_signal + array( 'check_in' => $handoff_bot_view->check_in() );
		}
	}
	echo wp_json_encode( $handoff_bot_out );
	exit( 0 );
}

if ( 'reply' === $handoff_bot_mode ) {
	$handoff_bot_agent   = handoff_bot_bench_agent();
	$handoff_bot_inbox   = handoff_bot_bench_inbox();
	$handoff_bot_handoff = ( new Handoff_Repository() )->open_for( (int) $argv[3] );
	if ( null === $handoff_bot_handoff ) {
		exit( 2 );
	}
	if ( 'accepted' !== $handoff_bot_handoff['status'] ) {
		$handoff_bot_inbox->accept( $handoff_bot_handoff['id'], $handoff_bot_agent );
	}
	$handoff_bot_message = $handoff_bot_inbox->write( $handoff_bot_handoff['id'], $handoff_bot_agent, 'Hello, this is the support team.', false, null );
	if ( $handoff_bot_message instanceof Inbox_Refusal ) {
		exit( 3 );
	}
	// What the agent's request pays on shutdown for the change files (every waiting visitor's
	// place moved when the handoff was taken), timed here.
	$handoff_bot_flush = microtime( true );
	Poll_Signal::flush();
	echo wp_json_encode(
		array(
			'message_id' => $handoff_bot_message['id'],
			'flush_ms'   => round( ( microtime( true ) - $handoff_bot_flush ) * 1000, 2 ),
		)
	);
	exit( 0 );
}

if ( 'fill' === $handoff_bot_mode ) {
	// Handoffs waiting in the queue, for the inbox's list (conversation IDs from 2,000,000 on,
	// which no conversation of the bench site reaches; `unfill` removes them).
	global $wpdb;
	$handoff_bot_want  = (int) ( $argv[3] ?? 500 );
	$handoff_bot_table = $wpdb->prefix . 'handoff_bot_handoffs';
	$handoff_bot_have  = (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM %i WHERE status IN ('requested', 'queued')", $handoff_bot_table ) );
	for ( $handoff_bot_i = $handoff_bot_have; $handoff_bot_i < $handoff_bot_want; $handoff_bot_i++ ) {
		$wpdb->insert(
			$handoff_bot_table,
			array(
				'conversation_id' => 2000000 + $handoff_bot_i,
				'open_key'        => 2000000 + $handoff_bot_i,
				'status'          => 'queued',
				'reason'          => 'user_requested',
				'trigger_type'    => 'user',
				'route'           => 'live',
				'route_reason'    => 'live',
				'intent'          => 'orders',
				'headline'        => 'Wants help with Orders: “Where is my parcel number ' . $handoff_bot_i . '?”',
				'context'         => '{}',
				'requested_at'    => gmdate( 'Y-m-d H:i:s', time() - $handoff_bot_i ),
			)
		);
	}
	// Signed in as the agent: the cookie and the REST nonce a browser in wp-admin would send.
	$handoff_bot_agent   = handoff_bot_bench_agent();
	$handoff_bot_expires = time() + HOUR_IN_SECONDS;
	$handoff_bot_token   = WP_Session_Tokens::get_instance( $handoff_bot_agent )->create( $handoff_bot_expires );
	$handoff_bot_cookie  = wp_generate_auth_cookie( $handoff_bot_agent, $handoff_bot_expires, 'logged_in', $handoff_bot_token );
	$handoff_bot_name             = (string) constant( 'LOGGED_IN_COOKIE' );
	$_COOKIE[ $handoff_bot_name ] = $handoff_bot_cookie;
	wp_set_current_user( $handoff_bot_agent );
	echo wp_json_encode(
		array(
			'waiting' => max( $handoff_bot_have, $handoff_bot_want ),
			'cookie'  => $handoff_bot_name . '=' . $handoff_bot_cookie,
			'nonce'   => wp_create_nonce( 'wp_rest' ),
		)
	);
	exit( 0 );
}

if ( 'unfill' === $handoff_bot_mode ) {
	global $wpdb;
	$wpdb->query( $wpdb->prepare( 'DELETE FROM %i WHERE conversation_id >= %d', $wpdb->prefix . 'handoff_bot_handoffs', 2000000 ) );
	echo '{}';
	exit( 0 );
}

if ( 'cleanup' === $handoff_bot_mode ) {
	global $wpdb;
	$wpdb->query( $wpdb->prepare( "UPDATE %i SET status = 'left', outcome = 'left', open_key = NULL, resolved_at = %s WHERE status IN ('requested', 'queued', 'accepted')", $wpdb->prefix . 'handoff_bot_handoffs', gmdate( 'Y-m-d H:i:s' ) ) );
	$wpdb->query( $wpdb->prepare( 'UPDATE %i SET handoff_id = 0', $wpdb->prefix . 'handoff_bot_conversations' ) );
	echo '{}';
	exit( 0 );
}

fwrite( STDERR, "Unknown mode.\n" );
exit( 1 );
