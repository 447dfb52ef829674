<?php
/**
 * The permission check shared by the admin routes.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Rest;

use HandoffBot\Capabilities;
use WP_Error;

defined( 'ABSPATH' ) || exit;

/**
 * Admin routes need `handoff_bot_manage`: 401 when signed out, 403 when signed in without it.
 */
trait Manage_Permission {

	/**
	 * Allows people who manage the plugin.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return true|WP_Error
	 */
	public function get_item_permissions_check( $request ) {
		if ( current_user_can( Capabilities::MANAGE ) ) {
			return true;
		}
		return new WP_Error( 'handoff_bot_forbidden', __( 'You are not allowed to manage Handoff Bot.', 'handoff-bot' ), array( 'status' => rest_authorization_required_code() ) );
	}
}
