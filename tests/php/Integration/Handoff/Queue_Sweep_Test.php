<?php
/**
 * Tests for abandoning the handoffs of visitors who went away.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Handoff;

use HandoffBot\Capabilities;
use HandoffBot\Handoff\Queue_Sweep;
use HandoffBot\Handoff\Ticket_Service;
use HandoffBot\Handoff\Context_Builder;
use HandoffBot\Jobs\Queue_Sweep_Job;
use HandoffBot\Jobs\Ticket_Confirmation_Job;
use HandoffBot\Repositories\Conversation_Repository;
use HandoffBot\Repositories\Event_Repository;
use HandoffBot\Repositories\Handoff_Repository;
use HandoffBot\Repositories\Message_Repository;
use HandoffBot\Repositories\Repository;
use HandoffBot\Tests\Integration\Test_Case;

/**
 * A visitor waiting in the queue whose chat stopped reading (the tab closed) leaves the queue
 * after the set minutes; one whose chat still reads stays; a signed-in visitor's request becomes
 * a ticket and they are emailed. Handoffs an agent holds are never touched.
 */
final class Queue_Sweep_Test extends Test_Case {

	/**
	 * The sweep, as the plugin builds it.
	 */
	private function sweep(): Queue_Sweep {
		$conversations = new Conversation_Repository();
		$messages      = new Message_Repository();
		$events        = new Event_Repository();
		return new Queue_Sweep( new Handoff_Repository(), $conversations, $messages, $events, new Ticket_Service( new Handoff_Repository(), $conversations, $messages, $events, new Context_Builder( $conversations, $messages ) ) );
	}

	/**
	 * A visitor waiting in the live queue: [conversation, token, handoff].
	 *
	 * @return array{0: int, 1: string, 2: int}
	 */
	private function waiting(): array {
		list( $id, $token ) = $this->start_conversation();
		$this->send( $id, $token, 'My order never arrived and the tracking page is blank' );
		$this->send( $id, $token, 'Talk to a person', '', array( 'human' => true ) );
		$open = ( new Handoff_Repository() )->open_for( $id );
		$this->assertNotNull( $open );
		$this->assertSame( 'live', $open['route'] );
		return array( $id, $token, $open['id'] );
	}

	/**
	 * Makes a conversation's last sign of its visitor, and its request for a person, some minutes
	 * old.
	 *
	 * @param int $id      Conversation.
	 * @param int $minutes Minutes ago.
	 */
	private function last_seen( int $id, int $minutes ): void {
		global $wpdb;
		$then = gmdate( 'Y-m-d H:i:s', time() - $minutes * 60 );
		$wpdb->query( $wpdb->prepare( 'UPDATE %i SET updated_at = %s WHERE id = %d', $wpdb->prefix . 'handoff_bot_conversations', $then, $id ) );
		// They asked for a person at least that long ago.
		$wpdb->query( $wpdb->prepare( 'UPDATE %i SET requested_at = %s WHERE conversation_id = %d AND requested_at > %s', $wpdb->prefix . 'handoff_bot_handoffs', $then, $id, $then ) );
	}

	/**
	 * Event types of a conversation.
	 *
	 * @param int $id Conversation.
	 * @return list<string>
	 */
	private function event_types( int $id ): array {
		return array_column( ( new Event_Repository() )->for_conversation( $id ), 'type' );
	}

	/**
	 * The chat's read of the conversation.
	 *
	 * @param int    $id    Conversation.
	 * @param string $token Token.
	 * @return array<string, mixed>
	 */
	private function poll( int $id, string $token ): array {
		return $this->rest( 'GET', '/handoff-bot/v1/conversations/' . $id . '/messages', array( 'after' => 0 ), array( 'X-Handoff-Bot-Token' => $token ) )->get_data();
	}

	/**
	 * A visitor whose chat stopped reading leaves the queue; one whose chat reads stays.
	 */
	public function test_a_visitor_whose_chat_stopped_reading_leaves_the_queue(): void {
		$this->staff_the_site();
		list( $gone, $gone_token, $gone_handoff ) = $this->waiting();
		list( $here, $here_token, $here_handoff ) = $this->waiting();
		$this->last_seen( $gone, 10 );
		$this->last_seen( $here, 10 );
		// The second visitor's chat is still open: its next read notes that they are there.
		$this->assertSame( 'requested', $this->poll( $here, $here_token )['handoff']['status'] );

		$this->assertSame( 1, $this->sweep()->run( time(), 3 ) );

		$handoffs = new Handoff_Repository();
		$this->assertSame( 'abandoned', $handoffs->find( $gone_handoff )['status'] );
		$this->assertNull( $handoffs->open_for( $gone ) );
		$this->assertContains( 'abandoned', $this->event_types( $gone ) );
		$this->assertSame( 'requested', $handoffs->find( $here_handoff )['status'], 'a visitor still there keeps their place' );
		$this->assertSame( 1, $handoffs->count_waiting( '' ) );

		// Coming back, the visitor reads why.
		$read = $this->poll( $gone, $gone_token );
		$this->assertNull( $read['handoff'] );
		$this->assertStringContainsString( 'You were away', (string) end( $read['messages'] )['body'] );

		// Nothing left to do: a second run changes nothing.
		$this->assertSame( 0, $this->sweep()->run( time(), 3 ) );
		$this->assertSame( 1, count( array_keys( $this->event_types( $gone ), 'abandoned', true ) ) );
	}

