<?php
/**
 * Which teams' handoffs and tickets a person may act on.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Handoff;

use HandoffBot\Capabilities;

defined( 'ABSPATH' ) || exit;

/**
 * An agent acts on what is for their teams, for no team, or transferred to them; people who
 * manage the plugin act on everything. A team name that no longer exists hides nothing (its
 * handoffs go to any agent, as the router sends them).
 */
final class Team_Access {

	/**
	 * Whether a person may act on a handoff or ticket.
	 *
	 * @param string $team        Its team ('' for none).
	 * @param int    $assigned_to The agent it was transferred or assigned to (0 for none).
	 * @param int    $user        The person.
	 */
	public static function allows( string $team, int $assigned_to, int $user ): bool {
		return '' === $team || ( $assigned_to > 0 && $user === $assigned_to ) || ! in_array( $team, self::hidden_teams( $user ), true );
	}

	/**
	 * The teams whose handoffs a person may not act on: those that exist and do not list them
	 * (none for people who manage the plugin).
	 *
	 * @param int $user The person.
	 * @return list<string>
	 */
	public static function hidden_teams( int $user ): array {
		if ( user_can( $user, Capabilities::MANAGE ) ) {
			return array();
		}
		$hidden = array();
		foreach ( Availability_Store::in_force()->teams() as $team ) {
			if ( ! in_array( $user, $team['agents'], true ) ) {
				$hidden[] = $team['name'];
			}
		}
		return $hidden;
	}

	/**
	 * A team's label as people read it (its name when it no longer exists).
	 *
	 * @param string $team Team name.
	 */
	public static function label( string $team ): string {
		$found = Availability_Store::in_force()->team( $team );
		return null === $found ? $team : $found['label'];
	}
}
