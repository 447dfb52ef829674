<?php
/**
 * The plugin's capabilities and the support agent role.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot;

defined( 'ABSPATH' ) || exit;

/**
 * `handoff_bot_agent` answers handoffs; `handoff_bot_manage` configures the plugin and reads reports.
 */
final class Capabilities {

	public const AGENT  = 'handoff_bot_agent';
	public const MANAGE = 'handoff_bot_manage';
	public const ROLE   = 'handoff_bot_agent';

	/**
	 * Grants both capabilities to administrators and creates the agent role. Idempotent.
	 */
	public static function grant(): void {
		$admin = get_role( 'administrator' );
		if ( $admin ) {
			$admin->add_cap( self::AGENT );
			$admin->add_cap( self::MANAGE );
		}
		if ( ! get_role( self::ROLE ) ) {
			add_role(
				self::ROLE,
				__( 'Support agent', 'handoff-bot' ),
				array(
					'read'      => true,
					self::AGENT => true,
				)
			);
		}
	}

	/**
	 * Removes the capabilities and the role (used on uninstall).
	 */
	public static function revoke(): void {
		foreach ( array( 'administrator', 'editor' ) as $role_name ) {
			$role = get_role( $role_name );
			if ( $role ) {
				$role->remove_cap( self::AGENT );
				$role->remove_cap( self::MANAGE );
			}
		}
		remove_role( self::ROLE );
	}
}
