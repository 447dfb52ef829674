<?php
/**
 * Tests for the saved replies route.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Rest;

use HandoffBot\Capabilities;
use HandoffBot\Handoff\Availability;
use HandoffBot\Handoff\Availability_Store;
use HandoffBot\Handoff\Saved_Replies;
use HandoffBot\Tests\Integration\Test_Case;
use WP_REST_Response;

/**
 * Agents read the saved replies (the shared ones and their teams'); only people who manage the
 * plugin add, change and delete them; bad input is a 400 naming the field, and nothing is stored.
 */
final class Saved_Replies_Controller_Test extends Test_Case {

	private const ROUTE = '/handoff-bot/v1/saved-replies';

	/**
	 * Adds the agent role; the site starts with the default replies.
	 */
	protected function setUp(): void {
		parent::setUp();
		Capabilities::grant();
		delete_option( Saved_Replies::OPTION );
	}

	/**
	 * Creates a reply as an administrator; returns it.
	 *
	 * @param array<string, mixed> $fields Title, text, team.
	 * @return array<string, mixed>
	 */
	private function add( array $fields ): array {
		$before = get_current_user_id();
		wp_set_current_user( $this->create_user( 'administrator' ) );
		$response = $this->rest( 'POST', self::ROUTE, $fields );
		wp_set_current_user( $before );
		$this->assertSame( 201, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		return $response->get_data();
	}

	/**
	 * The titles of a list response.
	 *
	 * @param WP_REST_Response $response A list.
	 * @return list<string>
	 */
	private static function titles( WP_REST_Response $response ): array {
		return array_values( array_column( $response->get_data(), 'title' ) );
	}

	/**
	 * Each role against each route: anonymous visitors and a visitor's token are signed out (401),
	 * subscribers are refused (403), agents read but cannot change (403), administrators do all.
	 * A refused change stores nothing.
	 */
	public function test_permission_matrix(): void {
		list( , $token ) = $this->start_conversation();
		$existing        = $this->add(
			array(
				'title' => 'Refund timing',
				'text'  => 'Refunds reach your card in 5 to 7 days.',
			)
		);
		$item            = self::ROUTE . '/' . $existing['id'];
		$cases           = array(
			'anonymous'     => array( '', array(), 401, 401 ),
			'visitor token' => array( '', array( 'X-Handoff-Bot-Token' => $token ), 401, 401 ),
			'subscriber'    => array( 'subscriber', array(), 403, 403 ),
			'agent'         => array( Capabilities::ROLE, array(), 200, 403 ),
			'administrator' => array( 'administrator', array(), 200, 0 ),
		);
		foreach ( $cases as $who => list( $role, $headers, $read, $write ) ) {
			wp_set_current_user( '' === $role ? 0 : $this->create_user( $role ) );
			$stored = get_option( Saved_Replies::OPTION );

			$list = $this->rest( 'GET', self::ROUTE, array(), $headers );
			$this->assertSame( $read, $list->get_status(), 'GET as ' . $who );
			$create = $this->rest(
				'POST',
				self::ROUTE,
				array(
					'title' => 'From ' . $who,
					'text'  => 'Hello.',
				),
				$headers
			);
			$update = $this->rest( 'PUT', $item, array( 'text' => 'Changed by ' . $who ), $headers );
			if ( 0 !== $write ) {
				$this->assertSame( $write, $create->get_status(), 'POST as ' . $who );
				$this->assertSame( $write, $update->get_status(), 'PUT as ' . $who );
				$this->assertSame( $write, $this->rest( 'DELETE', $item, array(), $headers )->get_status(), 'DELETE as ' . $who );
				$this->assertSame( 'handoff_bot_forbidden', $create->get_data()['code'] );
				$this->assertSame( $stored, get_option( Saved_Replies::OPTION ), 'nothing changed by ' . $who );
				continue;
			}
			$this->assertSame( 201, $create->get_status(), 'POST as ' . $who );
			$this->assertSame( 200, $update->get_status(), 'PUT as ' . $who );
			$this->assertSame( 'Changed by administrator', $update->get_data()['text'] );
			$this->assertSame( 200, $this->rest( 'DELETE', $item, array(), $headers )->get_status(), 'DELETE as ' . $who );
		}//end foreach
		$this->assertNotContains( 'Refund timing', self::titles( $this->rest( 'GET', self::ROUTE ) ), 'the administrator deleted it' );
	}

	/**
	 * From wp-admin the login cookie alone is not enough: without the REST nonce an administrator
	 * is signed out for these routes.
	 */
	public function test_the_cookie_needs_the_rest_nonce(): void {
		global $wp_rest_auth_cookie;
		wp_set_current_user( $this->create_user( 'administrator' ) );
		try {
			$wp_rest_auth_cookie = true; // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- as wp-settings.php sets it for a request with the login cookie.
			$this->assertTrue( rest_cookie_check_errors( null ) );
			$response = $this->rest(
				'POST',
				self::ROUTE,
				array(
					'title' => 'No nonce',
					'text'  => 'Hello.',
				)
			);
			$this->assertSame( 401, $response->get_status() );
		} finally {
			$wp_rest_auth_cookie = null; // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- restoring it.
		}
		$this->assertFalse( get_option( Saved_Replies::OPTION ) );
	}

	/**
	 * A new site has three replies; an administrator adds, renames and deletes one, and agents
	 * read the list as it now is.
	 */
	public function test_add_change_and_delete(): void {
		$agent = $this->create_user( Capabilities::ROLE );
		wp_set_current_user( $agent );
		$first = $this->rest( 'GET', self::ROUTE );
		$this->assertSame( array( 'Greeting', 'Checking', 'Anything else' ), self::titles( $first ) );
		$this->assertSame( '3', $first->get_headers()['X-WP-Total'] ?? null );
		$this->assertSame( 'no-store', $first->get_headers()['Cache-Control'] ?? null );
		$this->assertSame( array( 'id', 'title', 'text', 'team', 'editable' ), array_keys( $first->get_data()[0] ) );

		$added = $this->add(
			array(
				'title' => '  Order status ',
				'text'  => "Your order is on its way.\nThe tracking link is in your email.",
			)
		);
		$this->assertSame( 'Order status', $added['title'] );
		$this->assertSame( "Your order is on its way.\nThe tracking link is in your email.", $added['text'] );
		$this->assertSame( '', $added['team'] );
		$this->assertMatchesRegularExpression( '/^[a-z0-9-]+$/', $added['id'] );
		$this->assertSame( array( 'Greeting', 'Checking', 'Anything else', 'Order status' ), self::titles( $this->rest( 'GET', self::ROUTE ) ) );

		wp_set_current_user( $this->create_user( 'administrator' ) );
		$renamed = $this->rest( 'PUT', self::ROUTE . '/' . $added['id'], array( 'title' => 'Where is my order' ) );
		$this->assertSame( 200, $renamed->get_status() );
		$this->assertSame( 'Where is my order', $renamed->get_data()['title'] );
		$this->assertSame( $added['text'], $renamed->get_data()['text'], 'a field left out keeps its value' );
		$same = $this->rest( 'PUT', self::ROUTE . '/' . $added['id'], array( 'title' => 'Where is my order' ) );
		$this->assertSame( 200, $same->get_status(), 'saving a reply unchanged is no conflict with itself' );

		$gone = $this->rest( 'DELETE', self::ROUTE . '/greeting' );
		$this->assertSame( 200, $gone->get_status() );
		$this->assertTrue( $gone->get_data()['deleted'] );
		$this->assertSame( 'Greeting', $gone->get_data()['previous']['title'] );

		wp_set_current_user( $agent );
		$this->assertSame( array( 'Checking', 'Anything else', 'Where is my order' ), self::titles( $this->rest( 'GET', self::ROUTE ) ) );

		wp_set_current_user( $this->create_user( 'administrator' ) );
		foreach ( array( 'PUT', 'DELETE' ) as $method ) {
			$missing = $this->rest( $method, self::ROUTE . '/greeting', array( 'title' => 'Hello again' ) );
			$this->assertSame( 404, $missing->get_status(), $method );
			$this->assertSame( 'handoff_bot_saved_reply_not_found', $missing->get_data()['code'] );
		}
	}

	/**
	 * Empty, too long, duplicate titles, an unknown team: a 400 naming the field, nothing stored.
	 *
	 * @dataProvider bad_input
	 *
	 * @param array<string, mixed> $fields What is sent.
	 * @param string               $field  The field refused.
	 * @param string               $words  Words of its message.
	 */
	public function test_bad_input_is_refused_by_field( array $fields, string $field, string $words ): void {
		wp_set_current_user( $this->create_user( 'administrator' ) );
		$before   = $this->rest( 'GET', self::ROUTE )->get_data();
		$response = $this->rest( 'POST', self::ROUTE, $fields );
		$this->assertSame( 400, $response->get_status() );
		$this->assertSame( 'handoff_bot_invalid_saved_reply', $response->get_data()['code'] );
		$this->assertStringContainsString( $field, $response->get_data()['message'] );
		$errors = $response->get_data()['data']['errors'];
		$this->assertSame( array( $field ), array_keys( $errors ) );
		$this->assertStringContainsString( $words, $errors[ $field ] );
		$this->assertSame( $before, $this->rest( 'GET', self::ROUTE )->get_data(), 'nothing stored' );

		$update = $this->rest( 'PUT', self::ROUTE . '/checking', $fields );
		$this->assertSame( 400, $update->get_status(), 'an update is checked alike' );
		$this->assertSame( array( $field ), array_keys( $update->get_data()['data']['errors'] ) );
		$this->assertSame( $before, $this->rest( 'GET', self::ROUTE )->get_data(), 'nothing changed' );
	}

	/**
	 * Refused input.
	 *
	 * @return array<string, array{0: array<string, mixed>, 1: string, 2: string}>
	 */
	public function bad_input(): array {
		return array(
			'empty title'          => array(
				array(
					'title' => '   ',
					'text'  => 'Hello.',
				),
				'title',
				'title',
			),
			'title of markup only' => array(
				array(
					'title' => '<b></b>',
					'text'  => 'Hello.',
				),
				'title',
				'title',
			),
			'empty text'           => array(
				array(
					'title' => 'Hello',
					'text'  => "\n \n",
				),
				'text',
				'text',
			),
			'title too long'       => array(
				array(
					'title' => str_repeat( 'é', Saved_Replies::MAX_TITLE + 1 ),
					'text'  => 'Hello.',
				),
				'title',
				'80 characters',
			),
			'text too long'        => array(
				array(
					'title' => 'Long',
					'text'  => str_repeat( 'a', Saved_Replies::MAX_TEXT + 1 ),
				),
				'text',
				'2000 characters',
			),
			'duplicate title'      => array(
				array(
					'title' => 'ANYTHING ELSE',
					'text'  => 'Can I help with more?',
				),
				'title',
				'Another saved reply has this title',
			),
			'unknown team'         => array(
				array(
					'title' => 'Billing hello',
					'text'  => 'Hello from billing.',
					'team'  => 'nope',
				),
				'team',
				'no such team',
			),
		);
	}

	/**
	 * Wrong types and nulls are refused by the schema, as every route does.
	 */
	public function test_wrong_types_are_refused(): void {
		wp_set_current_user( $this->create_user( 'administrator' ) );
		foreach ( array(
			'array title' => array(
				array(
					'title' => array( 'a' ),
					'text'  => 'Hello.',
				),
				'rest_invalid_param',
			),
			'null text'   => array(
				array(
					'title' => 'Hello',
					'text'  => null,
				),
				'rest_missing_callback_param',
			),
			'no text'     => array( array( 'title' => 'Hello' ), 'rest_missing_callback_param' ),
		) as $case => list( $fields, $code ) ) {
			$response = $this->rest( 'POST', self::ROUTE, $fields );
			$this->assertSame( 400, $response->get_status(), $case );
			$this->assertSame( $code, $response->get_data()['code'], $case );
		}
		$nulled = $this->rest( 'PUT', self::ROUTE . '/checking', array( 'team' => null ) );
		$this->assertSame( 400, $nulled->get_status(), 'an update with a null field' );
		$this->assertSame( 'rest_invalid_param', $nulled->get_data()['code'] );
		$this->assertFalse( get_option( Saved_Replies::OPTION ), 'nothing stored' );
	}

	/**
	 * A reply for a team is seen by that team's agents (and by administrators), not by others.
	 */
	public function test_agents_see_shared_replies_and_their_teams(): void {
		$billing_agent = $this->create_user( Capabilities::ROLE );
		$support_agent = $this->create_user( Capabilities::ROLE );
		$loner         = $this->create_user( Capabilities::ROLE );
		$data          = Availability::defaults()->to_array();
		$data['teams'] = array(
			array(
				'name'   => 'billing',
				'label'  => 'Billing',
				'agents' => array( $billing_agent ),
				'hours'  => null,
			),
			array(
				'name'   => 'support',
				'label'  => 'Support',
				'agents' => array( $support_agent ),
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
		$this->add(
			array(
				'title' => 'Invoice copy',
				'text'  => 'I have sent a copy of the invoice.',
				'team'  => 'billing',
			)
		);
		$this->add(
			array(
				'title' => 'Reset link',
				'text'  => 'Use the reset link on the login page.',
				'team'  => 'support',
			)
		);
		$shared = array( 'Greeting', 'Checking', 'Anything else' );
		$seen   = array(
			'billing agent' => array( $billing_agent, array_merge( $shared, array( 'Invoice copy' ) ) ),
			'support agent' => array( $support_agent, array_merge( $shared, array( 'Reset link' ) ) ),
			'agent of none' => array( $loner, $shared ),
			'administrator' => array( $this->create_user( 'administrator' ), array_merge( $shared, array( 'Invoice copy', 'Reset link' ) ) ),
		);
		foreach ( $seen as $who => list( $user, $titles ) ) {
			wp_set_current_user( $user );
			$this->assertSame( $titles, self::titles( $this->rest( 'GET', self::ROUTE ) ), $who );
		}

		wp_set_current_user( $this->create_user( 'administrator' ) );
		$moved = $this->rest( 'PUT', self::ROUTE . '/checking', array( 'team' => 'support' ) );
		$this->assertSame( 'support', $moved->get_data()['team'] );
		wp_set_current_user( $billing_agent );
		$this->assertNotContains( 'Checking', self::titles( $this->rest( 'GET', self::ROUTE ) ) );
	}

	/**
	 * A site's filter still adds replies (shown, not editable here); replies saved before they
	 * had ids and texts (`title` and `body`) are read; markup never reaches the inbox.
	 */
	public function test_filter_and_older_replies(): void {
		update_option(
			Saved_Replies::OPTION,
			array(
				array(
					'title' => 'Old one',
					'body'  => 'Saved <script>alert(1)</script>before ids.',
				),
				'not a reply',
			)
		);
		$add = static function ( array $replies ): array {
			$replies[] = array(
				'title' => 'From code',
				'body'  => 'Added by the site.',
			);
			return $replies;
		};
		add_filter( 'handoff_bot_saved_replies', $add );
		try {
			wp_set_current_user( $this->create_user( 'administrator' ) );
			$list = $this->rest( 'GET', self::ROUTE )->get_data();
			$this->assertSame( array( 'Old one', 'From code' ), array_column( $list, 'title' ) );
			$this->assertSame( 'Saved before ids.', $list[0]['text'] );
			$this->assertTrue( $list[0]['editable'] );
			$this->assertFalse( $list[1]['editable'] );
			$this->assertSame( 404, $this->rest( 'PUT', self::ROUTE . '/' . $list[1]['id'], array( 'text' => 'x' ) )->get_status() );
			$renamed = $this->rest( 'PUT', self::ROUTE . '/' . $list[0]['id'], array( 'text' => 'Now with an id.' ) );
			$this->assertSame( 200, $renamed->get_status() );
			$this->assertSame( $list[0]['id'], $renamed->get_data()['id'], 'the id stays' );
			$this->assertSame( 'Old one', $this->rest( 'GET', self::ROUTE )->get_data()[0]['title'] );
		} finally {
			remove_filter( 'handoff_bot_saved_replies', $add );
		}
	}
}
