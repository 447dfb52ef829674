<?php
/**
 * The report from the precomputed facts is the report from the rows, before and after new writes.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Reports;

use HandoffBot\Escalation\Policy_Store;
use HandoffBot\Jobs\Report_Facts_Job;
use HandoffBot\Reports\Metrics;
use HandoffBot\Reports\Period;
use HandoffBot\Reports\Report_Facts;
use HandoffBot\Repositories\Report_Facts_Repository;
use HandoffBot\Repositories\Report_Repository;
use HandoffBot\Settings;
use HandoffBot\Tests\Integration\Test_Case;

require_once __DIR__ . '/Report_Fixtures.php';
require_once __DIR__ . '/Report_Scenario.php';

/**
 * The week of Report_Scenario (New York time), reported from the rows (no facts), then from the
 * facts the scheduled refresh builds, then with writes the refresh has not taken in yet.
 */
final class Report_Facts_Test extends Test_Case {

	/**
	 * "Now" for the refresh: after the scenario's last event.
	 */
	private const NOW = '2026-03-20 12:00:00';

	/**
	 * The scenario.
	 *
	 * @var Report_Scenario
	 */
	private Report_Scenario $scenario;

	/**
	 * New York time, the default policy and settings, the scenario's rows, and no facts.
	 */
	protected function setUp(): void {
		parent::setUp();
		update_option( 'timezone_string', 'America/New_York' );
		update_option( 'gmt_offset', '' );
		delete_option( Policy_Store::OPTION );
		delete_option( Settings::OPTION );
		delete_option( Report_Facts::WATERMARK_OPTION );
		$this->scenario = new Report_Scenario();
		$this->scenario->build();
	}

	/**
	 * The refresh.
	 *
	 * @param string $now The time it runs at (UTC).
	 * @return array{conversations: int, through: int, done: bool}
	 */
	private function refresh( string $now = self::NOW ): array {
		return ( new Report_Facts( new Report_Facts_Repository() ) )->refresh( (int) strtotime( $now . ' UTC' ), 30.0 );
	}

	/**
	 * The report of a custom period.
	 *
	 * @param string $from    First day.
	 * @param string $to      Last day.
	 * @param bool   $compare Whether to compare.
	 * @param int    $version Config version (0: all).
	 * @return array<string, mixed>
	 */
	private function report( string $from, string $to, bool $compare = true, int $version = 0 ): array {
		$period = Period::from_preset( Period::CUSTOM, $from, $to, wp_timezone(), new \DateTimeImmutable( self::NOW ) );
		return ( new Metrics( new Report_Repository(), new Settings() ) )->summary( $period, $compare, $version );
	}

	/**
	 * The same report computed from the rows alone (as with no facts at all), the watermark put
	 * back afterwards.
	 *
	 * @param string $from    First day.
	 * @param string $to      Last day.
	 * @param bool   $compare Whether to compare.
	 * @param int    $version Config version (0: all).
	 * @return array<string, mixed>
	 */
	private function from_rows( string $from, string $to, bool $compare = true, int $version = 0 ): array {
		$watermark = Report_Facts::watermark();
		update_option( Report_Facts::WATERMARK_OPTION, 0 );
		$report = $this->report( $from, $to, $compare, $version );
		update_option( Report_Facts::WATERMARK_OPTION, $watermark );
		return $report;
	}

	/**
	 * The reports the tests compare: the week with its comparison, each config version alone,
	 * the previous week, and a period across both.
	 *
	 * @param bool $rows Whether from the rows alone (else as the report reads them).
	 * @return array<string, array<string, mixed>>
	 */
	private function reports( bool $rows ): array {
		$out = array();
		foreach (
			array(
				'week'      => array( '2026-03-02', '2026-03-08', true, 0 ),
				'version 1' => array( '2026-03-02', '2026-03-08', false, 1 ),
				'version 2' => array( '2026-03-02', '2026-03-08', false, 2 ),
				'before'    => array( '2026-02-23', '2026-03-01', true, 0 ),
				'fortnight' => array( '2026-02-23', '2026-03-19', false, 0 ),
			) as $name => $args
		) {
			$out[ $name ] = $rows ? $this->from_rows( ...$args ) : $this->report( ...$args );
		}
		return $out;
	}

