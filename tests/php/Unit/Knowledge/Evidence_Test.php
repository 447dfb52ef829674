<?php
/**
 * Tests for reading a passage against a question.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Unit\Knowledge;

use HandoffBot\Knowledge\Answer_Type;
use HandoffBot\Knowledge\Confidence_Model;
use HandoffBot\Knowledge\Evidence;
use HandoffBot\Knowledge\Question;
use HandoffBot\Knowledge\Tokenizer;
use PHPUnit\Framework\TestCase;

/**
 * The near misses a bot must not answer as if it knew: a swapped number, name or word, a negated
 * question; and what must not count against an answer: a yes-or-no question answered with the
 * opposite, a problem told with "not", a typo.
 */
final class Evidence_Test extends TestCase {

	/**
	 * The features of a passage for a question (weights 1 for every term the site uses, 3 for others).
	 *
	 * @param string $question Question.
	 * @param string $content  Passage text.
	 * @param string $heading  Heading above it.
	 * @return array<string, float>
	 */
	private function features( string $question, string $content, string $heading = 'Help' ): array {
		$tokenizer = new Tokenizer();
		$q         = Question::parse( $question, $tokenizer );
		$known     = array_flip( $tokenizer->terms( $heading . ' ' . $content ) );
		$idf       = array();
		$df        = array();
		foreach ( $q->terms as $term ) {
			$df[ $term ]  = isset( $known[ $term ] ) ? 1 : 0;
			$idf[ $term ] = isset( $known[ $term ] ) ? 1.0 : 3.0;
		}
		$hit = array(
			'id'           => 1,
			'post_id'      => 1,
			'position'     => 0,
			'heading_path' => array( $heading ),
			'anchor'       => '',
			'content'      => $content,
			'length'       => 10,
			'score'        => 5.0,
			'matched'      => array(),
		);
		return ( new Evidence( $tokenizer ) )->weigh( $q, $hit, $idf, $df, 5.0 )['features'];
	}

	/**
	 * A number the sentence contradicts, in digits or words.
	 */
	public function test_a_number_the_sentence_contradicts_counts_against(): void {
		$this->assertSame( 1.0, $this->features( 'What does the 5 year warranty cover?', 'The 2 year warranty covers parts and labour.' )['number_away'] );
		$this->assertSame( 1.0, $this->features( 'If three identical fermions have a symmetric spin, what must the spatial variables be?', 'If two identical fermions have a symmetric spin the spatial variables must be antisymmetric.' )['number_away'] );
		$this->assertSame( 0.0, $this->features( 'Who was the fifth president?', 'Robert Hutchins was the 5th president of the university.' )['number_away'] );
	}

	/**
	 * The opposite of the question's word, unless the question asks yes or no.
	 */
	public function test_an_opposite_counts_against_except_for_a_yes_or_no_question(): void {
		$this->assertSame( 1.0, $this->features( 'What is the winter carnival called?', 'The summer carnival is called Summer Breeze.' )['opposite_sentence'] );
		$this->assertSame( 1.0, $this->features( 'What usually takes place for an unknown client?', 'Construction takes place on location for a known client.' )['opposite_sentence'] );
		$this->assertSame( 0.0, $this->features( 'Are you open on Sundays?', 'We are closed on Sundays and public holidays.' )['opposite_sentence'] );
	}

	/**
	 * A negated wh-question, but not a problem told with a negation.
	 */
	public function test_a_negated_question_counts_against_but_a_problem_told_with_not_does_not(): void {
		$this->assertSame( 1.0, $this->features( 'What did Newton not explain?', 'Newton explained the motion of the planets.' )['negated_question'] );
		$this->assertSame( 0.0, $this->features( 'My discount code does not work', 'Discount codes are case sensitive.' )['negated_question'] );
	}

	/**
	 * Names the passage lacks, and names it has only away from the answering sentence.
	 */
	public function test_names_missing_or_away_from_the_answer_count_against(): void {
		$this->assertSame( 0.5, $this->features( 'What book did Darwin publish in 1830?', 'Lyell published his famous book in 1830.' )['specific_missing'] );
		$away = $this->features( 'What book did Darwin publish in 1830?', 'Darwin sailed on the Beagle. Many years passed. Lyell published his famous book in 1830.' );
		$this->assertSame( 0.0, $away['specific_missing'] );
		$this->assertSame( 0.5, $away['specific_away'] );
	}

