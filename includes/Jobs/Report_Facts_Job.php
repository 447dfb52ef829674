<?php
/**
 * Keeps the report facts current every fifteen minutes.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Jobs;

use HandoffBot\Contracts\Registrable;
use HandoffBot\Reports\Report_Facts;
use HandoffBot\Repositories\Storage_Exception;

defined( 'ABSPATH' ) || exit;

/**
 * A recurring action (Action Scheduler where the site has it, else a WP-Cron event every fifteen
 * minutes) that takes the events written since its last run into the report facts. A run stops
 * starting batches after twenty seconds; a large backlog (a first run on a site with a long
 * history) is taken in over the next runs, and the report reads the events meanwhile. It is
 * scheduled when the plugin is activated or upgraded and, should it go missing, again on the
 * next wp-admin page; uninstall removes it with the plugin's other hooks.
 */
final class Report_Facts_Job implements Registrable {

	/**
	 * The action.
	 */
	public const HOOK = 'handoff_bot_report_facts';

	/**
	 * The WP-Cron schedule.
	 */
	public const SCHEDULE = 'handoff_bot_every_fifteen_minutes';

	/**
	 * Seconds between runs.
	 */
	public const INTERVAL = 900;

	/**
	 * Seconds a run starts batches for.
	 */
	private const BUDGET = 20.0;

	/**
	 * Makes the refresh, when a run needs it (every page registers the job; few run it).
	 *
	 * @var callable(): Report_Facts
	 */
	private $facts;

	/**
	 * Builds the job.
	 *
	 * @param callable $facts Makes the refresh.
	 * @phpstan-param callable(): Report_Facts $facts
	 */
	public function __construct( callable $facts ) {
		$this->facts = $facts;
	}

	/**
	 * {@inheritDoc}
	 */
	public function register(): void {
		add_action( self::HOOK, array( $this, 'run' ) );
		add_filter( 'cron_schedules', array( self::class, 'schedules' ) );
		add_action( 'admin_init', array( self::class, 'ensure' ) );
		add_action( 'handoff_bot_migrated', array( self::class, 'ensure' ) );
	}

	/**
	 * Adds the every-fifteen-minutes schedule.
	 *
	 * @param mixed $schedules Schedules.
	 * @return mixed
	 */
	public static function schedules( $schedules ) {
		if ( is_array( $schedules ) ) {
			$schedules[ self::SCHEDULE ] = array(
				'interval' => 15 * MINUTE_IN_SECONDS,
				'display'  => __( 'Every fifteen minutes (Handoff Bot report)', 'handoff-bot' ),
			);
		}
		return $schedules;
	}

	/**
	 * Schedules the job unless it is scheduled.
	 */
	public static function ensure(): void {
		Recurring::ensure( self::HOOK, self::INTERVAL, self::INTERVAL, self::SCHEDULE, array( self::class, 'schedules' ) );
	}

	/**
	 * Unschedules the job (on deactivation).
	 */
	public static function clear(): void {
		Recurring::clear( self::HOOK );
	}

	/**
	 * One run.
	 */
	public function run(): void {
		try {
			( $this->facts )()->refresh( time(), self::BUDGET );
		} catch ( Storage_Exception $e ) {
			// The report reads the events meanwhile; the next run tries again.
			unset( $e );
		}
	}
}
