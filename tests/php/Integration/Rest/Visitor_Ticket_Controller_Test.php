<?php
/**
 * Tests for the visitor's ticket form.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Rest;

use HandoffBot\Capabilities;
use HandoffBot\Handoff\Availability;
use HandoffBot\Handoff\Availability_Store;
use HandoffBot\Jobs\Ticket_Confirmation_Job;
use HandoffBot\Repositories\Event_Repository;
use HandoffBot\Repositories\Handoff_Repository;
use HandoffBot\Tests\Integration\Test_Case;

/**
 * After hours the visitor who asked for a person gets a form that already holds what they wrote;
 * what they send becomes a ticket (or a callback request) with a reference, in the chat and in
 * the brief, queued for a confirmation email; a resent form is one ticket. A visitor waiting in
 * the live queue may leave a ticket instead. Bad answers get a 400 naming each field; only the
 * conversation's visitor may use the form.
 */
final class Visitor_Ticket_Controller_Test extends Test_Case {

	/**
	 * Closes the site every day (or staffs it round the clock), callbacks offered or not.
	 *
	 * @param bool $open     Whether the team is in.
	 * @param bool $callback Whether callbacks are offered.
	 */
	private function hours( bool $open, bool $callback = false ): void {
		if ( $open ) {
			$this->staff_the_site();
		}
		$stored           = get_option( Availability_Store::OPTION );
		$data             = is_array( $stored ) && isset( $stored['data'] ) ? $stored['data'] : Availability::defaults()->to_array();
		$data['callback'] = $callback;
		$data['hours']    = $open ? $data['hours'] : array_fill_keys( Availability::DAYS, array() );
		update_option(
			Availability_Store::OPTION,
			array(
				'version' => 0,
				'data'    => $data,
			)
		);
	}

	/**
	 * A visitor who asked a question, then for a person: [conversation, token, handoff].
	 *
	 * @return array{0: int, 1: string, 2: int}
	 */
	private function asking_visitor(): array {
		list( $id, $token ) = $this->start_conversation();
		$this->send( $id, $token, 'My parcel arrived with a cracked screen and I want a replacement' );
		$sent = $this->send( $id, $token, 'Talk to a person', '', array( 'human' => true ) );
		$this->assertSame( 201, $sent->get_status(), (string) wp_json_encode( $sent->get_data() ) );
		$open = ( new Handoff_Repository() )->open_for( $id );
		$this->assertNotNull( $open );
		return array( $id, $token, $open['id'] );
	}

	/**
	 * The form's route for a conversation.
	 *
	 * @param int                  $id     Conversation.
	 * @param string               $token  Its token ('' for none).
	 * @param string               $method GET or POST.
	 * @param array<string, mixed> $params Parameters.
	 */
	private function form( int $id, string $token, string $method, array $params = array() ): \WP_REST_Response {
		return $this->rest( $method, '/handoff-bot/v1/conversations/' . $id . '/handoff/ticket', $params, '' === $token ? array() : array( 'X-Handoff-Bot-Token' => $token ) );
	}

	/**
	 * Events of a type in a conversation.
	 *
	 * @param int    $id   Conversation.
	 * @param string $type Type.
	 * @return list<array<string, mixed>>
	 */
	private function events( int $id, string $type ): array {
		return array_values(
			array_filter(
				( new Event_Repository() )->for_conversation( $id ),
				static function ( array $event ) use ( $type ): bool {
					return $type === $event['type'];
				}
			)
		);
	}

