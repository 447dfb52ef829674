<?php
/**
 * A private handoff sends a reference and a link, nothing more.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Notifications;

use HandoffBot\Tests\Integration\Test_Case;

require_once __DIR__ . '/Local_Servers.php';

/**
 * On the private route, email, webhook and Slack bodies carry the reference and the link to
 * wp-admin only: never the transcript, the summary, the headline, or the visitor's name or email.
 */
final class Private_Route_Test extends Test_Case {

	use Local_Servers;

	/**
	 * Allows the loopback receiver and signs in an administrator.
	 */
	protected function setUp(): void {
		parent::setUp();
		add_filter( 'handoff_bot_allow_local_targets', '__return_true' );
		\HandoffBot\Capabilities::grant();
		wp_set_current_user( $this->create_user( 'administrator' ) );
	}

	/**
	 * Stops the servers.
	 */
	protected function tearDown(): void {
		$this->stop_servers();
		remove_all_filters( 'handoff_bot_allow_local_targets' );
		remove_all_actions( 'phpmailer_init' );
		remove_all_filters( 'wp_mail_from' );
		parent::tearDown();
	}

	/**
	 * Every channel gets the reference and link, and none gets what the visitor wrote or who they are.
	 */
	public function test_private_handoffs_leak_nothing_to_any_channel(): void {
		$smtp                      = $this->start_smtp();
		list( $hook_url, $hook )   = $this->start_receiver();
		list( $slack_url, $slack ) = $this->start_receiver();
		foreach ( array( array( 'email', 'team@example.com' ), array( 'webhook', $hook_url ), array( 'slack', $slack_url ) ) as list( $kind, $target ) ) {
			$created = $this->rest(
				'POST',
				'/handoff-bot/v1/connections',
				array(
					'kind'   => $kind,
					'label'  => $kind,
					'target' => $target,
					'events' => array( 'handoff.requested', 'handoff.resolved' ),
				)
			);
			$this->assertSame( 201, $created->get_status() );
		}
		$handoff = $this->make_handoff( 'private' );
		$this->assertNotSame( '', ( new \HandoffBot\Repositories\Handoff_Repository() )->find( $handoff )['headline'] ?? '', 'the handoff has a headline to leak' );
		do_action( 'handoff_bot_notify', 'handoff.requested', $handoff );
		$this->run_delivery_jobs();

		$mails = $this->mails( $smtp );
		$this->assertCount( 1, $mails );
		$bodies = array(
			'email'   => $mails[0]['headers']['subject'] . "\n" . ( $mails[0]['headers']['reply-to'] ?? '' ) . "\n" . $mails[0]['body'],
			'webhook' => $this->received( $hook )[0]['body'],
			'slack'   => $this->received( $slack )[0]['body'],
		);
		$link   = admin_url( 'admin.php?page=handoff-bot-inbox&handoff=' . $handoff );
		foreach ( $bodies as $channel => $body ) {
			$this->assertStringContainsString( sprintf( 'HB-%05d', $handoff ), $body, "{$channel}: the reference" );
			$this->assertStringContainsString( $link, str_replace( '\/', '/', $body ), "{$channel}: the link" );
			foreach ( array( '4242', 'charged twice', 'Refunds take five days', 'Ada', 'Lovelace', 'ada@example.org', 'Billing', 'billing', 'Wants', 'user_requested', 'asked for a person', '/pricing/' ) as $secret ) {
				$this->assertStringNotContainsString( $secret, $body, "{$channel} must not carry “{$secret}”" );
			}
		}
		$webhook = json_decode( $bodies['webhook'], true );
		$this->assertTrue( $webhook['private'] );
		$this->assertNull( $webhook['brief'] );
		$this->assertSame( 'private', $webhook['handoff']['route'] );
		$this->assertArrayNotHasKey( 'reply-to', $mails[0]['headers'], 'no Reply-To: the visitor’s address is personal data' );
	}
}
