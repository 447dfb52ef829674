<?php
/**
 * Which agents are online, and whether they take chats.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Handoff;

use HandoffBot\Capabilities;
use HandoffBot\Repositories\Event_Repository;

defined( 'ABSPATH' ) || exit;

/**
 * An agent with the inbox open sends a heartbeat; an agent is online while the last one is no
 * older than the window, and takes chats while their status is `available` (they may switch to
 * `away`). Kept in user meta (`handoff_bot_presence`: status and the time of the last beat), read
 * only when a handoff is routed. A change of status, or coming online after a lapse, is an event
 * (`presence_changed`) for the report.
 *
 * @phpstan-type Presence_State array{status: string, seen_at: int}
 */
final class Presence {

	public const META = 'handoff_bot_presence';

	public const AVAILABLE = 'available';
	public const AWAY      = 'away';

	/**
	 * Seconds after the last heartbeat that an agent still counts as online (WordPress's
	 * Heartbeat API beats every 15 to 60 seconds in an open admin tab).
	 */
	public const WINDOW = 120;

	/**
	 * Events.
	 *
	 * @var Event_Repository
	 */
	private Event_Repository $events;

	/**
	 * Builds the service.
	 *
	 * @param Event_Repository $events Events.
	 */
	public function __construct( Event_Repository $events ) {
		$this->events = $events;
	}

	/**
	 * Records an agent's heartbeat, and their status when given.
	 *
	 * @param int         $user_id The agent.
	 * @param string|null $status  `available` or `away`; null keeps the one they had.
	 * @param int         $now     Unix time.
	 * @return Presence_State The agent's presence now.
	 */
	public function beat( int $user_id, ?string $status, int $now ): array {
		$before = $this->state( $user_id );
		$online = $before['seen_at'] >= $now - self::WINDOW;
		$after  = array(
			'status'  => $status ?? $before['status'],
			'seen_at' => $now,
		);
		update_user_meta( $user_id, self::META, $after );
		if ( ! $online || $after['status'] !== $before['status'] ) {
			$this->events->append(
				'presence_changed',
				0,
				array(
					'agent'  => $user_id,
					'from'   => $online ? $before['status'] : 'offline',
					'status' => $after['status'],
				)
			);
		}
		return $after;
	}

	/**
	 * An agent’s presence as stored (available but never seen, so offline, when they have none).
	 *
	 * @param int $user_id The agent.
	 * @return Presence_State
	 */
	public function state( int $user_id ): array {
		$stored = get_user_meta( $user_id, self::META, true );
		if ( ! is_array( $stored ) || ! in_array( $stored['status'] ?? null, array( self::AVAILABLE, self::AWAY ), true ) ) {
			return array(
				'status'  => self::AVAILABLE,
				'seen_at' => 0,
			);
		}
		return array(
			'status'  => (string) $stored['status'],
			'seen_at' => (int) ( $stored['seen_at'] ?? 0 ),
		);
	}

	/**
	 * Whether an agent is online and takes chats.
	 *
	 * @param int $user_id The agent.
	 * @param int $now     Unix time.
	 */
	public function is_available( int $user_id, int $now ): bool {
		$state = $this->state( $user_id );
		return self::AVAILABLE === $state['status'] && $state['seen_at'] >= $now - self::WINDOW;
	}

	/**
	 * The agents online and available among some (or among all agents, for null).
	 *
	 * @param list<int>|null $agents The agents of a team, or null for any agent.
	 * @param int            $now    Unix time.
	 * @return list<int>
	 */
	public function available( ?array $agents, int $now ): array {
		$query = array(
			// Only agents who ever sent a heartbeat; read when a handoff is routed, not per page.
			'meta_key' => self::META, // phpcs:ignore WordPress.DB.SlowDBQuery.slow_db_query_meta_key
			'number'   => 1000,
		);
		if ( null !== $agents ) {
			if ( ! $agents ) {
				return array();
			}
			$query['include'] = $agents;
		}
		// One query for the users (their meta primed with them); capabilities are checked here
		// rather than in SQL, which would match roles by pattern.
		$out = array();
		foreach ( get_users( $query ) as $user ) {
			if ( $user->has_cap( Capabilities::AGENT ) && $this->is_available( (int) $user->ID, $now ) ) {
				$out[] = (int) $user->ID;
			}
		}
		sort( $out );
		return $out;
	}
}
