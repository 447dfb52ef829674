<?php
/**
 * Review checklist items: the monthly and quarterly reviews, item by item.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Database;

defined( 'ABSPATH' ) || exit;

/**
 * One row per checklist item of a review period (e.g. 2026-11 or 2026-Q4) that someone touched:
 * whether it is done, the note, who and when.
 */
final class Review_Items_Table extends Table {

	/**
	 * {@inheritDoc}
	 */
	public function short_name(): string {
		return 'review_items';
	}

	/**
	 * {@inheritDoc}
	 */
	protected function columns(): string {
		return '
id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
review varchar(10) NOT NULL,
item varchar(60) NOT NULL,
done tinyint(1) unsigned NOT NULL DEFAULT 0,
note text NOT NULL,
user_id bigint(20) unsigned NOT NULL DEFAULT 0,
updated_at datetime NOT NULL,
PRIMARY KEY  (id),
UNIQUE KEY review_item (review,item)';
	}
}
