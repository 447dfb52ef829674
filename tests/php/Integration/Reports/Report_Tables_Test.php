<?php
/**
 * The report's tables over the hand-computed week of Report_Scenario.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Reports;

use HandoffBot\Escalation\Policy_Store;
use HandoffBot\Reports\Metrics;
use HandoffBot\Reports\Period;
use HandoffBot\Reports\Report_Tables;
use HandoffBot\Repositories\Report_Repository;
use HandoffBot\Settings;
use HandoffBot\Tests\Integration\Test_Case;

require_once __DIR__ . '/Report_Fixtures.php';
require_once __DIR__ . '/Report_Scenario.php';

/**
 * Each table holds the figures of the summary it was made from (worked out by hand in
 * Metrics_Test), in the columns docs/METRICS.md names.
 */
final class Report_Tables_Test extends Test_Case {

	/**
	 * New York time, the default policy and settings, and the scenario's rows.
	 */
	protected function setUp(): void {
		parent::setUp();
		update_option( 'timezone_string', 'America/New_York' );
		update_option( 'gmt_offset', '' );
		delete_option( Policy_Store::OPTION );
		delete_option( Settings::OPTION );
		( new Report_Scenario() )->build();
	}

	/**
	 * Every table of a custom period.
	 *
	 * @param string $from    First day.
	 * @param string $to      Last day.
	 * @param bool   $compare Whether to compare.
	 * @return array<string, array<string, mixed>>
	 */
	private function tables( string $from, string $to, bool $compare = false ): array {
		$period = Period::from_preset( Period::CUSTOM, $from, $to, wp_timezone(), new \DateTimeImmutable( '2026-03-20 12:00:00' ) );
		return Report_Tables::all( ( new Metrics( new Report_Repository(), new Settings() ) )->summary( $period, $compare, 0 ) );
	}

	/**
	 * A table's rows as lists of cells, in the columns' order.
	 *
	 * @param array<string, mixed> $table The table.
	 * @return list<list<mixed>>
	 */
	private static function cells( array $table ): array {
		$out = array();
		foreach ( $table['rows'] as $row ) {
			$line = array();
			foreach ( array_keys( $table['columns'] ) as $key ) {
				$line[] = $row[ $key ];
			}
			$out[] = $line;
		}
		return $out;
	}

	/**
	 * Every table is there, named, titled, and each row has exactly the table's columns.
	 */
	public function test_every_table_has_its_columns(): void {
		$tables = $this->tables( '2026-03-02', '2026-03-08', true );
		$this->assertSame( Report_Tables::names(), array_keys( $tables ) );
		foreach ( $tables as $name => $table ) {
			$this->assertSame( $name, $table['name'] );
			$this->assertNotSame( '', $table['title'], $name );
			$this->assertNotEmpty( $table['columns'], $name );
			$this->assertNotEmpty( $table['rows'], $name . ' has rows in the week' );
			foreach ( $table['rows'] as $row ) {
				$this->assertSame( array_keys( $table['columns'] ), array_keys( $row ), $name );
			}
		}
		$this->assertSame( 'Intent', $tables['escalation_by_intent']['columns']['intent'] );
		$this->assertSame( 'Rate', $tables['escalation_by_intent']['columns']['rate'] );
	}

