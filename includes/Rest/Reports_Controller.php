<?php
/**
 * GET /handoff-bot/v1/reports/summary and GET /reports/conversations
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Rest;

use HandoffBot\Escalation\Reason;
use HandoffBot\Reports\Metrics;
use HandoffBot\Reports\Period;
use HandoffBot\Repositories\Report_Repository;
use HandoffBot\Repositories\Storage_Exception;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

/**
 * The handoff report: every metric of a period (with the previous period to compare), and the
 * conversations behind a figure. Only people who manage the plugin; from wp-admin, with the REST
 * nonce of the signed-in session.
 */
final class Reports_Controller extends Controller {

	use Manage_Permission;

	/**
	 * The handoff columns the drill-down filters on: parameter => column.
	 */
	private const FILTERS = array(
		'reason'       => 'reason',
		'intent'       => 'intent',
		'trigger'      => 'trigger_type',
		'route'        => 'route',
		'route_reason' => 'route_reason',
		'team'         => 'team',
		'status'       => 'status',
		'outcome'      => 'outcome',
		'topic'        => 'topic',
		'tag'          => 'tag',
		'accepted'     => 'accepted',
	);

	/**
	 * The metrics.
	 *
	 * @var Metrics
	 */
	private Metrics $metrics;

	/**
	 * Reads.
	 *
	 * @var Report_Repository
	 */
	private Report_Repository $reports;

	/**
	 * Builds the controller.
	 *
	 * @param Metrics           $metrics The metrics.
	 * @param Report_Repository $reports Reads.
	 */
	public function __construct( Metrics $metrics, Report_Repository $reports ) {
		$this->rest_base = 'reports';
		$this->metrics   = $metrics;
		$this->reports   = $reports;
	}

