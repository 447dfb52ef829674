<?php
/**
 * Conversations: one row per chat a visitor starts.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Database;

defined( 'ABSPATH' ) || exit;

/**
 * The visitor token is stored only as a SHA-256 hash.
 */
final class Conversations_Table extends Table {

	/**
	 * {@inheritDoc}
	 */
	public function short_name(): string {
		return 'conversations';
	}

	/**
	 * {@inheritDoc}
	 */
	protected function columns(): string {
		return "
id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
token_hash char(64) NOT NULL,
user_id bigint(20) unsigned NOT NULL DEFAULT 0,
status varchar(20) NOT NULL DEFAULT 'open',
language varchar(12) NOT NULL DEFAULT '',
page_trail longtext NOT NULL,
rating tinyint(3) unsigned DEFAULT NULL,
config_version bigint(20) unsigned NOT NULL DEFAULT 0,
handoff_id bigint(20) unsigned NOT NULL DEFAULT 0,
created_at datetime NOT NULL,
updated_at datetime NOT NULL,
ended_at datetime DEFAULT NULL,
PRIMARY KEY  (id),
KEY token_hash (token_hash),
KEY user_id (user_id),
KEY status_created (status,created_at),
KEY created_version (created_at,config_version),
KEY config_version (config_version)";
	}
}