	/**
	 * Escalation by intent, triggers by day, turns before transfer.
	 */
	public function test_escalation_triggers_and_turns(): void {
		$tables = $this->tables( '2026-03-02', '2026-03-08' );
		$this->assertSame(
			array(
				array( 'shipping', 'Shipping and delivery', 'bot', false, 4, 2, 0.5 ),
				array( '', '', '', false, 1, 0, 0.0 ),
			),
			array_slice( self::cells( $tables['escalation_by_intent'] ), 0, 2 )
		);
		$row = $tables['escalation_by_intent']['rows'][3];
		$this->assertSame( array( 'billing_dispute', 'human', true, 1, 1, 1.0 ), array( $row['intent'], $row['policy'], $row['expects_person'], $row['conversations'], $row['handed_off'], $row['rate'] ) );
		$this->assertSame( array( '2026-03-02', 0, 0 ), self::cells( $tables['triggers_by_day'] )[0] );
		$this->assertSame( array( '2026-03-08', 0, 1 ), self::cells( $tables['triggers_by_day'] )[6], 'the request just after the week counts on its last day' );
		$this->assertSame(
			array(
				array( '1', 2, 0 ),
				array( '2', 1, 0 ),
				array( '3', 1, 0 ),
				array( '4-5', 1, 3 ),
				array( '6-10', 0, 0 ),
				array( '11+', 0, 0 ),
			),
			self::cells( $tables['turns_before_transfer'] )
		);
	}

	/**
	 * Completeness per field and per day; saves by reason, intent and team; automation.
	 */
	public function test_completeness_saves_and_automation(): void {
		$tables = $this->tables( '2026-03-02', '2026-03-08' );
		$this->assertSame( array( 'field', 'share' ), array_keys( $tables['completeness_by_field']['columns'] ) );
		$this->assertSame(
			array( array( 'transcript', 1.0 ), array( 'intent', 1.0 ), array( 'confidence', 1.0 ), array( 'sources', 0.75 ), array( 'user', 0.5 ), array( 'pages', 0.75 ), array( 'form', 0.5 ), array( 'reason', 1.0 ), array( 'summary', 1.0 ), array( 'language', 0.5 ) ),
			self::cells( $tables['completeness_by_field'] )
		);
		$this->assertSame( array( null, null, 1.0, 0.5, null, 0.7, 1.0 ), array_column( $tables['completeness_by_day']['rows'], 'score' ) );
		$this->assertSame( array( array( 'frustration', 1, 0, 0.0 ), array( 'user_requested', 1, 1, 1.0 ) ), self::cells( $tables['saves_by_reason'] ) );
		$this->assertSame( array( 'reason', 'accepted', 'resolved', 'rate' ), array_keys( $tables['saves_by_reason']['columns'] ) );
		$this->assertSame( array( array( 'billing_dispute', 1, 1, 1.0 ), array( 'shipping', 1, 0, 0.0 ) ), self::cells( $tables['saves_by_intent'] ) );
		$this->assertSame( array( array( 'billing', 1, 1, 1.0 ), array( 'support', 1, 0, 0.0 ) ), self::cells( $tables['saves_by_team'] ) );
		$this->assertSame( array( array( 'delivery times', 2 ), array( 'invoices', 1 ) ), self::cells( $tables['automation_by_topic'] ) );
	}

	/**
	 * Satisfaction, effort, queue, fallbacks, privacy.
	 */
	public function test_satisfaction_effort_queue_and_privacy(): void {
		$tables = $this->tables( '2026-03-02', '2026-03-08' );
		$this->assertSame( array( array( 'bot', 1, 5.0, 1.0 ), array( 'person', 2, 3.0, 0.5 ) ), self::cells( $tables['satisfaction'] ) );
		$this->assertSame(
			array(
				array( 'early_requests', 2, 5, 0.4 ),
				array( 'offers_dropped', 1, 2, 0.5 ),
				array( 'asked_for_person', 2, 8, 0.25 ),
				array( 'negative_before_handoff', 2, 5, 0.4 ),
			),
			self::cells( $tables['effort'] )
		);
		$queue = array_column( $tables['queue']['rows'], 'value', 'measure' );
		$this->assertSame( 0.6667, $queue['transfer_success_rate'] );
		$this->assertSame( 600.0, $queue['delay_median_seconds'] );
		$this->assertSame( 3600.0, $queue['delay_p90_seconds'] );
		$this->assertSame( 0.3333, $queue['abandonment_rate'] );
		$this->assertSame( array( array( 'after_hours', 1 ), array( 'no_agent', 0 ), array( 'queue_full', 0 ) ), self::cells( $tables['fallbacks_by_kind'] ) );
		$this->assertSame( array( array( 'ticket', 1 ) ), self::cells( $tables['fallbacks_by_route'] ) );
		$this->assertSame( array( array( 'sensitive_account', 1 ) ), self::cells( $tables['privacy_by_reason'] ) );
	}

