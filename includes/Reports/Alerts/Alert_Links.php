<?php
/**
 * Where alerts lead in wp-admin.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Reports\Alerts;

defined( 'ABSPATH' ) || exit;

/**
 * The report screen's slug, and the link to an alert on it.
 */
final class Alert_Links {

	/**
	 * The report screen (admin.php?page=…).
	 */
	public const PAGE = 'handoff-bot-report';

	/**
	 * The report screen, opened on an alert (0: its alerts).
	 *
	 * @param int $id Alert ID, or 0.
	 */
	public static function report( int $id = 0 ): string {
		$url = admin_url( 'admin.php?page=' . self::PAGE );
		return $id > 0 ? add_query_arg( 'alert', $id, $url ) : $url;
	}
}
