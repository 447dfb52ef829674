<?php
/**
 * GET /reports/reviews/{review} and PUT /reports/reviews/{review}/items/{item}.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Reports\Review\Rest;

use HandoffBot\Capabilities;
use HandoffBot\Rest\Report_Checkpoints_Controller;
use HandoffBot\Rest\Report_Reviews_Controller;
use HandoffBot\Tests\Integration\Test_Case;

/**
 * The monthly and quarterly checklists: their items and targets, completion stored with who,
 * when and notes, who may do it, and what bad input gets.
 */
final class Report_Reviews_Controller_Test extends Test_Case {

	/**
	 * New York time and the roles.
	 */
	protected function setUp(): void {
		parent::setUp();
		update_option( 'timezone_string', 'America/New_York' );
		update_option( 'gmt_offset', '' );
		Capabilities::grant();
	}

	/**
	 * The monthly review covers the month in the site's time zone, item by item with the section
	 * each needs; the quarterly one its own items.
	 */
	public function test_the_checklists_have_the_cadence_items(): void {
		wp_set_current_user( $this->create_user( 'administrator' ) );
		$month = $this->rest( 'GET', '/handoff-bot/v1/reports/reviews/2026-11' );
		$this->assertSame( 200, $month->get_status(), (string) wp_json_encode( $month->get_data() ) );
		$data = $month->get_data();
		$this->assertSame( array( 'monthly', '2026-11-01', '2026-11-30', '2026-11-01 04:00:00', '2026-12-01 05:00:00' ), array( $data['cadence'], $data['period']['from'], $data['period']['to'], $data['period']['start_utc'], $data['period']['end_utc'] ) );
		$this->assertSame(
			array(
				'top_reasons'          => 'reasons',
				'samples'              => 'samples',
				'escalation_by_intent' => 'escalation',
				'triggers'             => 'triggers',
				'automation'           => 'outcomes',
				'effort'               => 'effort',
				'completeness'         => 'completeness',
				'queue'                => 'queue',
				'checkpoints'          => 'checkpoints',
			),
			array_column( $data['items'], 'target', 'id' )
		);
		$this->assertSame( array( 0, 9 ), array( $data['done'], $data['total'] ) );
		$this->assertFalse( $data['items'][0]['done'] );
		$this->assertNull( $data['items'][0]['completed_by'] );

		$quarter = $this->rest( 'GET', '/handoff-bot/v1/reports/reviews/2026-Q4' )->get_data();
		$this->assertSame( array( 'quarterly', '2026-10-01', '2026-12-31' ), array( $quarter['cadence'], $quarter['period']['from'], $quarter['period']['to'] ) );
		$this->assertSame(
			array( 'drift', 'intent_policies', 'always_human', 'staffing', 'thresholds', 'integrations', 'checkpoints' ),
			array_column( $quarter['items'], 'id' )
		);
		$this->assertSame( 'drift', $quarter['items'][0]['target'] );
	}

	/**
	 * Completing an item stores who, when and the note; sending it again is the same item; the
	 * next manager's change is theirs; another review's items are apart.
	 */
	public function test_completing_an_item_is_stored_with_who_and_when(): void {
		$admin = $this->create_user( 'administrator' );
		wp_set_current_user( $admin );
		$body  = array(
			'done' => true,
			'note' => 'Missing knowledge leads; two refund pages to write.',
		);
		$first = $this->rest( 'PUT', '/handoff-bot/v1/reports/reviews/2026-11/items/top_reasons', $body );
		$this->assertSame( 200, $first->get_status(), (string) wp_json_encode( $first->get_data() ) );
		$again = $this->rest( 'PUT', '/handoff-bot/v1/reports/reviews/2026-11/items/top_reasons', $body )->get_data();
		$this->assertSame( array( 'top_reasons', 'reasons', true, $body['note'], $admin ), array( $again['id'], $again['target'], $again['done'], $again['note'], $again['completed_by']['id'] ) );
		$this->assertLessThanOrEqual( 5, abs( time() - (int) strtotime( $again['updated_at'] . ' UTC' ) ) );

		$review = $this->rest( 'GET', '/handoff-bot/v1/reports/reviews/2026-11' )->get_data();
		$this->assertSame( 1, $review['done'] );
		$this->assertSame( get_userdata( $admin )->display_name, $review['items'][0]['completed_by']['name'] );
		$this->assertSame( $body['note'], $review['items'][0]['note'] );
		$this->assertSame( 0, $this->rest( 'GET', '/handoff-bot/v1/reports/reviews/2026-12' )->get_data()['done'], 'December is another review' );

		global $wpdb;
		$this->assertSame( '1', $wpdb->get_var( $wpdb->prepare( 'SELECT COUNT(*) FROM %i WHERE review = %s', $wpdb->prefix . 'handoff_bot_review_items', '2026-11' ) ) );

		$other = $this->create_user( 'administrator' );
		wp_set_current_user( $other );
		$undone = $this->rest( 'PUT', '/handoff-bot/v1/reports/reviews/2026-11/items/top_reasons', array( 'done' => false ) )->get_data();
		$this->assertSame( array( false, '', $other ), array( $undone['done'], $undone['note'], $undone['completed_by']['id'] ) );
		$this->assertSame( 0, $this->rest( 'GET', '/handoff-bot/v1/reports/reviews/2026-11' )->get_data()['done'] );

		$quarter = $this->rest( 'PUT', '/handoff-bot/v1/reports/reviews/2026-Q4/items/staffing', array( 'done' => true ) );
		$this->assertSame( 200, $quarter->get_status() );
		$this->assertSame( 1, $this->rest( 'GET', '/handoff-bot/v1/reports/reviews/2026-Q4' )->get_data()['done'] );
	}

