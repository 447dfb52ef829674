<?php
/**
 * Tests for BM25 ranking on the real database.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Knowledge;

use HandoffBot\Knowledge\Retriever;
use HandoffBot\Knowledge\Tokenizer;
use HandoffBot\Repositories\Index_Repository;
use HandoffBot\Tests\Integration\Test_Case;

/**
 * The database computes the same scores and order as a reference BM25 computed here in PHP, so
 * SQLite and MariaDB (this suite runs on both) agree.
 */
final class Retriever_Test extends Test_Case {

	/**
	 * A small corpus where BM25's length normalisation and idf decide the order.
	 *
	 * @return array<string, string>
	 */
	private function corpus(): array {
		return array(
			'short'    => 'Quokka refunds arrive quickly.',
			'long'     => 'Quokka refunds arrive after the quokka review of the quokka parcel, which our quokka team checks in the quokka warehouse with great care and patience over several days.',
			'other'    => 'Wombat deliveries leave every morning.',
			'rare'     => 'Quokka wombat numbat.',
			'unrelate' => 'Gardening tips for spring.',
		);
	}

	/**
	 * A reference BM25 over the tokens the index stores (heading path + heading + content).
	 *
	 * @param array<string, string[]> $docs  Name => terms.
	 * @param string[]                $query Query terms.
	 * @return array<string, float> name => score, best first, zero scores dropped.
	 */
	private function reference_bm25( array $docs, array $query ): array {
		global $wpdb;
		// The index may hold other content too: use its real passage count.
		$n      = ( new Index_Repository() )->stats()['passages'];
		$scores = array();
		foreach ( $docs as $name => $terms ) {
			$tf    = array_count_values( $terms );
			$dl    = count( $terms );
			$score = 0.0;
			foreach ( array_unique( $query ) as $q ) {
				if ( empty( $tf[ $q ] ) ) {
					continue;
				}
				$df  = (int) $wpdb->get_var( $wpdb->prepare( 'SELECT df FROM %i WHERE term = %s', $wpdb->prefix . 'handoff_bot_terms', $q ) );
				$idf = log( 1 + ( $n - $df + 0.5 ) / ( $df + 0.5 ) );
				// BM25 with k1 = 1.2, b = 0.75 and the average passage length fixed at 64 terms.
				$score += $idf * round( ( $tf[ $q ] * 2.2 ) / ( $tf[ $q ] + 1.2 * ( 0.25 + 0.75 * $dl / 64 ) ), 6 );
			}
			if ( $score > 0 ) {
				$scores[ $name ] = round( $score, 6 );
			}
		}
		arsort( $scores );
		return $scores;
	}

	/**
	 * Publishes one untitled page per text.
	 *
	 * @param array<string, string> $texts Name => text.
	 * @return array{0: array<string, string[]>, 1: array<int, string>} The terms the index stores
	 *         for each name (heading path + heading + content), and post ID => name.
	 */
	private function publish( array $texts ): array {
		$tokenizer = new Tokenizer();
		$docs      = array();
		$by_post   = array();
		foreach ( $texts as $name => $text ) {
			$id             = $this->create_post(
				array(
					'post_title'   => '',
					'post_content' => '<p>' . $text . '</p>',
				)
			);
			$by_post[ $id ] = $name;
			$docs[ $name ]  = $tokenizer->terms( "\n\n" . $text );
		}
		return array( $docs, $by_post );
	}

	/**
	 * The ranking equals the reference, score for score.
	 */
	public function test_ranking_matches_reference_bm25(): void {
		$tokenizer              = new Tokenizer();
		list( $docs, $by_post ) = $this->publish( $this->corpus() );

		foreach ( array( 'quokka refunds', 'wombat', 'numbat quokka', 'quokka' ) as $question ) {
			$expected = $this->reference_bm25( $docs, $tokenizer->terms( $question ) );
			$result   = ( new Retriever( $tokenizer, new Index_Repository() ) )->search( $question, 10 );
			$actual   = array();
			foreach ( $result['hits'] as $hit ) {
				if ( isset( $by_post[ $hit['post_id'] ] ) ) {
					$actual[ $by_post[ $hit['post_id'] ] ] = $hit['score'];
				}
			}
			$this->assertSame( array_keys( $expected ), array_keys( $actual ), "order for '{$question}'" );
			foreach ( $expected as $name => $score ) {
				$this->assertEqualsWithDelta( $score, $actual[ $name ], 1e-5, "score of {$name} for '{$question}'" );
			}
		}
	}

	/**
	 * Length normalisation: the short passage beats the long one that repeats the word.
	 */
	public function test_short_focused_passage_beats_long_repetitive_one(): void {
		foreach ( $this->corpus() as $text ) {
			$this->create_post( array( 'post_content' => '<p>' . $text . '</p>' ) );
		}
		$hits = ( new Retriever( new Tokenizer(), new Index_Repository() ) )->search( 'refunds arrive', 2 )['hits'];
		$this->assertSame( 'Quokka refunds arrive quickly.', $hits[0]['content'] );
		$this->assertGreaterThan( $hits[1]['score'], $hits[0]['score'] );
	}

