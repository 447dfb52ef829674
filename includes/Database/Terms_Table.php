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
term varchar(64) NOT NULL,
df int(10) unsigned NOT NULL DEFAULT 0,
PRIMARY KEY  (id),
UNIQUE KEY term (term)';
	}
}
