<?php
/**
 * Every metric of the report against figures worked out by hand.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Reports;

use HandoffBot\Escalation\Policy_Store;
use HandoffBot\Reports\Metrics;
use HandoffBot\Reports\Period;
use HandoffBot\Repositories\Report_Repository;
use HandoffBot\Settings;
use HandoffBot\Tests\Integration\Test_Case;

require_once __DIR__ . '/Report_Fixtures.php';
require_once __DIR__ . '/Report_Scenario.php';

/**
 * The week of Report_Scenario, in a site on New York time (the week ends on the day clocks go
 * forward), on whichever database the suite runs on.
 */
final class Metrics_Test extends Test_Case {

	/**
	 * The scenario.
	 *
	 * @var Report_Scenario
	 */
	private Report_Scenario $scenario;

	/**
	 * New York time, the default policy and settings, and the scenario's rows.
	 */
	protected function setUp(): void {
		parent::setUp();
		update_option( 'timezone_string', 'America/New_York' );
		update_option( 'gmt_offset', '' );
		delete_option( Policy_Store::OPTION );
		delete_option( Settings::OPTION );
		$this->scenario = new Report_Scenario();
		$this->scenario->build();
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
	private function report( string $from, string $to, bool $compare = false, int $version = 0 ): array {
		$period = Period::from_preset( Period::CUSTOM, $from, $to, wp_timezone(), new \DateTimeImmutable( '2026-03-20 12:00:00' ) );
		return ( new Metrics( new Report_Repository(), new Settings() ) )->summary( $period, $compare, $version );
	}

	/**
	 * The week's metrics.
	 *
	 * @return array<string, mixed>
	 */
	private function week(): array {
		return $this->report( '2026-03-02', '2026-03-08' )['metrics'];
	}

	/**
	 * The period's UTC bounds follow the site's time zone, across the change to summer time.
	 */
	public function test_the_period_is_the_local_week(): void {
		$report = $this->report( '2026-03-02', '2026-03-08' );
		$this->assertSame( '2026-03-02 05:00:00', $report['period']['start_utc'] );
		$this->assertSame( '2026-03-09 04:00:00', $report['period']['end_utc'], 'the last day is 23 hours long' );
		$this->assertSame( 7, $report['period']['days'] );
		$this->assertSame( 8, $report['metrics']['conversations'], 'C1 at the first second and C7 at the last are in; X1 and X2 a second outside are not' );
		$this->assertSame( 5, $report['metrics']['handoffs'] );
	}

	/**
	 * Escalation rate by intent, with the intents a person is expected for marked.
	 */
	public function test_escalation_rate_by_intent(): void {
		$escalation = $this->week()['escalation'];
		$this->assertSame( 8, $escalation['conversations'] );
		$this->assertSame( 5, $escalation['handed_off'] );
		$this->assertSame( 0.625, $escalation['rate'] );
		$rows = array();
		foreach ( $escalation['intents'] as $row ) {
			$rows[] = array( $row['intent'], $row['policy'], $row['expects_person'], $row['conversations'], $row['handed_off'], $row['rate'] );
		}
		$this->assertSame(
			array(
				array( 'shipping', 'bot', false, 4, 2, 0.5 ),
				array( '', '', false, 1, 0, 0.0 ),
				array( 'billing', 'bot', false, 1, 1, 1.0 ),
				array( 'billing_dispute', 'human', true, 1, 1, 1.0 ),
				array( 'privacy', 'private', true, 1, 1, 1.0 ),
			),
			$rows
		);
		$this->assertSame( 'Shipping and delivery', $escalation['intents'][0]['label'] );
	}

	/**
	 * Handoffs the visitor asked for against those the system started, per local day (a
	 * request just after the week's end counts on its last day).
	 */
	public function test_user_requested_against_system_triggered_per_day(): void {
		$triggers = $this->week()['triggers'];
		$this->assertSame( 2, $triggers['user'] );
		$this->assertSame( 3, $triggers['system'], 'system and rule' );
		$this->assertSame( 0.4, $triggers['user_share'] );
		$this->assertSame(
			array(
				array( '2026-03-02', 0, 0 ),
				array( '2026-03-03', 0, 0 ),
				array( '2026-03-04', 1, 0 ),
				array( '2026-03-05', 0, 1 ),
				array( '2026-03-06', 1, 0 ),
				array( '2026-03-07', 0, 1 ),
				array( '2026-03-08', 0, 1 ),
			),
			array_map( static fn( array $d ): array => array( $d['day'], $d['user'], $d['system'] ), $triggers['days'] )
		);
	}

	/**
	 * Turns before transfer, with the unproductive turns before each handoff.
	 */
	public function test_turns_before_transfer(): void {
		$turns = $this->week()['turns'];
		$this->assertSame( 5, $turns['handoffs'] );
		$this->assertSame( 2.0, $turns['median'] );
		$this->assertSame( 3, $turns['unproductive_turns'], 'low confidence, a repetition and an unhelpful answer in C4; C7\'s frustrated turn is not one' );
		$this->assertSame( 1, $turns['handoffs_after_unproductive'] );
		$this->assertSame(
			array(
				array( '1', 2, 0 ),
				array( '2', 1, 0 ),
				array( '3', 1, 0 ),
				array( '4-5', 1, 3 ),
				array( '6-10', 0, 0 ),
				array( '11+', 0, 0 ),
			),
			array_map( static fn( array $b ): array => array( $b['turns'], $b['handoffs'], $b['unproductive_turns'] ), $turns['buckets'] )
		);
	}

	/**
	 * Context completeness per field, overall and per day.
	 */
	public function test_context_completeness(): void {
		$completeness = $this->week()['completeness'];
		$this->assertSame( 4, $completeness['handoffs'], 'the handoff without a package is left out' );
		$this->assertSame( 0.8, $completeness['score'] );
		$this->assertSame(
			array(
				'transcript' => 1.0,
				'intent'     => 1.0,
				'confidence' => 1.0,
				'sources'    => 0.75,
				'user'       => 0.5,
				'pages'      => 0.75,
				'form'       => 0.5,
				'reason'     => 1.0,
				'summary'    => 1.0,
				'language'   => 0.5,
			),
			$completeness['fields'],
			'a visitor who typed the package\'s keys changes nothing'
		);
		$this->assertSame(
			array( null, null, 1.0, 0.5, null, 0.7, 1.0 ),
			array_column( $completeness['days'], 'score' )
		);
	}

	/**
	 * Agent save rate by reason, intent and team; failed escalations; automation candidates.
	 */
	public function test_saves_failed_escalations_and_automation_candidates(): void {
		$week  = $this->week();
		$saves = $week['saves'];
		$this->assertSame( array( 2, 1, 0.5 ), array( $saves['accepted'], $saves['resolved'], $saves['rate'] ) );
		$this->assertSame(
			array(
				array(
					'key'      => 'frustration',
					'accepted' => 1,
					'resolved' => 0,
					'rate'     => 0.0,
				),
				array(
					'key'      => 'user_requested',
					'accepted' => 1,
					'resolved' => 1,
					'rate'     => 1.0,
				),
			),
			$saves['by_reason']
		);
		$this->assertSame( array( 'billing_dispute', 'shipping' ), array_column( $saves['by_intent'], 'key' ) );
		$this->assertSame( array( 1.0, 0.0 ), array_column( $saves['by_intent'], 'rate' ) );
		$this->assertSame( array( 'billing', 'support' ), array_column( $saves['by_team'], 'key' ) );
		$this->assertSame( array( 1.0, 0.0 ), array_column( $saves['by_team'], 'rate' ) );

		$this->assertSame(
			array(
				'live'   => 3,
				'failed' => 1,
				'rate'   => 0.3333,
			),
			$week['escalation_failed']
		);
		$this->assertSame( 3, $week['automation']['handoffs'] );
		$this->assertSame( 0.6, $week['automation']['share'] );
		$this->assertSame(
			array(
				array(
					'topic'    => 'delivery times',
					'handoffs' => 2,
				),
				array(
					'topic'    => 'invoices',
					'handoffs' => 1,
				),
			),
			$week['automation']['topics']
		);
	}

	/**
	 * Satisfaction split by who served the conversation; a second rating replaces the first.
	 */
	public function test_satisfaction_bot_only_against_person(): void {
		$satisfaction = $this->week()['satisfaction'];
		$this->assertSame(
			array(
				'ratings'         => 1,
				'mean'            => 5.0,
				'satisfied_share' => 1.0,
			),
			$satisfaction['bot']
		);
		$this->assertSame(
			array(
				'ratings'         => 2,
				'mean'            => 3.0,
				'satisfied_share' => 0.5,
			),
			$satisfaction['person']
		);
	}

	/**
	 * Customer effort.
	 */
	public function test_customer_effort(): void {
		$this->assertSame(
			array(
				'early_requests'                => 2,
				'early_request_share'           => 0.4,
				'offers'                        => 2,
				'offers_dropped'                => 1,
				'offer_drop_rate'               => 0.5,
				'asked_for_person'              => 2,
				'asked_for_person_share'        => 0.25,
				'negative_before_handoff'       => 2,
				'negative_before_handoff_share' => 0.4,
			),
			$this->week()['effort']
		);
	}

	/**
	 * The queue.
	 */
	public function test_queue(): void {
		$this->assertSame(
			array(
				'live'                  => 3,
				'accepted'              => 2,
				'transfer_success_rate' => 0.6667,
				'fallbacks'             => 1,
				'fallbacks_by_kind'     => array(
					'after_hours' => 1,
					'no_agent'    => 0,
					'queue_full'  => 0,
				),
				'fallbacks_by_route'    => array( 'ticket' => 1 ),
				'replied'               => 3,
				'delay_median_seconds'  => 600.0,
				'delay_p90_seconds'     => 3600.0,
				'abandoned'             => 1,
				'abandonment_rate'      => 0.3333,
			),
			$this->week()['queue']
		);
	}

	/**
	 * Private handoffs by reason, and the reason codes with their daily counts.
	 */
	public function test_privacy_and_reason_codes(): void {
		$week = $this->week();
		$this->assertSame(
			array(
				'handoffs' => 1,
				'share'    => 0.2,
				'reasons'  => array( 'sensitive_account' => 1 ),
			),
			$week['privacy']
		);
		$reasons = array_column( $week['reasons'], null, 'reason' );
		$this->assertSame( array( 'user_requested', 'business_rule', 'sensitive_account', 'low_confidence', 'missing_knowledge', 'repeated_failure', 'frustration', 'action_required' ), array_keys( $reasons ) );
		$this->assertSame( 2, $reasons['user_requested']['handoffs'] );
		$this->assertSame( 0.4, $reasons['user_requested']['share'] );
		$this->assertSame( array( 0, 0, 1, 0, 1, 0, 0 ), $reasons['user_requested']['days'] );
		$this->assertSame( array( 0, 0, 0, 0, 0, 0, 1 ), $reasons['missing_knowledge']['days'] );
		$this->assertSame( 0, $reasons['low_confidence']['handoffs'] );
		$this->assertSame( 0.0, $reasons['low_confidence']['share'] );
	}

	/**
	 * The split by config version, the notes of the versions saved in the week, and the whole
	 * report for one version.
	 */
	public function test_drift_by_config_version(): void {
		$report = $this->report( '2026-03-02', '2026-03-08' );
		$split  = array_column( $report['drift']['versions'], null, 'config_version' );
		$this->assertSame( array( 1, 2 ), array_keys( $split ) );
		$this->assertSame( array( 4, 1, 0.25 ), array( $split[1]['conversations'], $split[1]['handoffs'], $split[1]['escalation_rate'] ) );
		$this->assertSame( array( 4, 4, 1.0 ), array( $split[2]['conversations'], $split[2]['handoffs'], $split[2]['escalation_rate'] ) );
		$this->assertSame( 1.0, $split[1]['save_rate'] );
		$this->assertSame( 0.0, $split[2]['save_rate'] );
		$this->assertSame( 5.0, $split[1]['satisfaction_bot'] );
		$this->assertSame( 2.0, $split[2]['satisfaction_person'] );
		$this->assertCount( 1, $report['drift']['changes'], 'only the version saved in the week' );
		$this->assertSame( 'Lower the frustration threshold', $report['drift']['changes'][0]['note'] );
		$this->assertSame( 'More frustration handoffs, fewer abandoned chats', $report['drift']['changes'][0]['expected_impact'] );
		$this->assertSame( 2, $report['drift']['changes'][0]['config_version'] );

		$v2 = $this->report( '2026-03-02', '2026-03-08', false, 2 );
		$this->assertSame( 2, $v2['config_version'] );
		$this->assertSame( 4, $v2['metrics']['conversations'] );
		$this->assertSame( 4, $v2['metrics']['handoffs'] );
		$this->assertSame( 0, $v2['metrics']['effort']['offers'], 'both offers were in version 1 conversations' );
		$this->assertSame( 1, $v2['metrics']['queue']['abandoned'] );
		$this->assertSame( 4, $v2['metrics']['turns']['handoffs'] );
		$this->assertSame( 1, $v2['metrics']['turns']['handoffs_after_unproductive'] );
		$this->assertSame( 0, $v2['metrics']['reasons'][0]['handoffs'] - 1, 'one user-requested handoff (C5) under version 2' );
	}

	/**
	 * The previous week of the same length, and the change of the headline figures.
	 */
	public function test_comparison_with_the_previous_period(): void {
		$report = $this->report( '2026-03-02', '2026-03-08', true );
		$this->assertSame( '2026-02-23', $report['comparison']['period']['from'] );
		$this->assertSame( '2026-03-01', $report['comparison']['period']['to'] );
		$this->assertSame( '2026-02-23 05:00:00', $report['comparison']['period']['start_utc'] );
		$this->assertSame( '2026-03-02 05:00:00', $report['comparison']['period']['end_utc'] );
		$previous = $report['comparison']['metrics'];
		$this->assertSame( 2, $previous['conversations'], 'X1 a second before the week, X3 at the first second of the previous one' );
		$this->assertSame( 1, $previous['handoffs'] );
		$changes = $report['comparison']['changes'];
		$this->assertSame(
			array(
				'current'  => 8,
				'previous' => 2,
				'delta'    => 6.0,
				'relative' => 3.0,
			),
			$changes['conversations']
		);
		$this->assertSame(
			array(
				'current'  => 0.625,
				'previous' => 0.5,
				'delta'    => 0.125,
				'relative' => 0.25,
			),
			$changes['escalation_rate']
		);
		$this->assertSame( -1.0, $changes['reason_low_confidence']['delta'] );
		$this->assertSame( 1.0, $changes['save_rate']['previous'] );
		$this->assertNull( $changes['satisfaction_bot']['previous'], 'nobody rated the previous week' );
		$this->assertNull( $changes['satisfaction_bot']['delta'] );
		foreach ( array(
			'handoffs_after_unproductive' => 'turns',
			'asked_for_person_share'      => 'effort',
		) as $figure => $group ) {
			$this->assertSame( $report['metrics'][ $group ][ $figure ], $changes[ $figure ]['current'], "{$figure} is compared with the previous period" );
			$this->assertSame( $previous[ $group ][ $figure ], $changes[ $figure ]['previous'] );
		}
		$this->assertNotNull( $changes['handoffs_after_unproductive']['delta'] );
		$this->assertNotNull( $changes['asked_for_person_share']['delta'] );
	}

	/**
	 * A period without a conversation: zeros and nulls, never a division by zero.
	 */
	public function test_an_empty_period(): void {
		$report = $this->report( '2025-01-01', '2025-01-31', true );
		$m      = $report['metrics'];
		$this->assertSame( 0, $m['conversations'] );
		$this->assertSame( 0, $m['handoffs'] );
		$this->assertNull( $m['escalation']['rate'] );
		$this->assertSame( array(), $m['escalation']['intents'] );
		$this->assertNull( $m['triggers']['user_share'] );
		$this->assertCount( 31, $m['triggers']['days'] );
		$this->assertNull( $m['turns']['median'] );
		$this->assertNull( $m['completeness']['score'] );
		$this->assertNull( $m['completeness']['fields']['transcript'] );
		$this->assertNull( $m['saves']['rate'] );
		$this->assertNull( $m['escalation_failed']['rate'] );
		$this->assertNull( $m['automation']['share'] );
		$this->assertNull( $m['satisfaction']['bot']['mean'] );
		$this->assertNull( $m['effort']['offer_drop_rate'] );
		$this->assertNull( $m['queue']['transfer_success_rate'] );
		$this->assertNull( $m['queue']['delay_median_seconds'] );
		$this->assertNull( $m['queue']['delay_p90_seconds'] );
		$this->assertNull( $m['queue']['abandonment_rate'] );
		$this->assertNull( $m['privacy']['share'] );
		$this->assertNull( $m['reasons'][0]['share'] );
		$this->assertSame( array(), $report['drift']['versions'] );
		$this->assertNull( $report['comparison']['changes']['escalation_rate']['relative'] );
	}
}
