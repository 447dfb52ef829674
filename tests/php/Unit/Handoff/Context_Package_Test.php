<?php
/**
 * Tests for the context package.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Unit\Handoff;

use HandoffBot\Handoff\Context_Package;
use PHPUnit\Framework\TestCase;

/**
 * The brief says in a few lines what the visitor wants, what the bot tried and why it handed
 * off, and its completeness counts the ten fields of DESIGN.md §6, each kept.
 */
final class Context_Package_Test extends TestCase {

	/**
	 * Inputs of a full conversation.
	 *
	 * @return array<string, mixed>
	 */
	private static function full(): array {
		return array(
			'messages'       => array(
				array(
					'role'       => 'visitor',
					'body'       => 'hi',
					'created_at' => '2026-11-30 10:00:00',
				),
				array(
					'role'       => 'visitor',
					'body'       => 'I was charged twice for my March invoice',
					'created_at' => '2026-11-30 10:00:05',
				),
				array(
					'role'       => 'bot',
					'body'       => 'Refunds take 5 days.',
					'created_at' => '2026-11-30 10:00:06',
				),
				array(
					'role'       => 'note',
					'body'       => 'internal',
					'created_at' => '2026-11-30 10:00:07',
				),
				array(
					'role'       => 'visitor',
					'body'       => 'agent please',
					'created_at' => '2026-11-30 10:00:20',
				),
			),
			'intent'         => array(
				'name'  => 'billing',
				'label' => 'Billing and payments',
				'score' => 0.8,
			),
			'confidence'     => 0.31,
			'sources'        => array(
				array(
					'title' => 'Refunds',
					'url'   => 'https://example.com/refunds/',
					'cited' => true,
				),
				array(
					'title' => 'Invoices',
					'url'   => 'https://example.com/invoices/',
					'cited' => false,
				),
			),
			'pages'          => array(
				array(
					'url'   => 'https://example.com/',
					'title' => 'Home',
					'at'    => '2026-11-30T09:59:00Z',
				),
				array(
					'url'   => 'https://example.com/billing/',
					'title' => 'Billing',
					'at'    => '2026-11-30T10:00:00Z',
				),
			),
			'language'       => 'en',
			'user'           => array(
				'id'       => 7,
				'name'     => 'Grace Hopper',
				'email'    => 'grace@example.com',
				'role'     => 'customer',
				'metadata' => array( 'Plan' => 'Pro' ),
			),
			'form'           => array( 'order' => 'A-1001' ),
			'reason'         => 'user_requested',
			'trigger'        => 'user',
			'turn'           => 3,
			'config_version' => 12,
		);
	}

	/**
	 * Every field present: complete, with a summary of three to five lines that says it all.
	 */
	public function test_a_full_conversation_makes_a_complete_brief(): void {
		$package = Context_Package::build( self::full() );
		$this->assertSame( 1.0, $package['completeness']['score'] );
		$this->assertSame( Context_Package::FIELDS, array_keys( $package['completeness']['fields'] ) );
		$this->assertGreaterThanOrEqual( 3, count( $package['summary'] ) );
		$this->assertLessThanOrEqual( 5, count( $package['summary'] ) );
		$this->assertSame( 'Wants help with Billing and payments: “I was charged twice for my March invoice”', $package['summary'][0], 'the telling question, not "hi"' );
		$this->assertStringContainsString( 'citing Refunds', $package['summary'][1] );
		$this->assertSame( 'Handed off because the visitor asked for a person (turn 3).', $package['summary'][2] );
		$this->assertStringContainsString( 'Grace Hopper', implode( "\n", $package['summary'] ) );
		$this->assertStringContainsString( 'now on Billing', implode( "\n", $package['summary'] ) );
		$this->assertSame( 'https://example.com/billing/', $package['current_url'] );
		$this->assertNotContains( 'note', array_column( $package['transcript'], 'role' ), 'internal notes are not the transcript' );
		$this->assertCount( 4, $package['transcript'] );
	}

	/**
	 * An anonymous visitor the bot never answered: the missing fields are marked missing.
	 */
	public function test_missing_fields_are_kept_as_missing(): void {
		$input             = self::full();
		$input['user']     = null;
		$input['form']     = array();
		$input['sources']  = array();
		$input['intent']   = null;
		$input['language'] = 'und';
		$input['pages']    = array();
		$input['messages'] = array_slice( $input['messages'], 4 );
		$package           = Context_Package::build( $input );
		$fields            = $package['completeness']['fields'];
		$this->assertFalse( $fields['user'] );
		$this->assertFalse( $fields['form'] );
		$this->assertFalse( $fields['sources'] );
		$this->assertFalse( $fields['intent'] );
		$this->assertFalse( $fields['language'], 'an undetermined language is not known' );
		$this->assertFalse( $fields['pages'] );
		$this->assertTrue( $fields['transcript'] );
		$this->assertTrue( $fields['confidence'] );
		$this->assertSame( 0.4, $package['completeness']['score'] );
		$this->assertSame( 'Wants: “agent please”', $package['summary'][0] );
		$this->assertSame( 'The bot did not try to answer.', $package['summary'][1] );
		$this->assertSame( '', $package['current_url'] );
	}

	/**
	 * A long question is quoted short, on one line.
	 */
	public function test_a_long_question_is_quoted_short(): void {
		$input             = self::full();
		$input['messages'] = array(
			array(
				'role'       => 'visitor',
				'body'       => str_repeat( "my parcel is late\n", 30 ),
				'created_at' => '2026-11-30 10:00:00',
			),
		);
		$line              = Context_Package::build( $input )['summary'][0];
		$this->assertStringNotContainsString( "\n", $line );
		$this->assertStringEndsWith( '…”', $line );
		$this->assertLessThan( 220, mb_strlen( $line ) );
	}
}
