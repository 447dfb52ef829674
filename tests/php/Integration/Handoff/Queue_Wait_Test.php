<?php
/**
 * Tests for the visitor's wait in the live queue.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Handoff;

use HandoffBot\Handoff\Availability_Store;
use HandoffBot\Repositories\Event_Repository;
use HandoffBot\Repositories\Handoff_Repository;
use HandoffBot\Tests\Integration\Test_Case;

require_once __DIR__ . '/Wait_History.php';

/**
 * The visitor sees an expected wait once the team has recent handoffs accepted; a wait longer
 * than the escalation-failed time is recorded once and the visitor is offered to leave details
 * while keeping their place; a queue whose expected wait is too long sends new handoffs to a
 * ticket.
 */
final class Queue_Wait_Test extends Test_Case {

	use Wait_History;

	/**
	 * Stores accepted handoffs of the past with these waits; the teams' medians are worked out
	 * again, as those handoffs' accepts did.
	 *
	 * @param array<int, int> $waits Seconds.
	 * @param string          $route Their route.
	 */
	private function history( array $waits, string $route = 'live' ): void {
		$this->past_waits( $waits, $route );
		delete_option( \HandoffBot\Handoff\Wait_Medians::OPTION );
	}

	/**
	 * A visitor waiting: [conversation, token, handoff].
	 *
	 * @return array{0: int, 1: string, 2: int}
	 */
	private function waiting(): array {
		list( $id, $token ) = $this->start_conversation();
		$this->send( $id, $token, 'Talk to a person', '', array( 'human' => true ) );
		$open = ( new Handoff_Repository() )->open_for( $id );
		$this->assertNotNull( $open );
		$this->assertSame( 'live', $open['route'] );
		return array( $id, $token, $open['id'] );
	}

	/**
	 * The visitor's poll.
	 *
	 * @param int    $id    Conversation.
	 * @param string $token Token.
	 * @return array<string, mixed>
	 */
	private function poll( int $id, string $token ): array {
		return $this->rest( 'GET', '/handoff-bot/v1/conversations/' . $id . '/messages', array( 'after' => 0 ), array( 'X-Handoff-Bot-Token' => $token ) )->get_data();
	}

	/**
	 * No history, no promise; with history, the median wait for each place.
	 */
	public function test_the_expected_wait_comes_from_recent_waits(): void {
		$this->staff_the_site();
		list( $id, $token ) = $this->waiting();
		$this->assertNull( $this->poll( $id, $token )['handoff']['expected_wait_minutes'] );
		$this->history( array( 120, 240, 360 ) );
		list( $id2, $token2 ) = $this->waiting();
		$this->assertSame( 4, $this->poll( $id, $token )['handoff']['expected_wait_minutes'] );
		$second = $this->poll( $id2, $token2 )['handoff'];
		$this->assertSame( 2, $second['place'] );
		$this->assertSame( 8, $second['expected_wait_minutes'] );
	}

	/**
	 * Waiting past the escalation-failed time: recorded once, the visitor is offered to leave
	 * details, and keeps their place; the tag stays when the handoff is resolved.
	 */
	public function test_a_wait_too_long_is_an_escalation_that_failed(): void {
		global $wpdb;
		$agent                        = $this->staff_the_site();
		list( $id, $token, $handoff ) = $this->waiting();
		$this->assertNotContains( 'escalation_failed', array_column( $this->poll( $id, $token )['messages'], 'kind' ), 'not yet' );
		$wpdb->update( $wpdb->prefix . 'handoff_bot_handoffs', array( 'requested_at' => gmdate( 'Y-m-d H:i:s', time() - 6 * MINUTE_IN_SECONDS ) ), array( 'id' => $handoff ) );

		$poll    = $this->poll( $id, $token );
		$notices = array_values( array_filter( $poll['messages'], static fn( array $m ): bool => 'escalation_failed' === ( $m['kind'] ?? '' ) ) );
		$this->assertCount( 1, $notices );
		$this->assertStringContainsString( 'keep your place', $notices[0]['body'] );
		$this->assertSame( 1, $poll['handoff']['place'], 'still in the queue' );
		$this->poll( $id, $token );
		$types = array_column( ( new Event_Repository() )->for_conversation( $id ), 'type' );
		$this->assertSame( 1, count( array_keys( $types, 'escalation_failed', true ) ), 'recorded once' );

		wp_set_current_user( $agent );
		$this->rest( 'POST', '/handoff-bot/v1/handoffs/' . $handoff . '/accept' );
		$this->rest(
			'POST',
			'/handoff-bot/v1/handoffs/' . $handoff . '/resolve',
			array(
				'outcome'          => 'resolved',
				'bot_could_answer' => true,
			)
		);
		$this->assertSame( array( 'escalation_failed', 'bot_could_answer' ), ( new Handoff_Repository() )->find( $handoff )['tags'] );
	}

