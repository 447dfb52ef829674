<?php
/**
 * A small week of conversations whose every figure is worked out by hand in the tests.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Reports;

/**
 * The site runs in America/New_York; the week is 2026-03-02 to 2026-03-08 local, which ends on
 * the day clocks go forward: from 2026-03-02 05:00:00 UTC to 2026-03-09 04:00:00 UTC.
 *
 * In the week (conversation => what happened):
 * - C1 (v1, first second of the week): two productive answers about shipping, an offer the
 *   visitor declined, rated 3 then 5 with the bot alone.
 * - C2 (v1): two unproductive turns (confidence 0.1, then an offer at 0.2) and no word after the offer.
 * - C3 (v1): asks for a person at turn 1 (billing_dispute, `human_request`); live, accepted,
 *   first reply after 180 s, resolved; full context; rated 4 with a person.
 * - C4 (v2): three unproductive turns (low confidence, a repetition, an answer marked unhelpful),
 *   then a frustration handoff at turn 4 (shipping, team support); accepted, first reply after
 *   600 s, not resolved; tagged bot_could_answer (delivery times); context 5/10; rated 2.
 * - C5 (v2): one good answer, then asks for a person at turn 2 (shipping); live, nobody
 *   accepted (escalation_failed), abandoned; tagged bot_could_answer (delivery times); no package.
 * - C6 (v2): private handoff at turn 1 (privacy, sensitive_account, trigger rule); context 7/10.
 * - C7 (v2, last second of the week): two answers (the second with frustration), missing
 *   knowledge at turn 3 (billing), requested just after the week ends locally; after hours → a
 *   ticket; tagged bot_could_answer (invoices); a person replied after 3600 s; full context.
 * - C8 (v1): no turns.
 * Outside: X1 one second before the week (a low_confidence handoff; the previous week),
 * X2 at the first second after it, X3 at the start of the previous week.
 */
final class Report_Scenario {

	/**
	 * IDs: name => conversation or handoff ID.
	 *
	 * @var array<string, int>
	 */
	public array $ids = array();

