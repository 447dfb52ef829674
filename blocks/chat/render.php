<?php
/**
 * Front-end markup of the handoff-bot/chat block.
 *
 * Prints a chat that reads well before any script runs (title, greeting, a labelled input and a send
 * button) and its config as escaped JSON for the view module. Every visitor-facing string of the
 * client is translated here: script modules cannot use wp-i18n.
 *
 * @package HandoffBot
 *
 * @var array<string, mixed> $attributes Block attributes.
 */

defined( 'ABSPATH' ) || exit;

$handoff_bot_display  = ( isset( $attributes['display'] ) && 'floating' === $attributes['display'] ) ? 'floating' : 'inline';
$handoff_bot_floating = 'floating' === $handoff_bot_display;
$handoff_bot_title    = ! empty( $attributes['title'] ) ? (string) $attributes['title'] : __( 'Questions? Ask us', 'handoff-bot' );
$handoff_bot_greet    = ! empty( $attributes['greeting'] ) ? (string) $attributes['greeting'] : __( 'Hi! Ask me anything about this site. I answer from its pages and can put you in touch with a person.', 'handoff-bot' );
$handoff_bot_holder   = ! empty( $attributes['placeholder'] ) ? (string) $attributes['placeholder'] : __( 'Type your question…', 'handoff-bot' );
$handoff_bot_human    = ! isset( $attributes['showHumanButton'] ) || (bool) $attributes['showHumanButton'];
$handoff_bot_id       = wp_unique_id( 'handoff-bot-chat-' );

$handoff_bot_settings = new HandoffBot\Settings();
$handoff_bot_max      = (int) $handoff_bot_settings->get( 'max_message_length' );
$handoff_bot_consent  = $handoff_bot_settings->consent();

$handoff_bot_contact = HandoffBot\Blocks\Contact_Page::url();

