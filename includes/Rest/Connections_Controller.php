<?php
/**
 * GET, POST /handoff-bot/v1/connections and GET, PUT, PATCH, DELETE /connections/<id>
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Rest;

use HandoffBot\Notifications\Connection_Store;
use HandoffBot\Notifications\Connection_Validator;
use HandoffBot\Notifications\Connection_Versions;
use HandoffBot\Escalation\Policy_Validator;
use HandoffBot\Repositories\Storage_Exception;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

/**
 * Where the team hears about handoffs: email inboxes, webhooks and Slack. Only people who manage
 * the plugin. A webhook's secret is in the answer to its creation alone (and to a rotation, see
 * Connection_Actions_Controller); a Slack URL is shown by its host and last characters only.
 * Fields that are wrong answer `400 handoff_bot_invalid_connection`, each named in `data.params`.
 * Every change is a version of the `connections` area (Connection_Versions), with the change
 * note sent in `note` or one that says what changed.
 *
 * @phpstan-import-type Connection from Connection_Store
 */
final class Connections_Controller extends Controller {

	use Manage_Permission;

	/**
	 * The pattern of a connection's ID in a route.
	 */
	public const ID_PATTERN = '(?P<id>conn_[a-f0-9]{12})';

	/**
	 * Connections.
	 *
	 * @var Connection_Store
	 */
	private Connection_Store $store;

	/**
	 * Checks connections.
	 *
	 * @var Connection_Validator
	 */
	private Connection_Validator $validator;

	/**
	 * Records each change as a version.
	 *
	 * @var Connection_Versions
	 */
	private Connection_Versions $versions;

	/**
	 * Builds the controller.
	 *
	 * @param Connection_Store     $store     Connections.
	 * @param Connection_Validator $validator Checks connections.
	 * @param Connection_Versions  $versions  Records each change as a version.
	 */
	public function __construct( Connection_Store $store, Connection_Validator $validator, Connection_Versions $versions ) {
		$this->rest_base = 'connections';
		$this->store     = $store;
		$this->validator = $validator;
		$this->versions  = $versions;
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
				),
				array(
					'methods'             => WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'create_item' ),
					'permission_callback' => array( $this, 'get_item_permissions_check' ),
					'args'                => $this->fields( true ),
					'validate_callback'   => array( Null_Guard::class, 'check' ),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/' . self::ID_PATTERN,
			array(
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_item' ),
					'permission_callback' => array( $this, 'get_item_permissions_check' ),
				),
				array(
					'methods'             => WP_REST_Server::EDITABLE,
					'callback'            => array( $this, 'update_item' ),
					'permission_callback' => array( $this, 'get_item_permissions_check' ),
					'args'                => $this->fields( false ),
					'validate_callback'   => array( Null_Guard::class, 'check' ),
				),
				array(
					'methods'             => WP_REST_Server::DELETABLE,
					'callback'            => array( $this, 'delete_item' ),
					'permission_callback' => array( $this, 'get_item_permissions_check' ),
					'args'                => array( 'note' => self::note_arg() ),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}

