<?php
/**
 * Shared helpers of the repositories.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Repositories;

defined( 'ABSPATH' ) || exit;

// phpcs:disable WordPress.DB.RestrictedClasses.mysql__PDO -- the SQLite Database Integration's own connection, see the class comment.

/**
 * Repositories are the only classes that talk to the database, and every statement is prepared.
 *
 * Statements are written once, with `$wpdb->prepare()` placeholders (%i, %d, %f, %s), in SQL that
 * MySQL, MariaDB and SQLite all accept, and without a literal "?" (refused, see refuses()). They
 * run in one of two ways:
 * - through `$wpdb->prepare()` and `$wpdb` (MySQL and MariaDB, or any other database drop-in);
 * - on the SQLite Database Integration, on its SQLite connection (`get_sqlite_pdo()`, which the
 *   integration exposes for this use), as a PDO prepared statement with bound values. This skips
 *   the integration's MySQL parser and translator, which cost more than the statement itself: a
 *   visitor's message runs a dozen statements. Transactions stay under the integration's
 *   control (see Index_Repository::in_transaction()), so statements run either way share them.
 * Rows come back the same either way: column => string, or null.
 */
abstract class Repository {

	/**
	 * The message of the last failed statement on the SQLite connection.
	 *
	 * @var string
	 */
	private static string $native_error = '';

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
	 * The SQLite connection when WordPress runs on the SQLite Database Integration (3.0 or later)
	 * and statements may run on it directly; null otherwise.
	 */
	public static function native_connection(): ?\PDO {
		global $wpdb;
		if ( ! $wpdb instanceof \WP_SQLite_DB || ! method_exists( $wpdb, 'get_driver' ) ) {
			return null;
		}
		/**
		 * Whether the plugin's statements run directly on the SQLite connection of the SQLite
		 * Database Integration (they reach the query log only with SAVEQUERIES on).
		 *
		 * @since 0.2.0
		 *
		 * @param bool $enabled Default true.
		 */
		if ( ! apply_filters( 'handoff_bot_sqlite_direct', true ) ) {
			return null;
		}
		try {
			$driver = $wpdb->get_driver();
		} catch ( \Throwable $e ) {
			return null;
		}
		// Versions before 3.0 have another driver, without this method: they take the $wpdb path.
		$pdo = is_object( $driver ) && method_exists( $driver, 'get_sqlite_pdo' ) ? $driver->get_sqlite_pdo() : null;
		return $pdo instanceof \PDO ? $pdo : null;
	}

	/**
	 * Whether a transaction the plugin opened on the SQLite connection is open (PDO's own flag
	 * does not see a BEGIN run as a statement).
	 *
	 * @var bool
	 */
	private static bool $native_open = false;

