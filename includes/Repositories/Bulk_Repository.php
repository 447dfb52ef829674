<?php
/**
 * Many rows at once, for generated data (bench/generate-report.php) and imports.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Repositories;

defined( 'ABSPATH' ) || exit;

/**
 * Multi-row INSERTs with explicit IDs, a few hundred rows a statement: a year of generated
 * conversations (a million messages) is written in minutes rather than the hours one INSERT a
 * row would take. Only the tables a conversation's history lives in can be written this way.
 */
final class Bulk_Repository extends Repository {

	/**
	 * The tables this writes to.
	 */
	public const TABLES = array( 'conversations', 'messages', 'handoffs', 'events', 'config_versions', 'deliveries' );

	/**
	 * Rows a statement, at most (MariaDB's packet and SQLite's bound values both stay far below
	 * their limits).
	 */
	private const ROWS_PER_STATEMENT = 250;

	/**
	 * The ID the next row of a table would get: one above the highest stored.
	 *
	 * @param string $short Table short name.
	 * @throws Storage_Exception When the table is not one of TABLES or cannot be read.
	 */
	public function next_id( string $short ): int {
		self::check( $short );
		return (int) $this->get_var( 'SELECT MAX(id) FROM %i', $this->table( $short ) ) + 1;
	}

	/**
	 * Inserts rows, every row with the same columns in the same order.
	 *
	 * @param string                                        $short   Table short name.
	 * @param array<int, string>                            $columns Columns.
	 * @param array<int, array<int, int|float|string|null>> $rows    Values, in the order of the columns.
	 * @phpstan-param list<string> $columns
	 * @phpstan-param list<list<int|float|string|null>> $rows
	 * @throws Storage_Exception When the database refuses them, or the table is not one of TABLES.
	 */
	public function insert_rows( string $short, array $columns, array $rows ): void {
		self::check( $short );
		foreach ( array_chunk( $rows, self::ROWS_PER_STATEMENT ) as $chunk ) {
			$args   = array( $this->table( $short ) );
			$tuples = array();
			foreach ( $columns as $column ) {
				$args[] = $column;
			}
			foreach ( $chunk as $row ) {
				$marks = array();
				foreach ( $row as $value ) {
					if ( null === $value ) {
						$marks[] = 'NULL';
						continue;
					}
					$marks[] = is_int( $value ) ? '%d' : ( is_float( $value ) ? '%f' : '%s' );
					$args[]  = $value;
				}
				$tuples[] = '(' . implode( ', ', $marks ) . ')';
			}
			$this->execute(
				'INSERT INTO %i (' . implode( ', ', array_fill( 0, count( $columns ), '%i' ) ) . ') VALUES ' . implode( ', ', $tuples ),
				...$args
			);
		}//end foreach
	}

	/**
	 * Deletes every row of the tables.
	 *
	 * @param array<int, string> $shorts Table short names.
	 * @phpstan-param list<string> $shorts
	 * @throws Storage_Exception When the database refuses it, or a table is not one of TABLES.
	 */
	public function clear( array $shorts ): void {
		foreach ( $shorts as $short ) {
			self::check( $short );
			$this->execute( 'DELETE FROM %i', $this->table( $short ) );
		}
	}

	/**
	 * Deletes the rows of a table whose column holds a value.
	 *
	 * @param string $short  Table short name.
	 * @param string $column Column.
	 * @param string $value  Value.
	 * @return int Rows deleted.
	 * @throws Storage_Exception When the database refuses it, or the table is not one of TABLES.
	 */
	public function delete_where( string $short, string $column, string $value ): int {
		self::check( $short );
		return $this->execute( 'DELETE FROM %i WHERE %i = %s', $this->table( $short ), $column, $value );
	}

	/**
	 * The highest value of a numeric column (0 for an empty table).
	 *
	 * @param string $short  Table short name.
	 * @param string $column Column.
	 * @throws Storage_Exception When the table is not one of TABLES or cannot be read.
	 */
	public function max_of( string $short, string $column ): int {
		self::check( $short );
		return (int) $this->get_var( 'SELECT MAX(%i) FROM %i', $column, $this->table( $short ) );
	}

	/**
	 * Refuses a table this is not for.
	 *
	 * @param string $short Table short name.
	 * @throws Storage_Exception When the table is not one of TABLES.
	 */
	private static function check( string $short ): void {
		if ( ! in_array( $short, self::TABLES, true ) ) {
			throw new Storage_Exception( 'Bulk writes are not allowed on this table.' );
		}
	}
}
