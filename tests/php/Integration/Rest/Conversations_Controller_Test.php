<?php
/**
 * Tests for the visitor routes.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Rest;

use HandoffBot\Contracts\Answerer;
use HandoffBot\Knowledge\Answer;
use HandoffBot\Repositories\Event_Repository;
use HandoffBot\Repositories\Message_Repository;
use HandoffBot\Settings;
use HandoffBot\Tests\Integration\Test_Case;
use WP_REST_Request;

/**
 * Conversations, messages, idempotency, tokens, rate limits and every error a visitor can cause.
 */
final class Conversations_Controller_Test extends Test_Case {

	/**
	 * A help page to answer from, and a fresh client address per test.
	 */
	protected function setUp(): void {
		parent::setUp();
		$_SERVER['REMOTE_ADDR'] = '203.0.113.' . wp_rand( 1, 254 );
		$this->create_post(
			array(
				'post_title'   => 'Alpaca shipping',
				'post_name'    => 'alpaca-shipping',
				'post_content' => "<!-- wp:heading -->\n<h2 class=\"wp-block-heading\">Alpaca delivery times</h2>\n<!-- /wp:heading -->\n<!-- wp:paragraph -->\n<p>Alpacas are delivered within 5 working days by our own trailer.</p>\n<!-- /wp:paragraph -->",
			)
		);
	}

	/**
	 * Restores the client address.
	 */
	protected function tearDown(): void {
		$_SERVER['REMOTE_ADDR'] = '127.0.0.1';
		remove_all_filters( 'handoff_bot_answerer' );
		parent::tearDown();
	}

	/**
	 * Rows of a table for a conversation.
	 *
	 * @param string $short           Table short name.
	 * @param int    $conversation_id Conversation.
	 */
	private function count_rows( string $short, int $conversation_id ): int {
		global $wpdb;
		return (int) $wpdb->get_var( $wpdb->prepare( 'SELECT COUNT(*) FROM %i WHERE conversation_id = %d', $wpdb->prefix . 'handoff_bot_' . $short, $conversation_id ) );
	}

	/**
	 * Starting returns an id and a token that is stored only as a hash.
	 */
	public function test_start_returns_a_token_stored_only_as_hash(): void {
		global $wpdb;
		list( $id, $token ) = $this->start_conversation();
		$this->assertMatchesRegularExpression( '/^[A-Za-z0-9_-]{43}$/', $token );
		$row = $wpdb->get_row( $wpdb->prepare( 'SELECT * FROM %i WHERE id = %d', $wpdb->prefix . 'handoff_bot_conversations', $id ), ARRAY_A );
		$this->assertSame( hash( 'sha256', $token ), $row['token_hash'] );
		$this->assertStringNotContainsString( $token, (string) wp_json_encode( $row ) );
		$this->assertSame( '0', (string) $row['user_id'] );
		$events = ( new Event_Repository() )->for_conversation( $id );
		$this->assertSame( 'conversation_started', $events[0]['type'] );
	}

	/**
	 * A logged-in visitor's conversation is linked to their user.
	 */
	public function test_logged_in_visitor_is_linked(): void {
		global $wpdb;
		$user = $this->create_user( 'subscriber' );
		wp_set_current_user( $user );
		list( $id ) = $this->start_conversation();
		$this->assertSame( (string) $user, (string) $wpdb->get_var( $wpdb->prepare( 'SELECT user_id FROM %i WHERE id = %d', $wpdb->prefix . 'handoff_bot_conversations', $id ) ) );
	}

