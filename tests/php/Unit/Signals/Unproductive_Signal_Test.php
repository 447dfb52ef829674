<?php
/**
 * Tests for the unproductive-turns signal.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Unit\Signals;

use HandoffBot\Contracts\Signal;
use HandoffBot\Signals\Unproductive_Signal;

require_once __DIR__ . '/Signal_Test_Case.php';

/**
 * The bot's replies that did not help are counted once each, with the reason.
 */
final class Unproductive_Signal_Test extends Signal_Test_Case {

	/**
	 * {@inheritDoc}
	 */
	protected function signal(): Signal {
		return new Unproductive_Signal();
	}

	/**
	 * No earlier reply, no count.
	 */
	public function test_a_first_message_has_no_unproductive_turns(): void {
		$result = $this->detect( 'hello' );
		$this->assertFalse( $result->fired );
		$this->assertSame( '0', $result->label );
		$this->assertSame( 0.0, $result->score );
	}

	/**
	 * A "don't know", a reply stored as unproductive, a reply marked unhelpful each count once;
	 * a good reply, the visitor's own turns and an agent's reply do not.
	 */
	public function test_unproductive_replies_are_counted_once_each_with_the_reason(): void {
		$history = array(
			array(
				'role' => 'visitor',
				'body' => 'a',
			),
			array(
				'role' => 'bot',
				'body' => 'b',
				'kind' => 'dont_know',
			),
			array(
				'role' => 'visitor',
				'body' => 'c',
			),
			array(
				'role'         => 'bot',
				'body'         => 'd',
				'kind'         => 'answer',
				'unproductive' => true,
				'feedback'     => -1,
			),
			array(
				'role'     => 'bot',
				'body'     => 'e',
				'kind'     => 'answer',
				'feedback' => 1,
			),
			array(
				'role'     => 'agent',
				'body'     => 'f',
				'feedback' => -1,
			),
			array(
				'role'     => 'bot',
				'body'     => 'g',
				'kind'     => 'answer',
				'feedback' => -1,
			),
		);
		$result  = $this->detect( 'h', $history );
		$this->assertTrue( $result->fired );
		$this->assertSame( '3', $result->label );
		$this->assertSame( 1.0, $result->score );
		$this->assertSame( array( 'reply 1: did not know', 'reply 2: unproductive, marked unhelpful', 'reply 4: marked unhelpful' ), $result->evidence );
		$one = $this->detect( 'h', array_slice( $history, 0, 2 ) );
		$this->assertSame( '1', $one->label );
		$this->assertEqualsWithDelta( 1 / 3, $one->score, 0.001 );
	}
}
