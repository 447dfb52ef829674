<?php
/**
 * Message polls answered before WordPress has fully started.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Rest;

use HandoffBot\Contracts\Registrable;
use WP_REST_Request;
use WP_REST_Response;

defined( 'ABSPATH' ) || exit;

/**
 * The chat polls "read messages after a cursor" while a conversation is open, and most polls
 * find nothing new: this answers them on `plugins_loaded`, skipping the theme, `init` and the REST
 * server's start-up, with the same permission check and callback as the REST route.
 */
final class Fast_Poll implements Registrable {

	/**
	 * The visitor routes' guard.
	 *
	 * @var Visitor_Guard
	 */
	private Visitor_Guard $guard;

	/**
	 * The route's callback: a request for messages => its response.
	 *
	 * @var callable(WP_REST_Request): WP_REST_Response
	 */
	private $messages;

	/**
	 * Builds the poll.
	 *
	 * @param Visitor_Guard $guard    The visitor routes' guard.
	 * @param callable      $messages The messages route's callback.
	 * @phpstan-param callable(WP_REST_Request): WP_REST_Response $messages
	 */
	public function __construct( Visitor_Guard $guard, callable $messages ) {
		$this->guard    = $guard;
		$this->messages = $messages;
	}

	/**
	 * {@inheritDoc}
	 */
	public function register(): void {
		// Last on plugins_loaded: the filters other plugins add there (trusted proxies,
		// rest_authentication_errors) are in place, and the schema is current (priority 5).
		add_action( 'plugins_loaded', array( $this, 'serve' ), PHP_INT_MAX );
	}

	/**
	 * Answers "read messages after a cursor" as soon as plugins are loaded, skipping the theme,
	 * `init` and the REST server's start-up: the chat polls this route, and most polls find
	 * nothing new. It answers only what the REST route would answer the same way: a GET of the
	 * site's own REST URL for this route, from a visitor without a login cookie or HTTP
	 * authentication (the REST server authenticates those, after `init`). It defines REST_REQUEST,
	 * applies `rest_authentication_errors`, then runs the route's permission check and callback.
	 */
	public function serve(): void {
		$response = $this->response();
		if ( null === $response ) {
			return;
		}
		status_header( $response['status'] );
		foreach ( $response['headers'] as $name => $value ) {
			header( $name . ': ' . $value );
		}
		echo $response['body']; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- a JSON document sent as application/json.
		exit;
	}

