<?php
/**
 * Front-end markup of the handoff-bot/chat block.
 *
 * @package HandoffBot
 *
 * @var array<string, mixed> $attributes Block attributes.
 */

defined( 'ABSPATH' ) || exit;

$handoff_bot_display = ( isset( $attributes['display'] ) && 'floating' === $attributes['display'] ) ? 'floating' : 'inline';
$handoff_bot_title   = ! empty( $attributes['title'] ) ? (string) $attributes['title'] : __( 'Questions? Ask us', 'handoff-bot' );
$handoff_bot_greet   = ! empty( $attributes['greeting'] ) ? (string) $attributes['greeting'] : __( 'Hi! Ask me anything about this site. I answer from its pages and can put you in touch with a person.', 'handoff-bot' );
$handoff_bot_holder  = ! empty( $attributes['placeholder'] ) ? (string) $attributes['placeholder'] : __( 'Type your question…', 'handoff-bot' );
$handoff_bot_id      = wp_unique_id( 'handoff-bot-chat-' );

$handoff_bot_wrapper = get_block_wrapper_attributes(
	array(
		'class'        => 'is-display-' . $handoff_bot_display,
		'data-display' => $handoff_bot_display,
	)
);
?>
<div <?php echo $handoff_bot_wrapper; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- escaped by get_block_wrapper_attributes(). ?>>
	<?php if ( 'floating' === $handoff_bot_display ) : ?>
		<button type="button" class="handoff-bot-chat__launcher" aria-expanded="false" aria-controls="<?php echo esc_attr( $handoff_bot_id ); ?>">
			<?php echo esc_html( $handoff_bot_title ); ?>
		</button>
	<?php endif; ?>
	<section id="<?php echo esc_attr( $handoff_bot_id ); ?>" class="handoff-bot-chat__panel" aria-label="<?php echo esc_attr( $handoff_bot_title ); ?>"<?php echo 'floating' === $handoff_bot_display ? ' hidden' : ''; ?>>
		<h2 class="handoff-bot-chat__title"><?php echo esc_html( $handoff_bot_title ); ?></h2>
		<div class="handoff-bot-chat__log" role="log" aria-live="polite">
			<p class="handoff-bot-chat__msg is-bot"><?php echo esc_html( $handoff_bot_greet ); ?></p>
		</div>
		<form class="handoff-bot-chat__form">
			<label class="screen-reader-text" for="<?php echo esc_attr( $handoff_bot_id ); ?>-input"><?php esc_html_e( 'Your question', 'handoff-bot' ); ?></label>
			<input id="<?php echo esc_attr( $handoff_bot_id ); ?>-input" class="handoff-bot-chat__input" type="text" autocomplete="off" placeholder="<?php echo esc_attr( $handoff_bot_holder ); ?>" />
			<button type="submit" class="handoff-bot-chat__send"><?php esc_html_e( 'Send', 'handoff-bot' ); ?></button>
		</form>
	</section>
</div>
