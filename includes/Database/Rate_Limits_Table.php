<?php
/**
 * Rate limit counters, one row per key and time window.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Database;

defined( 'ABSPATH' ) || exit;

/**
 * A bucket is "<window end>:<limit>:<slot>", the slot picked by a salted hash of the address or
 * token: never the raw values (see Rest\Rate_Limiter).
 */
final class Rate_Limits_Table extends Table {

	/**
	 * {@inheritDoc}
	 */
	public function short_name(): string {
		return 'rate_limits';
	}

	/**
	 * {@inheritDoc}
	 */
	protected function columns(): string {
		return '
bucket char(40) NOT NULL,
window_start bigint(20) unsigned NOT NULL,
hits int(10) unsigned NOT NULL DEFAULT 0,
PRIMARY KEY  (bucket,window_start),
KEY window_start (window_start)';
	}
}
