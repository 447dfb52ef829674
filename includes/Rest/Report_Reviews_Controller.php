<?php
/**
 * GET /handoff-bot/v1/reports/reviews/{review} and PUT /reports/reviews/{review}/items/{item}
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Rest;

use HandoffBot\Reports\Review\Checklist;
use HandoffBot\Reports\Review\Checklist_Service;
use HandoffBot\Repositories\Storage_Exception;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

/**
 * The monthly (`2026-11`) and quarterly (`2026-Q4`) review checklists: each item with the report
 * section it needs, whether it is done, the note, who and when; and the changes documented since
 * the review's period began. Only people who manage the plugin.
 */
final class Report_Reviews_Controller extends Controller {

	use Manage_Permission;

	/**
	 * The reviews.
	 *
	 * @var Checklist_Service
	 */
	private Checklist_Service $reviews;

	/**
	 * Builds the controller.
	 *
	 * @param Checklist_Service $reviews The reviews.
	 */
	public function __construct( Checklist_Service $reviews ) {
		$this->rest_base = 'reports/reviews';
		$this->reviews   = $reviews;
	}

	/**
	 * Registers the routes.
	 */
	public function register_routes(): void {
		$review = array(
			'description' => __( 'The review: a month (2026-11) or a quarter (2026-Q4).', 'handoff-bot' ),
			'type'        => 'string',
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/(?P<review>[^/]+)',
			array(
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_item' ),
					'permission_callback' => array( $this, 'get_item_permissions_check' ),
					'args'                => array( 'review' => $review ),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/(?P<review>[^/]+)/items/(?P<item>[^/]+)',
			array(
				array(
					'methods'             => WP_REST_Server::EDITABLE,
					'callback'            => array( $this, 'update_item' ),
					'permission_callback' => array( $this, 'get_item_permissions_check' ),
					'args'                => array(
						'review' => $review,
						'item'   => array(
							'description' => __( 'The checklist item.', 'handoff-bot' ),
							'type'        => 'string',
						),
						'done'   => array(
							'description' => __( 'Whether the item is done.', 'handoff-bot' ),
							'type'        => 'boolean',
							'required'    => true,
						),
						'note'   => array(
							'description'       => __( 'What the reviewer noted.', 'handoff-bot' ),
							'type'              => 'string',
							'maxLength'         => Checklist_Service::NOTE_MAX,
							'default'           => '',
							'validate_callback' => 'rest_validate_request_arg',
							'sanitize_callback' => 'sanitize_textarea_field',
						),
					),
					'validate_callback'   => array( Null_Guard::class, 'check' ),
				),
			)
		);
	}

	/**
	 * A review.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function get_item( $request ) {
		try {
			$review = $this->reviews->review( (string) $request['review'], wp_timezone() );
		} catch ( \InvalidArgumentException $e ) {
			return self::error( $e->getMessage() );
		} catch ( Storage_Exception $e ) {
			return self::error( 'storage_unavailable' );
		}
		$response = new WP_REST_Response( $review );
		$response->header( 'Cache-Control', 'no-store, private' );
		return $response;
	}

	/**
	 * Ticks, unticks or notes an item; the same request again changes nothing.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function update_item( $request ) {
		try {
			$item = $this->reviews->save( (string) $request['review'], (string) $request['item'], (bool) $request['done'], (string) $request['note'], get_current_user_id(), wp_timezone() );
		} catch ( \InvalidArgumentException $e ) {
			return self::error( $e->getMessage() );
		} catch ( Storage_Exception $e ) {
			return self::error( 'storage_unavailable' );
		}
		return new WP_REST_Response( $item );
	}

	/**
	 * The error of a reason. Only storage_unavailable is the server's fault (503); any other
	 * reason is the request's (400 with its own code, e.g. the period's bad_date or bad_period).
	 *
	 * @param string $reason bad_review, unknown_item, bad_date, bad_period, storage_unavailable, ...
	 */
	private static function error( string $reason ): WP_Error {
		switch ( $reason ) {
			case 'storage_unavailable':
				return new WP_Error( 'handoff_bot_storage_unavailable', __( 'The review cannot be read or saved just now. Please try again.', 'handoff-bot' ), array( 'status' => 503 ) );
			case 'bad_review':
				return new WP_Error( 'handoff_bot_bad_review', __( 'A review is a month written YYYY-MM or a quarter written YYYY-Q1 to YYYY-Q4.', 'handoff-bot' ), array( 'status' => 400 ) );
			case 'unknown_item':
				return new WP_Error( 'handoff_bot_unknown_item', __( 'This review’s checklist has no such item.', 'handoff-bot' ), array( 'status' => 404 ) );
			case 'bad_date':
				return new WP_Error( 'handoff_bot_bad_date', __( 'The review’s period does not fall on real days.', 'handoff-bot' ), array( 'status' => 400 ) );
			case 'bad_period':
				return new WP_Error( 'handoff_bot_bad_period', __( 'The review’s period cannot be made from this review.', 'handoff-bot' ), array( 'status' => 400 ) );
			default:
				return new WP_Error(
					1 === preg_match( '/\A[a-z][a-z_]{0,40}\z/D', $reason ) ? 'handoff_bot_' . $reason : 'handoff_bot_bad_request',
					__( 'This review cannot be read or saved as asked.', 'handoff-bot' ),
					array( 'status' => 400 )
				);
		}
	}

	/**
	 * The schema of a review.
	 *
	 * @return array<string, mixed>
	 */
	public function get_item_schema() {
		$string = array( 'type' => 'string' );
		return $this->add_additional_fields_schema(
			array(
				'$schema'    => 'http://json-schema.org/draft-04/schema#',
				'title'      => 'handoff-bot-report-review',
				'type'       => 'object',
				'properties' => array(
					'review'  => $string,
					'cadence' => array(
						'type' => 'string',
						'enum' => array( Checklist::MONTHLY, Checklist::QUARTERLY ),
					),
					'period'  => array( 'type' => 'object' ),
					'items'   => array(
						'type'  => 'array',
						'items' => array(
							'type'       => 'object',
							'properties' => array(
								'id'           => $string,
								'label'        => $string,
								'target'       => $string,
								'done'         => array( 'type' => 'boolean' ),
								'note'         => $string,
								'completed_by' => array( 'type' => array( 'object', 'null' ) ),
								'updated_at'   => array( 'type' => array( 'string', 'null' ) ),
							),
						),
					),
					'done'    => array( 'type' => 'integer' ),
					'total'   => array( 'type' => 'integer' ),
					'changes' => array(
						'type'  => 'array',
						'items' => array( 'type' => 'object' ),
					),
				),
			)
		);
	}
}
