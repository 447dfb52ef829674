<?php
/**
 * REST: the agent inbox's handoffs.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Rest;

use HandoffBot\Handoff\Team_Access;
use HandoffBot\Capabilities;
use HandoffBot\Handoff\Availability_Store;
use HandoffBot\Handoff\Inbox_Refusal;
use HandoffBot\Handoff\Inbox_Service;
use HandoffBot\Handoff\Poll_Signal;
use HandoffBot\Handoff\Presence;
use HandoffBot\Repositories\Handoff_Repository;
use HandoffBot\Repositories\Message_Repository;
use HandoffBot\Repositories\Storage_Exception;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

/**
 * `GET /handoffs` (queue, mine, closed), `GET /handoffs/{id}` (the brief and transcript),
 * `GET /handoffs/{id}/messages` (the open chat's poll), and the steps: accept, messages (reply or
 * internal note), transfer, hand back, resolve. Agents only (`handoff_bot_agent`; signed in
 * through wp-admin, so the REST cookie check wants its nonce). An agent acts only on handoffs of
 * their teams (or of none); people who manage the plugin act on any.
 *
 * @phpstan-import-type Handoff from Handoff_Repository
 */
final class Handoffs_Controller extends Controller {

	/**
	 * Agent steps.
	 *
	 * @var Inbox_Service
	 */
	private Inbox_Service $inbox;

	/**
	 * Handoffs.
	 *
	 * @var Handoff_Repository
	 */
	private Handoff_Repository $handoffs;

	/**
	 * Messages.
	 *
	 * @var Message_Repository
	 */
	private Message_Repository $messages;

	/**
	 * Presence.
	 *
	 * @var Presence
	 */
	private Presence $presence;

	/**
	 * Output.
	 *
	 * @var Handoff_Presenter
	 */
	private Handoff_Presenter $present;

	/**
	 * Builds the controller.
	 *
	 * @param Inbox_Service      $inbox    Agent steps.
	 * @param Handoff_Repository $handoffs Handoffs.
	 * @param Message_Repository $messages Messages.
	 * @param Presence           $presence Presence.
	 */
	public function __construct( Inbox_Service $inbox, Handoff_Repository $handoffs, Message_Repository $messages, Presence $presence ) {
		$this->rest_base = 'handoffs';
		$this->inbox     = $inbox;
		$this->handoffs  = $handoffs;
		$this->messages  = $messages;
		$this->presence  = $presence;
		$this->present   = new Handoff_Presenter();
	}