	/**
	 * A message gets a cited answer, with its confidence and language.
	 */
	public function test_message_gets_a_cited_answer(): void {
		list( $id, $token ) = $this->start_conversation();
		$response           = $this->send( $id, $token, 'How long does alpaca delivery take?' );
		$this->assertSame( 201, $response->get_status() );
		$data = $response->get_data();
		$this->assertSame( 'visitor', $data['message']['role'] );
		$this->assertSame( 'bot', $data['reply']['role'] );
		$this->assertSame( 'answer', $data['reply']['kind'] );
		$this->assertStringContainsString( 'within 5 working days', $data['reply']['body'] );
		$this->assertSame( home_url( '/alpaca-shipping/#alpaca-delivery-times' ), $data['reply']['citations'][0]['url'] );
		$this->assertSame( 'Alpaca shipping', $data['reply']['citations'][0]['title'] );
		$this->assertSame( 'en', $data['reply']['language'] );
		$this->assertGreaterThanOrEqual( (float) ( new Settings() )->get( 'answer_threshold' ), $data['reply']['confidence'] );
		$this->assertArrayNotHasKey( 'sources_tried', $data['reply'] );
		$this->assertArrayNotHasKey( 'evidence', $data['reply'] );
		$this->assertSame( 'no-store', $response->get_headers()['Cache-Control'] );
		// What the bot tried, and what its confidence stands on, are kept for agents.
		$stored = ( new Message_Repository() )->find( $id, (int) $data['reply']['id'] );
		$this->assertNotNull( $stored );
		$this->assertNotEmpty( $stored['meta']['sources_tried'] );
		$this->assertArrayHasKey( 'sentence_missing_share', $stored['meta']['evidence'] );

		$types = wp_list_pluck( ( new Event_Repository() )->for_conversation( $id ), 'type' );
		$this->assertSame( array( 'conversation_started', 'message_received', 'answered' ), $types );
	}

	/**
	 * A question the site cannot answer gets the plain don't-know reply.
	 */
	public function test_unanswerable_question_gets_dont_know(): void {
		list( $id, $token ) = $this->start_conversation();
		$reply              = $this->send( $id, $token, 'What is the airspeed velocity of an unladen swallow?' )->get_data()['reply'];
		$this->assertSame( 'dont_know', $reply['kind'] );
		$this->assertSame( array(), $reply['citations'] );
		$this->assertStringContainsString( 'rephrase', $reply['body'] );
	}

	/**
	 * A resent message (same key) is stored once and answered once.
	 */
	public function test_resend_with_same_key_is_stored_and_answered_once(): void {
		list( $id, $token ) = $this->start_conversation();
		$first              = $this->send( $id, $token, 'How long does alpaca delivery take?', 'same-key-123' );
		$second             = $this->send( $id, $token, 'How long does alpaca delivery take?', 'same-key-123' );
		$this->assertSame( 201, $first->get_status() );
		$this->assertSame( 200, $second->get_status() );
		$this->assertTrue( $second->get_data()['replayed'] );
		$this->assertSame( $first->get_data()['message']['id'], $second->get_data()['message']['id'] );
		$this->assertSame( $first->get_data()['reply']['id'], $second->get_data()['reply']['id'] );
		$this->assertSame( 2, $this->count_rows( 'messages', $id ) );
		$this->assertCount( 1, wp_list_filter( ( new Event_Repository() )->for_conversation( $id ), array( 'type' => 'answered' ) ) );

		// The same key in another conversation is another message.
		list( $other_id, $other_token ) = $this->start_conversation();
		$this->assertSame( 201, $this->send( $other_id, $other_token, 'Hello', 'same-key-123' )->get_status() );
	}

	/**
	 * Bad input gets a 4xx with a code and a message, and stores nothing.
	 *
	 * @dataProvider bad_messages
	 *
	 * @param mixed  $message Message.
	 * @param string $key     Idempotency key.
	 * @param int    $status  Expected status.
	 * @param string $code    Expected code.
	 */
	public function test_bad_messages_are_refused( $message, string $key, int $status, string $code ): void {
		( new Settings() )->update( array( 'max_message_length' => 100 ) );
		list( $id, $token ) = $this->start_conversation();
		$response           = $this->rest(
			'POST',
			'/handoff-bot/v1/conversations/' . $id . '/messages',
			array(
				'message'         => $message,
				'idempotency_key' => $key,
			),
			array( 'X-Handoff-Bot-Token' => $token )
		);
		$this->assertSame( $status, $response->get_status() );
		$this->assertSame( $code, $response->get_data()['code'] );
		$this->assertNotEmpty( $response->get_data()['message'] );
		$this->assertSame( 0, $this->count_rows( 'messages', $id ) );
	}

