<?php
/**
 * Who may use the Tickets routes.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Rest;

use HandoffBot\Capabilities;
use HandoffBot\Repositories\Handoff_Repository;
use HandoffBot\Repositories\Message_Repository;
use HandoffBot\Tests\Integration\Test_Case;

require_once __DIR__ . '/Ticket_Fixtures.php';

/**
 * Every route, for everyone: signed out (401), a visitor with their own conversation's token (401:
 * a token is no sign-in, even for their own ticket), a subscriber (403), an agent of the ticket's
 * team and an administrator (allowed), and an agent of another team (403 on the ticket, and it is
 * left out of their lists; a ticket assigned to them they may open). Nothing refused changes the
 * ticket or leaks it.
 */
final class Tickets_Permissions_Test extends Test_Case {

	use Ticket_Fixtures;

	/**
	 * Each route: [method, path after /tickets/{id} ('' for the ticket, null for the list),
	 * parameters, status when allowed].
	 *
	 * @return list<array{0: string, 1: string|null, 2: array<string, mixed>, 3: int}>
	 */
	private static function routes(): array {
		return array(
			array( 'GET', null, array(), 200 ),
			array( 'GET', '', array(), 200 ),
			array( 'POST', '/notes', array( 'body' => 'Checked the order.' ), 201 ),
			array(
				'POST',
				'/replies',
				array(
					'body'            => 'We are on it.',
					'idempotency_key' => 'perm-reply',
				),
				201,
			),
			array( 'POST', '/status', array( 'status' => 'pending' ), 200 ),
			array( 'POST', '/assign', array( 'team' => 'billing' ), 200 ),
			array( 'POST', '/close', array( 'outcome' => 'resolved' ), 200 ),
		);
	}

	/**
	 * Calls every route on a fresh ticket of the billing team as the current user; returns the
	 * statuses and what each answered.
	 *
	 * @param array<string, string> $headers Request headers.
	 * @return list<array{status: int, body: string, ticket: int}>
	 */
	private function call_every_route( array $headers = array() ): array {
		$out = array();
		foreach ( self::routes() as list( $method, $path, $params ) ) {
			list( $ticket ) = $this->leave_ticket();
			( new Handoff_Repository() )->assign_ticket( $ticket, 'billing', 0 );
			$response = $this->tickets( $method, null === $path ? '' : '/' . $ticket . $path, $params, $headers );
			$out[]    = array(
				'status' => $response->get_status(),
				'body'   => (string) wp_json_encode( $response->get_data() ),
				'ticket' => $ticket,
			);
		}
		return $out;
	}

	/**
	 * Asserts every route was refused with a status, the ticket untouched and unread.
	 *
	 * @param list<array{status: int, body: string, ticket: int}> $results Results.
	 * @param int                                                 $status  Expected status.
	 * @param string                                              $who     Who asked.
	 */
	private function assert_refused( array $results, int $status, string $who ): void {
		foreach ( $results as $i => $result ) {
			$route = self::routes()[ $i ];
			$label = $who . ': ' . $route[0] . ' ' . ( $route[1] ?? 'list' );
			$this->assertSame( $status, $result['status'], $label . ' ' . $result['body'] );
			$this->assertStringContainsString( '"code":"handoff_bot_', $result['body'], $label );
			$this->assertStringNotContainsString( 'ada@example.org', $result['body'], $label . ' leaks nothing' );
			$row = ( new Handoff_Repository() )->find( $result['ticket'] );
			$this->assertSame( 'ticket', $row['status'], $label . ' changes nothing' );
			$this->assertSame( 'billing', $row['team'], $label );
			$roles = array_column( ( new Message_Repository() )->before( $row['conversation_id'], PHP_INT_MAX ), 'role' );
			$this->assertNotContains( 'note', $roles, $label );
			$this->assertNotContains( 'agent', $roles, $label );
		}
	}

	/**
	 * Asserts every route was allowed.
	 *
	 * @param list<array{status: int, body: string, ticket: int}> $results Results.
	 * @param string                                              $who     Who asked.
	 */
	private function assert_allowed( array $results, string $who ): void {
		foreach ( $results as $i => $result ) {
			$route = self::routes()[ $i ];
			$this->assertSame( $route[3], $result['status'], $who . ': ' . $route[0] . ' ' . ( $route[1] ?? 'list' ) . ' ' . $result['body'] );
		}
	}

	/**
	 * Signed out, and a visitor holding their own conversation's token: 401 everywhere.
	 */
	public function test_signed_out_and_visitors_are_refused(): void {
		$this->close_the_site( array( 'billing' => array() ) );
		$this->assert_refused( $this->call_every_route(), 401, 'anonymous' );

		list( , , $token ) = $this->leave_ticket();
		$this->assert_refused( $this->call_every_route( array( 'X-Handoff-Bot-Token' => $token ) ), 401, 'a visitor' );
	}

	/**
	 * A subscriber is signed in without the capability: 403.
	 */
	public function test_a_subscriber_is_refused(): void {
		$this->close_the_site( array( 'billing' => array() ) );
		wp_set_current_user( $this->create_user( 'subscriber' ) );
		$this->assert_refused( $this->call_every_route(), 403, 'a subscriber' );
	}

	/**
	 * An agent of the ticket's team, and an administrator (of no team), may use every route.
	 */
	public function test_an_agent_of_the_team_and_an_administrator_are_allowed(): void {
		$this->close_the_site();
		$agent = $this->create_user( Capabilities::ROLE );
		$this->close_the_site( array( 'billing' => array( $agent ) ) );
		wp_set_current_user( $agent );
		$this->assert_allowed( $this->call_every_route(), 'an agent of the team' );

		wp_set_current_user( $this->create_user( 'administrator' ) );
		$this->assert_allowed( $this->call_every_route(), 'an administrator' );
	}

	/**
	 * An agent of another team: 403 on the ticket, and their lists leave it out; once it is
	 * assigned to them, they may open it.
	 */
	public function test_an_agent_of_another_team_is_refused_the_ticket(): void {
		$this->close_the_site();
		$mine  = $this->create_user( Capabilities::ROLE );
		$other = $this->create_user( Capabilities::ROLE );
		$this->close_the_site(
			array(
				'billing'  => array( $mine ),
				'shipping' => array( $other ),
			)
		);
		wp_set_current_user( $other );
		$results = $this->call_every_route();
		$list    = array_shift( $results );
		$this->assertSame( 200, $list['status'] );
		$this->assertSame( '[]', $list['body'], 'the other team’s tickets are left out of the list' );
		foreach ( $results as $result ) {
			$this->assertSame( 403, $result['status'], $result['body'] );
			$this->assertStringContainsString( 'handoff_bot_other_team', $result['body'] );
			$this->assertSame( 'ticket', ( new Handoff_Repository() )->find( $result['ticket'] )['status'] );
		}

		list( $ticket ) = $this->leave_ticket();
		( new Handoff_Repository() )->assign_ticket( $ticket, 'billing', $other );
		$this->assertSame( 200, $this->tickets( 'GET', '/' . $ticket )->get_status(), 'assigned to them, they may open it' );
		$this->assertContains( sprintf( 'HB-%05d', $ticket ), array_column( $this->tickets( 'GET' )->get_data(), 'reference' ) );

		wp_set_current_user( $mine );
		$this->assertSame( 200, $this->tickets( 'GET', '/' . $ticket )->get_status() );
	}
}
