<?php
/**
 * GET and POST /handoff-bot/v1/settings
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Rest;

use HandoffBot\Invalid_Setting_Exception;
use HandoffBot\Repositories\Storage_Exception;
use HandoffBot\Settings;
use HandoffBot\Settings_Versions;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

/**
 * The plugin settings, for people who manage the plugin. A bad value, null included, is
 * `400 rest_invalid_param` with the field named in `data.params`, and nothing is stored. A change
 * to the settings that decide answers is a new version (Settings_Versions), with the optional
 * `change_note` and `expected_impact` sent with it.
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
	 * Versions of the answer settings.
	 *
	 * @var Settings_Versions
	 */
	private Settings_Versions $versions;

	/**
	 * Builds the controller.
	 *
	 * @param Settings          $settings Settings.
	 * @param Settings_Versions $versions Versions of the answer settings.
	 */
	public function __construct( Settings $settings, Settings_Versions $versions ) {
		$this->rest_base = 'settings';
		$this->settings  = $settings;
		$this->versions  = $versions;
	}

	/**
	 * Registers the routes.
	 */
	public function register_routes(): void {
		$args = $this->get_endpoint_args_for_item_schema( WP_REST_Server::EDITABLE );
		foreach ( array_keys( $args ) as $name ) {
			$args[ $name ]['validate_callback'] = array( $this, 'validate_setting' );
		}
		$args['change_note']     = array(
			'description' => __( 'What changed and why, kept with the version when the answer settings change (described for you when empty).', 'handoff-bot' ),
			'type'        => 'string',
			'maxLength'   => 1000,
			'default'     => '',
		);
		$args['expected_impact'] = array(
			'description' => __( 'What the change should do to the metrics.', 'handoff-bot' ),
			'type'        => 'string',
			'maxLength'   => 1000,
			'default'     => '',
		);
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
			return new WP_REST_Response( $this->versions->save( $this->settings, $values, (string) $request['change_note'], (string) $request['expected_impact'], get_current_user_id() ) );
		} catch ( Storage_Exception $e ) {
			return new WP_Error( 'handoff_bot_storage_unavailable', __( 'The settings could not be saved just now. Please try again.', 'handoff-bot' ), array( 'status' => 503 ) );
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
