<?php
/**
 * POST /handoff-bot/v1/connections/<id>/rotate-secret and /connections/<id>/test
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Rest;

use HandoffBot\Notifications\Connection_Store;
use HandoffBot\Notifications\Connection_Versions;
use HandoffBot\Notifications\Outbox;
use HandoffBot\Repositories\Storage_Exception;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

/**
 * What an admin does to a connection besides editing it: give a webhook a new secret (shown in
 * this answer alone), or send it a test message and see how the receiver answered. Only people
 * who manage the plugin. A rotation is a version of the connections (without the secret).
 */
final class Connection_Actions_Controller extends Controller {

	use Manage_Permission;

	/**
	 * Connections.
	 *
	 * @var Connection_Store
	 */
	private Connection_Store $store;

	/**
	 * The outbox.
	 *
	 * @var Outbox
	 */
	private Outbox $outbox;

	/**
	 * Records each rotation as a version.
	 *
	 * @var Connection_Versions
	 */
	private Connection_Versions $versions;

	/**
	 * Builds the controller.
	 *
	 * @param Connection_Store    $store    Connections.
	 * @param Outbox              $outbox   The outbox.
	 * @param Connection_Versions $versions Records each rotation as a version.
	 */
	public function __construct( Connection_Store $store, Outbox $outbox, Connection_Versions $versions ) {
		$this->rest_base = 'connections';
		$this->store     = $store;
		$this->outbox    = $outbox;
		$this->versions  = $versions;
	}

	/**
	 * Registers the routes.
	 */
	public function register_routes(): void {
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/' . Connections_Controller::ID_PATTERN . '/rotate-secret',
			array(
				array(
					'methods'             => WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'rotate' ),
					'permission_callback' => array( $this, 'get_item_permissions_check' ),
					'args'                => array( 'note' => Connections_Controller::note_arg() ),
					'validate_callback'   => array( Null_Guard::class, 'check' ),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/' . Connections_Controller::ID_PATTERN . '/test',
			array(
				array(
					'methods'             => WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'test' ),
					'permission_callback' => array( $this, 'get_item_permissions_check' ),
				),
				'schema' => array( $this, 'get_test_schema' ),
			)
		);
	}

	/**
	 * A new secret for a webhook; the old one stops signing at once.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function rotate( WP_REST_Request $request ) {
		$connection = $this->store->find( (string) $request['id'] );
		if ( null === $connection ) {
			return Connections_Controller::not_found();
		}
		if ( 'webhook' !== $connection['kind'] ) {
			return new WP_Error( 'handoff_bot_no_secret', __( 'Only webhooks have a signing secret.', 'handoff-bot' ), array( 'status' => 400 ) );
		}
		$errors = Connections_Controller::note_errors( $request );
		if ( $errors ) {
			return Connections_Controller::invalid( $errors );
		}
		try {
			list( $rotated ) = $this->versions->record(
				function () use ( $connection ): ?array {
					return $this->store->rotate( $connection['id'] );
				},
				(string) $request['note'],
				static function ( array $rotated ): string {
					return Connection_Versions::note( 'rotated', $rotated );
				},
				get_current_user_id()
			);
		} catch ( Storage_Exception $e ) {
			return Connections_Controller::unavailable();
		}
		if ( null === $rotated ) {
			return Connections_Controller::not_found();
		}
		return new WP_REST_Response( Connection_Store::to_public( $rotated ) + array( 'secret' => $rotated['secret'] ) );
	}

	/**
	 * Sends a test message now and answers with the delivery (sent or failed, with the
	 * receiver's answer).
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function test( WP_REST_Request $request ) {
		$connection = $this->store->find( (string) $request['id'] );
		if ( null === $connection ) {
			return Connections_Controller::not_found();
		}
		try {
			$delivery = $this->outbox->test( $connection );
		} catch ( Storage_Exception $e ) {
			$delivery = null;
		}
		if ( null === $delivery ) {
			return new WP_Error( 'handoff_bot_storage_unavailable', __( 'The test could not be stored just now. Please try again.', 'handoff-bot' ), array( 'status' => 503 ) );
		}
		return new WP_REST_Response( Delivery_Presenter::present( $delivery ) );
	}

	/**
	 * {@inheritDoc}
	 *
	 * @return array<string, mixed>
	 */
	public function get_item_schema() {
		$schema          = Connections_Controller::connection_schema();
		$schema['title'] = 'handoff-bot-connection-secret';
		return $this->add_additional_fields_schema( $schema );
	}

	/**
	 * The test route's schema: the delivery made.
	 *
	 * @return array<string, mixed>
	 */
	public function get_test_schema(): array {
		return Delivery_Presenter::schema();
	}
}
