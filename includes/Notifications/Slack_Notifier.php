<?php
/**
 * A Slack message through an incoming webhook.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Notifications;

use HandoffBot\Contracts\Notifier;

defined( 'ABSPATH' ) || exit;

/**
 * The incoming-webhook format: a plain `text` (for notifications and clients without blocks) and
 * `blocks` with the title, the summary, the reason, intent and team, and a button to the handoff
 * in wp-admin. Never the transcript; a private handoff sends its reference and link alone.
 *
 * @phpstan-import-type Notification from Notification_Builder
 * @phpstan-import-type Connection from Connection_Store
 */
final class Slack_Notifier implements Notifier {

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
		return 'slack';
	}

	/**
	 * The message to store for a notification.
	 *
	 * @param array $notification The notification.
	 * @phpstan-param Notification $notification
	 * @return string The message, as stored (JSON).
	 */
	public function compose( array $notification ): string {
		$title   = Event_Text::title( $notification['event'] );
		$handoff = $notification['handoff'];
		$text    = null === $handoff ? $title : sprintf( '%s: %s', $title, $handoff['reference'] );
		$blocks  = array(
			array(
				'type' => 'header',
				'text' => array(
					'type' => 'plain_text',
					'text' => mb_substr( $text, 0, 150 ),
				),
			),
		);
		$brief   = $notification['brief'];
		if ( null !== $brief ) {
			if ( $brief['summary'] ) {
				$blocks[] = self::section( implode( "\n", $brief['summary'] ) );
			}
			$fields = array();
			if ( '' !== $brief['reason_text'] ) {
				$fields[] = '*' . self::escape( __( 'Reason', 'handoff-bot' ) ) . "*\n" . self::escape( $brief['reason_text'] );
			}
			if ( null !== $brief['intent'] ) {
				$fields[] = '*' . self::escape( __( 'Intent', 'handoff-bot' ) ) . "*\n" . self::escape( $brief['intent']['label'] );
			}
			if ( null !== $handoff && '' !== $handoff['team'] ) {
				$fields[] = '*' . self::escape( __( 'Team', 'handoff-bot' ) ) . "*\n" . self::escape( $handoff['team'] );
			}
			if ( $fields ) {
				$blocks[] = array(
					'type'   => 'section',
					'fields' => array_map(
						static function ( string $field ): array {
							return array(
								'type' => 'mrkdwn',
								'text' => $field,
							);
						},
						$fields
					),
				);
			}
		} elseif ( $notification['private'] ) {
			$blocks[] = self::section( __( 'This handoff took the private route: its details are in wp-admin only.', 'handoff-bot' ), false );
		} elseif ( $notification['test'] ) {
			/* translators: %s: the site's name. */
			$blocks[] = self::section( sprintf( __( 'This connection works: %s can post to this channel.', 'handoff-bot' ), $notification['site']['name'] ) );
		}//end if
		if ( null !== $handoff ) {
			$blocks[] = array(
				'type'     => 'actions',
				'elements' => array(
					array(
						'type' => 'button',
						'text' => array(
							'type' => 'plain_text',
							'text' => __( 'Open in wp-admin', 'handoff-bot' ),
						),
						'url'  => $handoff['url'],
					),
				),
			);
		}
		return (string) wp_json_encode(
			array(
				'text'   => $text,
				'blocks' => $blocks,
			),
			JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE
		);
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
		return $this->http->post( $connection['target'], $message, array( Webhook_Notifier::DELIVERY_HEADER => $delivery_id ) );
	}

	/**
	 * A section of mrkdwn text.
	 *
	 * @param string $text   Text.
	 * @param bool   $escape Whether to escape it (text from the conversation).
	 * @return array<string, mixed>
	 */
	private static function section( string $text, bool $escape = true ): array {
		return array(
			'type' => 'section',
			'text' => array(
				'type' => 'mrkdwn',
				'text' => mb_substr( $escape ? self::escape( $text ) : $text, 0, 3000 ),
			),
		);
	}

	/**
	 * Text Slack shows as written (its three control characters escaped).
	 *
	 * @param string $text Text.
	 */
	private static function escape( string $text ): string {
		return str_replace( array( '&', '<', '>' ), array( '&amp;', '&lt;', '&gt;' ), $text );
	}
}
