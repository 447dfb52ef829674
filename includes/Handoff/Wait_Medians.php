<?php
/**
 * The median wait of each team, kept at hand for the visitors' polls.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Handoff;

use HandoffBot\Repositories\Handoff_Repository;
use HandoffBot\Repositories\Storage_Exception;

defined( 'ABSPATH' ) || exit;

/**
 * Every visitor waiting in the queue reads their expected wait every few seconds; working out the
 * team's median wait each time would read the handoffs table on each poll. It changes only when an
 * agent accepts a handoff, so it is worked out then (and at most hourly otherwise, so that waits
 * older than a week drop out) and kept in an autoloaded option, which a poll reads for free.
 */
final class Wait_Medians {

	/**
	 * Option: team => [median seconds or null, when worked out].
	 */
	public const OPTION = 'handoff_bot_wait_medians';

	/**
	 * Seconds a median is kept without an accept.
	 */
	private const KEEP = HOUR_IN_SECONDS;

	/**
	 * A team's median wait in seconds (null: no recent accepted handoff).
	 *
	 * @param Handoff_Repository $handoffs Handoffs.
	 * @param string             $team     Team ('' for any agent).
	 * @param int                $now      Unix time.
	 * @throws Storage_Exception When the database cannot be read.
	 */
	public static function get( Handoff_Repository $handoffs, string $team, int $now ): ?float {
		$stored = get_option( self::OPTION, array() );
		$entry  = is_array( $stored ) ? ( $stored[ $team ] ?? null ) : null;
		if ( is_array( $entry ) && isset( $entry[1] ) && $now - (int) $entry[1] < self::KEEP ) {
			return null === $entry[0] ? null : (float) $entry[0];
		}
		return self::refresh( $handoffs, $team, $now );
	}

	/**
	 * Works a team's median wait out again (after an accept) and keeps it.
	 *
	 * @param Handoff_Repository $handoffs Handoffs.
	 * @param string             $team     Team ('' for any agent).
	 * @param int                $now      Unix time.
	 * @throws Storage_Exception When the database cannot be read.
	 */
	public static function refresh( Handoff_Repository $handoffs, string $team, int $now ): ?float {
		$median          = Wait_Estimate::median( $handoffs->recent_waits( $team, Wait_Estimate::RECENT ) );
		$stored          = get_option( self::OPTION, array() );
		$stored          = is_array( $stored ) ? $stored : array();
		$stored[ $team ] = array( $median, $now );
		update_option( self::OPTION, $stored, true );
		// Every waiting visitor's expected wait may have changed (their change files say it).
		Poll_Signal::queue_changed();
		return $median;
	}
}
