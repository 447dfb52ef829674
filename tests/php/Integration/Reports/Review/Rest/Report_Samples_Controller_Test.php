<?php
/**
 * GET /reports/samples and PUT /reports/samples/{conversation_id}.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Reports\Review\Rest;

use HandoffBot\Capabilities;
use HandoffBot\Tests\Integration\Reports\Report_Fixtures;
use HandoffBot\Tests\Integration\Test_Case;
use WP_REST_Response;

require_once dirname( __DIR__, 2 ) . '/Report_Fixtures.php';

/**
 * Who may read the samples and mark them, what bad input gets, and a mark saved twice.
 */
final class Report_Samples_Controller_Test extends Test_Case {

	/**
	 * The week.
	 *
	 * @var array<string, string>
	 */
	private const WEEK = array(
		'period' => 'custom',
		'from'   => '2026-03-02',
		'to'     => '2026-03-08',
	);

	/**
	 * A conversation handed off in the week, saved by an agent.
	 *
	 * @var int
	 */
	private int $conversation = 0;

	/**
	 * New York time, the roles and one handoff.
	 */
	protected function setUp(): void {
		parent::setUp();
		update_option( 'timezone_string', 'America/New_York' );
		update_option( 'gmt_offset', '' );
		Capabilities::grant();
		$rows               = new Report_Fixtures();
		$this->conversation = $rows->conversation( '2026-03-04 15:00:00' );
		$rows->handoff(
			$this->conversation,
			array(
				'reason'       => 'billing_dispute',
				'status'       => 'closed',
				'outcome'      => 'resolved',
				'agent_id'     => 1,
				'accepted_at'  => '2026-03-04 15:02:00',
				'requested_at' => '2026-03-04 15:01:00',
			)
		);
	}

	/**
	 * Both routes.
	 *
	 * @param array<string, string> $headers Headers.
	 * @return array<string, WP_REST_Response>
	 */
	private function both( array $headers = array() ): array {
		return array(
			'samples' => $this->rest( 'GET', '/handoff-bot/v1/reports/samples', self::WEEK, $headers ),
			'mark'    => $this->rest( 'PUT', '/handoff-bot/v1/reports/samples/' . $this->conversation, array( 'reviewed' => true ), $headers ),
		);
	}

	/**
	 * Anonymous and a visitor with a token: 401; a subscriber and an agent: 403; nothing stored.
	 */
	public function test_only_managers_may_read_and_mark(): void {
		list( , $token ) = $this->start_conversation();
		$cases           = array(
			array( 0, array(), 401, 'anonymous' ),
			array( 0, array( 'X-Handoff-Bot-Token' => $token ), 401, 'a visitor' ),
			array( $this->create_user( 'subscriber' ), array(), 403, 'a subscriber' ),
			array( $this->create_user( Capabilities::ROLE ), array(), 403, 'an agent' ),
		);
		foreach ( $cases as list( $user, $headers, $status, $who ) ) {
			wp_set_current_user( $user );
			foreach ( $this->both( $headers ) as $route => $response ) {
				$body = (string) wp_json_encode( $response->get_data() );
				$this->assertSame( $status, $response->get_status(), $who . ' on ' . $route );
				$this->assertSame( 'handoff_bot_forbidden', $response->get_data()['code'] );
				$this->assertStringNotContainsString( 'billing_dispute', $body );
			}
		}
		wp_set_current_user( $this->create_user( 'administrator' ) );
		$sample = $this->rest( 'GET', '/handoff-bot/v1/reports/samples', self::WEEK )->get_data()['reasons'][0]['sample'][0];
		$this->assertNull( $sample['review'], 'no mark was stored by those refused' );
	}