	/**
	 * Bad messages.
	 *
	 * @return array<string, array{0: mixed, 1: string, 2: int, 3: string}>
	 */
	public function bad_messages(): array {
		return array(
			'empty'              => array( '', 'key-12345678', 400, 'handoff_bot_empty_message' ),
			'whitespace only'    => array( " \n\t  ", 'key-12345678', 400, 'handoff_bot_empty_message' ),
			'too long'           => array( str_repeat( 'é', 101 ), 'key-12345678', 400, 'handoff_bot_message_too_long' ),
			'invalid UTF-8'      => array( "caf\xC3\x28", 'key-12345678', 400, 'handoff_bot_invalid_utf8' ),
			'missing key'        => array( 'Hello', '', 400, 'handoff_bot_invalid_idempotency_key' ),
			'short key'          => array( 'Hello', 'abc', 400, 'handoff_bot_invalid_idempotency_key' ),
			'key with bad chars' => array( 'Hello', 'key with spaces!', 400, 'handoff_bot_invalid_idempotency_key' ),
			'not a string'       => array( array( 'a' ), 'key-12345678', 400, 'rest_invalid_param' ),
		);
	}

	/**
	 * A message exactly at the limit is accepted; the limit counts characters, not bytes.
	 */
	public function test_message_at_the_limit_is_accepted(): void {
		( new Settings() )->update( array( 'max_message_length' => 100 ) );
		list( $id, $token ) = $this->start_conversation();
		$this->assertSame( 201, $this->send( $id, $token, str_repeat( 'é', 100 ) )->get_status() );
	}

	/**
	 * HTML and script are stored and returned as text.
	 */
	public function test_html_is_stored_as_text(): void {
		list( $id, $token ) = $this->start_conversation();
		$html               = '<script>alert("x")</script><b>bold</b>';
		$data               = $this->send( $id, $token, $html )->get_data();
		$this->assertSame( $html, $data['message']['body'] );
		$messages = $this->rest( 'GET', '/handoff-bot/v1/conversations/' . $id . '/messages', array( 'after' => 0 ), array( 'X-Handoff-Bot-Token' => $token ) )->get_data()['messages'];
		$this->assertSame( $html, $messages[0]['body'] );
	}

	/**
	 * Malformed JSON is a 400, not a 500.
	 */
	public function test_malformed_json_is_a_400(): void {
		list( $id, $token ) = $this->start_conversation();
		$request            = new WP_REST_Request( 'POST', '/handoff-bot/v1/conversations/' . $id . '/messages' );
		$request->set_header( 'Content-Type', 'application/json' );
		$request->set_header( 'X-Handoff-Bot-Token', $token );
		$request->set_body( '{"message": "Hello", ' );
		$response = rest_do_request( $request );
		$this->assertSame( 400, $response->get_status() );
		$this->assertSame( 'rest_invalid_json', $response->get_data()['code'] );
	}

