<?php
/**
 * Tests for the Tickets routes: lists, the brief, notes, replies, status, assignment, closing.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Rest;

use HandoffBot\Capabilities;
use HandoffBot\Jobs\Ticket_Reply_Job;
use HandoffBot\Repositories\Event_Repository;
use HandoffBot\Repositories\Handoff_Repository;
use HandoffBot\Tests\Integration\Test_Case;

require_once __DIR__ . '/Ticket_Fixtures.php';

/**
 * An agent finds the ticket a visitor left after hours (by status, route, team, assignee or
 * words), reads it with the same brief as a live handoff and the form's answers, adds an internal
 * note the visitor never sees, replies (kept in the conversation, emailed by a job, once per key),
 * moves it between open and pending, assigns it, and closes it with an outcome recorded for the
 * report. Callback requests are their own list and close as "called back". Bad input gets a 400
 * with a code; a live handoff is no ticket (404); a closed ticket stays closed (409).
 */
final class Tickets_Controller_Test extends Test_Case {

	use Ticket_Fixtures;

	/**
	 * The agent acting.
	 *
	 * @var int
	 */
	private int $agent = 0;

	/**
	 * Closes the site and signs an agent in.
	 */
	protected function setUp(): void {
		parent::setUp();
		$this->close_the_site();
		$this->agent = $this->create_user( Capabilities::ROLE );
		wp_set_current_user( $this->agent );
	}

	/**
	 * Events of a type for a ticket.
	 *
	 * @param int    $conversation Conversation.
	 * @param string $type         Type.
	 * @return list<array<string, mixed>>
	 */
	private function events( int $conversation, string $type ): array {
		return array_values(
			array_filter(
				( new Event_Repository() )->for_conversation( $conversation ),
				static function ( array $event ) use ( $type ): bool {
					return $type === $event['type'];
				}
			)
		);
	}

	/**
	 * The references of a list.
	 *
	 * @param array<string, mixed> $params Filters.
	 * @return list<string>
	 */
	private function references( array $params = array() ): array {
		$response = $this->tickets( 'GET', '', $params );
		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$this->assertSame( (string) count( $response->get_data() ), $response->get_headers()['X-WP-Total'] );
		return array_column( $response->get_data(), 'reference' );
	}

	/**
	 * The ticket a visitor left is listed with its reference and contact, found by its words, and
	 * read with the brief, the form's answers, the transcript and its history.
	 */
	public function test_an_agent_finds_the_ticket_and_reads_its_brief(): void {
		list( $ticket, $conversation ) = $this->leave_ticket();
		$reference                     = sprintf( 'HB-%05d', $ticket );

		$list = $this->tickets( 'GET' );
		$this->assertSame( 200, $list->get_status() );
		$this->assertSame( '1', $list->get_headers()['X-WP-Total'] );
		$row = $list->get_data()[0];
		$this->assertSame( $reference, $row['reference'] );
		$this->assertSame( 'Ada Lovelace', $row['name'] );
		$this->assertSame( 'ada@example.org', $row['email'] );
		$this->assertSame( 'ticket', $row['status'] );
		$this->assertSame( 'ticket', $row['route'] );
		$this->assertFalse( $row['callback'] );
		$this->assertNull( $row['assigned_to'] );
		$this->assertNotSame( '', $row['headline'] );
		$this->assertMatchesRegularExpression( '/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/', $row['created_at'] );

		$this->assertSame( array(), $this->references( array( 'status' => 'pending' ) ) );
		$this->assertSame( array(), $this->references( array( 'status' => 'closed' ) ) );
		$this->assertSame( array(), $this->references( array( 'route' => 'callback' ) ), 'callbacks are their own list' );
		$this->assertSame( array( $reference ), $this->references( array( 'route' => 'ticket' ) ) );
		$this->assertSame( array( $reference ), $this->references( array( 'search' => 'ada@example' ) ) );
		$this->assertSame( array( $reference ), $this->references( array( 'search' => $reference ) ) );
		$this->assertSame( array( $reference ), $this->references( array( 'search' => 'Order 1042' ) ) );
		$this->assertSame( array(), $this->references( array( 'search' => 'grace@example' ) ) );
		$this->assertSame( array(), $this->references( array( 'search' => '100%_' ) ), 'wildcards are searched as text' );
		$this->assertSame( array(), $this->references( array( 'assigned_to' => $this->agent ) ) );
		$this->assertSame( array( $reference ), $this->references( array( 'assigned_to' => 0 ) ) );

		$detail = $this->tickets( 'GET', '/' . $ticket );
		$this->assertSame( 200, $detail->get_status(), (string) wp_json_encode( $detail->get_data() ) );
		$data    = $detail->get_data();
		$context = (array) $data['context'];
		$this->assertSame( $reference, $data['reference'] );
		$this->assertSame( 'ada@example.org', $context['form']['email'] );
		$this->assertSame( 'My parcel arrived with a cracked screen. Order 1042.', $context['form']['message'] );
		$this->assertNotEmpty( $context['summary'], 'the same brief as a live handoff' );
		$this->assertSame( array( 'resolved', 'not_resolved', 'duplicate', 'spam' ), $data['outcomes'] );
		$roles = array_column( $data['messages'], 'role' );
		$this->assertContains( 'visitor', $roles );
		$this->assertContains( 'system', $roles );
		$this->assertStringContainsString( 'cracked screen', $data['messages'][0]['body'] );
		$this->assertContains( 'ticket_created', array_column( $data['history'], 'type' ) );
		$this->assertCount( 1, $this->events( $conversation, 'ticket_created' ) );
	}

