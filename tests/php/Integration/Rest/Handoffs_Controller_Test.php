<?php
/**
 * Tests for the agent inbox's REST routes.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Rest;

use HandoffBot\Capabilities;
use HandoffBot\Handoff\Availability_Store;
use HandoffBot\Repositories\Event_Repository;
use HandoffBot\Repositories\Handoff_Repository;
use HandoffBot\Tests\Integration\Test_Case;

/**
 * A visitor asks for a person; an agent finds the handoff in the queue, accepts it, reads the
 * brief, and they talk; the visitor's messages reach the agent while the bot stays quiet; the
 * agent's notes never reach the visitor; a transfer puts it back in a queue; a resolve closes it
 * and asks the visitor for a rating; a hand back lets the bot answer again. Every route refuses
 * anonymous people, visitors and subscribers; a second agent gets a 409 naming who has it.
 */
final class Handoffs_Controller_Test extends Test_Case {

	/**
	 * The agent online.
	 *
	 * @var int
	 */
	private int $agent;

	/**
	 * Staffs the site and makes sure the content answers nothing about zebracorns.
	 */
	protected function setUp(): void {
		parent::setUp();
		$this->agent = $this->staff_the_site();
	}

	/**
	 * A conversation whose visitor asked for a person: [conversation, token, handoff].
	 *
	 * @return array{0: int, 1: string, 2: int}
	 */
	private function waiting_visitor(): array {
		list( $id, $token ) = $this->start_conversation();
		$this->rest(
			'POST',
			'/handoff-bot/v1/conversations/' . $id . '/pages',
			array(
				'page_url'   => home_url( '/pricing/' ),
				'page_title' => 'Pricing',
			),
			array( 'X-Handoff-Bot-Token' => $token )
		);
		$this->send( $id, $token, 'My invoice shows the wrong company name and I need it fixed for my accountant' );
		$sent = $this->send( $id, $token, 'Talk to a person', '', array( 'human' => true ) );
		$this->assertSame( 201, $sent->get_status(), (string) wp_json_encode( $sent->get_data() ) );
		$open = ( new Handoff_Repository() )->open_for( $id );
		$this->assertNotNull( $open );
		return array( $id, $token, $open['id'] );
	}

	/**
	 * A REST call as a user.
	 *
	 * @param int                  $user   User (0 signed out).
	 * @param string               $method Method.
	 * @param string               $route  Route under handoff-bot/v1.
	 * @param array<string, mixed> $params Parameters.
	 */
	private function as( int $user, string $method, string $route, array $params = array() ): \WP_REST_Response {
		wp_set_current_user( $user );
		return $this->rest( $method, '/handoff-bot/v1' . $route, $params );
	}