	/**
	 * After hours: the form holds what was written, sends a ticket with a reference, once.
	 */
	public function test_after_hours_the_visitor_leaves_a_ticket_with_a_reference(): void {
		$this->hours( false );
		list( $id, $token, $handoff ) = $this->asking_visitor();
		$row                          = ( new Handoff_Repository() )->find( $handoff );
		$this->assertSame( 'ticket', $row['route'] );
		$this->assertSame( 'after_hours', $row['route_reason'] );

		$draft = $this->form( $id, $token, 'GET' );
		$this->assertSame( 200, $draft->get_status() );
		$this->assertStringContainsString( 'cracked screen', $draft->get_data()['message'], 'what the visitor wrote is there to edit' );
		$this->assertStringNotContainsString( 'Talk to a person', $draft->get_data()['message'] );
		$this->assertFalse( $draft->get_data()['callback'] );
		$this->assertSame( '', $draft->get_data()['email'], 'nothing is known of an anonymous visitor' );

		$bad = $this->form(
			$id,
			$token,
			'POST',
			array(
				'name'            => '',
				'email'           => 'not-an-address',
				'message'         => '',
				'idempotency_key' => 'ticket-key-1',
				'elapsed_ms'      => 5000,
			)
		);
		$this->assertSame( 400, $bad->get_status() );
		$this->assertSame( 'handoff_bot_invalid_ticket', $bad->get_data()['code'] );
		$this->assertSame( array( 'name', 'email', 'message' ), array_keys( $bad->get_data()['data']['fields'] ) );
		$this->assertNotNull( ( new Handoff_Repository() )->open_for( $id ), 'a refused form changes nothing' );

		$answers = array(
			'name'            => 'Ada Lovelace',
			'email'           => 'ada@example.com',
			'message'         => 'My parcel arrived with a cracked screen. Order 1042.',
			'idempotency_key' => 'ticket-key-2',
			'elapsed_ms'      => 5000,
		);
		$sent    = $this->form( $id, $token, 'POST', $answers );
		$this->assertSame( 201, $sent->get_status(), (string) wp_json_encode( $sent->get_data() ) );
		$receipt = $sent->get_data();
		$this->assertSame( sprintf( 'HB-%05d', $handoff ), $receipt['reference'] );
		$this->assertSame( 'ticket', $receipt['route'] );
		$this->assertStringContainsString( $receipt['reference'], $receipt['message'] );
		$this->assertStringContainsString( 'ada@example.com', $receipt['message'] );

		// The chat shows the confirmation, and no handoff waits any more.
		$poll = $this->rest( 'GET', '/handoff-bot/v1/conversations/' . $id . '/messages', array( 'after' => 0 ), array( 'X-Handoff-Bot-Token' => $token ) )->get_data();
		$this->assertNull( $poll['handoff'] );
		$last = end( $poll['messages'] );
		$this->assertSame( 'system', $last['role'] );
		$this->assertStringContainsString( $receipt['reference'], $last['body'] );

		// The brief has the form's answers; the ticket is recorded once, its email queued.
		$row = ( new Handoff_Repository() )->find( $handoff );
		$this->assertSame( 'ticket', $row['status'] );
		$context = ( new Handoff_Repository() )->context( $handoff );
		$this->assertSame( 'ada@example.com', $context['form']['email'] );
		$this->assertSame( 'My parcel arrived with a cracked screen. Order 1042.', $context['form']['message'] );
		$this->assertTrue( $context['completeness']['fields']['form'] );
		$this->assertNotEmpty( $context['summary'], 'the brief built as the handoff opened is kept' );
		$this->assertCount( 1, $this->events( $id, 'ticket_created' ) );
		$this->assertSame( 'after_hours', $this->events( $id, 'ticket_created' )[0]['data']['route_reason'] );
		$this->assertNotFalse( wp_next_scheduled( Ticket_Confirmation_Job::HOOK, array( $handoff, 1 ) ) );

		// Sent again (a lost response): the same receipt, nothing new.
		$again = $this->form( $id, $token, 'POST', $answers );
		$this->assertSame( 201, $again->get_status() );
		$this->assertSame( $receipt['reference'], $again->get_data()['reference'] );
		$this->assertCount( 1, $this->events( $id, 'ticket_created' ) );

		// Another form with a new key: nothing waits any more.
		$late = $this->form( $id, $token, 'POST', array_merge( $answers, array( 'idempotency_key' => 'ticket-key-3' ) ) );
		$this->assertSame( 409, $late->get_status() );
		$this->assertSame( 'handoff_bot_no_handoff', $late->get_data()['code'] );
	}

