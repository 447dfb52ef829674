<?php
/**
 * GET /handoff-bot/v1/reports/samples and PUT /reports/samples/{conversation_id}
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Rest;

use HandoffBot\Reports\Period;
use HandoffBot\Reports\Review\Checklist_Service;
use HandoffBot\Reports\Review\Sampler;
use HandoffBot\Repositories\Sample_Repository;
use HandoffBot\Repositories\Storage_Exception;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

/**
 * The conversations to read for each reason code of a period, and the "reviewed" mark and note
 * on each. Only people who manage the plugin.
 */
final class Report_Samples_Controller extends Controller {

	use Manage_Permission;

	/**
	 * Samples.
	 *
	 * @var Sampler
	 */
	private Sampler $sampler;

	/**
	 * Marks.
	 *
	 * @var Sample_Repository
	 */
	private Sample_Repository $samples;

	/**
	 * Builds the controller.
	 *
	 * @param Sampler           $sampler Samples.
	 * @param Sample_Repository $samples Marks.
	 */
	public function __construct( Sampler $sampler, Sample_Repository $samples ) {
		$this->rest_base = 'reports/samples';
		$this->sampler   = $sampler;
		$this->samples   = $samples;
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
					'permission_callback' => array( $this, 'get_item_permissions_check' ),
					'args'                => $this->get_collection_params(),
					'validate_callback'   => array( Null_Guard::class, 'check' ),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/(?P<conversation_id>\d+)',
			array(
				array(
					'methods'             => WP_REST_Server::EDITABLE,
					'callback'            => array( $this, 'update_item' ),
					'permission_callback' => array( $this, 'get_item_permissions_check' ),
					'args'                => array(
						'conversation_id' => array(
							'description' => __( 'The conversation.', 'handoff-bot' ),
							'type'        => 'integer',
							'minimum'     => 1,
						),
						'reviewed'        => array(
							'description' => __( 'Whether the conversation was reviewed.', 'handoff-bot' ),
							'type'        => 'boolean',
							'required'    => true,
						),
						'note'            => array(
							'description'       => __( 'What the reviewer noted.', 'handoff-bot' ),
							'type'              => 'string',
							'maxLength'         => Checklist_Service::NOTE_MAX,
							'default'           => '',
							'validate_callback' => 'rest_validate_request_arg',
							'sanitize_callback' => 'sanitize_textarea_field',
						),
					),
					'validate_callback'   => array( Null_Guard::class, 'check' ),
				),
			)
		);
	}

	/**
	 * The samples of the period.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function get_items( $request ) {
		$period = self::period( $request );
		if ( $period instanceof WP_Error ) {
			return $period;
		}
		$per_reason = (int) $request['per_reason'];
		try {
			$reasons = $this->sampler->samples( $period, $per_reason );
		} catch ( Storage_Exception $e ) {
			return self::unavailable();
		}
		$response = new WP_REST_Response(
			array(
				'period'     => $period->to_array(),
				'per_reason' => $per_reason,
				'reasons'    => $reasons,
			)
		);
		$response->header( 'Cache-Control', 'no-store, private' );
		return $response;
	}

	/**
	 * Marks a conversation reviewed (or not) with a note; the same request again changes nothing.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function update_item( $request ) {
		$id = (int) $request['conversation_id'];
		try {
			if ( ! $this->samples->conversation_exists( $id ) ) {
				return new WP_Error( 'handoff_bot_not_found', __( 'There is no such conversation.', 'handoff-bot' ), array( 'status' => 404 ) );
			}
			$mark = $this->samples->mark( $id, (bool) $request['reviewed'], (string) $request['note'], get_current_user_id() );
		} catch ( Storage_Exception $e ) {
			return self::unavailable();
		}
		return new WP_REST_Response( array( 'conversation_id' => $id ) + Sampler::review( $mark ) );
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
	 * {@inheritDoc}
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public function get_collection_params() {
		$date = array(
			'type'    => 'string',
			'pattern' => '^\d{4}-\d{2}-\d{2}$',
		);
		return array(
			'period'     => array(
				'description' => __( 'The period: the last 7 or 30 days (ending today), a calendar month or quarter (holding today, or the from date), or custom (from and to).', 'handoff-bot' ),
				'type'        => 'string',
				'enum'        => Period::presets(),
				'default'     => Period::LAST_30_DAYS,
			),
			'from'       => array( 'description' => __( 'First day (YYYY-MM-DD, the site’s time zone): custom periods; for month and quarter, a day inside.', 'handoff-bot' ) ) + $date,
			'to'         => array( 'description' => __( 'Last day, included (YYYY-MM-DD, the site’s time zone): custom periods.', 'handoff-bot' ) ) + $date,
			'per_reason' => array(
				'description' => __( 'Conversations sampled per reason code.', 'handoff-bot' ),
				'type'        => 'integer',
				'default'     => Sampler::DEFAULT_SIZE,
				'minimum'     => 1,
				'maximum'     => Sampler::MAX_SIZE,
			),
		);
	}

	/**
	 * The schema of the samples.
	 *
	 * @return array<string, mixed>
	 */
	public function get_item_schema() {
		$int    = array( 'type' => 'integer' );
		$string = array( 'type' => 'string' );
		return $this->add_additional_fields_schema(
			array(
				'$schema'    => 'http://json-schema.org/draft-04/schema#',
				'title'      => 'handoff-bot-report-samples',
				'type'       => 'object',
				'properties' => array(
					'period'     => array( 'type' => 'object' ),
					'per_reason' => $int,
					'reasons'    => array(
						'type'  => 'array',
						'items' => array(
							'type'       => 'object',
							'properties' => array(
								'reason'        => $string,
								'handoffs'      => $int,
								'conversations' => $int,
								'successful'    => $int,
								'failed'        => $int,
								'sample'        => array(
									'type'  => 'array',
									'items' => array(
										'type'       => 'object',
										'properties' => array(
											'conversation_id' => $int,
											'handoff_id'   => $int,
											'group'        => array(
												'type' => 'string',
												'enum' => array( Sampler::SUCCESSFUL, Sampler::FAILED, Sampler::OTHER ),
											),
											'status'       => $string,
											'outcome'      => $string,
											'intent'       => $string,
											'topic'        => $string,
											'route'        => $string,
											'requested_at' => $string,
											'review'       => array( 'type' => array( 'object', 'null' ) ),
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

	/**
	 * The 503 of a database that cannot answer.
	 */
	private static function unavailable(): WP_Error {
		return new WP_Error( 'handoff_bot_storage_unavailable', __( 'The samples cannot be read or saved just now. Please try again.', 'handoff-bot' ), array( 'status' => 503 ) );
	}
}