	/**
	 * Every connection.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function get_items( $request ) {
		$items    = array_map( array( Connection_Store::class, 'to_public' ), $this->store->all() );
		$response = new WP_REST_Response( $items );
		$response->header( 'X-WP-Total', (string) count( $items ) );
		return $response;
	}

	/**
	 * One connection.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function get_item( $request ) {
		$connection = $this->store->find( (string) $request['id'] );
		return null === $connection ? self::not_found() : new WP_REST_Response( Connection_Store::to_public( $connection ) );
	}

	/**
	 * Adds a connection; a webhook's answer carries its secret, this once.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function create_item( $request ) {
		list( $fields, $errors ) = $this->validator->check( self::sent( $request ), null );
		$errors                 += self::note_errors( $request );
		if ( $errors ) {
			return self::invalid( $errors );
		}
		try {
			list( $connection ) = $this->versions->record(
				function () use ( $fields ): array {
					return $this->store->create( $fields );
				},
				(string) $request['note'],
				static function ( array $connection ): string {
					return Connection_Versions::note( 'added', $connection );
				},
				get_current_user_id()
			);
		} catch ( Storage_Exception $e ) {
			return self::unavailable();
		}
		if ( null === $connection ) {
			return self::unavailable();
		}
		$data = Connection_Store::to_public( $connection );
		if ( '' !== $connection['secret'] ) {
			$data['secret'] = $connection['secret'];
		}
		$response = new WP_REST_Response( $data, 201 );
		$response->header( 'Location', rest_url( $this->namespace . '/' . $this->rest_base . '/' . $connection['id'] ) );
		return $response;
	}

	/**
	 * Changes the fields sent; the others stay. A Slack URL not sent stays too.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function update_item( $request ) {
		$existing = $this->store->find( (string) $request['id'] );
		if ( null === $existing ) {
			return self::not_found();
		}
		list( $fields, $errors ) = $this->validator->check( self::sent( $request ), $existing );
		$errors                 += self::note_errors( $request );
		if ( $errors ) {
			return self::invalid( $errors );
		}
		try {
			list( $connection ) = $this->versions->record(
				function () use ( $existing, $fields ): ?array {
					return $this->store->update( $existing['id'], $fields );
				},
				(string) $request['note'],
				static function ( array $connection ): string {
					return Connection_Versions::note( 'changed', $connection );
				},
				get_current_user_id()
			);
		} catch ( Storage_Exception $e ) {
			return self::unavailable();
		}
		return null === $connection ? self::not_found() : new WP_REST_Response( Connection_Store::to_public( $connection ) );
	}

	/**
	 * Removes a connection (its deliveries stay in the log; pending ones fail).
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function delete_item( $request ) {
		$existing = $this->store->find( (string) $request['id'] );
		if ( null === $existing ) {
			return self::not_found();
		}
		$errors = self::note_errors( $request );
		if ( $errors ) {
			return self::invalid( $errors );
		}
		try {
			list( $deleted ) = $this->versions->record(
				function () use ( $existing ): ?array {
					return $this->store->delete( $existing['id'] ) ? $existing : null;
				},
				(string) $request['note'],
				static function ( array $connection ): string {
					return Connection_Versions::note( 'deleted', $connection );
				},
				get_current_user_id()
			);
		} catch ( Storage_Exception $e ) {
			return self::unavailable();
		}
		if ( null === $deleted ) {
			return self::not_found();
		}
		return new WP_REST_Response(
			array(
				'deleted'  => true,
				'previous' => Connection_Store::to_public( $existing ),
			)
		);
	}

	/**
	 * The connection fields the request sent.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return array<string, mixed>
	 */
	private static function sent( WP_REST_Request $request ): array {
		$params = $request->get_params();
		return array_intersect_key( $params, array_flip( array( 'kind', 'label', 'target', 'teams', 'events', 'enabled' ) ) );
	}

	/**
	 * The 400 that names each wrong field.
	 *
	 * @param array<string, string> $errors Field => message.
	 */
	public static function invalid( array $errors ): WP_Error {
		return new WP_Error(
			'handoff_bot_invalid_connection',
			/* translators: %s: field names, comma-separated. */
			sprintf( __( 'Check these fields: %s.', 'handoff-bot' ), implode( ', ', array_keys( $errors ) ) ),
			array(
				'status' => 400,
				'params' => $errors,
			)
		);
	}

	/**
	 * What is wrong with the change note sent (none: the default note).
	 *
	 * @param WP_REST_Request $request Request.
	 * @return array<string, string>
	 */
	public static function note_errors( WP_REST_Request $request ): array {
		$note = $request['note'];
		if ( null === $note ) {
			return array();
		}
		$error = ( new Policy_Validator() )->note_error( $note, false );
		return null === $error ? array() : array( 'note' => $error );
	}

	/**
	 * The route argument of the optional change note.
	 *
	 * @return array<string, mixed>
	 */
	public static function note_arg(): array {
		return array(
			'description' => __( 'A change note for the version this change makes (optional: one that says what changed).', 'handoff-bot' ),
			'type'        => 'string',
		);
	}

