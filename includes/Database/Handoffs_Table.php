<?php
/**
 * Handoffs: a conversation passed to a person, with why, where and how it ended.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Database;

defined( 'ABSPATH' ) || exit;

/**
 * Reason codes and triggers follow the stable taxonomy in docs/ARCHITECTURE.md.
 */
final class Handoffs_Table extends Table {

	/**
	 * {@inheritDoc}
	 */
	public function short_name(): string {
		return 'handoffs';
	}

	/**
	 * {@inheritDoc}
	 */
	protected function columns(): string {
		return "
id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
conversation_id bigint(20) unsigned NOT NULL,
open_key bigint(20) unsigned DEFAULT NULL,
status varchar(20) NOT NULL DEFAULT 'requested',
reason varchar(40) NOT NULL,
trigger_type varchar(10) NOT NULL,
route varchar(20) NOT NULL DEFAULT '',
route_reason varchar(20) NOT NULL DEFAULT '',
intent varchar(60) NOT NULL DEFAULT '',
intent_score float DEFAULT NULL,
confidence float DEFAULT NULL,
turn smallint(5) unsigned NOT NULL DEFAULT 0,
team varchar(60) NOT NULL DEFAULT '',
agent_id bigint(20) unsigned NOT NULL DEFAULT 0,
assigned_to bigint(20) unsigned NOT NULL DEFAULT 0,
outcome varchar(40) NOT NULL DEFAULT '',
tags varchar(100) NOT NULL DEFAULT '',
topic varchar(200) NOT NULL DEFAULT '',
headline varchar(255) NOT NULL DEFAULT '',
context longtext NOT NULL,
config_version bigint(20) unsigned NOT NULL DEFAULT 0,
requested_at datetime NOT NULL,
accepted_at datetime DEFAULT NULL,
first_reply_at datetime DEFAULT NULL,
resolved_at datetime DEFAULT NULL,
PRIMARY KEY  (id),
UNIQUE KEY open_key (open_key),
KEY conversation_id (conversation_id),
KEY status_requested (status,requested_at),
KEY agent_status (agent_id,status),
KEY reason_requested (reason,requested_at)";
	}
}
