<?php
/**
 * Visitor routes: conversations and their messages.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Rest;

use HandoffBot\Conversations\Conversation_Service;
use HandoffBot\Conversations\Visitor_Token;
use HandoffBot\Repositories\Conversation_Repository;
use HandoffBot\Repositories\Message_Repository;
use HandoffBot\Repositories\Storage_Exception;
use HandoffBot\Settings;
use WP_Error;
use WP_HTTP_Response;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

/**
 * Anonymous visitors authenticate with their conversation's token (X-Handoff-Bot-Token), never a
 * nonce, so cached pages work. Every route is rate limited on the client's address (REMOTE_ADDR
 * unless the site trusts a proxy, see Client_Address), and sending messages on the token too.
 *
 * @phpstan-import-type Conversation from Conversation_Repository
 * @phpstan-import-type Message from Message_Repository
 */
final class Conversations_Controller extends Controller {

	public const TOKEN_HEADER = 'X-Handoff-Bot-Token';

	/**
	 * Conversation flow.
	 *
	 * @var Conversation_Service
	 */
	private Conversation_Service $service;

	/**
	 * Conversations.
	 *
	 * @var Conversation_Repository
	 */
	private Conversation_Repository $conversations;

	/**
	 * Messages.
	 *
	 * @var Message_Repository
	 */
	private Message_Repository $messages;

	/**
	 * Settings.
	 *
	 * @var Settings
	 */
	private Settings $settings;

	/**
	 * Rate limits.
	 *
	 * @var Rate_Limiter
	 */
	private Rate_Limiter $limiter;

	/**
	 * Conversations already authorised in this request, by ID.
	 *
	 * @var array<int, Conversation>
	 */
	private array $authorised = array();

	/**
	 * The request whose permission results are memoised. WordPress calls the permission callbacks
	 * of a route's other methods again to build the Allow header; a hit must count once.
	 *
	 * @var WP_REST_Request|null
	 */
	private ?WP_REST_Request $checked_request = null;

	/**
	 * Permission results for that request, by check.
	 *
	 * @var array<string, true|WP_Error>
	 */
	private array $checked = array();

	/**
	 * The outcome of the last visitor check (address limit, conversation, token).
	 *
	 * @var true|WP_Error
	 */
	private $visitor_outcome = true;

	/**
	 * Builds the controller.
	 *
	 * @param Conversation_Service    $service       Conversation flow.
	 * @param Conversation_Repository $conversations Conversations.
	 * @param Message_Repository      $messages      Messages.
	 * @param Settings                $settings      Settings.
	 * @param Rate_Limiter            $limiter       Rate limits.
	 */
	public function __construct( Conversation_Service $service, Conversation_Repository $conversations, Message_Repository $messages, Settings $settings, Rate_Limiter $limiter ) {
		$this->rest_base     = 'conversations';
		$this->service       = $service;
		$this->conversations = $conversations;
		$this->messages      = $messages;
		$this->settings      = $settings;
		$this->limiter       = $limiter;
	}

	/**
	 * {@inheritDoc}
	 */
	public function register(): void {
		parent::register();
		add_filter( 'rest_post_dispatch', array( $this, 'add_headers' ), 10, 3 );
		// Last on plugins_loaded: the filters other plugins add there (trusted proxies,
		// rest_authentication_errors) are in place, and the schema is current (priority 5).
		add_action( 'plugins_loaded', array( $this, 'serve_fast_poll' ), PHP_INT_MAX );
	}