	/**
	 * A callback, where the admin offers one: a phone number and a window are needed.
	 */
	public function test_a_visitor_asks_for_a_callback_where_offered(): void {
		$this->hours( false, false );
		list( $id, $token ) = $this->asking_visitor();
		$phone              = array(
			'name'            => 'Grace Hopper',
			'contact'         => 'phone',
			'phone'           => '+44 20 7946 0958',
			'window'          => 'morning',
			'timezone'        => 'Europe/London',
			'message'         => 'Please call me about my order.',
			'idempotency_key' => 'callback-key-1',
			'elapsed_ms'      => 5000,
		);
		$refused            = $this->form( $id, $token, 'POST', $phone );
		$this->assertSame( 400, $refused->get_status() );
		$this->assertArrayHasKey( 'contact', $refused->get_data()['data']['fields'], 'no callbacks unless offered' );

		$this->hours( false, true );
		$this->assertTrue( $this->form( $id, $token, 'GET' )->get_data()['callback'] );
		$bad = $this->form(
			$id,
			$token,
			'POST',
			array_merge(
				$phone,
				array(
					'phone'    => 'call me maybe',
					'timezone' => 'Mars/Olympus',
				)
			)
		);
		$this->assertSame( 400, $bad->get_status() );
		$this->assertSame( array( 'phone', 'timezone' ), array_keys( $bad->get_data()['data']['fields'] ) );
		$invalid_window = $this->form( $id, $token, 'POST', array_merge( $phone, array( 'window' => 'midnight' ) ) );
		$this->assertSame( 400, $invalid_window->get_status() );

		$sent = $this->form( $id, $token, 'POST', $phone );
		$this->assertSame( 201, $sent->get_status(), (string) wp_json_encode( $sent->get_data() ) );
		$this->assertSame( 'callback', $sent->get_data()['route'] );
		$this->assertStringContainsString( '+442079460958', $sent->get_data()['message'] );
		$this->assertStringContainsString( '09:00', $sent->get_data()['message'] );
		$this->assertCount( 1, $this->events( $id, 'callback_requested' ) );
		$handoff = ( new Handoff_Repository() )->find( (int) $sent->get_data()['handoff_id'] );
		$this->assertSame( 'callback', $handoff['route'] );
		$this->assertSame( 'after_hours', $handoff['route_reason'], 'why nobody could come stays recorded' );
		$this->assertFalse( wp_next_scheduled( Ticket_Confirmation_Job::HOOK, array( $handoff['id'], 1 ) ), 'no email address, no email' );
	}

	/**
	 * A visitor in the live queue may leave a ticket instead of waiting; once an agent holds the
	 * chat, the form is refused.
	 */
	public function test_a_waiting_visitor_may_leave_a_ticket_instead_but_not_once_an_agent_joined(): void {
		$this->hours( true );
		list( $id, $token, $handoff ) = $this->asking_visitor();
		$this->assertSame( 'live', ( new Handoff_Repository() )->find( $handoff )['route'] );
		$sent = $this->form(
			$id,
			$token,
			'POST',
			array(
				'name'            => 'Alan',
				'email'           => 'alan@example.com',
				'message'         => 'I cannot wait, please email me.',
				'idempotency_key' => 'instead-key-1',
				'elapsed_ms'      => 5000,
			)
		);
		$this->assertSame( 201, $sent->get_status() );
		$this->assertSame( 'ticket', $sent->get_data()['route'] );
		$this->assertSame( 'live', $this->events( $id, 'ticket_created' )[0]['data']['from_route'] );
		$this->assertSame( 0, ( new Handoff_Repository() )->count_waiting( '' ), 'the queue is empty again' );

		// Another visitor, taken by an agent before sending the form.
		list( $other, $other_token, $other_handoff ) = $this->asking_visitor();
		$agent                                       = $this->create_user( Capabilities::ROLE );
		$this->assertTrue( ( new Handoff_Repository() )->accept( $other_handoff, $agent ) );
		$late = $this->form(
			$other,
			$other_token,
			'POST',
			array(
				'name'            => 'Alan',
				'email'           => 'alan@example.com',
				'message'         => 'Too late.',
				'idempotency_key' => 'instead-key-2',
				'elapsed_ms'      => 5000,
			)
		);
		$this->assertSame( 409, $late->get_status() );
		$this->assertSame( 'handoff_bot_handoff_taken', $late->get_data()['code'] );
	}

