<?php
/**
 * The retry schedule.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Unit\Notifications;

use HandoffBot\Notifications\Backoff;
use PHPUnit\Framework\TestCase;

/**
 * A minute after the first failure, doubling each time up to an hour, plus up to a quarter of jitter.
 */
final class Backoff_Test extends TestCase {

	/**
	 * The waits, without and with the most jitter.
	 */
	public function test_the_waits_double_up_to_an_hour_with_jitter(): void {
		$plain = array();
		$most  = array();
		for ( $attempt = 1; $attempt <= 8; $attempt++ ) {
			$plain[] = Backoff::delay( $attempt, 0 );
			$most[]  = Backoff::delay( $attempt, 1000 );
		}
		$this->assertSame( array( 60, 120, 240, 480, 960, 1920, 3600, 3600 ), $plain );
		$this->assertSame( array( 75, 150, 300, 600, 1200, 2400, 4500, 4500 ), $most );
		$this->assertSame( 3600, Backoff::delay( 500, 0 ), 'no overflow however many attempts' );
	}

	/**
	 * The number of attempts is a filter, kept within bounds.
	 */
	public function test_max_attempts_is_filterable_within_bounds(): void {
		$this->assertSame( Backoff::MAX_ATTEMPTS, Backoff::max_attempts() );
		$zero = static function (): int {
			return 0;
		};
		add_filter( 'handoff_bot_delivery_max_attempts', $zero );
		$this->assertSame( 1, Backoff::max_attempts() );
		remove_filter( 'handoff_bot_delivery_max_attempts', $zero );
	}
}