	/**
	 * Notes stay internal; a reply is kept, emailed by a job once per key, and makes the ticket
	 * pending; the status moves back; the ticket is assigned, then closed for the report; after
	 * that it refuses changes.
	 */
	public function test_an_agent_notes_replies_assigns_and_closes_a_ticket(): void {
		list( $ticket, $conversation, $token ) = $this->leave_ticket();
		$this->close_the_site( array( 'billing' => array( $this->agent ) ) );

		$note = $this->tickets( 'POST', '/' . $ticket . '/notes', array( 'body' => 'Order 1042 shipped from the old warehouse.' ) );
		$this->assertSame( 201, $note->get_status(), (string) wp_json_encode( $note->get_data() ) );
		$this->assertSame( 'note', $note->get_data()['role'] );
		$poll = $this->rest( 'GET', '/handoff-bot/v1/conversations/' . $conversation . '/messages', array( 'after' => 0 ), array( 'X-Handoff-Bot-Token' => $token ) );
		$this->assertStringNotContainsString( 'old warehouse', (string) wp_json_encode( $poll->get_data() ), 'the visitor never sees a note' );

		$reply = array(
			'body'            => 'Sorry about the screen: a replacement ships today.',
			'idempotency_key' => 'reply-1',
		);
		$sent  = $this->tickets( 'POST', '/' . $ticket . '/replies', $reply );
		$this->assertSame( 201, $sent->get_status(), (string) wp_json_encode( $sent->get_data() ) );
		$this->assertSame( 'agent', $sent->get_data()['role'] );
		$this->assertSame( 'ticket_reply', $sent->get_data()['kind'] );
		$this->assertSame( 'queued', $sent->get_data()['email']['status'] );
		$this->assertSame( 'ada@example.org', $sent->get_data()['email']['to'] );
		$this->assertNotFalse( wp_next_scheduled( Ticket_Reply_Job::HOOK, array( $ticket, $sent->get_data()['id'], 1 ) ), 'emailed by a job, not in the request' );
		$again = $this->tickets( 'POST', '/' . $ticket . '/replies', $reply );
		$this->assertSame( 201, $again->get_status() );
		$this->assertSame( $sent->get_data()['id'], $again->get_data()['id'], 'a resend is the same reply' );
		$this->assertCount( 1, $this->events( $conversation, 'ticket_replied' ) );

		$detail = $this->tickets( 'GET', '/' . $ticket )->get_data();
		$this->assertSame( 'pending', $detail['status'], 'replied: waiting on the visitor' );
		$kept = array_values( array_filter( $detail['messages'], static fn( array $m ): bool => 'agent' === $m['role'] ) );
		$this->assertCount( 1, $kept );
		$this->assertSame( $reply['body'], $kept[0]['body'] );
		$this->assertContains( 'note', array_column( $detail['messages'], 'role' ) );
		$this->assertSame( array( sprintf( 'HB-%05d', $ticket ) ), $this->references( array( 'status' => 'pending' ) ) );

		$open = $this->tickets( 'POST', '/' . $ticket . '/status', array( 'status' => 'open' ) );
		$this->assertSame( 200, $open->get_status(), (string) wp_json_encode( $open->get_data() ) );
		$this->assertSame( 'ticket', $open->get_data()['status'] );

		$assigned = $this->tickets(
			'POST',
			'/' . $ticket . '/assign',
			array(
				'team'     => 'billing',
				'agent_id' => $this->agent,
			)
		);
		$this->assertSame( 200, $assigned->get_status(), (string) wp_json_encode( $assigned->get_data() ) );
		$this->assertSame( 'billing', $assigned->get_data()['team'] );
		$this->assertSame( $this->agent, $assigned->get_data()['assigned_to']['id'] );
		$this->assertSame( array( sprintf( 'HB-%05d', $ticket ) ), $this->references( array( 'team' => 'billing' ) ) );
		$this->assertSame( array( sprintf( 'HB-%05d', $ticket ) ), $this->references( array( 'assigned_to' => $this->agent ) ) );
		$unassigned = $this->tickets( 'POST', '/' . $ticket . '/assign', array( 'agent_id' => 0 ) );
		$this->assertNull( $unassigned->get_data()['assigned_to'] );
		$this->assertSame( 'billing', $unassigned->get_data()['team'], 'the team stays when only the agent changes' );

		$closed = $this->tickets(
			'POST',
			'/' . $ticket . '/close',
			array(
				'outcome'          => 'resolved',
				'bot_could_answer' => true,
				'note'             => 'Replacement sent.',
			)
		);
		$this->assertSame( 200, $closed->get_status(), (string) wp_json_encode( $closed->get_data() ) );
		$this->assertSame( 'closed', $closed->get_data()['status'] );
		$this->assertSame( 'resolved', $closed->get_data()['outcome'] );
		$this->assertNotNull( $closed->get_data()['resolved_at'] );
		$row = ( new Handoff_Repository() )->find( $ticket );
		$this->assertSame( 'closed', $row['status'] );
		$this->assertSame( array( 'bot_could_answer' ), $row['tags'] );
		$resolved = $this->events( $conversation, 'resolved' );
		$this->assertCount( 1, $resolved );
		$this->assertSame( 'ticket', $resolved[0]['data']['route'] );
		$this->assertSame( 'resolved', $resolved[0]['data']['outcome'] );
		$this->assertSame( $this->agent, $resolved[0]['data']['agent'] );
		$this->assertSame( array( sprintf( 'HB-%05d', $ticket ) ), $this->references( array( 'status' => 'closed' ) ) );
		$this->assertSame( array(), $this->references(), 'no longer open' );
		$closed_chats = $this->rest( 'GET', '/handoff-bot/v1/handoffs', array( 'view' => 'closed' ) );
		$this->assertSame( 200, $closed_chats->get_status() );
		$this->assertNotContains( $ticket, array_column( $closed_chats->get_data(), 'id' ), 'the inbox lists live chats, not tickets' );

		$twice = $this->tickets( 'POST', '/' . $ticket . '/close', array( 'outcome' => 'spam' ) );
		$this->assertSame( 409, $twice->get_status() );
		$this->assertSame( 'handoff_bot_ticket_closed', $twice->get_data()['code'] );
		$this->assertSame( 'resolved', ( new Handoff_Repository() )->find( $ticket )['outcome'], 'the first outcome stays' );
		$late = $this->tickets(
			'POST',
			'/' . $ticket . '/replies',
			array(
				'body'            => 'One more thing.',
				'idempotency_key' => 'reply-2',
			)
		);
		$this->assertSame( 409, $late->get_status() );
		$this->assertSame( 409, $this->tickets( 'POST', '/' . $ticket . '/status', array( 'status' => 'pending' ) )->get_status() );
		$this->assertSame( 201, $this->tickets( 'POST', '/' . $ticket . '/notes', array( 'body' => 'For the record.' ) )->get_status(), 'notes may follow a close' );
	}

