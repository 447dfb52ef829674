<?php
/**
 * Report alerts: what the daily check found, and whether someone dismissed it.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Database;

defined( 'ABSPATH' ) || exit;

/**
 * One row per alert raised. `dedupe` (kind, subject and last day of the window) keeps a check run
 * twice on one day to one row; `figures` holds the JSON of what was measured.
 */
final class Report_Alerts_Table extends Table {

	/**
	 * {@inheritDoc}
	 */
	public function short_name(): string {
		return 'report_alerts';
	}

	/**
	 * {@inheritDoc}
	 */
	protected function columns(): string {
		return "
id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
dedupe varchar(191) NOT NULL,
kind varchar(40) NOT NULL,
subject varchar(191) NOT NULL DEFAULT '',
direction varchar(10) NOT NULL DEFAULT '',
period_from date NOT NULL,
period_to date NOT NULL,
figures longtext NOT NULL,
status varchar(20) NOT NULL DEFAULT 'open',
dismissed_by bigint(20) unsigned NOT NULL DEFAULT 0,
dismissed_at datetime DEFAULT NULL,
emailed_at datetime DEFAULT NULL,
created_at datetime NOT NULL,
PRIMARY KEY  (id),
UNIQUE KEY dedupe (dedupe),
KEY kind_subject (kind,subject),
KEY status_created (status,created_at)";
	}
}