	/**
	 * Handoffs taken the next morning from an after-hours ticket say nothing about the live
	 * queue's wait.
	 */
	public function test_only_live_waits_count(): void {
		$this->staff_the_site();
		$this->history( array( 8 * HOUR_IN_SECONDS, 9 * HOUR_IN_SECONDS ), 'ticket' );
		list( $id, $token ) = $this->waiting();
		$this->assertNull( $this->poll( $id, $token )['handoff']['expected_wait_minutes'] );
	}

	/**
	 * A handoff an agent took and transferred back to the queue did not fail to escalate.
	 */
	public function test_a_transferred_handoff_is_no_escalation_that_failed(): void {
		global $wpdb;
		$agent                        = $this->staff_the_site();
		list( $id, $token, $handoff ) = $this->waiting();
		wp_set_current_user( $agent );
		$this->rest( 'POST', '/handoff-bot/v1/handoffs/' . $handoff . '/accept' );
		$moved = $this->rest( 'POST', '/handoff-bot/v1/handoffs/' . $handoff . '/transfer', array( 'note' => 'Over to the team' ) );
		$this->assertSame( 200, $moved->get_status() );
		wp_set_current_user( 0 );
		$wpdb->update( $wpdb->prefix . 'handoff_bot_handoffs', array( 'requested_at' => gmdate( 'Y-m-d H:i:s', time() - 20 * MINUTE_IN_SECONDS ) ), array( 'id' => $handoff ) );
		$poll = $this->poll( $id, $token );
		$this->assertSame( 'queued', $poll['handoff']['status'] );
		$this->assertNotContains( 'escalation_failed', array_column( $poll['messages'], 'kind' ) );
	}

	/**
	 * A visitor who ends the conversation while waiting leaves the queue.
	 */
	public function test_ending_the_conversation_leaves_the_queue(): void {
		$this->staff_the_site();
		list( $id, $token, $handoff ) = $this->waiting();
		$ended                        = $this->rest( 'POST', '/handoff-bot/v1/conversations/' . $id . '/end', array(), array( 'X-Handoff-Bot-Token' => $token ) );
		$this->assertSame( 200, $ended->get_status() );
		$this->assertSame( 'abandoned', ( new Handoff_Repository() )->find( $handoff )['status'] );
		$this->assertContains( 'abandoned', array_column( ( new Event_Repository() )->for_conversation( $id ), 'type' ) );
	}

	/**
	 * A signed-in visitor who ends the chat while waiting gets a ticket, as one who goes away does.
	 */
	public function test_a_signed_in_visitor_who_ends_the_chat_while_waiting_gets_a_ticket(): void {
		$this->staff_the_site();
		$user = $this->create_user( 'subscriber' );
		wp_set_current_user( $user );
		list( $id, $token, $handoff ) = $this->waiting();
		$ended                        = $this->rest( 'POST', '/handoff-bot/v1/conversations/' . $id . '/end', array(), array( 'X-Handoff-Bot-Token' => $token ) );
		$this->assertSame( 200, $ended->get_status() );
		$this->assertSame( 'ticket', ( new Handoff_Repository() )->find( $handoff )['status'] );
		$types = array_column( ( new Event_Repository() )->for_conversation( $id ), 'type' );
		$this->assertContains( 'abandoned', $types );
		$this->assertContains( 'ticket_created', $types );
		$this->assertSame( get_userdata( $user )->user_email, ( new Handoff_Repository() )->context( $handoff )['form']['email'] );
	}

	/**
	 * A queue whose expected wait passes the maximum sends a new handoff to a ticket.
	 */
	public function test_a_queue_with_too_long_a_wait_is_full(): void {
		$this->staff_the_site();
		$stored = get_option( Availability_Store::OPTION );
		$stored['data']['capacity']['max_wait_minutes'] = 10;
		update_option( Availability_Store::OPTION, $stored );
		$this->history( array( 900, 900, 900 ) );
		list( $id, $token ) = $this->start_conversation();
		$this->send( $id, $token, 'Talk to a person', '', array( 'human' => true ) );
		$open = ( new Handoff_Repository() )->open_for( $id );
		$this->assertNotNull( $open );
		$this->assertSame( 'ticket', $open['route'] );
		$this->assertSame( 'queue_full', $open['route_reason'] );
	}
}
