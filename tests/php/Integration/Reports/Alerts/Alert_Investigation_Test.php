<?php
/**
 * Each alert's investigation walks its checks with the data filled in.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Reports\Alerts;

use HandoffBot\Capabilities;
use HandoffBot\Tests\Integration\Reports\Report_Fixtures;
use HandoffBot\Tests\Integration\Test_Case;

require_once __DIR__ . '/Alert_Fixtures.php';

/**
 * Small hand-built windows; the investigation is read as the report screen reads it, through
 * GET /reports/alerts/{id}, and every figure in it was worked out by hand.
 */
final class Alert_Investigation_Test extends Test_Case {

	use Alert_Fixtures;

	/**
	 * The roles, and an administrator signed in.
	 */
	protected function setUp(): void {
		parent::setUp();
		Capabilities::grant();
		wp_set_current_user( $this->create_user( 'administrator' ) );
	}

	/**
	 * Runs the check and opens the one alert of a kind.
	 *
	 * @param string $kind Kind.
	 * @return array<string, mixed> The alert with its investigation.
	 */
	private function open( string $kind ): array {
		$found = null;
		foreach ( $this->check()->run( new \DateTimeImmutable( self::$now, new \DateTimeZone( 'UTC' ) ) ) as $id ) {
			$response = $this->rest( 'GET', '/handoff-bot/v1/reports/alerts/' . $id );
			$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
			if ( $kind === $response->get_data()['kind'] ) {
				$found = $response->get_data();
			}
		}
		$this->assertNotNull( $found, 'a ' . $kind . ' alert' );
		return $found;
	}

	/**
	 * The steps by key.
	 *
	 * @param array<string, mixed> $alert The alert.
	 * @return array<string, array<string, mixed>>
	 */
	private static function steps( array $alert ): array {
		return array_column( $alert['investigation'], null, 'key' );
	}

	/**
	 * Billing's rate rises from 2 in 10 to 4 in 10 after a change to the answer settings; three of
	 * the four handoffs the visitor asked for; agents accepted two and resolved one.
	 */
	public function test_escalation_rate_up(): void {
		$this->add( self::$previous, 2, 'billing', array( 'trigger_type' => 'system' ) );
		$this->add( self::$previous, 8, 'billing' );
		$accepted = array(
			'accepted_at' => self::$current . ' 12:01:00',
			'agent_id'    => 1,
		);
		$this->add( self::$current, 1, 'billing', array( 'outcome' => 'resolved' ) + $accepted );
		$this->add( self::$current, 1, 'billing', array( 'outcome' => 'not_resolved' ) + $accepted );
		$this->add( self::$current, 1, 'billing', array() );
		$this->add( self::$current, 1, 'billing', array( 'trigger_type' => 'rule' ) );
		$this->add( self::$current, 6, 'billing' );
		( new Report_Fixtures() )->version( 'answer', 2, 5, 'Raised the answer threshold', 'Fewer wrong answers', '2026-03-02 09:00:00' );
		$this->configure(
			array(
				'alerts_min_conversations' => 10,
				'alerts_min_handoffs'      => 1000,
			)
		);
		$alert = $this->open( 'intent_rate' );
		$this->assertSame( 'Escalation rate of billing rose from 20.0 % to 40.0 %', $alert['title'] );
		$this->assertSame( array( 'intents_changed', 'config_changed', 'who_drove_it', 'agents_resolved' ), array_column( $alert['investigation'], 'key' ), 'the checks in order' );
		$steps = self::steps( $alert );

		$this->assertSame( array( 'billing', 10, 0.2, 0.4, 0.2 ), $steps['intents_changed']['data']['rows'][0] );
		$this->assertSame( array( 'text', 'count', 'share', 'share', 'points' ), $steps['intents_changed']['data']['kinds'], 'the rates read as percentages, their change in points' );
		$this->assertSame( array( 'text', 'by_row', 'by_row' ), $steps['agents_resolved']['data']['kinds'] );
		$this->assertSame( array( 'count', 'count', 'share' ), $steps['agents_resolved']['data']['row_kinds'], 'the save rate row reads as a percentage' );
		$this->assertSame( array( 'text', 'text', 'text', 'text', 'text' ), $steps['config_changed']['data']['kinds'] );
		$this->assertSame(
			array(
				'period' => 'custom',
				'from'   => '2026-03-03',
				'to'     => '2026-03-09',
				'intent' => 'billing',
			),
			$steps['intents_changed']['drill_down']
		);

		$this->assertSame( array( array( '2026-03-02 09:00:00', 'answer', 2, 'Raised the answer threshold', 'Fewer wrong answers' ) ), $steps['config_changed']['data']['rows'] );
		$this->assertStringContainsString( 'Raised the answer threshold', $steps['config_changed']['finding'] );

		$triggers = array();
		foreach ( $steps['who_drove_it']['data']['rows'] as $row ) {
			$triggers[ $row[0] ] = array( $row[1], $row[2] );
		}
		ksort( $triggers );
		$this->assertSame(
			array(
				'rule'   => array( 0, 1 ),
				'system' => array( 2, 0 ),
				'user'   => array( 0, 3 ),
			),
			$triggers,
			'trigger => [before, now]'
		);
		$this->assertStringContainsString( '75.0 %', $steps['who_drove_it']['finding'] );
		$this->assertStringContainsString( 'user-driven', $steps['who_drove_it']['finding'] );
		$this->assertSame( 'user', $steps['who_drove_it']['drill_down']['trigger'] );

		$this->assertSame( array( 'Accepted', 0, 2 ), $steps['agents_resolved']['data']['rows'][0] );
		$this->assertSame( array( 'Resolved', 0, 1 ), $steps['agents_resolved']['data']['rows'][1] );
		$this->assertSame( array( 'Save rate', null, 0.5 ), $steps['agents_resolved']['data']['rows'][2] );

		// The drill-down finds the conversations behind the step.
		$drill = $this->rest( 'GET', '/handoff-bot/v1/reports/conversations', $steps['who_drove_it']['drill_down'] );
		$this->assertSame( '3', $drill->get_headers()['X-WP-Total'] );
	}