	/**
	 * A callback request is in the callbacks list with the phone, window and time zone; it closes
	 * as "called back", which a ticket may not; with no email there is nothing to reply to.
	 */
	public function test_callbacks_are_their_own_list_and_close_as_called_back(): void {
		list( $ticket ) = $this->leave_ticket( array() );
		list( $call )   = $this->leave_ticket(
			array(
				'name'     => 'Grace Hopper',
				'email'    => '',
				'contact'  => 'phone',
				'phone'    => '+44 20 7946 0958',
				'window'   => 'morning',
				'timezone' => 'Europe/London',
				'message'  => 'Please call me about my order.',
			),
			'I need to change the delivery address of my order please'
		);
		$calls          = $this->tickets( 'GET', '', array( 'route' => 'callback' ) );
		$this->assertSame( array( sprintf( 'HB-%05d', $call ) ), array_column( $calls->get_data(), 'reference' ) );
		$row = $calls->get_data()[0];
		$this->assertTrue( $row['callback'] );
		$this->assertSame( 'phone', $row['contact'] );
		$this->assertSame( '+442079460958', $row['phone'] );
		$this->assertSame( 'morning', $row['window'] );
		$this->assertSame( 'Europe/London', $row['timezone'] );
		$this->assertSame( array( sprintf( 'HB-%05d', $ticket ) ), $this->references( array( 'route' => 'ticket' ) ) );
		$this->assertContains( 'called_back', $this->tickets( 'GET', '/' . $call )->get_data()['outcomes'] );

		$no_email = $this->tickets(
			'POST',
			'/' . $call . '/replies',
			array(
				'body'            => 'Hello',
				'idempotency_key' => 'k1',
			)
		);
		$this->assertSame( 409, $no_email->get_status() );
		$this->assertSame( 'handoff_bot_no_email', $no_email->get_data()['code'] );

		$wrong = $this->tickets( 'POST', '/' . $ticket . '/close', array( 'outcome' => 'called_back' ) );
		$this->assertSame( 400, $wrong->get_status() );
		$this->assertSame( 'handoff_bot_invalid_outcome', $wrong->get_data()['code'] );
		$this->assertSame( 'ticket', ( new Handoff_Repository() )->find( $ticket )['status'] );

		$done = $this->tickets( 'POST', '/' . $call . '/close', array( 'outcome' => 'called_back' ) );
		$this->assertSame( 200, $done->get_status(), (string) wp_json_encode( $done->get_data() ) );
		$this->assertSame( 'called_back', $done->get_data()['outcome'] );
		$this->assertSame( 'callback', $this->events( $done->get_data()['conversation_id'], 'resolved' )[0]['data']['route'] );
	}

