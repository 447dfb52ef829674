<?php
/**
 * Review marks: a sampled conversation read, with a note.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Database;

defined( 'ABSPATH' ) || exit;

/**
 * One row per conversation a reviewer marked: whether it was reviewed, the note, who and when.
 */
final class Review_Marks_Table extends Table {

	/**
	 * {@inheritDoc}
	 */
	public function short_name(): string {
		return 'review_marks';
	}

	/**
	 * {@inheritDoc}
	 */
	protected function columns(): string {
		return '
id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
conversation_id bigint(20) unsigned NOT NULL,
reviewed tinyint(1) unsigned NOT NULL DEFAULT 0,
note text NOT NULL,
user_id bigint(20) unsigned NOT NULL DEFAULT 0,
updated_at datetime NOT NULL,
PRIMARY KEY  (id),
UNIQUE KEY conversation_id (conversation_id)';
	}
}