	/**
	 * Refunds takes 5 of 6 handoffs: 3 missing knowledge, 1 low confidence, 1 action required.
	 */
	public function test_one_topic_dominates_because_content_is_weak(): void {
		$this->add( self::$current, 3, 'refunds', array( 'reason' => 'missing_knowledge' ) );
		$this->add( self::$current, 1, 'refunds', array( 'reason' => 'low_confidence' ) );
		$this->add( self::$current, 1, 'refunds', array( 'reason' => 'action_required' ) );
		$this->add( self::$current, 1, 'shipping', array( 'reason' => 'user_requested' ) );
		$this->add( self::$previous, 1, 'refunds', array( 'reason' => 'missing_knowledge' ) );
		$this->add( self::$previous, 3, 'shipping', array( 'reason' => 'user_requested' ) );
		$this->configure( array( 'alerts_min_handoffs' => 6 ) );
		$alert = $this->open( 'topic_share' );
		$this->assertSame( 'refunds', $alert['subject'] );
		$steps = self::steps( $alert );
		$this->assertSame( array( 'share', 'why' ), array_column( $alert['investigation'], 'key' ) );
		$this->assertSame(
			array(
				array( 'Handoffs of the topic', 1, 5 ),
				array( 'All handoffs', 4, 6 ),
				array( 'Share', 0.25, 0.8333 ),
			),
			$steps['share']['data']['rows']
		);
		$this->assertSame(
			array(
				array( 'Missing knowledge or low confidence', 4, 0.8 ),
				array( 'Action required', 1, 0.2 ),
				array( 'Repeated failure', 0, 0.0 ),
				array( 'Other reasons', 0, 0.0 ),
			),
			$steps['why']['data']['rows']
		);
		$this->assertStringContainsString( 'the content is weak', $steps['why']['finding'] );
		$this->assertSame( 'missing_knowledge', $steps['why']['drill_down']['reason'] );
		$drill = $this->rest( 'GET', '/handoff-bot/v1/reports/conversations', $steps['why']['drill_down'] );
		$this->assertSame( '3', $drill->get_headers()['X-WP-Total'] );
	}

	/**
	 * Refunds takes 4 of 5 handoffs, 3 of them action required: an integration, not tuning.
	 */
	public function test_one_topic_dominates_because_it_needs_an_action(): void {
		$this->add( self::$current, 3, 'refunds', array( 'reason' => 'action_required' ) );
		$this->add( self::$current, 1, 'refunds', array( 'reason' => 'repeated_failure' ) );
		$this->add( self::$current, 1, 'shipping', array( 'reason' => 'user_requested' ) );
		$this->configure( array( 'alerts_min_handoffs' => 5 ) );
		$steps = self::steps( $this->open( 'topic_share' ) );
		$this->assertStringContainsString( 'needs an integration, not prompt tuning', $steps['why']['finding'] );
		$this->assertSame( array( 'Action required', 3, 0.75 ), $steps['why']['data']['rows'][0] );
	}

