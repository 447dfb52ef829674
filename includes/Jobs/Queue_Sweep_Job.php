<?php
/**
 * Runs the queue sweep every minute.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Jobs;

use HandoffBot\Contracts\Registrable;
use HandoffBot\Handoff\Availability_Store;
use HandoffBot\Handoff\Poll_Signal;
use HandoffBot\Handoff\Queue_Sweep;
use HandoffBot\Repositories\Storage_Exception;

defined( 'ABSPATH' ) || exit;

/**
 * A recurring action (Action Scheduler where the site has it, else a WP-Cron event every minute)
 * that abandons waiting handoffs whose visitor went away. It is scheduled when the plugin is
 * activated or upgraded and, should it go missing, again on the next wp-admin page; it is removed
 * on deactivation and uninstall.
 */
final class Queue_Sweep_Job implements Registrable {

	/**
	 * The action.
	 */
	public const HOOK = 'handoff_bot_sweep_queue';

	/**
	 * The WP-Cron schedule.
	 */
	public const SCHEDULE = 'handoff_bot_every_minute';

	/**
	 * The sweep.
	 *
	 * @var Queue_Sweep
	 */
	private Queue_Sweep $sweep;

	/**
	 * Builds the job.
	 *
	 * @param Queue_Sweep $sweep The sweep.
	 */
	public function __construct( Queue_Sweep $sweep ) {
		$this->sweep = $sweep;
	}

	/**
	 * {@inheritDoc}
	 */
	public function register(): void {
		add_action( self::HOOK, array( $this, 'run' ) );
		add_filter( 'cron_schedules', array( self::class, 'schedules' ) ); // phpcs:ignore WordPress.WP.CronInterval.CronSchedulesInterval -- a waiting visitor who left should leave the queue within a minute or two.
		add_action( 'admin_init', array( self::class, 'ensure' ) );
		add_action( 'handoff_bot_migrated', array( self::class, 'ensure' ) );
	}

	/**
	 * Adds the every-minute schedule.
	 *
	 * @param mixed $schedules Schedules.
	 * @return mixed
	 */
	public static function schedules( $schedules ) {
		if ( is_array( $schedules ) ) {
			$schedules[ self::SCHEDULE ] = array(
				'interval' => MINUTE_IN_SECONDS,
				'display'  => __( 'Every minute (Handoff Bot queue)', 'handoff-bot' ),
			);
		}
		return $schedules;
	}

	/**
	 * Schedules the sweep unless it is scheduled.
	 */
	public static function ensure(): void {
		Recurring::ensure( self::HOOK, MINUTE_IN_SECONDS, MINUTE_IN_SECONDS, self::SCHEDULE, array( self::class, 'schedules' ) );
	}

	/**
	 * Removes the schedule (deactivation, uninstall).
	 */
	public static function clear(): void {
		Recurring::clear( self::HOOK );
	}

	/**
	 * One sweep.
	 */
	public function run(): void {
		try {
			$this->sweep->run( time(), Availability_Store::in_force()->abandon_minutes() );
		} catch ( Storage_Exception $e ) {
			// The next minute's run tries again.
			unset( $e );
		}
		// Chats' files nothing changed for an hour (a chat still reading one makes it again).
		Poll_Signal::sweep( time() - HOUR_IN_SECONDS );
	}
}
