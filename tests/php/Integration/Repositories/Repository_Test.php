<?php
/**
 * Tests for the repositories' two ways of running statements.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Repositories;

use HandoffBot\Knowledge\Indexer;
use HandoffBot\Knowledge\Retriever;
use HandoffBot\Knowledge\Tokenizer;
use HandoffBot\Plugin;
use HandoffBot\Repositories\Index_Repository;
use HandoffBot\Repositories\Message_Repository;
use HandoffBot\Repositories\Rate_Limit_Repository;
use HandoffBot\Repositories\Repository;
use HandoffBot\Repositories\Storage_Exception;
use HandoffBot\Tests\Integration\Test_Case;

/**
 * Statements give the same rows whether they run through $wpdb or, on SQLite, directly on the
 * SQLite Database Integration's connection.
 */
final class Repository_Test extends Test_Case {

	/**
	 * A repository whose helpers the tests can call.
	 *
	 * @return Repository
	 */
	private function repository(): Repository {
		return new class() extends Repository {
			/**
			 * Exposes get_row().
			 *
			 * @param string $query   SQL.
			 * @param mixed  ...$args Values.
			 * @return array<string, string|null>|null
			 */
			public function row( string $query, ...$args ): ?array {
				return $this->get_row( $query, ...$args );
			}

			/**
			 * Exposes execute().
			 *
			 * @param string $query   SQL.
			 * @param mixed  ...$args Values.
			 */
			public function write( string $query, ...$args ): int {
				return $this->execute( $query, ...$args );
			}
		};
	}

	/**
	 * Puts the direct path back.
	 */
	protected function tearDown(): void {
		remove_filter( 'handoff_bot_sqlite_direct', '__return_false' );
		parent::tearDown();
	}

	/**
	 * Turns the direct SQLite path off for the rest of the test.
	 */
	private function through_wpdb(): void {
		add_filter( 'handoff_bot_sqlite_direct', '__return_false' );
	}

	/**
	 * Placeholders mean what $wpdb->prepare() makes of them, and values come back as strings.
	 */
	public function test_placeholders_and_values_match_wpdb(): void {
		global $wpdb;
		$expected = array(
			'v_text'    => "it's \\ \"quoted\" %s",
			'v_number'  => '42',
			'v_decimal' => 1.5,
			'v_percent' => '100%',
			'v_nothing' => null,
		);
		$sql      = 'SELECT %s AS v_text, %d AS v_number, %f AS v_decimal, \'100%%\' AS v_percent, NULL AS v_nothing FROM %i WHERE option_name = %s';
		$args     = array( "it's \\ \"quoted\" %s", 42, 1.5000001, $wpdb->options, 'siteurl' );
		// Decimals come back as the database writes them ("1.5" or "1.500000"): compare their value.
		$read = function () use ( $sql, $args ): ?array {
			$row = $this->repository()->row( $sql, ...$args );
			if ( $row ) {
				$row['v_decimal'] = (float) $row['v_decimal'];
			}
			return $row;
		};
		$this->assertSame( $expected, $read() );
		$this->through_wpdb();
		$this->assertSame( $expected, $read() );
	}

	/**
	 * A statement with too few values, or a placeholder the repositories do not write, runs not
	 * at all, on either path: a read finds nothing and a write is refused, as with $wpdb->prepare().
	 */
	public function test_mismatched_placeholders_run_nothing(): void {
		global $wpdb;
		add_filter( 'doing_it_wrong_trigger_error', '__return_false' );
		foreach ( array( 'direct', 'wpdb' ) as $path ) {
			if ( 'wpdb' === $path ) {
				$this->through_wpdb();
			}
			$this->assertNull( $this->repository()->row( 'SELECT option_value FROM %i WHERE option_name = %s AND autoload = %s', $wpdb->options, 'siteurl' ), "too few values ({$path})" );
			try {
				$this->repository()->write( 'UPDATE %i SET option_value = %s WHERE option_name = %s', $wpdb->options, 'changed' );
				$this->fail( "a write with too few values is refused ({$path})" );
			} catch ( Storage_Exception $e ) {
				$this->assertSame( home_url(), get_option( 'home' ) );
			}
		}
		remove_filter( 'handoff_bot_sqlite_direct', '__return_false' );
		$site = array( 'option_value' => get_option( 'siteurl' ) );
		$this->assertSame( $site, $this->repository()->row( "SELECT option_value FROM %i WHERE option_name = '%s'", $wpdb->options, 'siteurl' ), 'a quoted %s is a plain one, as in $wpdb->prepare()' );
		if ( Repository::native_connection() ) {
			$this->assertNull( $this->repository()->row( 'SELECT option_value FROM %i WHERE option_name = %1$s', $wpdb->options, 'siteurl' ), 'a numbered placeholder, which the repositories do not write' );
		}
		remove_filter( 'doing_it_wrong_trigger_error', '__return_false' );
	}

