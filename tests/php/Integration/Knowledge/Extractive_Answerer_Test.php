<?php
/**
 * Tests for the default answerer.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Knowledge;

use HandoffBot\Knowledge\Answer;
use HandoffBot\Knowledge\Extractive_Answerer;
use HandoffBot\Knowledge\Retriever;
use HandoffBot\Knowledge\Small_Talk;
use HandoffBot\Knowledge\Tokenizer;
use HandoffBot\Repositories\Index_Repository;
use HandoffBot\Settings;
use HandoffBot\Tests\Integration\Test_Case;

/**
 * Answers quote the site and cite it; when nothing fits, the bot says it does not know.
 */
final class Extractive_Answerer_Test extends Test_Case {

	/**
	 * Publishes a help page.
	 */
	protected function setUp(): void {
		parent::setUp();
		$this->create_post(
			array(
				'post_title'   => 'Llama returns',
				'post_name'    => 'llama-returns',
				'post_content' => "<!-- wp:heading -->\n<h2 class=\"wp-block-heading\">Llama refund timing</h2>\n<!-- /wp:heading -->\n<!-- wp:paragraph -->\n<p>We refund returned llamas within 3 working days of their arrival at our ranch. Your bank may take another week to show the refund.</p>\n<!-- /wp:paragraph -->\n<!-- wp:heading -->\n<h2 class=\"wp-block-heading\">Llama grooming</h2>\n<!-- /wp:heading -->\n<!-- wp:paragraph -->\n<p>Brush your llama weekly with a soft brush.</p>\n<!-- /wp:paragraph -->",
			)
		);
	}

	/**
	 * The answerer under test.
	 */
	private function answerer(): Extractive_Answerer {
		$tokenizer = new Tokenizer();
		return new Extractive_Answerer( new Retriever( $tokenizer, new Index_Repository() ), new Small_Talk(), $tokenizer, new Settings() );
	}

	/**
	 * A covered question gets sentences from the page and a citation to its section.
	 */
	public function test_answers_from_the_site_with_a_citation(): void {
		$answer = $this->answerer()->answer( 'How long does a llama refund take?', 'en' );
		$this->assertSame( Answer::KIND_ANSWER, $answer->kind );
		$this->assertStringContainsString( 'within 3 working days', $answer->body );
		$this->assertGreaterThanOrEqual( (float) ( new Settings() )->get( 'answer_threshold' ), $answer->confidence );
		$this->assertCount( 1, $answer->citations );
		$this->assertSame( 'Llama returns', $answer->citations[0]['title'] );
		$this->assertSame( home_url( '/llama-returns/#llama-refund-timing' ), $answer->citations[0]['url'] );
		$this->assertSame( 'Llama refund timing', $answer->citations[0]['heading'] );
		$this->assertNotEmpty( $answer->sources_tried );
	}

	/**
	 * A question the content cannot answer gets the plain "I don't know", citing nothing.
	 *
	 * @dataProvider unanswerable
	 *
	 * @param string $question Question.
	 */
	public function test_says_it_does_not_know( string $question ): void {
		$answer = $this->answerer()->answer( $question, 'en' );
		$this->assertSame( Answer::KIND_DONT_KNOW, $answer->kind );
		$this->assertLessThan( (float) ( new Settings() )->get( 'answer_threshold' ), $answer->confidence );
		$this->assertSame( array(), $answer->citations );
		$this->assertStringContainsString( 'couldn’t find an answer', $answer->body );
	}

	/**
	 * Questions outside the content.
	 *
	 * @return array<string, array{0: string}>
	 */
	public function unanswerable(): array {
		return array(
			'nothing matches'  => array( 'What is the airspeed velocity of an unladen swallow?' ),
			'only a side word' => array( 'Can I rent a llama for my wedding in Paris?' ),
			'only stop words'  => array( 'What is it?' ),
		);
	}

