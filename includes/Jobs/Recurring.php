<?php
/**
 * Scheduling of the plugin's recurring jobs.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Jobs;

defined( 'ABSPATH' ) || exit;

/**
 * A recurring job runs as an Action Scheduler action where the site has Action Scheduler (in the
 * plugin's group), else as a WP-Cron event; these schedule one unless it is scheduled, and remove
 * every run of a job's hooks.
 */
final class Recurring {

	/**
	 * Schedules a recurring job unless it is scheduled.
	 *
	 * @param string        $hook        The job's action.
	 * @param int           $first_in    Seconds until its first run.
	 * @param int           $interval    Seconds between runs.
	 * @param string        $wp_schedule The WP-Cron schedule of that interval (e.g. "daily").
	 * @param callable|null $schedules   The `cron_schedules` filter that adds it, for a schedule of the plugin's own.
	 */
	public static function ensure( string $hook, int $first_in, int $interval, string $wp_schedule, ?callable $schedules = null ): void {
		if ( function_exists( 'as_has_scheduled_action' ) && function_exists( 'as_schedule_recurring_action' ) ) {
			try {
				if ( as_has_scheduled_action( $hook, array(), Reindex_Job::GROUP ) || as_schedule_recurring_action( time() + $first_in, $interval, $hook, array(), Reindex_Job::GROUP ) ) {
					return;
				}
				// Action Scheduler is not ready yet (plugin activation): WP-Cron, then.
			} catch ( \Throwable $e ) {
				// WP-Cron, then.
				unset( $e );
			}
		}
		if ( false === wp_next_scheduled( $hook ) ) {
			if ( null !== $schedules ) {
				add_filter( 'cron_schedules', $schedules ); // phpcs:ignore WordPress.WP.CronInterval.ChangeDetected -- each job's own schedule, with its interval where the job declares it.
			}
			wp_schedule_event( time() + $first_in, $wp_schedule, $hook );
		}
	}

	/**
	 * Removes every scheduled run of these hooks, whatever their arguments (deactivation).
	 *
	 * @param string ...$hooks The actions.
	 */
	public static function clear( string ...$hooks ): void {
		foreach ( $hooks as $hook ) {
			if ( function_exists( 'as_unschedule_all_actions' ) ) {
				as_unschedule_all_actions( $hook, array(), Reindex_Job::GROUP );
			}
			wp_unschedule_hook( $hook );
		}
	}
}
