<?php
/**
 * Base of the plugin's REST controllers.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Rest;

use HandoffBot\Contracts\Registrable;
use WP_REST_Controller;

defined( 'ABSPATH' ) || exit;

/**
 * Every controller lives in the handoff-bot/v1 namespace and registers its routes on rest_api_init.
 */
abstract class Controller extends WP_REST_Controller implements Registrable {

	/**
	 * The REST namespace.
	 *
	 * @var non-falsy-string
	 */
	protected $namespace = 'handoff-bot/v1';

	/**
	 * {@inheritDoc}
	 */
	public function register(): void {
		add_action( 'rest_api_init', array( $this, 'register_routes' ) );
	}

	/**
	 * The arguments of a paged list: `page` from 1, and `per_page` (20 by default, at most 100).
	 *
	 * @param string $per_page_description What `per_page` counts, e.g. "Rows per page.".
	 * @return array<string, array<string, mixed>>
	 */
	protected static function paging_args( string $per_page_description ): array {
		return array(
			'page'     => array(
				'description' => __( 'Page, from 1.', 'handoff-bot' ),
				'type'        => 'integer',
				'default'     => 1,
				'minimum'     => 1,
			),
			'per_page' => array(
				'description' => $per_page_description,
				'type'        => 'integer',
				'default'     => 20,
				'minimum'     => 1,
				'maximum'     => 100,
			),
		);
	}
}
