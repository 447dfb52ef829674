<?php
/**
 * Creates and upgrades the plugin's tables.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Database;

use HandoffBot\Capabilities;
use HandoffBot\Escalation\Policy_Store;
use HandoffBot\Escalation\Policy_Validator;
use HandoffBot\Knowledge\Indexer;
use HandoffBot\Repositories\Config_Version_Repository;
use HandoffBot\Repositories\Handoff_Repository;
use HandoffBot\Repositories\Storage_Exception;
use HandoffBot\Settings;

defined( 'ABSPATH' ) || exit;

/**
 * Versioned, idempotent schema migrations.
 *
 * The installed schema version lives in an autoloaded option, so the check on every request is one
 * option read that costs no query. When the code's version is newer, dbDelta() brings every table to
 * its current definition. A failure keeps the old version, records the error for an admin notice,
 * and is retried on the next request.
 */
final class Migrator {

	/**
	 * Bump when a table definition changes.
	 */
	public const SCHEMA_VERSION = 12;

	/**
	 * Option holding the installed schema version.
	 */
	public const VERSION_OPTION = 'handoff_bot_schema_version';

	/**
	 * Option holding the last migration error, if any.
	 */
	public const ERROR_OPTION = 'handoff_bot_migration_error';

	/**
	 * Seconds a visitor's request waits after a failed migration before trying again.
	 */
	public const RETRY_AFTER = 900;

	/**
	 * Short-lived lock so that two requests do not migrate at once.
	 */
	private const LOCK_OPTION = 'handoff_bot_migration_lock';

	/**
	 * The tables this version of the plugin needs.
	 *
	 * @var Table[]|null
	 */
	private ?array $tables;

	/**
	 * Builds the migrator.
	 *
	 * @param Table[]|null $tables Tables to manage; the plugin's own by default.
	 */
	public function __construct( ?array $tables = null ) {
		// Made when needed: most requests only compare the installed version with the code's.
		$this->tables = $tables;
	}

	/**
	 * The managed tables.
	 *
	 * @return Table[]
	 */
	public function tables(): array {
		$this->tables ??= array(
			new Conversations_Table(),
			new Messages_Table(),
			new Handoffs_Table(),
			new Events_Table(),
			new Passages_Table(),
			new Terms_Table(),
			new Postings_Table(),
			new Rate_Limits_Table(),
			new Config_Versions_Table(),
			new Deliveries_Table(),
			new Report_Facts_Table(),
			new Review_Marks_Table(),
			new Review_Items_Table(),
			new Checkpoints_Table(),
			new Report_Alerts_Table(),
		);
		return $this->tables;
	}

	/**
	 * The schema version recorded in the database (0 when never installed).
	 */
	public function installed_version(): int {
		return (int) get_option( self::VERSION_OPTION, 0 );
	}

	/**
	 * Migrates when the code's schema is newer than the database's.
	 */
	public function maybe_migrate(): void {
		if ( $this->installed_version() >= self::SCHEMA_VERSION ) {
			return;
		}
		// After a failure, visitors' requests wait before trying again (a migration that fails
		// for good, on missing privileges say, must not run on every page); wp-admin, where the
		// notice is, retries at once.
		$error = get_option( self::ERROR_OPTION );
		if ( is_array( $error ) && ! is_admin() && time() - (int) ( $error['time'] ?? 0 ) < self::RETRY_AFTER ) {
			return;
		}
		$this->migrate();
	}

	/**
	 * Brings every table to its current definition. Safe to run any number of times.
	 *
	 * @return bool Whether the schema is now current.
	 */
	public function migrate(): bool {
		global $wpdb;

		if ( ! add_option( self::LOCK_OPTION, (string) time(), '', false ) ) {
			$since = (int) get_option( self::LOCK_OPTION, 0 );
			if ( time() - $since < 300 ) {
				return false;
			}
			update_option( self::LOCK_OPTION, (string) time(), false );
		}

		require_once ABSPATH . 'wp-admin/includes/upgrade.php';

		$errors           = array();
		$suppress         = $wpdb->suppress_errors( true );
		$wpdb->last_error = '';
		foreach ( $this->tables() as $table ) {
			dbDelta( $table->schema() );
			$error = self::last_error();
			if ( '' !== $error ) {
				$errors[] = $table->name() . ': ' . $error;
			} elseif ( ! $this->table_exists( $table->name() ) ) {
				$errors[] = $table->name() . ': ' . __( 'the table could not be created.', 'handoff-bot' );
			}
			$wpdb->last_error = '';
		}
		if ( ! $errors ) {
			$errors = $this->upgrade_data( $this->installed_version() );
		}
		// Errors are collected for the notice, never printed into a page or a JSON response.
		$wpdb->suppress_errors( $suppress );

		if ( $errors ) {
			update_option(
				self::ERROR_OPTION,
				array(
					'message' => implode( "\n", $errors ),
					'target'  => self::SCHEMA_VERSION,
					'time'    => time(),
				),
				false
			);
			delete_option( self::LOCK_OPTION );
			return false;
		}

		Capabilities::grant();
		update_option( self::VERSION_OPTION, self::SCHEMA_VERSION, true );
		delete_option( self::ERROR_OPTION );
		delete_option( self::LOCK_OPTION );

		/**
		 * Fires after the plugin's schema was brought up to date.
		 *
		 * @since 0.1.0
		 *
		 * @param int $version The schema version now installed.
		 */
		do_action( 'handoff_bot_migrated', self::SCHEMA_VERSION );
		return true;
	}

