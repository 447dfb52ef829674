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
		// A prepared INSERT rather than $wpdb->insert(), which first reads the table's column
		// charsets (one more query per table per request); text is validated UTF-8 before it gets here.
		$columns = array();
		$values  = array();
		$args    = array( $this->table( $short ) );
		foreach ( $row as $column => $value ) {
			$columns[] = '%i';
			$args[]    = $column;
			if ( null === $value ) {
				$values[] = 'NULL';
				continue;
			}
			$values[] = is_int( $value ) ? '%d' : ( is_float( $value ) ? '%f' : '%s' );
		}
		foreach ( $row as $value ) {
			if ( null !== $value ) {
				$args[] = $value;
			}
		}
		$suppress = $wpdb->suppress_errors( true );
		$ok       = $wpdb->query( $wpdb->prepare( 'INSERT INTO %i (' . implode( ', ', $columns ) . ') VALUES (' . implode( ', ', $values ) . ')', ...$args ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery,WordPress.DB.PreparedSQL.NotPrepared -- built from placeholders only.
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
