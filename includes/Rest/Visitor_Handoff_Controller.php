<?php
/**
 * REST: the visitor leaves the queue.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Rest;

use HandoffBot\Handoff\Inbox_Refusal;
use HandoffBot\Handoff\Inbox_Service;
use HandoffBot\Repositories\Storage_Exception;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

/**
 * `POST /conversations/{id}/handoff/leave`: a visitor waiting for a person stops waiting. The
 * visitor's token and rate limit apply, as on every visitor route.
 */
final class Visitor_Handoff_Controller extends Controller {

	/**
	 * Handoff steps.
	 *
	 * @var Inbox_Service
	 */
	private Inbox_Service $inbox;

	/**
	 * Who may use the route.
	 *
	 * @var Visitor_Guard
	 */
	private Visitor_Guard $guard;

	/**
	 * Builds the controller.
	 *
	 * @param Inbox_Service $inbox Handoff steps.
	 * @param Visitor_Guard $guard Who may use the route.
	 */
	public function __construct( Inbox_Service $inbox, Visitor_Guard $guard ) {
		$this->rest_base = 'conversations';
		$this->inbox     = $inbox;
		$this->guard     = $guard;
	}

	/**
	 * Registers the route.
	 */
	public function register_routes(): void {
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/(?P<id>\d+)/handoff/leave',
			array(
				array(
					'methods'             => WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'leave' ),
					'permission_callback' => array( $this->guard, 'visitor_check' ),
					'args'                => array(
						'id' => array(
							'type'     => 'integer',
							'minimum'  => 1,
							'required' => true,
						),
					),
				),
			)
		);
	}

	/**
	 * POST /conversations/{id}/handoff/leave
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function leave( $request ) {
		$conversation = $this->guard->conversation( $request );
		try {
			$left = $this->inbox->leave( (int) $conversation['id'] );
		} catch ( Storage_Exception $e ) {
			return new WP_Error( 'handoff_bot_unavailable', __( 'The chat is unavailable for a moment. Please try again.', 'handoff-bot' ), array( 'status' => 503 ) );
		}
		if ( $left instanceof Inbox_Refusal ) {
			return $left->to_error();
		}
		$response = new WP_REST_Response( array( 'handoff' => null ) );
		$response->header( 'Cache-Control', 'no-store' );
		return $response;
	}
}