$handoff_bot_config = array(
	'restUrl'         => rest_url( 'handoff-bot/v1/' ),
	'maxLength'       => $handoff_bot_max,
	'showHumanButton' => $handoff_bot_human,
	'display'         => $handoff_bot_display,
	'contactUrl'      => esc_url_raw( $handoff_bot_contact ),
	// BCP 47, for the wait the chat shows in words ("20 minutes").
	'locale'          => str_replace( '_', '-', determine_locale() ),
	'strings'         => array(
		/* translators: Read by screen readers before each of the visitor's own chat messages. */
		'you'                     => __( 'You:', 'handoff-bot' ),
		/* translators: Read by screen readers before each of the chatbot's messages. */
		'assistant'               => __( 'Assistant:', 'handoff-bot' ),
		/* translators: Read by screen readers before each message from a support agent. */
		'agent'                   => __( 'Support agent:', 'handoff-bot' ),
		'retrying'                => __( 'Not sent yet — retrying…', 'handoff-bot' ),
		/* translators: Shown under a chat message held back by a rate limit. 1: how long until it is sent, e.g. "20 minutes". 2: the time it is sent, e.g. "14:35". */
		'rateLimited'             => __( 'Not sent yet: this site has had too many chat requests from your network. Your message will be sent automatically in about %1$s (at %2$s).', 'handoff-bot' ),
		/* translators: Shown under a chat message held back because the visitor sent many in a short time. 1: how long until it is sent, e.g. "20 seconds". 2: the time it is sent, e.g. "14:35". */
		'rateLimitedConversation' => __( 'Not sent yet: you have sent many messages in a short time. Your message will be sent automatically in about %1$s (at %2$s).', 'handoff-bot' ),
		/* translators: Followed by a "Contact us" link, under a chat message held back by a rate limit. */
		'contactSooner'           => __( 'Need an answer sooner?', 'handoff-bot' ),
		'offerLabel'              => __( 'Talk to a person?', 'handoff-bot' ),
		'offerAccept'             => __( 'Connect me to a person', 'handoff-bot' ),
		'offerDecline'            => __( 'Keep chatting with the bot', 'handoff-bot' ),
		'offerError'              => __( 'Your choice could not be sent. Please try again.', 'handoff-bot' ),
		'contactLink'             => __( 'Contact us', 'handoff-bot' ),
		/* translators: Shown before the reason a chat message was refused. */
		'notSent'                 => __( 'Not sent.', 'handoff-bot' ),
		'genericError'            => __( 'Something went wrong.', 'handoff-bot' ),
		'tooLong'                 => sprintf(
			/* translators: %d: the maximum number of characters in a chat message. */
			_n( 'Your message is too long: at most %d character, please.', 'Your message is too long: at most %d characters, please.', $handoff_bot_max, 'handoff-bot' ),
			$handoff_bot_max
		),
		'typing'                  => __( 'The assistant is typing…', 'handoff-bot' ),
		/* translators: Heading of the list of pages a chat answer comes from. */
		'sources'                 => __( 'Sources', 'handoff-bot' ),
		'feedbackQuestion'        => __( 'Was this answer helpful?', 'handoff-bot' ),
		'helpful'                 => __( 'Helpful', 'handoff-bot' ),
		'notHelpful'              => __( 'Not helpful', 'handoff-bot' ),
		'feedbackThanks'          => __( 'Thanks for your feedback!', 'handoff-bot' ),
		'feedbackError'           => __( 'Your feedback could not be sent. Please try again.', 'handoff-bot' ),
		'endChat'                 => __( 'End chat', 'handoff-bot' ),
		'endLegend'               => __( 'How was this chat? Rate it from 1 (poor) to 5 (great), if you like.', 'handoff-bot' ),
		'endConfirm'              => __( 'End chat', 'handoff-bot' ),
		'cancel'                  => __( 'Cancel', 'handoff-bot' ),
		'ended'                   => __( 'This chat has ended. Thank you! Send a new message to start another one.', 'handoff-bot' ),
		'endError'                => __( 'The chat could not be ended. Please try again.', 'handoff-bot' ),
		/* translators: Sent as the visitor's chat message by the "Talk to a person" button. */
		'humanRequest'            => __( "I'd like to talk to a person.", 'handoff-bot' ),
		'restoreError'            => __( 'Your earlier messages could not be loaded.', 'handoff-bot' ),
		'queueConnecting'         => __( 'Connecting you to a person…', 'handoff-bot' ),
		/* translators: Shown while the visitor waits for a person. 1: their place in the queue (1 = next). 2: the expected wait, e.g. "5 minutes". */
		'queuePlace'              => __( 'Connecting you to a person — you are number %1$s in the queue, about %2$s.', 'handoff-bot' ),
		/* translators: Shown while the visitor waits for a person. %s: their place in the queue (1 = next). */
		'queuePlaceUnknown'       => __( 'Connecting you to a person — you are number %s in the queue, wait time unknown.', 'handoff-bot' ),
		/* translators: Shown while a support agent holds the chat. %s: the agent's name. */
		'agentChatting'           => __( 'You are chatting with %s.', 'handoff-bot' ),
		/* translators: Read by screen readers while a support agent types. %s: the agent's name. */
		'agentTyping'             => __( '%s is typing…', 'handoff-bot' ),
		'leaveQueue'              => __( 'Leave the queue', 'handoff-bot' ),
		'leftQueue'               => __( 'You left the queue. The assistant is still here if you need it.', 'handoff-bot' ),
		'leaveError'              => __( 'You could not leave the queue. Please try again.', 'handoff-bot' ),
		'leaveDetails'            => __( 'Leave your details', 'handoff-bot' ),
		'redacted'                => __( 'For your safety, we hid the card, account or ID numbers, or the password, in this message. Never share them in a chat.', 'handoff-bot' ),
		'formError'               => __( 'The form could not be loaded. Please try again.', 'handoff-bot' ),
		'formTaken'               => __( 'Someone from the team has joined the chat: your message is in the box below, ready to send to them.', 'handoff-bot' ),
		'consentNeeded'           => __( 'Please tick “I agree” under the privacy notice first.', 'handoff-bot' ),
		'ratingLegend'            => __( 'How was your chat? Rate it from 1 (poor) to 5 (great).', 'handoff-bot' ),
		'ratingThanks'            => __( 'Thanks for your rating!', 'handoff-bot' ),
		'ratingError'             => __( 'Your rating could not be sent. Please try again.', 'handoff-bot' ),
	),
);
// Pages seen by anonymous visitors may be cached and shared: only logged-in visitors get a nonce.
if ( is_user_logged_in() ) {
	$handoff_bot_config['nonce'] = wp_create_nonce( 'wp_rest' );
}

