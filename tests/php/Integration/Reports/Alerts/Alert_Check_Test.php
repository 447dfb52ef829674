<?php
/**
 * Each report alert fires exactly when its condition holds, and not below its minimum volume.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Reports\Alerts;

use HandoffBot\Notifications\Connection_Store;
use HandoffBot\Reports\Alerts\Alert_Investigator;
use HandoffBot\Reports\Alerts\Alert_Text;
use HandoffBot\Reports\Metrics;
use HandoffBot\Repositories\Delivery_Health_Repository;
use HandoffBot\Repositories\Report_Repository;
use HandoffBot\Settings;
use HandoffBot\Repositories\Report_Alert_Repository;
use HandoffBot\Tests\Integration\Test_Case;

require_once __DIR__ . '/Alert_Fixtures.php';

/**
 * Hand-built windows (3–9 March against 24 February–2 March, on a UTC site), with the thresholds
 * set just around each figure: an alert at the threshold does not fire, one past it does, and
 * one with a window under the minimum volume does not.
 */
final class Alert_Check_Test extends Test_Case {

	use Alert_Fixtures;

	/**
	 * Forgets the connections a test made.
	 */
	protected function tearDown(): void {
		delete_option( Connection_Store::OPTION );
		parent::tearDown();
	}

	/**
	 * Billing goes from 2 in 10 conversations handed off to 4 in 10: 20 points.
	 */
	public function test_an_intents_escalation_rate_that_moves_past_the_threshold(): void {
		$this->add( self::$previous, 2, 'billing', array( 'reason' => 'low_confidence' ) );
		$this->add( self::$previous, 8, 'billing' );
		$this->add( self::$current, 4, 'billing', array( 'reason' => 'low_confidence' ) );
		$this->add( self::$current, 6, 'billing' );
		$this->add( self::$current, 10, 'shipping' );
		$this->add( self::$previous, 10, 'shipping' );
		$base = array(
			'alerts_min_conversations' => 10,
			'alerts_min_handoffs'      => 1000,
		);

		$this->configure( $base + array( 'alerts_intent_rate_change' => 0.1 ) );
		$this->assertSame( array( 'intent_rate:billing' ), $this->raised(), 'a 20-point rise past 10 points; shipping did not move' );
		$this->configure( $base + array( 'alerts_intent_rate_change' => 0.2 ) );
		$this->assertSame( array(), $this->raised(), 'exactly at the threshold is no alert' );
		$this->configure( array( 'alerts_min_conversations' => 11 ) + $base + array( 'alerts_intent_rate_change' => 0.1 ) );
		$this->assertSame( array(), $this->raised(), 'ten conversations are under a minimum of 11' );

		$this->configure( $base + array( 'alerts_intent_rate_change' => 0.1 ) );
		$ids   = $this->check()->run( new \DateTimeImmutable( self::$now, new \DateTimeZone( 'UTC' ) ) );
		$alert = ( new Report_Alert_Repository() )->find( $ids[0] );
		$this->assertNotNull( $alert );
		$this->assertSame( 'up', $alert['direction'] );
		$this->assertSame( array( '2026-03-03', '2026-03-09' ), array( $alert['period_from'], $alert['period_to'] ) );
		$this->assertSame( 0.4, $alert['figures']['current'] );
		$this->assertSame( 0.2, $alert['figures']['previous'] );
		$this->assertSame( array( 10, 10 ), $alert['figures']['volume'] );
	}

	/**
	 * Action required enters the top three (3, against low confidence 2 and missing knowledge 1);
	 * user_requested leaves it, which is no alert.
	 */
	public function test_a_new_reason_in_the_top_three(): void {
		$system = array( 'trigger_type' => 'system' );
		$this->add( self::$previous, 3, '', array( 'reason' => 'low_confidence' ) + $system );
		$this->add( self::$previous, 2, '', array( 'reason' => 'missing_knowledge' ) + $system );
		$this->add( self::$previous, 1, '', array( 'reason' => 'user_requested' ) + $system );
		$this->add( self::$current, 3, '', array( 'reason' => 'action_required' ) + $system );
		$this->add( self::$current, 2, '', array( 'reason' => 'low_confidence' ) + $system );
		$this->add( self::$current, 1, '', array( 'reason' => 'missing_knowledge' ) + $system );

		$this->configure( array( 'alerts_min_handoffs' => 6 ) );
		$this->assertSame( array( 'new_top_reason:action_required' ), $this->raised() );
		$this->configure( array( 'alerts_min_handoffs' => 7 ) );
		$this->assertSame( array(), $this->raised(), 'six handoffs are under a minimum of 7' );
	}