	/**
	 * Waits grow with the same one agent carrying twice the live handoffs, two of which found no
	 * agent online before.
	 */
	public function test_queue_waits_grow(): void {
		$reply = static function ( string $day, int $seconds, int $agent ): array {
			return array(
				'first_reply_at' => gmdate( 'Y-m-d H:i:s', (int) strtotime( $day . ' 12:00:00 UTC' ) + $seconds ),
				'accepted_at'    => $day . ' 12:00:00',
				'agent_id'       => $agent,
			);
		};
		$this->add( self::$previous, 1, '', $reply( self::$previous, 60, 1 ) );
		$this->add( self::$previous, 1, '', $reply( self::$previous, 60, 2 ) );
		$this->add( self::$previous, 2, '', array( 'route_reason' => 'no_agent' ) );
		$this->add( self::$current, 4, '', $reply( self::$current, 300, 1 ) );
		$this->add( self::$current, 1, '', array( 'route_reason' => 'after_hours' ) );
		$this->configure(
			array(
				'alerts_min_handoffs'     => 2,
				'alerts_topic_share'      => 1,
				'alerts_abandonment_rise' => 1,
			)
		);
		$alert = $this->open( 'queue_delay' );
		$this->assertSame( array( 'volume', 'agents', 'queue' ), array_column( $alert['investigation'], 'key' ) );
		$steps = self::steps( $alert );
		$this->assertSame(
			array(
				array( 'live', 2, 4 ),
				array( 'after_hours', 0, 1 ),
				array( 'no_agent', 2, 0 ),
				array( 'queue_full', 0, 0 ),
				array( 'private', 0, 0 ),
			),
			$steps['volume']['data']['rows']
		);
		$this->assertSame(
			array(
				array( 'Agents who took handoffs', 2, 1 ),
				array( 'Live handoffs per agent', 1.0, 4.0 ),
				array( 'No agent online', 2, 0 ),
			),
			$steps['agents']['data']['rows']
		);
		$this->assertSame( array( 'Median delay to the first human reply (s)', 60.0, 300.0 ), $steps['queue']['data']['rows'][0] );
		$this->assertSame( array( 'text', 'count', 'count' ), $steps['volume']['data']['kinds'] );
		$this->assertSame( array( 'count', 'mean', 'count' ), $steps['agents']['data']['row_kinds'] );
		$this->assertSame( array( 'text', 'by_row', 'by_row' ), $steps['queue']['data']['kinds'] );
		$this->assertSame( array( 'seconds', 'seconds', 'share', 'share' ), $steps['queue']['data']['row_kinds'], 'abandonment and transfer success read as percentages' );
		$this->assertCount( count( $steps['queue']['data']['rows'] ), $steps['queue']['data']['row_kinds'] );
		$this->assertStringContainsString( 'carried more live handoffs', $steps['queue']['finding'] );
	}

	/**
	 * Escalation down: unproductive turns and abandonment rose.
	 */
	public function test_escalation_rate_down(): void {
		$this->add( self::$previous, 5, 'billing', array( 'trigger_type' => 'system' ) );
		$this->add( self::$previous, 5, 'billing' );
		$live = $this->add( self::$current, 1, 'billing', array( 'trigger_type' => 'system' ) );
		$this->add( self::$current, 9, 'billing' );
		global $wpdb;
		$conversation = (int) $wpdb->get_var( $wpdb->prepare( 'SELECT conversation_id FROM %i WHERE id = %d', $wpdb->prefix . 'handoff_bot_handoffs', $live[0] ) );
		( new Report_Fixtures() )->event( $conversation, 'left_queue', array(), self::$current . ' 12:05:00', $live[0] );
		$this->configure(
			array(
				'alerts_min_conversations' => 10,
				'alerts_min_handoffs'      => 1000,
			)
		);
		$alert = $this->open( 'intent_rate' );
		$this->assertSame( 'down', $alert['direction'] );
		$this->assertSame( array( 'intents_changed', 'unproductive_turns', 'abandonment', 'later_angrier' ), array_column( $alert['investigation'], 'key' ) );
		$steps = self::steps( $alert );
		$this->assertSame( array( 'Abandonment while waiting', 0.0, 1.0 ), $steps['abandonment']['data']['rows'][0] );
		$this->assertSame( array( 'share', 'share' ), $steps['abandonment']['data']['row_kinds'], 'offers left unanswered read as a percentage' );
		$this->assertSame( array( 'mean', 'share' ), $steps['later_angrier']['data']['row_kinds'] );
		$this->assertSame( array( 'count', 'count' ), $steps['unproductive_turns']['data']['row_kinds'] );
		$this->assertStringStartsWith( 'Yes:', $steps['abandonment']['finding'] );
		$this->assertStringStartsWith( 'No:', $steps['unproductive_turns']['finding'] );
	}

