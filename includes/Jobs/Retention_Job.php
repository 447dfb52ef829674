<?php
/**
 * Runs the retention purge every day.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Jobs;

use HandoffBot\Contracts\Registrable;
use HandoffBot\Privacy\Retention_Purge;
use HandoffBot\Repositories\Storage_Exception;
use HandoffBot\Settings;

defined( 'ABSPATH' ) || exit;

/**
 * A daily recurring action (Action Scheduler where the site has it, else a daily WP-Cron event)
 * that purges personal data older than the retention period. A run that has more left when its
 * time is up queues a follow-up in a minute; a run the database stops leaves what it did done
 * and the rest to the next day. It is scheduled when the plugin is activated or upgraded and,
 * should it go missing, again on the next wp-admin page; it is removed on deactivation and
 * uninstall.
 */
final class Retention_Job implements Registrable {

	/**
	 * The daily action.
	 */
	public const HOOK = 'handoff_bot_retention_purge';

	/**
	 * The follow-up of a run that ran out of time.
	 */
	public const FOLLOW_UP = 'handoff_bot_retention_purge_more';

	/**
	 * The purge.
	 *
	 * @var Retention_Purge
	 */
	private Retention_Purge $purge;

	/**
	 * Settings.
	 *
	 * @var Settings
	 */
	private Settings $settings;

	/**
	 * Builds the job.
	 *
	 * @param Retention_Purge $purge    The purge.
	 * @param Settings        $settings Settings.
	 */
	public function __construct( Retention_Purge $purge, Settings $settings ) {
		$this->purge    = $purge;
		$this->settings = $settings;
	}

	/**
	 * {@inheritDoc}
	 */
	public function register(): void {
		add_action( self::HOOK, array( $this, 'run' ) );
		add_action( self::FOLLOW_UP, array( $this, 'run' ) );
		add_action( 'admin_init', array( self::class, 'ensure' ) );
		add_action( 'handoff_bot_migrated', array( self::class, 'ensure' ) );
	}

	/**
	 * Schedules the daily purge unless it is scheduled.
	 */
	public static function ensure(): void {
		Recurring::ensure( self::HOOK, HOUR_IN_SECONDS, DAY_IN_SECONDS, 'daily' );
	}

	/**
	 * Removes the schedule and any follow-up (deactivation, uninstall).
	 */
	public static function clear(): void {
		Recurring::clear( self::HOOK, self::FOLLOW_UP );
	}

	/**
	 * One run: batches until done or the time is up.
	 */
	public function run(): void {
		try {
			$result = $this->purge->run( time(), (int) $this->settings->get( 'retention_days' ) );
		} catch ( Storage_Exception $e ) {
			// What was purged stays purged; the rest waits for tomorrow's run.
			return;
		}
		if ( ! $result['done'] ) {
			self::follow_up();
		}
	}

	/**
	 * Queues one more run in a minute (this run may itself be the follow-up, still in progress:
	 * it is not asked whether one is queued).
	 */
	private static function follow_up(): void {
		if ( function_exists( 'as_schedule_single_action' ) ) {
			try {
				as_schedule_single_action( time() + MINUTE_IN_SECONDS, self::FOLLOW_UP, array(), Reindex_Job::GROUP );
				return;
			} catch ( \Throwable $e ) {
				unset( $e );
			}
		}
		if ( false === wp_next_scheduled( self::FOLLOW_UP ) ) {
			wp_schedule_single_event( time() + MINUTE_IN_SECONDS, self::FOLLOW_UP );
		}
	}
}
