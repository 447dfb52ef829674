<?php
/**
 * Signed JSON to the team's own systems.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Notifications;

use HandoffBot\Contracts\Notifier;

defined( 'ABSPATH' ) || exit;

/**
 * Posts the notification as JSON (the versioned schema of docs/WEBHOOKS.md), signed with
 * HMAC-SHA256 over "<timestamp>.<body>" with the endpoint's secret. The body is stored once, so a
 * retry or redelivery sends the same bytes under the same delivery ID; only the timestamp and its
 * signature are new.
 *
 * @phpstan-import-type Notification from Notification_Builder
 * @phpstan-import-type Connection from Connection_Store
 */
final class Webhook_Notifier implements Notifier {

	/**
	 * The header with the event's name.
	 */
	public const EVENT_HEADER = 'X-Handoff-Bot-Event';

	/**
	 * The header with the delivery's ID.
	 */
	public const DELIVERY_HEADER = 'X-Handoff-Bot-Delivery';

	/**
	 * The header with the Unix time the attempt was signed at.
	 */
	public const TIMESTAMP_HEADER = 'X-Handoff-Bot-Timestamp';

	/**
	 * The header with the signature ("v1=" and the hex HMAC).
	 */
	public const SIGNATURE_HEADER = 'X-Handoff-Bot-Signature';

	/**
	 * Posts JSON.
	 *
	 * @var Http_Poster
	 */
	private Http_Poster $http;

	/**
	 * Builds the notifier.
	 *
	 * @param Http_Poster $http Posts JSON.
	 */
	public function __construct( Http_Poster $http ) {
		$this->http = $http;
	}

	/**
	 * {@inheritDoc}
	 */
	public function kind(): string {
		return 'webhook';
	}

	/**
	 * The message to store for a notification.
	 *
	 * @param array $notification The notification.
	 * @phpstan-param Notification $notification
	 * @return string The message, as stored (JSON).
	 */
	public function compose( array $notification ): string {
		$body = $notification;
		if ( null !== $notification['brief'] && ! $notification['brief']['form'] ) {
			// An object in the schema, also when empty.
			$body['brief']['form'] = new \stdClass();
		}
		return (string) wp_json_encode( $body, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE );
	}

	/**
	 * Sends a stored message to a connection.
	 *
	 * @param string $message     The stored message.
	 * @param array  $connection  The connection.
	 * @phpstan-param Connection $connection
	 * @param string $delivery_id The delivery's ID.
	 * @param string $event       The event.
	 */
	public function send( string $message, array $connection, string $delivery_id, string $event ): Delivery_Result {
		$timestamp = (string) time();
		return $this->http->post(
			$connection['target'],
			$message,
			array(
				self::EVENT_HEADER     => $event,
				self::DELIVERY_HEADER  => $delivery_id,
				self::TIMESTAMP_HEADER => $timestamp,
				self::SIGNATURE_HEADER => 'v1=' . self::sign( $connection['secret'], $timestamp, $message ),
			)
		);
	}

	/**
	 * The signature of a body sent at a time.
	 *
	 * @param string $secret    The endpoint's secret.
	 * @param string $timestamp Unix time, as sent.
	 * @param string $body      The body, as sent.
	 */
	public static function sign( string $secret, string $timestamp, string $body ): string {
		return hash_hmac( 'sha256', $timestamp . '.' . $body, $secret );
	}
}