	/**
	 * Tokens: missing, wrong, another visitor's; unknown and ended conversations.
	 */
	public function test_tokens_and_conversation_state_are_checked(): void {
		list( $a_id, $a_token ) = $this->start_conversation();
		list( $b_id, $b_token ) = $this->start_conversation();
		$this->send( $a_id, $a_token, 'A private question about alpacas' );

		$missing = $this->rest( 'GET', '/handoff-bot/v1/conversations/' . $a_id . '/messages' );
		$this->assertSame( 401, $missing->get_status() );
		$this->assertSame( 'handoff_bot_token_missing', $missing->get_data()['code'] );

		$other = $this->rest( 'GET', '/handoff-bot/v1/conversations/' . $a_id . '/messages', array(), array( 'X-Handoff-Bot-Token' => $b_token ) );
		$this->assertSame( 403, $other->get_status() );
		$this->assertSame( 'handoff_bot_invalid_token', $other->get_data()['code'] );
		$this->assertStringNotContainsString( 'private question', (string) wp_json_encode( $other->get_data() ) );

		$write = $this->send( $a_id, $b_token, 'Hijack' );
		$this->assertSame( 403, $write->get_status() );

		$unknown = $this->send( 999999, $a_token, 'Hello' );
		$this->assertSame( 403, $unknown->get_status() );
		$this->assertSame( 'handoff_bot_invalid_token', $unknown->get_data()['code'] );

		$this->assertSame( 200, $this->rest( 'POST', '/handoff-bot/v1/conversations/' . $b_id . '/end', array( 'rating' => 4 ), array( 'X-Handoff-Bot-Token' => $b_token ) )->get_status() );
		$this->assertSame( 200, $this->rest( 'POST', '/handoff-bot/v1/conversations/' . $b_id . '/end', array(), array( 'X-Handoff-Bot-Token' => $b_token ) )->get_status() );
		$ended = $this->send( $b_id, $b_token, 'Still there?' );
		$this->assertSame( 409, $ended->get_status() );
		$this->assertSame( 'handoff_bot_conversation_ended', $ended->get_data()['code'] );

		// A message stored before the end is still replayed when the client resends it.
		$this->assertSame( 201, $this->send( $a_id, $a_token, 'Last words', 'late-key-1' )->get_status() );
		$this->rest( 'POST', '/handoff-bot/v1/conversations/' . $a_id . '/end', array(), array( 'X-Handoff-Bot-Token' => $a_token ) );
		$replay = $this->send( $a_id, $a_token, 'Last words', 'late-key-1' );
		$this->assertSame( 200, $replay->get_status() );
		$this->assertTrue( $replay->get_data()['replayed'] );
	}

	/**
	 * Whether a conversation exists cannot be told from outside: on every visitor route an unknown
	 * ID answers exactly as a wrong token does, and a missing token the same whatever the ID.
	 */
	public function test_unknown_conversations_answer_like_wrong_tokens(): void {
		( new Settings() )->update( array( 'rate_limit_ip_per_minute' => 1000 ) );
		list( $id )            = $this->start_conversation();
		list( $other, $token ) = $this->start_conversation();
		$unknown               = $other + 1000;
		$calls                 = array(
			array( 'GET', 'messages', array( 'after' => 0 ) ),
			array(
				'POST',
				'messages',
				array(
					'message'         => 'Hello',
					'idempotency_key' => 'probe-key-1',
				),
			),
			array( 'POST', 'pages', array( 'page_url' => home_url( '/shipping/' ) ) ),
			array( 'POST', 'feedback', array( 'rating' => 5 ) ),
			array( 'POST', 'end', array() ),
		);
		foreach ( $calls as list( $method, $route, $params ) ) {
			foreach ( array( $token, '' ) as $sent ) {
				$headers  = '' === $sent ? array() : array( 'X-Handoff-Bot-Token' => $sent );
				$existing = $this->rest( $method, '/handoff-bot/v1/conversations/' . $id . '/' . $route, $params, $headers );
				$missing  = $this->rest( $method, '/handoff-bot/v1/conversations/' . $unknown . '/' . $route, $params, $headers );
				$label    = $method . ' ' . $route . ( '' === $sent ? ' without a token' : ' with another conversation’s token' );
				$this->assertSame( '' === $sent ? 401 : 403, $existing->get_status(), $label );
				$this->assertSame( $existing->get_status(), $missing->get_status(), $label );
				$this->assertSame( $existing->get_data(), $missing->get_data(), $label );
				$this->assertSame( $existing->get_headers(), $missing->get_headers(), $label );
			}
		}
	}

