<?php
/**
 * Visitor routes: conversations and their messages.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Rest;

use HandoffBot\Conversations\Conversation_Service;
use HandoffBot\Handoff\Inbox_Service;
use HandoffBot\Handoff\Poll_Signal;
use HandoffBot\Handoff\Visitor_Handoff;
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
 * Starting conversations, and their messages, page trail, feedback and end, for the holder of the
 * conversation's token (Visitor_Guard).
 *
 * @phpstan-import-type Conversation from Conversation_Repository
 * @phpstan-import-type Message from Message_Repository
 */
final class Conversations_Controller extends Controller {

	public const TOKEN_HEADER = Visitor_Guard::HEADER;

	/**
	 * Conversation flow.
	 *
	 * @var Conversation_Service
	 */
	private Conversation_Service $service;

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
	 * Who may use the routes.
	 *
	 * @var Visitor_Guard
	 */
	private Visitor_Guard $guard;

	/**
	 * The open handoff as the visitor sees it.
	 *
	 * @var Visitor_Handoff
	 */
	private Visitor_Handoff $handoff;

	/**
	 * Builds the controller.
	 *
	 * @param Conversation_Service $service       Conversation flow.
	 * @param Message_Repository   $messages      Messages.
	 * @param Settings             $settings      Settings.
	 * @param Visitor_Guard        $guard         Who may use the routes.
	 * @param Visitor_Handoff      $handoff       The open handoff as the visitor sees it.
	 */
	public function __construct( Conversation_Service $service, Message_Repository $messages, Settings $settings, Visitor_Guard $guard, Visitor_Handoff $handoff ) {
		$this->rest_base = 'conversations';
		$this->service   = $service;
		$this->messages  = $messages;
		$this->settings  = $settings;
		$this->guard     = $guard;
		$this->handoff   = $handoff;
	}