	/**
	 * The fast poll's response, or null when the request is not a plain poll. Once it has
	 * defined REST_REQUEST it always answers (WordPress would define it again).
	 *
	 * @return array{status: int, headers: array<string, string>, body: string}|null
	 */
	public function response(): ?array {
		$method = isset( $_SERVER['REQUEST_METHOD'] ) ? strtoupper( sanitize_key( wp_unslash( $_SERVER['REQUEST_METHOD'] ) ) ) : '';
		if ( 'GET' !== $method ) {
			return null;
		}
		/**
		 * Whether message polls are answered early, before `init`. Turn it off if a plugin must see
		 * every REST request on `init` or later (code that filters `rest_authentication_errors` is
		 * seen when a plugin or must-use plugin adds it, not a theme).
		 *
		 * @since 0.1.0
		 *
		 * @param bool $enabled Default true.
		 */
		if ( ! apply_filters( 'handoff_bot_fast_poll', true ) ) {
			return null;
		}
		$route = $this->route();
		if ( null === $route || ! preg_match( '#^/handoff-bot/v1/conversations/(\d+)/messages/?$#', $route, $m ) ) {
			return null;
		}
		// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- visitors authenticate with their token; see the permission check.
		$after = isset( $_GET['after'] ) ? sanitize_text_field( wp_unslash( $_GET['after'] ) ) : '0';
		if ( ! preg_match( '/^\d{1,18}$/', $after ) || self::has_credentials() || self::asks_the_rest_server_for_more() ) {
			return null;
		}

		if ( ! defined( 'REST_REQUEST' ) ) {
			define( 'REST_REQUEST', true ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedConstantFound -- WordPress's own constant, defined as rest_api_loaded() does.
		}
		$headers = array(
			'Content-Type'           => 'application/json; charset=' . get_option( 'blog_charset' ),
			'Cache-Control'          => 'no-store',
			'X-Content-Type-Options' => 'nosniff',
		);
		/** This filter is documented in wp-includes/rest-api/class-wp-rest-server.php */
		$refused = apply_filters( 'rest_authentication_errors', null ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedHooknameFound -- WordPress's own filter, applied as the REST server applies it.
		if ( ! is_wp_error( $refused ) ) {
			$request = new WP_REST_Request( 'GET', '/handoff-bot/v1/conversations/' . $m[1] . '/messages' );
			$request->set_url_params( array( 'id' => (int) $m[1] ) );
			$request->set_query_params( array( 'after' => (int) $after ) );
			if ( isset( $_SERVER['HTTP_X_HANDOFF_BOT_TOKEN'] ) ) {
				$request->set_header( Visitor_Guard::HEADER, sanitize_text_field( wp_unslash( $_SERVER['HTTP_X_HANDOFF_BOT_TOKEN'] ) ) );
			}
			$refused = $this->guard->visitor_check( $request );
		}
		if ( is_wp_error( $refused ) ) {
			// The body and status the REST server makes of an error.
			$error = rest_convert_error_to_response( $refused );
			$data  = (array) $refused->get_error_data();
			if ( 429 === $error->get_status() && isset( $data['retry_after'] ) ) {
				$headers['Retry-After'] = (string) (int) $data['retry_after'];
			}
			return array(
				'status'  => $error->get_status(),
				'headers' => $headers,
				'body'    => (string) wp_json_encode( $error->get_data() ),
			);
		}
		return array(
			'status'  => 200,
			'headers' => $headers,
			'body'    => (string) wp_json_encode( ( $this->messages )( $request )->get_data() ),
		);
	}

	/**
	 * The REST route a request asks for, when it asks through the site's own REST URL: the path
	 * under the REST prefix with pretty permalinks, or `?rest_route=` on the front page (what
	 * WordPress itself reads; not on wp-login.php or admin-ajax.php). Null otherwise.
	 */
	private function route(): ?string {
		$path = isset( $_SERVER['REQUEST_URI'] ) ? (string) wp_parse_url( esc_url_raw( wp_unslash( $_SERVER['REQUEST_URI'] ) ), PHP_URL_PATH ) : '';
		$home = '/' . ltrim( trailingslashit( (string) wp_parse_url( home_url( '/' ), PHP_URL_PATH ) ), '/' );
		// phpcs:disable WordPress.Security.NonceVerification.Recommended -- only reads which route is asked for.
		if ( isset( $_GET['rest_route'] ) ) {
			if ( $path !== $home && $path !== $home . 'index.php' ) {
				return null;
			}
			return is_string( $_GET['rest_route'] ) ? sanitize_text_field( wp_unslash( $_GET['rest_route'] ) ) : null;
		}
		// phpcs:enable
		$structure = (string) get_option( 'permalink_structure' );
		if ( '' === $structure ) {
			return null;
		}
		// As get_rest_url() builds it; $wp_rewrite, which it asks, does not exist yet.
		$prefix = $home . ( preg_match( '#^/*index\.php#', $structure ) ? 'index.php/' : '' ) . trim( rest_get_url_prefix(), '/' ) . '/';
		return 0 === strpos( $path, $prefix ) ? '/' . substr( $path, strlen( $prefix ) ) : null;
	}

	/**
	 * Whether the request carries a login cookie or HTTP authentication.
	 */
	private static function has_credentials(): bool {
		return ( defined( 'LOGGED_IN_COOKIE' ) && isset( $_COOKIE[ LOGGED_IN_COOKIE ] ) )
			|| isset( $_SERVER['PHP_AUTH_USER'] )
			|| isset( $_SERVER['HTTP_AUTHORIZATION'] )
			|| isset( $_SERVER['REDIRECT_HTTP_AUTHORIZATION'] );
	}

	/**
	 * Whether the request uses one of the REST server's own parameters (an envelope, JSONP, a
	 * field list, another method): the REST server answers those.
	 */
	private static function asks_the_rest_server_for_more(): bool {
		foreach ( array( '_envelope', '_jsonp', '_fields', '_method', '_embed' ) as $name ) {
			if ( isset( $_GET[ $name ] ) ) { // phpcs:ignore WordPress.Security.NonceVerification.Recommended -- only checks for presence.
				return true;
			}
		}
		return isset( $_SERVER['HTTP_X_HTTP_METHOD_OVERRIDE'] );
	}
}
