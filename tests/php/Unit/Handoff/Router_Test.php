<?php
/**
 * Tests for the router.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Unit\Handoff;

use DateTimeImmutable;
use DateTimeZone;
use HandoffBot\Handoff\Availability;
use HandoffBot\Handoff\Router;
use HandoffBot\Handoff\Schedule;
use PHPUnit\Framework\TestCase;

/**
 * Every availability case takes its route, with the outcome that explains it.
 */
final class Router_Test extends TestCase {

	/**
	 * Monday 12 January 2026, 10:00 in New York (open); 20:00 (closed); a holiday.
	 */
	private const OPEN    = '2026-01-12T15:00:00Z';
	private const EVENING = '2026-01-13T01:00:00Z';
	private const HOLIDAY = '2026-12-25T15:00:00Z';

	/**
	 * Cases: moment, team, private, staffing, callbacks offered, then the route, outcome and forms.
	 *
	 * @return array<string, array{0: string, 1: string, 2: bool, 3: array{online: int, waiting: int, expected_wait_minutes: float|null}, 4: bool, 5: string, 6: string, 7: list<string>}>
	 */
	public static function cases(): array {
		$staffed = array(
			'online'                => 2,
			'waiting'               => 3,
			'expected_wait_minutes' => 4.0,
		);
		$nobody  = array( 'online' => 0 ) + $staffed;
		$full    = array( 'waiting' => 20 ) + $staffed;
		$slow    = array( 'expected_wait_minutes' => 15.5 ) + $staffed;
		$unknown = array( 'expected_wait_minutes' => null ) + $staffed;
		return array(
			'staffed hours, agents online'         => array( self::OPEN, '', false, $staffed, false, 'live', 'live', array() ),
			'wait unknown yet'                     => array( self::OPEN, '', false, $unknown, false, 'live', 'live', array() ),
			'exactly the longest wait'             => array( self::OPEN, '', false, array( 'expected_wait_minutes' => 15.0 ) + $staffed, false, 'live', 'live', array() ),
			'private in staffed hours'             => array( self::OPEN, '', true, $staffed, false, 'private', 'private', array() ),
			'private after hours'                  => array( self::EVENING, '', true, $nobody, true, 'private', 'private', array() ),
			'after hours'                          => array( self::EVENING, '', false, $staffed, false, 'ticket', 'after_hours', array( 'ticket' ) ),
			'after hours with callbacks'           => array( self::EVENING, '', false, $staffed, true, 'ticket', 'after_hours', array( 'ticket', 'callback' ) ),
			'a holiday'                            => array( self::HOLIDAY, '', false, $staffed, false, 'ticket', 'after_hours', array( 'ticket' ) ),
			'no agent online'                      => array( self::OPEN, '', false, $nobody, true, 'ticket', 'no_agent', array( 'ticket' ) ),
			'queue at its most'                    => array( self::OPEN, '', false, $full, false, 'ticket', 'queue_full', array( 'ticket' ) ),
			'wait too long'                        => array( self::OPEN, '', false, $slow, false, 'ticket', 'queue_full', array( 'ticket' ) ),
			'the evening team in its hours'        => array( self::EVENING, 'evening', false, $staffed, false, 'live', 'live', array() ),
			'the evening team in the site’s hours' => array( self::OPEN, 'evening', false, $staffed, false, 'ticket', 'after_hours', array( 'ticket' ) ),
			'no agent checked before a full queue' => array( self::OPEN, '', false, array( 'online' => 0 ) + $full, false, 'ticket', 'no_agent', array( 'ticket' ) ),
		);
	}

	/**
	 * The route and its outcome.
	 *
	 * @dataProvider cases
	 *
	 * @param string $moment    A moment (UTC).
	 * @param string $team      Team.
	 * @param bool   $private   Private route.
	 * @param array  $staffing  Staffing.
	 * @param bool   $callback  Callbacks offered.
	 * @param string $route     Expected route.
	 * @param string $outcome   Expected outcome.
	 * @param array  $fallbacks Expected forms.
	 */
	public function test_route( string $moment, string $team, bool $private, array $staffing, bool $callback, string $route, string $outcome, array $fallbacks ): void {
		$data             = Availability::defaults()->to_array();
		$data['callback'] = $callback;
		$data['holidays'] = array(
			array(
				'date'   => '2026-12-25',
				'label'  => 'Christmas Day',
				'yearly' => true,
			),
		);
		$evening          = array(
			array(
				'open'  => '18:00',
				'close' => '22:00',
			),
		);
		$data['teams']    = array(
			array(
				'name'   => 'evening',
				'label'  => 'Evening desk',
				'agents' => array( 1 ),
				'hours'  => array_fill_keys( Availability::DAYS, $evening ),
			),
		);
		$availability     = new Availability( $data );
		$result           = ( new Router() )->route( $availability, new Schedule( $availability, new DateTimeZone( 'America/New_York' ) ), new DateTimeImmutable( $moment ), $team, $private, $staffing );
		$this->assertSame(
			array(
				'route'     => $route,
				'outcome'   => $outcome,
				'fallbacks' => $fallbacks,
			),
			$result->to_array()
		);
	}
}