	/**
	 * Logged-in people, even administrators, need the visitor token for a visitor conversation.
	 *
	 * @dataProvider roles
	 *
	 * @param string $role Role.
	 */
	public function test_roles_without_the_token_are_refused( string $role ): void {
		list( $id ) = $this->start_conversation();
		wp_set_current_user( $this->create_user( $role ) );
		$this->assertSame( 401, $this->rest( 'GET', '/handoff-bot/v1/conversations/' . $id . '/messages' )->get_status() );
		$this->assertSame( 401, $this->send( $id, '', 'Hello' )->get_status() );
	}

	/**
	 * Roles.
	 *
	 * @return array<string, array{0: string}>
	 */
	public function roles(): array {
		return array(
			'subscriber'    => array( 'subscriber' ),
			'support agent' => array( 'handoff_bot_agent' ),
			'administrator' => array( 'administrator' ),
		);
	}

	/**
	 * Reading after a cursor: new messages, then "nothing new" without loading the knowledge index.
	 */
	public function test_read_after_cursor_is_cheap_and_uncached(): void {
		list( $id, $token ) = $this->start_conversation();
		$sent               = $this->send( $id, $token, 'How long does alpaca delivery take?' )->get_data();

		$all = $this->rest( 'GET', '/handoff-bot/v1/conversations/' . $id . '/messages', array( 'after' => 0 ), array( 'X-Handoff-Bot-Token' => $token ) );
		$this->assertSame( array( 'visitor', 'bot' ), wp_list_pluck( $all->get_data()['messages'], 'role' ) );
		$this->assertSame( $sent['cursor'], $all->get_data()['cursor'] );

		$before  = did_filter( 'handoff_bot_answerer' );
		$nothing = $this->rest( 'GET', '/handoff-bot/v1/conversations/' . $id . '/messages', array( 'after' => $sent['cursor'] ), array( 'X-Handoff-Bot-Token' => $token ) );
		$this->assertSame( 200, $nothing->get_status() );
		$this->assertSame( array(), $nothing->get_data()['messages'] );
		$this->assertSame( $sent['cursor'], $nothing->get_data()['cursor'] );
		$this->assertSame( 'no-store', $nothing->get_headers()['Cache-Control'] );
		$this->assertSame( $before, did_filter( 'handoff_bot_answerer' ), 'reading messages must not build the answerer' );

		$bad = $this->rest( 'GET', '/handoff-bot/v1/conversations/' . $id . '/messages', array( 'after' => -1 ), array( 'X-Handoff-Bot-Token' => $token ) );
		$this->assertSame( 400, $bad->get_status() );
	}

	/**
	 * The page trail keeps same-site pages in order, merges repeats, and is capped.
	 */
	public function test_page_trail(): void {
		( new Settings() )->update( array( 'rate_limit_ip_per_minute' => 1000 ) );
		list( $id, $token ) = $this->start_conversation();
		$headers            = array( 'X-Handoff-Bot-Token' => $token );
		$this->send(
			$id,
			$token,
			'Hello',
			'',
			array(
				'page_url'   => home_url( '/shipping/' ),
				'page_title' => 'Shipping',
			)
		);
		$this->rest( 'POST', '/handoff-bot/v1/conversations/' . $id . '/pages', array( 'page_url' => home_url( '/shipping/' ) ), $headers );
		$this->rest( 'POST', '/handoff-bot/v1/conversations/' . $id . '/pages', array( 'page_url' => 'https://evil.example/phish' ), $headers );
		$this->rest( 'POST', '/handoff-bot/v1/conversations/' . $id . '/pages', array( 'page_url' => 'javascript:alert(1)' ), $headers );
		$trail = $this->rest(
			'POST',
			'/handoff-bot/v1/conversations/' . $id . '/pages',
			array(
				'page_url'   => home_url( '/returns/?ref=chat' ),
				'page_title' => '<b>Returns</b>',
			),
			$headers
		)->get_data()['page_trail'];
		$this->assertSame( array( home_url( '/help/' ), home_url( '/shipping/' ), home_url( '/returns/' ) ), wp_list_pluck( $trail, 'url' ) );
		$this->assertSame( 'Returns', $trail[2]['title'] );

		for ( $i = 0; $i < 60; $i++ ) {
			$response = $this->rest( 'POST', '/handoff-bot/v1/conversations/' . $id . '/pages', array( 'page_url' => home_url( '/p' . $i . '/' ) ), $headers );
			$this->assertSame( 200, $response->get_status() );
			$trail = $response->get_data()['page_trail'];
		}
		$this->assertCount( 50, $trail );
		$this->assertSame( home_url( '/p59/' ), end( $trail )['url'] );

		$missing = $this->rest( 'POST', '/handoff-bot/v1/conversations/' . $id . '/pages', array(), $headers );
		$this->assertSame( 400, $missing->get_status() );
	}

