<?php
/**
 * Tests for routing a handoff when it is requested.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Handoff;

use HandoffBot\Capabilities;
use HandoffBot\Escalation\Policy;
use HandoffBot\Escalation\Policy_Store;
use HandoffBot\Escalation\Policy_Validator;
use HandoffBot\Handoff\Availability;
use HandoffBot\Handoff\Availability_Store;
use HandoffBot\Handoff\Availability_Validator;
use HandoffBot\Handoff\Presence;
use HandoffBot\Repositories\Config_Version_Repository;
use HandoffBot\Repositories\Event_Repository;
use HandoffBot\Repositories\Handoff_Repository;
use HandoffBot\Tests\Integration\Test_Case;

/**
 * A handoff is routed when it is opened: live when the team is open, an agent of it is online and
 * available and the queue has room; else a ticket (or a callback, where offered) with the reason;
 * private whatever the hours. The route is on the handoff and in a `routed` event.
 */
final class Routing_Test extends Test_Case {

	/**
	 * An agent.
	 *
	 * @var int
	 */
	private int $agent = 0;

	/**
	 * Adds an agent; removes any saved availability.
	 */
	protected function setUp(): void {
		parent::setUp();
		Capabilities::grant();
		delete_option( Availability_Store::OPTION );
		$this->agent = $this->create_user( Capabilities::ROLE );
	}

	/**
	 * Removes the availability saved.
	 */
	protected function tearDown(): void {
		delete_option( Availability_Store::OPTION );
		parent::tearDown();
	}

	/**
	 * Saves availability: open all week round the clock unless closed, with a billing team.
	 *
	 * @param bool $open     Whether the site is open.
	 * @param bool $callback Whether callbacks are offered.
	 * @param int  $waiting  The most visitors waiting.
	 */
	private function availability( bool $open = true, bool $callback = false, int $waiting = 20 ): void {
		$data                            = Availability::defaults()->to_array();
		$day                             = $open ? array(
			array(
				'open'  => '00:00',
				'close' => '24:00',
			),
		) : array();
		$data['hours']                   = array_fill_keys( Availability::DAYS, $day );
		$data['callback']                = $callback;
		$data['capacity']['max_waiting'] = $waiting;
		$data['teams']                   = array(
			array(
				'name'   => 'billing_team',
				'label'  => 'Billing',
				'agents' => array( $this->agent ),
				'hours'  => null,
			),
		);
		$store                           = new Availability_Store( new Config_Version_Repository(), new Availability_Validator() );
		$saved                           = $store->save( $data, 'Test hours.', '', $store->active_version(), 1 );
		$this->assertIsArray( $saved, (string) wp_json_encode( is_wp_error( $saved ) ? $saved->get_error_data() : null ) );
	}

	/**
	 * The handoff of a conversation where the visitor pressed the button.
	 *
	 * @return array<string, mixed>
	 */
	private function button_handoff(): array {
		list( $id, $token ) = $this->start_conversation();
		$response           = $this->send( $id, $token, 'A person, please.', '', array( 'human' => true ) );
		$this->assertSame( 201, $response->get_status() );
		$handoff = ( new Handoff_Repository() )->for_conversation( $id )[0];

		$handoff['told'] = $response->get_data()['reply']['body'];
		$events          = ( new Event_Repository() )->for_conversation( $id );
		$routed          = array_values( array_filter( $events, static fn( array $e ): bool => 'routed' === $e['type'] ) );
		$this->assertCount( 1, $routed );
		$handoff['event'] = $routed[0]['data'];
		return $handoff;
	}

	/**
	 * An agent online and available in open hours: the live queue.
	 */
	public function test_live_when_staffed(): void {
		$this->availability();
		( new Presence( new Event_Repository() ) )->beat( $this->agent, Presence::AVAILABLE, time() );
		$handoff = $this->button_handoff();
		$this->assertSame( 'live', $handoff['route'] );
		$this->assertSame( 'live', $handoff['route_reason'] );
		$this->assertSame( 'live', $handoff['event']['outcome'] );
		$this->assertStringStartsWith( 'Connecting you to a person', $handoff['told'] );
	}

	/**
	 * An agent who is away, or whose heartbeat lapsed, is no agent online.
	 */
	public function test_a_ticket_when_no_agent_is_online(): void {
		$this->availability();
		$presence = new Presence( new Event_Repository() );
		$presence->beat( $this->agent, Presence::AWAY, time() );
		$this->assertSame( 'no_agent', $this->button_handoff()['route_reason'] );

		$presence->beat( $this->agent, Presence::AVAILABLE, time() - Presence::WINDOW - 1 );
		$handoff = $this->button_handoff();
		$this->assertSame( 'ticket', $handoff['route'] );
		$this->assertSame( 'no_agent', $handoff['route_reason'] );
		$this->assertStringStartsWith( 'Nobody from our team can take a chat right now.', $handoff['told'], 'not "connecting"' );
	}