	/**
	 * Registers the routes.
	 */
	public function register_routes(): void {
		$id     = array(
			'id' => array(
				'type'     => 'integer',
				'minimum'  => 1,
				'required' => true,
			),
		);
		$agent  = array( $this, 'get_items_permissions_check' );
		$routes = array(
			''                       => array(
				'methods'  => WP_REST_Server::READABLE,
				'callback' => array( $this, 'get_items' ),
				'args'     => array(
					'view'     => array(
						'type'    => 'string',
						'enum'    => array( 'queue', 'mine', 'closed' ),
						'default' => 'queue',
					),
					'team'     => array( 'type' => 'string' ),
					'reason'   => array( 'type' => 'string' ),
					'intent'   => array( 'type' => 'string' ),
					'route'    => array( 'type' => 'string' ),
					'page'     => array(
						'type'    => 'integer',
						'minimum' => 1,
						'default' => 1,
					),
					'per_page' => array(
						'type'    => 'integer',
						'minimum' => 1,
						'maximum' => 100,
						'default' => 50,
					),
				),
			),
			'/teams'                 => array(
				'methods'  => WP_REST_Server::READABLE,
				'callback' => array( $this, 'get_teams' ),
				'args'     => array(),
			),
			'/(?P<id>\d+)'           => array(
				'methods'  => WP_REST_Server::READABLE,
				'callback' => array( $this, 'get_item' ),
				'args'     => $id,
			),
			'/(?P<id>\d+)/messages'  => array(
				array(
					'methods'  => WP_REST_Server::READABLE,
					'callback' => array( $this, 'get_messages' ),
					'args'     => $id + array(
						'after' => array(
							'type'    => 'integer',
							'minimum' => 0,
							'default' => 0,
						),
					),
				),
				array(
					'methods'  => WP_REST_Server::CREATABLE,
					'callback' => array( $this, 'create_message' ),
					'args'     => $id + array(
						'body'            => array(
							'type'     => 'string',
							'required' => true,
						),
						'internal'        => array(
							'type'    => 'boolean',
							'default' => false,
						),
						'idempotency_key' => array(
							'type'      => 'string',
							'maxLength' => 40,
						),
					),
				),
			),
			'/(?P<id>\d+)/accept'    => array(
				'methods'  => WP_REST_Server::CREATABLE,
				'callback' => array( $this, 'accept' ),
				'args'     => $id,
			),
			'/(?P<id>\d+)/transfer'  => array(
				'methods'  => WP_REST_Server::CREATABLE,
				'callback' => array( $this, 'transfer' ),
				'args'     => $id + array(
					'team'     => array(
						'type'    => 'string',
						'default' => '',
					),
					'agent_id' => array(
						'type'    => 'integer',
						'minimum' => 0,
						'default' => 0,
					),
					'note'     => array(
						'type'     => 'string',
						'required' => true,
					),
				),
			),
			'/(?P<id>\d+)/hand-back' => array(
				'methods'  => WP_REST_Server::CREATABLE,
				'callback' => array( $this, 'hand_back' ),
				'args'     => $id + array(
					'note' => array(
						'type'    => 'string',
						'default' => '',
					),
				),
			),
			'/(?P<id>\d+)/resolve'   => array(
				'methods'  => WP_REST_Server::CREATABLE,
				'callback' => array( $this, 'resolve' ),
				'args'     => $id + array(
					'outcome'          => array(
						'type'     => 'string',
						'enum'     => Inbox_Service::OUTCOMES,
						'required' => true,
					),
					'bot_could_answer' => array(
						'type'    => 'boolean',
						'default' => false,
					),
					'topic'            => array(
						'type'      => 'string',
						'maxLength' => 200,
						'default'   => '',
					),
				),
			),
			'/(?P<id>\d+)/typing'    => array(
				'methods'  => WP_REST_Server::CREATABLE,
				'callback' => array( $this, 'typing' ),
				'args'     => $id,
			),
		);
		foreach ( $routes as $path => $endpoints ) {
			$endpoints = isset( $endpoints['methods'] ) ? array( $endpoints ) : $endpoints;
			foreach ( $endpoints as $i => $endpoint ) {
				$endpoints[ $i ]['permission_callback'] = $agent;
				$endpoints[ $i ]['validate_callback']   = array( Null_Guard::class, 'check' );
			}
			register_rest_route( $this->namespace, '/' . $this->rest_base . $path, $endpoints );
		}
	}

	/**
	 * Agents only: 401 signed out, 403 signed in without the capability.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 */
	public function get_items_permissions_check( $request ) {
		if ( current_user_can( Capabilities::AGENT ) ) {
			return true;
		}
		return new WP_Error( 'handoff_bot_forbidden', __( 'Only support agents can use the inbox.', 'handoff-bot' ), array( 'status' => rest_authorization_required_code() ) );
	}