	/**
	 * The median turn of user-requested handoffs falls from 3.5 to 2.5.
	 */
	public function test_visitors_asking_for_a_person_earlier(): void {
		foreach ( array( 3, 3, 4, 4 ) as $turn ) {
			$this->add( self::$previous, 1, '', array( 'turn' => $turn ) );
		}
		foreach ( array( 2, 2, 3, 3 ) as $turn ) {
			$this->add( self::$current, 1, '', array( 'turn' => $turn ) );
		}
		$this->configure(
			array(
				'alerts_min_handoffs' => 4,
				'alerts_turn_drop'    => 1,
			)
		);
		$this->assertSame( array( 'earlier_requests:' ), $this->raised(), 'a drop of one turn reaches a threshold of one' );
		$this->configure(
			array(
				'alerts_min_handoffs' => 4,
				'alerts_turn_drop'    => 1.5,
			)
		);
		$this->assertSame( array(), $this->raised() );
		$this->configure(
			array(
				'alerts_min_handoffs' => 5,
				'alerts_turn_drop'    => 1,
			)
		);
		$this->assertSame( array(), $this->raised(), 'four handoffs are under a minimum of 5' );
	}

	/**
	 * Refunds take 3 of 6 handoffs (50 %), shipping 2 (33 %).
	 */
	public function test_one_topic_taking_more_than_its_share(): void {
		$this->add( self::$current, 3, 'refunds', array( 'reason' => 'missing_knowledge' ) );
		$this->add( self::$current, 2, 'shipping', array( 'reason' => 'missing_knowledge' ) );
		$this->add( self::$current, 1, '', array( 'reason' => 'missing_knowledge' ) );

		$this->configure(
			array(
				'alerts_min_handoffs' => 6,
				'alerts_topic_share'  => 0.4,
			)
		);
		$this->assertSame( array( 'topic_share:refunds' ), $this->raised() );
		$this->configure(
			array(
				'alerts_min_handoffs' => 6,
				'alerts_topic_share'  => 0.5,
			)
		);
		$this->assertSame( array(), $this->raised(), 'exactly half is not more than half' );
		$this->configure(
			array(
				'alerts_min_handoffs' => 7,
				'alerts_topic_share'  => 0.4,
			)
		);
		$this->assertSame( array(), $this->raised(), 'six handoffs are under a minimum of 7' );
	}

	/**
	 * The median wait goes from 60 s to 100 s (+67 %), abandonment from 0 to 1 in 4 live
	 * handoffs, completeness from 10 fields of 10 to 8.
	 */
	public function test_queue_delay_abandonment_and_completeness(): void {
		$all   = array( 'transcript', 'intent', 'confidence', 'sources', 'user', 'pages', 'form', 'reason', 'summary', 'language' );
		$reply = static function ( string $day, int $seconds ): array {
			return array(
				'first_reply_at' => gmdate( 'Y-m-d H:i:s', (int) strtotime( $day . ' 12:00:00 UTC' ) + $seconds ),
				'accepted_at'    => $day . ' 12:00:00',
				'agent_id'       => 1,
			);
		};
		$this->add( self::$previous, 4, '', $reply( self::$previous, 60 ), $all );
		$now = $this->add( self::$current, 4, '', $reply( self::$current, 100 ), array_slice( $all, 0, 8 ) );
		global $wpdb;
		$conversation = (int) $wpdb->get_var( $wpdb->prepare( 'SELECT conversation_id FROM %i WHERE id = %d', $wpdb->prefix . 'handoff_bot_handoffs', $now[0] ) );
		( new \HandoffBot\Tests\Integration\Reports\Report_Fixtures() )->event( $conversation, 'left_queue', array(), self::$current . ' 12:05:00', $now[0] );

		$limits = array(
			'alerts_min_handoffs'      => 4,
			'alerts_queue_delay_rise'  => 0.6,
			'alerts_abandonment_rise'  => 0.2,
			'alerts_completeness_drop' => 0.1,
		);
		$this->configure( $limits );
		$this->assertSame( array( 'abandonment:', 'completeness:', 'queue_delay:' ), $this->raised() );
		$this->configure(
			array(
				'alerts_queue_delay_rise'  => 0.7,
				'alerts_abandonment_rise'  => 0.25,
				'alerts_completeness_drop' => 0.2,
			) + $limits
		);
		$this->assertSame( array(), $this->raised(), 'each exactly at or under its threshold' );
		$this->configure( array( 'alerts_min_handoffs' => 5 ) + $limits );
		$this->assertSame( array(), $this->raised(), 'four handoffs are under a minimum of 5' );
	}

