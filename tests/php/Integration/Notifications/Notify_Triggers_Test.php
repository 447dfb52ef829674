<?php
/**
 * What queues notifications: a handoff opening, its accept and its resolve.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Notifications;

use HandoffBot\Notifications\Connection_Store;
use HandoffBot\Repositories\Handoff_Repository;
use HandoffBot\Tests\Integration\Test_Case;

/**
 * A visitor who asks for a person queues `handoff.requested` once its brief is stored; the agent's
 * accept queues `handoff.accepted` and the resolve `handoff.resolved`. A refused accept queues nothing.
 */
final class Notify_Triggers_Test extends Test_Case {

	/**
	 * The whole way through, with a webhook that sends every event.
	 */
	public function test_requested_accepted_and_resolved_are_queued(): void {
		$agent = $this->staff_the_site();
		add_filter( 'handoff_bot_allow_local_targets', '__return_true' );
		( new Connection_Store() )->create(
			array(
				'kind'    => 'webhook',
				'label'   => 'CRM',
				'target'  => 'http://localhost:9/hooks',
				'teams'   => array(),
				'events'  => Connection_Store::EVENTS,
				'enabled' => true,
			)
		);
		list( $id, $token ) = $this->start_conversation();
		$this->send( $id, $token, 'My invoice shows the wrong company name and I need it fixed' );
		$this->send( $id, $token, 'Talk to a person', '', array( 'human' => true ) );
		$open = ( new Handoff_Repository() )->open_for( $id );
		$this->assertNotNull( $open );
		$this->assertSame( array( 'handoff.requested' ), $this->events_queued( $open['id'] ) );

		$this->send( $id, $token, 'Talk to a person', '', array( 'human' => true ) );
		$this->assertSame( array( 'handoff.requested' ), $this->events_queued( $open['id'] ), 'asking again queues nothing more' );

		wp_set_current_user( $this->create_user( \HandoffBot\Capabilities::ROLE ) );
		$this->rest( 'POST', '/handoff-bot/v1/handoffs/' . $open['id'] . '/accept' );
		wp_set_current_user( $agent );
		$this->assertSame( 409, $this->rest( 'POST', '/handoff-bot/v1/handoffs/' . $open['id'] . '/accept' )->get_status() );
		$this->assertSame( array( 'handoff.requested', 'handoff.accepted' ), $this->events_queued( $open['id'] ), 'a refused accept queues nothing' );

		wp_set_current_user( (int) ( new Handoff_Repository() )->find( $open['id'] )['agent_id'] );
		$done = $this->rest( 'POST', '/handoff-bot/v1/handoffs/' . $open['id'] . '/resolve', array( 'outcome' => 'resolved' ) );
		$this->assertSame( 200, $done->get_status(), (string) wp_json_encode( $done->get_data() ) );
		$this->assertSame( array( 'handoff.requested', 'handoff.accepted', 'handoff.resolved' ), $this->events_queued( $open['id'] ) );
		remove_all_filters( 'handoff_bot_allow_local_targets' );
	}

	/**
	 * Events queued for a handoff, oldest first.
	 *
	 * @param int $handoff Handoff.
	 * @return list<string>
	 */
	private function events_queued( int $handoff ): array {
		global $wpdb;
		return array_values( $wpdb->get_col( $wpdb->prepare( 'SELECT event FROM %i WHERE handoff_id = %d ORDER BY id', $wpdb->prefix . 'handoff_bot_deliveries', $handoff ) ) );
	}
}
