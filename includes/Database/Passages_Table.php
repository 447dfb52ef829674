<?php
/**
 * Passages: the pieces of published content the bot answers from.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Database;

defined( 'ABSPATH' ) || exit;

/**
 * One row per heading section or paragraph group of a post, with its heading path and anchor.
 */
final class Passages_Table extends Table {

	/**
	 * {@inheritDoc}
	 */
	public function short_name(): string {
		return 'passages';
	}

	/**
	 * {@inheritDoc}
	 */
	protected function columns(): string {
		return "
id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
post_id bigint(20) unsigned NOT NULL,
position int(10) unsigned NOT NULL DEFAULT 0,
heading_path text NOT NULL,
anchor varchar(190) NOT NULL DEFAULT '',
content text NOT NULL,
length int(10) unsigned NOT NULL DEFAULT 0,
PRIMARY KEY  (id),
KEY post_id (post_id)";
	}
}
