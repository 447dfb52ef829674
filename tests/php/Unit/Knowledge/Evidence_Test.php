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
 * The near misses a bot must not answer as if it knew: another number, name or word, a negated
 * question; and what must not count against an answer: a yes-or-no question answered with the
 * opposite, a problem told with "not", a typo, a topic named in the sentence before.
 */
final class Evidence_Test extends TestCase {

	/**
	 * The features of a passage for a question (weight 1 for terms the site uses, 3 for others).
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
	 * The chance the model gives.
	 *
	 * @param string $question Question.
	 * @param string $content  Passage text.
	 */
	private function chance( string $question, string $content ): float {
		return Confidence_Model::probability( $this->features( $question, $content ) );
	}

	/**
	 * Every feature the model weighs is one Evidence gives, and Evidence gives what it says.
	 */
	public function test_the_model_weighs_only_features_the_evidence_gives(): void {
		$features = $this->features( 'How long does delivery take?', 'Delivery takes 3 working days.' );
		$this->assertSame( Evidence::FEATURES, array_keys( $features ) );
		foreach ( array_keys( Confidence_Model::WEIGHTS ) as $name ) {
			$this->assertContains( $name, Evidence::FEATURES );
		}
		foreach ( $features as $name => $value ) {
			$this->assertIsFloat( $value, $name );
			$this->assertGreaterThanOrEqual( 0.0, $value, $name );
			$this->assertLessThanOrEqual( 1.0, $value, $name );
		}
	}

	/**
	 * A number the sentence contradicts, in digits or words; not a number word used as a word.
	 */
	public function test_a_number_the_sentence_contradicts_counts_against(): void {
		$this->assertSame( 1.0, $this->features( 'What does the 5 year warranty cover?', 'The 2 year warranty covers parts and labour.' )['number_away'] );
		$this->assertSame( 1.0, $this->features( 'What do three licences cost?', 'Two licences cost $40 a month.' )['number_away'] );
		$this->assertSame( 0.0, $this->features( 'When does the fifth instalment fall due?', 'The 5th instalment falls due in May.' )['number_away'] );
		$this->assertSame( 0.0, $this->features( 'Which one of the plans includes phone support?', 'The Pro plan includes 24 hour phone support.' )['number_away'] );
		$this->assertSame( 0.0, $this->features( 'How do I set up 2FA?', 'Set up two-step verification (2FA) in Security.' )['number_away'] );
	}

	/**
	 * A number the whole passage lacks while it gives others counts against (another year), even
	 * when the answering sentence has no number; a passage with the number, or none, does not.
	 */
	public function test_a_number_the_passage_lacks_counts_against(): void {
		$passage = 'The shop opened in 1998 in Leeds. It moved to a larger building in the city centre.';
		$this->assertSame( 1.0, $this->features( 'Where did the shop move to in 2005?', $passage )['number_missing'] );
		$this->assertSame( 0.0, $this->features( 'Where did the shop move to in 1998?', $passage )['number_missing'] );
		$this->assertSame( 0.0, $this->features( 'Where did the shop move to in 2005?', 'The shop moved to a larger building in the city centre.' )['number_missing'] );
	}

	/**
	 * A question word the site uses, swapped for another between the same two words, counts
	 * against; the same words in the same order, the word with one more beside it, or a word the
	 * site never uses (a typo, the visitor's own word) do not.
	 */
	public function test_a_word_swapped_between_the_same_words_counts_against(): void {
		$this->assertSame( 1.0, $this->features( 'How do I reset the admin password?', 'You can reset the email password from your profile.', 'Admin accounts' )['swapped_sentence'] );
		$this->assertSame( 1.0, $this->features( 'Can I order express delivery to Canada?', 'You can order express shipping to Canada.', 'Delivery' )['swapped_sentence'] );
		$this->assertSame( 0.0, $this->features( 'How do I reset the admni password?', 'You can reset the email password from your profile.', 'Admin accounts' )['swapped_sentence'] );
		$this->assertSame( 0.0, $this->features( 'How do I reset the admin password?', 'You can reset the admin password from your profile.', 'Admin accounts' )['swapped_sentence'] );
		$this->assertSame( 0.0, $this->features( 'How do I reset the admin password?', 'You can reset the admin account password from your profile.', 'Admin accounts' )['swapped_sentence'] );
		$this->assertSame( 0.0, $this->features( 'How do I reset the admin password?', 'Passwords can be reset from your profile.', 'Admin accounts' )['swapped_sentence'] );
	}

