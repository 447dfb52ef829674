<?php
/**
 * GET and POST /handoff-bot/v1/rules/simulations, DELETE /rules/simulations/{id}, POST /rules/simulations/check
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Rest;

use HandoffBot\Escalation\Policy;
use HandoffBot\Escalation\Policy_Store;
use HandoffBot\Escalation\Policy_Tester;
use HandoffBot\Escalation\Policy_Validator;
use HandoffBot\Escalation\Simulations;
use HandoffBot\Settings;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

/**
 * Saved test conversations with the decisions they should get, and the check that runs them all
 * against an edited (unsaved) policy and lists every turn whose decision would change.
 *
 * @phpstan-import-type Simulation from Simulations
 * @phpstan-import-type Expectation from Simulations
 */
final class Rules_Simulations_Controller extends Controller {

	use Manage_Permission;

	/**
	 * Saved simulations.
	 *
	 * @var Simulations
	 */
	private Simulations $simulations;

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
	 * Validation of an edited policy.
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
	 * @param Simulations      $simulations Saved simulations.
	 * @param Policy_Tester    $tester      The tester.
	 * @param Policy_Store     $store       The policy in force.
	 * @param Policy_Validator $validator   Validation.
	 * @param Settings         $settings    Settings.
	 */
	public function __construct( Simulations $simulations, Policy_Tester $tester, Policy_Store $store, Policy_Validator $validator, Settings $settings ) {
		$this->rest_base   = 'rules/simulations';
		$this->simulations = $simulations;
		$this->tester      = $tester;
		$this->store       = $store;
		$this->validator   = $validator;
		$this->settings    = $settings;
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
					'permission_callback' => array( $this, 'get_items_permissions_check' ),
				),
				array(
					'methods'             => WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'create_item' ),
					'permission_callback' => array( $this, 'create_item_permissions_check' ),
					'args'                => array(
						'name'      => array(
							'description' => __( 'A name for the simulation.', 'handoff-bot' ),
							'type'        => 'string',
							'minLength'   => 1,
							'maxLength'   => Simulations::MAX_NAME,
							'required'    => true,
						),
						'turns'     => Rules_Schema::turns_arg( $this->settings ),
						'expected'  => array(
							'description' => __( 'The decision each turn should get (default: the decisions the policy in force gives now).', 'handoff-bot' ),
							'type'        => 'array',
							'maxItems'    => Simulations::MAX_TURNS,
							'items'       => Rules_Schema::expectation(),
						),
						'button_at' => Rules_Schema::button_at_arg(),
					),
					'validate_callback'   => array( Null_Guard::class, 'check' ),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/(?P<id>\d+)',
			array(
				array(
					'methods'             => WP_REST_Server::DELETABLE,
					'callback'            => array( $this, 'delete_item' ),
					'permission_callback' => array( $this, 'delete_item_permissions_check' ),
					'args'                => array(
						'id' => array(
							'type'    => 'integer',
							'minimum' => 1,
						),
					),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/check',
			array(
				array(
					'methods'             => WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'check' ),
					'permission_callback' => array( $this, 'get_item_permissions_check' ),
					'args'                => array( 'policy' => Rules_Schema::policy_arg( false ) ),
					'validate_callback'   => array( Null_Guard::class, 'check' ),
				),
				'schema' => array( $this, 'get_check_schema' ),
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
	 * Needs handoff_bot_manage.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 */
	public function create_item_permissions_check( $request ) {
		return $this->get_item_permissions_check( $request );
	}

	/**
	 * Needs handoff_bot_manage.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 */
	public function delete_item_permissions_check( $request ) {
		return $this->get_item_permissions_check( $request );
	}

	/**
	 * Every simulation, oldest first.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function get_items( $request ) {
		$all      = $this->simulations->all();
		$response = new WP_REST_Response( array_map( array( self::class, 'response' ), $all ) );
		$response->header( 'X-WP-Total', (string) count( $all ) );
		$response->header( 'X-WP-TotalPages', '1' );
		return $response;
	}

	/**
	 * Saves a simulation; without expectations, each turn is expected to keep the decision the
	 * policy in force gives it now.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function create_item( $request ) {
		$button = Rules_Schema::button_at_error( $request );
		if ( is_wp_error( $button ) ) {
			return $button;
		}
		if ( $this->simulations->count() >= Simulations::MAX ) {
			/* translators: %d: the most simulations. */
			return new WP_Error( 'handoff_bot_too_many_simulations', sprintf( __( 'A site keeps at most %d simulations. Delete one first.', 'handoff-bot' ), Simulations::MAX ), array( 'status' => 400 ) );
		}
		$turns     = Rules_Schema::turns( $request['turns'] );
		$button_at = null === $request['button_at'] ? null : (int) $request['button_at'];
		$expected  = $request['expected'];
		if ( null === $expected ) {
			$expected = array_map(
				static function ( array $turn ): array {
					return array(
						'kind'   => $turn['decision']['kind'],
						'reason' => $turn['decision']['reason'],
					);
				},
				$this->tester->session()->run( $turns, $this->store->active(), $button_at )
			);
		} elseif ( count( (array) $expected ) !== count( $turns ) ) {
			return new WP_Error(
				'rest_invalid_param',
				/* translators: %s: parameter name. */
				sprintf( __( 'Invalid parameter(s): %s', 'handoff-bot' ), 'expected' ),
				array(
					'status' => 400,
					'params' => array( 'expected' => __( 'Give one expected decision per turn.', 'handoff-bot' ) ),
				)
			);
		} else {
			$expected = array_map(
				static function ( array $expectation ): array {
					return array(
						'kind'   => (string) $expectation['kind'],
						'reason' => (string) $expectation['reason'],
					);
				},
				array_values( (array) $expected )
			);
		}//end if
		$simulation = $this->simulations->add( trim( (string) $request['name'] ), $turns, $expected, $button_at );
		$response   = new WP_REST_Response( self::response( $simulation ) );
		$response->set_status( 201 );
		return $response;
	}