	/**
	 * The median turn of user requests falls from 3.5 to 1.5; in two of the four conversations
	 * the bot's first reply had a confidence of 0.1, under the answer threshold of 0.3.
	 */
	public function test_persons_asked_for_earlier(): void {
		foreach ( array( 3, 3, 4, 4 ) as $turn ) {
			$this->add( self::$previous, 1, '', array( 'turn' => $turn ) );
		}
		$f = new Report_Fixtures();
		foreach ( array( 1, 1, 2, 2 ) as $i => $turn ) {
			$at           = self::$current . ' 12:00:00';
			$conversation = $f->conversation( $at );
			if ( $i < 2 ) {
				$f->turn( $conversation, 'answered', array( 'confidence' => 0.1 ), $at );
			}
			$handoff = $f->handoff(
				$conversation,
				array(
					'turn'         => $turn,
					'requested_at' => $at,
				)
			);
			$f->turn( $conversation, 'handoff_requested', array(), $at, $handoff );
		}
		$this->configure( array( 'alerts_min_handoffs' => 4 ) );
		$alert = $this->open( 'earlier_requests' );
		$this->assertSame( array( 'turns', 'opening_replies', 'config_changed' ), array_column( $alert['investigation'], 'key' ) );
		$steps = self::steps( $alert );
		$this->assertSame(
			array(
				array( '1', 0, 2 ),
				array( '2', 0, 2 ),
				array( '3', 2, 0 ),
				array( '4-5', 2, 0 ),
				array( '6+', 0, 0 ),
			),
			$steps['turns']['data']['rows']
		);
		$this->assertStringContainsString( 'from 3.5 to 1.5', $steps['turns']['finding'] );
		$this->assertCount( 4, $steps['opening_replies']['data']['rows'] );
		$this->assertStringContainsString( 'In 2 of the 4', $steps['opening_replies']['finding'] );
		$confidences = array_column( $steps['opening_replies']['data']['rows'], 4 );
		sort( $confidences );
		$this->assertSame( array( 0.1, 0.1, 0.9, 0.9 ), $confidences );
	}

	/**
	 * Packages lose the summary and the language: 10 fields of 10 before, 8 now.
	 */
	public function test_completeness_drops(): void {
		$all = array( 'transcript', 'intent', 'confidence', 'sources', 'user', 'pages', 'form', 'reason', 'summary', 'language' );
		$this->add( self::$previous, 4, '', array(), $all );
		$this->add( self::$current, 4, '', array(), array_slice( $all, 0, 8 ) );
		$this->configure( array( 'alerts_min_handoffs' => 4 ) );
		$alert = $this->open( 'completeness' );
		$this->assertSame( 'Context packages are less complete: 100.0 % → 80.0 %', $alert['title'] );
		$steps = self::steps( $alert );
		$drops = array();
		foreach ( $steps['fields']['data']['rows'] as $row ) {
			$drops[ $row[0] ] = $row[3];
		}
		$this->assertSame( -1.0, $drops['summary'] );
		$this->assertSame( -1.0, $drops['language'] );
		$this->assertSame( 0.0, $drops['transcript'] );
		$this->assertContains( $steps['fields']['data']['rows'][0][0], array( 'summary', 'language' ), 'the largest drop first' );
		$this->assertSame( array( 'text', 'share', 'share', 'points' ), $steps['fields']['data']['kinds'], 'the fields’ presence reads as percentages' );
		$this->assertSame( array(), $steps['fields']['data']['row_kinds'] );
	}

	/**
	 * A reason enters the top three: the intents behind it.
	 */
	public function test_a_new_top_reason(): void {
		$system = array( 'trigger_type' => 'system' );
		$this->add( self::$previous, 2, '', array( 'reason' => 'low_confidence' ) + $system );
		$this->add( self::$previous, 1, '', array( 'reason' => 'missing_knowledge' ) + $system );
		$this->add( self::$previous, 1, '', array( 'reason' => 'user_requested' ) + $system );
		$this->add( self::$current, 2, 'returns', array( 'reason' => 'action_required' ) + $system );
		$this->add( self::$current, 1, 'billing', array( 'reason' => 'action_required' ) + $system );
		$this->add( self::$current, 1, '', array( 'reason' => 'low_confidence' ) + $system );
		$this->configure(
			array(
				'alerts_min_handoffs' => 4,
				'alerts_topic_share'  => 1,
			)
		);
		$alert = $this->open( 'new_top_reason' );
		$this->assertSame( 'action_required', $alert['subject'] );
		$steps = self::steps( $alert );
		$this->assertSame( array( 'reasons', 'intents', 'config_changed' ), array_column( $alert['investigation'], 'key' ) );
		$this->assertSame( array( 'action_required', 0, 3 ), $steps['reasons']['data']['rows'][0] );
		$this->assertSame(
			array(
				array( 'returns', 0, 2 ),
				array( 'billing', 0, 1 ),
			),
			$steps['intents']['data']['rows']
		);
		$this->assertSame( 'returns', $steps['intents']['drill_down']['intent'] );
		$this->assertSame( 'action_required', $steps['intents']['drill_down']['reason'] );
	}
}