	/**
	 * An opposite word counts against; a word that merely starts like one, or a yes-or-no question, does not.
	 */
	public function test_an_opposite_counts_against_but_not_for_a_yes_or_no_question(): void {
		$this->assertSame( 1.0, $this->features( 'How do I disable two-step verification?', 'Turn on two-step verification from the Security section.' )['opposite_sentence'] );
		$this->assertSame( 1.0, $this->features( 'How do I remove a card?', 'Add a card from the Billing section.' )['opposite_sentence'] );
		$this->assertSame( 1.0, $this->features( 'What is the winter opening time?', 'The summer opening time is 8 am.' )['opposite_sentence'] );
		$this->assertSame( 0.0, $this->features( 'When will I be able to download the invoice?', 'We disable downloads while an invoice is being written; you can download it an hour later.' )['opposite_sentence'] );
		$this->assertSame( 0.0, $this->features( 'Does the warranty cover water damage?', 'Our inspectors discover most water damage on arrival.' )['opposite_sentence'] );
		$this->assertSame( 0.0, $this->features( 'Are you open on Sundays?', 'We are closed on Sundays and public holidays.' )['opposite_sentence'] );
	}

	/**
	 * A negated question with its "what" anywhere counts against a sentence that negates nothing;
	 * a problem told with "not", or a "why" question, does not.
	 */
	public function test_a_negated_question_with_its_question_word_anywhere_counts_against(): void {
		$this->assertSame( 1.0, $this->features( 'Refunds are not issued for what?', 'Refunds are issued for damaged parcels.' )['negated_any'] );
		$this->assertSame( 1.0, $this->features( 'Which cards cannot be saved?', 'All cards can be saved in Billing.' )['negated_any'] );
		$this->assertSame( 0.0, $this->features( 'Which cards cannot be saved?', 'Prepaid cards cannot be saved.' )['negated_any'] );
		$this->assertSame( 0.0, $this->features( 'My discount code does not work', 'Discount codes are case sensitive.' )['negated_any'] );
		$this->assertSame( 0.0, $this->features( 'How do I check out without an account?', 'You can check out as a guest.' )['negated_any'] );
		$this->assertSame( 0.0, $this->features( 'Why doesn\'t my discount code work?', 'Discount codes are case sensitive.' )['negated_any'] );
	}

	/**
	 * A sentence that negates one of the question's words counts against it, unless the question
	 * negates too.
	 */
	public function test_a_sentence_that_negates_the_question_counts_against(): void {
		$this->assertSame( 1.0, $this->features( 'Which plan includes phone support?', 'The Basic plan does not include phone support.' )['negated_sentence'] );
		$this->assertSame( 1.0, $this->features( 'Which cards are refundable?', 'Gift cards are non-refundable.' )['negated_sentence'] );
		$this->assertSame( 0.0, $this->features( 'Which plan includes phone support?', 'The Pro plan includes phone support.' )['negated_sentence'] );
		$this->assertSame( 0.0, $this->features( 'Which plans do not include phone support?', 'The Basic plan does not include phone support.' )['negated_sentence'] );
	}

	/**
	 * An antonym of a question word in the answering sentence or one beside it counts against; the
	 * word itself does not, a typo is never read across the first letter into an antonym, and a
	 * yes-or-no question is answered by the antonym.
	 */
	public function test_an_antonym_near_the_answer_counts_against(): void {
		$decelerate = $this->features( 'What can decelerate the particles?', 'Magnets can accelerate the particles.' );
		$this->assertSame( 1.0, $decelerate['antonym_near'] );
		$this->assertGreaterThan( 0.0, $decelerate['missing_share'] );
		$this->assertSame( 1.0, $this->features( 'Who can buy the vouchers?', 'Only resellers can sell the vouchers.' )['antonym_near'] );
		$this->assertSame( 0.0, $this->features( 'Who can sell the vouchers?', 'Only resellers can sell the vouchers.' )['antonym_near'] );
		$this->assertSame( 0.0, $this->features( 'Can I buy or sell vouchers?', 'Only resellers can sell the vouchers.' )['antonym_near'] );
		// A stop word with an antonym is read too.
		$this->assertSame( 1.0, $this->features( 'Which shops use the same login?', 'The two shops use a different login.' )['antonym_near'] );
		$this->assertSame( 0.0, $this->features( 'Which shops use the same login?', 'The two shops use the same login.' )['antonym_near'] );
		// Not for a yes-or-no question, which the opposite answers: "No, they use a different login".
		$this->assertSame( 0.0, $this->features( 'Do both shops use the same login?', 'The two shops use a different login.' )['antonym_near'] );
		// In the sentence beside the answering one too; not two sentences away.
		$this->assertSame( 1.0, $this->features( 'Who can buy the vouchers?', 'Vouchers are printed in Leeds. Only resellers can sell them.' )['antonym_near'] );
		$this->assertSame( 0.0, $this->features( 'Who can buy the vouchers?', 'Vouchers are printed in Leeds. They come in three colours. Prices vary. Only resellers can sell them.' )['antonym_near'] );
	}

