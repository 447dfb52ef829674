<?php
/**
 * Tests that card numbers and the like are masked before they are stored, wherever they come from.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Privacy;

use HandoffBot\Tests\Integration\Test_Case;

/**
 * A visitor types a card number: the stored message, the reply the chat reads back and the brief
 * an agent gets hold only its mask, and the chat is told what was masked; the sensitivity signal
 * still saw it (the request goes to a person privately). An agent's reply is masked the same way.
 */
final class Redaction_Flow_Test extends Test_Case {

	/**
	 * Every row of the plugin's tables that mentions a text.
	 *
	 * @param string $needle Text.
	 */
	private function stored_anywhere( string $needle ): int {
		global $wpdb;
		$count = 0;
		foreach ( array(
			'messages' => 'body',
			'handoffs' => 'context',
			'events'   => 'data',
		) as $table => $column ) {
			$count += (int) $wpdb->get_var( $wpdb->prepare( 'SELECT COUNT(*) FROM %i WHERE %i LIKE %s', $wpdb->prefix . 'handoff_bot_' . $table, $column, '%' . $wpdb->esc_like( $needle ) . '%' ) );
		}
		return $count;
	}

	/**
	 * The visitor's card number and an agent's IBAN are never stored.
	 */
	public function test_a_card_number_typed_in_the_chat_is_never_stored(): void {
		$agent              = $this->staff_the_site();
		list( $id, $token ) = $this->start_conversation();
		$sent               = $this->send( $id, $token, 'You charged my card 4111 1111 1111 1111 twice, I want the money back' );
		$this->assertSame( 201, $sent->get_status(), (string) wp_json_encode( $sent->get_data() ) );
		$message = $sent->get_data()['message'];
		$this->assertSame( 'You charged my card [Visa card ending 1111] twice, I want the money back', $message['body'] );
		$this->assertSame( array( 'card' ), $message['redacted'] );
		$this->assertSame( 0, $this->stored_anywhere( '4111 1111' ) );

		// The sensitivity signal saw the card number: the request is handled privately.
		$reply = $sent->get_data()['reply'];
		$this->assertSame( 'private_handoff', $reply['decision']['kind'], (string) wp_json_encode( $reply ) );

		// The chat reads the mask back.
		$read = $this->rest( 'GET', '/handoff-bot/v1/conversations/' . $id . '/messages', array( 'after' => 0 ), array( 'X-Handoff-Bot-Token' => $token ) )->get_data();
		$this->assertSame( array( 'card' ), $read['messages'][0]['redacted'] );

		// An agent's reply is masked too.
		$handoff = ( new \HandoffBot\Repositories\Handoff_Repository() )->open_for( $id );
		$this->assertNotNull( $handoff );
		wp_set_current_user( $agent );
		$this->assertSame( 200, $this->rest( 'POST', '/handoff-bot/v1/handoffs/' . $handoff['id'] . '/accept' )->get_status() );
		$written = $this->rest(
			'POST',
			'/handoff-bot/v1/handoffs/' . $handoff['id'] . '/messages',
			array(
				'body'            => 'We refunded it to DE89 3704 0044 0532 0130 00 today.',
				'idempotency_key' => 'refund-1',
			)
		);
		$this->assertSame( 201, $written->get_status(), (string) wp_json_encode( $written->get_data() ) );
		$this->assertSame( 0, $this->stored_anywhere( '3704 0044' ) );
		$this->assertSame( 1, $this->stored_anywhere( '[IBAN DE… ending 3000]' ) );
	}
}
