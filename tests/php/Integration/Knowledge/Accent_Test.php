<?php
/**
 * Words that differ only by an accent are different terms, on every database.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Knowledge;

use HandoffBot\Plugin;
use HandoffBot\Knowledge\Retriever;
use HandoffBot\Knowledge\Tokenizer;
use HandoffBot\Repositories\Index_Repository;
use HandoffBot\Tests\Integration\Test_Case;

/**
 * MySQL and MariaDB compare text with the table's collation, which ignores accents and case:
 * the terms table must not, or `café` and `cafe` share one row and one of them loses its postings.
 */
final class Accent_Test extends Test_Case {

	/**
	 * The pages, spelling => post ID.
	 *
	 * @var array<string, int>
	 */
	private array $pages = array();

	/**
	 * Publishes a page for each spelling, in the given order.
	 *
	 * @param string[] $order Spellings.
	 */
	private function publish( array $order ): void {
		$content = array(
			'café' => '<p>Our café serves zebracorn espresso on the terrace.</p>',
			'cafe' => '<p>The cafe lounge has free zebracorn wifi upstairs.</p>',
		);
		foreach ( $order as $spelling ) {
			$this->pages[ $spelling ] = $this->create_post(
				array(
					'post_title'   => 'Page ' . ( 'café' === $spelling ? 'one' : 'two' ),
					'post_content' => $content[ $spelling ],
				)
			);
		}
	}

	/**
	 * The best page for a question, and the question's terms it matched.
	 *
	 * @param string $question Question.
	 * @return array{0: int, 1: list<string>}
	 */
	private function best( string $question ): array {
		$hits = ( new Retriever( new Tokenizer(), new Index_Repository() ) )->search( $question )['hits'];
		$this->assertNotEmpty( $hits, $question );
		return array( $hits[0]['post_id'], $hits[0]['matched'] );
	}

	/**
	 * Asserts that each spelling finds its own page and is stored as its own term.
	 */
	private function assert_each_spelling_finds_its_page(): void {
		global $wpdb;
		$this->assertSame( array( $this->pages['café'], array( 'café' ) ), $this->best( 'café' ) );
		$this->assertSame( array( $this->pages['cafe'], array( 'cafe' ) ), $this->best( 'cafe' ) );
		$terms = $wpdb->get_col( $wpdb->prepare( 'SELECT term FROM %i WHERE df > 0', $wpdb->prefix . 'handoff_bot_terms' ) );
		$this->assertContains( 'café', $terms );
		$this->assertContains( 'cafe', $terms );
	}

	/**
	 * Saved one after the other, in either order.
	 *
	 * @dataProvider orders
	 *
	 * @param string[] $order Spellings in the order their pages are published.
	 */
	public function test_each_spelling_finds_its_own_page( array $order ): void {
		$this->publish( $order );
		$this->assert_each_spelling_finds_its_page();
	}

	/**
	 * Both orders.
	 *
	 * @return array<string, array{0: string[]}>
	 */
	public function orders(): array {
		return array(
			'accented first' => array( array( 'café', 'cafe' ) ),
			'plain first'    => array( array( 'cafe', 'café' ) ),
		);
	}

	/**
	 * Indexed together in one rebuild batch (the terms go to the database in one statement).
	 */
	public function test_a_rebuild_keeps_both_spellings(): void {
		$this->publish( array( 'café', 'cafe' ) );
		Plugin::boot()->indexer()->rebuild_batch( 0, 100 );
		$this->assert_each_spelling_finds_its_page();
	}

	/**
	 * A visitor asking with either spelling gets the page that uses it, and no warning is raised.
	 */
	public function test_visitor_questions_cite_the_page_with_their_spelling(): void {
		$this->publish( array( 'café', 'cafe' ) );
		$_SERVER['REMOTE_ADDR'] = '203.0.113.' . wp_rand( 1, 254 );
		try {
			foreach ( array(
				'Does the café serve espresso?' => 'café',
				'Does the cafe have wifi?'      => 'cafe',
			) as $question => $spelling ) {
				list( $id, $token ) = $this->start_conversation();
				$reply              = $this->send( $id, $token, $question )->get_data()['reply'];
				$this->assertSame( 'answer', $reply['kind'], $question );
				$this->assertSame( get_permalink( $this->pages[ $spelling ] ), $reply['citations'][0]['url'], $question );
			}
		} finally {
			$_SERVER['REMOTE_ADDR'] = '127.0.0.1';
		}
	}
}