	/**
	 * A signed-in visitor who went away: their request becomes a ticket, and they are emailed.
	 */
	public function test_a_signed_in_visitor_who_went_away_gets_a_ticket_and_an_email(): void {
		$this->staff_the_site();
		$user = $this->create_user( 'subscriber' );
		wp_update_user(
			array(
				'ID'           => $user,
				'display_name' => 'Sam Member',
				'user_email'   => 'sam@example.com',
			)
		);
		wp_set_current_user( $user );
		list( $id, , $handoff ) = $this->waiting();
		wp_set_current_user( 0 );
		$this->last_seen( $id, 5 );

		$this->assertSame( 1, $this->sweep()->run( time(), 3 ) );

		$row = ( new Handoff_Repository() )->find( $handoff );
		$this->assertSame( 'ticket', $row['status'] );
		$this->assertSame( 'ticket', $row['route'] );
		$context = ( new Handoff_Repository() )->context( $handoff );
		$this->assertSame( 'sam@example.com', $context['form']['email'] );
		$this->assertStringContainsString( 'tracking page is blank', $context['form']['message'], 'what they wrote is the ticket' );
		$types = $this->event_types( $id );
		$this->assertContains( 'abandoned', $types );
		$this->assertContains( 'ticket_created', $types );
		$this->assertNotFalse( wp_next_scheduled( Ticket_Confirmation_Job::HOOK, array( $handoff, 1 ) ) );
		$body = Ticket_Confirmation_Job::body( $handoff, $context['form'], true );
		$this->assertStringContainsString( 'nobody could join you in the chat in time', $body );
		$this->assertStringContainsString( Ticket_Service::reference( $handoff ), $body );
	}

	/**
	 * Handoffs an agent holds, and visitors seen lately, are left alone.
	 */
	public function test_handoffs_an_agent_holds_or_recently_seen_are_left_alone(): void {
		$agent                  = $this->staff_the_site();
		list( $id, , $handoff ) = $this->waiting();
		$this->assertTrue( ( new Handoff_Repository() )->accept( $handoff, $agent ) );
		$this->last_seen( $id, 30 );
		list( $fresh ) = $this->waiting();
		$this->last_seen( $fresh, 2 );
		$this->assertSame( 0, $this->sweep()->run( time(), 3 ) );
		$this->assertSame( 'accepted', ( new Handoff_Repository() )->find( $handoff )['status'] );
		$this->assertNotNull( ( new Handoff_Repository() )->open_for( $fresh ) );
	}

	/**
	 * The sweep is scheduled every minute, and removed on deactivation.
	 */
	public function test_the_sweep_runs_every_minute_until_deactivated(): void {
		Queue_Sweep_Job::clear();
		$this->assertFalse( wp_next_scheduled( Queue_Sweep_Job::HOOK ) );
		Queue_Sweep_Job::ensure();
		$this->assertNotFalse( wp_next_scheduled( Queue_Sweep_Job::HOOK ) );
		$this->assertSame( Queue_Sweep_Job::SCHEDULE, wp_get_schedule( Queue_Sweep_Job::HOOK ) );
		$this->assertSame( 60, wp_get_schedules()[ Queue_Sweep_Job::SCHEDULE ]['interval'] );
		Queue_Sweep_Job::clear();
		$this->assertFalse( wp_next_scheduled( Queue_Sweep_Job::HOOK ) );
	}

	/**
	 * A visitor who chatted for a while, then asks for a person, is not taken for gone before
	 * their chat's first read.
	 */
	public function test_a_handoff_just_asked_for_is_not_abandoned(): void {
		$this->staff_the_site();
		list( $id, $token ) = $this->start_conversation();
		$this->send( $id, $token, 'My order never arrived and the tracking page is blank' );
		$this->last_seen( $id, 10 );
		$this->send( $id, $token, 'Talk to a person', '', array( 'human' => true ) );
		$this->assertSame( 0, $this->sweep()->run( time(), 3 ) );
		$this->assertNotNull( ( new Handoff_Repository() )->open_for( $id ) );
	}
}
