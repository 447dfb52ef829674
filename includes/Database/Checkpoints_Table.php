<?php
/**
 * Release checkpoints: one per saved configuration change, to re-check once traffic came in.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Database;

defined( 'ABSPATH' ) || exit;

/**
 * A checkpoint names the site-wide config version a change started, the change note and its
 * expected impact, how many conversations it waits for, the re-check (who, when, notes) and what
 * was tuned ("document the change").
 */
final class Checkpoints_Table extends Table {

	/**
	 * {@inheritDoc}
	 */
	public function short_name(): string {
		return 'checkpoints';
	}

	/**
	 * {@inheritDoc}
	 */
	protected function columns(): string {
		return "
id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
config_version bigint(20) unsigned NOT NULL,
area varchar(40) NOT NULL,
area_version bigint(20) unsigned NOT NULL DEFAULT 0,
note text NOT NULL,
expected_impact text NOT NULL,
author_id bigint(20) unsigned NOT NULL DEFAULT 0,
threshold int(10) unsigned NOT NULL DEFAULT 0,
state varchar(10) NOT NULL DEFAULT 'waiting',
checked_by bigint(20) unsigned NOT NULL DEFAULT 0,
checked_at datetime DEFAULT NULL,
check_note text NOT NULL,
tuned text NOT NULL,
tuned_by bigint(20) unsigned NOT NULL DEFAULT 0,
tuned_at datetime DEFAULT NULL,
created_at datetime NOT NULL,
PRIMARY KEY  (id),
UNIQUE KEY config_version (config_version),
KEY created_at (created_at)";
	}
}