	/**
	 * Anonymous: 401; a subscriber and an agent: 403; nothing stored.
	 */
	public function test_only_managers_may_review(): void {
		$cases = array(
			array( 0, 401, 'anonymous' ),
			array( $this->create_user( 'subscriber' ), 403, 'a subscriber' ),
			array( $this->create_user( Capabilities::ROLE ), 403, 'an agent' ),
		);
		foreach ( $cases as list( $user, $status, $who ) ) {
			wp_set_current_user( $user );
			$read  = $this->rest( 'GET', '/handoff-bot/v1/reports/reviews/2026-11' );
			$write = $this->rest( 'PUT', '/handoff-bot/v1/reports/reviews/2026-11/items/queue', array( 'done' => true ) );
			foreach ( array( $read, $write ) as $response ) {
				$this->assertSame( $status, $response->get_status(), $who );
				$this->assertSame( 'handoff_bot_forbidden', $response->get_data()['code'], $who );
			}
		}
		global $wpdb;
		$this->assertSame( '0', $wpdb->get_var( $wpdb->prepare( 'SELECT COUNT(*) FROM %i', $wpdb->prefix . 'handoff_bot_review_items' ) ) );
	}

	/**
	 * Bad input: a 4xx with a code and a message.
	 */
	public function test_bad_input_gets_a_clear_error(): void {
		wp_set_current_user( $this->create_user( 'administrator' ) );
		$cases = array(
			array( 'GET', '2026-13', array(), 400, 'handoff_bot_bad_review' ),
			array( 'GET', '2026-Q5', array(), 400, 'handoff_bot_bad_review' ),
			array( 'GET', 'november', array(), 400, 'handoff_bot_bad_review' ),
			// The route's [^/]+ lets a decoded %0A through: the key must still be refused.
			array( 'GET', rawurldecode( '2026-03%0A' ), array(), 400, 'handoff_bot_bad_review' ),
			array( 'GET', rawurldecode( '2026-Q1%0A' ), array(), 400, 'handoff_bot_bad_review' ),
			array( 'PUT', rawurldecode( '2026-03%0A' ) . '/items/queue', array( 'done' => true ), 400, 'handoff_bot_bad_review' ),
			array( 'PUT', '2026-13/items/queue', array( 'done' => true ), 400, 'handoff_bot_bad_review' ),
			array( 'PUT', '2026-11/items/drift', array( 'done' => true ), 404, 'handoff_bot_unknown_item' ),
			array( 'PUT', '2026-Q4/items/samples', array( 'done' => true ), 404, 'handoff_bot_unknown_item' ),
			array( 'PUT', '2026-11/items/queue', array(), 400, 'rest_missing_callback_param' ),
			array( 'PUT', '2026-11/items/queue', array( 'done' => 'often' ), 400, 'rest_invalid_param' ),
			array(
				'PUT',
				'2026-11/items/queue',
				array(
					'done' => true,
					'note' => str_repeat( 'x', 2001 ),
				),
				400,
				'rest_invalid_param',
			),
		);
		foreach ( $cases as list( $method, $path, $params, $status, $code ) ) {
			$response = $this->rest( $method, '/handoff-bot/v1/reports/reviews/' . $path, $params );
			$this->assertSame( $status, $response->get_status(), $method . ' ' . $path );
			$this->assertSame( $code, $response->get_data()['code'], $method . ' ' . $path );
			$this->assertNotEmpty( $response->get_data()['message'] );
		}
		global $wpdb;
		$this->assertSame( '0', $wpdb->get_var( $wpdb->prepare( 'SELECT COUNT(*) FROM %i', $wpdb->prefix . 'handoff_bot_review_items' ) ) );
	}

	/**
	 * A reason the request is to blame for (the period's bad_date or bad_period, or one to come)
	 * answers 400 with its own code and a message, never 503 "storage unavailable"; only a
	 * storage failure is a 503. Both review controllers.
	 */
	public function test_a_request_error_is_a_400_with_its_code_not_a_503(): void {
		foreach ( array( Report_Reviews_Controller::class, Report_Checkpoints_Controller::class ) as $controller ) {
			$error = new \ReflectionMethod( $controller, 'error' );
			$error->setAccessible( true );
			$cases = array(
				array( 'bad_date', 400, 'handoff_bot_bad_date' ),
				array( 'bad_period', 400, 'handoff_bot_bad_period' ),
				array( 'bad_something_new', 400, 'handoff_bot_bad_something_new' ),
				array( 'Not a code', 400, 'handoff_bot_bad_request' ),
				array( 'storage_unavailable', 503, 'handoff_bot_storage_unavailable' ),
			);
			foreach ( $cases as list( $reason, $status, $code ) ) {
				$response = rest_convert_error_to_response( $error->invoke( null, $reason ) );
				$this->assertSame( $status, $response->get_status(), $controller . ' ' . $reason );
				$this->assertSame( $code, $response->get_data()['code'], $controller . ' ' . $reason );
				$this->assertNotEmpty( $response->get_data()['message'] );
			}
		}
	}
}
