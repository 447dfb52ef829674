<?php
/**
 * Tests for report periods.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Unit\Reports;

use DateTimeImmutable;
use DateTimeZone;
use HandoffBot\Reports\Period;
use PHPUnit\Framework\TestCase;

/**
 * Whole local days in the site's time zone, as UTC bounds; the previous period is as long.
 */
final class Period_Test extends TestCase {

	/**
	 * A period in Sydney time, now being a moment in UTC.
	 *
	 * @param string $preset Preset.
	 * @param string $now    UTC time.
	 * @param string $from   From.
	 * @param string $to     To.
	 */
	private static function sydney( string $preset, string $now, string $from = '', string $to = '' ): Period {
		return Period::from_preset( $preset, $from, $to, new DateTimeZone( 'Australia/Sydney' ), new DateTimeImmutable( $now, new DateTimeZone( 'UTC' ) ) );
	}

	/**
	 * The last 7 days end today in the site's time zone, which may be tomorrow in UTC; the
	 * change back from summer time (5 April 2026 in Sydney) makes a 25-hour day.
	 */
	public function test_last_7_days_in_the_sites_time_zone(): void {
		// 14:30 UTC on 6 April is 00:30 on 7 April in Sydney (AEST, +10).
		$period = self::sydney( Period::LAST_7_DAYS, '2026-04-06 14:30:00' );
		$this->assertSame( array( '2026-04-01', '2026-04-07' ), array( $period->from(), $period->to() ) );
		$this->assertSame( '2026-03-31 13:00:00', $period->start_utc(), 'AEDT, +11' );
		$this->assertSame( '2026-04-07 14:00:00', $period->end_utc(), 'AEST, +10' );
		$this->assertSame( 7, $period->days() );
		$this->assertCount( 7, $period->day_list() );
		$this->assertSame( '2026-04-01', $period->local_day( '2026-03-31 13:00:00' ) );
		$this->assertSame( '2026-03-31', $period->local_day( '2026-03-31 12:59:59' ) );
	}

	/**
	 * The previous period has the same number of days and ends the day before.
	 */
	public function test_the_previous_period(): void {
		$month    = self::sydney( Period::MONTH, '2026-03-10 00:00:00' );
		$previous = $month->previous();
		$this->assertSame( array( '2026-03-01', '2026-03-31', 31 ), array( $month->from(), $month->to(), $month->days() ) );
		$this->assertSame( array( '2026-01-29', '2026-02-28', 31 ), array( $previous->from(), $previous->to(), $previous->days() ) );
		$this->assertSame( $month->start_utc(), $previous->end_utc() );

		$thirty = self::sydney( Period::LAST_30_DAYS, '2026-03-10 00:00:00' );
		$this->assertSame( array( '2026-02-09', '2026-03-10' ), array( $thirty->from(), $thirty->to() ) );
		$this->assertSame( array( '2026-01-10', '2026-02-08' ), array( $thirty->previous()->from(), $thirty->previous()->to() ) );
	}

	/**
	 * A quarter is the calendar quarter holding today or the day given.
	 */
	public function test_quarters(): void {
		$this->assertSame( array( '2026-10-01', '2026-12-31', 92 ), self::span( self::sydney( Period::QUARTER, '2026-11-30 12:00:00' ) ) );
		$this->assertSame( array( '2026-04-01', '2026-06-30', 91 ), self::span( self::sydney( Period::QUARTER, '2026-11-30 12:00:00', '2026-06-30' ) ) );
		$this->assertSame( array( '2026-01-01', '2026-03-31', 90 ), self::span( self::sydney( Period::QUARTER, '2026-11-30 12:00:00', '2026-02-15' ) ) );
	}

	/**
	 * Custom periods: both days included; bad input refused with its reason.
	 */
	public function test_custom_periods(): void {
		$this->assertSame( array( '2026-02-27', '2026-03-02', 4 ), self::span( self::sydney( Period::CUSTOM, '2026-11-30 12:00:00', '2026-02-27', '2026-03-02' ) ) );
		$this->assertSame( array( '2026-02-27', '2026-02-27', 1 ), self::span( self::sydney( Period::CUSTOM, '2026-11-30 12:00:00', '2026-02-27', '2026-02-27' ) ) );
		$bad = array(
			array( '2026-03-02', '2026-02-27', 'bad_period' ),
			array( '2026-02-29', '2026-03-01', 'bad_date' ),
			array( '2026-1-1', '2026-03-01', 'bad_date' ),
			array( '2025-01-01', '2026-02-05', 'bad_period' ),
		);
		foreach ( $bad as list( $from, $to, $reason ) ) {
			try {
				self::sydney( Period::CUSTOM, '2026-11-30 12:00:00', $from, $to );
				$this->fail( "$from to $to was accepted" );
			} catch ( \InvalidArgumentException $e ) {
				$this->assertSame( $reason, $e->getMessage(), "$from to $to" );
			}
		}
		$this->expectException( \InvalidArgumentException::class );
		self::sydney( 'fortnight', '2026-11-30 12:00:00' );
	}

	/**
	 * From, to and days.
	 *
	 * @param Period $period Period.
	 * @return array{0: string, 1: string, 2: int}
	 */
	private static function span( Period $period ): array {
		return array( $period->from(), $period->to(), $period->days() );
	}
}
