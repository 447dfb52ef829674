<?php
/**
 * A webhook receiver for the tests: the router script of PHP's built-in server.
 *
 * It answers each request with the next status of `plan.json` in its folder (200 once the plan is
 * used up), checks the signature as a receiver would (with the secret in `secret.txt`, when there
 * is one) and records every request, one JSON line each, in `requests.jsonl`.
 *
 * @package HandoffBot
 */

// phpcs:disable WordPress.WP.AlternativeFunctions, WordPress.Security.ValidatedSanitizedInput -- runs without WordPress, and records what it got as it got it.

$handoff_bot_dir  = (string) getenv( 'HANDOFF_BOT_RECEIVER_DIR' );
$handoff_bot_lock = fopen( $handoff_bot_dir . '/lock', 'c' );
flock( $handoff_bot_lock, LOCK_EX );

$handoff_bot_body    = (string) file_get_contents( 'php://input' );
$handoff_bot_headers = array_change_key_case( (array) getallheaders(), CASE_LOWER );

$handoff_bot_plan   = is_file( $handoff_bot_dir . '/plan.json' ) ? (array) json_decode( (string) file_get_contents( $handoff_bot_dir . '/plan.json' ), true ) : array();
$handoff_bot_status = $handoff_bot_plan ? (int) array_shift( $handoff_bot_plan ) : 200;
file_put_contents( $handoff_bot_dir . '/plan.json', json_encode( array_values( $handoff_bot_plan ) ) );

// The check docs/WEBHOOKS.md describes: HMAC-SHA256 of "<timestamp>.<body>", compared in
// constant time, and a timestamp no older than five minutes.
$handoff_bot_valid = null;
if ( is_file( $handoff_bot_dir . '/secret.txt' ) ) {
	$handoff_bot_secret    = trim( (string) file_get_contents( $handoff_bot_dir . '/secret.txt' ) );
	$handoff_bot_timestamp = (string) ( $handoff_bot_headers['x-handoff-bot-timestamp'] ?? '' );
	$handoff_bot_signature = (string) ( $handoff_bot_headers['x-handoff-bot-signature'] ?? '' );
	$handoff_bot_expected  = 'v1=' . hash_hmac( 'sha256', $handoff_bot_timestamp . '.' . $handoff_bot_body, $handoff_bot_secret );
	$handoff_bot_valid     = hash_equals( $handoff_bot_expected, $handoff_bot_signature ) && abs( time() - (int) $handoff_bot_timestamp ) <= 300;
}

file_put_contents(
	$handoff_bot_dir . '/requests.jsonl',
	json_encode(
		array(
			'method'          => $_SERVER['REQUEST_METHOD'] ?? '',
			'path'            => $_SERVER['REQUEST_URI'] ?? '',
			'headers'         => $handoff_bot_headers,
			'body'            => $handoff_bot_body,
			'signature_valid' => $handoff_bot_valid,
			'answered'        => $handoff_bot_status,
		)
	) . "\n",
	FILE_APPEND
);
flock( $handoff_bot_lock, LOCK_UN );

http_response_code( $handoff_bot_status );
header( 'Content-Type: text/plain' );
echo $handoff_bot_status >= 200 && $handoff_bot_status < 300 ? 'ok' : 'receiver error ' . $handoff_bot_status; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- plain text from an integer.
