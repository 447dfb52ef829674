<?php
/**
 * REST: tickets and callback requests, for the Tickets screen.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Rest;

use HandoffBot\Handoff\Team_Access;
use HandoffBot\Capabilities;
use HandoffBot\Handoff\Availability_Store;
use HandoffBot\Handoff\Ticket_Desk;
use HandoffBot\Repositories\Handoff_Repository;
use HandoffBot\Repositories\Message_Repository;
use HandoffBot\Repositories\Storage_Exception;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

/**
 * `GET /tickets` (open, pending or closed; tickets or callback requests), `GET /tickets/{id}`
 * (the brief, the transcript and the history), and the steps: notes, replies (emailed to the
 * visitor), status, assign, close. Agents only (`handoff_bot_agent`; signed in through wp-admin,
 * so the REST cookie check wants its nonce). An agent sees and acts on tickets of their teams, of
 * no team, or assigned to them; people who manage the plugin, on any.
 *
 * @phpstan-import-type Handoff from Handoff_Repository
 */
final class Tickets_Controller extends Controller {

	/**
	 * The list filters' statuses, as the screen names them, and the row statuses they mean.
	 */
	private const STATUSES = array(
		'open'    => 'ticket',
		'pending' => 'pending',
		'closed'  => 'closed',
	);

	/**
	 * Agent steps on tickets.
	 *
	 * @var Ticket_Desk
	 */
	private Ticket_Desk $desk;

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
	 * Output.
	 *
	 * @var Ticket_Presenter
	 */
	private Ticket_Presenter $present;

	/**
	 * Builds the controller.
	 *
	 * @param Ticket_Desk        $desk     Agent steps on tickets.
	 * @param Handoff_Repository $handoffs Handoffs.
	 * @param Message_Repository $messages Messages.
	 */
	public function __construct( Ticket_Desk $desk, Handoff_Repository $handoffs, Message_Repository $messages ) {
		$this->rest_base = 'tickets';
		$this->desk      = $desk;
		$this->handoffs  = $handoffs;
		$this->messages  = $messages;
		$this->present   = new Ticket_Presenter();
	}

	/**
	 * Registers the routes.
	 */
	public function register_routes(): void {
		$id                                   = array(
			'id' => array(
				'description' => __( 'The ticket (its handoff’s ID).', 'handoff-bot' ),
				'type'        => 'integer',
				'minimum'     => 1,
				'required'    => true,
			),
		);
		$text                                 = array(
			'body'            => array(
				'description' => __( 'The text, 1 to 5000 characters.', 'handoff-bot' ),
				'type'        => 'string',
				'required'    => true,
			),
			'idempotency_key' => array(
				'description' => __( 'The same key for a resend of the same text: it is stored (and emailed) once.', 'handoff-bot' ),
				'type'        => 'string',
				'maxLength'   => 40,
			),
		);
		$reply                                = $text;
		$reply['idempotency_key']['required'] = true;
		$routes                               = array(
			''                     => array(
				'methods'  => WP_REST_Server::READABLE,
				'callback' => array( $this, 'get_items' ),
				'args'     => $this->get_collection_params(),
			),
			'/(?P<id>\d+)'         => array(
				'methods'  => WP_REST_Server::READABLE,
				'callback' => array( $this, 'get_item' ),
				'args'     => $id,
			),
			'/(?P<id>\d+)/notes'   => array(
				'methods'  => WP_REST_Server::CREATABLE,
				'callback' => array( $this, 'create_note' ),
				'args'     => $id + $text,
			),
			'/(?P<id>\d+)/replies' => array(
				'methods'  => WP_REST_Server::CREATABLE,
				'callback' => array( $this, 'create_reply' ),
				'args'     => $id + $reply,
			),
			'/(?P<id>\d+)/status'  => array(
				'methods'  => WP_REST_Server::CREATABLE,
				'callback' => array( $this, 'set_status' ),
				'args'     => $id + array(
					'status' => array(
						'description' => __( 'open or pending (closing has its own route).', 'handoff-bot' ),
						'type'        => 'string',
						'required'    => true,
					),
				),
			),
			'/(?P<id>\d+)/assign'  => array(
				'methods'  => WP_REST_Server::CREATABLE,
				'callback' => array( $this, 'assign' ),
				'args'     => $id + array(
					'team'     => array(
						'description' => __( 'The team’s name ("" for any agent); left out, the team stays.', 'handoff-bot' ),
						'type'        => 'string',
					),
					'agent_id' => array(
						'description' => __( 'The agent (0 for nobody in particular); left out, the assignee stays.', 'handoff-bot' ),
						'type'        => 'integer',
						'minimum'     => 0,
					),
				),
			),
			'/(?P<id>\d+)/close'   => array(
				'methods'  => WP_REST_Server::CREATABLE,
				'callback' => array( $this, 'close' ),
				'args'     => $id + array(
					'outcome'          => array(
						'description' => __( 'resolved, not_resolved, duplicate or spam; for a callback request also called_back.', 'handoff-bot' ),
						'type'        => 'string',
						'required'    => true,
					),
					'bot_could_answer' => array(
						'description' => __( 'Tags the ticket as one the bot could have answered.', 'handoff-bot' ),
						'type'        => 'boolean',
						'default'     => false,
					),
					'note'             => array(
						'description' => __( 'An internal note on why.', 'handoff-bot' ),
						'type'        => 'string',
						'default'     => '',
					),
				),
			),
		);
		foreach ( $routes as $path => $endpoint ) {
			$endpoint['permission_callback'] = array( $this, 'get_items_permissions_check' );
			$endpoint['validate_callback']   = array( Null_Guard::class, 'check' );
			register_rest_route(
				$this->namespace,
				'/' . $this->rest_base . $path,
				array(
					$endpoint,
					'schema' => array( $this, 'get_public_item_schema' ),
				)
			);
		}
	}

