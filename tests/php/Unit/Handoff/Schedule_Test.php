<?php
/**
 * Tests for the schedule of hours and holidays.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Unit\Handoff;

use DateTimeImmutable;
use DateTimeZone;
use HandoffBot\Handoff\Availability;
use HandoffBot\Handoff\Schedule;
use PHPUnit\Framework\TestCase;

/**
 * Hours are wall-clock times in the site's time zone, on both sides of a daylight-saving change;
 * holidays close the day; a team's own hours replace the site's for it.
 */
final class Schedule_Test extends TestCase {

	/**
	 * Weekdays 9:00 to 17:00, Wednesday also 18:00 to 20:00; a night team from 22:00 to midnight;
	 * Sunday 2:00 to 3:00 (an hour the spring change skips in Berlin); Christmas Day 2026 and
	 * every Christmas Eve off.
	 */
	private function availability(): Availability {
		$data                   = Availability::defaults()->to_array();
		$data['hours']['wed'][] = array(
			'open'  => '18:00',
			'close' => '20:00',
		);
		$data['hours']['sun']   = array(
			array(
				'open'  => '02:00',
				'close' => '03:00',
			),
		);
		$data['holidays']       = array(
			array(
				'date'   => '2026-12-25',
				'label'  => 'Christmas Day',
				'yearly' => false,
			),
			array(
				'date'   => '2020-12-24',
				'label'  => 'Christmas Eve',
				'yearly' => true,
			),
		);
		$night                  = array(
			array(
				'open'  => '22:00',
				'close' => '24:00',
			),
		);
		$data['teams']          = array(
			array(
				'name'   => 'night',
				'label'  => 'Night desk',
				'agents' => array( 1 ),
				'hours'  => array(
					'mon' => $night,
					'tue' => $night,
					'wed' => $night,
					'thu' => $night,
					'fri' => $night,
					'sat' => array(),
					'sun' => array(),
				),
			),
		);
		return new Availability( $data );
	}

