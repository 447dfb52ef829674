<?php
/**
 * GET /handoff-bot/v1/index and POST /handoff-bot/v1/index/rebuild
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Rest;

use HandoffBot\Knowledge\Indexer;
use HandoffBot\Repositories\Index_Repository;
use HandoffBot\Repositories\Storage_Exception;
use HandoffBot\Settings;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

/**
 * The knowledge index's state and its batched rebuild, for people who manage the plugin.
 */
final class Index_Controller extends Controller {

	use Manage_Permission;

	/**
	 * The largest rebuild offset: more posts than any site holds, and within a 32-bit integer,
	 * so that the number reaches the database as sent.
	 */
	private const MAX_OFFSET = 2147483647;

	/**
	 * Indexer.
	 *
	 * @var Indexer
	 */
	private Indexer $indexer;

	/**
	 * Index storage.
	 *
	 * @var Index_Repository
	 */
	private Index_Repository $index;

	/**
	 * Settings.
	 *
	 * @var Settings
	 */
	private Settings $settings;

	/**
	 * Builds the controller.
	 *
	 * @param Indexer          $indexer  Indexer.
	 * @param Index_Repository $index    Index storage.
	 * @param Settings         $settings Settings.
	 */
	public function __construct( Indexer $indexer, Index_Repository $index, Settings $settings ) {
		$this->rest_base = 'index';
		$this->indexer   = $indexer;
		$this->index     = $index;
		$this->settings  = $settings;
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
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/rebuild',
			array(
				array(
					'methods'             => WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'rebuild' ),
					'permission_callback' => array( $this, 'get_item_permissions_check' ),
					'args'                => array(
						'offset' => array(
							'description' => __( 'Posts already done; 0 empties the index first.', 'handoff-bot' ),
							'type'        => 'integer',
							'minimum'     => 0,
							'maximum'     => self::MAX_OFFSET,
							'default'     => 0,
						),
						'batch'  => array(
							'type'    => 'integer',
							'minimum' => 1,
							'maximum' => 500,
							'default' => 50,
						),
					),
					'validate_callback'   => array( Null_Guard::class, 'check' ),
				),
			)
		);
	}

	/**
	 * The index's state.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function get_item( $request ) {
		$stats = $this->index->stats();
		$error = get_option( Indexer::ERROR_OPTION );
		return new WP_REST_Response(
			array(
				'posts'      => $stats['posts'],
				'passages'   => $stats['passages'],
				'terms'      => $stats['terms'],
				'indexable'  => $this->indexer->count_indexable(),
				'post_types' => (array) $this->settings->get( 'post_types' ),
				'available'  => $this->available_post_types(),
				'updated_at' => $stats['updated_at'],
				'last_error' => is_array( $error ) ? array(
					'message' => (string) ( $error['message'] ?? '' ),
					'time'    => gmdate( 'c', (int) ( $error['time'] ?? 0 ) ),
				) : null,
			)
		);
	}

	/**
	 * The post types the screen offers, with their singular label, and whether the REST search
	 * endpoint can look up their posts by title.
	 *
	 * @return list<array{name: string, label: string, singular_label: string, searchable: bool}>
	 */
	private function available_post_types(): array {
		$out = array();
		foreach ( $this->settings->offered_post_types() as $type ) {
			$object = get_post_type_object( $type['name'] );
			$out[]  = array_merge(
				$type,
				array(
					'singular_label' => $object ? (string) $object->labels->singular_name : $type['label'],
					'searchable'     => $object && $object->show_in_rest,
				)
			);
		}
		return $out;
	}

	/**
	 * Re-indexes one batch.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function rebuild( $request ) {
		try {
			return new WP_REST_Response( $this->indexer->rebuild_batch( (int) $request['offset'], (int) $request['batch'] ) );
		} catch ( Storage_Exception $e ) {
			return new WP_Error( 'handoff_bot_storage_unavailable', __( 'The index could not be written. Try again.', 'handoff-bot' ), array( 'status' => 503 ) );
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
				'title'      => 'handoff-bot-index',
				'type'       => 'object',
				'properties' => array(
					'posts'      => array( 'type' => 'integer' ),
					'passages'   => array( 'type' => 'integer' ),
					'terms'      => array( 'type' => 'integer' ),
					'indexable'  => array( 'type' => 'integer' ),
					'post_types' => array(
						'type'  => 'array',
						'items' => array( 'type' => 'string' ),
					),
					'available'  => array(
						'description' => __( 'Public post types that can be indexed.', 'handoff-bot' ),
						'type'        => 'array',
						'items'       => array(
							'type'       => 'object',
							'properties' => array(
								'name'           => array( 'type' => 'string' ),
								'label'          => array( 'type' => 'string' ),
								'singular_label' => array( 'type' => 'string' ),
								'searchable'     => array( 'type' => 'boolean' ),
							),
						),
					),
					'updated_at' => array( 'type' => 'string' ),
					'last_error' => array(
						'description' => __( 'The last index update that failed, until a full rebuild succeeds.', 'handoff-bot' ),
						'type'        => array( 'object', 'null' ),
						'properties'  => array(
							'message' => array( 'type' => 'string' ),
							'time'    => array(
								'type'   => 'string',
								'format' => 'date-time',
							),
						),
					),
				),
			)
		);
	}
}
