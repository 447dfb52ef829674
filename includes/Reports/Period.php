<?php
/**
 * A report period: local days in the site's time zone, as UTC bounds.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Reports;

defined( 'ABSPATH' ) || exit;

/**
 * Immutable: whole local days from `from` to `to` (both included), held as the UTC instants
 * [start, end) the database compares `*_at` columns (stored in UTC) with. A day that is 23 or 25
 * hours long (a daylight-saving change) stays one day.
 */
final class Period {

	public const LAST_7_DAYS  = 'last_7_days';
	public const LAST_30_DAYS = 'last_30_days';
	public const MONTH        = 'month';
	public const QUARTER      = 'quarter';
	public const CUSTOM       = 'custom';

	/**
	 * The longest custom period, in days.
	 */
	public const MAX_DAYS = 400;

	/**
	 * First local day.
	 *
	 * @var \DateTimeImmutable
	 */
	private \DateTimeImmutable $from;

	/**
	 * Last local day (included).
	 *
	 * @var \DateTimeImmutable
	 */
	private \DateTimeImmutable $to;

	/**
	 * Builds the period from two local dates at midnight in the same time zone.
	 *
	 * @param \DateTimeImmutable $from First day, 00:00 local.
	 * @param \DateTimeImmutable $to   Last day, 00:00 local.
	 */
	private function __construct( \DateTimeImmutable $from, \DateTimeImmutable $to ) {
		$this->from = $from;
		$this->to   = $to;
	}

	/**
	 * The presets.
	 *
	 * @return list<string>
	 */
	public static function presets(): array {
		return array( self::LAST_7_DAYS, self::LAST_30_DAYS, self::MONTH, self::QUARTER, self::CUSTOM );
	}

	/**
	 * A period from a preset. The rolling presets end today; `month` and `quarter` are the
	 * calendar month or quarter holding today (or holding `from` when given); `custom` runs from
	 * `from` to `to`.
	 *
	 * @param string             $preset One of presets().
	 * @param string             $from   Y-m-d (custom; month and quarter: a day inside), or ''.
	 * @param string             $to     Y-m-d (custom), or ''.
	 * @param \DateTimeZone      $zone   The site's time zone.
	 * @param \DateTimeImmutable $now    Now.
	 * @throws \InvalidArgumentException With a reason code (bad_period, bad_date) when the input cannot make a period.
	 */
	public static function from_preset( string $preset, string $from, string $to, \DateTimeZone $zone, \DateTimeImmutable $now ): self {
		$today = $now->setTimezone( $zone )->setTime( 0, 0 );
		switch ( $preset ) {
			case self::LAST_7_DAYS:
				return new self( $today->modify( '-6 days' ), $today );
			case self::LAST_30_DAYS:
				return new self( $today->modify( '-29 days' ), $today );
			case self::MONTH:
				$day   = '' === $from ? $today : self::date( $from, $zone );
				$first = $day->modify( 'first day of this month' );
				return new self( $first, $first->modify( 'last day of this month' ) );
			case self::QUARTER:
				$day   = '' === $from ? $today : self::date( $from, $zone );
				$month = (int) $day->format( 'n' );
				$first = $day->setDate( (int) $day->format( 'Y' ), intdiv( $month - 1, 3 ) * 3 + 1, 1 );
				return new self( $first, $first->modify( '+3 months' )->modify( '-1 day' ) );
			case self::CUSTOM:
				$start = self::date( $from, $zone );
				$end   = self::date( $to, $zone );
				if ( $end < $start ) {
					throw new \InvalidArgumentException( 'bad_period' );
				}
				if ( (int) $start->diff( $end )->days >= self::MAX_DAYS ) {
					throw new \InvalidArgumentException( 'bad_period' );
				}
				return new self( $start, $end );
		}//end switch
		throw new \InvalidArgumentException( 'bad_period' );
	}

	/**
	 * A local date at midnight.
	 *
	 * @param string        $date Y-m-d.
	 * @param \DateTimeZone $zone Time zone.
	 * @throws \InvalidArgumentException With the code bad_date.
	 */
	private static function date( string $date, \DateTimeZone $zone ): \DateTimeImmutable {
		$parsed = \DateTimeImmutable::createFromFormat( '!Y-m-d', $date, $zone );
		if ( false === $parsed || $parsed->format( 'Y-m-d' ) !== $date ) {
			throw new \InvalidArgumentException( 'bad_date' );
		}
		return $parsed;
	}

	/**
	 * The period of the same number of days that ends the day before this one starts.
	 */
	public function previous(): self {
		$days = $this->days();
		$end  = $this->from->modify( '-1 day' );
		return new self( $end->modify( '-' . ( $days - 1 ) . ' days' ), $end );
	}

	/**
	 * How many days it holds.
	 */
	public function days(): int {
		return (int) $this->from->diff( $this->to )->days + 1;
	}

	/**
	 * The first instant, in UTC, as the database stores times (Y-m-d H:i:s).
	 */
	public function start_utc(): string {
		return self::utc( $this->from );
	}

	/**
	 * The first instant after the period, in UTC (Y-m-d H:i:s): the bound is exclusive.
	 */
	public function end_utc(): string {
		return self::utc( $this->to->modify( '+1 day' ) );
	}

	/**
	 * The first local day (Y-m-d).
	 */
	public function from(): string {
		return $this->from->format( 'Y-m-d' );
	}

	/**
	 * The last local day (Y-m-d).
	 */
	public function to(): string {
		return $this->to->format( 'Y-m-d' );
	}

	/**
	 * Every local day, in order (Y-m-d).
	 *
	 * @return list<string>
	 */
	public function day_list(): array {
		$out = array();
		for ( $day = $this->from; $day <= $this->to; $day = $day->modify( '+1 day' ) ) {
			$out[] = $day->format( 'Y-m-d' );
		}
		return $out;
	}

	/**
	 * The local day (Y-m-d) of a UTC time as stored.
	 *
	 * @param string $utc Y-m-d H:i:s in UTC.
	 */
	public function local_day( string $utc ): string {
		$time = new \DateTimeImmutable( $utc, new \DateTimeZone( 'UTC' ) );
		return $time->setTimezone( $this->from->getTimezone() )->format( 'Y-m-d' );
	}

	/**
	 * As sent in REST responses.
	 *
	 * @return array{from: string, to: string, days: int, start_utc: string, end_utc: string}
	 */
	public function to_array(): array {
		return array(
			'from'      => $this->from(),
			'to'        => $this->to(),
			'days'      => $this->days(),
			'start_utc' => $this->start_utc(),
			'end_utc'   => $this->end_utc(),
		);
	}

	/**
	 * A local instant in UTC, as stored.
	 *
	 * @param \DateTimeImmutable $local Local instant.
	 */
	private static function utc( \DateTimeImmutable $local ): string {
		return $local->setTimezone( new \DateTimeZone( 'UTC' ) )->format( 'Y-m-d H:i:s' );
	}
}
