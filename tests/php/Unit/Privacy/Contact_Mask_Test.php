<?php
/**
 * Tests for masking contact details in what connections send.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Unit\Privacy;

use HandoffBot\Privacy\Contact_Mask;
use PHPUnit\Framework\TestCase;

/**
 * Email addresses and phone numbers become recognisable but unusable; dates, times and short
 * numbers stay.
 */
final class Contact_Mask_Test extends TestCase {

	/**
	 * Addresses and numbers in running text.
	 */
	public function test_emails_and_phone_numbers_are_masked(): void {
		$this->assertSame( 'Write to a•••@example.com or call •••• 58.', Contact_Mask::text( 'Write to ada.lovelace@example.com or call +44 20 7946 0958.' ) );
		$this->assertSame( 'My number is •••• 67', Contact_Mask::text( 'My number is (555) 123-4567' ) );
	}

	/**
	 * What is not contact details stays.
	 */
	public function test_dates_times_and_short_numbers_stay(): void {
		foreach ( array( 'Ordered on 2026-11-30 at 12:30', 'Order 1042 arrived on 30/11/2026', 'Room 12, floor 3' ) as $text ) {
			$this->assertSame( $text, Contact_Mask::text( $text ) );
		}
	}

	/**
	 * A brief's strings, at any depth; other values kept.
	 */
	public function test_every_string_of_a_brief_is_masked(): void {
		$brief = array(
			'visitor'    => array(
				'name'  => 'Ada',
				'email' => 'ada@example.com',
			),
			'confidence' => 0.4,
			'transcript' => array( array( 'body' => 'call me on 07700 900123' ) ),
		);
		$this->assertSame(
			array(
				'visitor'    => array(
					'name'  => 'Ada',
					'email' => 'a•••@example.com',
				),
				'confidence' => 0.4,
				'transcript' => array( array( 'body' => 'call me on •••• 23' ) ),
			),
			Contact_Mask::deep( $brief )
		);
	}
}