	/**
	 * The whole way through: queue, accept, brief, messages both ways, resolve, rating.
	 */
	public function test_an_agent_takes_a_handoff_from_the_queue_to_resolved(): void {
		list( $id, $token, $handoff ) = $this->waiting_visitor();

		$queue = $this->as( $this->agent, 'GET', '/handoffs' );
		$this->assertSame( 200, $queue->get_status() );
		$this->assertSame( '1', $queue->get_headers()['X-WP-Total'] );
		$row = $queue->get_data()[0];
		$this->assertSame( $handoff, $row['id'] );
		$this->assertSame( 'user_requested', $row['reason'] );
		$this->assertSame( 'live', $row['route'] );
		$this->assertStringContainsString( 'wrong company name', $row['headline'], 'the queue says what the visitor wants' );

		// The visitor sees their place in the queue.
		$poll = $this->rest( 'GET', '/handoff-bot/v1/conversations/' . $id . '/messages', array( 'after' => 0 ), array( 'X-Handoff-Bot-Token' => $token ) );
		$this->assertSame( 1, $poll->get_data()['handoff']['place'] );
		$this->assertNull( $poll->get_data()['handoff']['agent'] );

		$accepted = $this->as( $this->agent, 'POST', '/handoffs/' . $handoff . '/accept' );
		$this->assertSame( 200, $accepted->get_status(), (string) wp_json_encode( $accepted->get_data() ) );
		$detail = $accepted->get_data();
		$this->assertSame( 'accepted', $detail['status'] );
		$this->assertSame( $this->agent, $detail['agent']['id'] );
		$context = (array) $detail['context'];
		$this->assertGreaterThanOrEqual( 3, count( $context['summary'] ) );
		$this->assertStringContainsString( 'asked for a person', implode( ' ', $context['summary'] ) );
		$this->assertSame( home_url( '/pricing/' ), $context['current_url'] );
		$this->assertSame( 'user_requested', $context['reason'] );
		$this->assertSame( array( 'visitor', 'bot', 'visitor', 'bot' ), array_column( $context['transcript'], 'role' ), 'the question, its answer, the request for a person and its reply' );
		$this->assertTrue( $context['completeness']['fields']['pages'] );
		$this->assertFalse( $context['completeness']['fields']['user'], 'an anonymous visitor' );
		$this->assertSame( 'visitor', $detail['messages'][0]['role'] );

		$joined = $this->rest( 'GET', '/handoff-bot/v1/conversations/' . $id . '/messages', array( 'after' => 0 ), array( 'X-Handoff-Bot-Token' => $token ) )->get_data();
		$this->assertSame( 'accepted', $joined['handoff']['status'] );
		$this->assertNull( $joined['handoff']['place'] );
		$agent_name = get_userdata( $this->agent )->display_name;
		$this->assertSame( $agent_name, $joined['handoff']['agent']['name'] );
		$last = end( $joined['messages'] );
		$this->assertSame( 'system', $last['role'] );
		$this->assertSame( 'agent_joined', $last['kind'] );
		$this->assertStringContainsString( $agent_name, $last['body'] );

		// Agent to visitor.
		$reply = $this->as(
			$this->agent,
			'POST',
			'/handoffs/' . $handoff . '/messages',
			array(
				'body'            => 'Hi, I can fix the invoice. Which company name should it show?',
				'idempotency_key' => 'r1',
			)
		);
		$this->assertSame( 201, $reply->get_status() );
		$again = $this->as(
			$this->agent,
			'POST',
			'/handoffs/' . $handoff . '/messages',
			array(
				'body'            => 'Hi, I can fix the invoice. Which company name should it show?',
				'idempotency_key' => 'r1',
			)
		);
		$this->assertSame( $reply->get_data()['id'], $again->get_data()['id'], 'a resent reply is stored once' );
		$note = $this->as(
			$this->agent,
			'POST',
			'/handoffs/' . $handoff . '/messages',
			array(
				'body'     => 'Customer since 2019; check the VAT number.',
				'internal' => true,
			)
		);
		$this->assertSame( 'note', $note->get_data()['role'] );

		wp_set_current_user( 0 );
		$seen  = $this->rest( 'GET', '/handoff-bot/v1/conversations/' . $id . '/messages', array( 'after' => $joined['cursor'] ), array( 'X-Handoff-Bot-Token' => $token ) )->get_data();
		$roles = array_column( $seen['messages'], 'role' );
		$this->assertSame( array( 'agent' ), $roles, 'the visitor sees the reply once, and never the note' );
		$this->assertSame( $agent_name, $seen['messages'][0]['author']['name'] );

		// Visitor to agent: stored, not answered by the bot.
		$sent = $this->send( $id, $token, 'It should say Zebracorn Holdings Ltd' );
		$this->assertSame( 201, $sent->get_status() );
		$this->assertNull( $sent->get_data()['reply'] );
		$this->assertSame( 'accepted', $sent->get_data()['handoff']['status'] );
		$agent_poll = $this->as( $this->agent, 'GET', '/handoffs/' . $handoff . '/messages', array( 'after' => $reply->get_data()['id'] ) )->get_data();
		$this->assertContains( 'It should say Zebracorn Holdings Ltd', array_column( $agent_poll['messages'], 'body' ) );
		$mine = $this->as( $this->agent, 'GET', '/handoffs', array( 'view' => 'mine' ) )->get_data();
		$this->assertSame( 1, $mine[0]['unread'] );

		$done = $this->as(
			$this->agent,
			'POST',
			'/handoffs/' . $handoff . '/resolve',
			array(
				'outcome'          => 'resolved',
				'bot_could_answer' => true,
				'topic'            => 'Invoice company name',
			)
		);
		$this->assertSame( 200, $done->get_status(), (string) wp_json_encode( $done->get_data() ) );
		$this->assertSame( 'resolved', $done->get_data()['outcome'] );
		$this->assertSame( array( 'bot_could_answer' ), $done->get_data()['tags'] );
		$row = ( new Handoff_Repository() )->find( $handoff );
		$this->assertNotNull( $row['accepted_at'] );
		$this->assertNotNull( $row['first_reply_at'] );
		$this->assertNotNull( $row['resolved_at'] );

		wp_set_current_user( 0 );
		$closed = $this->rest( 'GET', '/handoff-bot/v1/conversations/' . $id . '/messages', array( 'after' => $agent_poll['cursor'] ), array( 'X-Handoff-Bot-Token' => $token ) )->get_data();
		$this->assertNull( $closed['handoff'] );
		$notice = end( $closed['messages'] );
		$this->assertSame( 'resolved', $notice['kind'] );
		$this->assertTrue( $notice['rating_requested'] );
		$rated = $this->rest( 'POST', '/handoff-bot/v1/conversations/' . $id . '/feedback', array( 'rating' => 5 ), array( 'X-Handoff-Bot-Token' => $token ) );
		$this->assertSame( 200, $rated->get_status(), (string) wp_json_encode( $rated->get_data() ) );

		$events = ( new Event_Repository() )->for_conversation( $id );
		$rating = array_values( array_filter( $events, static fn( array $e ): bool => 'rated' === $e['type'] ) );
		$this->assertSame(
			array(
				'rating'    => 5,
				'served_by' => 'person',
			),
			$rating[0]['data']
		);
		$types = array_column( $events, 'type' );
		foreach ( array( 'handoff_requested', 'routed', 'queued', 'agent_joined', 'first_agent_reply', 'resolved', 'rated' ) as $type ) {
			$this->assertContains( $type, $types );
		}
		$this->assertSame( 1, count( array_keys( $types, 'first_agent_reply', true ) ) );

		// Closed: free for a new handoff, and listed as closed.
		$this->assertNull( ( new Handoff_Repository() )->open_for( $id ) );
		$recent = $this->as( $this->agent, 'GET', '/handoffs', array( 'view' => 'closed' ) )->get_data();
		$this->assertSame( $handoff, $recent[0]['id'] );
		$late = $this->as( $this->agent, 'POST', '/handoffs/' . $handoff . '/messages', array( 'body' => 'One more thing' ) );
		$this->assertSame( 409, $late->get_status() );
		$this->assertSame( 'handoff_bot_handoff_closed', $late->get_data()['code'] );
	}

