<?php
/**
 * Tests for the frustration signal and the sentiment score under it.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Unit\Signals;

use HandoffBot\Contracts\Signal;
use HandoffBot\Signals\Frustration_Signal;
use HandoffBot\Signals\Sentiment;

require_once __DIR__ . '/Signal_Test_Case.php';

/**
 * A frustrated visitor is noticed, strongly so when the cues add up; a visitor describing a
 * problem calmly is not; VADER's rules move the score the way they should.
 */
final class Frustration_Signal_Test extends Signal_Test_Case {

	/**
	 * {@inheritDoc}
	 */
	protected function signal(): Signal {
		return new Frustration_Signal();
	}

	/**
	 * Effort phrases and anger fire, labelled frustrated, with the phrase as evidence.
	 *
	 * @dataProvider frustrated
	 *
	 * @param string $text     Message.
	 * @param string $evidence A phrase the evidence holds.
	 */
	public function test_effort_and_anger_fire( string $text, string $evidence ): void {
		$result = $this->detect( $text );
		$this->assertTrue( $result->fired, $text );
		$this->assertGreaterThanOrEqual( 0.3, $result->score );
		$this->assertSame( 'frustrated', $result->label );
		$this->assertContains( $evidence, $result->evidence );
	}

	/**
	 * Frustrated messages.
	 *
	 * @return array<string, array{0: string, 1: string}>
	 */
	public function frustrated(): array {
		return array(
			'did not help'     => array( 'this didn\'t help', 'didn\'t help' ),
			'useless'          => array( 'useless', 'useless' ),
			'already said'     => array( 'I already said that', 'i already said' ),
			'not listening'    => array( 'you\'re not listening', 'you\'re not listening' ),
			'waste of time'    => array( 'what a waste of time', 'waste of time' ),
			'third time'       => array( 'for the third time, where is it', 'for the third time' ),
			'swearing'         => array( 'where is my f***ing parcel', 'f***ing' ),
			'frustrating'      => array( 'this is so frustrating', 'frustrating' ),
			'curly apostrophe' => array( 'That’s not what I asked', 'that\'s not what i asked' ),
		);
	}

	/**
	 * A problem told calmly, a question, thanks: no frustration.
	 *
	 * @dataProvider calm
	 *
	 * @param string $text Message.
	 */
	public function test_a_calm_problem_or_question_does_not_fire( string $text ): void {
		$result = $this->detect( $text );
		$this->assertFalse( $result->fired, $text . ' scored ' . $result->score );
		$this->assertSame( array(), $result->evidence );
	}

	/**
	 * Calm messages.
	 *
	 * @return array<string, array{0: string}>
	 */
	public function calm(): array {
		return self::rows(
			array(
				'my parcel arrived damaged',
				'my card was declined',
				'I lost my password',
				'the app keeps crashing when I open it',
				'how long does delivery take?',
				'where is my order??',
				'thanks, that helped!',
				'no worries, I\'ll try that',
				'do you ship to PO boxes?',
			)
		);
	}

	/**
	 * Strong frustration (what the frustration rule hands off at, 0.6 by default) takes cues
	 * that add up; a single effort phrase fires but stays below it.
	 */
	public function test_cues_add_up_to_strong_frustration(): void {
		$one  = $this->detect( 'this didn\'t help' );
		$more = $this->detect( 'I already said that, you\'re not listening!!' );
		$this->assertLessThan( 0.6, $one->score );
		$this->assertGreaterThanOrEqual( 0.6, $more->score );
		$this->assertGreaterThan( $one->score, $more->score );
	}

	/**
	 * Shouting, and "!!!" or "???", strengthen what is said.
	 */
	public function test_shouting_and_repeated_punctuation_strengthen(): void {
		$plain    = $this->detect( 'where is my parcel, this is ridiculous' )->score;
		$shouting = $this->detect( 'WHERE IS MY PARCEL, THIS IS RIDICULOUS' );
		$marks    = $this->detect( 'where is my parcel, this is ridiculous!!!' )->score;
		$this->assertGreaterThan( $plain, $shouting->score );
		$this->assertContains( 'WHERE IS MY PARCEL THIS IS RIDICULOUS', $shouting->evidence );
		$this->assertGreaterThan( $plain, $marks );
		$this->assertFalse( $this->detect( 'AGENT' )->fired, 'One word in capitals is not shouting.' );
	}

	/**
	 * A "not helpful" click on the bot's last reply counts, even before any word does; an older
	 * click, or one on an agent's reply, does not.
	 */
	public function test_a_negative_click_on_the_last_reply_counts(): void {
		$history = array(
			array(
				'role' => 'visitor',
				'body' => 'where is my parcel',
			),
			array(
				'role'     => 'bot',
				'body'     => 'It is on its way.',
				'kind'     => 'answer',
				'feedback' => -1,
			),
		);
		$result  = $this->detect( 'ok, and when will it arrive', $history );
		$this->assertTrue( $result->fired );
		$this->assertSame( 'negative', $result->label );
		$this->assertSame( array( 'marked unhelpful' ), $result->evidence );

		$history[] = array(
			'role'     => 'bot',
			'body'     => 'Anything else?',
			'kind'     => 'answer',
			'feedback' => null,
		);
		$this->assertFalse( $this->detect( 'ok, and when will it arrive', $history )->fired );
	}

	/**
	 * VADER's rules on the lexicon: negation turns a word round, boosters and capitals and
	 * "!" make it stronger, "but" puts the weight on what follows, problem words weigh less.
	 */
	public function test_the_sentiment_score_follows_vaders_rules(): void {
		$sentiment = new Sentiment();
		$good      = $sentiment->score( 'The service is good' )['compound'];
		$this->assertGreaterThan( 0.3, $good );
		$this->assertLessThan( 0, $sentiment->score( 'The service is not good' )['compound'] );
		$this->assertLessThan( 0, $sentiment->score( 'The service isn\'t good' )['compound'] );
		$this->assertGreaterThan( $good, $sentiment->score( 'The service is very good' )['compound'] );
		$this->assertGreaterThan( $good, $sentiment->score( 'The service is GOOD' )['compound'] );
		$this->assertGreaterThan( $good, $sentiment->score( 'The service is good!!!' )['compound'] );
		$this->assertLessThan( 0, $sentiment->score( 'The food is good but the service is awful' )['compound'] );
		$this->assertGreaterThan( $sentiment->score( 'this is terrible' )['compound'], $sentiment->score( 'this is broken' )['compound'] );
		$this->assertSame( array( 'terrible' ), $sentiment->score( 'this is terrible' )['words'] );
		$this->assertSame( 0.0, $sentiment->score( 'do you ship to PO boxes' )['compound'], '"PO" is not the slang word.' );
	}

	/**
	 * The lexicon is VADER's: thousands of rated tokens, emoticons included, in [-4, 4].
	 */
	public function test_the_lexicon_is_loaded_with_its_ratings(): void {
		$lexicon = Sentiment::lexicon();
		$this->assertGreaterThan( 7000, count( $lexicon ) );
		$this->assertSame( -2.7, $lexicon['hate'] );
		$this->assertSame( 2.0, $lexicon[':)'] );
		$this->assertLessThanOrEqual( 4.0, max( $lexicon ) );
		$this->assertGreaterThanOrEqual( -4.0, min( $lexicon ) );
		$this->assertFileExists( dirname( __DIR__, 4 ) . '/includes/Signals/data/LICENSE-vader.txt' );
		$this->assertStringContainsString( 'Hutto', (string) file_get_contents( dirname( __DIR__, 4 ) . '/readme.txt' ) );
	}
}