	/**
	 * The list's parameters.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public function get_collection_params() {
		return array(
			'status'      => array(
				'description' => __( 'open (the default), pending or closed.', 'handoff-bot' ),
				'type'        => 'string',
				'default'     => 'open',
			),
			'route'       => array(
				'description' => __( 'callback for callback requests; ticket for the others; left out, both.', 'handoff-bot' ),
				'type'        => 'string',
				'default'     => '',
			),
			'team'        => array(
				'description' => __( 'Only this team’s tickets.', 'handoff-bot' ),
				'type'        => 'string',
			),
			'assigned_to' => array(
				'description' => __( 'Only the tickets assigned to this agent (0: to nobody).', 'handoff-bot' ),
				'type'        => 'integer',
				'minimum'     => 0,
			),
			'search'      => array(
				'description' => __( 'Words in the reference, the headline, or the visitor’s name, email or message.', 'handoff-bot' ),
				'type'        => 'string',
				'maxLength'   => 200,
			),
			'page'        => array(
				'type'    => 'integer',
				'minimum' => 1,
				'default' => 1,
			),
			'per_page'    => array(
				'type'    => 'integer',
				'minimum' => 1,
				'maximum' => 100,
				'default' => 50,
			),
		);
	}

	/**
	 * The ticket's schema.
	 *
	 * @return array<string, mixed>
	 */
	public function get_item_schema() {
		return $this->add_additional_fields_schema( Ticket_Presenter::schema() );
	}

	/**
	 * Agents only: 401 signed out (a visitor's token is no sign-in), 403 signed in without the
	 * capability.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 */
	public function get_items_permissions_check( $request ) {
		if ( current_user_can( Capabilities::AGENT ) ) {
			return true;
		}
		return new WP_Error( 'handoff_bot_forbidden', __( 'Only support agents can read tickets.', 'handoff-bot' ), array( 'status' => rest_authorization_required_code() ) );
	}