	/**
	 * Runs writes in one transaction: all or none of them are stored, with one commit (one log
	 * flush) for all.
	 *
	 * On the SQLite Database Integration the plugin's own statements run on its connection, so
	 * their transaction is opened there too (unless the integration already holds one, which they
	 * then join). Work that also calls WordPress, which queries through the integration, asks for
	 * the transaction to go through `$wpdb` instead ($through_wpdb), so the integration knows.
	 *
	 * @template T
	 * @param callable(): T $work         The writes.
	 * @param bool          $through_wpdb Whether the work queries through `$wpdb` too.
	 * @return T What the work returns.
	 * @throws Storage_Exception When the database refuses to commit (after rolling back).
	 * @throws \Throwable       What the work throws, after rolling back.
	 */
	public function transaction( callable $work, bool $through_wpdb = false ) {
		global $wpdb;
		/**
		 * Whether the plugin groups its writes in transactions. Turn it off where the caller
		 * already holds a transaction on MySQL or MariaDB (which commit it when another starts).
		 *
		 * @since 0.2.0
		 *
		 * @param bool $enabled Default true.
		 */
		$enabled = (bool) apply_filters( 'handoff_bot_transactions', true );
		if ( $through_wpdb ) {
			$enabled = (bool) apply_filters_deprecated( 'handoff_bot_index_transaction', array( $enabled ), '0.2.0', 'handoff_bot_transactions' );
		}
		if ( ! $enabled ) {
			return $work();
		}
		$pdo = self::native_connection();
		if ( $pdo && ! $through_wpdb ) {
			if ( self::$native_open || $wpdb->get_driver()->inTransaction() || $pdo->inTransaction() ) {
				return $work();
			}
			try {
				// IMMEDIATE takes the write lock at once, waiting out another writer (the busy
				// timeout). A deferred BEGIN would read first and then be refused at its first
				// write, without waiting, whenever another connection wrote meanwhile.
				if ( false === $pdo->exec( 'BEGIN IMMEDIATE' ) ) {
					throw new Storage_Exception( 'The SQLite write lock could not be taken.' );
				}
				self::$native_open = true;
				$result            = $work();
				if ( false === $pdo->exec( 'COMMIT' ) ) {
					throw new Storage_Exception( 'The SQLite transaction could not be committed.' );
				}
				self::$native_open = false;
			} catch ( \Throwable $e ) {
				if ( self::$native_open ) {
					self::$native_open = false;
					try {
						$pdo->exec( 'ROLLBACK' );
					} catch ( \PDOException $ignored ) {
						unset( $ignored );
						// SQLite has already rolled it back.
					}
				}
				throw $e instanceof \PDOException ? new Storage_Exception( $e->getMessage() ) : $e; // phpcs:ignore WordPress.Security.EscapeOutput.ExceptionNotEscaped -- never printed.
			}//end try
			return $result;
		}//end if
		$wpdb->query( 'START TRANSACTION' ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- transaction control.
		try {
			$result = $work();
		} catch ( \Throwable $e ) {
			$wpdb->query( 'ROLLBACK' ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- transaction control.
			throw $e;
		}
		if ( false === $wpdb->query( 'COMMIT' ) ) { // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- transaction control.
			$error = (string) $wpdb->last_error;
			$wpdb->query( 'ROLLBACK' ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- transaction control.
			throw new Storage_Exception( $error ); // phpcs:ignore WordPress.Security.EscapeOutput.ExceptionNotEscaped -- never printed.
		}
		return $result;
	}

	/**
	 * Runs a read and returns its rows.
	 *
	 * @param string $query   SQL with %i, %d, %f and %s placeholders.
	 * @param mixed  ...$args Values for the placeholders.
	 * @return array<int, array<string, string|null>>
	 */
	protected function get_rows( string $query, ...$args ): array {
		global $wpdb;
		if ( self::refuses( $query ) ) {
			return array();
		}
		$pdo = self::native_connection();
		if ( $pdo ) {
			$statement = $this->run_native( $pdo, $query, array_values( $args ) );
			$rows      = $statement ? $statement->fetchAll( \PDO::FETCH_ASSOC ) : false;
			return is_array( $rows ) ? self::stringify( $rows ) : array();
		}
		return (array) $wpdb->get_results( $wpdb->prepare( $query, ...$args ), ARRAY_A ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery,WordPress.DB.PreparedSQL.NotPrepared -- prepared here; callers pass placeholders only.
	}

	/**
	 * Runs a read and returns its first row, or null.
	 *
	 * @param string $query   SQL with placeholders.
	 * @param mixed  ...$args Values.
	 * @return array<string, string|null>|null
	 */
	protected function get_row( string $query, ...$args ): ?array {
		$rows = $this->get_rows( $query, ...$args );
		return $rows ? $rows[0] : null;
	}

	/**
	 * Runs a read and returns its first column.
	 *
	 * @param string $query   SQL with placeholders.
	 * @param mixed  ...$args Values.
	 * @return array<int, string|null>
	 */
	protected function get_col( string $query, ...$args ): array {
		$column = array();
		foreach ( $this->get_rows( $query, ...$args ) as $row ) {
			$column[] = $row ? reset( $row ) : null;
		}
		return $column;
	}

	/**
	 * Runs a read and returns the first column of its first row, or null.
	 *
	 * @param string $query   SQL with placeholders.
	 * @param mixed  ...$args Values.
	 */
	protected function get_var( string $query, ...$args ): ?string {
		$row = $this->get_row( $query, ...$args );
		return $row ? current( $row ) : null;
	}

	/**
	 * Runs a write.
	 *
	 * @param string $query   SQL with placeholders.
	 * @param mixed  ...$args Values.
	 * @return int Rows affected.
	 * @throws Storage_Exception When the database refuses it.
	 */
	protected function execute( string $query, ...$args ): int {
		global $wpdb;
		if ( self::refuses( $query ) ) {
			throw new Storage_Exception( self::$native_error ); // phpcs:ignore WordPress.Security.EscapeOutput.ExceptionNotEscaped -- never printed; logged or turned into a generic REST error.
		}
		$pdo = self::native_connection();
		if ( $pdo ) {
			$statement = $this->run_native( $pdo, $query, array_values( $args ) );
			if ( ! $statement ) {
				throw new Storage_Exception( self::$native_error ); // phpcs:ignore WordPress.Security.EscapeOutput.ExceptionNotEscaped -- never printed; logged or turned into a generic REST error.
			}
			return $statement->rowCount();
		}
		$suppress = $wpdb->suppress_errors( true );
		$result   = $wpdb->query( $wpdb->prepare( $query, ...$args ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery,WordPress.DB.PreparedSQL.NotPrepared -- prepared here; callers pass placeholders only.
		$wpdb->suppress_errors( $suppress );
		if ( false === $result ) {
			throw new Storage_Exception( (string) $wpdb->last_error ); // phpcs:ignore WordPress.Security.EscapeOutput.ExceptionNotEscaped -- never printed; logged or turned into a generic REST error.
		}
		return (int) $result;
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
		}
		foreach ( $row as $value ) {
			if ( null === $value ) {
				$values[] = 'NULL';
				continue;
			}
			$values[] = self::placeholder( $value );
			$args[]   = $value;
		}
		$this->execute( 'INSERT INTO %i (' . implode( ', ', $columns ) . ') VALUES (' . implode( ', ', $values ) . ')', ...$args );
		$pdo = self::native_connection();
		return $pdo ? (int) $pdo->lastInsertId() : (int) $wpdb->insert_id;
	}

	/**
	 * Updates rows by their columns' values.
	 *
	 * @param string               $short  Table short name.
	 * @param array<string, mixed> $fields Column => new value.
	 * @param array<string, mixed> $where  Column => value, all of which must match.
	 * @return int Rows affected.
	 * @throws Storage_Exception When the database refuses it.
	 */
	protected function update_where( string $short, array $fields, array $where ): int {
		$set  = array();
		$cond = array();
		$args = array( $this->table( $short ) );
		foreach ( $fields as $column => $value ) {
			$set[]  = '%i = ' . ( null === $value ? 'NULL' : self::placeholder( $value ) );
			$args[] = $column;
			if ( null !== $value ) {
				$args[] = $value;
			}
		}
		foreach ( $where as $column => $value ) {
			$cond[] = '%i = ' . self::placeholder( $value );
			array_push( $args, $column, $value );
		}
		return $this->execute( 'UPDATE %i SET ' . implode( ', ', $set ) . ' WHERE ' . implode( ' AND ', $cond ), ...$args );
	}

	/**
	 * "INSERT IGNORE" in the dialect the statement will run in.
	 */
	protected function insert_ignore(): string {
		return self::native_connection() ? 'INSERT OR IGNORE' : 'INSERT IGNORE';
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

	/**
	 * Whether a statement must not run, whichever way it would: a literal "?" would take a bound
	 * value on SQLite's connection (shifting the values after it) where `$wpdb->prepare()` leaves
	 * it as text. Values go in placeholders, so a statement never needs one.
	 *
	 * @param string $query SQL with placeholders.
	 */
	private static function refuses( string $query ): bool {
		if ( false === strpos( $query, '?' ) ) {
			return false;
		}
		self::$native_error = 'The statement was not run: it has a literal "?"; pass the value as a placeholder.';
		_doing_it_wrong( __METHOD__, esc_html( self::$native_error ), '0.2.0' );
		return true;
	}

	/**
	 * The placeholder for a value.
	 *
	 * @param mixed $value Value.
	 */
	private static function placeholder( $value ): string {
		return is_int( $value ) ? '%d' : ( is_float( $value ) ? '%f' : '%s' );
	}

	/**
	 * Runs a statement on the SQLite connection: placeholders become bound parameters, and %i an
	 * identifier quoted with backticks (which SQLite accepts, like MySQL).
	 *
	 * @param \PDO              $pdo   Connection.
	 * @param string            $query SQL with placeholders.
	 * @param array<int, mixed> $args  Values.
	 * @return \PDOStatement|null Null when it failed (the message is kept for the caller).
	 */
	private function run_native( \PDO $pdo, string $query, array $args ): ?\PDOStatement {
		$bind  = array();
		$next  = 0;
		$wrong = '';
		// As $wpdb->prepare() does: a quoted %s is a plain one.
		$query = str_replace( array( "'%s'", '"%s"' ), '%s', $query );
		$sql   = preg_replace_callback(
			'/%(.)/s',
			static function ( array $m ) use ( &$bind, &$next, &$wrong, $args ): string {
				if ( '%' === $m[1] ) {
					return '%';
				}
				if ( false === strpos( 'idfs', $m[1] ) ) {
					$wrong = 'the placeholder %' . $m[1];
					return '';
				}
				if ( ! array_key_exists( $next, $args ) ) {
					$wrong = 'too few values';
					return '';
				}
				$value = $args[ $next++ ];
				switch ( $m[1] ) {
					case 'i':
						return '`' . str_replace( '`', '``', (string) $value ) . '`';
					case 'd':
						$bind[] = array( (int) $value, \PDO::PARAM_INT );
						return '?';
					case 'f':
						// Six decimals and a dot whatever the locale, as $wpdb->prepare() writes them.
						$bind[] = array( sprintf( '%F', (float) $value ), \PDO::PARAM_STR );
						return '?';
					default:
						$bind[] = array( (string) $value, \PDO::PARAM_STR );
						return '?';
				}
			},
			$query
		);
		if ( '' === $wrong && substr_count( (string) $sql, '?' ) !== count( $bind ) ) {
			// Only an identifier (%i) can bring one in now; it would take a bound value too.
			$wrong = 'a "?" in an identifier';
		}
		if ( '' === $wrong && count( $args ) !== $next ) {
			// $wpdb->prepare() runs such a statement too, and says so.
			_doing_it_wrong( __METHOD__, 'The statement has more values than placeholders.', '0.2.0' );
		}
		if ( '' !== $wrong ) {
			// Like $wpdb->prepare(): a statement whose placeholders and values do not match runs not at all.
			self::$native_error = 'The statement was not run: ' . $wrong . '.';
			_doing_it_wrong( __METHOD__, esc_html( self::$native_error ), '0.2.0' );
			return null;
		}
		$started = microtime( true );
		try {
			$statement = $pdo->prepare( (string) $sql );
			foreach ( $bind as $i => $pair ) {
				$statement->bindValue( $i + 1, $pair[0], $pair[1] );
			}
			$statement->execute();
		} catch ( \PDOException $e ) {
			self::$native_error = $e->getMessage();
			return null;
		} finally {
			self::log( (string) $sql, $bind, $started );
		}
		return $statement;
	}

	/**
	 * Where WordPress keeps a query log (SAVEQUERIES, which Query Monitor and the debug bars
	 * read), a statement run directly is logged there too, with its values, like one run
	 * through $wpdb.
	 *
	 * @param string                              $sql     Statement with ? for the values.
	 * @param array<int, array{0: mixed, 1: int}> $bind Bound values.
	 * @param float                               $started When it started (microtime).
	 */
	private static function log( string $sql, array $bind, float $started ): void {
		global $wpdb;
		/**
		 * Whether statements run directly on the SQLite connection go into `$wpdb`'s query log.
		 *
		 * @since 0.2.0
		 *
		 * @param bool $log Default: whether SAVEQUERIES is on.
		 */
		if ( ! apply_filters( 'handoff_bot_log_queries', defined( 'SAVEQUERIES' ) && SAVEQUERIES ) ) {
			return;
		}
		$values = array_map(
			static function ( array $pair ) use ( $wpdb ): string {
				return \PDO::PARAM_INT === $pair[1] ? (string) $pair[0] : "'" . $wpdb->_real_escape( (string) $pair[0] ) . "'";
			},
			$bind
		);
		$shown  = preg_replace_callback(
			'/\?/',
			static function () use ( &$values ): string {
				return (string) array_shift( $values );
			},
			$sql
		);
		++$wpdb->num_queries;
		$wpdb->log_query( (string) $shown, microtime( true ) - $started, $wpdb->get_caller(), $started, array( 'handoff_bot' => 'sqlite-direct' ) );
	}

	/**
	 * Rows as $wpdb returns them: every value a string, or null.
	 *
	 * @param array<int, array<string, mixed>> $rows Rows.
	 * @return array<int, array<string, string|null>>
	 */
	private static function stringify( array $rows ): array {
		foreach ( $rows as &$row ) {
			foreach ( $row as &$value ) {
				if ( null !== $value && ! is_string( $value ) ) {
					$value = (string) $value;
				}
			}
			unset( $value );
		}
		unset( $row );
		return $rows;
	}
}