	/**
	 * Moments (in UTC) and whether the site, or a team, is open then.
	 *
	 * @return array<string, array{0: string, 1: string, 2: string, 3: bool}>
	 */
	public static function moments(): array {
		return array(
			'Monday 10:00 in Berlin (winter)'              => array( 'Europe/Berlin', '2026-01-12T09:00:00Z', '', true ),
			'Monday 8:59 in Berlin'                        => array( 'Europe/Berlin', '2026-01-12T07:59:00Z', '', false ),
			'Monday 17:00 closes'                          => array( 'Europe/Berlin', '2026-01-12T16:00:00Z', '', false ),
			'Monday 16:59 still open'                      => array( 'Europe/Berlin', '2026-01-12T15:59:00Z', '', true ),
			'Saturday noon'                                => array( 'Europe/Berlin', '2026-01-10T11:00:00Z', '', false ),
			'Wednesday’s second interval'                  => array( 'Europe/Berlin', '2026-01-14T18:30:00Z', '', true ),
			'Wednesday between the intervals'              => array( 'Europe/Berlin', '2026-01-14T16:30:00Z', '', false ),
			'Friday before spring: 8:30 UTC is 9:30 CET'   => array( 'Europe/Berlin', '2026-03-27T08:30:00Z', '', true ),
			'Friday before spring: 7:30 UTC is 8:30 CET'   => array( 'Europe/Berlin', '2026-03-27T07:30:00Z', '', false ),
			'Monday after spring: 7:30 UTC is 9:30 CEST'   => array( 'Europe/Berlin', '2026-03-30T07:30:00Z', '', true ),
			'Monday after spring: 15:30 UTC is 17:30 CEST' => array( 'Europe/Berlin', '2026-03-30T15:30:00Z', '', false ),
			'the skipped hour: 0:59 UTC is 1:59 CET'       => array( 'Europe/Berlin', '2026-03-29T00:59:00Z', '', false ),
			'the skipped hour: 1:00 UTC is 3:00 CEST'      => array( 'Europe/Berlin', '2026-03-29T01:00:00Z', '', false ),
			'the next Sunday keeps its hour'               => array( 'Europe/Berlin', '2026-04-05T00:30:00Z', '', true ),
			'Monday after autumn: 8:00 UTC is 9:00 CET'    => array( 'Europe/Berlin', '2026-10-26T08:00:00Z', '', true ),
			'Monday after autumn: 7:30 UTC is 8:30 CET'    => array( 'Europe/Berlin', '2026-10-26T07:30:00Z', '', false ),
			'a one-off holiday'                            => array( 'Europe/Berlin', '2026-12-25T10:00:00Z', '', false ),
			'the day after it'                             => array( 'Europe/Berlin', '2026-12-28T10:00:00Z', '', true ),
			'a yearly holiday, years later'                => array( 'Europe/Berlin', '2026-12-24T10:00:00Z', '', false ),
			'New York: 14:00 UTC is 9:00 EST'              => array( 'America/New_York', '2026-01-12T14:00:00Z', '', true ),
			'New York: 13:59 UTC is 8:59 EST'              => array( 'America/New_York', '2026-01-12T13:59:00Z', '', false ),
			'New York: 22:30 Monday is Tuesday in UTC'     => array( 'America/New_York', '2026-01-13T03:30:00Z', 'night', true ),
			'Kolkata: 3:30 UTC is 9:00 IST'                => array( 'Asia/Kolkata', '2026-01-12T03:30:00Z', '', true ),
			'a fixed offset zone'                          => array( '+05:30', '2026-01-12T03:29:00Z', '', false ),
			'the night team at 23:00 Berlin'               => array( 'Europe/Berlin', '2026-01-12T22:00:00Z', 'night', true ),
			'the night team by day'                        => array( 'Europe/Berlin', '2026-01-12T10:00:00Z', 'night', false ),
			'a team without own hours keeps the site’s'    => array( 'Europe/Berlin', '2026-01-12T10:00:00Z', 'unknown', true ),
			'the night team on a holiday'                  => array( 'Europe/Berlin', '2026-12-25T22:00:00Z', 'night', false ),
		);
	}

	/**
	 * Each moment is open or closed as the hours say, in the site's zone.
	 *
	 * @dataProvider moments
	 *
	 * @param string $zone   The site's time zone.
	 * @param string $moment A moment in UTC.
	 * @param string $team   Team, or ''.
	 * @param bool   $open   Whether it is open.
	 */
	public function test_open_or_closed( string $zone, string $moment, string $team, bool $open ): void {
		$schedule = new Schedule( $this->availability(), new DateTimeZone( $zone ) );
		$this->assertSame( $open, $schedule->is_open( new DateTimeImmutable( $moment ), $team ) );
	}

	/**
	 * The preview of the next days names holidays and gives each day its hours.
	 */
	public function test_the_days_ahead(): void {
		$schedule = new Schedule( $this->availability(), new DateTimeZone( 'Europe/Berlin' ) );
		$days     = $schedule->days( new DateTimeImmutable( '2026-12-23T23:30:00Z' ), 7 );
		$this->assertSame( array( '2026-12-24', '2026-12-25', '2026-12-26', '2026-12-27', '2026-12-28', '2026-12-29', '2026-12-30' ), array_column( $days, 'date' ), 'the first day is the local one' );
		$this->assertSame( array( 'thu', 'fri', 'sat', 'sun', 'mon', 'tue', 'wed' ), array_column( $days, 'day' ) );
		$this->assertSame( array( 'Christmas Eve', 'Christmas Day', null, null, null, null, null ), array_column( $days, 'holiday' ) );
		$this->assertSame( array(), $days[0]['hours'] );
		$this->assertSame(
			array(
				array(
					'open'  => '09:00',
					'close' => '17:00',
				),
				array(
					'open'  => '18:00',
					'close' => '20:00',
				),
			),
			$days[6]['hours']
		);
	}
}
