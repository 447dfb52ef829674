<?php
/**
 * Messages of a conversation, from the visitor, the bot or an agent.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Database;

defined( 'ABSPATH' ) || exit;

/**
 * A client-supplied idempotency key is unique per conversation, so a resent message is stored once.
 */
final class Messages_Table extends Table {

	/**
	 * {@inheritDoc}
	 */
	public function short_name(): string {
		return 'messages';
	}

	/**
	 * {@inheritDoc}
	 */
	protected function columns(): string {
		return '
id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
conversation_id bigint(20) unsigned NOT NULL,
role varchar(20) NOT NULL,
body longtext NOT NULL,
idempotency_key varchar(64) DEFAULT NULL,
reply_to bigint(20) unsigned DEFAULT NULL,
meta longtext NOT NULL,
feedback tinyint(4) DEFAULT NULL,
author_id bigint(20) unsigned NOT NULL DEFAULT 0,
created_at datetime NOT NULL,
PRIMARY KEY  (id),
UNIQUE KEY conversation_idempotency (conversation_id,idempotency_key),
UNIQUE KEY reply_to (reply_to),
KEY conversation_id (conversation_id,id)';
	}
}