	/**
	 * A signed-in visitor's brief names them, with what the site adds through the filter.
	 */
	public function test_the_brief_knows_a_signed_in_visitor(): void {
		$customer = $this->create_user( 'subscriber' );
		wp_update_user(
			array(
				'ID'           => $customer,
				'display_name' => 'Grace Customer',
				'user_email'   => 'grace@example.com',
			)
		);
		$tier = static function ( array $metadata, \WP_User $user ): array {
			return $metadata + array( 'Plan' => 'Pro since ' . substr( $user->user_email, 0, 5 ) );
		};
		add_filter( 'handoff_bot_context_user_metadata', $tier, 10, 2 );
		try {
			wp_set_current_user( $customer );
			list( $id, $token ) = $this->start_conversation();
			$this->send( $id, $token, 'Talk to a person', '', array( 'human' => true ) );
		} finally {
			remove_filter( 'handoff_bot_context_user_metadata', $tier, 10 );
		}
		$open = ( new Handoff_Repository() )->open_for( $id );
		$this->assertNotNull( $open );
		$context = (array) $this->as( $this->agent, 'GET', '/handoffs/' . $open['id'] )->get_data()['context'];
		$this->assertSame( 'Grace Customer', $context['user']['name'] );
		$this->assertSame( 'grace@example.com', $context['user']['email'] );
		$this->assertSame( 'subscriber', $context['user']['role'] );
		$this->assertSame( array( 'Plan' => 'Pro since grace' ), $context['user']['metadata'] );
		$this->assertTrue( $context['completeness']['fields']['user'] );
		$this->assertStringContainsString( 'Signed in as Grace Customer', implode( "\n", $context['summary'] ) );
	}