	/**
	 * Data changes that dbDelta() cannot make, by the version that introduced them.
	 *
	 * @param int $from Installed schema version.
	 * @return string[] Errors.
	 */
	private function upgrade_data( int $from ): array {
		global $wpdb;
		$errors = array();
		if ( $from > 0 && $from < 3 ) {
			// Version 3 stores each posting's BM25 factor; compute it for postings indexed before.
			$ok = $wpdb->query( $wpdb->prepare( 'UPDATE %i SET impact = (tf * 2.2) / (tf + 1.2 * (0.25 + 0.75 * dl / 64))', $wpdb->prefix . 'handoff_bot_postings' ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- a one-off data migration.
			if ( false === $ok ) {
				$errors[] = (string) $wpdb->last_error;
			}
		}
		if ( $from > 0 && $from < 5 ) {
			// Version 5 stores each term's postings in (impact, passage) order and each passage's in
			// (term, impact) order, so that a question reads a term's best postings, and a passage's
			// postings of its terms, from the index alone and without sorting; the older indexes go.
			$postings = $wpdb->prefix . 'handoff_bot_postings';
			foreach ( array( 'term_impact', 'passage_id' ) as $index ) {
				$old = $wpdb->get_var( $wpdb->prepare( 'SHOW INDEX FROM %i WHERE Key_name = %s', $postings, $index ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- schema introspection.
				if ( null !== $old && false === $wpdb->query( $wpdb->prepare( 'ALTER TABLE %i DROP INDEX %i', $postings, $index ) ) ) { // phpcs:ignore WordPress.DB.DirectDatabaseQuery,WordPress.DB.DirectDatabaseQuery.SchemaChange -- a one-off schema migration.
					$errors[] = (string) $wpdb->last_error;
				}
			}
		}
		if ( $from > 0 && $from < 6 ) {
			$errors = array_merge( $errors, $this->upgrade_to_6() );
		}
		if ( $from > 0 && $from < 8 ) {
			$errors = array_merge( $errors, $this->upgrade_to_8() );
		}
		if ( $from > 0 && $from < 10 ) {
			// Before version 10 nothing closed a handoff: those older than a day are nobody's to
			// take now, and close as expired (else the inbox's queue, and the queue's capacity,
			// would start full of them).
			$ok = $wpdb->query( $wpdb->prepare( "UPDATE %i SET status = 'expired', outcome = 'expired', open_key = NULL, resolved_at = %s WHERE open_key IS NOT NULL AND requested_at < %s", $wpdb->prefix . 'handoff_bot_handoffs', gmdate( 'Y-m-d H:i:s' ), gmdate( 'Y-m-d H:i:s', time() - DAY_IN_SECONDS ) ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- a one-off data migration.
			if ( false === $ok ) {
				$errors[] = (string) $wpdb->last_error;
			}
			// Version 10 keeps a conversation's open handoff on the conversation, so that the
			// visitor's poll reads the handoff only while one is open.
			$open = $wpdb->get_results( $wpdb->prepare( 'SELECT id, open_key FROM %i WHERE open_key IS NOT NULL', $wpdb->prefix . 'handoff_bot_handoffs' ), ARRAY_A ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- a one-off data migration.
			foreach ( (array) $open as $row ) {
				$ok = $wpdb->query( $wpdb->prepare( 'UPDATE %i SET handoff_id = %d WHERE id = %d', $wpdb->prefix . 'handoff_bot_conversations', (int) $row['id'], (int) $row['open_key'] ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- a one-off data migration.
				if ( false === $ok ) {
					$errors[] = (string) $wpdb->last_error;
					break;
				}
			}
		}
		// Version 4 autoloads the configuration version, which every message reads.
		if ( false === get_option( Settings::CONFIG_VERSION_OPTION ) ) {
			add_option( Settings::CONFIG_VERSION_OPTION, 1, '', true );
		} elseif ( function_exists( 'wp_set_option_autoload' ) ) {
			wp_set_option_autoload( Settings::CONFIG_VERSION_OPTION, true );
		}
		// Version 7 keeps the escalation policy's versions; the first is the defaults. Their
		// messages are translated, so before translations can load (an upgrade seen on
		// plugins_loaded) Policy_Store seeds it on init instead.
		if ( ! $errors && did_action( 'after_setup_theme' ) ) {
			try {
				( new Policy_Store( new Config_Version_Repository(), new Policy_Validator() ) )->seed();
			} catch ( Storage_Exception $e ) {
				$errors[] = ( new Config_Versions_Table() )->name() . ': ' . $e->getMessage();
			}
		}
		return $errors;
	}

	/**
	 * Version 6 keeps words that differ only by accents or case apart: the terms column gets a
	 * binary collation, which dbDelta() does not compare. It also indexes what an anonymous
	 * visitor sees, in passages of bounded size. An index built before lacks the postings of such
	 * words and may hold content only members see, so the Knowledge screen asks for a rebuild.
	 *
	 * @return string[] Errors.
	 */
	private function upgrade_to_6(): array {
		global $wpdb;
		$terms = new Terms_Table();
		if ( false === $wpdb->query( $wpdb->prepare( 'ALTER TABLE %i MODIFY ' . $terms->term_column(), $terms->name() ) ) ) { // phpcs:ignore WordPress.DB.DirectDatabaseQuery,WordPress.DB.DirectDatabaseQuery.SchemaChange,WordPress.DB.PreparedSQL.NotPrepared -- a one-off schema migration; the column definition is the plugin's own.
			return array( $terms->name() . ': ' . $wpdb->last_error );
		}
		$passages = $wpdb->get_var( $wpdb->prepare( 'SELECT COUNT(*) FROM %i', $wpdb->prefix . 'handoff_bot_passages' ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- a one-off data migration.
		if ( (int) $passages > 0 ) {
			// Not translated, like the database errors this option holds: it is stored before
			// translations load (plugins_loaded), and the screen shows its own words.
			update_option(
				Indexer::ERROR_OPTION,
				array(
					'message' => 'The index was built by an earlier version of Handoff Bot. Rebuild it so that answers use your content as anonymous visitors see it.',
					'time'    => time(),
				),
				false
			);
		}
		return array();
	}

	/**
	 * Version 8 holds a conversation to one open handoff through `handoffs.open_key`: the newest
	 * open handoff of each conversation gets its key, so that no second one opens beside it.
	 *
	 * @return string[] Errors.
	 */
	private function upgrade_to_8(): array {
		global $wpdb;
		$handoffs = $wpdb->prefix . 'handoff_bot_handoffs';
		$open     = Handoff_Repository::OPEN;
		$ids      = $wpdb->get_col( $wpdb->prepare( 'SELECT MAX(id) FROM %i WHERE open_key IS NULL AND status IN (%s, %s, %s) GROUP BY conversation_id', $handoffs, ...$open ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- a one-off data migration.
		foreach ( array_chunk( array_map( 'intval', $ids ), 500 ) as $chunk ) {
			$ok = $wpdb->query( $wpdb->prepare( 'UPDATE %i SET open_key = conversation_id WHERE id IN (' . implode( ', ', array_fill( 0, count( $chunk ), '%d' ) ) . ')', $handoffs, ...$chunk ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery,WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- a one-off data migration; the placeholders are the plugin's own.
			if ( false === $ok ) {
				return array( $handoffs . ': ' . $wpdb->last_error );
			}
		}
		return array();
	}

	/**
	 * The database's last error (dbDelta() reports failures only there).
	 */
	private static function last_error(): string {
		global $wpdb;
		return (string) $wpdb->last_error;
	}

	/**
	 * Whether a table exists.
	 *
	 * @param string $name Full table name.
	 */
	public function table_exists( string $name ): bool {
		global $wpdb;
		$found = $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', $wpdb->esc_like( $name ) ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- schema introspection must see the live database, never a cache.
		return $found === $name;
	}
}