	/**
	 * Page URLs lose their query string (an e-mail address, tracking parameters) and fragment, in
	 * the trail and in each message's page_url, unless a site allows a parameter.
	 */
	public function test_page_urls_keep_no_query_string(): void {
		global $wpdb;
		( new Settings() )->update( array( 'rate_limit_ip_per_minute' => 1000 ) );
		$started = $this->rest( 'POST', '/handoff-bot/v1/conversations', array( 'page_url' => home_url( '/help/?email=jo%40example.com&utm_source=news#top' ) ) )->get_data();
		$id      = (int) $started['id'];
		$token   = (string) $started['token'];
		$meta    = function () use ( $wpdb, $id ): array {
			$raw = $wpdb->get_col( $wpdb->prepare( 'SELECT meta FROM %i WHERE conversation_id = %d AND role = %s ORDER BY id', $wpdb->prefix . 'handoff_bot_messages', $id, 'visitor' ) );
			return array_map(
				static function ( $json ) {
					return json_decode( (string) $json, true )['page_url'];
				},
				$raw
			);
		};

		$this->send( $id, $token, 'Hello', '', array( 'page_url' => home_url( '/orders/?order=123&key=wc_order_abc#details' ) ) );
		$trail = $this->rest( 'POST', '/handoff-bot/v1/conversations/' . $id . '/pages', array( 'page_url' => home_url( '/account/?reset=secret-token' ) ), array( 'X-Handoff-Bot-Token' => $token ) )->get_data()['page_trail'];
		$this->assertSame( array( home_url( '/help/' ), home_url( '/orders/' ), home_url( '/account/' ) ), wp_list_pluck( $trail, 'url' ) );
		$this->assertSame( array( home_url( '/orders/' ) ), $meta() );

		$allow = static function (): array {
			return array( 'lang', 'product' );
		};
		add_filter( 'handoff_bot_page_url_allowed_params', $allow );
		try {
			$this->send( $id, $token, 'And this?', '', array( 'page_url' => home_url( '/shop/?email=jo%40example.com&product=42&lang=fr#reviews' ) ) );
		} finally {
			remove_filter( 'handoff_bot_page_url_allowed_params', $allow );
		}
		$this->assertSame( array( home_url( '/orders/' ), home_url( '/shop/?product=42&lang=fr' ) ), $meta() );
		$this->assertStringNotContainsString( 'example.com', (string) $wpdb->get_var( $wpdb->prepare( 'SELECT page_trail FROM %i WHERE id = %d', $wpdb->prefix . 'handoff_bot_conversations', $id ) ) );

		// With plain permalinks, the parameters that name a page stay.
		$structure = get_option( 'permalink_structure' );
		update_option( 'permalink_structure', '' );
		try {
			$this->send( $id, $token, 'One more', '', array( 'page_url' => home_url( '/?page_id=7&email=jo%40example.com' ) ) );
		} finally {
			update_option( 'permalink_structure', $structure );
		}
		$this->assertSame( home_url( '/?page_id=7' ), $meta()[2] );
	}