	/**
	 * A literal "?" in a statement is refused on either path, as a mismatch is: on SQLite's
	 * connection it would take one of the bound values (and shift the others), where
	 * $wpdb->prepare() leaves it as text.
	 */
	public function test_a_literal_question_mark_is_refused(): void {
		global $wpdb;
		$wrong = array();
		$note  = static function ( string $function, string $message ) use ( &$wrong ): void {
			$wrong[] = $message;
		};
		add_filter( 'doing_it_wrong_trigger_error', '__return_false' );
		add_action( 'doing_it_wrong_run', $note, 10, 2 );
		$blogname = get_option( 'blogname' );
		try {
			foreach ( array( 'direct', 'wpdb' ) as $path ) {
				if ( 'wpdb' === $path ) {
					$this->through_wpdb();
				}
				$wrong = array();
				$this->assertNull( $this->repository()->row( 'SELECT option_value FROM %i WHERE option_name = %s AND ? IS NULL', $wpdb->options, 'blogname' ), "a read with a literal ? finds nothing ({$path})" );
				$this->assertNotEmpty( $wrong, "and says why ({$path})" );
				try {
					$this->repository()->write( 'UPDATE %i SET option_value = %s WHERE option_name = %s OR ? IS NULL', $wpdb->options, 'changed', 'blogname' );
					$this->fail( "a write with a literal ? is refused ({$path})" );
				} catch ( Storage_Exception $e ) {
					$this->assertStringContainsString( '?', $e->getMessage(), $path );
				}
				wp_cache_delete( 'alloptions', 'options' );
				$this->assertSame( $blogname, get_option( 'blogname' ), "nothing was written ({$path})" );
			}
		} finally {
			remove_action( 'doing_it_wrong_run', $note, 10 );
			remove_filter( 'doing_it_wrong_trigger_error', '__return_false' );
		}//end try
	}

	/**
	 * Stored rows read back with the same types either way: strings, and null for NULL.
	 */
	public function test_stored_rows_read_back_the_same_either_way(): void {
		list( $id )  = $this->start_conversation();
		$messages    = new Message_Repository();
		$stored      = $messages->add( $id, 'visitor', 'Où est ma commande ? <b>vite</b>', array( 'page_url' => '/help/' ), 'key-direct' );
		$direct      = $messages->find( $id, $stored['id'] );
		$direct_rows = $messages->after( $id, 0 );
		$this->through_wpdb();
		$this->assertSame( $direct, $messages->find( $id, $stored['id'] ) );
		$this->assertSame( $direct_rows, $messages->after( $id, 0 ) );
		$this->assertSame( 'Où est ma commande ? <b>vite</b>', $direct['body'] );
		$this->assertNull( $direct['reply_to'] );
	}

	/**
	 * Statements run directly appear in WordPress's query log (read by Query Monitor and the
	 * debug bars) when the log is on, with their values.
	 */
	public function test_direct_statements_are_in_the_query_log(): void {
		global $wpdb;
		if ( ! Repository::native_connection() ) {
			$this->markTestSkipped( 'Only statements run directly on SQLite bypass $wpdb.' );
		}
		$before = (array) $wpdb->queries;
		$this->repository()->row( 'SELECT option_value FROM %i WHERE option_name = %s AND %d = %d', $wpdb->options, 'blogname', 1, 1 );
		$this->assertSame( $before, (array) $wpdb->queries, 'no log unless asked for' );

		add_filter( 'handoff_bot_log_queries', '__return_true' );
		$count = $wpdb->num_queries;
		$this->repository()->row( 'SELECT option_value FROM %i WHERE option_name = %s AND %d = %d', $wpdb->options, 'blogname', 1, 1 );
		remove_filter( 'handoff_bot_log_queries', '__return_true' );
		$logged        = end( $wpdb->queries );
		$wpdb->queries = $before;
		$this->assertSame( "SELECT option_value FROM `{$wpdb->options}` WHERE option_name = 'blogname' AND 1 = 1", $logged[0] );
		$this->assertIsFloat( $logged[1] );
		$this->assertSame( array( 'handoff_bot' => 'sqlite-direct' ), $logged[4] );
		$this->assertSame( $count + 1, $wpdb->num_queries );
	}

