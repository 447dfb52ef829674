<?php
/**
 * GET /handoff-bot/v1/reports/alerts, GET /reports/alerts/{id}, POST /reports/alerts/{id}/dismiss
 * and POST /reports/alerts/check
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Rest;

use HandoffBot\Reports\Alerts\Alert_Check;
use HandoffBot\Reports\Alerts\Alert_Detector;
use HandoffBot\Reports\Alerts\Alert_Investigator;
use HandoffBot\Reports\Alerts\Alert_Links;
use HandoffBot\Reports\Alerts\Alert_Text;
use HandoffBot\Repositories\Report_Alert_Repository;
use HandoffBot\Repositories\Storage_Exception;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

/**
 * The report alerts: the recent ones, one with its investigation, dismissing one, and running
 * the daily check now. Only people who manage the plugin.
 *
 * @phpstan-import-type Report_Alert from Report_Alert_Repository
 */
final class Report_Alerts_Controller extends Controller {

	use Manage_Permission;

	/**
	 * Alerts.
	 *
	 * @var Report_Alert_Repository
	 */
	private Report_Alert_Repository $alerts;

	/**
	 * The check.
	 *
	 * @var Alert_Check
	 */
	private Alert_Check $check;

	/**
	 * The investigations.
	 *
	 * @var Alert_Investigator
	 */
	private Alert_Investigator $investigator;

	/**
	 * Builds the controller.
	 *
	 * @param Report_Alert_Repository $alerts       Alerts.
	 * @param Alert_Check             $check        The check.
	 * @param Alert_Investigator      $investigator The investigations.
	 */
	public function __construct( Report_Alert_Repository $alerts, Alert_Check $check, Alert_Investigator $investigator ) {
		$this->rest_base    = 'reports/alerts';
		$this->alerts       = $alerts;
		$this->check        = $check;
		$this->investigator = $investigator;
	}