	/**
	 * GET /tickets
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function get_items( $request ) {
		$status = (string) $request['status'];
		$route  = (string) $request['route'];
		if ( ! isset( self::STATUSES[ $status ] ) ) {
			return self::invalid( 'handoff_bot_invalid_status', __( 'The status is open, pending or closed.', 'handoff-bot' ) );
		}
		if ( ! in_array( $route, array( '', 'ticket', 'callback' ), true ) ) {
			return self::invalid( 'handoff_bot_invalid_route', __( 'The route is ticket or callback.', 'handoff-bot' ) );
		}
		$filter = array(
			'status'       => self::STATUSES[ $status ],
			'route'        => $route,
			'hidden_teams' => Team_Access::hidden_teams( get_current_user_id() ),
			'viewer'       => get_current_user_id(),
		);
		if ( is_string( $request['team'] ) && '' !== $request['team'] ) {
			$filter['team'] = sanitize_key( $request['team'] );
		}
		if ( null !== $request['assigned_to'] ) {
			$filter['assigned_to'] = (int) $request['assigned_to'];
		}
		if ( is_string( $request['search'] ) ) {
			$filter['search'] = sanitize_text_field( $request['search'] );
		}
		try {
			$found = $this->handoffs->list_tickets( $filter, (int) $request['page'], (int) $request['per_page'] );
		} catch ( Storage_Exception $e ) {
			return self::unavailable();
		}
		$rows = array();
		foreach ( $found['rows'] as $row ) {
			$rows[] = $this->present->row( $row['handoff'], $row['context'] );
		}
		$response = new WP_REST_Response( $rows );
		$response->header( 'X-WP-Total', (string) $found['total'] );
		$response->header( 'X-WP-TotalPages', (string) max( 1, (int) ceil( $found['total'] / (int) $request['per_page'] ) ) );
		$response->header( 'Cache-Control', 'no-store' );
		return $response;
	}

	/**
	 * GET /tickets/{id}
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function get_item( $request ) {
		return $this->step(
			$request,
			function ( array $ticket ) {
				return $this->detail( $ticket );
			}
		);
	}

	/**
	 * POST /tickets/{id}/notes
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function create_note( $request ) {
		$body = self::text( $request );
		if ( $body instanceof WP_Error ) {
			return $body;
		}
		return $this->step(
			$request,
			function ( array $ticket ) use ( $body, $request ) {
				$note     = $this->desk->note( $ticket, get_current_user_id(), $body, self::key( $request ) );
				$response = new WP_REST_Response( $this->present->message( $note ) );
				$response->set_status( 201 );
				return $response;
			}
		);
	}

	/**
	 * POST /tickets/{id}/replies
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function create_reply( $request ) {
		$body = self::text( $request );
		if ( $body instanceof WP_Error ) {
			return $body;
		}
		$key = self::key( $request );
		if ( null === $key ) {
			return self::invalid( 'handoff_bot_missing_key', __( 'Send an idempotency key with the reply, so that a resend is emailed once.', 'handoff-bot' ) );
		}
		return $this->step(
			$request,
			function ( array $ticket ) use ( $body, $key ) {
				$reply = $this->desk->reply( $ticket, get_current_user_id(), $body, $key );
				if ( $reply instanceof WP_Error ) {
					return $reply;
				}
				$response = new WP_REST_Response( $this->present->message( $reply ) );
				$response->set_status( 201 );
				return $response;
			}
		);
	}

	/**
	 * POST /tickets/{id}/status
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function set_status( $request ) {
		$status = (string) $request['status'];
		if ( ! in_array( $status, array( 'open', 'pending' ), true ) ) {
			return self::invalid( 'handoff_bot_invalid_status', __( 'The status is open or pending; close the ticket with an outcome instead.', 'handoff-bot' ) );
		}
		return $this->step(
			$request,
			function ( array $ticket ) use ( $status ) {
				$changed = $this->desk->set_status( $ticket, get_current_user_id(), self::STATUSES[ $status ] );
				return $changed instanceof WP_Error ? $changed : $this->detail( $changed );
			}
		);
	}

	/**
	 * POST /tickets/{id}/assign
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function assign( $request ) {
		$team = is_string( $request['team'] ) ? sanitize_key( $request['team'] ) : null;
		$to   = null === $request['agent_id'] ? null : (int) $request['agent_id'];
		if ( null === $team && null === $to ) {
			return self::invalid( 'handoff_bot_nothing_to_assign', __( 'Choose a team, an agent, or both.', 'handoff-bot' ) );
		}
		if ( null !== $team && '' !== $team && null === Availability_Store::in_force()->team( $team ) ) {
			return self::invalid( 'handoff_bot_unknown_team', __( 'There is no such team.', 'handoff-bot' ) );
		}
		if ( null !== $to && $to > 0 && ! user_can( $to, Capabilities::AGENT ) ) {
			return self::invalid( 'handoff_bot_unknown_agent', __( 'That person is not a support agent.', 'handoff-bot' ) );
		}
		return $this->step(
			$request,
			function ( array $ticket ) use ( $team, $to ) {
				$moved = $this->desk->assign( $ticket, get_current_user_id(), $team ?? $ticket['team'], $to ?? $ticket['assigned_to'] );
				return $moved instanceof WP_Error ? $moved : $this->detail( $moved );
			}
		);
	}

	/**
	 * POST /tickets/{id}/close
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function close( $request ) {
		$outcome = (string) $request['outcome'];
		$note    = trim( sanitize_textarea_field( (string) $request['note'] ) );
		if ( mb_strlen( $note ) > Ticket_Desk::TEXT_MAX ) {
			return self::invalid( 'handoff_bot_invalid_note', __( 'Keep the note under 5000 characters.', 'handoff-bot' ) );
		}
		return $this->step(
			$request,
			function ( array $ticket ) use ( $outcome, $note, $request ) {
				$form = $this->handoffs->context( $ticket['id'] )['form'] ?? array();
				if ( ! in_array( $outcome, Ticket_Desk::outcomes( $ticket['route'], is_array( $form ) ? $form : array() ), true ) ) {
					return self::invalid(
						'handoff_bot_invalid_outcome',
						in_array( $outcome, array( Ticket_Desk::CALLED_BACK ), true )
							? __( 'Only a callback request can be closed as called back.', 'handoff-bot' )
							: __( 'The outcome is resolved, not_resolved, duplicate or spam (or called_back for a callback request).', 'handoff-bot' )
					);
				}
				$closed = $this->desk->close( $ticket, get_current_user_id(), $outcome, (bool) $request['bot_could_answer'], $note );
				return $closed instanceof WP_Error ? $closed : $this->detail( $closed );
			}
		);
	}

	/**
	 * Runs a step on a ticket the agent may see, turning storage failures into errors.
	 *
	 * @param WP_REST_Request $request Request.
	 * @param callable        $work    Takes the ticket; returns a response or an error.
	 * @phpstan-param callable(Handoff): (WP_REST_Response|WP_Error) $work
	 * @return WP_REST_Response|WP_Error
	 */
	private function step( WP_REST_Request $request, callable $work ) {
		try {
			$ticket = $this->desk->get( (int) $request['id'] );
			if ( $ticket instanceof WP_Error ) {
				return $ticket;
			}
			$refused = self::team_check( $ticket );
			if ( null !== $refused ) {
				return $refused;
			}
			return $work( $ticket );
		} catch ( Storage_Exception $e ) {
			return self::unavailable();
		}
	}

