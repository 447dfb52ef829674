<?php
/**
 * Tests for the retention purge and its daily job.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Privacy;

use HandoffBot\Jobs\Retention_Job;
use HandoffBot\Privacy\Anonymiser;
use HandoffBot\Privacy\Retention_Purge;
use HandoffBot\Repositories\Personal_Data_Repository;
use HandoffBot\Settings;
use HandoffBot\Tests\Integration\Test_Case;

require_once __DIR__ . '/Privacy_Fixtures.php';

/**
 * Conversations idle for longer than the retention period lose their transcripts, pages,
 * briefs and contact details; recent ones, and old ones with a ticket still open, keep them;
 * the report's figures do not change.
 */
final class Retention_Purge_Test extends Test_Case {

	use Privacy_Fixtures;

	/**
	 * The purge.
	 */
	private function purge(): Retention_Purge {
		$data = new Personal_Data_Repository();
		return new Retention_Purge( $data, new Anonymiser( $data ) );
	}

	/**
	 * Where a text is stored, but for the agents' topics, which the purge keeps for the reports.
	 *
	 * @param string $needle Text.
	 * @return array<string, int>
	 */
	private function transcript( string $needle ): array {
		return array_diff_key(
			$this->stored( $needle ),
			array(
				'handoffs.topic' => true,
				'events.data'    => true,
			)
		);
	}

	/**
	 * Old closed conversations are purged in batches; recent ones, old open tickets and pending
	 * ones, and old ones with recent activity are kept; handoffs by reason and events by type
	 * are the same before and after.
	 */
	public function test_old_conversations_are_purged_and_the_figures_stay(): void {
		$old = array();
		for ( $i = 0; $i < 7; $i++ ) {
			$old[] = $this->seed(
				array(
					'marker'   => 'oldclosed' . $i . 'x',
					'days'     => 200,
					'status'   => 0 === $i % 2 ? 'resolved' : 'closed',
					'reason'   => 0 === $i % 3 ? 'frustration' : 'user_requested',
					'email'    => 1 === $i % 2 ? 'old' . $i . '@example.org' : '',
					'rating'   => 4,
					'delivery' => true,
				)
			);
		}
		$this->seed(
			array(
				'marker' => 'oldnohandoff',
				'days'   => 200,
				'status' => '',
			)
		);
		$this->seed(
			array(
				'marker' => 'oldopenticket',
				'days'   => 300,
				'status' => 'ticket',
				'email'  => 'open@example.org',
			)
		);
		$this->seed(
			array(
				'marker' => 'oldpending',
				'days'   => 300,
				'status' => 'pending',
				'email'  => 'pending@example.org',
			)
		);
		$this->seed(
			array(
				'marker' => 'recentchat',
				'days'   => 20,
			)
		);
		$active = $this->seed(
			array(
				'marker' => 'oldbutactive',
				'days'   => 200,
			)
		);
		( new \HandoffBot\Repositories\Message_Repository() )->add( $active['conversation'], 'visitor', 'Still there?' );
		$before = $this->figures();

		$result = $this->purge()->run( time(), 180, 3, 60.0 );

		$this->assertTrue( $result['done'] );
		$this->assertSame( 8, $result['tally']['conversations'] );
		for ( $i = 0; $i < 7; $i++ ) {
			$this->assertSame( array(), $this->transcript( 'oldclosed' . $i . 'x' ), 'old conversation ' . $i . ' purged' );
		}
		$this->assertSame( array(), $this->stored( 'old1@example.org' ), 'the contact details went' );
		$this->assertSame( array(), $this->transcript( 'oldnohandoff' ) );
		foreach ( array( 'oldopenticket', 'oldpending', 'recentchat', 'oldbutactive' ) as $kept ) {
			$this->assertArrayHasKey( 'messages.body', $this->stored( $kept ), $kept . ' is kept' );
			$this->assertArrayHasKey( 'handoffs.context', $this->stored( $kept ), $kept . '’s brief is kept' );
		}
		$this->assertSame( $before, $this->figures(), 'the report’s figures are the same' );
		$this->assertArrayHasKey( 'handoffs.topic', $this->stored( 'Topic oldclosed1x' ), 'the agents’ topics stay for the reports' );

		global $wpdb;
		$placeholder = Anonymiser::placeholder();
		$this->assertSame( '4', (string) $wpdb->get_var( $wpdb->prepare( 'SELECT COUNT(*) FROM %i WHERE conversation_id = %d AND body = %s', $wpdb->prefix . 'handoff_bot_messages', $old[0]['conversation'], $placeholder ) ) );
		$this->assertSame( '', (string) $wpdb->get_var( $wpdb->prepare( 'SELECT payload FROM %i WHERE id = %d', $wpdb->prefix . 'handoff_bot_deliveries', $old[0]['delivery'] ) ) );

		$this->assertSame( 0, $this->purge()->run( time(), 180 )['tally']['conversations'], 'the next run finds nothing more' );

		// Closing the old ticket keeps it for the period from its closing, not from its start.
		$wpdb->query( $wpdb->prepare( "UPDATE %i SET status = 'closed', resolved_at = %s WHERE status = 'ticket'", $wpdb->prefix . 'handoff_bot_handoffs', gmdate( 'Y-m-d H:i:s' ) ) );
		$this->purge()->run( time(), 180 );
		$this->assertArrayHasKey( 'messages.body', $this->stored( 'oldopenticket' ) );
		$this->purge()->run( time() + 181 * DAY_IN_SECONDS, 180 );
		$this->assertSame( array(), $this->transcript( 'oldopenticket' ), 'purged once the period passed after closing' );
	}

	/**
	 * A run that runs out of time stops after a batch and says more is left; the next run goes
	 * on, and the daily job reads the period from the settings.
	 */
	public function test_a_run_out_of_time_goes_on_next_time_and_the_setting_counts(): void {
		for ( $i = 0; $i < 5; $i++ ) {
			$this->seed(
				array(
					'marker' => 'batch' . $i . 'x',
					'days'   => 60,
				)
			);
		}
		$this->assertSame( 0, $this->purge()->run( time(), 180 )['tally']['conversations'], 'within 180 days: kept' );

		$first = $this->purge()->run( time(), 30, 2, 0.0 );
		$this->assertFalse( $first['done'] );
		$this->assertSame( 2, $first['tally']['conversations'] );

		( new Settings() )->update( array( 'retention_days' => 45 ) );
		$job = new Retention_Job( $this->purge(), new Settings() );
		$job->run();
		for ( $i = 0; $i < 5; $i++ ) {
			$this->assertSame( array(), $this->transcript( 'batch' . $i . 'x' ) );
		}
	}

	/**
	 * The job is scheduled daily once, and deactivating the plugin takes it off the schedule.
	 */
	public function test_the_daily_job_is_scheduled_and_cleared_on_deactivation(): void {
		Retention_Job::clear();
		$this->assertFalse( wp_next_scheduled( Retention_Job::HOOK ) );
		Retention_Job::ensure();
		Retention_Job::ensure();
		$this->assertNotFalse( wp_next_scheduled( Retention_Job::HOOK ) );
		$this->assertSame( 'daily', wp_get_schedule( Retention_Job::HOOK ) );

		do_action( 'deactivate_' . plugin_basename( HANDOFF_BOT_FILE ) );
		$this->assertFalse( wp_next_scheduled( Retention_Job::HOOK ) );

		\HandoffBot\Jobs\Queue_Sweep_Job::ensure();
		Retention_Job::ensure();
	}
}