	/**
	 * An agent's reply written after the chat's last read comes with the answer to the visitor's
	 * next message, whose cursor would otherwise pass it by.
	 */
	public function test_a_send_brings_what_the_agent_wrote_since_the_last_read(): void {
		list( $id, $token, $handoff ) = $this->waiting_visitor();
		$this->as( $this->agent, 'POST', '/handoffs/' . $handoff . '/accept' );
		wp_set_current_user( 0 );
		$cursor = $this->rest( 'GET', '/handoff-bot/v1/conversations/' . $id . '/messages', array( 'after' => 0 ), array( 'X-Handoff-Bot-Token' => $token ) )->get_data()['cursor'];
		$this->as( $this->agent, 'POST', '/handoffs/' . $handoff . '/messages', array( 'body' => 'Are you still there?' ) );
		wp_set_current_user( 0 );
		$sent = $this->send( $id, $token, 'Yes, here', '', array( 'after' => $cursor ) )->get_data();
		$this->assertSame( array( 'Are you still there?' ), array_column( $sent['missed'], 'body' ) );
		$this->assertSame( $sent['message']['id'], $sent['cursor'] );
		$old = $this->send( $id, $token, 'And without a cursor' )->get_data();
		$this->assertSame( array(), $old['missed'], 'a chat that sends no cursor gets nothing extra' );
	}

	/**
	 * A second agent's accept is refused with who has it; they cannot talk to the visitor.
	 */
	public function test_a_second_accept_is_refused_naming_who_has_it(): void {
		list( , , $handoff ) = $this->waiting_visitor();
		$other               = $this->create_user( Capabilities::ROLE );
		wp_update_user(
			array(
				'ID'           => $this->agent,
				'display_name' => 'Ada Agent',
			)
		);
		$this->assertSame( 200, $this->as( $this->agent, 'POST', '/handoffs/' . $handoff . '/accept' )->get_status() );
		$second = $this->as( $other, 'POST', '/handoffs/' . $handoff . '/accept' );
		$this->assertSame( 409, $second->get_status() );
		$this->assertSame( 'handoff_bot_already_accepted', $second->get_data()['code'] );
		$this->assertStringContainsString( 'Ada Agent', $second->get_data()['message'] );
		$this->assertSame( $this->agent, $second->get_data()['data']['agent']['id'] );
		$reply = $this->as( $other, 'POST', '/handoffs/' . $handoff . '/messages', array( 'body' => 'Hello?' ) );
		$this->assertSame( 409, $reply->get_status() );
		$this->assertSame( 'handoff_bot_already_accepted', $reply->get_data()['code'] );
		$this->assertSame( 200, $this->as( $this->agent, 'POST', '/handoffs/' . $handoff . '/accept' )->get_status(), 'accepting again what one holds is fine' );
	}

	/**
	 * Spam in the queue is closed without accepting it; other outcomes need the chat accepted.
	 */
	public function test_spam_in_the_queue_is_closed_without_accepting_it(): void {
		list( $id, $token, $handoff ) = $this->waiting_visitor();
		$early                        = $this->as( $this->agent, 'POST', '/handoffs/' . $handoff . '/resolve', array( 'outcome' => 'resolved' ) );
		$this->assertSame( 409, $early->get_status() );
		$this->assertSame( 'handoff_bot_not_yours', $early->get_data()['code'] );
		$spam = $this->as( $this->agent, 'POST', '/handoffs/' . $handoff . '/resolve', array( 'outcome' => 'spam' ) );
		$this->assertSame( 200, $spam->get_status(), (string) wp_json_encode( $spam->get_data() ) );
		$this->assertSame( 'spam', $spam->get_data()['outcome'] );
		$this->assertNull( $spam->get_data()['accepted_at'] );
		$this->assertSame( array(), $this->as( $this->agent, 'GET', '/handoffs' )->get_data() );
		wp_set_current_user( 0 );
		$this->assertNull( $this->rest( 'GET', '/handoff-bot/v1/conversations/' . $id . '/messages', array( 'after' => 0 ), array( 'X-Handoff-Bot-Token' => $token ) )->get_data()['handoff'] );
	}