	/**
	 * Once the refresh has run, every report is read from the facts and is exactly the report
	 * computed from the rows.
	 */
	public function test_the_facts_give_exactly_the_report_of_the_rows(): void {
		$expected = $this->reports( true );
		$this->assertSame( 8, $expected['week']['metrics']['conversations'] );

		$run = $this->refresh();
		$this->assertTrue( $run['done'] );
		$this->assertGreaterThan( 0, Report_Facts::watermark() );
		global $wpdb;
		$with_events = (int) $wpdb->get_var( $wpdb->prepare( 'SELECT COUNT(DISTINCT conversation_id) FROM %i', $wpdb->prefix . 'handoff_bot_events' ) );
		$this->assertGreaterThan( 5, $with_events );
		$this->assertSame( $with_events, $run['conversations'], 'every conversation with an event has its facts' );

		$read = ( new Report_Repository() )->period_events( '2026-03-02 05:00:00', '2026-03-09 04:00:00', 0, Report_Facts::watermark() );
		$this->assertArrayNotHasKey( 'decision', $read['events'][0]['data'], 'read from the facts, which keep only what the report reads' );
		$this->assertSame( $expected, $this->reports( false ) );
	}

	/**
	 * Facts far behind the events (the job stopped running) are not read: the report reads the
	 * period's events, and its figures stay the rows' figures.
	 */
	public function test_facts_far_behind_the_events_are_not_read(): void {
		$expected = $this->reports( true );
		$this->refresh();
		global $wpdb;
		$events = $wpdb->prefix . 'handoff_bot_events';
		$wpdb->query( $wpdb->prepare( 'INSERT INTO %i (id, conversation_id, handoff_id, type, data, config_version, created_at) VALUES (%d, 0, 0, %s, %s, 0, %s)', $events, Report_Facts::watermark() + Report_Repository::MAX_UNREAD_EVENTS + 1, 'page_viewed', '{}', '2026-04-01 00:00:00' ) );

		$read = ( new Report_Repository() )->period_events( '2026-03-02 05:00:00', '2026-03-09 04:00:00', 0, Report_Facts::watermark() );
		$this->assertArrayHasKey( 'decision', $read['events'][0]['data'], 'read from the events, which keep everything' );
		$this->assertSame( $expected, $this->reports( false ) );
	}

	/**
	 * Writes the refresh has not taken in yet (a new conversation, a late rating, feedback) show
	 * at once, read from the rows; after the next refresh, from the facts; the figures are the
	 * rows' figures all along.
	 */
	public function test_new_writes_show_before_and_after_the_refresh_takes_them_in(): void {
		$this->refresh();
		$before = $this->report( '2026-03-02', '2026-03-08' );

		$f     = new Report_Fixtures();
		$late  = '2026-03-20 11:58:00';
		$extra = $f->conversation( '2026-03-06 15:00:00', 2 );
		$f->turn(
			$extra,
			'answered',
			array(
				'intent'     => 'returns',
				'confidence' => 0.2,
				'reply_id'   => 901,
			),
			$late
		);
		$handoff = $f->handoff(
			$extra,
			array(
				'reason'       => 'low_confidence',
				'trigger_type' => 'system',
				'intent'       => 'returns',
				'turn'         => 2,
				'requested_at' => '2026-03-06 15:01:00',
			),
			array( 'transcript', 'intent' )
		);
		$f->turn(
			$extra,
			'handoff_requested',
			array(
				'intent'  => 'returns',
				'reason'  => 'low_confidence',
				'signals' => array( 'frustration' ),
			),
			$late,
			$handoff
		);
		$f->event(
			$extra,
			'feedback',
			array(
				'message_id' => 901,
				'helpful'    => false,
			),
			$late
		);
		$f->event(
			$this->scenario->ids['c2'],
			'rated',
			array(
				'rating'    => 1,
				'served_by' => 'bot',
			),
			$late
		);

		$now = $this->report( '2026-03-02', '2026-03-08' );
		$this->assertSame( $before['metrics']['conversations'] + 1, $now['metrics']['conversations'] );
		$this->assertSame( $before['metrics']['satisfaction']['bot']['ratings'] + 1, $now['metrics']['satisfaction']['bot']['ratings'], 'the late rating counts before any refresh' );
		$this->assertSame( $this->reports( true ), $this->reports( false ) );

		$run = $this->refresh();
		$this->assertSame( 0, $run['conversations'], 'events of the last five minutes wait for the next run' );
		$this->assertSame( $this->reports( true ), $this->reports( false ) );

		$run = $this->refresh( '2026-03-20 13:00:00' );
		$this->assertSame( 2, $run['conversations'] );
		$this->assertSame( $this->reports( true ), $this->reports( false ) );
	}