	/**
	 * The ticket with its brief, transcript and history.
	 *
	 * @param array $ticket The ticket.
	 * @phpstan-param Handoff $ticket
	 * @throws Storage_Exception When the database cannot be read.
	 */
	private function detail( array $ticket ): WP_REST_Response {
		$response = new WP_REST_Response(
			$this->present->detail(
				$ticket,
				$this->handoffs->context( $ticket['id'] ),
				$this->messages->before( $ticket['conversation_id'], PHP_INT_MAX, 500 ),
				$this->desk->history( $ticket )
			)
		);
		$response->header( 'Cache-Control', 'no-store' );
		return $response;
	}

	/**
	 * Null when the current user may act on the ticket, or a 403 when it is for another team.
	 *
	 * @param array $ticket The ticket.
	 * @phpstan-param Handoff $ticket
	 */
	private static function team_check( array $ticket ): ?WP_Error {
		if ( Team_Access::allows( $ticket['team'], $ticket['assigned_to'], get_current_user_id() ) ) {
			return null;
		}
		return new WP_Error(
			'handoff_bot_other_team',
			/* translators: %s: team name. */
			sprintf( __( 'This ticket is for the %s team.', 'handoff-bot' ), Team_Access::label( $ticket['team'] ) ),
			array( 'status' => 403 )
		);
	}

	/**
	 * The note's or reply's text, or a 400.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return string|WP_Error
	 */
	private static function text( WP_REST_Request $request ) {
		$body = trim( sanitize_textarea_field( (string) $request['body'] ) );
		if ( '' === $body || mb_strlen( $body ) > Ticket_Desk::TEXT_MAX ) {
			return self::invalid( 'handoff_bot_invalid_message', __( 'Write a message of 1 to 5000 characters.', 'handoff-bot' ) );
		}
		return $body;
	}

	/**
	 * The request's idempotency key, or null.
	 *
	 * @param WP_REST_Request $request Request.
	 */
	private static function key( WP_REST_Request $request ): ?string {
		$key = is_string( $request['idempotency_key'] ) ? sanitize_key( $request['idempotency_key'] ) : '';
		return '' === $key ? null : $key;
	}

	/**
	 * A 400 with a code and a message.
	 *
	 * @param string $code    Code.
	 * @param string $message Message.
	 */
	private static function invalid( string $code, string $message ): WP_Error {
		return new WP_Error( $code, $message, array( 'status' => 400 ) );
	}

	/**
	 * The error for a database that cannot be read or written.
	 */
	private static function unavailable(): WP_Error {
		return new WP_Error( 'handoff_bot_unavailable', __( 'Tickets are unavailable for a moment. Please try again.', 'handoff-bot' ), array( 'status' => 503 ) );
	}
}