	/**
	 * A name the passage gives beside the answering sentence, but not in it, is told apart.
	 */
	public function test_a_name_off_the_answering_sentence_is_told_apart(): void {
		$off = $this->features( 'When did Richard flee to Normandy?', 'Richard stayed in England. Ethelred fled to Normandy in 1013.' );
		$this->assertSame( 0.5, $off['specific_off_sentence'] );
		$this->assertSame( 0.0, $off['specific_away'] );
		$this->assertSame( 0.0, $this->features( 'When did Ethelred flee to Normandy?', 'Richard stayed in England. Ethelred fled to Normandy in 1013.' )['specific_off_sentence'] );
	}

	/**
	 * Names the passage lacks, and names it has only away from the answering sentence.
	 */
	public function test_names_missing_or_away_from_the_answer_count_against(): void {
		$this->assertSame( 0.5, $this->features( 'Do you ship Bosch dishwashers to Austria?', 'We ship Bosch dishwashers to Australia.' )['specific_missing'] );
		$away = $this->features( 'How much does the Ultra plan cost?', 'The Ultra plan launches next year. Many customers ask about it. The Plus plan costs $5 a month.' );
		$this->assertSame( 0.0, $away['specific_missing'] );
		$this->assertSame( 0.5, $away['specific_away'] );
	}

	/**
	 * A name or number written another way is the same name or number: without its accents, as a
	 * number word, or in its other form ("Canadian"); a name that only starts the same is not.
	 */
	public function test_a_name_or_number_written_another_way_counts_as_present(): void {
		foreach ( array(
			array( 'Does the 2 year warranty cover batteries?', 'The two-year warranty covers batteries.' ),
			array( 'Do you deliver to Canada?', 'Canadian orders are delivered within a week.' ),
			array( 'Can I pay by card at the Zurich store?', 'The Zürich store takes every card.' ),
			array( 'Can I pay by card at the Zürich store?', 'The Zurich store takes every card.' ),
		) as list( $question, $passage ) ) {
			$features = $this->features( $question, $passage );
			$this->assertSame( 0.0, $features['specific_missing'], $question );
			$this->assertSame( 0.0, $features['specific_off_sentence'], $question );
		}
		$this->assertSame( 0.5, $this->features( 'Do you deliver to Iran?', 'We deliver to Iraq within a week.' )['specific_missing'] );
		$this->assertSame( 0.5, $this->features( 'Does the 3 year warranty cover batteries?', 'The two-year warranty covers batteries.' )['specific_missing'] );
	}

	/**
	 * Names and numbers are never read as typos of others: a near miss on a name stays a miss.
	 */
	public function test_a_name_is_not_a_typo_of_another(): void {
		foreach ( array(
			array( 'Do you ship to Austria?', 'We ship to Australia within a week.' ),
			array( 'Do you ship to Colombia?', 'We ship to Columbia within a week.' ),
			array( 'What does the 2019 release include?', 'The 2018 release includes offline mode.' ),
		) as list( $question, $passage ) ) {
			$this->assertGreaterThan( 0.0, $this->features( $question, $passage )['missing_share'], $question );
		}
		// Another known word that only starts the same is another word.
		$this->assertGreaterThan( 0.0, $this->features( 'Is there an internet plan?', 'There is an international plan.' )['missing_share'] );
		$this->assertGreaterThan( 0.0, $this->features( 'Is there a professor plan?', 'There is a professional plan.' )['missing_share'] );
	}

	/**
	 * A typo of the passage's word, or another form of it, counts as that word.
	 */
	public function test_typos_and_word_forms_count_as_the_passage_word(): void {
		$this->assertSame( 0.0, $this->features( 'How do I recieve my refund?', 'You receive your refund within a week.' )['missing_share'] );
		$this->assertSame( 0.0, $this->features( 'Where is the confirmaton email?', 'The confirmation email is sent to your inbox.' )['missing_share'] );
		$this->assertSame( 0.0, $this->features( 'How constant is the delivery time?', 'We keep delivery times constanc across regions.' )['missing_share'] );
	}

	/**
	 * A topic named in the sentence before the answer counts as present, not against.
	 */
	public function test_a_topic_named_just_before_the_answer_counts_as_present(): void {
		$named = $this->chance( 'How do I pause my subscription?', 'Subscriptions can be changed at any time. To pause, open Billing and choose a date.' );
		$left  = $this->chance( 'How do I pause my subscription?', 'Plans can be changed at any time. To pause, open Billing and choose a date.' );
		$this->assertGreaterThan( $left, $named );
	}

	/**
	 * Question words the passage uses far apart ask something else.
	 */
	public function test_question_words_far_apart_in_the_passage_lower_the_order(): void {
		$near = $this->features( 'Who handles express returns?', 'Express returns are handled by our warehouse team.' );
		$far  = $this->features( 'Who handles express returns?', 'Express delivery is fast. Our warehouse team checks every parcel, and in the spring it handles gift wrapping. Returns go to the courier.' );
		$this->assertGreaterThan( $far['order'], $near['order'] );
	}

