<?php
/**
 * Runs deliveries in the background.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Notifications;

defined( 'ABSPATH' ) || exit;

/**
 * Schedules a delivery's attempt through Action Scheduler when the site has it (WooCommerce and
 * many plugins bring it), and through WP-Cron otherwise. A sweep, a quarter of an hour later,
 * picks up any attempt whose job was lost.
 */
final class Delivery_Jobs {

	/**
	 * The hook that tries one delivery (argument: its row ID).
	 */
	public const HOOK = 'handoff_bot_deliver';

	/**
	 * The hook that picks up overdue deliveries.
	 */
	public const SWEEP = 'handoff_bot_outbox_sweep';

	/**
	 * Action Scheduler's group for the plugin's actions.
	 */
	public const GROUP = 'handoff-bot';

	/**
	 * Seconds between sweeps.
	 */
	public const SWEEP_AFTER = 900;

	/**
	 * Schedules an attempt at a delivery.
	 *
	 * @param int $id   The delivery's row ID.
	 * @param int $when Unix time (now or earlier: as soon as possible).
	 */
	public function at( int $id, int $when ): void {
		$args = array( $id );
		if ( self::action_scheduler() ) {
			if ( $when <= time() ) {
				self::scheduler( 'as_enqueue_async_action', self::HOOK, $args, self::GROUP );
			} else {
				self::scheduler( 'as_schedule_single_action', $when, self::HOOK, $args, self::GROUP );
			}
		} else {
			wp_schedule_single_event( max( time(), $when ), self::HOOK, $args );
		}
		$this->sweep_later();
	}

	/**
	 * Schedules a sweep, unless one is scheduled.
	 */
	public function sweep_later(): void {
		if ( self::action_scheduler() ) {
			if ( function_exists( 'as_has_scheduled_action' ) && ! self::scheduler( 'as_has_scheduled_action', self::SWEEP, array(), self::GROUP ) ) {
				self::scheduler( 'as_schedule_single_action', time() + self::SWEEP_AFTER, self::SWEEP, array(), self::GROUP );
			}
			return;
		}
		if ( false === wp_next_scheduled( self::SWEEP ) ) {
			wp_schedule_single_event( time() + self::SWEEP_AFTER, self::SWEEP );
		}
	}

	/**
	 * Whether Action Scheduler runs the jobs.
	 */
	public static function action_scheduler(): bool {
		if ( ! function_exists( 'as_enqueue_async_action' ) || ! function_exists( 'as_schedule_single_action' ) ) {
			return false;
		}
		/**
		 * Whether deliveries run through Action Scheduler (when the site has it) rather than WP-Cron.
		 *
		 * @since 0.3.0
		 *
		 * @param bool $use Default true (asked only where Action Scheduler is loaded).
		 */
		return (bool) apply_filters( 'handoff_bot_use_action_scheduler', true );
	}

	/**
	 * Calls one of Action Scheduler's functions by name (it is optional, and not one of the
	 * plugin's dependencies).
	 *
	 * @param string $function The function.
	 * @param mixed  ...$args  Its arguments.
	 * @return mixed What it returns (null when it does not exist).
	 */
	private static function scheduler( string $function, ...$args ) {
		return is_callable( $function ) ? $function( ...$args ) : null;
	}
}