	/**
	 * Only the conversation's visitor reads or sends its form; a signed-in visitor finds their
	 * name and email filled in.
	 */
	public function test_only_the_visitor_uses_the_form_and_known_details_are_filled_in(): void {
		$this->hours( false );
		list( $id, $token ) = $this->asking_visitor();
		list( , $other )    = $this->start_conversation();
		$answers            = array(
			'name'            => 'Eve',
			'email'           => 'eve@example.com',
			'message'         => 'Not mine.',
			'idempotency_key' => 'perm-key-1',
			'elapsed_ms'      => 5000,
		);
		foreach ( array(
			''     => 401,
			$other => 403,
		) as $wrong => $status ) {
			$this->assertSame( $status, $this->form( $id, (string) $wrong, 'GET' )->get_status() );
			$this->assertSame( $status, $this->form( $id, (string) $wrong, 'POST', $answers )->get_status() );
		}
		foreach ( array( 'subscriber', Capabilities::ROLE, 'administrator' ) as $role ) {
			wp_set_current_user( $this->create_user( $role ) );
			$this->assertSame( 401, $this->form( $id, '', 'POST', $answers )->get_status(), $role . ' without the token' );
		}
		wp_set_current_user( 0 );
		$this->assertNotNull( ( new Handoff_Repository() )->open_for( $id ), 'nobody else left a ticket' );

		$this->assertSame( 400, $this->form( $id, $token, 'POST', array_merge( $answers, array( 'idempotency_key' => 'x' ) ) )->get_status() );

		$user = $this->create_user( 'subscriber' );
		wp_update_user(
			array(
				'ID'           => $user,
				'display_name' => 'Sam Signed-In',
				'user_email'   => 'sam@example.com',
			)
		);
		wp_set_current_user( $user );
		list( $mine, $mine_token ) = $this->asking_visitor();
		$draft                     = $this->form( $mine, $mine_token, 'GET' )->get_data();
		$this->assertSame( 'Sam Signed-In', $draft['name'] );
		$this->assertSame( 'sam@example.com', $draft['email'] );
	}

	/**
	 * The confirmation email: tried again with a growing delay while mail fails, then recorded
	 * as failed; never sent twice.
	 */
	public function test_a_confirmation_that_cannot_be_sent_is_tried_again_then_recorded(): void {
		$this->hours( false );
		list( $id, $token, $handoff ) = $this->asking_visitor();
		$this->form(
			$id,
			$token,
			'POST',
			array(
				'name'            => 'Ada',
				'email'           => 'ada@example.com',
				'message'         => 'Please reply.',
				'idempotency_key' => 'mail-key-1',
				'elapsed_ms'      => 5000,
			)
		);
		// Mail that the site's mailer refuses (PHPMailer with no way to send).
		$refuse = static function ( $phpmailer ): void {
			$phpmailer->Mailer = 'smtp'; // phpcs:ignore WordPress.NamingConventions.ValidVariableName.UsedPropertyNotSnakeCase -- PHPMailer's property.
			$phpmailer->Host   = '127.0.0.1'; // phpcs:ignore WordPress.NamingConventions.ValidVariableName.UsedPropertyNotSnakeCase -- PHPMailer's property.
			$phpmailer->Port   = 9; // phpcs:ignore WordPress.NamingConventions.ValidVariableName.UsedPropertyNotSnakeCase -- PHPMailer's property; the discard port, closed here.
		};
		add_action( 'phpmailer_init', $refuse );
		$job = new Ticket_Confirmation_Job( new Handoff_Repository(), new Event_Repository() );
		$job->run( $handoff, 1 );
		$next = wp_next_scheduled( Ticket_Confirmation_Job::HOOK, array( $handoff, 2 ) );
		$this->assertNotFalse( $next );
		$this->assertGreaterThanOrEqual( time() + 55, $next, 'a minute later' );
		$job->run( $handoff, 2 );
		$this->assertGreaterThanOrEqual( time() + 115, (int) wp_next_scheduled( Ticket_Confirmation_Job::HOOK, array( $handoff, 3 ) ), 'then two' );
		$job->run( $handoff, Ticket_Confirmation_Job::ATTEMPTS );
		$this->assertCount( 1, $this->events( $id, 'ticket_confirmation_failed' ) );
		$this->assertFalse( wp_next_scheduled( Ticket_Confirmation_Job::HOOK, array( $handoff, Ticket_Confirmation_Job::ATTEMPTS + 1 ) ) );
		remove_action( 'phpmailer_init', $refuse );
	}