	/**
	 * GET /handoffs
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function get_items( $request ) {
		$filter = array(
			'view'     => (string) $request['view'],
			'agent_id' => get_current_user_id(),
		);
		foreach ( array( 'team', 'reason', 'intent', 'route' ) as $key ) {
			if ( is_string( $request[ $key ] ) && '' !== $request[ $key ] ) {
				$filter[ $key ] = sanitize_key( $request[ $key ] );
			}
		}
		try {
			$found = $this->handoffs->list( $filter, (int) $request['page'], (int) $request['per_page'] );
			$rows  = array();
			foreach ( $found['rows'] as $handoff ) {
				$unread = 'mine' === $filter['view'] ? $this->unread( $handoff['conversation_id'] ) : 0;
				$rows[] = $this->present->summary( $handoff, '', $unread );
			}
		} catch ( Storage_Exception $e ) {
			return self::unavailable();
		}
		$response = new WP_REST_Response( $rows );
		$response->header( 'X-WP-Total', (string) $found['total'] );
		$response->header( 'X-WP-TotalPages', (string) max( 1, (int) ceil( $found['total'] / (int) $request['per_page'] ) ) );
		$response->header( 'Cache-Control', 'no-store' );
		return $response;
	}

	/**
	 * GET /handoffs/teams — who a handoff can be transferred to.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function get_teams( $request ) {
		$teams = array();
		foreach ( Availability_Store::in_force()->teams() as $team ) {
			$teams[] = array(
				'name'  => $team['name'],
				'label' => $team['label'],
			);
		}
		$online = $this->presence->available( null, time() );
		$agents = array();
		foreach ( get_users(
			array(
				'capability' => Capabilities::AGENT,
				'number'     => 500,
				'orderby'    => 'display_name',
			)
		) as $user ) {
			$agents[] = array(
				'id'     => (int) $user->ID,
				'name'   => (string) $user->display_name,
				'online' => in_array( (int) $user->ID, $online, true ),
			);
		}
		return new WP_REST_Response(
			array(
				'teams'  => $teams,
				'agents' => $agents,
			)
		);
	}

	/**
	 * GET /handoffs/{id}
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function get_item( $request ) {
		try {
			$handoff = $this->inbox->get( (int) $request['id'] );
			if ( $handoff instanceof Inbox_Refusal ) {
				return $handoff->to_error();
			}
			return new WP_REST_Response( $this->detail( $handoff ) );
		} catch ( Storage_Exception $e ) {
			return self::unavailable();
		}
	}

	/**
	 * GET /handoffs/{id}/messages?after=N
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function get_messages( $request ) {
		try {
			$handoff = $this->inbox->get( (int) $request['id'] );
			if ( $handoff instanceof Inbox_Refusal ) {
				return $handoff->to_error();
			}
			$after    = (int) $request['after'];
			$messages = $this->messages->after( $handoff['conversation_id'], $after );
		} catch ( Storage_Exception $e ) {
			return self::unavailable();
		}
		$cursor = $after;
		$out    = array();
		foreach ( $messages as $message ) {
			$cursor = max( $cursor, $message['id'] );
			$out[]  = $this->present->message( $message );
		}
		$response = new WP_REST_Response(
			array(
				'messages' => $out,
				'cursor'   => $cursor,
				'status'   => $handoff['status'],
				'agent'    => $handoff['agent_id'] > 0 ? $this->present->person( $handoff['agent_id'] ) : null,
			)
		);
		$response->header( 'Cache-Control', 'no-store' );
		return $response;
	}

	/**
	 * POST /handoffs/{id}/accept
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function accept( $request ) {
		return $this->step(
			$request,
			function ( array $handoff ) {
				$refused = $this->team_check( $handoff );
				if ( null !== $refused ) {
					return $refused;
				}
				// Taken only if its team and assignment are still those just checked.
				$accepted = $this->inbox->accept( $handoff['id'], get_current_user_id(), $handoff );
				return $accepted instanceof Inbox_Refusal ? $accepted : new WP_REST_Response( $this->detail( $accepted ) );
			}
		);
	}

	/**
	 * POST /handoffs/{id}/messages
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function create_message( $request ) {
		$body = trim( sanitize_textarea_field( (string) $request['body'] ) );
		if ( '' === $body || mb_strlen( $body ) > 5000 ) {
			return new WP_Error( 'handoff_bot_invalid_message', __( 'Write a message of 1 to 5000 characters.', 'handoff-bot' ), array( 'status' => 400 ) );
		}
		$key = is_string( $request['idempotency_key'] ) ? sanitize_key( $request['idempotency_key'] ) : null;
		return $this->step(
			$request,
			function ( array $handoff ) use ( $body, $request, $key ) {
				$message = $this->inbox->write( $handoff['id'], get_current_user_id(), $body, (bool) $request['internal'], $key, self::can_override() );
				if ( $message instanceof Inbox_Refusal ) {
					return $message;
				}
				if ( ! $request['internal'] ) {
					// The reply is there: the visitor no longer sees the agent typing.
					delete_transient( 'handoff_bot_typing_' . $handoff['conversation_id'] );
				}
				$response = new WP_REST_Response( $this->present->message( $message ) );
				$response->set_status( 201 );
				return $response;
			}
		);
	}

	/**
	 * POST /handoffs/{id}/transfer
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function transfer( $request ) {
		$team = sanitize_key( (string) $request['team'] );
		$to   = (int) $request['agent_id'];
		$note = trim( sanitize_textarea_field( (string) $request['note'] ) );
		if ( '' !== $team && null === Availability_Store::in_force()->team( $team ) ) {
			return new WP_Error( 'handoff_bot_unknown_team', __( 'There is no such team.', 'handoff-bot' ), array( 'status' => 400 ) );
		}
		if ( $to > 0 && ! user_can( $to, Capabilities::AGENT ) ) {
			return new WP_Error( 'handoff_bot_unknown_agent', __( 'That person is not a support agent.', 'handoff-bot' ), array( 'status' => 400 ) );
		}
		if ( '' === $note ) {
			return new WP_Error( 'handoff_bot_missing_note', __( 'Add a note for whoever takes over.', 'handoff-bot' ), array( 'status' => 400 ) );
		}
		return $this->step(
			$request,
			function ( array $handoff ) use ( $team, $to, $note ) {
				$moved = $this->inbox->transfer( $handoff['id'], get_current_user_id(), $team, $to, $note, self::can_override() );
				return $moved instanceof Inbox_Refusal ? $moved : new WP_REST_Response( $this->present->summary( $moved ) );
			}
		);
	}

	/**
	 * POST /handoffs/{id}/hand-back
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function hand_back( $request ) {
		$note = trim( sanitize_textarea_field( (string) $request['note'] ) );
		return $this->step(
			$request,
			function ( array $handoff ) use ( $note ) {
				$back = $this->inbox->hand_back( $handoff['id'], get_current_user_id(), $note, self::can_override() );
				return $back instanceof Inbox_Refusal ? $back : new WP_REST_Response( $this->present->summary( $back ) );
			}
		);
	}

	/**
	 * POST /handoffs/{id}/resolve
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function resolve( $request ) {
		$topic = trim( sanitize_text_field( (string) $request['topic'] ) );
		return $this->step(
			$request,
			function ( array $handoff ) use ( $request, $topic ) {
				$done = $this->inbox->resolve( $handoff['id'], get_current_user_id(), (string) $request['outcome'], (bool) $request['bot_could_answer'], $topic, self::can_override() );
				return $done instanceof Inbox_Refusal ? $done : new WP_REST_Response( $this->present->summary( $done ) );
			}
		);
	}

	/**
	 * POST /handoffs/{id}/typing — the visitor sees "typing…" for a few seconds.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function typing( $request ) {
		return $this->step(
			$request,
			function ( array $handoff ) {
				if ( 'accepted' !== $handoff['status'] || get_current_user_id() !== $handoff['agent_id'] ) {
					return Inbox_Refusal::not_accepted();
				}
				$key    = 'handoff_bot_typing_' . $handoff['conversation_id'];
				$before = get_transient( $key );
				set_transient( $key, time(), 10 );
				if ( false === $before || time() - (int) $before >= 8 ) {
					// The visitor's chat learns it from its file (and reads again when it may end).
					Poll_Signal::changed( $handoff['conversation_id'] );
				}
				return new WP_REST_Response( array( 'typing' => true ) );
			}
		);
	}

	/**
	 * Runs a step on an existing handoff, turning refusals and storage failures into errors.
	 *
	 * @param WP_REST_Request $request Request.
	 * @param callable        $work    Takes the handoff; returns a response or a refusal.
	 * @phpstan-param callable(Handoff): (WP_REST_Response|WP_Error|Inbox_Refusal) $work
	 * @return WP_REST_Response|WP_Error
	 */
	private function step( WP_REST_Request $request, callable $work ) {
		try {
			$handoff = $this->inbox->get( (int) $request['id'] );
			if ( $handoff instanceof Inbox_Refusal ) {
				return $handoff->to_error();
			}
			$result = $work( $handoff );
		} catch ( Storage_Exception $e ) {
			return self::unavailable();
		}
		return $result instanceof Inbox_Refusal ? $result->to_error() : $result;
	}