	/**
	 * Answers "read messages after a cursor" as soon as plugins are loaded, skipping the theme,
	 * `init` and the REST server's start-up: the chat polls this route, and most polls find
	 * nothing new. It answers only what the REST route would answer the same way: a GET of the
	 * site's own REST URL for this route, from a visitor without a login cookie or HTTP
	 * authentication (the REST server authenticates those, after `init`). It defines REST_REQUEST,
	 * applies `rest_authentication_errors`, then runs the route's permission check and callback.
	 */
	public function serve_fast_poll(): void {
		$response = $this->fast_poll_response();
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
	public function fast_poll_response(): ?array {
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
		$route = $this->fast_poll_route();
		if ( null === $route || ! preg_match( '#^/' . preg_quote( $this->namespace, '#' ) . '/' . $this->rest_base . '/(\d+)/messages/?$#', $route, $m ) ) {
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
			$request = new WP_REST_Request( 'GET', '/' . $this->namespace . '/' . $this->rest_base . '/' . $m[1] . '/messages' );
			$request->set_url_params( array( 'id' => (int) $m[1] ) );
			$request->set_query_params( array( 'after' => (int) $after ) );
			if ( isset( $_SERVER['HTTP_X_HANDOFF_BOT_TOKEN'] ) ) {
				$request->set_header( self::TOKEN_HEADER, sanitize_text_field( wp_unslash( $_SERVER['HTTP_X_HANDOFF_BOT_TOKEN'] ) ) );
			}
			$refused = $this->visitor_permissions_check( $request );
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
			'body'    => (string) wp_json_encode( $this->get_messages( $request )->get_data() ),
		);
	}

	/**
	 * The REST route a request asks for, when it asks through the site's own REST URL: the path
	 * under the REST prefix with pretty permalinks, or `?rest_route=` on the front page (what
	 * WordPress itself reads; not on wp-login.php or admin-ajax.php). Null otherwise.
	 */
	private function fast_poll_route(): ?string {
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

	/**
	 * Registers the routes.
	 */
	public function register_routes(): void {
		$page_args = array(
			'page_url'   => array(
				'type'        => 'string',
				'description' => __( 'The page the visitor is on.', 'handoff-bot' ),
			),
			'page_title' => array(
				'type'        => 'string',
				'description' => __( 'The title of that page.', 'handoff-bot' ),
			),
		);
		$id_arg    = array(
			'id' => array(
				'type'     => 'integer',
				'minimum'  => 1,
				'required' => true,
			),
		);

		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base,
			array(
				array(
					'methods'             => WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'create_item' ),
					'permission_callback' => array( $this, 'create_item_permissions_check' ),
					'args'                => $page_args,
				),
				'schema' => array( $this, 'get_conversation_schema' ),
			)
		);

		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/(?P<id>\d+)/messages',
			array(
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_messages' ),
					'permission_callback' => array( $this, 'visitor_permissions_check' ),
					'args'                => $id_arg + array(
						'after' => array(
							'type'    => 'integer',
							'minimum' => 0,
							'default' => 0,
						),
					),
				),
				array(
					'methods'             => WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'create_message' ),
					'permission_callback' => array( $this, 'send_permissions_check' ),
					'args'                => $id_arg + $page_args + array(
						'message'         => array(
							'type'        => 'string',
							'description' => __( 'The visitor’s message, plain text.', 'handoff-bot' ),
						),
						'idempotency_key' => array(
							'type'        => 'string',
							'description' => __( 'A key chosen by the client for this message; resending it returns the stored reply.', 'handoff-bot' ),
						),
					),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);

		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/(?P<id>\d+)/pages',
			array(
				array(
					'methods'             => WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'add_page' ),
					'permission_callback' => array( $this, 'visitor_permissions_check' ),
					'args'                => $id_arg + $page_args,
				),
			)
		);

		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/(?P<id>\d+)/feedback',
			array(
				array(
					'methods'             => WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'feedback' ),
					'permission_callback' => array( $this, 'visitor_permissions_check' ),
					'args'                => $id_arg + array(
						'message_id' => array(
							'type'    => 'integer',
							'minimum' => 1,
						),
						'helpful'    => array( 'type' => 'boolean' ),
						'rating'     => array(
							'type'    => 'integer',
							'minimum' => 1,
							'maximum' => 5,
						),
					),
				),
			)
		);

		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/(?P<id>\d+)/end',
			array(
				array(
					'methods'             => WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'end' ),
					'permission_callback' => array( $this, 'visitor_permissions_check' ),
					'args'                => $id_arg + array(
						'rating' => array(
							'type'    => 'integer',
							'minimum' => 1,
							'maximum' => 5,
						),
					),
				),
			)
		);
	}

	/**
	 * Anyone may start a conversation, within the per-address limits.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 */
	public function create_item_permissions_check( $request ) {
		return $this->once( $request, 'create', array( $this, 'check_create' ) );
	}

	/**
	 * The per-address limits on starting conversations.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 */
	private function check_create( $request ) {
		$address = Rate_Limiter::client_key();
		$waits   = array_filter(
			$this->limiter->check_all(
				array(
					array( 'ip', $address, (int) $this->settings->get( 'rate_limit_ip_per_minute' ), MINUTE_IN_SECONDS ),
					array( 'new', $address, (int) $this->settings->get( 'rate_limit_new_conversations_per_hour' ), HOUR_IN_SECONDS ),
				)
			)
		);
		// Over both limits, the visitor waits for the later window.
		return $waits ? $this->rate_limited( max( $waits ), 'address' ) : true;
	}

	/**
	 * The holder of the conversation's token, within the per-address limit.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 */
	public function visitor_permissions_check( $request ) {
		return $this->once( $request, 'visitor', array( $this, 'check_visitor' ) );
	}

	/**
	 * The address limit, then the conversation and its token.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 */
	private function check_visitor( $request ) {
		return $this->check_token( $request, false );
	}

	/**
	 * The conversation and its token, then the address limit and (when sending) the token's
	 * limit, counted in one write. Only a verified token gets a counter, so made-up tokens add no
	 * rows; a failed check still counts against the address, and over its limit the answer is 429.
	 *
	 * @param WP_REST_Request $request Request.
	 * @param bool            $sending Whether the token's limit applies too.
	 * @return true|WP_Error
	 */
	private function check_token( $request, bool $sending ) {
		$address               = array( 'ip', Rate_Limiter::client_key(), (int) $this->settings->get( 'rate_limit_ip_per_minute' ), MINUTE_IN_SECONDS );
		$this->visitor_outcome = $this->verify_token( $request );
		$limits                = array( $address );
		if ( $sending && true === $this->visitor_outcome ) {
			$limits[] = array( 'token', (string) $request->get_header( self::TOKEN_HEADER ), (int) $this->settings->get( 'rate_limit_token_per_minute' ), MINUTE_IN_SECONDS );
		}
		$waits = $this->limiter->check_all( $limits );
		if ( null !== $waits[0] ) {
			$this->visitor_outcome = $this->rate_limited( $waits[0], 'address' );
		}
		if ( true !== $this->visitor_outcome ) {
			return $this->visitor_outcome;
		}
		return isset( $waits[1] ) ? $this->rate_limited( $waits[1], 'conversation' ) : true;
	}

	/**
	 * The conversation and its token (reads only). IDs are sequential, so an unknown one answers
	 * exactly as a wrong token does, after the same hash comparison: probing IDs tells nothing.
	 * (Starting two conversations still shows how many began in between; hiding that would take
	 * random public IDs.)
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 */
	private function verify_token( $request ) {
		$token = (string) $request->get_header( self::TOKEN_HEADER );
		if ( '' === $token ) {
			$message = self::can_translate() ? __( 'The conversation token is missing.', 'handoff-bot' ) : 'The conversation token is missing.';
			return new WP_Error( 'handoff_bot_token_missing', $message, array( 'status' => 401 ) );
		}
		$id           = (int) $request['id'];
		$conversation = $this->conversations->find( $id );
		$verified     = Visitor_Token::verify( $token, $conversation ? (string) $conversation['token_hash'] : '' );
		if ( ! $conversation || ! $verified ) {
			$message = self::can_translate() ? __( 'This token does not give access to this conversation.', 'handoff-bot' ) : 'This token does not give access to this conversation.';
			return new WP_Error( 'handoff_bot_invalid_token', $message, array( 'status' => 403 ) );
		}
		$this->authorised[ $id ] = $conversation;
		return true;
	}

	/**
	 * Sending also counts against the token's limit.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 */
	public function send_permissions_check( $request ) {
		return $this->once( $request, 'send', array( $this, 'check_send' ) );
	}

	/**
	 * The visitor check with the token's limit.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 */
	private function check_send( $request ) {
		if ( 'POST' !== $request->get_method() ) {
			// WordPress asks while it builds the Allow header of a poll's response: whoever may
			// read may send, and nothing is counted twice.
			return $this->visitor_permissions_check( $request );
		}
		$result = $this->check_token( $request, true );
		// The visitor check ran inside: remember its own outcome, so that another check of this
		// request (the Allow header's) neither counts the address again nor reads the
		// conversation again.
		$this->checked['visitor'] = $this->visitor_outcome;
		return $result;
	}

	/**
	 * Runs a permission check once per request.
	 *
	 * @param WP_REST_Request $request Request.
	 * @param string          $name    Check name.
	 * @param callable        $check   The check.
	 * @return true|WP_Error
	 */
	private function once( WP_REST_Request $request, string $name, callable $check ) {
		if ( $this->checked_request !== $request ) {
			$this->checked_request = $request;
			$this->checked         = array();
		}
		if ( ! isset( $this->checked[ $name ] ) ) {
			$this->checked[ $name ] = $check( $request );
		}
		return $this->checked[ $name ];
	}

	/**
	 * POST /conversations
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function create_item( $request ) {
		try {
			$started = $this->service->start( get_current_user_id(), (string) $request['page_url'], (string) $request['page_title'] );
		} catch ( Storage_Exception $e ) {
			return $this->storage_error();
		}
		$response = new WP_REST_Response(
			array(
				'id'         => $started['id'],
				'token'      => $started['token'],
				'status'     => 'open',
				'created_at' => self::iso_time( (string) $started['conversation']['created_at'] ),
			),
			201
		);
		return $response;
	}

	/**
	 * POST /conversations/{id}/messages
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function create_message( $request ) {
		$conversation = $this->authorised[ (int) $request['id'] ];
		$key          = (string) $request['idempotency_key'];
		if ( ! preg_match( '/^[A-Za-z0-9_-]{8,64}$/', $key ) ) {
			return new WP_Error( 'handoff_bot_invalid_idempotency_key', __( 'Each message needs an idempotency key of 8 to 64 letters, digits, dashes or underscores.', 'handoff-bot' ), array( 'status' => 400 ) );
		}
		$text = $this->validate_text( $request['message'] );
		if ( is_wp_error( $text ) ) {
			return $text;
		}
		// A resend of a message stored before the conversation ended still gets its stored reply.
		if ( 'ended' === $conversation['status'] && ! $this->messages->find_by_key( (int) $conversation['id'], $key ) ) {
			return new WP_Error( 'handoff_bot_conversation_ended', __( 'This conversation has ended. Start a new one to keep chatting.', 'handoff-bot' ), array( 'status' => 409 ) );
		}
		try {
			$result = $this->service->handle_visitor_message( $conversation, $text, $key, (string) $request['page_url'], (string) $request['page_title'] );
		} catch ( Storage_Exception $e ) {
			return $this->storage_error();
		}
		return new WP_REST_Response(
			array(
				'message'  => $this->prepare_message( $result['message'] ),
				'reply'    => $this->prepare_message( $result['reply'] ),
				'cursor'   => max( (int) $result['message']['id'], (int) $result['reply']['id'] ),
				'replayed' => $result['replayed'],
			),
			$result['replayed'] ? 200 : 201
		);
	}

	/**
	 * GET /conversations/{id}/messages?after=N — the cheap path: no knowledge index.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function get_messages( $request ) {
		$conversation = $this->authorised[ (int) $request['id'] ];
		$after        = (int) $request['after'];
		$messages     = $this->service->messages_after( (int) $conversation['id'], $after );
		$cursor       = $after;
		foreach ( $messages as $message ) {
			$cursor = max( $cursor, (int) $message['id'] );
		}
		return new WP_REST_Response(
			array(
				'messages' => array_map( array( $this, 'prepare_message' ), $messages ),
				'cursor'   => $cursor,
				'status'   => (string) $conversation['status'],
			)
		);
	}

	/**
	 * POST /conversations/{id}/pages
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function add_page( $request ) {
		if ( ! is_string( $request['page_url'] ) || '' === trim( $request['page_url'] ) ) {
			return new WP_Error( 'handoff_bot_missing_page_url', __( 'page_url is required.', 'handoff-bot' ), array( 'status' => 400 ) );
		}
		$trail = $this->service->remember_page( $this->authorised[ (int) $request['id'] ], (string) $request['page_url'], (string) $request['page_title'] );
		return new WP_REST_Response( array( 'page_trail' => array_values( $trail ) ) );
	}

	/**
	 * POST /conversations/{id}/feedback
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function feedback( $request ) {
		$conversation = $this->authorised[ (int) $request['id'] ];
		$on_answer    = null !== $request['message_id'] || null !== $request['helpful'];
		$rating       = $request['rating'];
		$has_rating   = null !== $rating;
		if ( $has_rating === $on_answer || ( $on_answer && ( null === $request['message_id'] || null === $request['helpful'] ) ) ) {
			return $this->invalid_feedback();
		}
		try {
			if ( $on_answer ) {
				$message = $this->messages->find( (int) $conversation['id'], (int) $request['message_id'] );
				if ( ! $message || 'bot' !== $message['role'] ) {
					return $this->invalid_feedback();
				}
				$this->service->answer_feedback( $conversation, $message, (bool) $request['helpful'] );
			} else {
				$this->service->rate( $conversation, (int) $rating );
			}
		} catch ( Storage_Exception $e ) {
			return $this->storage_error();
		}
		return new WP_REST_Response( array( 'ok' => true ) );
	}

	/**
	 * POST /conversations/{id}/end
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function end( $request ) {
		$conversation = $this->authorised[ (int) $request['id'] ];
		try {
			if ( null !== $request['rating'] ) {
				$this->service->rate( $conversation, (int) $request['rating'] );
			}
			$this->service->end( $conversation );
		} catch ( Storage_Exception $e ) {
			return $this->storage_error();
		}
		return new WP_REST_Response( array( 'status' => 'ended' ) );
	}

	/**
	 * Adds `Cache-Control: no-store` to every visitor route, and `Retry-After` to 429s.
	 *
	 * @param WP_HTTP_Response $response Response.
	 * @param WP_REST_Server   $server   Server.
	 * @param WP_REST_Request  $request  Request.
	 * @return WP_HTTP_Response
	 */
	public function add_headers( $response, $server, $request ) {
		if ( ! $response instanceof WP_HTTP_Response || 0 !== strpos( (string) $request->get_route(), '/' . $this->namespace . '/' . $this->rest_base ) ) {
			return $response;
		}
		$response->header( 'Cache-Control', 'no-store' );
		$data = $response->get_data();
		if ( 429 === $response->get_status() && is_array( $data ) && isset( $data['data']['retry_after'] ) ) {
			$response->header( 'Retry-After', (string) (int) $data['data']['retry_after'] );
		}
		return $response;
	}

	/**
	 * Checks a message's text.
	 *
	 * @param mixed $raw Raw parameter.
	 * @return string|WP_Error The text, trimmed, or the error.
	 */
	private function validate_text( $raw ) {
		$raw = is_string( $raw ) ? $raw : '';
		if ( ! mb_check_encoding( $raw, 'UTF-8' ) ) {
			return new WP_Error( 'handoff_bot_invalid_utf8', __( 'The message is not valid UTF-8 text.', 'handoff-bot' ), array( 'status' => 400 ) );
		}
		// Keep line breaks and tabs; drop other control characters.
		$text = trim( (string) preg_replace( '/[\x{0000}-\x{0008}\x{000B}\x{000C}\x{000E}-\x{001F}\x{007F}]/u', '', $raw ) );
		if ( '' === $text ) {
			return new WP_Error( 'handoff_bot_empty_message', __( 'Please type a message before sending.', 'handoff-bot' ), array( 'status' => 400 ) );
		}
		$max = (int) $this->settings->get( 'max_message_length' );
		if ( mb_strlen( $text, 'UTF-8' ) > $max ) {
			return new WP_Error(
				'handoff_bot_message_too_long',
				/* translators: %d: maximum number of characters. */
				sprintf( __( 'The message is longer than %d characters. Please shorten it.', 'handoff-bot' ), $max ),
				array(
					'status'     => 400,
					'max_length' => $max,
				)
			);
		}
		return $text;
	}

	/**
	 * A message as the API shows it to the visitor (sources tried are for agents only).
	 *
	 * @param array $message Stored message.
	 * @phpstan-param Message $message
	 * @return array<string, mixed>
	 */
	public function prepare_message( array $message ): array {
		$out = array(
			'id'         => (int) $message['id'],
			'role'       => (string) $message['role'],
			'body'       => (string) $message['body'],
			'created_at' => self::iso_time( (string) $message['created_at'] ),
		);
		if ( 'bot' === $message['role'] ) {
			$meta              = (array) $message['meta'];
			$out['kind']       = (string) ( $meta['kind'] ?? 'answer' );
			$out['confidence'] = (float) ( $meta['confidence'] ?? 0 );
			$out['language']   = (string) ( $meta['language'] ?? 'und' );
			$out['citations']  = array_values( (array) ( $meta['citations'] ?? array() ) );
			$out['feedback']   = $message['feedback'];
		}
		return $out;
	}

	/**
	 * A stored UTC time in ISO 8601 form.
	 *
	 * @param string $mysql Y-m-d H:i:s in UTC.
	 */
	public static function iso_time( string $mysql ): string {
		// Stored times are always "Y-m-d H:i:s": rewriting the text is exact, and cheaper than parsing.
		if ( preg_match( '/^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})$/', $mysql, $m ) ) {
			return $m[1] . 'T' . $m[2] . 'Z';
		}
		$time = strtotime( $mysql . ' UTC' );
		return false === $time ? '' : gmdate( 'Y-m-d\TH:i:s\Z', $time );
	}

	/**
	 * Whether messages can be translated now. The early poll runs before the theme is set up,
	 * when loading a translation is an error (WordPress 6.7+ reports it on every call, which
	 * would print into the JSON where errors are displayed): its refusals use the English text,
	 * which is what the REST path shows where no translation is installed.
	 */
	private static function can_translate(): bool {
		return did_action( 'after_setup_theme' ) > 0 || doing_action( 'after_setup_theme' );
	}

	/**
	 * The 429 of a rate limit.
	 *
	 * @param int    $retry_after Seconds until the limit's window ends.
	 * @param string $limit       Which limit: "address" (the client's address) or "conversation"
	 *                            (messages in one conversation), so the chat can say why.
	 */
	private function rate_limited( int $retry_after, string $limit ): WP_Error {
		return new WP_Error(
			'handoff_bot_rate_limited',
			self::can_translate() ? __( 'Too many requests. Please wait a moment and try again.', 'handoff-bot' ) : 'Too many requests. Please wait a moment and try again.',
			array(
				'status'      => 429,
				'retry_after' => $retry_after,
				'limit'       => $limit,
			)
		);
	}

	/**
	 * The 503 that tells a client to retry with the same key.
	 */
	private function storage_error(): WP_Error {
		return new WP_Error( 'handoff_bot_storage_unavailable', __( 'Your message could not be saved just now. It will be sent again automatically.', 'handoff-bot' ), array( 'status' => 503 ) );
	}

	/**
	 * The 400 for malformed feedback.
	 */
	private function invalid_feedback(): WP_Error {
		return new WP_Error( 'handoff_bot_invalid_feedback', __( 'Send either message_id with helpful, or a rating from 1 to 5.', 'handoff-bot' ), array( 'status' => 400 ) );
	}

	/**
	 * Schema of a message.
	 *
	 * @return array<string, mixed>
	 */
	public function get_item_schema() {
		if ( $this->schema ) {
			return $this->add_additional_fields_schema( $this->schema );
		}
		$this->schema = array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'handoff-bot-message',
			'type'       => 'object',
			'properties' => array(
				'id'         => array(
					'type'     => 'integer',
					'readonly' => true,
				),
				'role'       => array(
					'type' => 'string',
					'enum' => array( 'visitor', 'bot', 'agent', 'system' ),
				),
				'body'       => array( 'type' => 'string' ),
				'kind'       => array(
					'type' => 'string',
					'enum' => array( 'answer', 'dont_know', 'small_talk' ),
				),
				'confidence' => array(
					'type'    => 'number',
					'minimum' => 0,
					'maximum' => 1,
				),
				'language'   => array( 'type' => 'string' ),
				'citations'  => array(
					'type'  => 'array',
					'items' => array(
						'type'       => 'object',
						'properties' => array(
							'title'   => array( 'type' => 'string' ),
							'url'     => array(
								'type'   => 'string',
								'format' => 'uri',
							),
							'anchor'  => array( 'type' => 'string' ),
							'heading' => array( 'type' => 'string' ),
						),
					),
				),
				'feedback'   => array( 'type' => array( 'integer', 'null' ) ),
				'created_at' => array(
					'type'   => 'string',
					'format' => 'date-time',
				),
			),
		);
		return $this->add_additional_fields_schema( $this->schema );
	}

	/**
	 * Schema of a started conversation.
	 *
	 * @return array<string, mixed>
	 */
	public function get_conversation_schema(): array {
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'handoff-bot-conversation',
			'type'       => 'object',
			'properties' => array(
				'id'         => array( 'type' => 'integer' ),
				'token'      => array(
					'type'        => 'string',
					'description' => __( 'The visitor token; returned only when the conversation starts.', 'handoff-bot' ),
				),
				'status'     => array(
					'type' => 'string',
					'enum' => array( 'open', 'ended' ),
				),
				'created_at' => array(
					'type'   => 'string',
					'format' => 'date-time',
				),
			),
		);
	}
}
