<?php
/**
 * How the events read to people.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Notifications;

defined( 'ABSPATH' ) || exit;

/**
 * Titles of the events, for email subjects and Slack headers.
 */
final class Event_Text {

	/**
	 * The event's title, e.g. "A visitor needs a person".
	 *
	 * @param string $event Event name.
	 */
	public static function title( string $event ): string {
		$titles = array(
			'handoff.requested'          => __( 'A visitor needs a person', 'handoff-bot' ),
			'handoff.accepted'           => __( 'A handoff was accepted', 'handoff-bot' ),
			'handoff.resolved'           => __( 'A handoff was resolved', 'handoff-bot' ),
			'ticket.created'             => __( 'A visitor left a ticket', 'handoff-bot' ),
			'callback.requested'         => __( 'A visitor asked for a callback', 'handoff-bot' ),
			Connection_Store::TEST_EVENT => __( 'Test message from Handoff Bot', 'handoff-bot' ),
		);
		return $titles[ $event ] ?? $event;
	}

	/**
	 * A role's name in a transcript.
	 *
	 * @param string $role visitor, bot or agent.
	 */
	public static function role( string $role ): string {
		$roles = array(
			'visitor' => __( 'Visitor', 'handoff-bot' ),
			'bot'     => __( 'Bot', 'handoff-bot' ),
			'agent'   => __( 'Agent', 'handoff-bot' ),
		);
		return $roles[ $role ] ?? $role;
	}
}
