<?php
/**
 * Events: the append-only log that reports are computed from.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Database;

defined( 'ABSPATH' ) || exit;

/**
 * Every step of a conversation appends a row, stamped with the active config version.
 */
final class Events_Table extends Table {

	/**
	 * {@inheritDoc}
	 */
	public function short_name(): string {
		return 'events';
	}

	/**
	 * {@inheritDoc}
	 */
	protected function columns(): string {
		return '
id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
conversation_id bigint(20) unsigned NOT NULL DEFAULT 0,
handoff_id bigint(20) unsigned NOT NULL DEFAULT 0,
type varchar(40) NOT NULL,
data longtext NOT NULL,
config_version bigint(20) unsigned NOT NULL DEFAULT 0,
created_at datetime NOT NULL,
PRIMARY KEY  (id),
KEY type_created (type,created_at),
KEY conversation_id (conversation_id),
KEY conversation_type (conversation_id,type)';
	}
}
