<?php
/**
 * GET and POST /handoff-bot/v1/settings
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Rest;

use HandoffBot\Settings;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

/**
 * The plugin settings, for people who manage the plugin.
 */
final class Settings_Controller extends Controller {

	use Manage_Permission;

	/**
	 * Settings.
	 *
	 * @var Settings
	 */
	private Settings $settings;

	/**
	 * Builds the controller.
	 *
	 * @param Settings $settings Settings.
	 */
	public function __construct( Settings $settings ) {
		$this->rest_base = 'settings';
		$this->settings  = $settings;
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
					'methods'             => WP_REST_Server::EDITABLE,
					'callback'            => array( $this, 'update_item' ),
					'permission_callback' => array( $this, 'update_item_permissions_check' ),
					'args'                => $this->get_endpoint_args_for_item_schema( WP_REST_Server::EDITABLE ),
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
	public function update_item_permissions_check( $request ) {
		return $this->get_item_permissions_check( $request );
	}

	/**
	 * The settings.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function get_item( $request ) {
		return new WP_REST_Response( $this->settings->all() );
	}

	/**
	 * Updates the settings that were sent.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function update_item( $request ) {
		$values = array_intersect_key( (array) $request->get_params(), $this->settings->schema() );
		if ( isset( $values['post_types'] ) ) {
			foreach ( (array) $values['post_types'] as $type ) {
				$object = get_post_type_object( (string) $type );
				if ( ! $object || ! $object->public ) {
					return new WP_Error(
						'handoff_bot_invalid_post_type',
						/* translators: %s: post type name. */
						sprintf( __( '“%s” is not a public post type.', 'handoff-bot' ), (string) $type ),
						array( 'status' => 400 )
					);
				}
			}
		}
		return new WP_REST_Response( $this->settings->update( $values ) );
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
				'title'      => 'handoff-bot-settings',
				'type'       => 'object',
				'properties' => $this->settings->schema(),
			)
		);
	}
}