	/**
	 * Feedback on an answer and a rating at the end; malformed feedback is refused.
	 */
	public function test_feedback(): void {
		global $wpdb;
		list( $id, $token ) = $this->start_conversation();
		$headers            = array( 'X-Handoff-Bot-Token' => $token );
		$data               = $this->send( $id, $token, 'How long does alpaca delivery take?' )->get_data();
		$url                = '/handoff-bot/v1/conversations/' . $id . '/feedback';

		$this->assertSame(
			200,
			$this->rest(
				'POST',
				$url,
				array(
					'message_id' => $data['reply']['id'],
					'helpful'    => false,
				),
				$headers
			)->get_status()
		);
		$this->assertSame( '-1', (string) $wpdb->get_var( $wpdb->prepare( 'SELECT feedback FROM %i WHERE id = %d', $wpdb->prefix . 'handoff_bot_messages', $data['reply']['id'] ) ) );
		$this->assertSame( 200, $this->rest( 'POST', $url, array( 'rating' => 5 ), $headers )->get_status() );

		foreach ( array(
			array(),
			array(
				'message_id' => $data['message']['id'],
				'helpful'    => true,
			),
			array( 'message_id' => $data['reply']['id'] ),
			array(
				'message_id' => $data['reply']['id'],
				'helpful'    => true,
				'rating'     => 3,
			),
		) as $bad ) {
			$response = $this->rest( 'POST', $url, $bad, $headers );
			$this->assertSame( 400, $response->get_status() );
			$this->assertSame( 'handoff_bot_invalid_feedback', $response->get_data()['code'] );
		}
		$this->assertSame( 400, $this->rest( 'POST', $url, array( 'rating' => 6 ), $headers )->get_status() );
	}

	/**
	 * Over the per-token limit: 429 with Retry-After; the limit is an admin setting.
	 */
	public function test_token_rate_limit(): void {
		( new Settings() )->update( array( 'rate_limit_token_per_minute' => 3 ) );
		list( $id, $token ) = $this->start_conversation();
		for ( $i = 0; $i < 3; $i++ ) {
			$this->assertSame( 201, $this->send( $id, $token, 'Hello' )->get_status() );
		}
		$limited = $this->send( $id, $token, 'Hello' );
		$this->assertSame( 429, $limited->get_status() );
		$this->assertSame( 'handoff_bot_rate_limited', $limited->get_data()['code'] );
		$this->assertSame( 'conversation', $limited->get_data()['data']['limit'], 'the chat can say it is the many messages' );
		$retry = (int) $limited->get_headers()['Retry-After'];
		$this->assertGreaterThanOrEqual( 1, $retry );
		$this->assertLessThanOrEqual( 60, $retry );
		$this->assertSame( 6, $this->count_rows( 'messages', $id ) );
	}

	/**
	 * Each request counts once against the address limit: sending a message (whose response also
	 * carries an Allow header, worked out from the route's other permission checks) is one hit.
	 */
	public function test_each_request_counts_once_against_the_address_limit(): void {
		( new Settings() )->update( array( 'rate_limit_ip_per_minute' => 4 ) );
		list( $id, $token ) = $this->start_conversation();
		for ( $i = 0; $i < 3; $i++ ) {
			$sent = $this->send( $id, $token, 'Hello' );
			$this->assertSame( 201, $sent->get_status(), 'request ' . ( $i + 2 ) . ' of 4 is within the limit' );
			$this->assertArrayHasKey( 'Allow', $sent->get_headers() );
		}
		$limited = $this->send( $id, $token, 'Hello' );
		$this->assertSame( 429, $limited->get_status() );
		$this->assertSame( 'handoff_bot_rate_limited', $limited->get_data()['code'] );
	}

