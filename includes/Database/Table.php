<?php
/**
 * A custom table.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Database;

defined( 'ABSPATH' ) || exit;

/**
 * Each table names itself and gives the CREATE TABLE statement that dbDelta() understands.
 */
abstract class Table {

	/**
	 * The unprefixed short name, e.g. "conversations".
	 */
	abstract public function short_name(): string;

	/**
	 * Column and index definitions, in dbDelta's format (two spaces after PRIMARY KEY, one field a line).
	 */
	abstract protected function columns(): string;

	/**
	 * The full table name, with the site's prefix.
	 */
	public function name(): string {
		global $wpdb;
		return $wpdb->prefix . 'handoff_bot_' . $this->short_name();
	}

	/**
	 * The CREATE TABLE statement.
	 */
	public function schema(): string {
		global $wpdb;
		return 'CREATE TABLE ' . $this->name() . " (\n" . trim( $this->columns() ) . "\n) " . $wpdb->get_charset_collate() . ';';
	}
}
