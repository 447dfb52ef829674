<?php
/**
 * The daily job: scheduling, and the digest of new alerts through a real SMTP server.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Reports\Alerts;

use HandoffBot\Jobs\Report_Alerts_Job;
use HandoffBot\Reports\Alerts\Alert_Check;
use HandoffBot\Reports\Alerts\Alert_Digest;
use HandoffBot\Repositories\Report_Alert_Repository;
use HandoffBot\Settings;
use HandoffBot\Tests\Integration\Notifications\Local_Servers;
use HandoffBot\Tests\Integration\Test_Case;

require_once __DIR__ . '/Alert_Fixtures.php';
require_once dirname( __DIR__, 2 ) . '/Notifications/Local_Servers.php';

/**
 * The digest goes through wp_mail(), PHPMailer and tests/php/servers/smtp-sink.php: once per new
 * alert, to the recipients set or the admin email, never when it is off; a mail server that
 * cannot be reached gets another attempt later, and nothing is marked sent meanwhile.
 */
final class Alert_Digest_Test extends Test_Case {

	use Alert_Fixtures;
	use Local_Servers;

	/**
	 * Stops the servers and forgets the mail set-up and the schedule.
	 */
	protected function tearDown(): void {
		$this->stop_servers();
		remove_all_actions( 'phpmailer_init' );
		remove_all_filters( 'wp_mail_from' );
		Report_Alerts_Job::clear();
		if ( false === has_action( 'update_option_admin_email', 'wp_site_admin_email_change_notification' ) ) {
			add_action( 'update_option_admin_email', 'wp_site_admin_email_change_notification', 10, 3 );
		}
		parent::tearDown();
	}

	/**
	 * The job.
	 */
	private function job(): Report_Alerts_Job {
		return new Report_Alerts_Job( fn(): Alert_Check => $this->check(), static fn(): Alert_Digest => new Alert_Digest( new Report_Alert_Repository(), new Settings() ) );
	}

	/**
	 * Stores an alert on a topic.
	 *
	 * @param string $topic Topic.
	 */
	private function alert( string $topic ): int {
		return ( new Report_Alert_Repository() )->add(
			'topic_share',
			$topic,
			'up',
			'2026-03-03',
			'2026-03-09',
			array(
				'current'  => 0.6,
				'previous' => 0.2,
			)
		);
	}

	/**
	 * Off by default: nothing is sent.
	 */
	public function test_no_digest_unless_it_is_on(): void {
		$dir = $this->start_smtp();
		$this->configure( array() );
		$this->alert( 'refunds' );
		$this->job()->run();
		$this->assertSame( array(), $this->mails( $dir ) );
	}

	/**
	 * On, to two recipients: one mail listing the new alerts with their links; the next run
	 * sends nothing new; a later alert gets its own digest; a dismissed one none.
	 */
	public function test_the_digest_of_new_alerts(): void {
		$dir = $this->start_smtp();
		$this->configure(
			array(
				'alerts_digest'            => true,
				'alerts_digest_recipients' => 'ops@example.org, lead@example.org',
			)
		);
		$first = $this->alert( 'refunds' );
		$this->alert( 'shipping' );
		$this->job()->run();
		$mails = $this->mails( $dir );
		$this->assertCount( 1, $mails );
		$this->assertStringContainsString( 'ops@example.org', $mails[0]['headers']['to'] );
		$this->assertStringContainsString( 'lead@example.org', $mails[0]['headers']['to'] );
		$this->assertStringContainsString( 'Handoff report: 2 new alerts', $mails[0]['headers']['subject'] );
		$this->assertStringContainsString( 'refunds takes 60.0 % of handoffs', $mails[0]['body'] );
		$this->assertStringContainsString( 'shipping takes 60.0 % of handoffs', $mails[0]['body'] );
		$this->assertStringContainsString( 'admin.php?page=handoff-bot-report&alert=' . $first, $mails[0]['body'] );

		$this->job()->run();
		$this->assertCount( 1, $this->mails( $dir ), 'nothing new' );

		$dismissed = $this->alert( 'billing' );
		( new Report_Alert_Repository() )->dismiss( $dismissed, 1 );
		$this->alert( 'returns' );
		$this->job()->run();
		$mails = $this->mails( $dir );
		$this->assertCount( 2, $mails );
		$this->assertStringContainsString( '1 new alert', $mails[1]['headers']['subject'] );
		$this->assertStringContainsString( 'returns', $mails[1]['body'] );
		$this->assertStringNotContainsString( 'billing', $mails[1]['body'] );
	}

