<?php
/**
 * Deliveries: the outbox of notifications to the team's email, webhooks and Slack.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Database;

defined( 'ABSPATH' ) || exit;

/**
 * One row per message to one connection, stored before it is tried; `dedupe` keeps an event of a
 * handoff to one row per connection, and `delivery_id` is what receivers drop duplicates by.
 */
final class Deliveries_Table extends Table {

	/**
	 * {@inheritDoc}
	 */
	public function short_name(): string {
		return 'deliveries';
	}

	/**
	 * {@inheritDoc}
	 */
	protected function columns(): string {
		return "
id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
delivery_id varchar(40) NOT NULL,
dedupe varchar(64) NOT NULL,
connection_id varchar(40) NOT NULL,
kind varchar(20) NOT NULL,
event varchar(40) NOT NULL,
handoff_id bigint(20) unsigned NOT NULL DEFAULT 0,
status varchar(20) NOT NULL DEFAULT 'pending',
attempts smallint(5) unsigned NOT NULL DEFAULT 0,
max_attempts smallint(5) unsigned NOT NULL DEFAULT 1,
next_attempt_at datetime DEFAULT NULL,
claimed_until datetime DEFAULT NULL,
last_attempt_at datetime DEFAULT NULL,
response_code smallint(5) unsigned NOT NULL DEFAULT 0,
response_excerpt text NOT NULL,
error varchar(255) NOT NULL DEFAULT '',
payload longtext NOT NULL,
created_at datetime NOT NULL,
PRIMARY KEY  (id),
UNIQUE KEY delivery_id (delivery_id),
UNIQUE KEY dedupe (dedupe),
KEY status_next (status,next_attempt_at),
KEY connection_id (connection_id,id),
KEY handoff_id (handoff_id)";
	}
}
