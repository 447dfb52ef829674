<?php
/**
 * Tests for the email of a ticket's reply, through a real SMTP server.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Jobs;

use HandoffBot\Capabilities;
use HandoffBot\Jobs\Ticket_Reply_Job;
use HandoffBot\Notifications\Connection_Store;
use HandoffBot\Repositories\Event_Repository;
use HandoffBot\Tests\Integration\Notifications\Local_Servers;
use HandoffBot\Tests\Integration\Rest\Ticket_Fixtures;
use HandoffBot\Tests\Integration\Test_Case;

require_once dirname( __DIR__ ) . '/Notifications/Local_Servers.php';
require_once dirname( __DIR__ ) . '/Rest/Ticket_Fixtures.php';

/**
 * An agent's reply reaches the visitor's address through PHPMailer and a real local SMTP server
 * (tests/php/servers/smtp-sink.php), from the background job only: the reference in the subject,
 * Reply-To the team's inbox (its email connection, else the site's admin address), the reply and
 * who wrote it in the body. A job that runs twice sends once. When the mail server cannot be
 * reached, the job tries again later with a growing wait, then marks the reply failed; the
 * screen reads where it stands from the ticket.
 */
final class Ticket_Reply_Job_Test extends Test_Case {

	use Local_Servers;
	use Ticket_Fixtures;

	/**
	 * The agent.
	 *
	 * @var int
	 */
	private int $agent = 0;

	/**
	 * Closes the site (a billing team with the agent) and signs the agent in.
	 */
	protected function setUp(): void {
		parent::setUp();
		$this->close_the_site();
		$this->agent = $this->create_user( Capabilities::ROLE );
		wp_update_user(
			array(
				'ID'           => $this->agent,
				'display_name' => 'Sam Agent',
			)
		);
		$this->close_the_site( array( 'billing' => array( $this->agent ) ) );
		wp_set_current_user( $this->agent );
	}

	/**
	 * Stops the servers and forgets the mail set-up.
	 */
	protected function tearDown(): void {
		$this->stop_servers();
		remove_all_actions( 'phpmailer_init' );
		remove_all_filters( 'wp_mail_from' );
		delete_option( Connection_Store::OPTION );
		parent::tearDown();
	}

