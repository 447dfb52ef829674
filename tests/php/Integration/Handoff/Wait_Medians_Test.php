<?php
/**
 * Tests for the teams' median waits kept for the visitors' polls.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Handoff;

use HandoffBot\Handoff\Wait_Medians;
use HandoffBot\Repositories\Handoff_Repository;
use HandoffBot\Tests\Integration\Test_Case;

require_once __DIR__ . '/Wait_History.php';

/**
 * A poll reads the kept median (no query); an accept works it out again; an hour without one
 * does too, so waits older than a week drop out.
 */
final class Wait_Medians_Test extends Test_Case {

	use Wait_History;

	/**
	 * An accepted handoff of the past that waited some seconds.
	 *
	 * @param int    $wait Seconds.
	 * @param string $team Team.
	 */
	private function waited( int $wait, string $team = 'billing' ): void {
		$this->past_waits( array( $wait ), 'live', $team, 2 * HOUR_IN_SECONDS, 910000 + $wait );
	}

	/**
	 * The median is kept until an accept or an hour.
	 */
	public function test_the_median_is_kept_until_an_accept_or_an_hour(): void {
		$handoffs = new Handoff_Repository();
		$now      = time();
		$this->assertNull( Wait_Medians::get( $handoffs, 'billing', $now ), 'no history yet' );
		$this->waited( 120 );
		$this->waited( 360 );
		$this->waited( 600 );
		$this->assertNull( Wait_Medians::get( $handoffs, 'billing', $now + 60 ), 'kept: no accept since' );
		$this->assertSame( 360.0, Wait_Medians::refresh( $handoffs, 'billing', $now + 60 ), 'an accept works it out again' );
		$this->waited( 900 );
		$this->assertSame( 360.0, Wait_Medians::get( $handoffs, 'billing', $now + 120 ) );
		$this->assertSame( 480.0, Wait_Medians::get( $handoffs, 'billing', $now + 60 + HOUR_IN_SECONDS ), 'an hour later, afresh' );
		$this->assertNull( Wait_Medians::get( $handoffs, 'sales', $now ), 'teams apart' );
	}
}