$handoff_bot_wrapper = get_block_wrapper_attributes(
	array(
		'class'        => 'is-display-' . $handoff_bot_display,
		'data-display' => $handoff_bot_display,
	)
);
?>
<div <?php echo $handoff_bot_wrapper; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- escaped by get_block_wrapper_attributes(). ?>>
	<script type="application/json" class="handoff-bot-chat__config"><?php echo wp_json_encode( $handoff_bot_config, JSON_HEX_TAG | JSON_HEX_AMP | JSON_HEX_APOS | JSON_HEX_QUOT ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- JSON with <, >, &, ' and " hex-escaped cannot leave the script element. ?></script>
	<?php if ( $handoff_bot_floating ) : ?>
		<button type="button" class="handoff-bot-chat__launcher" aria-expanded="false" aria-haspopup="dialog" aria-controls="<?php echo esc_attr( $handoff_bot_id ); ?>">
			<svg class="handoff-bot-chat__launcher-icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false"><path fill="currentColor" d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2Z"/></svg>
			<span class="handoff-bot-chat__launcher-label"><?php echo esc_html( $handoff_bot_title ); ?></span>
		</button>
	<?php endif; ?>
	<section id="<?php echo esc_attr( $handoff_bot_id ); ?>" class="handoff-bot-chat__panel" aria-labelledby="<?php echo esc_attr( $handoff_bot_id ); ?>-title"<?php echo $handoff_bot_floating ? ' role="dialog" aria-modal="true" tabindex="-1" hidden' : ''; ?>>
		<div class="handoff-bot-chat__header">
			<h2 id="<?php echo esc_attr( $handoff_bot_id ); ?>-title" class="handoff-bot-chat__title"><?php echo esc_html( $handoff_bot_title ); ?></h2>
			<?php if ( $handoff_bot_floating ) : ?>
				<button type="button" class="handoff-bot-chat__close"><span aria-hidden="true">×</span><span class="handoff-bot-chat__sr"><?php esc_html_e( 'Close chat', 'handoff-bot' ); ?></span></button>
			<?php endif; ?>
		</div>
		<div class="handoff-bot-chat__log" role="log" aria-live="polite" aria-label="<?php esc_attr_e( 'Conversation', 'handoff-bot' ); ?>" tabindex="0">
			<p class="handoff-bot-chat__msg is-bot"><?php echo esc_html( $handoff_bot_greet ); ?></p>
		</div>
		<?php if ( $handoff_bot_consent['notice'] ) : ?>
			<div class="handoff-bot-chat__consent">
				<p id="<?php echo esc_attr( $handoff_bot_id ); ?>-consent" class="handoff-bot-chat__consent-text">
					<?php echo esc_html( '' !== $handoff_bot_consent['text'] ? $handoff_bot_consent['text'] : HandoffBot\Settings::default_consent_text() ); ?>
					<?php if ( '' !== $handoff_bot_consent['policy_url'] ) : ?>
						<a href="<?php echo esc_url( $handoff_bot_consent['policy_url'] ); ?>"><?php esc_html_e( 'Privacy policy', 'handoff-bot' ); ?></a>
					<?php endif; ?>
				</p>
				<?php if ( $handoff_bot_consent['required'] ) : ?>
					<label class="handoff-bot-chat__consent-agree"><input type="checkbox" class="handoff-bot-chat__consent-check" aria-describedby="<?php echo esc_attr( $handoff_bot_id ); ?>-consent" /> <?php esc_html_e( 'I agree', 'handoff-bot' ); ?></label>
				<?php endif; ?>
			</div>
		<?php endif; ?>
		<form class="handoff-bot-chat__form">
			<label class="handoff-bot-chat__sr" for="<?php echo esc_attr( $handoff_bot_id ); ?>-input"><?php esc_html_e( 'Your question', 'handoff-bot' ); ?></label>
			<input id="<?php echo esc_attr( $handoff_bot_id ); ?>-input" class="handoff-bot-chat__input" type="text" autocomplete="off" maxlength="<?php echo esc_attr( (string) $handoff_bot_max ); ?>" placeholder="<?php echo esc_attr( $handoff_bot_holder ); ?>" />
			<button type="submit" class="handoff-bot-chat__send"><?php esc_html_e( 'Send', 'handoff-bot' ); ?></button>
		</form>
		<div class="handoff-bot-chat__actions">
			<?php if ( $handoff_bot_human ) : ?>
				<button type="button" class="handoff-bot-chat__human"><?php esc_html_e( 'Talk to a person', 'handoff-bot' ); ?></button>
			<?php endif; ?>
		</div>
	</section>
</div>
