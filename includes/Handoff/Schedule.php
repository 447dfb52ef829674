<?php
/**
 * Whether the site (or a team) is open at a moment, and the days ahead.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Handoff;

use DateTimeImmutable;
use DateTimeZone;

defined( 'ABSPATH' ) || exit;

/**
 * Pure. Hours are wall-clock times in the site's time zone, so a moment is turned into that zone
 * first: 9:00 stays 9:00 on both sides of a daylight-saving change, and an hour the clocks skip
 * simply does not occur. A holiday closes the whole day (a yearly one every year on its month and
 * day).
 *
 * @phpstan-import-type Interval from Availability
 * @phpstan-import-type Week from Availability
 * @phpstan-type Day_Preview array{date: string, day: string, hours: list<Interval>, holiday: string|null}
 */
final class Schedule {

	/**
	 * The availability.
	 *
	 * @var Availability
	 */
	private Availability $availability;

	/**
	 * The site's time zone.
	 *
	 * @var DateTimeZone
	 */
	private DateTimeZone $zone;

	/**
	 * Builds the schedule.
	 *
	 * @param Availability $availability The availability.
	 * @param DateTimeZone $zone         The site's time zone (wp_timezone()).
	 */
	public function __construct( Availability $availability, DateTimeZone $zone ) {
		$this->availability = $availability;
		$this->zone         = $zone;
	}

	/**
	 * Whether a team (or, for '', the site) is open at a moment.
	 *
	 * @param \DateTimeInterface $moment The moment (any zone).
	 * @param string             $team   Team name, or '' for the site's hours.
	 */
	public function is_open( \DateTimeInterface $moment, string $team = '' ): bool {
		$local = ( new DateTimeImmutable( '@' . $moment->getTimestamp() ) )->setTimezone( $this->zone );
		if ( null !== $this->holiday( $local ) ) {
			return false;
		}
		$time = $local->format( 'H:i' );
		foreach ( $this->intervals( $local, $team ) as $interval ) {
			if ( $time >= $interval['open'] && $time < $interval['close'] ) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The days from a moment's day on, as the admin screen previews them.
	 *
	 * @param \DateTimeInterface $from The first day's moment.
	 * @param int                $days How many days.
	 * @param string             $team Team name, or '' for the site's hours.
	 * @return list<Day_Preview>
	 */
	public function days( \DateTimeInterface $from, int $days = 7, string $team = '' ): array {
		$local = ( new DateTimeImmutable( '@' . $from->getTimestamp() ) )->setTimezone( $this->zone )->setTime( 12, 0 );
		$out   = array();
		for ( $i = 0; $i < $days; $i++ ) {
			$day     = $local->modify( '+' . $i . ' days' );
			$holiday = $this->holiday( $day );
			$out[]   = array(
				'date'    => $day->format( 'Y-m-d' ),
				'day'     => strtolower( $day->format( 'D' ) ),
				'hours'   => null === $holiday ? $this->intervals( $day, $team ) : array(),
				'holiday' => $holiday,
			);
		}
		return $out;
	}

	/**
	 * A day's opening intervals.
	 *
	 * @param DateTimeImmutable $local A moment of the day, in the site's zone.
	 * @param string            $team  Team name, or ''.
	 * @return list<Interval>
	 */
	private function intervals( DateTimeImmutable $local, string $team ): array {
		$week = $this->availability->hours_of( $team );
		$day  = strtolower( $local->format( 'D' ) );
		return $week[ $day ] ?? array();
	}

	/**
	 * The holiday's label on a day ('' when it has none), or null when the day is no holiday.
	 *
	 * @param DateTimeImmutable $local A moment of the day, in the site's zone.
	 */
	private function holiday( DateTimeImmutable $local ): ?string {
		$date = $local->format( 'Y-m-d' );
		foreach ( $this->availability->holidays() as $holiday ) {
			if ( $holiday['date'] === $date || ( $holiday['yearly'] && substr( $holiday['date'], 5 ) === substr( $date, 5 ) ) ) {
				return $holiday['label'];
			}
		}
		return null;
	}
}
