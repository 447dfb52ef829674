<?php
/**
 * Base class for tests that run inside the real WordPress.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration;

use HandoffBot\Repositories\Repository;
use PHPUnit\Framework\TestCase;
use WP_REST_Request;
use WP_REST_Response;

/**
 * Each test runs in a database transaction that is rolled back afterwards, on SQLite and MariaDB alike.
 */
abstract class Test_Case extends TestCase {

	/**
	 * Whether each test runs in a rolled-back transaction. Tests that need real commits (a
	 * failing statement ends the transaction on SQLite; another process must see the data)
	 * turn it off and clean up after themselves.
	 *
	 * @var bool
	 */
	protected bool $use_transaction = true;

	/**
	 * Starts the transaction and signs everyone out.
	 */
	protected function setUp(): void {
		parent::setUp();
		global $wpdb;
		if ( $this->use_transaction ) {
			$wpdb->query( 'START TRANSACTION' );
		}
		wp_set_current_user( 0 );
		$GLOBALS['wp_rest_server'] = null;
	}

	/**
	 * Rolls back and clears what WordPress keeps in memory.
	 */
	protected function tearDown(): void {
		global $wpdb;
		if ( $this->use_transaction ) {
			$wpdb->query( 'ROLLBACK' );
		}
		wp_cache_flush();
		wp_roles()->for_site();
		wp_set_current_user( 0 );
		$GLOBALS['wp_rest_server'] = null;
		parent::tearDown();
	}

	/**
	 * Creates a user with a role and returns its ID.
	 *
	 * @param string $role Role name.
	 */
	protected function create_user( string $role ): int {
		static $n = 0;
		++$n;
		$id = wp_insert_user(
			array(
				'user_login' => $role . '_' . $n . '_' . wp_generate_password( 6, false ),
				'user_email' => $role . $n . '_' . wp_generate_password( 6, false ) . '@example.com',
				'user_pass'  => wp_generate_password(),
				'role'       => $role,
			)
		);
		$this->assertIsInt( $id );
		return $id;
	}

	/**
	 * Creates a post and returns its ID (the indexer runs on save, as on a real site).
	 *
	 * @param array<string, mixed> $args wp_insert_post() arguments.
	 */
	protected function create_post( array $args ): int {
		$id = wp_insert_post(
			array_merge(
				array(
					'post_type'   => 'page',
					'post_status' => 'publish',
					'post_title'  => 'Untitled',
				),
				$args
			),
			true
		);
		$this->assertIsInt( $id );
		return $id;
	}

	/**
	 * Staffs the site: open round the clock, every day, with a support agent online and available,
	 * so that a handoff goes to the live queue. Returns the agent.
	 */
	protected function staff_the_site(): int {
		\HandoffBot\Capabilities::grant();
		$data          = \HandoffBot\Handoff\Availability::defaults()->to_array();
		$data['hours'] = array_fill_keys(
			\HandoffBot\Handoff\Availability::DAYS,
			array(
				array(
					'open'  => '00:00',
					'close' => '24:00',
				),
			)
		);
		update_option(
			\HandoffBot\Handoff\Availability_Store::OPTION,
			array(
				'version' => 0,
				'data'    => $data,
			)
		);
		$agent = $this->create_user( \HandoffBot\Capabilities::ROLE );
		( new \HandoffBot\Handoff\Presence( new \HandoffBot\Repositories\Event_Repository() ) )->beat( $agent, \HandoffBot\Handoff\Presence::AVAILABLE, time() );
		return $agent;
	}

	/**
	 * Starts a conversation through the REST API; returns [id, token].
	 *
	 * @return array{0: int, 1: string}
	 */
	protected function start_conversation(): array {
		$response = $this->rest( 'POST', '/handoff-bot/v1/conversations', array( 'page_url' => home_url( '/help/' ) ) );
		$this->assertSame( 201, $response->get_status(), wp_json_encode( $response->get_data() ) );
		$data = $response->get_data();
		return array( (int) $data['id'], (string) $data['token'] );
	}

	/**
	 * Sends a visitor message through the REST API.
	 *
	 * @param int                  $id      Conversation.
	 * @param string               $token   Visitor token.
	 * @param mixed                $message Message.
	 * @param string               $key     Idempotency key ('' for a fresh one).
	 * @param array<string, mixed> $extra Extra parameters.
	 */
	protected function send( int $id, string $token, $message, string $key = '', array $extra = array() ): WP_REST_Response {
		return $this->rest(
			'POST',
			'/handoff-bot/v1/conversations/' . $id . '/messages',
			array_merge(
				array(
					'message'         => $message,
					'idempotency_key' => '' === $key ? 'key_' . wp_generate_password( 20, false ) : $key,
				),
				$extra
			),
			array( 'X-Handoff-Bot-Token' => $token )
		);
	}

	/**
	 * Adds or removes a trigger that makes every insert into one of the plugin's tables fail, as
	 * a full disk would, however the plugin's statements reach the database. MySQL commits an open
	 * transaction on CREATE TRIGGER, so tests that use this run without the test transaction.
	 *
	 * @param string $short  Table short name, e.g. "messages".
	 * @param bool   $refuse Whether inserts fail.
	 */
	protected function refuse_inserts( string $short, bool $refuse ): void {
		global $wpdb;
		$table   = $wpdb->prefix . 'handoff_bot_' . $short;
		$trigger = 'handoff_bot_test_refuse_' . $short;
		$sqlite  = Repository::native_connection();
		if ( $sqlite ) {
			$sqlite->exec( "DROP TRIGGER IF EXISTS $trigger" );
			if ( $refuse ) {
				$sqlite->exec( "CREATE TRIGGER $trigger BEFORE INSERT ON `$table` BEGIN SELECT RAISE(ABORT, 'disk full'); END" );
			}
			return;
		}
		$wpdb->query( $wpdb->prepare( 'DROP TRIGGER IF EXISTS %i', $trigger ) );
		if ( $refuse ) {
			$wpdb->query( $wpdb->prepare( "CREATE TRIGGER %i BEFORE INSERT ON %i FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'disk full'", $trigger, $table ) );
		}
	}

	/**
	 * Dispatches a REST request through the real server, with the filters WordPress applies
	 * before sending a response over HTTP (rest_post_dispatch adds our headers).
	 *
	 * @param string                $method  HTTP method.
	 * @param string                $route   Route, e.g. /handoff-bot/v1/health.
	 * @param array<string, mixed>  $params  Body or query parameters.
	 * @param array<string, string> $headers Request headers.
	 */
	protected function rest( string $method, string $route, array $params = array(), array $headers = array() ): WP_REST_Response {
		$request = new WP_REST_Request( $method, $route );
		foreach ( $headers as $name => $value ) {
			$request->set_header( $name, $value );
		}
		if ( 'GET' === $method ) {
			$request->set_query_params( $params );
		} else {
			$request->set_body_params( $params );
		}
		$response = rest_do_request( $request );
		return apply_filters( 'rest_post_dispatch', $response, rest_get_server(), $request );
	}
}