	/**
	 * A poll through the REST server (not the early path) is one hit on the address, and none on
	 * the token's sending limit, although WordPress checks the send permission for its Allow header.
	 */
	public function test_polls_count_once_and_never_against_sending(): void {
		add_filter( 'handoff_bot_fast_poll', '__return_false' );
		( new Settings() )->update(
			array(
				'rate_limit_ip_per_minute'    => 4,
				'rate_limit_token_per_minute' => 1,
			)
		);
		list( $id, $token ) = $this->start_conversation();
		$poll               = function () use ( $id, $token ): \WP_REST_Response {
			return $this->rest( 'GET', '/handoff-bot/v1/conversations/' . $id . '/messages', array( 'after' => 0 ), array( 'X-Handoff-Bot-Token' => $token ) );
		};
		for ( $i = 0; $i < 2; $i++ ) {
			$polled = $poll();
			$this->assertSame( 200, $polled->get_status(), 'poll ' . ( $i + 1 ) );
			$this->assertStringContainsString( 'POST', $polled->get_headers()['Allow'] );
		}
		$this->assertSame( 201, $this->send( $id, $token, 'Hello' )->get_status(), 'the token may still send' );
		$this->assertSame( 429, $poll()->get_status(), 'the fifth request from the address' );
		remove_filter( 'handoff_bot_fast_poll', '__return_false' );
	}

	/**
	 * Made-up tokens add no counters (the table cannot be filled from outside), yet count against
	 * the address, whose limit then answers 429.
	 */
	public function test_wrong_tokens_count_against_the_address_only(): void {
		global $wpdb;
		( new Settings() )->update( array( 'rate_limit_ip_per_minute' => 4 ) );
		list( $id ) = $this->start_conversation();
		$counters   = $wpdb->prefix . 'handoff_bot_rate_limits';
		$before     = (int) $wpdb->get_var( $wpdb->prepare( 'SELECT COUNT(*) FROM %i', $counters ) );
		$statuses   = array();
		for ( $i = 0; $i < 4; $i++ ) {
			$statuses[] = $this->send( $id, 'made-up-token-' . $i, 'Hello' )->get_status();
		}
		$this->assertSame( array( 403, 403, 403, 429 ), $statuses );
		$this->assertSame( $before, (int) $wpdb->get_var( $wpdb->prepare( 'SELECT COUNT(*) FROM %i', $counters ) ), 'only the address counter, which exists already' );
	}

	/**
	 * The per-address limit uses REMOTE_ADDR, whatever X-Forwarded-For says.
	 */
	public function test_ip_rate_limit_ignores_forwarded_headers(): void {
		( new Settings() )->update( array( 'rate_limit_new_conversations_per_hour' => 2 ) );
		$request = function ( string $forwarded ) {
			$r = new WP_REST_Request( 'POST', '/handoff-bot/v1/conversations' );
			$r->set_header( 'X-Forwarded-For', $forwarded );
			return rest_do_request( $r );
		};
		$this->assertSame( 201, $request( '198.51.100.1' )->get_status() );
		$this->assertSame( 201, $request( '198.51.100.2' )->get_status() );
		$this->assertSame( 429, $request( '198.51.100.3' )->get_status() );

		$_SERVER['REMOTE_ADDR'] = '192.0.2.77';
		$this->assertSame( 201, $request( '198.51.100.3' )->get_status() );
	}

	/**
	 * When answering fails after the message is stored, the message stays and the visitor gets an honest reply.
	 */
	public function test_answerer_failure_keeps_the_message(): void {
		add_filter(
			'handoff_bot_answerer',
			static function (): Answerer {
				return new class() implements Answerer {
					/**
					 * An answering service that is down.
					 *
					 * @param string $question Question.
					 * @param string $language Language.
					 * @throws \RuntimeException Always.
					 */
					public function answer( string $question, string $language ): Answer {
						throw new \RuntimeException( 'answer service unavailable' );
					}
				};
			}
		);
		list( $id, $token ) = $this->start_conversation();
		$response           = $this->send( $id, $token, 'How long does alpaca delivery take?' );
		$this->assertSame( 201, $response->get_status() );
		$this->assertSame( 'dont_know', $response->get_data()['reply']['kind'] );
		$this->assertSame( 'How long does alpaca delivery take?', $response->get_data()['message']['body'] );
		$this->assertCount( 1, wp_list_filter( ( new Event_Repository() )->for_conversation( $id ), array( 'type' => 'answer_failed' ) ) );
	}
}