	/**
	 * Outside hours: a ticket, and a callback where offered, whoever is online.
	 */
	public function test_after_hours(): void {
		$this->availability( false, true );
		( new Presence( new Event_Repository() ) )->beat( $this->agent, Presence::AVAILABLE, time() );
		$handoff = $this->button_handoff();
		$this->assertSame( 'ticket', $handoff['route'] );
		$this->assertSame( 'after_hours', $handoff['route_reason'] );
		$this->assertSame( array( 'ticket', 'callback' ), $handoff['event']['fallbacks'] );
		$this->assertStringStartsWith( 'Our team is away right now.', $handoff['told'] );
	}

	/**
	 * A full queue sends the next visitor to a ticket.
	 */
	public function test_a_ticket_when_the_queue_is_full(): void {
		$this->availability( true, false, 1 );
		( new Presence( new Event_Repository() ) )->beat( $this->agent, Presence::AVAILABLE, time() );
		$this->assertSame( 'live', $this->button_handoff()['route'] );
		$second = $this->button_handoff();
		$this->assertSame( 'ticket', $second['route'] );
		$this->assertSame( 'queue_full', $second['route_reason'] );
	}

	/**
	 * An agent holding as many chats as allowed has no room for another: no agent online.
	 */
	public function test_an_agent_at_the_most_chats_takes_no_more(): void {
		$this->availability();
		$stored = get_option( Availability_Store::OPTION );
		$stored['data']['capacity']['max_chats_per_agent'] = 1;
		update_option( Availability_Store::OPTION, $stored );
		( new Presence( new Event_Repository() ) )->beat( $this->agent, Presence::AVAILABLE, time() );
		$first = $this->button_handoff();
		$this->assertSame( 'live', $first['route'] );
		( new Handoff_Repository() )->accept( (int) $first['id'], $this->agent );
		$second = $this->button_handoff();
		$this->assertSame( 'ticket', $second['route'] );
		$this->assertSame( 'no_agent', $second['route_reason'] );
	}

	/**
	 * An intent the rules send to a team waits for that team's agents: another agent online does
	 * not make it live.
	 */
	public function test_a_team_needs_its_own_agents(): void {
		$this->availability();
		$other = $this->create_user( Capabilities::ROLE );
		( new Presence( new Event_Repository() ) )->beat( $other, Presence::AVAILABLE, time() );
		$store  = new Policy_Store( new Config_Version_Repository(), new Policy_Validator( array( Availability_Store::class, 'team_names' ) ) );
		$policy = Policy::defaults()->to_array();
		foreach ( $policy['intents'] as $i => $intent ) {
			if ( 'human' === $intent['policy'] ) {
				$policy['intents'][ $i ]['team'] = 'billing_team';
			}
		}
		$this->assertIsArray( $store->save( $policy, 'Human intents go to billing.', 'Routed to billing.', $store->active_version(), 1 ) );

		list( $id, $token ) = $this->start_conversation();
		$reply              = $this->send( $id, $token, 'I want to dispute a charge on my invoice, you billed me twice' )->get_data()['reply'];
		$this->assertSame( 'handoff', $reply['decision']['kind'], (string) wp_json_encode( $reply ) );
		$handoff = ( new Handoff_Repository() )->for_conversation( $id )[0];
		$this->assertSame( 'billing_team', $handoff['team'] );
		$this->assertSame( 'no_agent', $handoff['route_reason'] );

		( new Presence( new Event_Repository() ) )->beat( $this->agent, Presence::AVAILABLE, time() );
		$this->assertSame( 'live', $this->button_handoff()['route'], 'any agent takes a handoff without a team' );
	}

	/**
	 * When the route cannot be worked out, the handoff is stored unrouted, the failure is an
	 * event, and the visitor is promised no one: their request is recorded.
	 */
	public function test_routing_that_fails_promises_no_one(): void {
		$this->availability();
		( new Presence( new Event_Repository() ) )->beat( $this->agent, Presence::AVAILABLE, time() );
		$broken = static function () {
			throw new \RuntimeException( 'The availability cannot be read.' );
		};
		add_filter( 'pre_option_' . Availability_Store::OPTION, $broken );
		list( $id, $token ) = $this->start_conversation();
		$reply              = $this->send( $id, $token, 'A person, please.', '', array( 'human' => true ) )->get_data()['reply'];
		remove_filter( 'pre_option_' . Availability_Store::OPTION, $broken );

		$this->assertStringStartsWith( 'Your request for a person is recorded', $reply['body'] );
		$this->assertStringNotContainsString( 'Connecting', $reply['body'] );
		$handoff = ( new Handoff_Repository() )->for_conversation( $id )[0];
		$this->assertSame( '', $handoff['route'] );
		$this->assertContains( 'routing_failed', array_column( ( new Event_Repository() )->for_conversation( $id ), 'type' ) );
	}

	/**
	 * Personal data takes the private route whatever the hours.
	 */
	public function test_private_whatever_the_hours(): void {
		$this->availability( false );
		list( $id, $token ) = $this->start_conversation();
		$this->send( $id, $token, 'My card 4242 4242 4242 4242 was charged twice' );
		$handoff = ( new Handoff_Repository() )->for_conversation( $id )[0];
		$this->assertSame( 'private', $handoff['route'] );
		$this->assertSame( 'private', $handoff['route_reason'] );
	}
}
