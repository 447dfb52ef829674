<?php
/**
 * Removes the plugin's tables and options, but only when an administrator chose to delete data on uninstall.
 *
 * @package HandoffBot
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

/**
 * Deletes the plugin's data on the current site.
 *
 * @return void
 */
function handoff_bot_uninstall_site() {
	global $wpdb;
	if ( ! get_option( 'handoff_bot_delete_data_on_uninstall' ) ) {
		return;
	}
	foreach ( array( 'events', 'handoffs', 'messages', 'conversations' ) as $handoff_bot_short ) {
		$handoff_bot_table = $wpdb->prefix . 'handoff_bot_' . $handoff_bot_short;
		$wpdb->query( "DROP TABLE IF EXISTS `{$handoff_bot_table}`" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.DirectDatabaseQuery -- table names cannot be placeholders; built from the prefix and a fixed list.
	}
	$wpdb->query( $wpdb->prepare( "DELETE FROM {$wpdb->options} WHERE option_name LIKE %s", $wpdb->esc_like( 'handoff_bot_' ) . '%' ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery
	foreach ( array( 'administrator', 'editor' ) as $handoff_bot_role_name ) {
		$handoff_bot_role = get_role( $handoff_bot_role_name );
		if ( $handoff_bot_role ) {
			$handoff_bot_role->remove_cap( 'handoff_bot_agent' );
			$handoff_bot_role->remove_cap( 'handoff_bot_manage' );
		}
	}
	remove_role( 'handoff_bot_agent' );
	wp_cache_flush();
}

if ( is_multisite() ) {
	foreach ( get_sites( array( 'fields' => 'ids' ) ) as $handoff_bot_site_id ) {
		switch_to_blog( (int) $handoff_bot_site_id );
		handoff_bot_uninstall_site();
		restore_current_blog();
	}
} else {
	handoff_bot_uninstall_site();
}
