<?php
/**
 * Tests for the early answer to message polls.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Rest;

use HandoffBot\Plugin;
use HandoffBot\Rest\Fast_Poll;
use HandoffBot\Settings;
use HandoffBot\Tests\Integration\Test_Case;
use WP_Error;

/**
 * The fast poll answers what the REST route answers, and only requests the REST route would get.
 *
 * Answering defines REST_REQUEST for the rest of the process, so the tests in which the fast poll
 * answers run in a process of their own.
 */
final class Fast_Poll_Test extends Test_Case {

	/**
	 * $_SERVER and $_GET before the test.
	 *
	 * @var array{0: array<string, mixed>, 1: array<string, mixed>}
	 */
	private array $saved = array( array(), array() );

	/**
	 * Saves the request globals; a fresh client address.
	 */
	protected function setUp(): void {
		parent::setUp();
		$this->saved            = array( $_SERVER, $_GET ); // phpcs:ignore WordPress.Security.NonceVerification.Recommended -- saved to restore after the test.
		$_SERVER['REMOTE_ADDR'] = '203.0.113.' . wp_rand( 1, 254 );
	}

	/**
	 * Restores the request globals.
	 */
	protected function tearDown(): void {
		list( $_SERVER, $_GET ) = $this->saved; // phpcs:ignore WordPress.Security.NonceVerification.Recommended -- restores what the test changed.
		remove_all_filters( 'rest_authentication_errors' );
		add_filter( 'rest_authentication_errors', 'rest_application_password_check_errors', 90 );
		add_filter( 'rest_authentication_errors', 'rest_cookie_check_errors', 100 );
		parent::tearDown();
	}

	/**
	 * The plugin's early poll.
	 */
	private function controller(): Fast_Poll {
		return Plugin::boot()->fast_poll();
	}

	/**
	 * The fast poll's response to a GET of a URI.
	 *
	 * @param string                $uri     Request URI (path and query).
	 * @param string                $token   X-Handoff-Bot-Token, or '' for none.
	 * @param array<string, string> $server  Other $_SERVER entries.
	 * @return array{status: int, headers: array<string, string>, body: string}|null
	 */
	private function poll( string $uri, string $token = '', array $server = array() ): ?array {
		$_SERVER['REQUEST_METHOD'] = 'GET';
		$_SERVER['REQUEST_URI']    = $uri;
		unset( $_SERVER['HTTP_X_HANDOFF_BOT_TOKEN'] );
		if ( '' !== $token ) {
			$_SERVER['HTTP_X_HANDOFF_BOT_TOKEN'] = $token;
		}
		foreach ( $server as $key => $value ) {
			$_SERVER[ $key ] = $value;
		}
		$query = array();
		wp_parse_str( (string) wp_parse_url( $uri, PHP_URL_QUERY ), $query );
		$_GET = $query;
		return $this->controller()->response();
	}

	/**
	 * The same poll through the REST server.
	 *
	 * @param int    $id    Conversation.
	 * @param string $token Token.
	 * @param int    $after Cursor.
	 */
	private function rest_poll( int $id, string $token, int $after = 0 ): \WP_REST_Response {
		add_filter( 'handoff_bot_fast_poll', '__return_false' );
		try {
			return $this->rest( 'GET', '/handoff-bot/v1/conversations/' . $id . '/messages', array( 'after' => $after ), '' === $token ? array() : array( 'X-Handoff-Bot-Token' => $token ) );
		} finally {
			remove_filter( 'handoff_bot_fast_poll', '__return_false' );
		}
	}

	/**
	 * Asserts that a fast response is the REST server's.
	 *
	 * @param \WP_REST_Response                                                     $rest The REST server's response.
	 * @param array{status: int, headers: array<string, string>, body: string}|null $fast The fast poll's.
	 * @param string                                                                $what What is compared.
	 */
	private function assert_same_answer( \WP_REST_Response $rest, ?array $fast, string $what ): void {
		$this->assertNotNull( $fast, $what . ': answered early' );
		$this->assertSame( $rest->get_status(), $fast['status'], $what );
		$this->assertSame( wp_json_encode( $rest->get_data() ), $fast['body'], $what );
		$this->assertSame( 'no-store', $fast['headers']['Cache-Control'], $what );
	}