	/**
	 * The threshold setting decides between answering and not knowing.
	 */
	public function test_threshold_setting_is_respected(): void {
		$question   = 'How do I brush my llama with a comb?';
		$confidence = $this->answerer()->answer( $question, 'en' )->confidence;
		$this->assertGreaterThan( 0.0, $confidence );
		$this->assertLessThan( 1.0, $confidence );

		( new Settings() )->update( array( 'answer_threshold' => $confidence + 0.001 ) );
		$this->assertSame( Answer::KIND_DONT_KNOW, $this->answerer()->answer( $question, 'en' )->kind );
		( new Settings() )->update( array( 'answer_threshold' => $confidence ) );
		$this->assertSame( Answer::KIND_ANSWER, $this->answerer()->answer( $question, 'en' )->kind );
	}

	/**
	 * Greetings, thanks and goodbyes get short replies without a search.
	 */
	public function test_small_talk_gets_short_replies(): void {
		$queries = get_num_queries();
		$this->assertSame( Answer::KIND_SMALL_TALK, $this->answerer()->answer( 'Hello there!', 'en' )->kind );
		$this->assertSame( Answer::KIND_SMALL_TALK, $this->answerer()->answer( 'thanks a lot', 'en' )->kind );
		$this->assertSame( Answer::KIND_SMALL_TALK, $this->answerer()->answer( 'Bye!', 'en' )->kind );
		$this->assertSame( $queries, get_num_queries() );
		$this->assertSame( Answer::KIND_ANSWER, $this->answerer()->answer( 'hello, how do I brush my llama?', 'en' )->kind );
	}

	/**
	 * Other passages that answer nearly as well are cited too, best first, three at most; what
	 * the bot tried is kept with each passage's chance, and the evidence with the answer.
	 */
	public function test_close_passages_are_cited_too_up_to_three(): void {
		foreach ( array( 'Shearing llamas', 'Llama shearing guide', 'Shearing your llama', 'Llama wool and shearing' ) as $i => $title ) {
			$this->create_post(
				array(
					'post_title'   => $title,
					'post_content' => '<p>Shear your llama once a year in late spring, before the summer heat' . str_repeat( ' arrives', $i + 1 ) . '.</p>',
				)
			);
		}
		$answer = $this->answerer()->answer( 'When should I shear my llama?', 'en' );
		$this->assertSame( Answer::KIND_ANSWER, $answer->kind );
		$this->assertCount( 3, $answer->citations );
		$this->assertStringContainsString( 'once a year in late spring', $answer->body );
		$chances = array_column( $answer->sources_tried, 'confidence' );
		$this->assertSame( $answer->confidence, $chances[0] );
		$sorted = $chances;
		rsort( $sorted );
		$this->assertSame( $sorted, $chances, 'sources tried, likeliest first' );
		$this->assertArrayHasKey( 'coverage', $answer->evidence );
		$this->assertArrayHasKey( 'sentence_missing_share', $answer->evidence );
	}

	/**
	 * A page that answers a different question is not cited beside the answer.
	 */
	public function test_a_far_passage_is_not_cited(): void {
		$answer = $this->answerer()->answer( 'How long does a llama refund take?', 'en' );
		$this->assertCount( 1, $answer->citations );
	}

	/**
	 * Citation titles and headings are plain text, as visitors read them (not `Don&#8217;t`).
	 */
	public function test_citation_titles_are_plain_text(): void {
		$this->create_post(
			array(
				'post_title'   => 'Don\'t feed llamas bread & cake',
				'post_content' => "<!-- wp:heading -->\n<h2 class=\"wp-block-heading\">Treats &amp; snacks</h2>\n<!-- /wp:heading -->\n<!-- wp:paragraph -->\n<p>Llamas may eat carrots and apples as treats, never bread or cake.</p>\n<!-- /wp:paragraph -->",
			)
		);
		$answer = $this->answerer()->answer( 'Can llamas eat carrots as treats?', 'en' );
		$this->assertSame( Answer::KIND_ANSWER, $answer->kind );
		$this->assertSame( 'Don’t feed llamas bread & cake', $answer->citations[0]['title'] );
		$this->assertSame( 'Treats & snacks', $answer->citations[0]['heading'] );
	}
}