	/**
	 * A conversation whose facts row is missing (or its conversation removed) is read from its
	 * rows; the refresh deletes the facts of conversations that are gone.
	 */
	public function test_missing_facts_are_read_from_the_rows_and_orphans_go(): void {
		global $wpdb;
		$expected = $this->reports( true );
		$this->refresh();
		$facts = $wpdb->prefix . 'handoff_bot_report_facts';
		$wpdb->query( $wpdb->prepare( 'DELETE FROM %i WHERE conversation_id = %d', $facts, $this->scenario->ids['c4'] ) );
		$this->assertSame( $expected, $this->reports( false ) );

		$count = static function ( int $conversation ) use ( $wpdb, $facts ): string {
			return (string) $wpdb->get_var( $wpdb->prepare( 'SELECT COUNT(*) FROM %i WHERE conversation_id = %d', $facts, $conversation ) );
		};
		$this->assertSame( '1', $count( $this->scenario->ids['x1'] ) );
		$wpdb->query( $wpdb->prepare( 'DELETE FROM %i WHERE id = %d', $wpdb->prefix . 'handoff_bot_conversations', $this->scenario->ids['x1'] ) );
		$this->refresh();
		$this->assertSame( '0', $count( $this->scenario->ids['x1'] ), 'the purged conversation\'s facts are gone' );
		$this->assertSame( '1', $count( $this->scenario->ids['c1'] ) );
	}

	/**
	 * The facts keep the codes and figures the report reads, never an event's free text.
	 */
	public function test_the_facts_keep_no_free_text(): void {
		global $wpdb;
		$f = new Report_Fixtures();
		$f->turn(
			$this->scenario->ids['c1'],
			'answered',
			array(
				'intent' => 'shipping',
				'topic'  => 'Parcel for Ada Lovelace',
				'error'  => 'Timeout talking to ada@example.com',
			),
			'2026-03-02 05:03:00'
		);
		$this->refresh();
		$stored = (string) $wpdb->get_var( $wpdb->prepare( 'SELECT turns FROM %i WHERE conversation_id = %d', $wpdb->prefix . 'handoff_bot_report_facts', $this->scenario->ids['c1'] ) );
		$this->assertStringContainsString( 'shipping', $stored );
		$this->assertStringNotContainsString( 'Lovelace', $stored );
		$this->assertStringNotContainsString( 'ada@example.com', $stored );
	}

	/**
	 * The job is scheduled every fifteen minutes and takes new events in when it runs.
	 */
	public function test_the_job_is_scheduled_and_runs(): void {
		wp_clear_scheduled_hook( Report_Facts_Job::HOOK );
		Report_Facts_Job::ensure();
		$this->assertNotFalse( wp_next_scheduled( Report_Facts_Job::HOOK ) );
		$this->assertSame( Report_Facts_Job::SCHEDULE, wp_get_schedule( Report_Facts_Job::HOOK ) );
		$this->assertSame( 900, wp_get_schedules()[ Report_Facts_Job::SCHEDULE ]['interval'] );

		( new Report_Facts_Job( static fn(): Report_Facts => new Report_Facts( new Report_Facts_Repository() ) ) )->run();
		$this->assertGreaterThan( 0, Report_Facts::watermark() );
		wp_clear_scheduled_hook( Report_Facts_Job::HOOK );
	}
}
