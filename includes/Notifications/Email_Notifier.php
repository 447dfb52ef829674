<?php
/**
 * A brief to the team's inbox, for any help desk with email-to-ticket.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Notifications;

use HandoffBot\Contracts\Notifier;

defined( 'ABSPATH' ) || exit;

/**
 * Plain text through wp_mail() (so the site's SMTP plugin applies): the title and headline as the
 * subject, then the summary, reason, intent, pages visited and the link to the handoff in
 * wp-admin, then the transcript. Reply-To is the visitor when known, so a help desk's reply
 * reaches them. A private handoff sends its reference and link alone.
 *
 * @phpstan-import-type Notification from Notification_Builder
 * @phpstan-import-type Connection from Connection_Store
 */
final class Email_Notifier implements Notifier {

	/**
	 * {@inheritDoc}
	 */
	public function kind(): string {
		return 'email';
	}

	/**
	 * The message to store for a notification.
	 *
	 * @param array $notification The notification.
	 * @phpstan-param Notification $notification
	 * @return string The message, as stored (JSON).
	 */
	public function compose( array $notification ): string {
		$site     = $notification['site']['name'];
		$title    = Event_Text::title( $notification['event'] );
		$handoff  = $notification['handoff'];
		$brief    = $notification['brief'];
		$subject  = '[' . $site . '] ' . $title;
		$lines    = array();
		$reply_to = '';
		if ( null !== $handoff ) {
			if ( null !== $brief && '' !== $brief['headline'] ) {
				$subject .= ': ' . $brief['headline'];
			}
			$subject .= ' (' . $handoff['reference'] . ( $notification['private'] ? ', ' . __( 'private', 'handoff-bot' ) : '' ) . ')';
		}
		$lines[] = $title . '.';
		$lines[] = '';
		if ( $notification['test'] ) {
			/* translators: %s: the site's name. */
			$lines[] = sprintf( __( 'This connection works: %s can send email to this inbox.', 'handoff-bot' ), $site );
		}
		if ( null !== $brief ) {
			$reply_to = null !== $brief['visitor'] ? self::address( $brief['visitor'] ) : '';
			$lines    = array_merge( $lines, self::brief( $brief, null === $handoff ? '' : $handoff['team'] ) );
		} elseif ( $notification['private'] ) {
			$lines[] = __( 'This handoff took the private route: its details are in wp-admin only.', 'handoff-bot' );
			$lines[] = '';
		}
		if ( null !== $handoff ) {
			/* translators: %s: the handoff's reference, e.g. HB-12. */
			$lines[] = sprintf( __( 'Reference: %s', 'handoff-bot' ), $handoff['reference'] );
			/* translators: %s: URL of the handoff in wp-admin. */
			$lines[] = sprintf( __( 'Open it in wp-admin: %s', 'handoff-bot' ), $handoff['url'] );
		}
		if ( null !== $brief && $brief['transcript'] ) {
			$lines[] = '';
			$lines[] = __( 'Transcript', 'handoff-bot' );
			$lines[] = str_repeat( '-', 10 );
			foreach ( $brief['transcript'] as $message ) {
				$lines[] = sprintf( '[%s] %s: %s', $message['created_at'], Event_Text::role( $message['role'] ), $message['body'] );
			}
		}
		return (string) wp_json_encode(
			array(
				'subject'  => self::one_line( $subject ),
				'body'     => implode( "\n", $lines ) . "\n",
				'reply_to' => $reply_to,
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
		$mail = json_decode( $message, true );
		if ( ! is_array( $mail ) || ! is_string( $mail['subject'] ?? null ) || ! is_string( $mail['body'] ?? null ) ) {
			return new Delivery_Result( false, 0, '', __( 'The stored message could not be read.', 'handoff-bot' ) );
		}
		$headers = array(
			'Content-Type: text/plain; charset=UTF-8',
			Webhook_Notifier::DELIVERY_HEADER . ': ' . $delivery_id,
			Webhook_Notifier::EVENT_HEADER . ': ' . $event,
		);
		if ( is_string( $mail['reply_to'] ?? null ) && '' !== $mail['reply_to'] ) {
			$headers[] = 'Reply-To: ' . $mail['reply_to'];
		}
		$error  = '';
		$failed = static function ( \WP_Error $e ) use ( &$error ): void {
			$error = $e->get_error_message();
		};
		add_action( 'wp_mail_failed', $failed );
		$sent = wp_mail( $connection['target'], $mail['subject'], $mail['body'], $headers );
		remove_action( 'wp_mail_failed', $failed );
		if ( $sent ) {
			return new Delivery_Result( true, 0, '', '' );
		}
		return new Delivery_Result( false, 0, '', '' !== $error ? $error : __( 'wp_mail() could not send the message.', 'handoff-bot' ) );
	}

	/**
	 * The brief's lines.
	 *
	 * @param array  $brief The brief.
	 * @phpstan-param array{headline: string, summary: list<string>, reason: string, reason_text: string, trigger: string, intent: array{name: string, label: string, score: float|null}|null, confidence: float|null, pages: list<array{url: string, title: string, at: string}>, current_url: string, language: string, visitor: array{name: string, email: string}|null, form: array<string, string>, transcript: list<array{role: string, body: string, created_at: string}>} $brief
	 * @param string $team  The handoff's team.
	 * @return list<string>
	 */
	private static function brief( array $brief, string $team ): array {
		$lines = array();
		if ( $brief['summary'] ) {
			$lines[] = __( 'Summary', 'handoff-bot' );
			foreach ( $brief['summary'] as $line ) {
				$lines[] = '- ' . $line;
			}
			$lines[] = '';
		}
		if ( '' !== $brief['reason_text'] ) {
			/* translators: %s: why the bot handed off. */
			$lines[] = sprintf( __( 'Reason: %s', 'handoff-bot' ), $brief['reason_text'] );
		}
		if ( null !== $brief['intent'] ) {
			/* translators: %s: the topic, e.g. "Billing and payments". */
			$lines[] = sprintf( __( 'Intent: %s', 'handoff-bot' ), $brief['intent']['label'] );
		}
		if ( '' !== $team ) {
			/* translators: %s: team name. */
			$lines[] = sprintf( __( 'Team: %s', 'handoff-bot' ), $team );
		}
		if ( null !== $brief['visitor'] ) {
			/* translators: 1: the visitor's name, 2: email address. */
			$lines[] = trim( sprintf( __( 'Visitor: %1$s %2$s', 'handoff-bot' ), $brief['visitor']['name'], '' !== $brief['visitor']['email'] ? '<' . $brief['visitor']['email'] . '>' : '' ) );
		}
		foreach ( $brief['form'] as $field => $answer ) {
			$lines[] = $field . ': ' . $answer;
		}
		if ( $brief['pages'] ) {
			$lines[] = '';
			$lines[] = __( 'Pages visited', 'handoff-bot' );
			foreach ( $brief['pages'] as $page ) {
				$lines[] = '- ' . ( '' !== $page['title'] ? $page['title'] . ' — ' : '' ) . $page['url'];
			}
		}
		$lines[] = '';
		return $lines;
	}

	/**
	 * A Reply-To address, or '' when the email is not valid.
	 *
	 * @param array{name: string, email: string} $visitor The visitor.
	 */
	private static function address( array $visitor ): string {
		if ( '' === $visitor['email'] || ! is_email( $visitor['email'] ) ) {
			return '';
		}
		$name = trim( str_replace( array( '"', '<', '>', ',', ';' ), '', self::one_line( $visitor['name'] ) ) );
		// wp_mail() quotes the name itself.
		return '' === $name ? $visitor['email'] : $name . ' <' . $visitor['email'] . '>';
	}

	/**
	 * Text on one line (no header injection).
	 *
	 * @param string $text Text.
	 */
	private static function one_line( string $text ): string {
		return trim( (string) preg_replace( '/[\r\n\t]+/', ' ', $text ) );
	}
}
