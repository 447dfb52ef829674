<?php
/**
 * Tests that connections can be told to send contact details masked.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Notifications;

use HandoffBot\Notifications\Notification_Builder;
use HandoffBot\Repositories\Handoff_Repository;
use HandoffBot\Settings;
use HandoffBot\Tests\Integration\Test_Case;

/**
 * With the setting on, the brief that goes out to help desks, webhooks and Slack holds no whole
 * email address or phone number; with it off (the default), it does. The site keeps them.
 */
final class Contact_Mask_Outbound_Test extends Test_Case {

	/**
	 * The setting masks; the default does not.
	 */
	public function test_contact_details_leave_the_site_masked_when_the_site_asks(): void {
		$this->staff_the_site();
		list( $id, $token ) = $this->start_conversation();
		$this->send( $id, $token, 'Please email grace.hopper@example.com or call +44 20 7946 0958 about my refund' );
		$this->send( $id, $token, 'Talk to a person', '', array( 'human' => true ) );
		$handoff = ( new Handoff_Repository() )->open_for( $id );
		$this->assertNotNull( $handoff );
		$builder = new Notification_Builder( new Handoff_Repository() );

		$plain = (string) wp_json_encode( $builder->build( 'handoff.requested', $handoff['id'], 'd1' ), JSON_UNESCAPED_UNICODE );
		$this->assertStringContainsString( 'grace.hopper@example.com', $plain, 'by default the brief is whole' );

		update_option( Settings::OPTION, array_merge( ( new Settings() )->all(), array( 'mask_contact_outbound' => true ) ) );
		$masked = (string) wp_json_encode( $builder->build( 'handoff.requested', $handoff['id'], 'd2' ), JSON_UNESCAPED_UNICODE );
		$this->assertStringNotContainsString( 'grace.hopper@example.com', $masked );
		$this->assertStringNotContainsString( '7946 0958', $masked );
		$this->assertStringContainsString( 'g•••@example.com', $masked );
		$this->assertStringContainsString( 'my refund', $masked, 'the rest of the words stay' );
		$this->assertStringContainsString( 'grace.hopper@example.com', (string) wp_json_encode( ( new Handoff_Repository() )->context( $handoff['id'] ) ), 'the site keeps them' );
	}

	/**
	 * Card numbers, IBANs and ID numbers never leave the site: they were masked before storage,
	 * so every outbound payload holds only the masks, whatever the setting.
	 */
	public function test_card_iban_and_id_numbers_never_reach_an_outbound_payload(): void {
		$this->staff_the_site();
		list( $id, $token ) = $this->start_conversation();
		$numbers            = array(
			'4111 1111 1111 1111'         => '[Visa card ending 1111]',
			'DE89 3704 0044 0532 0130 00' => '[IBAN DE… ending 3000]',
			'123-45-6789'                 => '[US SSN ending 6789]',
		);
		// One message: the request goes to a person with it (the brief is made then).
		$this->send( $id, $token, 'Here they are: ' . implode( ', ', array_keys( $numbers ) ) . ' for the refund' );
		$handoff = ( new Handoff_Repository() )->open_for( $id );
		$this->assertNotNull( $handoff );
		$builder = new Notification_Builder( new Handoff_Repository() );
		// The sensitivity signal sent the request to a person privately: only a reference goes out.
		$this->assertSame( 'private', $handoff['route'] );
		$private = (string) wp_json_encode( $builder->build( 'handoff.requested', $handoff['id'], 'd3' ), JSON_UNESCAPED_UNICODE );
		$this->assertStringNotContainsString( 'for the refund', $private );

		// A site whose rules route such requests to the live queue: the brief goes out, masked.
		global $wpdb;
		$wpdb->update( $wpdb->prefix . 'handoff_bot_handoffs', array( 'route' => 'live' ), array( 'id' => $handoff['id'] ) );
		$payload = (string) wp_json_encode( $builder->build( 'handoff.requested', $handoff['id'], 'd4' ), JSON_UNESCAPED_UNICODE );
		$this->assertStringContainsString( 'for the refund', $payload );
		foreach ( array_keys( $numbers ) as $number ) {
			$this->assertStringNotContainsString( $number, $private );
		}
		foreach ( $numbers as $number => $mask ) {
			$this->assertStringNotContainsString( $number, $payload );
			$this->assertStringContainsString( $mask, $payload );
		}
	}
}
