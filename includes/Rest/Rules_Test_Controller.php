<?php
/**
 * POST /handoff-bot/v1/rules/test
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Rest;

use HandoffBot\Escalation\Policy;
use HandoffBot\Escalation\Policy_Store;
use HandoffBot\Escalation\Policy_Tester;
use HandoffBot\Escalation\Policy_Validator;
use HandoffBot\Settings;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

/**
 * The live tester: a conversation of a few turns through the escalation policy in force, or an
 * unsaved one, showing each turn's signals, answer and decision. Stores nothing.
 */
final class Rules_Test_Controller extends Controller {

	use Manage_Permission;

	/**
	 * The tester.
	 *
	 * @var Policy_Tester
	 */
	private Policy_Tester $tester;

	/**
	 * The policy in force.
	 *
	 * @var Policy_Store
	 */
	private Policy_Store $store;

	/**
	 * Validation of an unsaved policy.
	 *
	 * @var Policy_Validator
	 */
	private Policy_Validator $validator;

	/**
	 * Settings.
	 *
	 * @var Settings
	 */
	private Settings $settings;

	/**
	 * Builds the controller.
	 *
	 * @param Policy_Tester    $tester    The tester.
	 * @param Policy_Store     $store     The policy in force.
	 * @param Policy_Validator $validator Validation.
	 * @param Settings         $settings  Settings.
	 */
	public function __construct( Policy_Tester $tester, Policy_Store $store, Policy_Validator $validator, Settings $settings ) {
		$this->rest_base = 'rules/test';
		$this->tester    = $tester;
		$this->store     = $store;
		$this->validator = $validator;
		$this->settings  = $settings;
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
					'methods'             => WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'create_item' ),
					'permission_callback' => array( $this, 'create_item_permissions_check' ),
					'args'                => array(
						'turns'     => Rules_Schema::turns_arg( $this->settings ),
						'policy'    => Rules_Schema::policy_arg( false ),
						'button_at' => Rules_Schema::button_at_arg(),
					),
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
	public function create_item_permissions_check( $request ) {
		return $this->get_item_permissions_check( $request );
	}

	/**
	 * Runs the turns.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function create_item( $request ) {
		$button = Rules_Schema::button_at_error( $request );
		if ( is_wp_error( $button ) ) {
			return $button;
		}
		$policy = $this->policy( $request );
		if ( is_wp_error( $policy ) ) {
			return $policy;
		}
		$turns = $this->tester->session()->run( Rules_Schema::turns( $request['turns'] ), $policy, null === $request['button_at'] ? null : (int) $request['button_at'] );
		foreach ( $turns as $i => $turn ) {
			// A JSON object even when no signal ran.
			$turns[ $i ]['signals'] = (object) $turn['signals'];
		}
		return new WP_REST_Response( array( 'turns' => $turns ) );
	}

	/**
	 * The policy to test: the one sent (validated as a save would be), else the one in force.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return Policy|WP_Error
	 */
	private function policy( WP_REST_Request $request ) {
		if ( null === $request['policy'] ) {
			return $this->store->active();
		}
		$result = $this->validator->validate( $request['policy'] );
		if ( null === $result['policy'] ) {
			return Policy_Store::invalid( $result['errors'] );
		}
		return new Policy( $result['policy'] );
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
				'title'      => 'handoff-bot-rules-test',
				'type'       => 'object',
				'properties' => array(
					'turns' => array(
						'type'  => 'array',
						'items' => array(
							'type'       => 'object',
							'properties' => array(
								'text'         => array( 'type' => 'string' ),
								'language'     => array( 'type' => 'string' ),
								'signals'      => array(
									'description'          => __( 'Each signal’s result, by signal ID.', 'handoff-bot' ),
									'type'                 => 'object',
									'additionalProperties' => array(
										'type'       => 'object',
										'properties' => array(
											'id'       => array( 'type' => 'string' ),
											'fired'    => array( 'type' => 'boolean' ),
											'score'    => array( 'type' => 'number' ),
											'label'    => array( 'type' => 'string' ),
											'evidence' => array(
												'type'  => 'array',
												'items' => array( 'type' => 'string' ),
											),
										),
									),
								),
								'answer'       => array(
									'description' => __( 'The answer, or null when a person takes over before any answer.', 'handoff-bot' ),
									'type'        => array( 'object', 'null' ),
									'properties'  => array(
										'kind'       => array( 'type' => 'string' ),
										'body'       => array( 'type' => 'string' ),
										'confidence' => array( 'type' => 'number' ),
										'citations'  => array(
											'type'  => 'array',
											'items' => array( 'type' => 'object' ),
										),
									),
								),
								'decision'     => Rules_Schema::decision(),
								'unproductive' => array(
									'description' => __( 'Unproductive turns before this one.', 'handoff-bot' ),
									'type'        => 'integer',
								),
								'skipped'      => array(
									'description' => __( 'Rules and signals that failed and were skipped, with their error.', 'handoff-bot' ),
									'type'        => 'array',
									'items'       => array(
										'type'       => 'object',
										'properties' => array(
											'rule'  => array( 'type' => 'string' ),
											'error' => array( 'type' => 'string' ),
										),
									),
								),
							),
						),
					),
				),
			)
		);
	}
}