	/**
	 * A connection whose three latest deliveries failed; another with one failure among them.
	 */
	public function test_a_connection_that_keeps_failing(): void {
		$store   = new Connection_Store();
		$failing = $store->create( $this->connection( 'Help desk' ) );
		$fine    = $store->create( $this->connection( 'Backup desk' ) );
		$this->configure( array() );
		$this->assertSame( array(), $this->raised(), 'no delivery yet' );
		foreach ( array( 'failed', 'failed', 'failed' ) as $i => $status ) {
			$this->delivery( $failing['id'], $status, $i );
		}
		foreach ( array( 'sent', 'failed', 'sent' ) as $i => $status ) {
			$this->delivery( $fine['id'], $status, $i );
		}
		$this->assertSame( array( 'connection_failing:' . $failing['id'] ), $this->raised() );

		$ids   = $this->check()->run( new \DateTimeImmutable( self::$now, new \DateTimeZone( 'UTC' ) ) );
		$alert = ( new Report_Alert_Repository() )->find( $ids[0] );
		$this->assertNotNull( $alert );
		$this->assertSame( 'The connection Help desk keeps failing', Alert_Text::title( $alert ) );
		$settings = new Settings();
		$steps    = ( new Alert_Investigator( new Metrics( new Report_Repository(), $settings ), new Report_Alert_Repository(), new Delivery_Health_Repository(), $settings ) )->investigate( $alert );
		$this->assertSame( array( 'deliveries' ), array_column( $steps, 'key' ) );
		$this->assertSame( array( 'failed', 'failed', 'failed' ), array_column( $steps[0]['data']['rows'], 1 ) );
		$this->assertSame( array( 'HTTP 500', 'HTTP 500', 'HTTP 500' ), array_column( $steps[0]['data']['rows'], 4 ) );
		$this->assertStringContainsString( 'Help desk: 3 of its latest 3 deliveries failed. Last error: HTTP 500.', $steps[0]['finding'] );
	}

	/**
	 * Run twice on a day, the check stores an alert once; dismissed, it stays quiet for the
	 * window; and it can be dismissed once.
	 */
	public function test_an_alert_is_raised_once_per_window_and_can_be_dismissed(): void {
		// 8 March is in both the window of 10 March and that of 13 March.
		$this->add( '2026-03-08', 3, 'refunds', array( 'reason' => 'missing_knowledge' ) );
		$this->configure( array( 'alerts_min_handoffs' => 3 ) );
		$now   = new \DateTimeImmutable( self::$now, new \DateTimeZone( 'UTC' ) );
		$first = $this->check()->run( $now );
		$this->assertCount( 1, $first );
		$this->assertSame( array(), $this->check()->run( $now ), 'the same day' );
		$this->assertSame( array(), $this->check()->run( $now->modify( '+3 days' ) ), 'a window that overlaps' );
		$alerts = new Report_Alert_Repository();
		$this->assertTrue( $alerts->dismiss( $first[0], 1 ) );
		$this->assertFalse( $alerts->dismiss( $first[0], 1 ), 'already dismissed' );
		$this->assertSame( array(), $this->check()->run( $now ), 'a dismissed alert is not raised again for its window' );
		$this->add( '2026-03-12', 3, 'refunds', array( 'reason' => 'missing_knowledge' ) );
		$this->assertCount( 1, $this->check()->run( $now->modify( '+7 days' ) ), 'the next window that holds it' );
	}

	/**
	 * A webhook connection's fields.
	 *
	 * @param string $label Label.
	 * @return array{kind: string, label: string, target: string, teams: list<string>, events: list<string>, enabled: bool}
	 */
	private function connection( string $label ): array {
		return array(
			'kind'    => 'webhook',
			'label'   => $label,
			'target'  => 'https://hooks.example.com/' . sanitize_title( $label ),
			'teams'   => array(),
			'events'  => array( 'handoff.created' ),
			'enabled' => true,
		);
	}

	/**
	 * A delivery's outcome.
	 *
	 * @param string $connection Connection ID.
	 * @param string $status     sent or failed.
	 * @param int    $n          Its order.
	 */
	private function delivery( string $connection, string $status, int $n ): void {
		global $wpdb;
		$id = wp_generate_uuid4();
		$wpdb->insert(
			$wpdb->prefix . 'handoff_bot_deliveries',
			array(
				'delivery_id'      => $id,
				'dedupe'           => $id,
				'connection_id'    => $connection,
				'kind'             => 'webhook',
				'event'            => 'handoff.created',
				'status'           => $status,
				'attempts'         => 1,
				'response_code'    => 'failed' === $status ? 500 : 200,
				'response_excerpt' => '',
				'error'            => 'failed' === $status ? 'HTTP 500' : '',
				'payload'          => '{}',
				'last_attempt_at'  => gmdate( 'Y-m-d H:i:s', time() - 600 + $n ),
				'created_at'       => gmdate( 'Y-m-d H:i:s', time() - 600 + $n ),
			)
		);
	}
}