	/**
	 * Reason codes with their days, drift by version with the change notes, the overview and the
	 * comparison.
	 */
	public function test_reasons_drift_overview_and_comparison(): void {
		$tables = $this->tables( '2026-03-02', '2026-03-08', true );
		$this->assertSame( array( 'user_requested', 2, 0.4 ), self::cells( $tables['reasons'] )[0] );
		$by_day = $tables['reasons_by_day'];
		$this->assertSame( array( 'day', 'user_requested', 'business_rule', 'sensitive_account', 'low_confidence', 'missing_knowledge', 'repeated_failure', 'frustration', 'action_required' ), array_keys( $by_day['columns'] ) );
		$this->assertSame( array( 0, 0, 1, 0, 1, 0, 0 ), array_column( $by_day['rows'], 'user_requested' ) );
		$this->assertSame( array( 0, 0, 0, 0, 0, 0, 1 ), array_column( $by_day['rows'], 'missing_knowledge' ) );
		$this->assertSame( '2026-03-08', $by_day['rows'][6]['day'] );

		$drift = array_column( $tables['drift_by_version']['rows'], null, 'config_version' );
		$this->assertSame( array( 4, 1, 0.25, 1.0 ), array( $drift[1]['conversations'], $drift[1]['handoffs'], $drift[1]['escalation_rate'], $drift[1]['save_rate'] ) );
		$this->assertSame( 2.0, $drift[2]['satisfaction_person'] );
		$this->assertCount( 1, $tables['config_changes']['rows'] );
		$this->assertSame( 'Lower the frustration threshold', $tables['config_changes']['rows'][0]['note'] );
		$this->assertSame( 'More frustration handoffs, fewer abandoned chats', $tables['config_changes']['rows'][0]['expected_impact'] );

		$overview = array_column( $tables['overview']['rows'], 'value', 'measure' );
		$this->assertSame( 8, $overview['conversations'] );
		$this->assertSame( 5, $overview['handoffs'] );
		$this->assertSame( 0.625, $overview['escalation_rate'] );
		$this->assertSame( 0.8, $overview['completeness'] );

		$changes = array_column( $tables['comparison']['rows'], null, 'measure' );
		$this->assertSame(
			array(
				'measure'  => 'conversations',
				'current'  => 8,
				'previous' => 2,
				'delta'    => 6.0,
				'relative' => 3.0,
			),
			$changes['conversations']
		);
		$this->assertSame( -1.0, $changes['reason_low_confidence']['delta'] );
	}

	/**
	 * An empty period: the lists are empty, the shares have no value, the columns stay; without
	 * a comparison its table is empty.
	 */
	public function test_an_empty_period(): void {
		$tables = $this->tables( '2025-01-01', '2025-01-31' );
		$this->assertSame( array(), $tables['escalation_by_intent']['rows'] );
		$this->assertSame( array( 'intent', 'label', 'policy', 'expects_person', 'conversations', 'handed_off', 'rate' ), array_keys( $tables['escalation_by_intent']['columns'] ) );
		$this->assertCount( 31, $tables['triggers_by_day']['rows'] );
		$this->assertCount( 31, $tables['reasons_by_day']['rows'] );
		$this->assertSame( array( null ), array_unique( array_column( $tables['completeness_by_field']['rows'], 'share' ) ) );
		$this->assertSame( array( 'bot', 0, null, null ), self::cells( $tables['satisfaction'] )[0] );
		$this->assertSame( array(), $tables['comparison']['rows'] );
		$this->assertSame( array( 'measure', 'current', 'previous', 'delta', 'relative' ), array_keys( $tables['comparison']['columns'] ) );
	}
}