	/**
	 * Registers the routes.
	 */
	public function register_routes(): void {
		$id = array(
			'id' => array(
				'description' => __( 'The alert’s ID.', 'handoff-bot' ),
				'type'        => 'integer',
				'minimum'     => 1,
			),
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base,
			array(
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_items' ),
					'permission_callback' => array( $this, 'get_item_permissions_check' ),
					'args'                => $this->get_collection_params(),
					'validate_callback'   => array( Null_Guard::class, 'check' ),
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
					'callback'            => array( $this, 'run_check' ),
					'permission_callback' => array( $this, 'get_item_permissions_check' ),
					'args'                => array(),
				),
			)
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/(?P<id>\d+)',
			array(
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_item' ),
					'permission_callback' => array( $this, 'get_item_permissions_check' ),
					'args'                => $id,
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/(?P<id>\d+)/dismiss',
			array(
				array(
					'methods'             => WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'dismiss' ),
					'permission_callback' => array( $this, 'get_item_permissions_check' ),
					'args'                => $id,
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}

	/**
	 * The alerts raised in the last `days` days, newest first.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function get_items( $request ) {
		$status   = 'all' === $request['status'] ? '' : (string) $request['status'];
		$per_page = (int) $request['per_page'];
		$since    = gmdate( 'Y-m-d H:i:s', time() - (int) $request['days'] * DAY_IN_SECONDS );
		try {
			$found = $this->alerts->recent( $status, $since, (int) $request['page'], $per_page );
		} catch ( Storage_Exception $e ) {
			return self::unavailable();
		}
		$response = self::private_response( array_map( array( self::class, 'present' ), $found['rows'] ) );
		$response->header( 'X-WP-Total', (string) $found['total'] );
		$response->header( 'X-WP-TotalPages', (string) max( 1, (int) ceil( $found['total'] / $per_page ) ) );
		return $response;
	}

	/**
	 * One alert, with its investigation.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function get_item( $request ) {
		try {
			$alert = $this->alerts->find( (int) $request['id'] );
			if ( null === $alert ) {
				return self::not_found();
			}
			$steps = $this->investigator->investigate( $alert );
		} catch ( Storage_Exception $e ) {
			return self::unavailable();
		}
		return self::private_response( self::present( $alert ) + array( 'investigation' => $steps ) );
	}

	/**
	 * Dismisses an alert (dismissing it again changes nothing).
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function dismiss( WP_REST_Request $request ) {
		try {
			$alert = $this->alerts->find( (int) $request['id'] );
			if ( null === $alert ) {
				return self::not_found();
			}
			$this->alerts->dismiss( $alert['id'], get_current_user_id() );
			$alert = $this->alerts->find( $alert['id'] );
		} catch ( Storage_Exception $e ) {
			return self::unavailable();
		}
		return null === $alert ? self::not_found() : self::private_response( self::present( $alert ) );
	}

	/**
	 * Runs the daily check now; answers the alerts it raised.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function run_check( WP_REST_Request $request ) {
		unset( $request );
		try {
			$now    = new \DateTimeImmutable( 'now', new \DateTimeZone( 'UTC' ) );
			$window = $this->check->window( $now );
			$raised = array();
			foreach ( $this->check->run( $now ) as $id ) {
				$alert = $this->alerts->find( $id );
				if ( null !== $alert ) {
					$raised[] = self::present( $alert );
				}
			}
		} catch ( Storage_Exception $e ) {
			return self::unavailable();
		}
		return self::private_response(
			array(
				'period' => $window->to_array(),
				'raised' => $raised,
			)
		);
	}

	/**
	 * An alert as the routes send it.
	 *
	 * @param array $alert The alert.
	 * @phpstan-param Report_Alert $alert
	 * @return array<string, mixed>
	 */
	private static function present( array $alert ): array {
		return array(
			'id'           => $alert['id'],
			'kind'         => $alert['kind'],
			'subject'      => $alert['subject'],
			'direction'    => $alert['direction'],
			'title'        => Alert_Text::title( $alert ),
			'period'       => array(
				'from' => $alert['period_from'],
				'to'   => $alert['period_to'],
			),
			'figures'      => $alert['figures'],
			'status'       => $alert['status'],
			'created_at'   => $alert['created_at'],
			'dismissed_at' => $alert['dismissed_at'],
			'dismissed_by' => $alert['dismissed_by'],
			'link'         => Alert_Links::report( $alert['id'] ),
		);
	}

	/**
	 * A response no cache keeps: figures about the site's visitors.
	 *
	 * @param mixed $data Body.
	 */
	private static function private_response( $data ): WP_REST_Response {
		$response = new WP_REST_Response( $data );
		$response->header( 'Cache-Control', 'no-store, private' );
		return $response;
	}

	/**
	 * {@inheritDoc}
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public function get_collection_params() {
		return array(
			'status' => array(
				'description' => __( 'Open alerts, dismissed ones, or all.', 'handoff-bot' ),
				'type'        => 'string',
				'enum'        => array( 'open', 'dismissed', 'all' ),
				'default'     => 'all',
			),
			'days'   => array(
				'description' => __( 'Alerts raised in this many last days.', 'handoff-bot' ),
				'type'        => 'integer',
				'minimum'     => 1,
				'maximum'     => 400,
				'default'     => 30,
			),
		) + self::paging_args( __( 'Alerts per page.', 'handoff-bot' ) );
	}

	/**
	 * The schema of an alert.
	 *
	 * @return array<string, mixed>
	 */
	public function get_item_schema() {
		$string = array( 'type' => 'string' );
		return $this->add_additional_fields_schema(
			array(
				'$schema'    => 'http://json-schema.org/draft-04/schema#',
				'title'      => 'handoff-bot-report-alert',
				'type'       => 'object',
				'properties' => array(
					'id'            => array( 'type' => 'integer' ),
					'kind'          => array(
						'type' => 'string',
						'enum' => Alert_Detector::kinds(),
					),
					'subject'       => array( 'description' => __( 'The intent, reason code or connection the alert is about ("" for the whole site).', 'handoff-bot' ) ) + $string,
					'direction'     => array(
						'type' => 'string',
						'enum' => array( 'up', 'down', '' ),
					),
					'title'         => $string,
					'period'        => array(
						'description' => __( 'The window the alert was raised on (local days, both included).', 'handoff-bot' ),
						'type'        => 'object',
						'properties'  => array(
							'from' => $string,
							'to'   => $string,
						),
					),
					'figures'       => array(
						'description' => __( 'What was measured: current, previous, delta, relative, volume, …', 'handoff-bot' ),
						'type'        => 'object',
					),
					'status'        => array(
						'type' => 'string',
						'enum' => array( 'open', 'dismissed' ),
					),
					'created_at'    => array( 'description' => __( 'When it was raised (UTC).', 'handoff-bot' ) ) + $string,
					'dismissed_at'  => array( 'type' => array( 'string', 'null' ) ),
					'dismissed_by'  => array( 'type' => 'integer' ),
					'link'          => array(
						'type'   => 'string',
						'format' => 'uri',
					),
					'investigation' => array(
						'description' => __( 'The checks, in order (GET of one alert only): key, title, finding, data (columns, rows), drill_down (GET /reports/conversations parameters, or null).', 'handoff-bot' ),
						'type'        => 'array',
						'items'       => array( 'type' => 'object' ),
					),
				),
			)
		);
	}

	/**
	 * The 404 of an unknown alert.
	 */
	private static function not_found(): WP_Error {
		return new WP_Error( 'handoff_bot_alert_not_found', __( 'There is no such alert.', 'handoff-bot' ), array( 'status' => 404 ) );
	}

	/**
	 * The 503 of a database that cannot answer.
	 */
	private static function unavailable(): WP_Error {
		return new WP_Error( 'handoff_bot_storage_unavailable', __( 'The report cannot be read just now. Please try again.', 'handoff-bot' ), array( 'status' => 503 ) );
	}
}
