<?php
/**
 * Report facts: what the report reads of a conversation's events, one row per conversation.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Database;

defined( 'ABSPATH' ) || exit;

/**
 * Kept by Report_Facts_Job from the events (never by the visitor's write path): the per-turn
 * events, feedback and ratings of the conversation (their codes and figures, without free text)
 * and whether the visitor followed each offer of a person. `last_event_id` is the highest event
 * of the conversation the row was built from. The report reads a conversation here when none of
 * its events is newer than the job's watermark, and from the events otherwise.
 */
final class Report_Facts_Table extends Table {

	/**
	 * {@inheritDoc}
	 */
	public function short_name(): string {
		return 'report_facts';
	}

	/**
	 * {@inheritDoc}
	 */
	protected function columns(): string {
		return '
conversation_id bigint(20) unsigned NOT NULL,
last_event_id bigint(20) unsigned NOT NULL DEFAULT 0,
turns longtext NOT NULL,
offers longtext NOT NULL,
PRIMARY KEY  (conversation_id)';
	}
}
