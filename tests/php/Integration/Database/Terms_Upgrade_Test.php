<?php
/**
 * The upgrade to schema 6 makes the terms column binary.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Database;

use HandoffBot\Database\Migrator;
use HandoffBot\Knowledge\Indexer;
use HandoffBot\Knowledge\Retriever;
use HandoffBot\Knowledge\Tokenizer;
use HandoffBot\Plugin;
use HandoffBot\Repositories\Index_Repository;
use HandoffBot\Repositories\Repository;
use HandoffBot\Tests\Integration\Test_Case;

/**
 * Runs without the test transaction (DDL commits it on MariaDB); puts the schema and the index
 * back afterwards.
 */
final class Terms_Upgrade_Test extends Test_Case {

	/**
	 * No transaction (see the class comment).
	 *
	 * @var bool
	 */
	protected bool $use_transaction = false;

	/**
	 * The post this test made.
	 *
	 * @var int
	 */
	private int $post_id = 0;

	/**
	 * Restores the current schema, removes the post and rebuilds the index.
	 */
	protected function tearDown(): void {
		// From version 5, so that the terms column gets its collation back too.
		update_option( Migrator::VERSION_OPTION, 5 );
		( new Migrator() )->migrate();
		if ( $this->post_id ) {
			wp_delete_post( $this->post_id, true );
		}
		Plugin::boot()->indexer()->rebuild_batch( 0, 1000 );
		delete_option( Indexer::ERROR_OPTION );
		delete_option( Migrator::ERROR_OPTION );
		parent::tearDown();
	}

	/**
	 * The terms column's collation as the database describes it.
	 */
	private function term_collation(): string {
		global $wpdb;
		foreach ( (array) $wpdb->get_results( $wpdb->prepare( 'SHOW FULL COLUMNS FROM %i', $wpdb->prefix . 'handoff_bot_terms' ), ARRAY_A ) as $column ) {
			if ( 'term' === $column['Field'] ) {
				return strtolower( (string) $column['Collation'] );
			}
		}
		return '';
	}

	/**
	 * A site on schema 5, whose terms column has the table's collation, is upgraded: the column
	 * becomes binary with its terms kept, `cafe` can join `café`, and the Knowledge screen asks
	 * for a rebuild of the index built before.
	 */
	public function test_upgrade_from_5_makes_terms_binary_and_asks_for_a_rebuild(): void {
		global $wpdb;
		$terms         = $wpdb->prefix . 'handoff_bot_terms';
		$this->post_id = $this->create_post( array( 'post_content' => '<p>Our café serves zebracorn espresso.</p>' ) );
		delete_option( Indexer::ERROR_OPTION );
		$this->assertNotFalse( $wpdb->query( $wpdb->prepare( 'ALTER TABLE %i MODIFY term varchar(64) NOT NULL', $terms ) ), $wpdb->last_error );
		$this->assertStringEndsNotWith( '_bin', $this->term_collation() );
		update_option( Migrator::VERSION_OPTION, 5 );

		$this->assertTrue( ( new Migrator() )->migrate(), (string) wp_json_encode( get_option( Migrator::ERROR_OPTION ) ) );

		$this->assertSame( Migrator::SCHEMA_VERSION, ( new Migrator() )->installed_version() );
		$this->assertSame( $wpdb->charset . '_bin', $this->term_collation() );
		$this->assertSame( '1', $wpdb->get_var( $wpdb->prepare( 'SELECT COUNT(*) FROM %i WHERE term = %s', $terms, 'café' ) ), 'the terms are kept' );
		$this->assertSame( 1, $wpdb->query( $wpdb->prepare( 'INSERT INTO %i (term, df) VALUES (%s, 0)', $terms, 'cafe' ) ), (string) $wpdb->last_error );
		$this->assertSame( array( 'cafe', 'café' ), $wpdb->get_col( $wpdb->prepare( 'SELECT term FROM %i WHERE term IN (%s, %s) ORDER BY term', $terms, 'café', 'cafe' ) ) );

		wp_set_current_user( $this->create_user( 'administrator' ) );
		$last = $this->rest( 'GET', '/handoff-bot/v1/index' )->get_data()['last_error'];
		$this->assertIsArray( $last );
		$this->assertStringContainsString( 'Rebuild', $last['message'] );
	}

	/**
	 * Should the column still fold accents (an upgrade that could not run yet), questions raise
	 * no PHP warning during a visitor's request: the repository hands back terms as asked.
	 */
	public function test_a_folding_terms_column_raises_no_warning(): void {
		global $wpdb;
		if ( Repository::native_connection() ) {
			$this->markTestSkipped( 'SQLite compares these terms byte for byte whatever the column says.' );
		}
		$this->assertNotFalse( $wpdb->query( $wpdb->prepare( 'ALTER TABLE %i MODIFY term varchar(64) COLLATE utf8mb4_unicode_ci NOT NULL', $wpdb->prefix . 'handoff_bot_terms' ) ), $wpdb->last_error );
		$this->post_id = $this->create_post( array( 'post_content' => '<p>Our café serves zebracorn espresso. The cafe lounge has zebracorn wifi.</p>' ) );

		$retriever = new Retriever( new Tokenizer(), new Index_Repository() );
		foreach ( array( 'café', 'cafe' ) as $question ) {
			$hits = $retriever->search( $question )['hits'];
			$this->assertNotEmpty( $hits, $question );
			$this->assertSame( $this->post_id, $hits[0]['post_id'] );
			$this->assertSame( array( $question ), $hits[0]['matched'] );
		}
	}

	/**
	 * A fresh install has the binary column and asks for nothing.
	 */
	public function test_fresh_install_has_a_binary_terms_column(): void {
		global $wpdb;
		$this->assertSame( $wpdb->charset . '_bin', $this->term_collation() );
		update_option( Migrator::VERSION_OPTION, 0 );
		$this->assertTrue( ( new Migrator() )->migrate() );
		$this->assertFalse( get_option( Indexer::ERROR_OPTION ) );
	}
}