	/**
	 * Deletes a simulation.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function delete_item( $request ) {
		$simulation = $this->simulations->find( (int) $request['id'] );
		if ( null === $simulation || ! $this->simulations->delete( $simulation['id'] ) ) {
			return new WP_Error( 'handoff_bot_simulation_not_found', __( 'There is no such simulation.', 'handoff-bot' ), array( 'status' => 404 ) );
		}
		return new WP_REST_Response(
			array(
				'deleted'  => true,
				'previous' => self::response( $simulation ),
			)
		);
	}

	/**
	 * Runs every simulation against a policy (the one sent, else the one in force) and lists
	 * each turn whose decision differs from the one saved.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function check( $request ) {
		$policy = $this->store->active();
		if ( null !== $request['policy'] ) {
			$result = $this->validator->validate( $request['policy'] );
			if ( null === $result['policy'] ) {
				return Policy_Store::invalid( $result['errors'] );
			}
			$policy = new Policy( $result['policy'] );
		}
		$changes = array();
		$tester  = $this->tester->session();
		foreach ( $this->simulations->all() as $simulation ) {
			foreach ( $tester->run( $simulation['turns'], $policy, $simulation['button_at'] ) as $i => $turn ) {
				$expected = $simulation['expected'][ $i ] ?? null;
				$actual   = array(
					'kind'   => $turn['decision']['kind'],
					'reason' => $turn['decision']['reason'],
				);
				if ( $expected === $actual ) {
					continue;
				}
				$changes[] = array(
					'id'       => $simulation['id'],
					'name'     => $simulation['name'],
					'turn'     => $i,
					'text'     => $turn['text'],
					'expected' => $expected,
					'actual'   => $actual,
				);
			}
		}
		return new WP_REST_Response( array( 'changes' => $changes ) );
	}

	/**
	 * A simulation as the routes send it.
	 *
	 * @param array $simulation Simulation.
	 * @phpstan-param Simulation $simulation
	 * @return array{id: int, name: string, turns: list<string>, expected: list<Expectation>, button_at: int|null, created_at: string}
	 */
	public static function response( array $simulation ): array {
		$simulation['created_at'] = Policy_Store::iso_time( $simulation['created_at'] );
		return $simulation;
	}

	/**
	 * The schema of the check's response: the turns whose decision would change.
	 *
	 * @return array<string, mixed>
	 */
	public function get_check_schema(): array {
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'handoff-bot-rules-simulations-check',
			'type'       => 'object',
			'properties' => array(
				'changes' => array(
					'type'  => 'array',
					'items' => array(
						'type'       => 'object',
						'properties' => array(
							'id'       => array( 'type' => 'integer' ),
							'name'     => array( 'type' => 'string' ),
							'turn'     => array(
								'description' => __( 'The turn, from 0.', 'handoff-bot' ),
								'type'        => 'integer',
							),
							'text'     => array( 'type' => 'string' ),
							'expected' => Rules_Schema::expectation(),
							'actual'   => Rules_Schema::expectation(),
						),
					),
				),
			),
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
				'title'      => 'handoff-bot-rules-simulation',
				'type'       => 'object',
				'properties' => array(
					'id'         => array( 'type' => 'integer' ),
					'name'       => array( 'type' => 'string' ),
					'turns'      => array(
						'type'  => 'array',
						'items' => array( 'type' => 'string' ),
					),
					'expected'   => array(
						'type'  => 'array',
						'items' => Rules_Schema::expectation(),
					),
					'button_at'  => array(
						'description' => __( 'The turn (from 0) sent with the “talk to a person” button, or null.', 'handoff-bot' ),
						'type'        => array( 'integer', 'null' ),
					),
					'created_at' => array(
						'type'   => 'string',
						'format' => 'date-time',
					),
				),
			)
		);
	}
}
