<?php
/**
 * GET /handoff-bot/v1/reports/checkpoints[/{id}], PUT /reports/checkpoints/{id}/check and
 * PUT /reports/checkpoints/{id}/documentation
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Rest;

use HandoffBot\Reports\Review\Checkpoint_Service;
use HandoffBot\Repositories\Storage_Exception;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

/**
 * Release checkpoints, opened by every configuration change: their progress, expected against
 * actual once enough conversations came in, the re-check and what was tuned. Only people who
 * manage the plugin.
 */
final class Report_Checkpoints_Controller extends Controller {

	use Manage_Permission;

	/**
	 * Checkpoints.
	 *
	 * @var Checkpoint_Service
	 */
	private Checkpoint_Service $checkpoints;

	/**
	 * Builds the controller.
	 *
	 * @param Checkpoint_Service $checkpoints Checkpoints.
	 */
	public function __construct( Checkpoint_Service $checkpoints ) {
		$this->rest_base   = 'reports/checkpoints';
		$this->checkpoints = $checkpoints;
	}

	/**
	 * Registers the routes.
	 */
	public function register_routes(): void {
		$id   = array(
			'id' => array(
				'description' => __( 'The checkpoint.', 'handoff-bot' ),
				'type'        => 'integer',
				'minimum'     => 1,
			),
		);
		$text = array(
			'type'              => 'string',
			'maxLength'         => Checkpoint_Service::NOTE_MAX,
			'validate_callback' => 'rest_validate_request_arg',
			'sanitize_callback' => 'sanitize_textarea_field',
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base,
			array(
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_items' ),
					'permission_callback' => array( $this, 'get_item_permissions_check' ),
					'args'                => $this->get_collection_params(),
					'validate_callback'   => array( Null_Guard::class, 'check' ),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/(?P<id>\d+)',
			array(
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_item' ),
					'permission_callback' => array( $this, 'get_item_permissions_check' ),
					'args'                => $id,
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/(?P<id>\d+)/check',
			array(
				array(
					'methods'             => WP_REST_Server::EDITABLE,
					'callback'            => array( $this, 'check' ),
					'permission_callback' => array( $this, 'get_item_permissions_check' ),
					'args'                => $id + array(
						'note' => array(
							'description' => __( 'What the re-check found.', 'handoff-bot' ),
							'default'     => '',
						) + $text,
					),
					'validate_callback'   => array( Null_Guard::class, 'check' ),
				),
			)
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/(?P<id>\d+)/documentation',
			array(
				array(
					'methods'             => WP_REST_Server::EDITABLE,
					'callback'            => array( $this, 'document' ),
					'permission_callback' => array( $this, 'get_item_permissions_check' ),
					'args'                => $id + array(
						'tuned' => array(
							'description' => __( 'What was tuned after the change, for the next review.', 'handoff-bot' ),
							'required'    => true,
							'minLength'   => 1,
						) + $text,
					),
					'validate_callback'   => array( Null_Guard::class, 'check' ),
				),
			)
		);
	}

	/**
	 * A page of checkpoints, newest first.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function get_items( $request ) {
		$per_page = (int) $request['per_page'];
		try {
			$found = $this->checkpoints->page( (int) $request['page'], $per_page );
		} catch ( Storage_Exception $e ) {
			return self::error( 'storage_unavailable' );
		}
		$response = new WP_REST_Response( $found['rows'] );
		$response->header( 'X-WP-Total', (string) $found['total'] );
		$response->header( 'X-WP-TotalPages', (string) max( 1, (int) ceil( $found['total'] / $per_page ) ) );
		$response->header( 'Cache-Control', 'no-store, private' );
		return $response;
	}

	/**
	 * A checkpoint, with expected against actual once it is ready.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function get_item( $request ) {
		return $this->respond(
			function () use ( $request ): array {
				return $this->checkpoints->get( (int) $request['id'], wp_timezone() );
			}
		);
	}

	/**
	 * Records the re-check of a ready checkpoint.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function check( WP_REST_Request $request ) {
		return $this->respond(
			function () use ( $request ): array {
				return $this->checkpoints->check( (int) $request['id'], get_current_user_id(), (string) $request['note'], wp_timezone() );
			}
		);
	}

	/**
	 * Records what was tuned.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function document( WP_REST_Request $request ) {
		$tuned = trim( (string) $request['tuned'] );
		if ( '' === $tuned ) {
			return self::error( 'empty_text' );
		}
		return $this->respond(
			function () use ( $request, $tuned ): array {
				return $this->checkpoints->document( (int) $request['id'], get_current_user_id(), $tuned, wp_timezone() );
			}
		);
	}

	/**
	 * Runs a step and answers with the checkpoint, or the error.
	 *
	 * @param callable $step The step.
	 * @phpstan-param callable(): array<string, mixed> $step
	 * @return WP_REST_Response|WP_Error
	 */
	private function respond( callable $step ) {
		try {
			$checkpoint = $step();
		} catch ( \InvalidArgumentException $e ) {
			return self::error( $e->getMessage() );
		} catch ( Storage_Exception $e ) {
			return self::error( 'storage_unavailable' );
		}
		$response = new WP_REST_Response( $checkpoint );
		$response->header( 'Cache-Control', 'no-store, private' );
		return $response;
	}

	/**
	 * The error of a reason. Only storage_unavailable is the server's fault (503); any other
	 * reason is the request's (4xx with its own code, e.g. the period's bad_date or bad_period).
	 *
	 * @param string $reason not_found, not_ready, empty_text, bad_date, bad_period, storage_unavailable, ...
	 */
	private static function error( string $reason ): WP_Error {
		switch ( $reason ) {
			case 'storage_unavailable':
				return new WP_Error( 'handoff_bot_storage_unavailable', __( 'The checkpoints cannot be read or saved just now. Please try again.', 'handoff-bot' ), array( 'status' => 503 ) );
			case 'not_found':
				return new WP_Error( 'handoff_bot_not_found', __( 'There is no such checkpoint.', 'handoff-bot' ), array( 'status' => 404 ) );
			case 'not_ready':
				return new WP_Error( 'handoff_bot_not_ready', __( 'This checkpoint is still waiting for conversations under the new configuration; re-check it once it is ready.', 'handoff-bot' ), array( 'status' => 409 ) );
			case 'empty_text':
				return new WP_Error( 'handoff_bot_empty_text', __( 'Say what was tuned.', 'handoff-bot' ), array( 'status' => 400 ) );
			case 'bad_date':
				return new WP_Error( 'handoff_bot_bad_date', __( 'The checkpoint’s comparison periods do not fall on real days.', 'handoff-bot' ), array( 'status' => 400 ) );
			case 'bad_period':
				return new WP_Error( 'handoff_bot_bad_period', __( 'The checkpoint’s comparison periods cannot be made.', 'handoff-bot' ), array( 'status' => 400 ) );
			default:
				return new WP_Error(
					1 === preg_match( '/\A[a-z][a-z_]{0,40}\z/D', $reason ) ? 'handoff_bot_' . $reason : 'handoff_bot_bad_request',
					__( 'This checkpoint cannot be read or saved as asked.', 'handoff-bot' ),
					array( 'status' => 400 )
				);
		}
	}

	/**
	 * {@inheritDoc}
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public function get_collection_params() {
		return array() + self::paging_args( __( 'Rows per page.', 'handoff-bot' ) );
	}

	/**
	 * The schema of a checkpoint.
	 *
	 * @return array<string, mixed>
	 */
	public function get_item_schema() {
		$int      = array( 'type' => 'integer' );
		$string   = array( 'type' => 'string' );
		$nullable = array( 'type' => array( 'object', 'null' ) );
		return $this->add_additional_fields_schema(
			array(
				'$schema'    => 'http://json-schema.org/draft-04/schema#',
				'title'      => 'handoff-bot-report-checkpoint',
				'type'       => 'object',
				'properties' => array(
					'id'              => $int,
					'config_version'  => $int,
					'area'            => $string,
					'area_version'    => $int,
					'note'            => $string,
					'expected_impact' => $string,
					'author'          => $nullable,
					'created_at'      => $string,
					'state'           => array(
						'type' => 'string',
						'enum' => array( Checkpoint_Service::WAITING, Checkpoint_Service::READY, Checkpoint_Service::SUPERSEDED, Checkpoint_Service::CHECKED ),
					),
					'superseded_by'   => array(
						'description' => __( 'The config version of the change that came before this one reached its threshold, or null.', 'handoff-bot' ),
						'type'        => array( 'integer', 'null' ),
					),
					'conversations'   => $int,
					'threshold'       => $int,
					'check'           => $nullable,
					'tuned'           => $nullable,
					'actual'          => array(
						'description' => __( 'Only for one checkpoint, once it has conversations and is no longer waiting: the headline figures before and after the change.', 'handoff-bot' ),
						'type'        => array( 'object', 'null' ),
					),
				),
			)
		);
	}
}