	/**
	 * A refused write is a Storage_Exception on either path, never a silent false.
	 */
	public function test_refused_write_throws(): void {
		global $wpdb;
		foreach ( array( 'direct', 'wpdb' ) as $path ) {
			if ( 'wpdb' === $path ) {
				$this->through_wpdb();
			}
			try {
				$this->repository()->write( 'INSERT INTO %i (option_name, option_value, autoload) VALUES (%s, %s, %s)', $wpdb->options, 'siteurl', 'duplicate', 'on' );
				$this->fail( "a duplicate key is refused ({$path})" );
			} catch ( Storage_Exception $e ) {
				$this->assertNotSame( '', $e->getMessage(), $path );
			}
		}
	}

	/**
	 * Rate-limit counters count the same through both paths (different SQL dialects for the upsert).
	 */
	public function test_counters_count_on_both_paths(): void {
		$counters = new Rate_Limit_Repository();
		$window   = 1700000000;
		$this->assertSame( array( 1, 1 ), $counters->hit( array( array( 'bucket-a', $window ), array( 'bucket-b', $window ) ) ) );
		$this->assertSame( array( 2, 1 ), $counters->hit( array( array( 'bucket-a', $window ), array( 'bucket-c', $window ) ) ) );
		$this->through_wpdb();
		$this->assertSame( array( 3, 2 ), $counters->hit( array( array( 'bucket-a', $window ), array( 'bucket-b', $window ) ) ) );
	}

	/**
	 * On SQLite, statements run on the integration's own connection, and indexing and searching
	 * give identical results whichever way the statements run.
	 */
	public function test_sqlite_runs_directly_and_both_paths_agree(): void {
		if ( ! $GLOBALS['wpdb'] instanceof \WP_SQLite_DB ) {
			$this->markTestSkipped( 'MySQL and MariaDB have one path only.' );
		}
		$this->assertInstanceOf( \PDO::class, Repository::native_connection() ); // phpcs:ignore WordPress.DB.RestrictedClasses.mysql__PDO -- checks which connection the statements use.

		$texts = array(
			'Returns are free within 30 days. Print the label from your account and drop the parcel off.',
			'Delivery takes two to four working days. Express delivery arrives the next day.',
			'Track your order from the link in the confirmation email.',
			'Our coffee grinder has a two-year warranty covering the motor and burrs.',
		);
		$ids   = array();
		foreach ( $texts as $i => $text ) {
			$ids[] = $this->create_post(
				array(
					'post_title'   => 'Help ' . $i,
					'post_content' => '<h2>Answer</h2><p>' . $text . '</p>',
				)
			);
		}
		$questions = array( 'how long does delivery take', 'warranty grinder', 'return parcel label', 'track order email' );
		$search    = static function () use ( $questions ): array {
			$out = array();
			foreach ( $questions as $question ) {
				$result = ( new Retriever( new Tokenizer(), new Index_Repository() ) )->search( $question, 5 );
				// Passage IDs change when a post is indexed again; everything else must not.
				foreach ( $result['hits'] as &$hit ) {
					unset( $hit['id'] );
				}
				unset( $hit );
				$out[ $question ] = $result;
			}
			return $out;
		};
		$direct    = $search();
		$this->assertNotEmpty( $direct['warranty grinder']['hits'] );

		$this->through_wpdb();
		$this->assertSame( $direct, $search(), 'the same index read through $wpdb' );

		$indexer = Plugin::boot()->indexer();
		$this->assertInstanceOf( Indexer::class, $indexer );
		foreach ( $ids as $id ) {
			$indexer->index_post( $id );
		}
		$this->assertSame( $direct, $search(), 'the index written again through $wpdb' );
	}
}