	/**
	 * A question reads only each term's best postings; a candidate that holds a term outside
	 * those still gets that term's full weight, so the ranking stays exact BM25.
	 */
	public function test_terms_cut_short_are_rescored_exactly(): void {
		$tokenizer              = new Tokenizer();
		$texts                  = array(
			'dense1' => 'Parcel parcel parcel.',
			'dense2' => 'Parcel parcel.',
			'dense3' => 'Parcel tracking.',
			'target' => 'Quokka care: feed the quokka at dawn, then check the parcel list, the shelter roster, the water bowls and the garden gate before lunch every day.',
			'quokka' => 'Quokka facts and the quokka diet, sleep and habitat for visitors.',
		);
		list( $docs, $by_post ) = $this->publish( $texts );
		$expected               = $this->reference_bm25( $docs, $tokenizer->terms( 'quokka parcel' ) );

		// Two postings per term: "parcel" in the target is not among its best two.
		$hits   = ( new Retriever( $tokenizer, new Index_Repository( 2 ) ) )->search( 'quokka parcel', 10 )['hits'];
		$actual = array();
		foreach ( $hits as $hit ) {
			if ( isset( $by_post[ $hit['post_id'] ] ) ) {
				$actual[ $by_post[ $hit['post_id'] ] ] = $hit;
			}
		}
		$this->assertSame( 'target', array_key_first( $expected ), 'the target is the best passage' );
		$this->assertSame( 'target', array_key_first( $actual ) );
		$this->assertEqualsCanonicalizing( array( 'quokka', 'parcel' ), $actual['target']['matched'] );
		$this->assertEqualsWithDelta( $expected['target'], $actual['target']['score'], 1e-5 );
	}

	/**
	 * Numbers are terms like any other, and come back as the strings they are.
	 */
	public function test_numbers_match_as_terms(): void {
		$this->create_post( array( 'post_content' => '<p>Returns are free within 30 days of delivery.</p>' ) );
		$this->create_post( array( 'post_content' => '<p>Returns of opened items cost a small fee.</p>' ) );
		$hits = ( new Retriever( new Tokenizer(), new Index_Repository() ) )->search( 'returns after 30 days', 2 )['hits'];
		$this->assertSame( 'Returns are free within 30 days of delivery.', $hits[0]['content'] );
		$this->assertContains( '30', $hits[0]['matched'] );
		foreach ( $hits[0]['matched'] as $term ) {
			$this->assertIsString( $term );
		}
	}

	/**
	 * Words the site never uses get the highest weight and match nothing.
	 */
	public function test_unknown_words_weigh_most_and_match_nothing(): void {
		$this->create_post( array( 'post_content' => '<p>Quokka refunds arrive quickly.</p>' ) );
		$result = ( new Retriever( new Tokenizer(), new Index_Repository() ) )->search( 'xylophone quokka' );
		$this->assertGreaterThan( $result['idf']['quokka'], $result['idf']['xylophon'] );
		$this->assertSame( array( 'quokka' ), array_values( array_unique( $result['hits'][0]['matched'] ) ) );
		$this->assertSame( array(), ( new Retriever( new Tokenizer(), new Index_Repository() ) )->search( 'xylophone' )['hits'] );
	}

	/**
	 * A very long question reads the postings of its rarest few dozen terms only, and still finds
	 * the page: its work is bounded, and SQLite's limit on compound statements (500) is never met.
	 */
	public function test_a_question_of_hundreds_of_terms_reads_only_its_rarest_terms(): void {
		global $wpdb;
		$this->create_post( array( 'post_content' => '<p>Quokka refunds arrive quickly by courier.</p>' ) );
		// Many words the site uses (each on two pages of their own), and many it never uses.
		$common = array();
		for ( $i = 0; $i < 40; $i++ ) {
			$common[] = 'zebra' . $this->letters( $i );
			$this->create_post( array( 'post_content' => '<p>' . end( $common ) . ' stripes</p>' ) );
			$this->create_post( array( 'post_content' => '<p>' . end( $common ) . ' manes</p>' ) );
		}
		$unknown = array();
		for ( $i = 0; $i < 560; $i++ ) {
			$unknown[] = 'xq' . $this->letters( $i );
		}
		$question = implode( ' ', array_merge( $unknown, $common, array( 'quokka', 'refunds', 'courier' ) ) );

		$statements = array();
		$collect    = static function ( string $sql ) use ( &$statements ): string {
			$statements[] = $sql;
			return $sql;
		};
		add_filter( 'query', $collect );
		add_filter( 'handoff_bot_log_queries', '__return_true' );
		$wpdb->queries = array();
		try {
			$result = ( new Retriever( new Tokenizer(), new Index_Repository() ) )->search( $question, 5 );
		} finally {
			remove_filter( 'query', $collect );
			remove_filter( 'handoff_bot_log_queries', '__return_true' );
		}
		foreach ( (array) $wpdb->queries as $logged ) {
			$statements[] = (string) $logged[0];
		}
		$wpdb->queries = array();

		$this->assertGreaterThan( 500, count( $result['terms'] ) );
		$this->assertContains( 'Quokka refunds arrive quickly by courier.', array_column( $result['hits'], 'content' ) );
		$postings = array_filter(
			$statements,
			static function ( string $sql ): bool {
				return false !== stripos( $sql, 'UNION ALL' );
			}
		);
		$this->assertNotEmpty( $postings );
		foreach ( $postings as $sql ) {
			$this->assertLessThanOrEqual( Retriever::MAX_TERMS - 1, substr_count( $sql, 'UNION ALL' ) );
		}
	}

	/**
	 * A short run of letters for a number, so that made-up words stay words (no digits).
	 *
	 * @param int $n Number.
	 */
	private function letters( int $n ): string {
		$out = '';
		do {
			$out = chr( 97 + $n % 26 ) . $out;
			$n   = intdiv( $n, 26 );
		} while ( $n > 0 );
		return $out;
	}
}
