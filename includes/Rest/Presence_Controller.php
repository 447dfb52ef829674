<?php
/**
 * GET and POST /handoff-bot/v1/agents/me/presence
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Rest;

use HandoffBot\Capabilities;
use HandoffBot\Handoff\Presence;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

/**
 * The signed-in agent's own presence: the inbox posts a heartbeat (with the status switch when it
 * changes) and reads whether they count as online. Only users with `handoff_bot_agent`; nobody
 * sets another agent's presence.
 */
final class Presence_Controller extends Controller {

	/**
	 * Presence.
	 *
	 * @var Presence
	 */
	private Presence $presence;

	/**
	 * Builds the controller.
	 *
	 * @param Presence $presence Presence.
	 */
	public function __construct( Presence $presence ) {
		$this->rest_base = 'agents/me/presence';
		$this->presence  = $presence;
	}

	/**
	 * Registers the routes.
	 */
	public function register_routes(): void {
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base,
			array(
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_item' ),
					'permission_callback' => array( $this, 'get_item_permissions_check' ),
				),
				array(
					'methods'             => WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'create_item' ),
					'permission_callback' => array( $this, 'create_item_permissions_check' ),
					'args'                => array(
						'status' => array(
							'description' => __( 'Whether the agent takes chats; omit to keep the current status.', 'handoff-bot' ),
							'type'        => 'string',
							'enum'        => array( Presence::AVAILABLE, Presence::AWAY ),
						),
					),
					'validate_callback'   => array( Null_Guard::class, 'check' ),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}

	/**
	 * Needs handoff_bot_agent.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 */
	public function get_item_permissions_check( $request ) {
		if ( current_user_can( Capabilities::AGENT ) ) {
			return true;
		}
		return new WP_Error( 'handoff_bot_forbidden', __( 'Only support agents have a presence.', 'handoff-bot' ), array( 'status' => rest_authorization_required_code() ) );
	}

	/**
	 * Needs handoff_bot_agent.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 */
	public function create_item_permissions_check( $request ) {
		return $this->get_item_permissions_check( $request );
	}

	/**
	 * The agent's presence.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function get_item( $request ) {
		return $this->response( get_current_user_id() );
	}

	/**
	 * A heartbeat, with the status when it changes.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function create_item( $request ) {
		$status = $request['status'];
		$this->presence->beat( get_current_user_id(), is_string( $status ) ? $status : null, time() );
		return $this->response( get_current_user_id() );
	}

	/**
	 * The presence as sent.
	 *
	 * @param int $user_id The agent.
	 */
	private function response( int $user_id ): WP_REST_Response {
		$state    = $this->presence->state( $user_id );
		$response = new WP_REST_Response(
			array(
				'status'         => $state['status'],
				'online'         => $state['seen_at'] >= time() - Presence::WINDOW,
				'last_seen'      => $state['seen_at'] > 0 ? gmdate( 'Y-m-d\TH:i:s\Z', $state['seen_at'] ) : null,
				'window_seconds' => Presence::WINDOW,
			)
		);
		$response->header( 'Cache-Control', 'no-store' );
		return $response;
	}

	/**
	 * {@inheritDoc}
	 *
	 * @return array<string, mixed>
	 */
	public function get_item_schema() {
		return $this->add_additional_fields_schema(
			array(
				'$schema'    => 'http://json-schema.org/draft-04/schema#',
				'title'      => 'handoff-bot-presence',
				'type'       => 'object',
				'properties' => array(
					'status'         => array(
						'type' => 'string',
						'enum' => array( Presence::AVAILABLE, Presence::AWAY ),
					),
					'online'         => array( 'type' => 'boolean' ),
					'last_seen'      => array(
						'type'   => array( 'string', 'null' ),
						'format' => 'date-time',
					),
					'window_seconds' => array( 'type' => 'integer' ),
				),
			)
		);
	}
}
