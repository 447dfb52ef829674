<?php
/**
 * Tests for the agent's presence route.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Rest;

use HandoffBot\Capabilities;
use HandoffBot\Handoff\Presence;
use HandoffBot\Repositories\Event_Repository;
use HandoffBot\Tests\Integration\Test_Case;

/**
 * An agent's heartbeat makes them online; the status switch takes them away and back; only
 * agents have a presence, and each sets only their own.
 */
final class Presence_Controller_Test extends Test_Case {

	/**
	 * Adds the agent role.
	 */
	protected function setUp(): void {
		parent::setUp();
		Capabilities::grant();
	}

	/**
	 * An agent's presence events, oldest first.
	 *
	 * @param int $agent The agent.
	 * @return list<array<string, mixed>>
	 */
	private function presence_events( int $agent ): array {
		$events = ( new Event_Repository() )->for_conversation( 0 );
		return array_values( array_map( static fn( array $e ): array => $e['data'], array_filter( $events, static fn( array $e ): bool => 'presence_changed' === $e['type'] && ( $e['data']['agent'] ?? 0 ) === $agent ) ) );
	}

	/**
	 * A heartbeat makes the agent online; away and back are recorded once each.
	 */
	public function test_heartbeat_and_status(): void {
		$agent = $this->create_user( Capabilities::ROLE );
		wp_set_current_user( $agent );
		$before = $this->rest( 'GET', '/handoff-bot/v1/agents/me/presence' )->get_data();
		$this->assertFalse( $before['online'] );
		$this->assertNull( $before['last_seen'] );

		$beat = $this->rest( 'POST', '/handoff-bot/v1/agents/me/presence' );
		$this->assertSame( 200, $beat->get_status() );
		$this->assertTrue( $beat->get_data()['online'] );
		$this->assertSame( 'available', $beat->get_data()['status'] );
		$this->assertSame( 'no-store', $beat->get_headers()['Cache-Control'] ?? null );
		$this->rest( 'POST', '/handoff-bot/v1/agents/me/presence' );

		$away = $this->rest( 'POST', '/handoff-bot/v1/agents/me/presence', array( 'status' => 'away' ) )->get_data();
		$this->assertSame( 'away', $away['status'] );
		$this->assertTrue( $away['online'], 'away agents are still in the inbox' );
		$this->assertFalse( ( new Presence( new Event_Repository() ) )->is_available( $agent, time() ) );
		$this->rest( 'POST', '/handoff-bot/v1/agents/me/presence', array( 'status' => 'available' ) );
		$this->assertTrue( ( new Presence( new Event_Repository() ) )->is_available( $agent, time() ) );

		$this->assertSame(
			array(
				array(
					'agent'  => $agent,
					'from'   => 'offline',
					'status' => 'available',
				),
				array(
					'agent'  => $agent,
					'from'   => 'available',
					'status' => 'away',
				),
				array(
					'agent'  => $agent,
					'from'   => 'away',
					'status' => 'available',
				),
			),
			$this->presence_events( $agent ),
			'a beat without a change is no event'
		);

		$bad = $this->rest( 'POST', '/handoff-bot/v1/agents/me/presence', array( 'status' => 'busy' ) );
		$this->assertSame( 400, $bad->get_status() );
		$this->assertSame( 'rest_invalid_param', $bad->get_data()['code'] );
	}

	/**
	 * Only agents (and administrators, who are agents too) have a presence.
	 */
	public function test_who_has_a_presence(): void {
		$roles = array(
			'anonymous'     => array( 0, 401 ),
			'subscriber'    => array( $this->create_user( 'subscriber' ), 403 ),
			'editor'        => array( $this->create_user( 'editor' ), 403 ),
			'agent'         => array( $this->create_user( Capabilities::ROLE ), 200 ),
			'administrator' => array( $this->create_user( 'administrator' ), 200 ),
		);
		foreach ( $roles as $role => list( $user, $status ) ) {
			wp_set_current_user( $user );
			$this->assertSame( $status, $this->rest( 'GET', '/handoff-bot/v1/agents/me/presence' )->get_status(), 'GET as ' . $role );
			$this->assertSame( $status, $this->rest( 'POST', '/handoff-bot/v1/agents/me/presence', array( 'status' => 'away' ) )->get_status(), 'POST as ' . $role );
			if ( 200 !== $status && $user > 0 ) {
				$this->assertSame( '', get_user_meta( $user, Presence::META, true ), 'nothing stored for ' . $role );
			}
		}
	}
}
