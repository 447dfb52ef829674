<?php
/**
 * Turns a handoff into a route: live, ticket, callback or private, and why.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Handoff;

defined( 'ABSPATH' ) || exit;

/**
 * Pure. In order:
 * 1. a private handoff stays inside WordPress, whatever the hours (`private`);
 * 2. outside the team's hours, or on a holiday, the visitor leaves a ticket, or asks for a
 *    callback where the admin offers one (`after_hours`);
 * 3. with no agent of the team online and available, a ticket (`no_agent`);
 * 4. with the queue at its most visitors waiting, or a wait longer than the most allowed, a ticket
 *    (`queue_full`);
 * 5. else the visitor joins the live queue (`live`). Agents at their most chats do not stop
 *    this: the queue is where visitors wait for them.
 *
 * @phpstan-type Staffing array{online: int, waiting: int, expected_wait_minutes: float|null}
 */
final class Router {

	public const ROUTE_LIVE     = 'live';
	public const ROUTE_TICKET   = 'ticket';
	public const ROUTE_CALLBACK = 'callback';
	public const ROUTE_PRIVATE  = 'private';

	public const OUTCOME_LIVE        = 'live';
	public const OUTCOME_AFTER_HOURS = 'after_hours';
	public const OUTCOME_NO_AGENT    = 'no_agent';
	public const OUTCOME_QUEUE_FULL  = 'queue_full';
	public const OUTCOME_PRIVATE     = 'private';

	/**
	 * The route of a handoff.
	 *
	 * @param Availability       $availability The availability in force.
	 * @param Schedule           $schedule     Its schedule in the site's time zone.
	 * @param \DateTimeInterface $moment       When the handoff is requested.
	 * @param string             $team         The intent's team ('' for any agent).
	 * @param bool               $private      Whether the handoff takes the private route.
	 * @param array              $staffing     Agents of the team online and available, visitors
	 *                                         waiting for it, and the expected wait (null: unknown).
	 * @phpstan-param Staffing $staffing
	 */
	public function route( Availability $availability, Schedule $schedule, \DateTimeInterface $moment, string $team, bool $private, array $staffing ): Route {
		if ( $private ) {
			return new Route( self::ROUTE_PRIVATE, self::OUTCOME_PRIVATE, array() );
		}
		$fallbacks = $availability->callback() ? array( self::ROUTE_TICKET, self::ROUTE_CALLBACK ) : array( self::ROUTE_TICKET );
		if ( ! $schedule->is_open( $moment, $team ) ) {
			return new Route( self::ROUTE_TICKET, self::OUTCOME_AFTER_HOURS, $fallbacks );
		}
		if ( $staffing['online'] < 1 ) {
			return new Route( self::ROUTE_TICKET, self::OUTCOME_NO_AGENT, array( self::ROUTE_TICKET ) );
		}
		$capacity = $availability->capacity();
		$wait     = $staffing['expected_wait_minutes'];
		if ( $staffing['waiting'] >= $capacity['max_waiting'] || ( null !== $wait && $wait > $capacity['max_wait_minutes'] ) ) {
			return new Route( self::ROUTE_TICKET, self::OUTCOME_QUEUE_FULL, array( self::ROUTE_TICKET ) );
		}
		return new Route( self::ROUTE_LIVE, self::OUTCOME_LIVE, array() );
	}
}
