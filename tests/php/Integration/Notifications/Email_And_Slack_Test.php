<?php
/**
 * Email through a real SMTP server, and Slack to a real receiver.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Notifications;

use HandoffBot\Tests\Integration\Test_Case;

require_once __DIR__ . '/Local_Servers.php';

/**
 * The team's inbox gets a readable brief (summary, reason, intent, pages, the link to wp-admin)
 * and the transcript, with Reply-To the visitor; Slack gets blocks with a button to the handoff
 * and never the transcript.
 */
final class Email_And_Slack_Test extends Test_Case {

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
	 * Adds a connection through REST; returns its ID.
	 *
	 * @param string $kind   Kind.
	 * @param string $target Target.
	 */
	private function connect( string $kind, string $target ): string {
		$created = $this->rest(
			'POST',
			'/handoff-bot/v1/connections',
			array(
				'kind'   => $kind,
				'label'  => 'Support ' . $kind,
				'target' => $target,
				'events' => array( 'handoff.requested' ),
			)
		);
		$this->assertSame( 201, $created->get_status(), (string) wp_json_encode( $created->get_data() ) );
		$this->assertArrayNotHasKey( 'secret', $created->get_data(), 'only webhooks have a secret' );
		return (string) $created->get_data()['id'];
	}

	/**
	 * The brief and transcript reach the inbox through SMTP, with Reply-To the visitor.
	 */
	public function test_the_team_inbox_gets_the_brief_and_the_transcript(): void {
		$smtp = $this->start_smtp();
		$this->connect( 'email', 'team@example.com' );
		$handoff = $this->make_handoff( 'live' );
		do_action( 'handoff_bot_notify', 'handoff.requested', $handoff );
		$this->assertSame( array(), $this->mails( $smtp ), 'nothing is sent in the request that queued it' );
		$this->run_delivery_jobs();

		$mails = $this->mails( $smtp );
		$this->assertCount( 1, $mails );
		$mail = $mails[0];
		$this->assertSame( 'team@example.com', $mail['headers']['x-envelope-to'] );
		$this->assertStringContainsString( 'A visitor needs a person', $mail['headers']['subject'] );
		$this->assertStringContainsString( 'Billing and payments', $mail['headers']['subject'], 'the headline' );
		$this->assertStringContainsString( '(' . sprintf( 'HB-%05d', $handoff ) . ')', $mail['headers']['subject'] );
		$this->assertSame( 'Ada Lovelace <ada@example.org>', $mail['headers']['reply-to'] );
		$this->assertNotEmpty( $mail['headers']['x-handoff-bot-delivery'] );
		$body = $mail['body'];
		$this->assertStringContainsString( 'Summary', $body );
		$this->assertStringContainsString( 'Reason: the visitor asked for a person', $body );
		$this->assertStringContainsString( 'Intent: Billing and payments', $body );
		$this->assertStringContainsString( 'Pricing — ' . home_url( '/pricing/' ), $body );
		$this->assertStringContainsString( 'Refunds — ' . home_url( '/refunds/' ), $body );
		$this->assertStringContainsString( admin_url( 'admin.php?page=handoff-bot-inbox&handoff=' . $handoff ), $body );
		$this->assertStringContainsString( 'Visitor: ' . self::$visitor_text, $body, 'the transcript' );
		$this->assertStringContainsString( 'Bot: Refunds take five days.', $body );

		$log = $this->rest( 'GET', '/handoff-bot/v1/deliveries' )->get_data();
		$this->assertSame( 'sent', $log[0]['status'] );
		$this->assertSame( $mail['headers']['x-handoff-bot-delivery'], $log[0]['delivery_id'] );
	}

	/**
	 * Mail that cannot be sent (no server listening) is retried, not lost.
	 */
	public function test_mail_that_cannot_be_sent_is_retried(): void {
		$smtp = $this->start_smtp();
		$this->stop_servers();
		$this->connect( 'email', 'team@example.com' );
		do_action( 'handoff_bot_notify', 'handoff.requested', $this->make_handoff( 'live' ) );
		$this->run_delivery_jobs();
		$log = $this->rest( 'GET', '/handoff-bot/v1/deliveries' )->get_data();
		$this->assertSame( 'pending', $log[0]['status'] );
		$this->assertSame( 1, $log[0]['attempts'] );
		$this->assertNotSame( '', $log[0]['error'] );
		$this->assertNotNull( $log[0]['next_attempt_at'] );
		unset( $smtp );
	}

	/**
	 * Slack gets the incoming-webhook format with a button to the handoff, without the transcript.
	 */
	public function test_slack_gets_blocks_with_a_link_to_wp_admin(): void {
		list( $url, $dir ) = $this->start_receiver();
		$this->connect( 'slack', $url );
		$listed = $this->rest( 'GET', '/handoff-bot/v1/connections' )->get_data();
		$this->assertStringNotContainsString( '/hooks/handoff', $listed[0]['target'], 'a Slack URL is a secret: only its host and end are shown' );
		$handoff = $this->make_handoff( 'live', '' );
		do_action( 'handoff_bot_notify', 'handoff.requested', $handoff );
		$this->run_delivery_jobs();

		$requests = $this->received( $dir );
		$this->assertCount( 1, $requests );
		$message = json_decode( $requests[0]['body'], true );
		$this->assertSame( 'A visitor needs a person: ' . sprintf( 'HB-%05d', $handoff ), $message['text'] );
		$this->assertSame( 'header', $message['blocks'][0]['type'] );
		$types = array_column( $message['blocks'], 'type' );
		$this->assertContains( 'actions', $types );
		$actions = $message['blocks'][ array_search( 'actions', $types, true ) ];
		$this->assertSame( admin_url( 'admin.php?page=handoff-bot-inbox&handoff=' . $handoff ), $actions['elements'][0]['url'] );
		$this->assertStringContainsString( 'Billing and payments', $requests[0]['body'] );
		$this->assertStringNotContainsString( 'Refunds take five days', $requests[0]['body'], 'Slack never gets the transcript' );
	}
}