	/**
	 * Nobody replies to a handoff not yet accepted; any agent may note it.
	 */
	public function test_a_reply_needs_an_accepted_handoff(): void {
		list( , , $handoff ) = $this->waiting_visitor();
		$reply               = $this->as( $this->agent, 'POST', '/handoffs/' . $handoff . '/messages', array( 'body' => 'Hi' ) );
		$this->assertSame( 409, $reply->get_status() );
		$this->assertSame( 'handoff_bot_not_yours', $reply->get_data()['code'] );
		$this->assertSame(
			201,
			$this->as(
				$this->agent,
				'POST',
				'/handoffs/' . $handoff . '/messages',
				array(
					'body'     => 'Looks like billing',
					'internal' => true,
				)
			)->get_status()
		);
		$empty = $this->as( $this->agent, 'POST', '/handoffs/' . $handoff . '/messages', array( 'body' => '   ' ) );
		$this->assertSame( 400, $empty->get_status() );
		$this->assertSame( 'handoff_bot_invalid_message', $empty->get_data()['code'] );
		$this->assertSame( 404, $this->as( $this->agent, 'GET', '/handoffs/999999' )->get_status() );
	}

	/**
	 * A transfer puts the handoff back in the queue for another agent, who accepts it; the note
	 * stays internal.
	 */
	public function test_a_transfer_goes_back_to_the_queue_for_another_agent(): void {
		list( $id, $token, $handoff ) = $this->waiting_visitor();
		$other                        = $this->create_user( Capabilities::ROLE );
		$this->as( $this->agent, 'POST', '/handoffs/' . $handoff . '/accept' );
		$missing = $this->as( $this->agent, 'POST', '/handoffs/' . $handoff . '/transfer', array( 'agent_id' => $other ) );
		$this->assertSame( 400, $missing->get_status(), 'a transfer needs a note' );
		$subscriber = $this->create_user( 'subscriber' );
		$this->assertSame(
			400,
			$this->as(
				$this->agent,
				'POST',
				'/handoffs/' . $handoff . '/transfer',
				array(
					'agent_id' => $subscriber,
					'note'     => 'x',
				)
			)->get_status()
		);
		$this->assertSame(
			400,
			$this->as(
				$this->agent,
				'POST',
				'/handoffs/' . $handoff . '/transfer',
				array(
					'team' => 'nope',
					'note' => 'x',
				)
			)->get_status()
		);

		$moved = $this->as(
			$this->agent,
			'POST',
			'/handoffs/' . $handoff . '/transfer',
			array(
				'agent_id' => $other,
				'note'     => 'VAT question, over to you',
			)
		);
		$this->assertSame( 200, $moved->get_status(), (string) wp_json_encode( $moved->get_data() ) );
		$this->assertSame( 'queued', $moved->get_data()['status'] );
		$this->assertSame( $other, $moved->get_data()['assigned_to']['id'] );
		$this->assertSame( 409, $this->as( $this->agent, 'POST', '/handoffs/' . $handoff . '/messages', array( 'body' => 'still me?' ) )->get_status() );
		$this->assertSame( 200, $this->as( $other, 'POST', '/handoffs/' . $handoff . '/accept' )->get_status() );

		wp_set_current_user( 0 );
		$seen = $this->rest( 'GET', '/handoff-bot/v1/conversations/' . $id . '/messages', array( 'after' => 0 ), array( 'X-Handoff-Bot-Token' => $token ) )->get_data();
		$this->assertNotContains( 'VAT question, over to you', array_column( $seen['messages'], 'body' ) );
		$this->assertContains( 'transferred', array_column( $seen['messages'], 'kind' ) );
		$this->assertContains( 'transferred', array_column( ( new Event_Repository() )->for_conversation( $id ), 'type' ) );
	}

