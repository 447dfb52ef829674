<?php
/**
 * Who may use a visitor route.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Rest;

use HandoffBot\Conversations\Visitor_Token;
use HandoffBot\Repositories\Conversation_Repository;
use HandoffBot\Settings;
use WP_Error;
use WP_REST_Request;

defined( 'ABSPATH' ) || exit;

/**
 * Anonymous visitors authenticate with their conversation's token (X-Handoff-Bot-Token), never a
 * nonce, so cached pages work. Every visitor route is rate limited on the client's address
 * (REMOTE_ADDR unless the site trusts a proxy, see Client_Address), and sending on the token
 * too. The permission callbacks of every visitor controller run through one guard, which
 * remembers, per request, what it checked and the conversation it authorised.
 *
 * @phpstan-import-type Conversation from Conversation_Repository
 */
final class Visitor_Guard {

	public const HEADER = 'X-Handoff-Bot-Token';

	/**
	 * Conversations.
	 *
	 * @var Conversation_Repository
	 */
	private Conversation_Repository $conversations;

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
	 * Builds the guard.
	 *
	 * @param Conversation_Repository $conversations Conversations.
	 * @param Settings                $settings      Settings.
	 * @param Rate_Limiter            $limiter       Rate limits.
	 */
	public function __construct( Conversation_Repository $conversations, Settings $settings, Rate_Limiter $limiter ) {
		$this->conversations = $conversations;
		$this->settings      = $settings;
		$this->limiter       = $limiter;
	}

	/**
	 * The conversation a request's token was verified for (only after a visitor check passed).
	 *
	 * @param WP_REST_Request $request Request.
	 * @return Conversation
	 */
	public function conversation( WP_REST_Request $request ): array {
		return $this->authorised[ (int) $request['id'] ];
	}

	/**
	 * Anyone may start a conversation, within the per-address limits.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 */
	public function create_check( $request ) {
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
		return $waits ? self::rate_limited( max( $waits ), 'address' ) : true;
	}

	/**
	 * The holder of the conversation's token, within the per-address limit.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 */
	public function visitor_check( $request ) {
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
			$limits[] = array( 'token', (string) $request->get_header( self::HEADER ), (int) $this->settings->get( 'rate_limit_token_per_minute' ), MINUTE_IN_SECONDS );
		}
		$waits = $this->limiter->check_all( $limits );
		if ( null !== $waits[0] ) {
			$this->visitor_outcome = self::rate_limited( $waits[0], 'address' );
		}
		if ( true !== $this->visitor_outcome ) {
			return $this->visitor_outcome;
		}
		return isset( $waits[1] ) ? self::rate_limited( $waits[1], 'conversation' ) : true;
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
		$token = (string) $request->get_header( self::HEADER );
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
	public function send_check( $request ) {
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
			return $this->visitor_check( $request );
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
	 * Whether messages can be translated now. The early poll runs before the theme is set up,
	 * when loading a translation is an error (WordPress 6.7+ reports it on every call, which
	 * would print into the JSON where errors are displayed): its refusals use the English text,
	 * which is what the REST path shows where no translation is installed.
	 */
	public static function can_translate(): bool {
		return did_action( 'after_setup_theme' ) > 0 || doing_action( 'after_setup_theme' );
	}

	/**
	 * The 429 of a rate limit.
	 *
	 * @param int    $retry_after Seconds until the limit's window ends.
	 * @param string $limit       Which limit: "address" (the client's address) or "conversation"
	 *                            (messages in one conversation), so the chat can say why.
	 */
	public static function rate_limited( int $retry_after, string $limit ): WP_Error {
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
}
