<?php
/**
 * A channel that tells the team about a handoff.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Contracts;

use HandoffBot\Notifications\Delivery_Result;

defined( 'ABSPATH' ) || exit;

/**
 * Composes the message for its channel when a delivery is stored, and sends a stored message
 * when the outbox tries it. Sending happens only in a background job, never in a visitor's request.
 *
 * @phpstan-import-type Notification from \HandoffBot\Notifications\Notification_Builder
 * @phpstan-import-type Connection from \HandoffBot\Notifications\Connection_Store
 */
interface Notifier {

	/**
	 * The kind of connection it serves: email, webhook or slack.
	 */
	public function kind(): string;

	/**
	 * The message to store for a notification (what a retry or redelivery sends again).
	 *
	 * @param array $notification The notification.
	 * @phpstan-param Notification $notification
	 * @return string The message, as stored (JSON).
	 */
	public function compose( array $notification ): string;

	/**
	 * Sends a stored message to a connection.
	 *
	 * @param string $message     The stored message.
	 * @param array  $connection  The connection.
	 * @phpstan-param Connection $connection
	 * @param string $delivery_id The delivery's ID, which receivers drop duplicates by.
	 * @param string $event       The event.
	 */
	public function send( string $message, array $connection, string $delivery_id, string $event ): Delivery_Result;
}
