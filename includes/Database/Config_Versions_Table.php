<?php
/**
 * Configuration versions: every saved state of an area of the configuration, with its change note.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Database;

defined( 'ABSPATH' ) || exit;

/**
 * One row per saved version of an area (`rules` now; answer, routing and connection settings
 * later), numbered from 1 within the area. `(area, version)` is unique: two saves from the same
 * version cannot both be stored, whatever the timing. `config_version` is the site-wide
 * configuration version the save started, which events and conversations are stamped with, so
 * a report can name the change behind each of its splits.
 */
final class Config_Versions_Table extends Table {

	/**
	 * {@inheritDoc}
	 */
	public function short_name(): string {
		return 'config_versions';
	}

	/**
	 * {@inheritDoc}
	 */
	protected function columns(): string {
		return '
id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
area varchar(20) NOT NULL,
version int(10) unsigned NOT NULL,
data longtext NOT NULL,
note text NOT NULL,
expected_impact text NOT NULL,
author_id bigint(20) unsigned NOT NULL DEFAULT 0,
config_version bigint(20) unsigned NOT NULL DEFAULT 0,
created_at datetime NOT NULL,
PRIMARY KEY  (id),
UNIQUE KEY area_version (area,version)';
	}
}
