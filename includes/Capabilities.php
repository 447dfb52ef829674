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
	 * Removes both capabilities from every role and from every user of the current site who
	 * holds them, takes the agent role from its users, and deletes the role (used on uninstall).
	 */
	public static function revoke(): void {
		global $wpdb;
		$caps = array( self::AGENT, self::MANAGE );
		foreach ( wp_roles()->role_objects as $role ) {
			foreach ( $caps as $cap ) {
				if ( $role->has_cap( $cap ) ) {
					$role->remove_cap( $cap );
				}
			}
		}
		// The role's name and both capabilities start with handoff_bot_ in the users' capabilities meta.
		$users = get_users(
			array(
				'blog_id'    => get_current_blog_id(),
				'fields'     => 'ID',
				'number'     => -1,
				'meta_query' => array( // phpcs:ignore WordPress.DB.SlowDBQuery.slow_db_query_meta_query -- once, on uninstall.
					array(
						'key'     => $wpdb->get_blog_prefix() . 'capabilities',
						'value'   => '"handoff_bot_',
						'compare' => 'LIKE',
					),
				),
			)
		);
		foreach ( $users as $user_id ) {
			$user = new \WP_User( (int) $user_id );
			$user->remove_role( self::ROLE );
			foreach ( $caps as $cap ) {
				$user->remove_cap( $cap );
			}
		}
		remove_role( self::ROLE );
	}
}
