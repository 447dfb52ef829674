<?php
/**
 * GET /handoff-bot/v1/deliveries and POST /deliveries/<id>/redeliver
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Rest;

use HandoffBot\Notifications\Outbox;
use HandoffBot\Repositories\Delivery_Repository;
use HandoffBot\Repositories\Storage_Exception;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

/**
 * The delivery log: every message to a connection, newest first, by status and connection, and
 * manual redelivery of one that failed (or was sent). Only people who manage the plugin.
 */
final class Deliveries_Controller extends Controller {

	use Manage_Permission;

	/**
	 * Deliveries.
	 *
	 * @var Delivery_Repository
	 */
	private Delivery_Repository $deliveries;

	/**
	 * The outbox.
	 *
	 * @var Outbox
	 */
	private Outbox $outbox;

	/**
	 * Builds the controller.
	 *
	 * @param Delivery_Repository $deliveries Deliveries.
	 * @param Outbox              $outbox     The outbox.
	 */
	public function __construct( Delivery_Repository $deliveries, Outbox $outbox ) {
		$this->rest_base  = 'deliveries';
		$this->deliveries = $deliveries;
		$this->outbox     = $outbox;
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
					'permission_callback' => array( $this, 'get_item_permissions_check' ),
					'args'                => $this->get_collection_params(),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/(?P<id>\d+)/redeliver',
			array(
				array(
					'methods'             => WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'redeliver' ),
					'permission_callback' => array( $this, 'get_item_permissions_check' ),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}

	/**
	 * The log, a page at a time.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function get_items( $request ) {
		$filter = array(
			'status'        => (string) $request['status'],
			'connection_id' => (string) $request['connection'],
			'handoff_id'    => (int) $request['handoff'],
		);
		try {
			$found = $this->deliveries->list( $filter, (int) $request['page'], (int) $request['per_page'] );
		} catch ( Storage_Exception $e ) {
			return self::unavailable();
		}
		$response = new WP_REST_Response( array_map( array( Delivery_Presenter::class, 'present' ), $found['rows'] ) );
		$response->header( 'X-WP-Total', (string) $found['total'] );
		$response->header( 'X-WP-TotalPages', (string) max( 1, (int) ceil( $found['total'] / (int) $request['per_page'] ) ) );
		return $response;
	}

	/**
	 * Sends a delivery again (202: in the background, at once), under the same delivery ID.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function redeliver( WP_REST_Request $request ) {
		$id = (int) $request['id'];
		try {
			$delivery = $this->deliveries->find( $id );
			if ( null === $delivery ) {
				return new WP_Error( 'handoff_bot_delivery_not_found', __( 'There is no such delivery.', 'handoff-bot' ), array( 'status' => 404 ) );
			}
			if ( ! $this->outbox->redeliver( $id ) ) {
				return new WP_Error( 'handoff_bot_delivery_pending', __( 'This delivery is still being tried; its next attempt is scheduled.', 'handoff-bot' ), array( 'status' => 409 ) );
			}
			$delivery = $this->deliveries->find( $id );
		} catch ( Storage_Exception $e ) {
			return self::unavailable();
		}
		if ( null === $delivery ) {
			return new WP_Error( 'handoff_bot_delivery_not_found', __( 'There is no such delivery.', 'handoff-bot' ), array( 'status' => 404 ) );
		}
		return new WP_REST_Response( Delivery_Presenter::present( $delivery ), 202 );
	}

	/**
	 * {@inheritDoc}
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public function get_collection_params() {
		return array(
			'page'       => array(
				'description' => __( 'Page, from 1.', 'handoff-bot' ),
				'type'        => 'integer',
				'default'     => 1,
				'minimum'     => 1,
			),
			'per_page'   => array(
				'description' => __( 'Deliveries per page.', 'handoff-bot' ),
				'type'        => 'integer',
				'default'     => 20,
				'minimum'     => 1,
				'maximum'     => 100,
			),
			'status'     => array(
				'description' => __( 'Only deliveries with this status.', 'handoff-bot' ),
				'type'        => 'string',
				'enum'        => Delivery_Repository::STATUSES,
			),
			'connection' => array(
				'description' => __( 'Only deliveries to this connection.', 'handoff-bot' ),
				'type'        => 'string',
				'pattern'     => '^conn_[a-f0-9]{12}$',
			),
			'handoff'    => array(
				'description' => __( 'Only deliveries about this handoff.', 'handoff-bot' ),
				'type'        => 'integer',
				'minimum'     => 1,
			),
		);
	}

	/**
	 * {@inheritDoc}
	 *
	 * @return array<string, mixed>
	 */
	public function get_item_schema() {
		return $this->add_additional_fields_schema( Delivery_Presenter::schema() );
	}

	/**
	 * The 503 of a database that cannot answer.
	 */
	private static function unavailable(): WP_Error {
		return new WP_Error( 'handoff_bot_storage_unavailable', __( 'The delivery log cannot be read just now. Please try again.', 'handoff-bot' ), array( 'status' => 503 ) );
	}
}