	/**
	 * An agent who left mid-chat keeps it until an administrator reassigns it; the visitor is
	 * told it moved.
	 */
	public function test_an_administrator_reassigns_a_chat_its_agent_left(): void {
		list( $id, $token, $handoff ) = $this->waiting_visitor();
		$this->as( $this->agent, 'POST', '/handoffs/' . $handoff . '/accept' );
		$other = $this->create_user( Capabilities::ROLE );
		$this->assertSame( 409, $this->as( $other, 'POST', '/handoffs/' . $handoff . '/transfer', array( 'note' => 'mine now' ) )->get_status(), 'another agent cannot take it' );
		$admin = $this->create_user( 'administrator' );
		$moved = $this->as(
			$admin,
			'POST',
			'/handoffs/' . $handoff . '/transfer',
			array(
				'agent_id' => $other,
				'note'     => 'Ada went home',
			)
		);
		$this->assertSame( 200, $moved->get_status(), (string) wp_json_encode( $moved->get_data() ) );
		$this->assertSame( 200, $this->as( $other, 'POST', '/handoffs/' . $handoff . '/accept' )->get_status() );
		wp_set_current_user( 0 );
		$seen = $this->rest( 'GET', '/handoff-bot/v1/conversations/' . $id . '/messages', array( 'after' => 0 ), array( 'X-Handoff-Bot-Token' => $token ) )->get_data();
		$this->assertContains( 'transferred', array_column( $seen['messages'], 'kind' ) );
		$this->assertSame( get_userdata( $other )->display_name, $seen['handoff']['agent']['name'] );
	}

	/**
	 * Handed back, the visitor is told, and the bot answers their next message.
	 */
	public function test_a_hand_back_lets_the_bot_answer_again(): void {
		list( $id, $token, $handoff ) = $this->waiting_visitor();
		$this->as( $this->agent, 'POST', '/handoffs/' . $handoff . '/accept' );
		$back = $this->as( $this->agent, 'POST', '/handoffs/' . $handoff . '/hand-back', array( 'note' => 'The pricing page answers this' ) );
		$this->assertSame( 200, $back->get_status(), (string) wp_json_encode( $back->get_data() ) );
		$this->assertSame( 'handed_back', $back->get_data()['status'] );
		wp_set_current_user( 0 );
		$sent = $this->send( $id, $token, 'What does the plan cost?' );
		$this->assertNotNull( $sent->get_data()['reply'], 'the bot answers again' );
		$this->assertNull( $sent->get_data()['handoff'] );
		$this->assertContains( 'handed_back', array_column( ( new Event_Repository() )->for_conversation( $id ), 'type' ) );
	}

	/**
	 * A handoff routed to a team is for that team's agents (and people who manage the plugin).
	 */
	public function test_an_agent_of_another_team_cannot_accept(): void {
		$billing       = $this->create_user( Capabilities::ROLE );
		$data          = Availability_Store::in_force()->to_array();
		$data['teams'] = array(
			array(
				'name'   => 'billing',
				'label'  => 'Billing',
				'agents' => array( $billing ),
				'hours'  => null,
			),
		);
		update_option(
			Availability_Store::OPTION,
			array(
				'version' => 0,
				'data'    => $data,
			)
		);
		list( , , $handoff ) = $this->waiting_visitor();
		global $wpdb;
		$wpdb->update( $wpdb->prefix . 'handoff_bot_handoffs', array( 'team' => 'billing' ), array( 'id' => $handoff ) );

		$refused = $this->as( $this->agent, 'POST', '/handoffs/' . $handoff . '/accept' );
		$this->assertSame( 403, $refused->get_status() );
		$this->assertSame( 'handoff_bot_other_team', $refused->get_data()['code'] );
		$this->assertSame( 200, $this->as( $billing, 'POST', '/handoffs/' . $handoff . '/accept' )->get_status() );
		$filtered = $this->as( $billing, 'GET', '/handoffs', array( 'view' => 'mine' ) );
		$this->assertSame( 'billing', $filtered->get_data()[0]['team'] );
		unset( $data );
	}