	/**
	 * The model puts an answer above a near miss on the same page, and its chances stay in what
	 * it can give: the threshold setting must stay below the highest.
	 */
	public function test_the_model_puts_an_answer_above_a_near_miss(): void {
		$passage = 'Standard delivery takes 3 to 5 working days. Express delivery arrives the next working day.';
		$answer  = $this->chance( 'How long does standard delivery take?', $passage );
		$miss    = $this->chance( 'How long does standard delivery to Mars take?', $passage );
		$this->assertGreaterThan( $miss, $answer );
		$this->assertGreaterThan( 0.5, Confidence_Model::ceiling() );
		$this->assertLessThanOrEqual( Confidence_Model::ceiling() + 1e-9, $answer );
	}

	/**
	 * A long message does not make reading a passage slow: the work is bounded.
	 */
	public function test_a_very_long_question_is_read_in_bounded_work(): void {
		$words = array();
		for ( $i = 0; $i < 1500; $i++ ) {
			$words[] = 'zq' . base_convert( (string) ( $i * 7919 ), 10, 26 ) . 'word';
		}
		$passage  = str_repeat( 'Delivery takes three working days and returns are free within thirty days. ', 50 );
		$features = $this->features( implode( ' ', $words ) . ' delivery returns', $passage );
		$this->assertGreaterThan( 0.9, $features['missing_share'] );
	}

	/**
	 * What a question asks for, and whether a sentence holds it.
	 */
	public function test_answer_types(): void {
		$this->assertSame( Answer_Type::DATE, Answer_Type::of_question( 'When was the store opened?' ) );
		$this->assertSame( Answer_Type::DATE, Answer_Type::of_question( 'In what year did the programme end?' ) );
		$this->assertSame( Answer_Type::DURATION, Answer_Type::of_question( 'How long does delivery take?' ) );
		$this->assertSame( Answer_Type::NUMBER, Answer_Type::of_question( 'How much does express shipping cost?' ) );
		$this->assertSame( Answer_Type::PERSON, Answer_Type::of_question( 'Who founded the company?' ) );
		$this->assertSame( Answer_Type::PLACE, Answer_Type::of_question( 'Where is the warehouse located?' ) );
		$this->assertSame( Answer_Type::YES_NO, Answer_Type::of_question( 'Can I pay with PayPal?' ) );
		$this->assertSame( Answer_Type::OTHER, Answer_Type::of_question( 'What does the Pro plan include?' ) );
		// "When" and "where" beside another question word start a clause.
		$this->assertSame( Answer_Type::OTHER, Answer_Type::of_question( 'What happens when my card expires?' ) );
		$this->assertSame( Answer_Type::PERSON, Answer_Type::of_question( 'Who do I call when the order is late?' ) );
		$this->assertSame( Answer_Type::DURATION, Answer_Type::of_question( 'How long does delivery take where you live?' ) );
		$this->assertSame( Answer_Type::DATE, Answer_Type::of_question( 'In what year did it open where the old shop was?' ) );
		$this->assertTrue( Answer_Type::found_in( Answer_Type::DATE, 'The store opened in 1998.' ) );
		$this->assertFalse( Answer_Type::found_in( Answer_Type::DATE, 'The store opened with a party.' ) );
		$this->assertTrue( Answer_Type::found_in( Answer_Type::DURATION, 'Standard delivery takes 3 to 5 working days.' ) );
		$this->assertTrue( Answer_Type::found_in( Answer_Type::NUMBER, 'Express shipping costs $12.95.' ) );
		$this->assertTrue( Answer_Type::found_in( Answer_Type::PERSON, 'The company was founded by Ada Lovelace.', array( 'who', 'founded', 'the', 'company' ) ) );
		$this->assertFalse( Answer_Type::found_in( Answer_Type::PERSON, 'The company was founded in 1990.', array( 'who', 'founded', 'the', 'company' ) ) );
		$this->assertTrue( Answer_Type::found_in( Answer_Type::PERSON, 'Наш менеджер Питер ответит.', array() ) );
	}

	/**
	 * A question's specific terms are its whole numbers and its names.
	 */
	public function test_a_questions_specific_terms_are_its_numbers_and_names(): void {
		$q = Question::parse( 'Does the Pro plan include the 2024 Field Guide?', new Tokenizer() );
		$this->assertEqualsCanonicalizing( array( 'pro', 'field', 'guid', '2024' ), $q->specifics );
		$this->assertSame( array(), Question::parse( 'How do I set up 2FA on an iPhone15?', new Tokenizer() )->specifics );
	}
}