	/**
	 * Registers the routes.
	 */
	public function register_routes(): void {
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/summary',
			array(
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_summary' ),
					'permission_callback' => array( $this, 'get_item_permissions_check' ),
					'args'                => $this->period_params() + array(
						'compare' => array(
							'description' => __( 'Whether to compare with the previous period of the same length.', 'handoff-bot' ),
							'type'        => 'boolean',
							'default'     => false,
						),
					),
					'validate_callback'   => array( Null_Guard::class, 'check' ),
				),
				'schema' => array( $this, 'get_summary_schema' ),
			)
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/conversations',
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
	}

	/**
	 * Every metric of the period.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function get_summary( WP_REST_Request $request ) {
		$period = self::period( $request );
		if ( $period instanceof WP_Error ) {
			return $period;
		}
		try {
			$summary = $this->metrics->summary( $period, (bool) $request['compare'], (int) $request['config_version'] );
		} catch ( Storage_Exception $e ) {
			return self::unavailable();
		}
		return self::private_response( $summary );
	}

	/**
	 * The handoffs behind a figure, newest first, with their conversations.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function get_items( $request ) {
		$period = self::period( $request );
		if ( $period instanceof WP_Error ) {
			return $period;
		}
		$filter = array();
		foreach ( self::FILTERS as $param => $column ) {
			if ( null === $request[ $param ] ) {
				continue;
			}
			// Accepted is a yes or no: 1 only handoffs an agent accepted, 0 only the others.
			$filter[ $column ] = 'accepted' === $param ? ( (bool) $request[ $param ] ? 1 : 0 ) : (string) $request[ $param ];
		}
		$per_page = (int) $request['per_page'];
		try {
			$found = $this->reports->drill_down( $period->start_utc(), $period->end_utc(), (int) $request['config_version'], $filter, (int) $request['page'], $per_page );
		} catch ( Storage_Exception $e ) {
			return self::unavailable();
		}
		$response = self::private_response( $found['rows'] );
		$response->header( 'X-WP-Total', (string) $found['total'] );
		$response->header( 'X-WP-TotalPages', (string) max( 1, (int) ceil( $found['total'] / $per_page ) ) );
		return $response;
	}

	/**
	 * The period a request asks for, in the site's time zone.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return Period|WP_Error
	 */
	private static function period( WP_REST_Request $request ) {
		$preset = (string) $request['period'];
		$from   = (string) $request['from'];
		$to     = (string) $request['to'];
		if ( Period::CUSTOM === $preset && ( '' === $from || '' === $to ) ) {
			return new WP_Error( 'handoff_bot_bad_period', __( 'A custom period needs both a from and a to date.', 'handoff-bot' ), array( 'status' => 400 ) );
		}
		try {
			return Period::from_preset( $preset, $from, $to, wp_timezone(), new \DateTimeImmutable( 'now', new \DateTimeZone( 'UTC' ) ) );
		} catch ( \InvalidArgumentException $e ) {
			if ( 'bad_date' === $e->getMessage() ) {
				return new WP_Error( 'handoff_bot_bad_date', __( 'The dates must be real days, written YYYY-MM-DD.', 'handoff-bot' ), array( 'status' => 400 ) );
			}
			return new WP_Error(
				'handoff_bot_bad_period',
				/* translators: %d: the longest period, in days. */
				sprintf( __( 'The period must end on or after its first day and last at most %d days.', 'handoff-bot' ), Period::MAX_DAYS ),
				array( 'status' => 400 )
			);
		}
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
	 * The parameters that choose the period.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	private function period_params(): array {
		$date = array(
			'type'    => 'string',
			'pattern' => '^\d{4}-\d{2}-\d{2}$',
		);
		return array(
			'period'         => array(
				'description' => __( 'The period: the last 7 or 30 days (ending today), a calendar month or quarter (holding today, or the from date), or custom (from and to).', 'handoff-bot' ),
				'type'        => 'string',
				'enum'        => Period::presets(),
				'default'     => Period::LAST_30_DAYS,
			),
			'from'           => array( 'description' => __( 'First day (YYYY-MM-DD, the site’s time zone): custom periods; for month and quarter, a day inside.', 'handoff-bot' ) ) + $date,
			'to'             => array( 'description' => __( 'Last day, included (YYYY-MM-DD, the site’s time zone): custom periods.', 'handoff-bot' ) ) + $date,
			'config_version' => array(
				'description' => __( 'Only conversations started under this configuration version (0: all).', 'handoff-bot' ),
				'type'        => 'integer',
				'minimum'     => 0,
				'default'     => 0,
			),
		);
	}

	/**
	 * {@inheritDoc}
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public function get_collection_params() {
		$word = array(
			'type'      => 'string',
			'maxLength' => 200,
		);
		return $this->period_params() + array(
			'reason'       => array(
				'description' => __( 'Only handoffs with this reason code.', 'handoff-bot' ),
				'type'        => 'string',
				'pattern'     => '^[a-z_]{1,40}$',
			),
			'intent'       => array( 'description' => __( 'Only handoffs with this intent (empty: none detected).', 'handoff-bot' ) ) + $word,
			'trigger'      => array(
				'description' => __( 'Only handoffs started this way.', 'handoff-bot' ),
				'type'        => 'string',
				'enum'        => array( Reason::TRIGGER_USER, Reason::TRIGGER_SYSTEM, Reason::TRIGGER_RULE ),
			),
			'route'        => array( 'description' => __( 'Only handoffs that took this route (live, ticket, callback, private).', 'handoff-bot' ) ) + $word,
			'route_reason' => array(
				'description' => __( 'Only handoffs with this routing outcome.', 'handoff-bot' ),
				'type'        => 'string',
				'enum'        => array( 'live', 'after_hours', 'no_agent', 'queue_full', 'private' ),
			),
			'team'         => array( 'description' => __( 'Only handoffs of this team.', 'handoff-bot' ) ) + $word,
			'status'       => array( 'description' => __( 'Only handoffs in this status.', 'handoff-bot' ) ) + $word,
			'outcome'      => array( 'description' => __( 'Only handoffs closed with this outcome.', 'handoff-bot' ) ) + $word,
			'topic'        => array( 'description' => __( 'Only handoffs with this topic.', 'handoff-bot' ) ) + $word,
			'tag'          => array(
				'description' => __( 'Only handoffs with this tag.', 'handoff-bot' ),
				'type'        => 'string',
				'enum'        => array( 'bot_could_answer', 'escalation_failed' ),
			),
			'accepted'     => array(
				'description' => __( 'Only handoffs an agent accepted (1), or only those nobody accepted (0): the handoffs a save rate counts.', 'handoff-bot' ),
				'type'        => 'boolean',
			),
		) + self::paging_args( __( 'Rows per page.', 'handoff-bot' ) );
	}

	/**
	 * The schema of a drill-down row.
	 *
	 * @return array<string, mixed>
	 */
	public function get_item_schema() {
		$string = array( 'type' => 'string' );
		$int    = array( 'type' => 'integer' );
		return $this->add_additional_fields_schema(
			array(
				'$schema'    => 'http://json-schema.org/draft-04/schema#',
				'title'      => 'handoff-bot-report-conversation',
				'type'       => 'object',
				'properties' => array(
					'conversation_id'         => $int,
					'handoff_id'              => $int,
					'reason'                  => $string,
					'trigger_type'            => $string,
					'intent'                  => $string,
					'route'                   => $string,
					'route_reason'            => $string,
					'team'                    => $string,
					'status'                  => $string,
					'outcome'                 => $string,
					'tags'                    => array(
						'type'  => 'array',
						'items' => $string,
					),
					'topic'                   => $string,
					'turn'                    => $int,
					'config_version'          => $int,
					'requested_at'            => array(
						'description' => __( 'When the handoff was requested (UTC).', 'handoff-bot' ),
						'type'        => 'string',
					),
					'conversation_started_at' => array(
						'description' => __( 'When the conversation started (UTC).', 'handoff-bot' ),
						'type'        => 'string',
					),
				),
			)
		);
	}

	/**
	 * The schema of the summary (docs/METRICS.md defines every figure).
	 *
	 * @return array<string, mixed>
	 */
	public function get_summary_schema(): array {
		$period  = array(
			'type'       => 'object',
			'properties' => array(
				'from'      => array( 'type' => 'string' ),
				'to'        => array( 'type' => 'string' ),
				'days'      => array( 'type' => 'integer' ),
				'start_utc' => array( 'type' => 'string' ),
				'end_utc'   => array( 'type' => 'string' ),
			),
		);
		$metrics = array(
			'type'       => 'object',
			'properties' => array(),
		);
		foreach ( array( 'conversations', 'handoffs' ) as $key ) {
			$metrics['properties'][ $key ] = array( 'type' => 'integer' );
		}
		foreach ( array( 'escalation', 'triggers', 'turns', 'completeness', 'saves', 'escalation_failed', 'automation', 'satisfaction', 'effort', 'queue', 'privacy' ) as $key ) {
			$metrics['properties'][ $key ] = array( 'type' => 'object' );
		}
		$metrics['properties']['reasons'] = array(
			'type'  => 'array',
			'items' => array( 'type' => 'object' ),
		);
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'handoff-bot-report-summary',
			'type'       => 'object',
			'properties' => array(
				'period'         => $period,
				'config_version' => array( 'type' => 'integer' ),
				'metrics'        => $metrics,
				'drift'          => array(
					'type'       => 'object',
					'properties' => array(
						'versions' => array(
							'type'  => 'array',
							'items' => array( 'type' => 'object' ),
						),
						'changes'  => array(
							'type'  => 'array',
							'items' => array( 'type' => 'object' ),
						),
					),
				),
				'comparison'     => array(
					'type'       => 'object',
					'properties' => array(
						'period'  => $period,
						'metrics' => $metrics,
						'changes' => array( 'type' => 'object' ),
					),
				),
			),
		);
	}

	/**
	 * The 503 of a database that cannot answer.
	 */
	private static function unavailable(): WP_Error {
		return new WP_Error( 'handoff_bot_storage_unavailable', __( 'The report cannot be read just now. Please try again.', 'handoff-bot' ), array( 'status' => 503 ) );
	}
}
