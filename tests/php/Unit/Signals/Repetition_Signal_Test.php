<?php
/**
 * Tests for the repetition signal.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Unit\Signals;

use HandoffBot\Contracts\Signal;
use HandoffBot\Escalation\Policy;
use HandoffBot\Signals\Repetition_Signal;

require_once __DIR__ . '/Signal_Test_Case.php';

/**
 * The same question asked again, in the same or other words, fires with the earlier message as
 * evidence; a new question does not.
 */
final class Repetition_Signal_Test extends Signal_Test_Case {

	/**
	 * {@inheritDoc}
	 */
	protected function signal(): Signal {
		return new Repetition_Signal();
	}

	/**
	 * A conversation where the visitor asked two things.
	 *
	 * @param string $first First question.
	 * @return list<array{role: string, body: string, kind?: string}>
	 */
	private function history( string $first = 'How do I send back a package?' ): array {
		return array(
			array(
				'role' => 'visitor',
				'body' => $first,
			),
			array(
				'role' => 'bot',
				'body' => 'Returns are free within 30 days.',
				'kind' => 'answer',
			),
			array(
				'role' => 'visitor',
				'body' => 'Do you ship to Canada?',
			),
			array(
				'role' => 'bot',
				'body' => 'Yes.',
				'kind' => 'answer',
			),
		);
	}

	/**
	 * Asked again: the same words, other forms, other words for the same thing.
	 *
	 * @dataProvider again
	 *
	 * @param string $text Message.
	 */
	public function test_asking_again_fires_with_the_earlier_message( string $text ): void {
		$result = $this->detect( $text, $this->history() );
		$this->assertTrue( $result->fired, $text . ' scored ' . $result->score );
		$this->assertSame( array( 'How do I send back a package?' ), $result->evidence );
		$this->assertGreaterThanOrEqual( 0.6, $result->score );
	}

	/**
	 * The question again.
	 *
	 * @return array<string, array{0: string}>
	 */
	public function again(): array {
		return self::rows( array( 'how do I send back a package???', 'How can I return a parcel?', 'sending back packages, how?' ) );
	}

	/**
	 * Something new, or nothing at all, is not asked again.
	 *
	 * @dataProvider new_questions
	 *
	 * @param string $text Message.
	 */
	public function test_a_new_question_does_not_fire( string $text ): void {
		$this->assertFalse( $this->detect( $text, $this->history() )->fired, $text );
	}

	/**
	 * New questions.
	 *
	 * @return array<string, array{0: string}>
	 */
	public function new_questions(): array {
		return self::rows( array( 'What payment methods do you accept?', 'ok thanks', 'Can I change my delivery address?' ) );
	}

	/**
	 * The first message repeats nothing, and the threshold is the policy's.
	 */
	public function test_the_first_message_repeats_nothing_and_the_threshold_is_the_policys(): void {
		$this->assertFalse( $this->detect( 'How do I send back a package?' )->fired );
		$text   = 'Can I send back a parcel I bought in the Canada shop with a gift card?';
		$result = $this->detect( $text, $this->history() );
		$this->assertFalse( $result->fired );
		$this->assertGreaterThan( 0.3, $result->score );
		$loose = $this->policy( array( 'thresholds' => array( 'repetition' => 0.3 ) + Policy::THRESHOLDS ) );
		$this->assertTrue( $this->detect( $text, $this->history(), $loose )->fired );
	}

	/**
	 * A long earlier message is cut short in the evidence.
	 */
	public function test_the_evidence_is_cut_short(): void {
		$long   = 'How do I send back a package ' . str_repeat( 'that I bought from your shop last week ', 5 );
		$result = $this->detect( $long, $this->history( $long ) );
		$this->assertTrue( $result->fired );
		$this->assertLessThanOrEqual( 80, mb_strlen( $result->evidence[0] ) );
		$this->assertStringEndsWith( '…', $result->evidence[0] );
	}
}