	/**
	 * Every route: 401 signed out (a visitor's token is no sign-in), 403 for a subscriber, and
	 * open to agents and administrators.
	 */
	public function test_every_route_is_for_agents_only(): void {
		list( $id, $token, $handoff ) = $this->waiting_visitor();
		$subscriber                   = $this->create_user( 'subscriber' );
		$admin                        = $this->create_user( 'administrator' );
		$routes                       = array(
			array( 'GET', '/handoffs' ),
			array( 'GET', '/handoffs/teams' ),
			array( 'GET', '/handoffs/' . $handoff ),
			array( 'GET', '/handoffs/' . $handoff . '/messages' ),
			array(
				'POST',
				'/handoffs/' . $handoff . '/messages',
				array(
					'body'     => 'x',
					'internal' => true,
				),
			),
			array( 'POST', '/handoffs/' . $handoff . '/transfer', array( 'note' => 'x' ) ),
			array( 'POST', '/handoffs/' . $handoff . '/hand-back' ),
			array( 'POST', '/handoffs/' . $handoff . '/resolve', array( 'outcome' => 'resolved' ) ),
			array( 'POST', '/handoffs/' . $handoff . '/typing' ),
			array( 'POST', '/handoffs/' . $handoff . '/accept' ),
		);
		foreach ( $routes as $route ) {
			wp_set_current_user( 0 );
			$anonymous = $this->rest( $route[0], '/handoff-bot/v1' . $route[1], $route[2] ?? array(), array( 'X-Handoff-Bot-Token' => $token ) );
			$this->assertSame( 401, $anonymous->get_status(), $route[1] . ' signed out, with a visitor token' );
			$this->assertSame( 403, $this->as( $subscriber, $route[0], $route[1], $route[2] ?? array() )->get_status(), $route[1] . ' subscriber' );
		}
		$this->assertSame( 200, $this->as( $admin, 'GET', '/handoffs' )->get_status() );
		$this->assertSame( 200, $this->as( $admin, 'POST', '/handoffs/' . $handoff . '/accept' )->get_status() );
		$this->assertSame( 200, $this->as( $this->agent, 'GET', '/handoffs/' . $handoff )->get_status() );
		$this->assertSame( 200, $this->as( $this->agent, 'GET', '/handoffs/teams' )->get_status() );
		$teams = $this->as( $this->agent, 'GET', '/handoffs/teams' )->get_data();
		$this->assertContains( $this->agent, array_column( $teams['agents'], 'id' ) );
		$this->assertTrue( $teams['agents'][ array_search( $this->agent, array_column( $teams['agents'], 'id' ), true ) ]['online'] );
		unset( $id );
	}

	/**
	 * The visitor leaves the queue; another visitor's token cannot; there is nothing to leave twice.
	 */
	public function test_a_visitor_leaves_the_queue(): void {
		list( $id, $token, $handoff ) = $this->waiting_visitor();
		list( , $other_token )        = $this->start_conversation();
		wp_set_current_user( 0 );
		$stranger = $this->rest( 'POST', '/handoff-bot/v1/conversations/' . $id . '/handoff/leave', array(), array( 'X-Handoff-Bot-Token' => $other_token ) );
		$this->assertSame( 403, $stranger->get_status() );
		$left = $this->rest( 'POST', '/handoff-bot/v1/conversations/' . $id . '/handoff/leave', array(), array( 'X-Handoff-Bot-Token' => $token ) );
		$this->assertSame( 200, $left->get_status(), (string) wp_json_encode( $left->get_data() ) );
		$this->assertSame( 'left', ( new Handoff_Repository() )->find( $handoff )['status'] );
		$this->assertContains( 'left_queue', array_column( ( new Event_Repository() )->for_conversation( $id ), 'type' ) );
		$again = $this->rest( 'POST', '/handoff-bot/v1/conversations/' . $id . '/handoff/leave', array(), array( 'X-Handoff-Bot-Token' => $token ) );
		$this->assertSame( 409, $again->get_status() );
		$this->assertSame( 'handoff_bot_no_open_handoff', $again->get_data()['code'] );
		$this->assertSame( array(), $this->as( $this->agent, 'GET', '/handoffs' )->get_data(), 'the queue is empty' );
	}
}
