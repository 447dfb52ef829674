<?php
/**
 * Removes everything the plugin stored, on every site, when the administrator chose so.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot;

use HandoffBot\Database\Migrator;
use HandoffBot\Jobs\Reindex_Job;

defined( 'ABSPATH' ) || exit;

/**
 * Run by uninstall.php, without the plugin booted. Each site decides for itself: its data goes
 * only when "delete data on uninstall" was chosen there. Then its tables (the migrator's list, so
 * a new table is never forgotten), options and transients, scheduled events and queued actions,
 * the agent role and the capabilities on every role and user are removed.
 */
final class Uninstaller {

	/**
	 * Sites handled per query on a network.
	 */
	private const SITES_PER_PAGE = 100;

	/**
	 * Cleans the site, or every site of every network.
	 */
	public static function run(): void {
		if ( ! is_multisite() ) {
			self::clean_site();
			return;
		}
		foreach ( self::site_ids() as $site_id ) {
			switch_to_blog( $site_id );
			self::clean_site();
			restore_current_blog();
		}
	}

	/**
	 * Every site's ID, read a page at a time (get_sites() stops at 100 unless asked for more).
	 *
	 * @return \Generator<int, int>
	 */
	public static function site_ids(): \Generator {
		$offset = 0;
		do {
			$ids = get_sites(
				array(
					'fields'                 => 'ids',
					'number'                 => self::SITES_PER_PAGE,
					'offset'                 => $offset,
					'orderby'                => 'id',
					'order'                  => 'ASC',
					'update_site_meta_cache' => false,
				)
			);
			foreach ( $ids as $id ) {
				yield (int) $id;
			}
			$offset += self::SITES_PER_PAGE;
			$full    = count( $ids ) === self::SITES_PER_PAGE;
		} while ( $full );
	}

	/**
	 * Removes the current site's data, if its administrator chose so.
	 */
	public static function clean_site(): void {
		// The chats' change files are no data to keep: they go whatever was chosen.
		Handoff\Poll_Signal::remove_all();
		if ( ! get_option( Settings::UNINSTALL_OPTION ) ) {
			return;
		}
		self::drop_tables();
		self::unschedule();
		Capabilities::revoke();
		self::delete_options();
	}

	/**
	 * Drops the plugin's tables.
	 */
	private static function drop_tables(): void {
		global $wpdb;
		foreach ( ( new Migrator() )->tables() as $table ) {
			$wpdb->query( $wpdb->prepare( 'DROP TABLE IF EXISTS %i', $table->name() ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery,WordPress.DB.DirectDatabaseQuery.SchemaChange -- removing the plugin's own tables on uninstall.
		}
	}

	/**
	 * Takes the plugin's events off the WP-Cron schedule, and its actions out of Action Scheduler.
	 */
	private static function unschedule(): void {
		$hooks = array();
		foreach ( (array) _get_cron_array() as $events ) {
			foreach ( array_keys( (array) $events ) as $hook ) {
				if ( 0 === strpos( (string) $hook, 'handoff_bot_' ) ) {
					$hooks[ (string) $hook ] = true;
				}
			}
		}
		foreach ( array_keys( $hooks ) as $hook ) {
			wp_unschedule_hook( $hook );
		}
		if ( function_exists( 'as_unschedule_all_actions' ) ) {
			as_unschedule_all_actions( '', array(), Reindex_Job::GROUP );
		}
	}

	/**
	 * Deletes the plugin's options and transients (all named handoff_bot_*), through the options
	 * API so that caches forget them too.
	 */
	private static function delete_options(): void {
		global $wpdb;
		$names = $wpdb->get_col( // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- no API lists options by prefix.
			$wpdb->prepare(
				'SELECT option_name FROM %i WHERE option_name LIKE %s OR option_name LIKE %s OR option_name LIKE %s',
				$wpdb->options,
				$wpdb->esc_like( 'handoff_bot_' ) . '%',
				$wpdb->esc_like( '_transient_handoff_bot_' ) . '%',
				$wpdb->esc_like( '_transient_timeout_handoff_bot_' ) . '%'
			)
		);
		foreach ( $names as $name ) {
			delete_option( (string) $name );
		}
	}
}