	/**
	 * An administrator reads the sample and marks it; the same mark sent again is one mark, and
	 * the sample shows who marked it and the note.
	 */
	public function test_a_mark_is_stored_once_with_who_and_when(): void {
		$admin = $this->create_user( 'administrator' );
		wp_set_current_user( $admin );
		$response = $this->rest( 'GET', '/handoff-bot/v1/reports/samples', self::WEEK );
		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( 'no-store, private', $response->get_headers()['Cache-Control'] );
		$data = $response->get_data();
		$this->assertSame( 5, $data['per_reason'] );
		$this->assertSame( 'billing_dispute', $data['reasons'][0]['reason'] );
		$this->assertSame( $this->conversation, $data['reasons'][0]['sample'][0]['conversation_id'] );
		$this->assertSame( 'successful', $data['reasons'][0]['sample'][0]['group'] );

		$body  = array(
			'reviewed' => true,
			'note'     => 'Agent saved it; the refund page is missing.',
		);
		$first = $this->rest( 'PUT', '/handoff-bot/v1/reports/samples/' . $this->conversation, $body );
		$this->assertSame( 200, $first->get_status(), (string) wp_json_encode( $first->get_data() ) );
		$again = $this->rest( 'PUT', '/handoff-bot/v1/reports/samples/' . $this->conversation, $body );
		$this->assertSame( 200, $again->get_status() );
		$this->assertSame( true, $again->get_data()['reviewed'] );
		$this->assertSame( $body['note'], $again->get_data()['note'] );
		$this->assertSame( $admin, $again->get_data()['reviewer']['id'] );
		$this->assertSame( get_userdata( $admin )->display_name, $again->get_data()['reviewer']['name'] );
		$this->assertLessThanOrEqual( 5, abs( time() - (int) strtotime( $again->get_data()['updated_at'] . ' UTC' ) ) );

		global $wpdb;
		$this->assertSame( '1', $wpdb->get_var( $wpdb->prepare( 'SELECT COUNT(*) FROM %i WHERE conversation_id = %d', $wpdb->prefix . 'handoff_bot_review_marks', $this->conversation ) ) );

		$review = $this->rest( 'GET', '/handoff-bot/v1/reports/samples', self::WEEK )->get_data()['reasons'][0]['sample'][0]['review'];
		$this->assertSame( true, $review['reviewed'] );
		$this->assertSame( $body['note'], $review['note'] );
		$this->assertSame( $admin, $review['reviewer']['id'] );

		// Unmarked later by another manager: one row still, now theirs.
		$other = $this->create_user( 'administrator' );
		wp_set_current_user( $other );
		$undo = $this->rest( 'PUT', '/handoff-bot/v1/reports/samples/' . $this->conversation, array( 'reviewed' => false ) );
		$this->assertSame( array( false, '', $other ), array( $undo->get_data()['reviewed'], $undo->get_data()['note'], $undo->get_data()['reviewer']['id'] ) );
		$this->assertSame( '1', $wpdb->get_var( $wpdb->prepare( 'SELECT COUNT(*) FROM %i WHERE conversation_id = %d', $wpdb->prefix . 'handoff_bot_review_marks', $this->conversation ) ) );
	}

	/**
	 * Bad input: a 4xx with a code and a message, and nothing stored.
	 */
	public function test_bad_input_gets_a_clear_error(): void {
		wp_set_current_user( $this->create_user( 'administrator' ) );
		$cases = array(
			array( 'GET', '', array( 'per_reason' => 0 ) + self::WEEK, 400, 'rest_invalid_param' ),
			array( 'GET', '', array( 'per_reason' => 21 ) + self::WEEK, 400, 'rest_invalid_param' ),
			array( 'GET', '', array( 'period' => 'custom' ), 400, 'handoff_bot_bad_period' ),
			array( 'GET', '', array( 'from' => '2026-02-30' ) + self::WEEK, 400, 'handoff_bot_bad_date' ),
			array( 'PUT', '/' . $this->conversation, array(), 400, 'rest_missing_callback_param' ),
			array( 'PUT', '/' . $this->conversation, array( 'reviewed' => 'maybe' ), 400, 'rest_invalid_param' ),
			array( 'PUT', '/' . $this->conversation, array( 'reviewed' => null ), 400, 'rest_missing_callback_param' ),
			array(
				'PUT',
				'/' . $this->conversation,
				array(
					'reviewed' => true,
					'note'     => str_repeat( 'x', 2001 ),
				),
				400,
				'rest_invalid_param',
			),
			array( 'PUT', '/999999', array( 'reviewed' => true ), 404, 'handoff_bot_not_found' ),
		);
		foreach ( $cases as list( $method, $path, $params, $status, $code ) ) {
			$response = $this->rest( $method, '/handoff-bot/v1/reports/samples' . $path, $params );
			$label    = $method . ' ' . $path . ' ' . wp_json_encode( $params );
			$this->assertSame( $status, $response->get_status(), $label );
			$this->assertSame( $code, $response->get_data()['code'], $label );
			$this->assertNotEmpty( $response->get_data()['message'], $label );
		}
		global $wpdb;
		$this->assertSame( '0', $wpdb->get_var( $wpdb->prepare( 'SELECT COUNT(*) FROM %i', $wpdb->prefix . 'handoff_bot_review_marks' ) ) );
	}
}
