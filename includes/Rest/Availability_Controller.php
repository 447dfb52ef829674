<?php
/**
 * GET and PUT /handoff-bot/v1/availability
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Rest;

use HandoffBot\Capabilities;
use HandoffBot\Escalation\Policy_Store;
use HandoffBot\Handoff\Availability;
use HandoffBot\Handoff\Availability_Store;
use HandoffBot\Handoff\Schedule;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

/**
 * Hours, holidays, teams and capacity, for people who manage the plugin: the availability in
 * force with a preview of the next seven days in the site's time zone, the agents a team may
 * have, and which intents the rules send to each team. A save is a new version (a note is
 * required; a save from an older version is a 409).
 */
final class Availability_Controller extends Controller {

	use Manage_Permission;

	/**
	 * The most agents listed.
	 */
	private const MAX_AGENTS = 500;

	/**
	 * Availability.
	 *
	 * @var Availability_Store
	 */
	private Availability_Store $store;

	/**
	 * The rules (for the intents each team gets).
	 *
	 * @var Policy_Store
	 */
	private Policy_Store $policies;

	/**
	 * Builds the controller.
	 *
	 * @param Availability_Store $store    Availability.
	 * @param Policy_Store       $policies The rules.
	 */
	public function __construct( Availability_Store $store, Policy_Store $policies ) {
		$this->rest_base = 'availability';
		$this->store     = $store;
		$this->policies  = $policies;
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
						array(
							'availability' => array(
								'description' => __( 'Hours, holidays, teams and capacity (see the schema of GET /availability).', 'handoff-bot' ),
								'type'        => 'object',
								'required'    => true,
							),
						),
						Rules_Controller::change_args()
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
	public function update_item_permissions_check( $request ) {
		return $this->get_item_permissions_check( $request );
	}

	/**
	 * The availability in force.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function get_item( $request ) {
		$availability = $this->store->active();
		return new WP_REST_Response(
			array(
				'version'      => $this->store->active_version(),
				'availability' => $availability->to_array(),
				'timezone'     => wp_timezone_string(),
				'next_days'    => ( new Schedule( $availability, wp_timezone() ) )->days( new \DateTimeImmutable( 'now' ) ),
				'agents'       => self::agents(),
				'team_intents' => (object) Availability_Store::teams_in_use( $this->policies->active() ),
			)
		);
	}

	/**
	 * Saves the availability as a new version.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function update_item( $request ) {
		$saved = $this->store->save( $request['availability'], $request['note'], $request['expected_impact'], (int) $request['base_version'], get_current_user_id() );
		if ( is_wp_error( $saved ) ) {
			return $saved;
		}
		return new WP_REST_Response(
			array(
				'version'      => $saved['version'],
				'availability' => $saved['availability'],
				'next_days'    => ( new Schedule( new Availability( $saved['availability'] ), wp_timezone() ) )->days( new \DateTimeImmutable( 'now' ) ),
			)
		);
	}

	/**
	 * The users who may answer handoffs.
	 *
	 * @return list<array{id: int, name: string}>
	 */
	private static function agents(): array {
		$users = get_users(
			array(
				'capability' => Capabilities::AGENT,
				'number'     => self::MAX_AGENTS,
				'orderby'    => 'display_name',
				'fields'     => array( 'ID', 'display_name' ),
			)
		);
		$out   = array();
		foreach ( $users as $user ) {
			$out[] = array(
				'id'   => (int) $user->ID,
				'name' => (string) $user->display_name,
			);
		}
		return $out;
	}

	/**
	 * {@inheritDoc}
	 *
	 * @return array<string, mixed>
	 */
	public function get_item_schema() {
		$interval = array(
			'type'       => 'object',
			'properties' => array(
				'open'  => array(
					'type'    => 'string',
					'pattern' => '^\d{2}:\d{2}$',
				),
				'close' => array(
					'type'    => 'string',
					'pattern' => '^\d{2}:\d{2}$',
				),
			),
		);
		$week     = array(
			'description' => __( 'Opening intervals per weekday, wall-clock times in the site’s time zone.', 'handoff-bot' ),
			'type'        => 'object',
			'properties'  => array_fill_keys(
				Availability::DAYS,
				array(
					'type'  => 'array',
					'items' => $interval,
				)
			),
		);
		return $this->add_additional_fields_schema(
			array(
				'$schema'    => 'http://json-schema.org/draft-04/schema#',
				'title'      => 'handoff-bot-availability',
				'type'       => 'object',
				'properties' => array(
					'version'      => array( 'type' => 'integer' ),
					'availability' => array(
						'type'       => 'object',
						'properties' => array(
							'hours'                     => $week,
							'holidays'                  => array(
								'type'  => 'array',
								'items' => array(
									'type'       => 'object',
									'properties' => array(
										'date'   => array(
											'type'   => 'string',
											'format' => 'date',
										),
										'label'  => array( 'type' => 'string' ),
										'yearly' => array( 'type' => 'boolean' ),
									),
								),
							),
							'teams'                     => array(
								'type'  => 'array',
								'items' => array(
									'type'       => 'object',
									'properties' => array(
										'name'   => array( 'type' => 'string' ),
										'label'  => array( 'type' => 'string' ),
										'agents' => array(
											'type'  => 'array',
											'items' => array( 'type' => 'integer' ),
										),
										'hours'  => array( 'type' => array( 'object', 'null' ) ),
									),
								),
							),
							'capacity'                  => array(
								'type'       => 'object',
								'properties' => array(
									'max_waiting'         => array( 'type' => 'integer' ),
									'max_wait_minutes'    => array( 'type' => 'integer' ),
									'max_chats_per_agent' => array( 'type' => 'integer' ),
								),
							),
							'escalation_failed_minutes' => array( 'type' => 'integer' ),
							'abandon_minutes'           => array(
								'type'        => 'integer',
								'description' => __( 'Minutes without a sign of a waiting visitor before their handoff is abandoned.', 'handoff-bot' ),
							),
							'callback'                  => array( 'type' => 'boolean' ),
						),
					),
					'timezone'     => array( 'type' => 'string' ),
					'next_days'    => array(
						'description' => __( 'The next seven days as the schedule applies them (read-only).', 'handoff-bot' ),
						'type'        => 'array',
					),
					'agents'       => array(
						'description' => __( 'Users who may answer handoffs (read-only).', 'handoff-bot' ),
						'type'        => 'array',
					),
					'team_intents' => array(
						'description' => __( 'The intents the rules send to each team, by team name (read-only).', 'handoff-bot' ),
						'type'        => 'object',
					),
				),
			)
		);
	}
}