	/**
	 * Bots (the field people never see filled in, or a form sent at once) get a quiet answer and
	 * nothing is stored; an address that sends many forms is limited.
	 */
	public function test_bots_are_refused_quietly_and_an_address_is_limited(): void {
		$this->hours( false );
		list( $id, $token ) = $this->asking_visitor();
		$answers            = array(
			'name'            => 'Bot',
			'email'           => 'bot@example.com',
			'message'         => 'Cheap watches',
			'idempotency_key' => 'bot-key-1',
			'elapsed_ms'      => 5000,
		);
		foreach ( array( array( 'website' => 'http://spam.example' ), array( 'elapsed_ms' => 300 ), array( 'elapsed_ms' => null ) ) as $i => $bot ) {
			$sent = $this->form( $id, $token, 'POST', array_filter( array_merge( $answers, $bot, array( 'idempotency_key' => 'bot-key-' . $i ) ), static fn( $v ) => null !== $v ) );
			$this->assertSame( 201, $sent->get_status() );
			$this->assertSame( '', $sent->get_data()['reference'] );
		}
		$this->assertNotNull( ( new Handoff_Repository() )->open_for( $id ), 'nothing became a ticket' );
		$this->assertCount( 0, $this->events( $id, 'ticket_created' ) );

		// Ten forms an hour from one address; the eleventh waits.
		$statuses = array();
		for ( $i = 0; $i < 11; $i++ ) {
			$statuses[] = $this->form(
				$id,
				$token,
				'POST',
				array_merge(
					$answers,
					array(
						'email'           => 'not-an-address',
						'idempotency_key' => 'limit-key-' . $i,
					)
				)
			)->get_status();
		}
		$this->assertSame( array_merge( array_fill( 0, 10, 400 ), array( 429 ) ), $statuses );
	}

	/**
	 * A callback in a time zone a browser reports by its old name.
	 */
	public function test_old_time_zone_names_browsers_report_are_accepted(): void {
		$this->hours( false, true );
		list( $id, $token ) = $this->asking_visitor();
		$sent               = $this->form(
			$id,
			$token,
			'POST',
			array(
				'name'            => 'Asha',
				'contact'         => 'phone',
				'phone'           => '+91 98765 43210',
				'window'          => 'evening',
				'timezone'        => 'Asia/Calcutta',
				'message'         => 'Call me please',
				'idempotency_key' => 'tz-key-1',
				'elapsed_ms'      => 5000,
			)
		);
		$this->assertSame( 201, $sent->get_status(), (string) wp_json_encode( $sent->get_data() ) );
		$this->assertStringContainsString( 'Asia/Calcutta', $sent->get_data()['message'] );
	}

	/**
	 * A visitor who left the queue, then sends the form, still gets a ticket; the signed-in
	 * visitor's details are only filled in for that user.
	 */
	public function test_a_form_sent_after_leaving_the_queue_still_makes_a_ticket(): void {
		$this->hours( true );
		$user = $this->create_user( 'subscriber' );
		wp_update_user(
			array(
				'ID'         => $user,
				'user_email' => 'sam@example.com',
			)
		);
		wp_set_current_user( $user );
		list( $id, $token, $handoff ) = $this->asking_visitor();
		$this->assertSame( 200, $this->rest( 'POST', '/handoff-bot/v1/conversations/' . $id . '/handoff/leave', array(), array( 'X-Handoff-Bot-Token' => $token ) )->get_status() );
		wp_set_current_user( 0 );
		$this->assertSame( '', $this->form( $id, $token, 'GET' )->get_data()['email'], 'signed out: not their address' );

		$sent = $this->form(
			$id,
			$token,
			'POST',
			array(
				'name'            => 'Sam',
				'email'           => 'sam@example.com',
				'message'         => 'Please email me instead.',
				'idempotency_key' => 'after-leave-1',
				'elapsed_ms'      => 5000,
			)
		);
		$this->assertSame( 201, $sent->get_status(), (string) wp_json_encode( $sent->get_data() ) );
		$this->assertSame( $handoff, $sent->get_data()['handoff_id'] );
		$this->assertSame( 'ticket', ( new Handoff_Repository() )->find( $handoff )['status'] );
	}
}