	/**
	 * Null when the current agent may take the handoff, or a 403 when it is for another team.
	 *
	 * @param array $handoff The handoff.
	 * @phpstan-param Handoff $handoff
	 * @return WP_Error|null
	 */
	private function team_check( array $handoff ): ?WP_Error {
		if ( Team_Access::allows( $handoff['team'], $handoff['assigned_to'], get_current_user_id() ) ) {
			return null;
		}
		return new WP_Error(
			'handoff_bot_other_team',
			/* translators: %s: team name. */
			sprintf( __( 'This handoff is for the %s team.', 'handoff-bot' ), Team_Access::label( $handoff['team'] ) ),
			array( 'status' => 403 )
		);
	}

	/**
	 * The handoff with its brief and transcript.
	 *
	 * @param array $handoff The handoff.
	 * @phpstan-param Handoff $handoff
	 * @return array<string, mixed>
	 * @throws Storage_Exception When the database cannot be read.
	 */
	private function detail( array $handoff ): array {
		$context  = $this->handoffs->context( $handoff['id'] );
		$messages = $this->messages->before( $handoff['conversation_id'], PHP_INT_MAX, 500 );
		$cursor   = 0;
		$out      = array();
		foreach ( $messages as $message ) {
			$cursor = max( $cursor, $message['id'] );
			$out[]  = $this->present->message( $message );
		}
		$language = is_string( $context['language'] ?? null ) ? $context['language'] : '';
		return $this->present->summary( $handoff, $language ) + array(
			'context'  => (object) $context,
			'messages' => $out,
			'cursor'   => $cursor,
		);
	}

	/**
	 * Visitor messages after the agent's last message in a conversation.
	 *
	 * @param int $conversation_id Conversation.
	 * @throws Storage_Exception When the database cannot be read.
	 */
	private function unread( int $conversation_id ): int {
		$unread = 0;
		foreach ( array_reverse( $this->messages->before( $conversation_id, PHP_INT_MAX, 100 ) ) as $message ) {
			if ( 'agent' === $message['role'] ) {
				break;
			}
			if ( 'visitor' === $message['role'] ) {
				++$unread;
			}
		}
		return $unread;
	}

	/**
	 * Whether the current user may act on handoffs others hold (people who manage the plugin).
	 */
	private static function can_override(): bool {
		return current_user_can( Capabilities::MANAGE );
	}

	/**
	 * The error for a database that cannot be read or written.
	 */
	private static function unavailable(): WP_Error {
		return new WP_Error( 'handoff_bot_unavailable', __( 'The inbox is unavailable for a moment. Please try again.', 'handoff-bot' ), array( 'status' => 503 ) );
	}
}