	/**
	 * A typo of the passage's word, or another word of its family, counts as that word.
	 */
	public function test_typos_and_word_families_count_as_the_passage_word(): void {
		$exact = $this->features( 'What planet did astrophysicists predict?', 'Some astrophysicists predicted another planet, Vulcan.' );
		$typo  = $this->features( 'What planet did astrophysisists predict?', 'Some astrophysicists predicted another planet, Vulcan.' );
		$this->assertSame( $exact['coverage'], $typo['coverage'] );
		$this->assertSame( 0.0, $typo['missing_share'] );
		$this->assertSame( 0.0, $this->features( 'What fixes the constancy of a day?', 'Rotational inertia fixes the length of a day as a constant.' )['missing_share'] );
	}

	/**
	 * Question words the passage uses far apart ask something else.
	 */
	public function test_question_words_far_apart_in_the_passage_lower_the_order(): void {
		$near = $this->features( 'Who does limited production serve?', 'Limited production serves a known client.' );
		$far  = $this->features( 'Who does limited production serve?', 'Limited editions are rare. In the same year, mass production of cars began, which served many.' );
		$this->assertGreaterThan( $far['order'], $near['order'] );
	}

	/**
	 * The model: a passage that answers outweighs a near miss on the same page.
	 */
	public function test_the_model_puts_an_answer_above_a_near_miss(): void {
		$passage = 'Construction typically takes place on location for a known client. Manufacturing involves mass production of similar items without a designated purchaser.';
		$answer  = Confidence_Model::probability( $this->features( 'Construction takes place on location for whom?', $passage ) );
		$miss    = Confidence_Model::probability( $this->features( 'What takes place on location for an unknown client?', $passage ) );
		$this->assertGreaterThan( $miss, $answer );
		$this->assertGreaterThanOrEqual( 0.0, $miss );
		$this->assertLessThanOrEqual( 1.0, $answer );
	}

	/**
	 * What a question asks for, and whether a sentence holds it.
	 */
	public function test_answer_types(): void {
		$this->assertSame( Answer_Type::DATE, Answer_Type::of_question( 'When was the Duchy of Normandy founded?' ) );
		$this->assertSame( Answer_Type::DATE, Answer_Type::of_question( 'In what year did the program end?' ) );
		$this->assertSame( Answer_Type::DURATION, Answer_Type::of_question( 'How long does delivery take?' ) );
		$this->assertSame( Answer_Type::NUMBER, Answer_Type::of_question( 'How much does express shipping cost?' ) );
		$this->assertSame( Answer_Type::PERSON, Answer_Type::of_question( 'Who founded the university?' ) );
		$this->assertSame( Answer_Type::PLACE, Answer_Type::of_question( 'Where is the observatory located?' ) );
		$this->assertSame( Answer_Type::YES_NO, Answer_Type::of_question( 'Can I pay with PayPal?' ) );
		$this->assertSame( Answer_Type::OTHER, Answer_Type::of_question( 'What does the Pro plan include?' ) );
		$this->assertTrue( Answer_Type::found_in( Answer_Type::DATE, 'The duchy was founded in 911 AD.' ) );
		$this->assertFalse( Answer_Type::found_in( Answer_Type::DATE, 'The duchy was founded by Rollo.' ) );
		$this->assertTrue( Answer_Type::found_in( Answer_Type::DURATION, 'Standard delivery takes 3 to 5 working days.' ) );
		$this->assertTrue( Answer_Type::found_in( Answer_Type::NUMBER, 'Express shipping costs $12.95.' ) );
		$this->assertTrue( Answer_Type::found_in( Answer_Type::PERSON, 'The university was founded by John D. Rockefeller.', array( 'who', 'founded', 'the', 'university' ) ) );
		$this->assertFalse( Answer_Type::found_in( Answer_Type::PERSON, 'The university was founded in 1890.', array( 'who', 'founded', 'the', 'university' ) ) );
	}

	/**
	 * A question's specific terms are its numbers and names.
	 */
	public function test_a_questions_specific_terms_are_its_numbers_and_names(): void {
		$q = Question::parse( 'What did the Royal Society of Edinburgh present in 1785?', new Tokenizer() );
		$this->assertEqualsCanonicalizing( array( 'royal', 'societi', 'edinburgh', '1785' ), $q->specifics );
		$this->assertFalse( $q->negated );
		$this->assertTrue( $q->asks() );
	}
}
