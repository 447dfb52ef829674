<?php
/**
 * Tests for the expected wait.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Unit\Handoff;

use HandoffBot\Handoff\Wait_Estimate;
use PHPUnit\Framework\TestCase;

/**
 * The median recent wait, times the place in the queue, in whole minutes.
 */
final class Wait_Estimate_Test extends TestCase {

	/**
	 * Unknown without history; the median, not the mean, of what it has.
	 */
	public function test_the_median_wait_for_each_visitor_ahead(): void {
		$this->assertNull( Wait_Estimate::minutes( array(), 1 ) );
		$this->assertSame( 4, Wait_Estimate::minutes( array( 360, 120, 240 ), 1 ) );
		$this->assertSame( 12, Wait_Estimate::minutes( array( 360, 120, 240 ), 3 ) );
		$this->assertSame( 3, Wait_Estimate::minutes( array( 120, 240, 3600, 60 ), 1 ), 'one very long wait does not drag it: (120 + 240) / 2' );
		$this->assertSame( 1, Wait_Estimate::minutes( array( 5, 10 ), 1 ), 'at least a minute' );
	}
}
