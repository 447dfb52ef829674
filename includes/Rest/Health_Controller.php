<?php
/**
 * GET /handoff-bot/v1/health
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Rest;

use HandoffBot\Database\Migrator;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

/**
 * Reports the plugin version and the state of its schema to administrators.
 */
final class Health_Controller extends Controller {

	use Manage_Permission;

	/**
	 * The schema migrator.
	 *
	 * @var Migrator
	 */
	private Migrator $migrator;

	/**
	 * Builds the controller.
	 *
	 * @param Migrator $migrator The schema migrator.
	 */
	public function __construct( Migrator $migrator ) {
		$this->rest_base = 'health';
		$this->migrator  = $migrator;
	}

	/**
	 * Registers the route.
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
					'args'                => array(),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}

	/**
	 * Returns the versions.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function get_item( $request ) {
		global $wpdb;
		$installed = $this->migrator->installed_version();
		$data      = array(
			'plugin_version'    => HANDOFF_BOT_VERSION,
			'schema_version'    => $installed,
			'schema_target'     => Migrator::SCHEMA_VERSION,
			'schema_current'    => $installed >= Migrator::SCHEMA_VERSION,
			'wordpress_version' => get_bloginfo( 'version' ),
			'database'          => ( defined( 'DB_ENGINE' ) && 'sqlite' === DB_ENGINE ) ? 'sqlite' : 'mysql',
			'database_version'  => (string) $wpdb->db_server_info(),
		);
		$response  = rest_ensure_response( $this->filter_response_by_context( $data, 'view' ) );
		$response->header( 'Cache-Control', 'no-store' );
		return $response;
	}

	/**
	 * {@inheritDoc}
	 *
	 * @return array<string, mixed>
	 */
	public function get_item_schema() {
		if ( $this->schema ) {
			return $this->add_additional_fields_schema( $this->schema );
		}
		$this->schema = array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'handoff-bot-health',
			'type'       => 'object',
			'properties' => array(
				'plugin_version'    => array(
					'description' => __( 'The plugin version.', 'handoff-bot' ),
					'type'        => 'string',
					'context'     => array( 'view' ),
					'readonly'    => true,
				),
				'schema_version'    => array(
					'description' => __( 'The database schema version installed.', 'handoff-bot' ),
					'type'        => 'integer',
					'context'     => array( 'view' ),
					'readonly'    => true,
				),
				'schema_target'     => array(
					'description' => __( 'The database schema version this plugin version needs.', 'handoff-bot' ),
					'type'        => 'integer',
					'context'     => array( 'view' ),
					'readonly'    => true,
				),
				'schema_current'    => array(
					'description' => __( 'Whether the installed schema is current.', 'handoff-bot' ),
					'type'        => 'boolean',
					'context'     => array( 'view' ),
					'readonly'    => true,
				),
				'wordpress_version' => array(
					'description' => __( 'The WordPress version.', 'handoff-bot' ),
					'type'        => 'string',
					'context'     => array( 'view' ),
					'readonly'    => true,
				),
				'database'          => array(
					'description' => __( 'The database engine: sqlite or mysql (MySQL and MariaDB).', 'handoff-bot' ),
					'type'        => 'string',
					'enum'        => array( 'sqlite', 'mysql' ),
					'context'     => array( 'view' ),
					'readonly'    => true,
				),
				'database_version'  => array(
					'description' => __( 'The database server version.', 'handoff-bot' ),
					'type'        => 'string',
					'context'     => array( 'view' ),
					'readonly'    => true,
				),
			),
		);
		return $this->add_additional_fields_schema( $this->schema );
	}
}