	/**
	 * {@inheritDoc}
	 */
	public function register(): void {
		parent::register();
		add_filter( 'rest_post_dispatch', array( $this, 'add_headers' ), 10, 3 );
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
					'permission_callback' => array( $this->guard, 'create_check' ),
					'args'                => $page_args + array(
						'consent' => array(
							'type'        => 'boolean',
							'default'     => false,
							'description' => __( 'Whether the visitor agreed to the chat’s privacy notice (required when the site asks for agreement).', 'handoff-bot' ),
						),
					),
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
					'permission_callback' => array( $this->guard, 'visitor_check' ),
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
					'permission_callback' => array( $this->guard, 'send_check' ),
					'args'                => $id_arg + $page_args + array(
						'message'         => array(
							'type'        => 'string',
							'description' => __( 'The visitor’s message, plain text.', 'handoff-bot' ),
						),
						'idempotency_key' => array(
							'type'        => 'string',
							'description' => __( 'A key chosen by the client for this message; resending it returns the stored reply.', 'handoff-bot' ),
						),
						'human'           => array(
							'type'        => 'boolean',
							'default'     => false,
							'description' => __( 'Whether the visitor pressed “talk to a person” (the message is the button’s text).', 'handoff-bot' ),
						),
						'after'           => array(
							'type'        => 'integer',
							'minimum'     => 0,
							'description' => __( 'The chat’s cursor: the answer also carries what was written since.', 'handoff-bot' ),
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
					'permission_callback' => array( $this->guard, 'visitor_check' ),
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
					'permission_callback' => array( $this->guard, 'visitor_check' ),
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
					'permission_callback' => array( $this->guard, 'visitor_check' ),
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
	 * POST /conversations
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function create_item( $request ) {
		$asked  = $this->settings->consent();
		$agreed = true === $request['consent'];
		if ( $asked['required'] && ! $agreed ) {
			return new WP_Error( 'handoff_bot_consent_required', __( 'Please agree to the privacy notice before you start chatting.', 'handoff-bot' ), array( 'status' => 400 ) );
		}
		// What the visitor agreed to is kept with the conversation (which notice, not its words).
		$consent = $asked['notice'] ? array(
			'agreed'   => $agreed,
			'required' => $asked['required'],
			'notice'   => substr( md5( '' !== $asked['text'] ? $asked['text'] : Settings::default_consent_text() ), 0, 12 ),
		) : null;
		try {
			$started = $this->service->start( get_current_user_id(), (string) $request['page_url'], (string) $request['page_title'], $consent );
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
		$conversation = $this->guard->conversation( $request );
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
			$result = $this->service->handle_visitor_message( $conversation, $text, $key, (string) $request['page_url'], (string) $request['page_title'], (bool) $request['human'] );
			$state  = $this->handoff->current( (int) $conversation['id'] );
			$signal = null;
			if ( null !== $state ) {
				// The change file's version first, then the state again: a later change shows.
				$signal = Poll_Signal::watch( (int) $conversation['id'] );
				$state  = $this->handoff->current( (int) $conversation['id'] );
			}
		} catch ( Storage_Exception $e ) {
			return $this->storage_error();
		}
		$reply  = $result['reply'];
		$cursor = max( (int) $result['message']['id'], null === $reply ? 0 : (int) $reply['id'] );
		$missed = array();
		if ( null !== $request['after'] ) {
			// Agents and notices write too: what came since the chat's cursor comes along, so
			// that moving the cursor past this message skips nothing.
			$own = array( (int) $result['message']['id'], null === $reply ? 0 : (int) $reply['id'] );
			try {
				$since = $this->service->messages_after( (int) $conversation['id'], (int) $request['after'] );
				if ( count( $since ) >= 100 ) {
					// More than one read brings: the cursor stops at the last one read.
					$cursor = 0;
				}
				foreach ( $since as $message ) {
					$cursor = max( $cursor, (int) $message['id'] );
					if ( ! in_array( (int) $message['id'], $own, true ) ) {
						$missed[] = $this->prepare_message( $message );
					}
				}
			} catch ( Storage_Exception $e ) {
				// Without them, the cursor must not move past them: the next poll brings them.
				$cursor = (int) $request['after'];
			}
		}//end if
		return new WP_REST_Response(
			array(
				'message'  => $this->prepare_message( $result['message'] ),
				// Null while a person holds the conversation: the bot stays quiet.
				'reply'    => null === $reply ? null : $this->prepare_message( $reply ),
				'cursor'   => $cursor,
				'replayed' => $result['replayed'],
				'handoff'  => $state,
				'missed'   => $missed,
				'signal'   => null !== $state && null !== $signal ? $signal + array( 'check_in' => $this->handoff->check_in() ) : null,
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
		$conversation = $this->guard->conversation( $request );
		$after        = (int) $request['after'];
		// Before the state: a change after this read shows in the file's version.
		$signal = $this->handoff->signal( $conversation );
		try {
			// First: a wait found too long adds its notice, which this poll then carries.
			$state = $this->handoff->state( $conversation );
		} catch ( Storage_Exception $e ) {
			// The messages are what matters; the queue's state comes with the next poll.
			$state = null;
		}
		$messages = $this->service->messages_after( (int) $conversation['id'], $after );
		$cursor   = $after;
		foreach ( $messages as $message ) {
			$cursor = max( $cursor, (int) $message['id'] );
		}
		return new WP_REST_Response(
			array(
				'messages' => array_map( array( $this, 'prepare_message' ), $messages ),
				'cursor'   => $cursor,
				'status'   => (string) $conversation['status'],
				'handoff'  => $state,
				// While a handoff is open: the file to read between reads of this route.
				'signal'   => null !== $state && null !== $signal ? $signal + array( 'check_in' => $this->handoff->check_in() ) : null,
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
		$trail = $this->service->remember_page( $this->guard->conversation( $request ), (string) $request['page_url'], (string) $request['page_title'] );
		return new WP_REST_Response( array( 'page_trail' => array_values( $trail ) ) );
	}

	/**
	 * POST /conversations/{id}/feedback
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function feedback( $request ) {
		$conversation = $this->guard->conversation( $request );
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
		$conversation = $this->guard->conversation( $request );
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
			// What the visitor's chat shows: an offer with its two buttons (until answered), or
			// that a person was asked for. The reasons and signals behind it are for staff.
			$decision        = (string) ( $meta['decision']['kind'] ?? 'answer' );
			$out['decision'] = array( 'kind' => $decision );
			if ( isset( $meta['choice'] ) ) {
				$out['decision']['choice'] = (string) $meta['choice'];
			}
		} elseif ( 'agent' === $message['role'] ) {
			$out['author'] = array( 'name' => Inbox_Service::name( (int) ( $message['author_id'] ?? 0 ) ) );
		} elseif ( 'visitor' === $message['role'] && ! empty( $message['meta']['redacted'] ) ) {
			// What was masked before it was stored (the chat says so under the message).
			$out['redacted'] = array_values( array_map( 'strval', (array) $message['meta']['redacted'] ) );
		} elseif ( 'system' === $message['role'] ) {
			$out['kind'] = (string) ( $message['meta']['kind'] ?? '' );
			if ( ! empty( $message['meta']['rating_requested'] ) ) {
				$out['rating_requested'] = true;
			}
			if ( ! empty( $message['meta']['offer_ticket'] ) ) {
				$out['offer_ticket'] = true;
			}
		}//end if
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
					'enum' => array( 'answer', 'dont_know', 'small_talk', 'handoff' ),
				),
				'decision'   => array(
					'type'       => 'object',
					'properties' => array(
						'kind'   => array(
							'type' => 'string',
							'enum' => array( 'answer', 'offer_choice', 'handoff', 'private_handoff' ),
						),
						'choice' => array(
							'type' => 'string',
							'enum' => array( 'accepted', 'declined' ),
						),
					),
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
