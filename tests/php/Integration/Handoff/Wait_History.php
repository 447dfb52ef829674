<?php
/**
 * Accepted handoffs of the past, for tests of the queue's expected wait.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Handoff;

/**
 * Stores handoffs an agent accepted after the given waits, as the team's recent history.
 */
trait Wait_History {

	/**
	 * Stores accepted (and resolved) handoffs that waited these seconds, requested before now.
	 *
	 * @param array<int, int> $waits Seconds each waited.
	 * @param string          $route Their route.
	 * @param string          $team  Their team ('' for any agent).
	 * @param int             $ago   Seconds before now the first was requested (the next a minute earlier each).
	 * @param int             $first The first conversation ID (made-up conversations).
	 */
	private function past_waits( array $waits, string $route = 'live', string $team = '', int $ago = HOUR_IN_SECONDS, int $first = 900000 ): void {
		global $wpdb;
		foreach ( array_values( $waits ) as $i => $wait ) {
			$requested = time() - $ago - $i * 60;
			$wpdb->insert(
				$wpdb->prefix . 'handoff_bot_handoffs',
				array(
					'conversation_id' => $first + $i,
					'status'          => 'resolved',
					'reason'          => 'user_requested',
					'trigger_type'    => 'user',
					'route'           => $route,
					'route_reason'    => $route,
					'team'            => $team,
					'context'         => '',
					'requested_at'    => gmdate( 'Y-m-d H:i:s', $requested ),
					'accepted_at'     => gmdate( 'Y-m-d H:i:s', $requested + $wait ),
					'resolved_at'     => gmdate( 'Y-m-d H:i:s', $requested + $wait + 60 ),
				)
			);
		}
	}
}
