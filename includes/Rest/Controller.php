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
}
