<?php
/**
 * The plugin's suggested privacy policy text.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Privacy;

use HandoffBot\Contracts\Registrable;
use HandoffBot\Notifications\Connection_Store;
use HandoffBot\Settings;

defined( 'ABSPATH' ) || exit;

/**
 * Adds to Settings → Privacy → Policy Guide what the chat stores, why, for how long (the
 * retention setting), where it is sent (the connections set up now, by kind and host, never
 * their secret addresses), what is masked, and that IP addresses are only ever kept as salted
 * hashes in rate-limit counters. The guide is read from the settings when a wp-admin page
 * loads, so it follows them.
 */
final class Privacy_Policy implements Registrable {

	/**
	 * Settings.
	 *
	 * @var Settings
	 */
	private Settings $settings;

	/**
	 * The team's connections.
	 *
	 * @var Connection_Store
	 */
	private Connection_Store $connections;

	/**
	 * Builds the policy text.
	 *
	 * @param Settings         $settings    Settings.
	 * @param Connection_Store $connections The team's connections.
	 */
	public function __construct( Settings $settings, Connection_Store $connections ) {
		$this->settings    = $settings;
		$this->connections = $connections;
	}

	/**
	 * {@inheritDoc}
	 */
	public function register(): void {
		add_action( 'admin_init', array( $this, 'add' ) );
	}

	/**
	 * Adds the text to the policy guide.
	 */
	public function add(): void {
		if ( function_exists( 'wp_add_privacy_policy_content' ) ) {
			wp_add_privacy_policy_content( __( 'Handoff Bot', 'handoff-bot' ), $this->text() );
		}
	}

	/**
	 * The suggested text, as HTML.
	 */
	public function text(): string {
		$days       = $this->settings->retention_days();
		$suggested  = '<strong class="privacy-policy-tutorial">' . esc_html__( 'Suggested text:', 'handoff-bot' ) . ' </strong>';
		$paragraphs = array(
			'<p class="privacy-policy-tutorial">' . esc_html__( 'Handoff Bot is the chat on this site: it answers questions from the site’s content and hands visitors to your support team. The text below follows your settings (the retention period and the connections to your team’s tools); it changes when they do.', 'handoff-bot' ) . '</p>',
			'<h2>' . esc_html__( 'The chat', 'handoff-bot' ) . '</h2>',
			'<p>' . $suggested . esc_html__( 'When you use the chat, we store what you write and what the chat and our team answer, the pages of this site you visit while chatting, the language of the conversation and any rating you give. If you are signed in, the conversation is linked to your account, and your name, email address and role are shown to our team when you ask for a person. If you leave a request for our team or ask for a call back, we store the name, email address, phone number, time window, time zone and message you give. We use this to answer you, to pass your question to a person with what you already said, and to reply to your request.', 'handoff-bot' ) . '</p>',
			'<p>' . esc_html__( 'Card numbers, bank account numbers (IBAN), national identity numbers and passwords typed in the chat or the request form are masked before they are stored: only a mask such as “card ending 1111” is kept or sent on, so that these numbers never sit in our database or reach an email or another service.', 'handoff-bot' ) . '</p>',
			'<p>' . esc_html__( 'The chat keeps a random code in your browser tab (session storage) so that the conversation continues on the next page; it is removed when you close the tab.', 'handoff-bot' ) . '</p>',
			'<h2>' . esc_html__( 'Your IP address', 'handoff-bot' ) . '</h2>',
			'<p>' . $suggested . esc_html__( 'Your IP address is used to limit how many messages one address can send, so that nobody can flood the chat. It is never stored: only a number worked out from a salted hash of it is kept, in counters that addresses share and that are deleted soon after their minute or hour has passed.', 'handoff-bot' ) . '</p>',
			'<h2>' . esc_html__( 'How long we keep it', 'handoff-bot' ) . '</h2>',
			'<p>' . $suggested . esc_html(
				sprintf(
					/* translators: %d: number of days. */
					_n(
						'Messages, pages visited, the summaries passed to our team and the contact details you give are deleted %d day after the conversation’s last activity. A request our team has not closed is kept until it is closed, and deleted that long after. We keep anonymous statistics (when a conversation happened, why it went to a person, how it ended and its rating) to improve our support; they do not say who you are or what you wrote.',
						'Messages, pages visited, the summaries passed to our team and the contact details you give are deleted %d days after the conversation’s last activity. A request our team has not closed is kept until it is closed, and deleted that long after. We keep anonymous statistics (when a conversation happened, why it went to a person, how it ended and its rating) to improve our support; they do not say who you are or what you wrote.',
						$days,
						'handoff-bot'
					),
					$days
				)
			) . '</p>',
			'<h2>' . esc_html__( 'Who we share it with', 'handoff-bot' ) . '</h2>',
			'<p>' . $suggested . esc_html__( 'Our support team reads conversations in this site’s dashboard. When you leave a request, we email you a confirmation and our replies through this site’s email service.', 'handoff-bot' ) . ' ' . esc_html( $this->destinations() ) . '</p>',
			'<h2>' . esc_html__( 'Your rights', 'handoff-bot' ) . '</h2>',
			'<p>' . $suggested . esc_html__( 'You can ask for a copy of your conversations and requests, or for them to be erased, with the email address of your account or the one you gave in a request. Erased conversations keep only the anonymous statistics above.', 'handoff-bot' ) . '</p>',
		);
		return implode( "\n", $paragraphs );
	}

	/**
	 * Where conversations are sent, by the connections in use: kind and host, never an address
	 * that works as a secret.
	 */
	private function destinations(): string {
		$email    = array();
		$webhooks = array();
		$slack    = false;
		foreach ( $this->connections->all() as $connection ) {
			if ( ! $connection['enabled'] ) {
				continue;
			}
			if ( 'email' === $connection['kind'] ) {
				$at      = strrchr( $connection['target'], '@' );
				$email[] = false === $at ? '' : substr( $at, 1 );
			} elseif ( 'webhook' === $connection['kind'] ) {
				$webhooks[] = (string) wp_parse_url( $connection['target'], PHP_URL_HOST );
			} elseif ( 'slack' === $connection['kind'] ) {
				$slack = true;
			}
		}
		$email    = array_values( array_unique( array_filter( $email ) ) );
		$webhooks = array_values( array_unique( array_filter( $webhooks ) ) );
		if ( ! $email && ! $webhooks && ! $slack ) {
			return __( 'Conversations are not sent to any other service.', 'handoff-bot' );
		}
		$lines = array();
		if ( $email ) {
			/* translators: %s: comma-separated list of email domains. */
			$lines[] = sprintf( __( 'When you ask for a person or leave a request, a summary of the conversation with your contact details is emailed to our support inbox (%s).', 'handoff-bot' ), implode( ', ', $email ) );
		}
		if ( $webhooks ) {
			/* translators: %s: comma-separated list of host names. */
			$lines[] = sprintf( __( 'The same summary is sent to our support tools at %s.', 'handoff-bot' ), implode( ', ', $webhooks ) );
		}
		if ( $slack ) {
			$lines[] = __( 'A notice with the summary is posted to our team’s Slack workspace (Slack Technologies, which processes it under its own privacy policy).', 'handoff-bot' );
		}
		return implode( ' ', $lines );
	}
}