	/**
	 * Runs the reply jobs WP-Cron holds (whenever due), as wp-cron.php would; returns their arguments.
	 *
	 * @return list<array<int, mixed>>
	 */
	private function run_reply_jobs(): array {
		$ran = array();
		foreach ( (array) _get_cron_array() as $timestamp => $hooks ) {
			foreach ( (array) ( $hooks[ Ticket_Reply_Job::HOOK ] ?? array() ) as $event ) {
				wp_unschedule_event( (int) $timestamp, Ticket_Reply_Job::HOOK, $event['args'] );
				do_action_ref_array( Ticket_Reply_Job::HOOK, $event['args'] ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.DynamicHooknameFound -- the plugin's own hook.
				$ran[] = $event['args'];
			}
		}
		return $ran;
	}

	/**
	 * The reply with its email state, as the screen reads it.
	 *
	 * @param int $ticket Ticket.
	 * @return array<string, mixed>
	 */
	private function reply_of( int $ticket ): array {
		$detail  = $this->tickets( 'GET', '/' . $ticket )->get_data();
		$replies = array_values(
			array_filter(
				$detail['messages'],
				static function ( array $message ): bool {
					return 'agent' === $message['role'];
				}
			)
		);
		$this->assertCount( 1, $replies );
		return $replies[0];
	}

	/**
	 * Sends a reply through REST.
	 *
	 * @param int    $ticket Ticket.
	 * @param string $text   Text.
	 */
	private function reply( int $ticket, string $text ): void {
		$sent = $this->tickets(
			'POST',
			'/' . $ticket . '/replies',
			array(
				'body'            => $text,
				'idempotency_key' => 'reply-' . wp_generate_password( 8, false ),
			)
		);
		$this->assertSame( 201, $sent->get_status(), (string) wp_json_encode( $sent->get_data() ) );
	}

	/**
	 * The reply arrives at the visitor's address with Reply-To the team's inbox.
	 */
	public function test_the_reply_reaches_the_visitor_with_reply_to_the_team_inbox(): void {
		$smtp = $this->start_smtp();
		( new Connection_Store() )->create(
			array(
				'kind'    => 'email',
				'label'   => 'Shipping desk',
				'target'  => 'shipping@example.com',
				'teams'   => array( 'shipping' ),
				'events'  => array( 'ticket.created' ),
				'enabled' => true,
			)
		);
		( new Connection_Store() )->create(
			array(
				'kind'    => 'email',
				'label'   => 'Billing desk',
				'target'  => 'billing-desk@example.com',
				'teams'   => array( 'billing' ),
				'events'  => array( 'ticket.created' ),
				'enabled' => true,
			)
		);
		list( $ticket ) = $this->leave_ticket();
		$this->assertSame( 200, $this->tickets( 'POST', '/' . $ticket . '/assign', array( 'team' => 'billing' ) )->get_status() );

		$this->reply( $ticket, 'A replacement screen ships today by courier.' );
		$this->assertSame( array(), $this->mails( $smtp ), 'nothing is sent in the agent’s request' );
		$this->assertSame( 'queued', $this->reply_of( $ticket )['email']['status'] );

		$this->assertCount( 1, $this->run_reply_jobs() );
		$mails = $this->mails( $smtp );
		$this->assertCount( 1, $mails );
		$mail = $mails[0];
		$this->assertSame( 'ada@example.org', $mail['headers']['x-envelope-to'] );
		$this->assertStringContainsString( sprintf( 'HB-%05d', $ticket ), $mail['headers']['subject'] );
		$this->assertStringContainsString( 'billing-desk@example.com', $mail['headers']['reply-to'], 'the answer goes to the team’s inbox' );
		$this->assertStringContainsString( 'A replacement screen ships today by courier.', $mail['body'] );
		$this->assertStringContainsString( 'Sam Agent', $mail['body'] );

		$reply = $this->reply_of( $ticket );
		$this->assertSame( 'sent', $reply['email']['status'] );
		$this->assertNotNull( $reply['email']['sent_at'] );

		// Run again (a job that fires twice): nothing more is sent.
		do_action( Ticket_Reply_Job::HOOK, $ticket, $reply['id'], 1 ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.DynamicHooknameFound -- the plugin's own hook.
		$this->assertCount( 1, $this->mails( $smtp ) );
	}

	/**
	 * With no email connection for the team, Reply-To is the site's admin address.
	 */
	public function test_without_a_team_inbox_reply_to_is_the_admin_address(): void {
		$smtp           = $this->start_smtp();
		list( $ticket ) = $this->leave_ticket();
		$this->reply( $ticket, 'We are looking into it.' );
		$this->run_reply_jobs();
		$mails = $this->mails( $smtp );
		$this->assertCount( 1, $mails );
		$this->assertStringContainsString( (string) get_option( 'admin_email' ), $mails[0]['headers']['reply-to'] );
	}

	/**
	 * A mail server that cannot be reached: retried with a growing wait, then marked failed.
	 */
	public function test_a_reply_that_cannot_be_sent_is_retried_then_marked_failed(): void {
		$socket = stream_socket_server( 'tcp://127.0.0.1:0' );
		$this->assertNotFalse( $socket );
		$port = (int) substr( (string) strrchr( (string) stream_socket_get_name( $socket, false ), ':' ), 1 );
		fclose( $socket ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_fclose -- nothing listens there now.
		add_action(
			'phpmailer_init',
			static function ( $mailer ) use ( $port ): void {
				$mailer->isSMTP();
				$mailer->Host     = '127.0.0.1'; // phpcs:ignore WordPress.NamingConventions.ValidVariableName.UsedPropertyNotSnakeCase -- PHPMailer's.
				$mailer->Port     = $port; // phpcs:ignore WordPress.NamingConventions.ValidVariableName.UsedPropertyNotSnakeCase -- PHPMailer's.
				$mailer->Timeout  = 2; // phpcs:ignore WordPress.NamingConventions.ValidVariableName.UsedPropertyNotSnakeCase -- PHPMailer's.
				$mailer->SMTPAuth = false; // phpcs:ignore WordPress.NamingConventions.ValidVariableName.UsedPropertyNotSnakeCase -- PHPMailer's.
			}
		);
		list( $ticket, $conversation ) = $this->leave_ticket();
		$this->reply( $ticket, 'Your refund is on its way.' );

		$before = time();
		$this->assertCount( 1, $this->run_reply_jobs() );
		$reply = $this->reply_of( $ticket );
		$this->assertSame( 'retrying', $reply['email']['status'] );
		$this->assertSame( 1, $reply['email']['attempts'] );
		$this->assertNotSame( '', $reply['email']['error'] );
		$next = wp_next_scheduled( Ticket_Reply_Job::HOOK, array( $ticket, $reply['id'], 2 ) );
		$this->assertNotFalse( $next );
		$this->assertGreaterThanOrEqual( $before + 60, $next, 'the second attempt waits a minute' );

		for ( $i = 2; $i <= Ticket_Reply_Job::ATTEMPTS; $i++ ) {
			$this->assertCount( 1, $this->run_reply_jobs() );
		}
		$this->assertSame( array(), $this->run_reply_jobs(), 'no attempt after the last' );
		$reply = $this->reply_of( $ticket );
		$this->assertSame( 'failed', $reply['email']['status'] );
		$this->assertSame( Ticket_Reply_Job::ATTEMPTS, $reply['email']['attempts'] );
		$this->assertSame( 'Your refund is on its way.', $reply['body'], 'the reply stays in the conversation' );
		$failed = array_filter(
			( new Event_Repository() )->for_conversation( $conversation ),
			static function ( array $event ): bool {
				return 'ticket_reply_failed' === $event['type'];
			}
		);
		$this->assertCount( 1, $failed );
	}
}