	/**
	 * Only a GET of this route at the site's own REST URL is answered early: not another path
	 * that contains the REST prefix, not ?rest_route= on another entry point, not a request that
	 * carries credentials. Those take the normal path (nothing is counted or defined here).
	 */
	public function test_only_the_sites_rest_url_is_answered(): void {
		list( $id, $token ) = $this->start_conversation();
		$route              = '/handoff-bot/v1/conversations/' . $id . '/messages';
		foreach ( array(
			'/wp-login.php?rest_route=' . $route,
			'/wp-admin/admin-ajax.php?rest_route=' . $route . '&after=0',
			'/wp-cron.php?rest_route=' . $route,
			'/some/page/?rest_route=' . $route,
			'/some/wp-json' . $route,
			'/wp-login.php/wp-json' . $route,
			'/shop/wp-json' . $route . '?after=0',
			'/wp-json/handoff-bot/v1/conversations/' . $id . '/messages/extra',
			'/wp-json' . $route . '?after=-1',
			// The REST server's own parameters: it wraps, pads or trims the answer, or changes the method.
			'/wp-json' . $route . '?_envelope=1',
			'/wp-json' . $route . '?_jsonp=cb',
			'/wp-json' . $route . '?_fields=cursor',
			'/wp-json' . $route . '?_method=DELETE',
		) as $uri ) {
			$this->assertNull( $this->poll( $uri, $token ), $uri );
		}
		$this->assertNull( $this->poll( '/wp-json' . $route, $token, array( 'REQUEST_METHOD' => 'POST' ) ), 'a POST' );
		$this->assertNull( $this->poll( '/wp-json' . $route, $token, array( 'PHP_AUTH_USER' => 'admin' ) ), 'HTTP authentication' );
		$this->assertNull( $this->poll( '/wp-json' . $route, $token, array( 'HTTP_X_HTTP_METHOD_OVERRIDE' => 'DELETE' ) ), 'a method override' );
		$_COOKIE[ LOGGED_IN_COOKIE ] = 'someone|1|x|y';
		try {
			$this->assertNull( $this->poll( '/wp-json' . $route, $token ), 'a login cookie' );
		} finally {
			unset( $_COOKIE[ LOGGED_IN_COOKIE ] );
		}
		$this->assertFalse( defined( 'REST_REQUEST' ) && REST_REQUEST, 'nothing was answered' );
	}

	/**
	 * The early poll answers exactly like the REST route, at the site's REST URL and through
	 * ?rest_route= on the front page, and refuses the same way.
	 *
	 * @runInSeparateProcess
	 * @preserveGlobalState disabled
	 */
	public function test_answers_and_refusals_match_the_rest_route(): void {
		list( $id, $token ) = $this->start_conversation();
		$this->send( $id, $token, 'How long does alpaca delivery take?' );
		$route = '/handoff-bot/v1/conversations/' . $id . '/messages';

		$this->assert_same_answer( $this->rest_poll( $id, $token ), $this->poll( '/wp-json' . $route . '?after=0', $token ), 'pretty REST URL' );
		$this->assertTrue( REST_REQUEST );
		$this->assert_same_answer( $this->rest_poll( $id, $token ), $this->poll( '/?rest_route=' . rawurlencode( $route ) . '&after=0', $token ), '?rest_route= on the front page' );
		$this->assert_same_answer( $this->rest_poll( $id, $token, 1 ), $this->poll( '/index.php?rest_route=' . $route . '&after=1', $token ), '?rest_route= on index.php' );

		$this->assert_same_answer( $this->rest_poll( $id, 'wrong' ), $this->poll( '/wp-json' . $route, 'wrong' ), 'a wrong token' );
		$this->assert_same_answer( $this->rest_poll( $id, '' ), $this->poll( '/wp-json' . $route ), 'no token' );
		$unknown = $this->poll( '/wp-json/handoff-bot/v1/conversations/' . ( $id + 1000 ) . '/messages', 'wrong' );
		$this->assert_same_answer( $this->rest_poll( $id, 'wrong' ), $unknown, 'an unknown conversation' );

		( new Settings() )->update( array( 'rate_limit_ip_per_minute' => 1 ) );
		$rest = $this->rest_poll( $id, $token );
		$fast = $this->poll( '/wp-json' . $route, $token );
		$this->assertSame( 429, $rest->get_status() );
		$this->assertSame( 429, $fast['status'] ?? null );
		$body = json_decode( $fast['body'], true );
		$this->assertSame( 'handoff_bot_rate_limited', $body['code'] );
		$this->assertSame( $rest->get_data()['message'], $body['message'] );
		$this->assertSame( (string) $body['data']['retry_after'], $fast['headers']['Retry-After'] );
	}

	/**
	 * A site that closes its REST API to anonymous visitors closes the early poll too, with the
	 * REST server's answer.
	 *
	 * @runInSeparateProcess
	 * @preserveGlobalState disabled
	 */
	public function test_rest_authentication_errors_refuse_polls_too(): void {
		list( $id, $token ) = $this->start_conversation();
		add_filter(
			'rest_authentication_errors',
			static function ( $result ) {
				if ( null === $result && ! is_user_logged_in() ) {
					return new WP_Error( 'rest_login_required', 'Only signed-in users may use the REST API.', array( 'status' => 401 ) );
				}
				return $result;
			}
		);
		$rest = rest_get_server();
		ob_start();
		$rest->serve_request( '/handoff-bot/v1/conversations/' . $id . '/messages' );
		$served = (string) ob_get_clean();
		$this->assertSame( 401, http_response_code() );
		$this->assertStringContainsString( 'rest_login_required', $served );

		$fast = $this->poll( '/wp-json/handoff-bot/v1/conversations/' . $id . '/messages?after=0', $token );
		$this->assertNotNull( $fast );
		$this->assertSame( 401, $fast['status'] );
		$this->assertSame( $served, $fast['body'] );
	}

	/**
	 * The fast poll runs last on plugins_loaded, so filters that other plugins add there (a
	 * trusted proxy, rest_authentication_errors) apply to polls as they do to the REST route.
	 */
	public function test_the_fast_poll_runs_after_other_plugins_have_added_their_filters(): void {
		$this->assertSame( PHP_INT_MAX, has_action( 'plugins_loaded', array( $this->controller(), 'serve' ) ) );
	}
}
