<?php
/**
 * GET /handoff-bot/v1/reports/export
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Rest;

use HandoffBot\Reports\Csv;
use HandoffBot\Reports\Metrics;
use HandoffBot\Reports\Period;
use HandoffBot\Reports\Period_Input;
use HandoffBot\Reports\Report_Tables;
use HandoffBot\Repositories\Storage_Exception;
use WP_Error;
use WP_HTTP_Response;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

/**
 * One table of the handoff report (docs/METRICS.md, "Tables") as a CSV download or as JSON. Only
 * people who manage the plugin.
 */
final class Report_Export_Controller extends Controller {

	use Manage_Permission;

	/**
	 * The route, as WP_REST_Request::get_route() gives it.
	 */
	private const ROUTE = '/handoff-bot/v1/reports/export';

	/**
	 * The metrics.
	 *
	 * @var Metrics
	 */
	private Metrics $metrics;

	/**
	 * Builds the controller.
	 *
	 * @param Metrics $metrics The metrics.
	 */
	public function __construct( Metrics $metrics ) {
		$this->rest_base = 'reports';
		$this->metrics   = $metrics;
	}

	/**
	 * Registers the route, and the filter that sends a CSV body as it is instead of as JSON.
	 */
	public function register_routes(): void {
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/export',
			array(
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_item' ),
					'permission_callback' => array( $this, 'get_item_permissions_check' ),
					'args'                => $this->get_endpoint_args(),
					'validate_callback'   => array( Null_Guard::class, 'check' ),
				),
			)
		);
		add_filter( 'rest_pre_serve_request', array( self::class, 'serve_csv' ), 10, 3 );
	}

	/**
	 * The table, as CSV or JSON.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function get_item( $request ) {
		$name = (string) $request['table'];
		if ( ! in_array( $name, Report_Tables::names(), true ) ) {
			return new WP_Error(
				'handoff_bot_unknown_table',
				/* translators: %s: the table names, separated by commas. */
				sprintf( __( 'There is no report table of that name. The tables are: %s.', 'handoff-bot' ), implode( ', ', Report_Tables::names() ) ),
				array( 'status' => 400 )
			);
		}
		if ( ! in_array( $request['format'], array( 'csv', 'json' ), true ) ) {
			return new WP_Error( 'handoff_bot_bad_format', __( 'The format must be csv or json.', 'handoff-bot' ), array( 'status' => 400 ) );
		}
		$period = Period_Input::parse( (string) $request['period'], (string) $request['from'], (string) $request['to'] );
		if ( $period instanceof WP_Error ) {
			return $period;
		}
		$compare = (bool) $request['compare'] || 'comparison' === $name;
		try {
			$summary = $this->metrics->summary( $period, $compare, (int) $request['config_version'] );
		} catch ( Storage_Exception $e ) {
			return new WP_Error( 'handoff_bot_storage_unavailable', __( 'The report cannot be read just now. Please try again.', 'handoff-bot' ), array( 'status' => 503 ) );
		}
		$table = Report_Tables::table( $summary, $name );
		if ( 'json' === $request['format'] ) {
			$response = new WP_REST_Response( $table + array( 'period' => $period->to_array() ) );
		} else {
			$response = new WP_REST_Response( Csv::table( $table ) );
			$response->header( 'Content-Type', 'text/csv; charset=utf-8' );
			$response->header( 'Content-Disposition', 'attachment; filename="' . self::filename( $name, $period ) . '"' );
		}
		$response->header( 'Cache-Control', 'no-store, private' );
		return $response;
	}

	/**
	 * Sends the export's CSV body as it is (the REST server would send it as a JSON string).
	 *
	 * @param bool             $served  Whether the request was served already.
	 * @param WP_HTTP_Response $result  The response.
	 * @param WP_REST_Request  $request The request.
	 */
	public static function serve_csv( $served, $result, $request ): bool {
		if ( $served || ! $result instanceof WP_HTTP_Response || ! $request instanceof WP_REST_Request || self::ROUTE !== $request->get_route() ) {
			return (bool) $served;
		}
		$type = (string) ( $result->get_headers()['Content-Type'] ?? '' );
		$body = $result->get_data();
		if ( 0 !== strpos( $type, 'text/csv' ) || ! is_string( $body ) ) {
			return false;
		}
		// phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- a CSV download (text/csv, nosniff, attachment), not HTML; its cells are made spreadsheet-safe by Csv.
		echo $body;
		return true;
	}

	/**
	 * The download's file name: handoff-bot-<table>-<from>-<to>.csv.
	 *
	 * @param string $name   Table.
	 * @param Period $period Period.
	 */
	private static function filename( string $name, Period $period ): string {
		return sprintf( 'handoff-bot-%s-%s-%s.csv', str_replace( '_', '-', $name ), $period->from(), $period->to() );
	}

	/**
	 * The route's parameters.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	private function get_endpoint_args(): array {
		$date = array(
			'type'    => 'string',
			'pattern' => '^\d{4}-\d{2}-\d{2}$',
		);
		return array(
			'table'          => array(
				'description' => __( 'The table (docs/METRICS.md, "Tables").', 'handoff-bot' ),
				'type'        => 'string',
				'required'    => true,
			),
			'format'         => array(
				'description' => __( 'csv (a download) or json.', 'handoff-bot' ),
				'type'        => 'string',
				'default'     => 'csv',
			),
			'period'         => array(
				'description' => __( 'The period: the last 7 or 30 days (ending today), a calendar month or quarter (holding today, or the from date), or custom (from and to).', 'handoff-bot' ),
				'type'        => 'string',
				'default'     => Period::LAST_30_DAYS,
			),
			'from'           => array( 'description' => __( 'First day (YYYY-MM-DD, the site’s time zone): custom periods; for month and quarter, a day inside.', 'handoff-bot' ) ) + $date,
			'to'             => array( 'description' => __( 'Last day, included (YYYY-MM-DD, the site’s time zone): custom periods.', 'handoff-bot' ) ) + $date,
			'compare'        => array(
				'description' => __( 'Whether to compare with the previous period of the same length (the comparison table always does).', 'handoff-bot' ),
				'type'        => 'boolean',
				'default'     => false,
			),
			'config_version' => array(
				'description' => __( 'Only conversations started under this configuration version (0: all).', 'handoff-bot' ),
				'type'        => 'integer',
				'minimum'     => 0,
				'default'     => 0,
			),
		);
	}
}
