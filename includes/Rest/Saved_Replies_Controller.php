<?php
/**
 * REST: the saved replies of the agent inbox.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Rest;

use HandoffBot\Capabilities;
use HandoffBot\Handoff\Saved_Replies;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

/**
 * `GET /saved-replies` for agents (`handoff_bot_agent`: the shared replies and their teams'; all
 * of them for people who manage the plugin); `POST /saved-replies`, `PUT /saved-replies/{id}` and
 * `DELETE /saved-replies/{id}` for people who manage the plugin (`handoff_bot_manage`). Signed in
 * through wp-admin, so the REST cookie check wants its nonce.
 */
final class Saved_Replies_Controller extends Controller {

	/**
	 * The replies.
	 *
	 * @var Saved_Replies
	 */
	private Saved_Replies $replies;

	/**
	 * Builds the controller.
	 *
	 * @param Saved_Replies $replies The replies.
	 */
	public function __construct( Saved_Replies $replies ) {
		$this->rest_base = 'saved-replies';
		$this->replies   = $replies;
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
					'callback'            => array( $this, 'get_items' ),
					'permission_callback' => array( $this, 'get_items_permissions_check' ),
				),
				array(
					'methods'             => WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'create_item' ),
					'permission_callback' => array( $this, 'create_item_permissions_check' ),
					'args'                => $this->fields( true ),
					'validate_callback'   => array( Null_Guard::class, 'check' ),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
		$id = array(
			'id' => array(
				'description' => __( 'The reply’s id.', 'handoff-bot' ),
				'type'        => 'string',
			),
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/(?P<id>[a-z0-9_-]{1,64})',
			array(
				array(
					'methods'             => WP_REST_Server::EDITABLE,
					'callback'            => array( $this, 'update_item' ),
					'permission_callback' => array( $this, 'update_item_permissions_check' ),
					'args'                => $id + $this->fields( false ),
					'validate_callback'   => array( Null_Guard::class, 'check' ),
				),
				array(
					'methods'             => WP_REST_Server::DELETABLE,
					'callback'            => array( $this, 'delete_item' ),
					'permission_callback' => array( $this, 'delete_item_permissions_check' ),
					'args'                => $id,
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}

	/**
	 * The fields a create or an update sends.
	 *
	 * @param bool $required Whether title and text are required (a create).
	 * @return array<string, array<string, mixed>>
	 */
	private function fields( bool $required ): array {
		return array(
			'title' => array(
				'description' => __( 'What agents pick it by; unique.', 'handoff-bot' ),
				'type'        => 'string',
				'required'    => $required,
			),
			'text'  => array(
				'description' => __( 'What goes in the reply box.', 'handoff-bot' ),
				'type'        => 'string',
				'required'    => $required,
			),
			'team'  => array(
				'description' => __( 'The team whose agents see it; empty for every team.', 'handoff-bot' ),
				'type'        => 'string',
			),
		);
	}

	/**
	 * Agents read: 401 signed out, 403 signed in without the capability.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 */
	public function get_items_permissions_check( $request ) {
		if ( current_user_can( Capabilities::AGENT ) ) {
			return true;
		}
		return new WP_Error( 'handoff_bot_forbidden', __( 'Only support agents can read saved replies.', 'handoff-bot' ), array( 'status' => rest_authorization_required_code() ) );
	}

	/**
	 * People who manage the plugin change them.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 */
	public function create_item_permissions_check( $request ) {
		if ( current_user_can( Capabilities::MANAGE ) ) {
			return true;
		}
		return new WP_Error( 'handoff_bot_forbidden', __( 'Only people who manage Handoff Bot can change saved replies.', 'handoff-bot' ), array( 'status' => rest_authorization_required_code() ) );
	}

	/**
	 * People who manage the plugin change them.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 */
	public function update_item_permissions_check( $request ) {
		return $this->create_item_permissions_check( $request );
	}

	/**
	 * People who manage the plugin change them.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 */
	public function delete_item_permissions_check( $request ) {
		return $this->create_item_permissions_check( $request );
	}

	/**
	 * GET /saved-replies
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function get_items( $request ) {
		$replies  = current_user_can( Capabilities::MANAGE ) ? $this->replies->all() : $this->replies->for_agent( get_current_user_id() );
		$response = new WP_REST_Response( $replies );
		$response->header( 'X-WP-Total', (string) count( $replies ) );
		$response->header( 'Cache-Control', 'no-store' );
		return $response;
	}

	/**
	 * POST /saved-replies
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function create_item( $request ) {
		$reply = $this->replies->create( $this->sent( $request ) );
		if ( is_wp_error( $reply ) ) {
			return $reply;
		}
		$response = new WP_REST_Response( $reply, 201 );
		$response->header( 'Location', rest_url( $this->namespace . '/' . $this->rest_base . '/' . $reply['id'] ) );
		return $response;
	}

	/**
	 * PUT /saved-replies/{id}
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function update_item( $request ) {
		$reply = $this->replies->update( (string) $request['id'], $this->sent( $request ) );
		return is_wp_error( $reply ) ? $reply : new WP_REST_Response( $reply );
	}

	/**
	 * DELETE /saved-replies/{id}
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function delete_item( $request ) {
		$reply = $this->replies->delete( (string) $request['id'] );
		if ( is_wp_error( $reply ) ) {
			return $reply;
		}
		return new WP_REST_Response(
			array(
				'deleted'  => true,
				'previous' => $reply,
			)
		);
	}

	/**
	 * The fields the request sent.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return array<string, mixed>
	 */
	private function sent( WP_REST_Request $request ): array {
		$sent = array();
		foreach ( array( 'title', 'text', 'team' ) as $field ) {
			if ( $request->has_param( $field ) ) {
				$sent[ $field ] = $request[ $field ];
			}
		}
		return $sent;
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
				'title'      => 'handoff-bot-saved-reply',
				'type'       => 'object',
				'properties' => array(
					'id'       => array(
						'type'     => 'string',
						'readonly' => true,
					),
					'title'    => array(
						'type'      => 'string',
						'maxLength' => Saved_Replies::MAX_TITLE,
					),
					'text'     => array(
						'type'      => 'string',
						'maxLength' => Saved_Replies::MAX_TEXT,
					),
					'team'     => array(
						'description' => __( 'The team whose agents see it; empty for every team.', 'handoff-bot' ),
						'type'        => 'string',
					),
					'editable' => array(
						'description' => __( 'False for a reply a site adds in code (the filter handoff_bot_saved_replies).', 'handoff-bot' ),
						'type'        => 'boolean',
						'readonly'    => true,
					),
				),
			)
		);
	}
}
