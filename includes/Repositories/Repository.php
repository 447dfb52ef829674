<?php
/**
 * Shared helpers of the repositories.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Repositories;

defined( 'ABSPATH' ) || exit;

/**
 * Repositories are the only classes that talk to $wpdb; every query is prepared.
 */
abstract class Repository {

	/**
	 * The current UTC time in MySQL format.
	 */
	protected function now(): string {
		return gmdate( 'Y-m-d H:i:s' );
	}

	/**
	 * A prefixed table name.
	 *
	 * @param string $short Short name, e.g. "messages".
	 */
	protected function table( string $short ): string {
		global $wpdb;
		return $wpdb->prefix . 'handoff_bot_' . $short;
	}

	/**
	 * Inserts a row or throws.
	 *
	 * @param string               $short Table short name.
	 * @param array<string, mixed> $row   Column => value.
	 * @return int The new row's ID.
	 * @throws Storage_Exception When the database refuses the row.
	 */
	protected function insert( string $short, array $row ): int {
		global $wpdb;
		$suppress = $wpdb->suppress_errors( true );
		$ok       = $wpdb->insert( $this->table( $short ), $row ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery.DirectQuery -- our own table; writes are never cached.
		$wpdb->suppress_errors( $suppress );
		if ( false === $ok ) {
			throw new Storage_Exception( (string) $wpdb->last_error );
		}
		return (int) $wpdb->insert_id;
	}

	/**
	 * A ", "-joined list of %d placeholders for an IN () clause.
	 *
	 * @param int $count How many.
	 */
	protected function int_placeholders( int $count ): string {
		return implode( ', ', array_fill( 0, max( 1, $count ), '%d' ) );
	}

	/**
	 * A ", "-joined list of %s placeholders for an IN () clause.
	 *
	 * @param int $count How many.
	 */
	protected function string_placeholders( int $count ): string {
		return implode( ', ', array_fill( 0, max( 1, $count ), '%s' ) );
	}
}
