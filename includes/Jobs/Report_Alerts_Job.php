<?php
/**
 * Runs the report alerts' check every day, and sends their digest.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Jobs;

use HandoffBot\Contracts\Registrable;
use HandoffBot\Notifications\Backoff;
use HandoffBot\Reports\Alerts\Alert_Check;
use HandoffBot\Reports\Alerts\Alert_Digest;
use HandoffBot\Repositories\Storage_Exception;

defined( 'ABSPATH' ) || exit;

/**
 * A daily recurring action (Action Scheduler where the site has it, else a daily WP-Cron event)
 * that raises the report alerts and, when the digest is on, emails the new ones. A digest that
 * cannot be sent is tried again with a growing wait (Backoff), and the next day's run carries it
 * anyway. The job is scheduled when the plugin is activated or upgraded and, should it go missing,
 * again on the next wp-admin page; it is removed on deactivation and uninstall.
 */
final class Report_Alerts_Job implements Registrable {

	/**
	 * The daily action.
	 */
	public const HOOK = 'handoff_bot_report_alerts';

	/**
	 * A digest tried again: its argument is the attempt's number.
	 */
	public const DIGEST_RETRY = 'handoff_bot_report_alerts_digest';

	/**
	 * Makes the check, when a run needs it (every page registers the job; few run it).
	 *
	 * @var callable(): Alert_Check
	 */
	private $check;

	/**
	 * Makes the digest, when a run needs it.
	 *
	 * @var callable(): Alert_Digest
	 */
	private $digest;

	/**
	 * Builds the job.
	 *
	 * @param callable $check  Makes the check.
	 * @param callable $digest Makes the digest.
	 * @phpstan-param callable(): Alert_Check $check
	 * @phpstan-param callable(): Alert_Digest $digest
	 */
	public function __construct( callable $check, callable $digest ) {
		$this->check  = $check;
		$this->digest = $digest;
	}

	/**
	 * {@inheritDoc}
	 */
	public function register(): void {
		add_action( self::HOOK, array( $this, 'run' ) );
		add_action( self::DIGEST_RETRY, array( $this, 'retry_digest' ) );
		add_action( 'admin_init', array( self::class, 'ensure' ) );
		add_action( 'handoff_bot_migrated', array( self::class, 'ensure' ) );
	}

	/**
	 * Schedules the daily check unless it is scheduled.
	 */
	public static function ensure(): void {
		Recurring::ensure( self::HOOK, HOUR_IN_SECONDS, DAY_IN_SECONDS, 'daily' );
	}

	/**
	 * Removes the schedule and any digest retry (deactivation, uninstall).
	 */
	public static function clear(): void {
		Recurring::clear( self::HOOK, self::DIGEST_RETRY );
	}

	/**
	 * One daily run: the check, then the digest.
	 */
	public function run(): void {
		try {
			( $this->check )()->run( new \DateTimeImmutable( 'now', new \DateTimeZone( 'UTC' ) ) );
		} catch ( Storage_Exception $e ) {
			// Tomorrow's run checks again; a digest of what is stored may still go.
			unset( $e );
		}
		$this->retry_digest( 0 );
	}

	/**
	 * Sends the digest; when it fails, queues another attempt with a growing wait.
	 *
	 * @param mixed $attempt Attempts made before this one.
	 */
	public function retry_digest( $attempt = 0 ): void {
		$attempt = max( 0, (int) $attempt ) + 1;
		try {
			$sent = ( $this->digest )()->send();
		} catch ( Storage_Exception $e ) {
			$sent = false;
		}
		if ( false !== $sent || $attempt >= Backoff::max_attempts() ) {
			return;
		}
		$at   = time() + Backoff::delay( $attempt, random_int( 0, 1000 ) );
		$args = array( $attempt );
		if ( function_exists( 'as_schedule_single_action' ) ) {
			try {
				as_schedule_single_action( $at, self::DIGEST_RETRY, $args, Reindex_Job::GROUP );
				return;
			} catch ( \Throwable $e ) {
				unset( $e );
			}
		}
		wp_schedule_single_event( $at, self::DIGEST_RETRY, $args );
	}
}
