<?php
/**
 * Tests for the routes a visitor's request builds.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Rest;

use HandoffBot\Tests\Integration\Test_Case;

/**
 * A request for one of the chat's routes registers the visitor routes only; any other request,
 * and the REST index, registers them all.
 */
final class Visitor_Request_Routes_Test extends Test_Case {

	/**
	 * The route the REST server read from the URL before the test.
	 *
	 * @var mixed
	 */
	private $saved_route;

	/**
	 * Saves the request's route.
	 */
	protected function setUp(): void {
		parent::setUp();
		$this->saved_route = $GLOBALS['wp']->query_vars['rest_route'] ?? null;
	}

	/**
	 * Restores it.
	 */
	protected function tearDown(): void {
		if ( null === $this->saved_route ) {
			unset( $GLOBALS['wp']->query_vars['rest_route'] );
		} else {
			$GLOBALS['wp']->query_vars['rest_route'] = $this->saved_route;
		}
		parent::tearDown();
	}

	/**
	 * The routes a request for a URL registers.
	 *
	 * @param string $route The request's REST route.
	 * @return string[]
	 */
	private function routes_for( string $route ): array {
		$GLOBALS['wp']->query_vars['rest_route'] = $route;
		$GLOBALS['wp_rest_server']               = null;
		return array_keys( rest_get_server()->get_routes( 'handoff-bot/v1' ) );
	}

	/**
	 * A visitor's message has the chat's routes (messages, the handoff, choices, the ticket form)
	 * and none of the agent's or the admin's.
	 */
	public function test_a_visitor_request_registers_only_the_visitor_routes(): void {
		$routes = $this->routes_for( '/handoff-bot/v1/conversations/7/messages' );
		sort( $routes );
		// Every route the chat calls (blocks/chat/app/api.ts), and no other of the plugin's.
		$this->assertSame(
			array(
				'/handoff-bot/v1',
				'/handoff-bot/v1/conversations',
				'/handoff-bot/v1/conversations/(?P<id>\d+)/choice',
				'/handoff-bot/v1/conversations/(?P<id>\d+)/end',
				'/handoff-bot/v1/conversations/(?P<id>\d+)/feedback',
				'/handoff-bot/v1/conversations/(?P<id>\d+)/handoff/leave',
				'/handoff-bot/v1/conversations/(?P<id>\d+)/handoff/ticket',
				'/handoff-bot/v1/conversations/(?P<id>\d+)/messages',
				'/handoff-bot/v1/conversations/(?P<id>\d+)/pages',
			),
			$routes
		);
	}

	/**
	 * An agent's or admin's request, and a request for the namespace's index, has every route.
	 */
	public function test_other_requests_register_every_route(): void {
		foreach ( array( '/handoff-bot/v1/handoffs', '/handoff-bot/v1', '/handoff-bot/v1/conversationsx', '/' ) as $url ) {
			$routes = $this->routes_for( $url );
			$this->assertContains( '/handoff-bot/v1/handoffs', $routes, $url );
			$this->assertContains( '/handoff-bot/v1/reports/summary', $routes, $url );
			$this->assertContains( '/handoff-bot/v1/conversations/(?P<id>\d+)/handoff/leave', $routes, $url );
		}
	}
}