	/**
	 * Without recipients, the site's admin email.
	 */
	public function test_the_admin_email_by_default(): void {
		// WordPress mails the old address when the admin email changes: not this test's mail.
		remove_action( 'update_option_admin_email', 'wp_site_admin_email_change_notification' );
		update_option( 'admin_email', 'owner@example.net' );
		$dir = $this->start_smtp();
		$this->configure( array( 'alerts_digest' => true ) );
		$this->alert( 'refunds' );
		$this->job()->run();
		$mails = $this->mails( $dir );
		$this->assertCount( 1, $mails, (string) wp_json_encode( $mails ) );
		$this->assertStringContainsString( 'owner@example.net', $mails[0]['headers']['to'] );
	}

	/**
	 * A mail server that is down: another attempt is queued and the alert stays unsent; when
	 * the server is back, that attempt sends it.
	 */
	public function test_a_failed_digest_is_tried_again(): void {
		$this->start_smtp();
		$this->stop_servers();
		$this->configure( array( 'alerts_digest' => true ) );
		$id = $this->alert( 'refunds' );
		$this->job()->run();
		$alert = ( new Report_Alert_Repository() )->find( $id );
		$this->assertNotNull( $alert );
		$this->assertNull( $alert['emailed_at'] );
		$retry = wp_next_scheduled( Report_Alerts_Job::DIGEST_RETRY, array( 1 ) );
		$this->assertNotFalse( $retry, 'another attempt' );
		$this->assertGreaterThan( time(), $retry );

		remove_all_actions( 'phpmailer_init' );
		$dir = $this->start_smtp();
		$job = $this->job();
		$job->register();
		wp_unschedule_event( (int) $retry, Report_Alerts_Job::DIGEST_RETRY, array( 1 ) );
		do_action( Report_Alerts_Job::DIGEST_RETRY, 1 ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.DynamicHooknameFound -- the plugin's own hook.
		$this->assertCount( 1, $this->mails( $dir ) );
		$alert = ( new Report_Alert_Repository() )->find( $id );
		$this->assertNotNull( $alert );
		$this->assertNotNull( $alert['emailed_at'] );
		$this->assertFalse( wp_next_scheduled( Report_Alerts_Job::DIGEST_RETRY, array( 2 ) ), 'no more attempts' );
	}

	/**
	 * Scheduled daily once, and removed on deactivation.
	 */
	public function test_the_daily_schedule(): void {
		Report_Alerts_Job::clear();
		$this->assertFalse( wp_next_scheduled( Report_Alerts_Job::HOOK ) );
		Report_Alerts_Job::ensure();
		Report_Alerts_Job::ensure();
		$this->assertNotFalse( wp_next_scheduled( Report_Alerts_Job::HOOK ) );
		$this->assertSame( 'daily', wp_get_schedule( Report_Alerts_Job::HOOK ) );
		$count = 0;
		foreach ( (array) _get_cron_array() as $hooks ) {
			$count += count( (array) ( $hooks[ Report_Alerts_Job::HOOK ] ?? array() ) );
		}
		$this->assertSame( 1, $count );
		Report_Alerts_Job::clear();
		$this->assertFalse( wp_next_scheduled( Report_Alerts_Job::HOOK ) );
	}
}
