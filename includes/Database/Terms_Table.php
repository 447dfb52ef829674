<?php
/**
 * Terms of the knowledge index, with their document frequency.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Database;

defined( 'ABSPATH' ) || exit;

/**
 * `df` counts the passages that contain the term; it is kept up to date as passages come and go.
 *
 * `term` has the binary collation of the site's character set: with the table's collation,
 * which ignores accents and case, MySQL and MariaDB would take `café` and `cafe` for one term.
 * (The SQLite Database Integration compares text columns ignoring the case of ASCII letters only,
 * and terms are lowercase.)
 */
final class Terms_Table extends Table {

	/**
	 * {@inheritDoc}
	 */
	public function short_name(): string {
		return 'terms';
	}

	/**
	 * {@inheritDoc}
	 */
	protected function columns(): string {
		return '
id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
' . $this->term_column() . ',
df int(10) unsigned NOT NULL DEFAULT 0,
PRIMARY KEY  (id),
UNIQUE KEY term (term)';
	}

	/**
	 * The definition of the `term` column. dbDelta() compares a column's type but not its
	 * collation, so the migrator also gives it to `ALTER TABLE … MODIFY` on an upgrade.
	 */
	public function term_column(): string {
		global $wpdb;
		$charset = '' !== (string) $wpdb->charset ? (string) $wpdb->charset : 'utf8mb4';
		return 'term varchar(64) COLLATE ' . $charset . '_bin NOT NULL';
	}
}