	/**
	 * The 503 of a change the database refused (nothing was stored).
	 */
	public static function unavailable(): WP_Error {
		return new WP_Error( 'handoff_bot_storage_unavailable', __( 'The connections could not be stored just now. Nothing was changed; please try again.', 'handoff-bot' ), array( 'status' => 503 ) );
	}

	/**
	 * The 404 of a connection that does not exist.
	 */
	public static function not_found(): WP_Error {
		return new WP_Error( 'handoff_bot_connection_not_found', __( 'There is no such connection.', 'handoff-bot' ), array( 'status' => 404 ) );
	}

	/**
	 * The writable fields, as route arguments.
	 *
	 * @param bool $create Whether for creation (kind, label and target required).
	 * @return array<string, array<string, mixed>>
	 */
	private function fields( bool $create ): array {
		$fields = array(
			'kind'    => array(
				'description' => __( 'email, webhook or slack; it cannot change later.', 'handoff-bot' ),
				'type'        => 'string',
			),
			'label'   => array(
				'description' => __( 'A name for the connection.', 'handoff-bot' ),
				'type'        => 'string',
			),
			'target'  => array(
				'description' => __( 'The inbox’s email address, or the URL to post to (https).', 'handoff-bot' ),
				'type'        => 'string',
			),
			'teams'   => array(
				'description' => __( 'The teams whose handoffs it sends; empty for every team.', 'handoff-bot' ),
				'type'        => 'array',
				'items'       => array( 'type' => 'string' ),
			),
			'events'  => array(
				'description' => __( 'The events it sends.', 'handoff-bot' ),
				'type'        => 'array',
				'items'       => array( 'type' => 'string' ),
			),
			'enabled' => array(
				'description' => __( 'Whether it sends.', 'handoff-bot' ),
				'type'        => 'boolean',
			),
			'note'    => self::note_arg(),
		);
		if ( $create ) {
			foreach ( array( 'kind', 'label', 'target' ) as $name ) {
				$fields[ $name ]['required'] = true;
			}
		}
		return $fields;
	}

	/**
	 * {@inheritDoc}
	 *
	 * @return array<string, mixed>
	 */
	public function get_item_schema() {
		return $this->add_additional_fields_schema( self::connection_schema() );
	}

	/**
	 * The schema of a connection.
	 *
	 * @return array<string, mixed>
	 */
	public static function connection_schema(): array {
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'handoff-bot-connection',
			'type'       => 'object',
			'properties' => array(
				'id'         => array(
					'type'     => 'string',
					'readonly' => true,
				),
				'kind'       => array(
					'type' => 'string',
					'enum' => Connection_Store::KINDS,
				),
				'label'      => array( 'type' => 'string' ),
				'target'     => array(
					'description' => __( 'Email address or URL; a Slack URL shows only its host and last characters.', 'handoff-bot' ),
					'type'        => 'string',
				),
				'teams'      => array(
					'type'  => 'array',
					'items' => array( 'type' => 'string' ),
				),
				'events'     => array(
					'type'  => 'array',
					'items' => array(
						'type' => 'string',
						'enum' => Connection_Store::EVENTS,
					),
				),
				'enabled'    => array( 'type' => 'boolean' ),
				'has_secret' => array(
					'description' => __( 'Whether it signs with a secret (webhooks).', 'handoff-bot' ),
					'type'        => 'boolean',
					'readonly'    => true,
				),
				'secret'     => array(
					'description' => __( 'The signing secret: only in the answer to a webhook’s creation or rotation.', 'handoff-bot' ),
					'type'        => 'string',
					'readonly'    => true,
				),
				'created_at' => array(
					'type'     => 'string',
					'format'   => 'date-time',
					'readonly' => true,
				),
				'updated_at' => array(
					'type'     => 'string',
					'format'   => 'date-time',
					'readonly' => true,
				),
			),
		);
	}
}