	/**
	 * Bad input gets a 400 naming what is wrong; a live handoff (or nothing) is no ticket.
	 */
	public function test_bad_input_and_handoffs_that_are_not_tickets(): void {
		list( $ticket ) = $this->leave_ticket();
		$live           = $this->live_handoff();
		$cases          = array(
			array( 'GET', '', array( 'status' => 'waiting' ), 400, 'handoff_bot_invalid_status' ),
			array( 'GET', '', array( 'route' => 'live' ), 400, 'handoff_bot_invalid_route' ),
			array( 'GET', '', array( 'per_page' => 1000 ), 400, 'rest_invalid_param' ),
			array( 'GET', '/' . $live, array(), 404, 'handoff_bot_ticket_not_found' ),
			array( 'GET', '/999999', array(), 404, 'handoff_bot_ticket_not_found' ),
			array( 'POST', '/' . $live . '/close', array( 'outcome' => 'resolved' ), 404, 'handoff_bot_ticket_not_found' ),
			array( 'POST', '/' . $live . '/notes', array( 'body' => 'x' ), 404, 'handoff_bot_ticket_not_found' ),
			array( 'POST', '/' . $ticket . '/notes', array( 'body' => '   ' ), 400, 'handoff_bot_invalid_message' ),
			array( 'POST', '/' . $ticket . '/notes', array( 'body' => str_repeat( 'a', 5001 ) ), 400, 'handoff_bot_invalid_message' ),
			array( 'POST', '/' . $ticket . '/notes', array(), 400, 'rest_missing_callback_param' ),
			array( 'POST', '/' . $ticket . '/replies', array( 'body' => 'Hello' ), 400, 'rest_missing_callback_param' ),
			array(
				'POST',
				'/' . $ticket . '/replies',
				array(
					'body'            => 'Hello',
					'idempotency_key' => '!!!',
				),
				400,
				'handoff_bot_missing_key',
			),
			array( 'POST', '/' . $ticket . '/status', array( 'status' => 'closed' ), 400, 'handoff_bot_invalid_status' ),
			array( 'POST', '/' . $ticket . '/assign', array(), 400, 'handoff_bot_nothing_to_assign' ),
			array( 'POST', '/' . $ticket . '/assign', array( 'team' => 'nowhere' ), 400, 'handoff_bot_unknown_team' ),
			array( 'POST', '/' . $ticket . '/assign', array( 'agent_id' => $this->create_user( 'subscriber' ) ), 400, 'handoff_bot_unknown_agent' ),
			array( 'POST', '/' . $ticket . '/close', array( 'outcome' => 'fixed' ), 400, 'handoff_bot_invalid_outcome' ),
			array( 'POST', '/' . $ticket . '/close', array(), 400, 'rest_missing_callback_param' ),
		);
		foreach ( $cases as list( $method, $path, $params, $status, $code ) ) {
			$response = $this->tickets( $method, $path, $params );
			$label    = $method . ' ' . $path . ' ' . wp_json_encode( $params );
			$this->assertSame( $status, $response->get_status(), $label . ': ' . wp_json_encode( $response->get_data() ) );
			$this->assertSame( $code, $response->get_data()['code'], $label );
			$this->assertNotSame( '', $response->get_data()['message'], $label );
		}
		$row = ( new Handoff_Repository() )->find( $ticket );
		$this->assertSame( 'ticket', $row['status'], 'nothing refused changed the ticket' );
		$this->assertSame( '', $row['team'] );
		$this->assertSame( 'requested', ( new Handoff_Repository() )->find( $live )['status'], 'the live handoff is left alone' );
	}
}