	/**
	 * Writes the rows.
	 */
	public function build(): void {
		$f = new Report_Fixtures();

		$c1 = $f->conversation( '2026-03-02 05:00:00', 1 );
		$f->turn(
			$c1,
			'answered',
			array(
				'intent'   => 'shipping',
				'reply_id' => 101,
			),
			'2026-03-02 05:00:10'
		);
		$f->turn(
			$c1,
			'answered',
			array(
				'intent'     => 'shipping',
				'confidence' => 0.8,
				'reply_id'   => 102,
			),
			'2026-03-02 05:00:20'
		);
		$f->event( $c1, 'message_received', array( 'message_id' => 104 ), '2026-03-02 05:00:25' );
		$offer = $f->turn(
			$c1,
			'choice_offered',
			array(
				'intent'   => 'shipping',
				'reason'   => 'low_confidence',
				'reply_id' => 103,
			),
			'2026-03-02 05:00:30'
		);
		$f->event( $c1, 'choice_declined', array( 'message_id' => 103 ), '2026-03-02 05:00:40' );
		$f->event(
			$c1,
			'rated',
			array(
				'rating'    => 3,
				'served_by' => 'bot',
			),
			'2026-03-02 05:01:00'
		);
		$f->event(
			$c1,
			'rated',
			array(
				'rating'    => 5,
				'served_by' => 'bot',
			),
			'2026-03-02 05:02:00'
		);

		$c2 = $f->conversation( '2026-03-03 15:00:00', 1 );
		$f->event( $c2, 'message_received', array( 'message_id' => 200 ), '2026-03-03 15:00:05' );
		$f->turn(
			$c2,
			'answered',
			array(
				'intent'     => 'shipping',
				'confidence' => 0.1,
				'reply_id'   => 201,
			),
			'2026-03-03 15:00:10'
		);
		$f->event( $c2, 'message_received', array( 'message_id' => 202 ), '2026-03-03 15:00:15' );
		$f->turn(
			$c2,
			'choice_offered',
			array(
				'intent'     => 'shipping',
				'confidence' => 0.2,
				'reply_id'   => 203,
			),
			'2026-03-03 15:00:20'
		);

		$c3 = $f->conversation( '2026-03-04 14:00:00', 1 );
		$h3 = $f->handoff(
			$c3,
			array(
				'status'         => 'resolved',
				'intent'         => 'billing_dispute',
				'turn'           => 1,
				'team'           => 'billing',
				'outcome'        => 'resolved',
				'requested_at'   => '2026-03-04 14:00:30',
				'accepted_at'    => '2026-03-04 14:02:00',
				'first_reply_at' => '2026-03-04 14:03:30',
				'resolved_at'    => '2026-03-04 14:10:00',
			),
			array( 'transcript', 'intent', 'confidence', 'sources', 'user', 'pages', 'form', 'reason', 'summary', 'language' )
		);
		$f->turn(
			$c3,
			'handoff_requested',
			array(
				'intent'     => 'billing_dispute',
				'reason'     => 'user_requested',
				'trigger'    => 'user',
				'signals'    => array( 'human_request' ),
				'confidence' => null,
				'kind'       => '',
			),
			'2026-03-04 14:00:30',
			$h3
		);
		$f->event(
			$c3,
			'rated',
			array(
				'rating'    => 4,
				'served_by' => 'person',
			),
			'2026-03-04 14:11:00',
			$h3
		);

		$c4 = $f->conversation( '2026-03-05 10:00:00', 2 );
		$f->turn(
			$c4,
			'answered',
			array(
				'intent'     => 'shipping',
				'confidence' => 0.2,
				'reply_id'   => 401,
			),
			'2026-03-05 10:01:00'
		);
		$f->turn(
			$c4,
			'answered',
			array(
				'intent'   => 'shipping',
				'signals'  => array( 'repetition' ),
				'reply_id' => 402,
			),
			'2026-03-05 10:02:00'
		);
		$f->turn(
			$c4,
			'answered',
			array(
				'intent'   => 'shipping',
				'reply_id' => 403,
			),
			'2026-03-05 10:03:00'
		);
		$f->event(
			$c4,
			'feedback',
			array(
				'message_id' => 403,
				'helpful'    => false,
			),
			'2026-03-05 10:03:30'
		);
		$f->event(
			$c4,
			'feedback',
			array(
				'message_id' => 401,
				'helpful'    => true,
			),
			'2026-03-05 10:03:40'
		);
		$h4 = $f->handoff(
			$c4,
			array(
				'status'         => 'resolved',
				'reason'         => 'frustration',
				'trigger_type'   => 'system',
				'intent'         => 'shipping',
				'turn'           => 4,
				'team'           => 'support',
				'outcome'        => 'not_resolved',
				'tags'           => 'bot_could_answer',
				'topic'          => 'delivery times',
				'config_version' => 2,
				'requested_at'   => '2026-03-05 10:05:00',
				'accepted_at'    => '2026-03-05 10:10:00',
				'first_reply_at' => '2026-03-05 10:15:00',
				'resolved_at'    => '2026-03-05 10:30:00',
			),
			array( 'transcript', 'intent', 'confidence', 'reason', 'summary' )
		);
		$f->turn(
			$c4,
			'handoff_requested',
			array(
				'intent'     => 'shipping',
				'reason'     => 'frustration',
				'trigger'    => 'system',
				'signals'    => array( 'frustration' ),
				'confidence' => 0.9,
			),
			'2026-03-05 10:05:00',
			$h4
		);
		$f->event(
			$c4,
			'rated',
			array(
				'rating'    => 2,
				'served_by' => 'person',
			),
			'2026-03-05 10:31:00',
			$h4
		);

		$c5 = $f->conversation( '2026-03-06 20:00:00', 2 );
		$f->turn(
			$c5,
			'answered',
			array(
				'intent'     => 'shipping',
				'confidence' => 0.5,
				'reply_id'   => 501,
			),
			'2026-03-06 20:00:30'
		);
		$h5 = $f->handoff(
			$c5,
			array(
				'status'         => 'abandoned',
				'intent'         => 'shipping',
				'turn'           => 2,
				'team'           => 'support',
				'outcome'        => 'abandoned',
				'tags'           => 'escalation_failed,bot_could_answer',
				'topic'          => 'delivery times',
				'config_version' => 2,
				'requested_at'   => '2026-03-06 20:01:00',
				'resolved_at'    => '2026-03-06 20:20:00',
			)
		);
		$f->turn(
			$c5,
			'handoff_requested',
			array(
				'intent'     => 'shipping',
				'reason'     => 'user_requested',
				'trigger'    => 'user',
				'signals'    => array( 'human_request' ),
				'confidence' => null,
				'kind'       => '',
			),
			'2026-03-06 20:01:00',
			$h5
		);
		$f->event( $c5, 'abandoned', array( 'waited_seconds' => 1140 ), '2026-03-06 20:20:00', $h5 );

		$c6 = $f->conversation( '2026-03-07 12:00:00', 2 );
		$h6 = $f->handoff(
			$c6,
			array(
				'reason'         => 'sensitive_account',
				'trigger_type'   => 'rule',
				'route'          => 'private',
				'route_reason'   => 'private',
				'intent'         => 'privacy',
				'turn'           => 1,
				'config_version' => 2,
				'requested_at'   => '2026-03-07 12:01:00',
			),
			array( 'transcript', 'intent', 'confidence', 'sources', 'pages', 'reason', 'summary' )
		);
		$f->turn(
			$c6,
			'handoff_requested',
			array(
				'intent'   => 'privacy',
				'reason'   => 'sensitive_account',
				'trigger'  => 'rule',
				'decision' => 'private_handoff',
				'signals'  => array( 'sensitivity' ),
			),
			'2026-03-07 12:01:00',
			$h6
		);

		$c7 = $f->conversation( '2026-03-09 03:59:59', 2 );
		$f->turn(
			$c7,
			'answered',
			array(
				'intent'   => 'billing',
				'reply_id' => 701,
			),
			'2026-03-09 04:00:10'
		);
		$f->turn(
			$c7,
			'answered',
			array(
				'intent'   => 'billing',
				'signals'  => array( 'frustration' ),
				'reply_id' => 702,
			),
			'2026-03-09 04:10:00'
		);
		$h7 = $f->handoff(
			$c7,
			array(
				'status'         => 'ticket',
				'reason'         => 'missing_knowledge',
				'trigger_type'   => 'system',
				'route'          => 'ticket',
				'route_reason'   => 'after_hours',
				'intent'         => 'billing',
				'turn'           => 3,
				'team'           => 'billing',
				'tags'           => 'bot_could_answer',
				'topic'          => 'invoices',
				'config_version' => 2,
				'requested_at'   => '2026-03-09 04:30:00',
				'first_reply_at' => '2026-03-09 05:30:00',
			),
			array( 'transcript', 'intent', 'confidence', 'sources', 'user', 'pages', 'form', 'reason', 'summary', 'language' )
		);
		$f->turn(
			$c7,
			'handoff_requested',
			array(
				'intent'     => 'billing',
				'reason'     => 'missing_knowledge',
				'trigger'    => 'system',
				'confidence' => 0.1,
			),
			'2026-03-09 04:30:00',
			$h7
		);

		$c8 = $f->conversation( '2026-03-02 05:00:30', 1 );

		$x1  = $f->conversation( '2026-03-02 04:59:59', 1 );
		$hx1 = $f->handoff(
			$x1,
			array(
				'status'         => 'resolved',
				'reason'         => 'low_confidence',
				'trigger_type'   => 'system',
				'intent'         => 'shipping',
				'turn'           => 2,
				'outcome'        => 'resolved',
				'requested_at'   => '2026-03-02 05:00:00',
				'accepted_at'    => '2026-03-02 05:01:00',
				'first_reply_at' => '2026-03-02 05:02:00',
			),
			array( 'transcript' )
		);
		$f->turn(
			$x1,
			'handoff_requested',
			array(
				'intent'  => 'shipping',
				'reason'  => 'low_confidence',
				'trigger' => 'system',
			),
			'2026-03-02 05:00:00',
			$hx1
		);
		$x2 = $f->conversation( '2026-03-09 04:00:00', 2 );
		$f->handoff( $x2, array( 'requested_at' => '2026-03-09 04:00:10' ) );
		$x3 = $f->conversation( '2026-02-23 05:00:00', 1 );

		$f->version( 'answers', 901, 2, 'Lower the frustration threshold', 'More frustration handoffs, fewer abandoned chats', '2026-03-05 09:00:00' );
		$f->version( 'answers', 900, 1, 'Before the week', '', '2026-03-02 04:00:00' );

		$this->ids = compact( 'c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8', 'h3', 'h4', 'h5', 'h6', 'h7', 'x1', 'x2', 'x3', 'hx1', 'offer' );
	}
}
