<?php
/**
 * Routes a handoff with the availability in force, the agents online and the queue.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Handoff;

use HandoffBot\Escalation\Policy;
use HandoffBot\Repositories\Handoff_Repository;
use HandoffBot\Repositories\Storage_Exception;

defined( 'ABSPATH' ) || exit;

/**
 * Gathers what the router needs when a handoff is requested: the team the rules send the intent
 * to (any agent when none, or when that team is gone), its agents online and available, and the
 * visitors already waiting for it. Run before the handoff is stored, outside its transaction.
 * The expected wait stays unknown until agents have accepted handoffs to estimate it from.
 */
final class Routing {

	/**
	 * Presence.
	 *
	 * @var Presence
	 */
	private Presence $presence;

	/**
	 * Handoffs.
	 *
	 * @var Handoff_Repository
	 */
	private Handoff_Repository $handoffs;

	/**
	 * Builds the service.
	 *
	 * @param Presence           $presence Presence.
	 * @param Handoff_Repository $handoffs Handoffs.
	 */
	public function __construct( Presence $presence, Handoff_Repository $handoffs ) {
		$this->presence = $presence;
		$this->handoffs = $handoffs;
	}

	/**
	 * The route of a handoff about an intent, and the team it goes to.
	 *
	 * @param string $intent  The intent's name ('' for none).
	 * @param bool   $private Whether it takes the private route.
	 * @param Policy $policy  The rules in force.
	 * @param int    $now     Unix time.
	 * @return array{route: Route, team: string}
	 * @throws Storage_Exception When the queue cannot be read.
	 */
	public function route( string $intent, bool $private, Policy $policy, int $now ): array {
		$availability = Availability_Store::in_force();
		$team         = '';
		foreach ( $policy->intents() as $candidate ) {
			if ( $candidate['name'] === $intent ) {
				$team = $candidate['team'];
			}
		}
		$found = '' === $team ? null : $availability->team( $team );
		if ( null === $found ) {
			$team = '';
		}
		$staffing = array(
			'online'                => 0,
			'waiting'               => 0,
			'expected_wait_minutes' => null,
		);
		$schedule = new Schedule( $availability, wp_timezone() );
		$moment   = new \DateTimeImmutable( '@' . $now );
		// Who is online and how many wait matter only in staffed hours: after hours, no query.
		if ( ! $private && $schedule->is_open( $moment, $team ) ) {
			// Agents online and available, with room for another chat.
			$online              = $this->presence->available( null === $found ? null : $found['agents'], $now );
			$held                = $this->handoffs->held_by( $online );
			$most                = $availability->capacity()['max_chats_per_agent'];
			$staffing['online']  = count(
				array_filter(
					$online,
					static function ( int $agent ) use ( $held, $most ): bool {
						return ( $held[ $agent ] ?? 0 ) < $most;
					}
				)
			);
			$staffing['waiting'] = $this->handoffs->count_waiting( $team );
			// The queue is also full when the wait it would mean is too long.
			$staffing['expected_wait_minutes'] = Wait_Estimate::minutes_at( Wait_Medians::get( $this->handoffs, $team, time() ), $staffing['waiting'] + 1 );
		}
		$route = ( new Router() )->route( $availability, $schedule, $moment, $team, $private, $staffing );
		return array(
			'route' => $route,
			'team'  => $team,
		);
	}
}
