<?php
/**
 * GET /handoff-bot/v1/rules/versions, GET /rules/versions/{version}, POST /rules/versions/{version}/rollback
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Rest;

use HandoffBot\Escalation\Policy_Store;
use HandoffBot\Repositories\Storage_Exception;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

/**
 * The version history of the escalation policy: who saved each version, when, with what note
 * and expected impact; one version's policy; and a rollback, which saves an earlier version's
 * policy as a new version.
 */
final class Rules_Versions_Controller extends Controller {

	use Manage_Permission;

	/**
	 * The policy and its versions.
	 *
	 * @var Policy_Store
	 */
	private Policy_Store $store;

	/**
	 * Builds the controller.
	 *
	 * @param Policy_Store $store The policy and its versions.
	 */
	public function __construct( Policy_Store $store ) {
		$this->rest_base = 'rules/versions';
		$this->store     = $store;
	}

	/**
	 * Registers the routes.
	 */
	public function register_routes(): void {
		$version = array(
			'description' => __( 'The version number.', 'handoff-bot' ),
			'type'        => 'integer',
			'minimum'     => 1,
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base,
			array(
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_items' ),
					'permission_callback' => array( $this, 'get_items_permissions_check' ),
					'args'                => $this->get_collection_params(),
					'validate_callback'   => array( Null_Guard::class, 'check' ),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/(?P<version>\d+)',
			array(
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_item' ),
					'permission_callback' => array( $this, 'get_item_permissions_check' ),
					'args'                => array( 'version' => $version ),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/(?P<version>\d+)/rollback',
			array(
				array(
					'methods'             => WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'rollback' ),
					'permission_callback' => array( $this, 'get_item_permissions_check' ),
					'args'                => array_merge( array( 'version' => $version ), Rules_Controller::change_args() ),
					'validate_callback'   => array( Null_Guard::class, 'check' ),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}

	/**
	 * Needs handoff_bot_manage.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 */
	public function get_items_permissions_check( $request ) {
		return $this->get_item_permissions_check( $request );
	}

	/**
	 * A page of versions, newest first.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function get_items( $request ) {
		$page     = (int) $request['page'];
		$per_page = (int) $request['per_page'];
		try {
			$this->store->current();
			$total    = $this->store->count();
			$versions = $this->store->versions( $page, $per_page );
		} catch ( Storage_Exception $e ) {
			return self::unavailable();
		}
		$active   = $this->store->active_version();
		$response = new WP_REST_Response(
			array_map(
				static function ( array $version ) use ( $active ): array {
					return array(
						'version'         => $version['version'],
						'author'          => Policy_Store::author( $version['author_id'] ),
						'created_at'      => Policy_Store::iso_time( $version['created_at'] ),
						'note'            => $version['note'],
						'expected_impact' => $version['expected_impact'],
						'active'          => $version['version'] === $active,
					);
				},
				$versions
			)
		);
		$response->header( 'X-WP-Total', (string) $total );
		$response->header( 'X-WP-TotalPages', (string) (int) ceil( $total / max( 1, $per_page ) ) );
		return $response;
	}

	/**
	 * One version, with its policy.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function get_item( $request ) {
		try {
			$version = $this->store->version( (int) $request['version'] );
		} catch ( Storage_Exception $e ) {
			return self::unavailable();
		}
		if ( null === $version ) {
			/* translators: %d: version number. */
			return new WP_Error( 'handoff_bot_version_not_found', sprintf( __( 'There is no version %d of the rules.', 'handoff-bot' ), (int) $request['version'] ), array( 'status' => 404 ) );
		}
		$policy                  = $version['data'];
		$policy['human_phrases'] = (object) ( $policy['human_phrases'] ?? array() );
		return new WP_REST_Response(
			array(
				'version'         => $version['version'],
				'policy'          => $policy,
				'note'            => $version['note'],
				'expected_impact' => $version['expected_impact'],
				'author'          => Policy_Store::author( $version['author_id'] ),
				'created_at'      => Policy_Store::iso_time( $version['created_at'] ),
			)
		);
	}

	/**
	 * Saves an earlier version's policy as a new version.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function rollback( $request ) {
		$saved = $this->store->rollback( (int) $request['version'], $request['note'], $request['expected_impact'], (int) $request['base_version'], get_current_user_id() );
		if ( is_wp_error( $saved ) ) {
			return $saved;
		}
		return new WP_REST_Response(
			array(
				'version' => $saved['version'],
				'policy'  => Rules_Schema::policy_response( $saved['policy'] ),
			)
		);
	}

	/**
	 * The paging parameters.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public function get_collection_params() {
		return array(
			'page'     => array(
				'description' => __( 'Page of the history, from 1.', 'handoff-bot' ),
				'type'        => 'integer',
				'default'     => 1,
				'minimum'     => 1,
				'maximum'     => 100000,
			),
			'per_page' => array(
				'description' => __( 'Versions per page.', 'handoff-bot' ),
				'type'        => 'integer',
				'default'     => 20,
				'minimum'     => 1,
				'maximum'     => 100,
			),
		);
	}

	/**
	 * The error for a database that refused a read.
	 */
	private static function unavailable(): WP_Error {
		return new WP_Error( 'handoff_bot_storage_unavailable', __( 'The version history could not be read. Try again.', 'handoff-bot' ), array( 'status' => 503 ) );
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
				'title'      => 'handoff-bot-rules-version',
				'type'       => 'object',
				'properties' => array(
					'version'         => array( 'type' => 'integer' ),
					'policy'          => Rules_Schema::policy(),
					'note'            => array( 'type' => 'string' ),
					'expected_impact' => array( 'type' => 'string' ),
					'author'          => Rules_Controller::author_schema(),
					'created_at'      => array(
						'type'   => 'string',
						'format' => 'date-time',
					),
					'active'          => array(
						'description' => __( 'Whether this version is in force (in the list only).', 'handoff-bot' ),
						'type'        => 'boolean',
					),
				),
			)
		);
	}
}
