<?php
/**
 * The period someone asked for, or why it cannot be one.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Reports;

use WP_Error;

defined( 'ABSPATH' ) || exit;

/**
 * Reads a preset with its dates in the site's time zone, as the report export and
 * `wp handoff-bot report` take them; bad input gives a WP_Error with a code and a message
 * (status 400), the same as GET /reports/summary gives.
 */
final class Period_Input {

	/**
	 * The period of a preset and its dates, today in the site's time zone.
	 *
	 * @param string $preset One of Period::presets().
	 * @param string $from   Y-m-d, or ''.
	 * @param string $to     Y-m-d, or ''.
	 * @return Period|WP_Error
	 */
	public static function parse( string $preset, string $from, string $to ) {
		if ( ! in_array( $preset, Period::presets(), true ) ) {
			return new WP_Error(
				'handoff_bot_bad_period',
				/* translators: %s: the periods, separated by commas. */
				sprintf( __( 'The period must be one of: %s.', 'handoff-bot' ), implode( ', ', Period::presets() ) ),
				array( 'status' => 400 )
			);
		}
		if ( Period::CUSTOM === $preset && ( '' === $from || '' === $to ) ) {
			return new WP_Error( 'handoff_bot_bad_period', __( 'A custom period needs both a from and a to date.', 'handoff-bot' ), array( 'status' => 400 ) );
		}
		try {
			return Period::from_preset( $preset, $from, $to, wp_timezone(), new \DateTimeImmutable( 'now', new \DateTimeZone( 'UTC' ) ) );
		} catch ( \InvalidArgumentException $e ) {
			if ( 'bad_date' === $e->getMessage() ) {
				return new WP_Error( 'handoff_bot_bad_date', __( 'The dates must be real days, written YYYY-MM-DD.', 'handoff-bot' ), array( 'status' => 400 ) );
			}
			return new WP_Error(
				'handoff_bot_bad_period',
				/* translators: %d: the longest period, in days. */
				sprintf( __( 'The period must end on or after its first day and last at most %d days.', 'handoff-bot' ), Period::MAX_DAYS ),
				array( 'status' => 400 )
			);
		}
	}
}
