<?php
/**
 * GET and POST /handoff-bot/v1/settings
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Rest;

use HandoffBot\Invalid_Setting_Exception;
use HandoffBot\Settings;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

/**
 * The plugin settings, for people who manage the plugin. A bad value, null included, is
 * `400 rest_invalid_param` with the field named in `data.params`, and nothing is stored.
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
		$args = $this->get_endpoint_args_for_item_schema( WP_REST_Server::EDITABLE );
		foreach ( array_keys( $args ) as $name ) {
			$args[ $name ]['validate_callback'] = array( $this, 'validate_setting' );
		}
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
					'args'                => $args,
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
	 * Validates one setting as sent (WordPress calls this for every setting that is not null).
	 *
	 * @param mixed           $value   Value.
	 * @param WP_REST_Request $request Request.
	 * @param string          $name    Setting name.
	 * @return true|WP_Error
	 */
	public function validate_setting( $value, $request, $name ) {
		return $this->settings->validate( (string) $name, $value );
	}

	/**
	 * Updates the settings that were sent.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function update_item( $request ) {
		$values = array_intersect_key( $request->get_params(), $this->settings->schema() );
		try {
			return new WP_REST_Response( $this->settings->update( $values ) );
		} catch ( Invalid_Setting_Exception $e ) {
			return new WP_Error(
				'rest_invalid_param',
				/* translators: %s: list of parameter names. */
				sprintf( __( 'Invalid parameter(s): %s', 'handoff-bot' ), $e->field() ),
				array(
					'status' => 400,
					'params' => array( $e->field() => $e->getMessage() ),
				)
			);
		}
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
