<?php
/**
 * GET and PUT /handoff-bot/v1/rules
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Rest;

use HandoffBot\Contracts\Rule;
use HandoffBot\Contracts\Signal;
use HandoffBot\Escalation\Policy_Store;
use HandoffBot\Escalation\Rule_Registry;
use HandoffBot\Repositories\Storage_Exception;
use HandoffBot\Signals\Signal_Registry;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

/**
 * The escalation policy in force, with who saved it and when, and the rules and signals the
 * plugin runs (read-only: sites add them in code); and saving a new version of it.
 */
final class Rules_Controller extends Controller {

	use Manage_Permission;

	/**
	 * The policy and its versions.
	 *
	 * @var Policy_Store
	 */
	private Policy_Store $store;

	/**
	 * The rules in force.
	 *
	 * @var Rule_Registry
	 */
	private Rule_Registry $rules;

	/**
	 * The signals in force.
	 *
	 * @var Signal_Registry
	 */
	private Signal_Registry $signals;

	/**
	 * Builds the controller.
	 *
	 * @param Policy_Store    $store   The policy and its versions.
	 * @param Rule_Registry   $rules   The rules in force.
	 * @param Signal_Registry $signals The signals in force.
	 */
	public function __construct( Policy_Store $store, Rule_Registry $rules, Signal_Registry $signals ) {
		$this->rest_base = 'rules';
		$this->store     = $store;
		$this->rules     = $rules;
		$this->signals   = $signals;
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
					'args'                => array_merge(
						array( 'policy' => Rules_Schema::policy_arg( true ) ),
						self::change_args()
					),
					'validate_callback'   => array( Null_Guard::class, 'check' ),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}

	/**
	 * The parameters of a change: its note, expected impact and base version.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public static function change_args(): array {
		return array(
			'note'            => array(
				'description' => __( 'What changed and why (required; shown in the version history).', 'handoff-bot' ),
				'type'        => 'string',
			),
			'expected_impact' => array(
				'description' => __( 'What the change should do to the metrics (required for a save; a rollback without one says it brings that version back).', 'handoff-bot' ),
				'type'        => 'string',
				'default'     => '',
			),
			'base_version'    => array(
				'description' => __( 'The version the change was made from; another save since then is a conflict.', 'handoff-bot' ),
				'type'        => 'integer',
				'minimum'     => 0,
				'required'    => true,
			),
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
	 * The policy in force.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function get_item( $request ) {
		try {
			$current = $this->store->current();
		} catch ( Storage_Exception $e ) {
			$current = null;
		}
		if ( null === $current ) {
			return new WP_Error( 'handoff_bot_storage_unavailable', __( 'The rules could not be read. Try again.', 'handoff-bot' ), array( 'status' => 503 ) );
		}
		$policy = $this->store->active();
		return new WP_REST_Response(
			array(
				'version'    => $current['version'],
				'policy'     => Rules_Schema::policy_response( $policy->to_array() ),
				'author'     => Policy_Store::author( $current['author_id'] ),
				'updated_at' => Policy_Store::iso_time( $current['created_at'] ),
				'rules'      => array_map(
					static function ( Rule $rule ): array {
						return array(
							'id'    => $rule->get_id(),
							'label' => $rule->get_label(),
						);
					},
					$this->rules->all()
				),
				'signals'    => array_map(
					static function ( Signal $signal ): array {
						return array( 'id' => $signal->get_id() );
					},
					$this->signals->all()
				),
			)
		);
	}

	/**
	 * Saves the policy as a new version.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function update_item( $request ) {
		$saved = $this->store->save( $request['policy'], $request['note'], $request['expected_impact'], (int) $request['base_version'], get_current_user_id() );
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
	 * {@inheritDoc}
	 *
	 * @return array<string, mixed>
	 */
	public function get_item_schema() {
		return $this->add_additional_fields_schema(
			array(
				'$schema'    => 'http://json-schema.org/draft-04/schema#',
				'title'      => 'handoff-bot-rules',
				'type'       => 'object',
				'properties' => array(
					'version'    => array(
						'description' => __( 'The version in force.', 'handoff-bot' ),
						'type'        => 'integer',
					),
					'policy'     => Rules_Schema::policy(),
					'author'     => self::author_schema(),
					'updated_at' => array(
						'type'   => 'string',
						'format' => 'date-time',
					),
					'rules'      => array(
						'description' => __( 'The rules in force, in order (read-only).', 'handoff-bot' ),
						'type'        => 'array',
						'items'       => array(
							'type'       => 'object',
							'properties' => array(
								'id'    => array( 'type' => 'string' ),
								'label' => array( 'type' => 'string' ),
							),
						),
					),
					'signals'    => array(
						'description' => __( 'The signals read on every message (read-only).', 'handoff-bot' ),
						'type'        => 'array',
						'items'       => array(
							'type'       => 'object',
							'properties' => array(
								'id' => array( 'type' => 'string' ),
							),
						),
					),
				),
			)
		);
	}

	/**
	 * The schema of a version's author.
	 *
	 * @return array<string, mixed>
	 */
	public static function author_schema(): array {
		return array(
			'description' => __( 'Who saved the version (null for the plugin itself).', 'handoff-bot' ),
			'type'        => array( 'object', 'null' ),
			'properties'  => array(
				'id'   => array( 'type' => 'integer' ),
				'name' => array( 'type' => 'string' ),
			),
		);
	}
}
