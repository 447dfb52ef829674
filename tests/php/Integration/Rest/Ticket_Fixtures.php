<?php
/**
 * Tickets left through the chat, for the Tickets tests.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Rest;

use HandoffBot\Capabilities;
use HandoffBot\Handoff\Availability;
use HandoffBot\Handoff\Availability_Store;
use HandoffBot\Repositories\Handoff_Repository;
use WP_REST_Response;

/**
 * A site closed all week (so a visitor who asks for a person gets the ticket form), teams with
 * their agents, and tickets left the way a visitor leaves them: a question, "Talk to a person",
 * then the form, all through the real REST routes.
 */
trait Ticket_Fixtures {

	/**
	 * Closes the site every day, with teams (name => agent IDs) and callbacks offered or not.
	 *
	 * @param array<string, list<int>> $teams    Teams and their agents.
	 * @param bool                     $callback Whether callbacks are offered.
	 */
	protected function close_the_site( array $teams = array(), bool $callback = true ): void {
		Capabilities::grant();
		$data             = Availability::defaults()->to_array();
		$data['hours']    = array_fill_keys( Availability::DAYS, array() );
		$data['callback'] = $callback;
		$data['teams']    = array();
		foreach ( $teams as $name => $agents ) {
			$data['teams'][] = array(
				'name'   => $name,
				'label'  => ucfirst( $name ),
				'agents' => $agents,
				'hours'  => null,
			);
		}
		update_option(
			Availability_Store::OPTION,
			array(
				'version' => 0,
				'data'    => $data,
			)
		);
	}

	/**
	 * A visitor asks a question, then for a person, then leaves the form's answers: [ticket ID,
	 * conversation ID, visitor token].
	 *
	 * @param array<string, string> $answers The form's answers (over the defaults).
	 * @param string                $question What the visitor asked first.
	 * @return array{0: int, 1: int, 2: string}
	 */
	protected function leave_ticket( array $answers = array(), string $question = 'My parcel arrived with a cracked screen and I want a replacement' ): array {
		$user    = get_current_user_id();
		$address = $_SERVER['REMOTE_ADDR'] ?? '127.0.0.1'; // phpcs:ignore WordPress.Security.ValidatedSanitizedInput -- restored below.
		// Each ticket from its own visitor, as on a real site (the form's rate limit is per address).
		$_SERVER['REMOTE_ADDR'] = '10.' . random_int( 0, 255 ) . '.' . random_int( 0, 255 ) . '.' . random_int( 1, 254 );
		wp_set_current_user( 0 );
		list( $id, $token ) = $this->start_conversation();
		$this->send( $id, $token, $question );
		$asked = $this->send( $id, $token, 'Talk to a person', '', array( 'human' => true ) );
		$this->assertSame( 201, $asked->get_status(), (string) wp_json_encode( $asked->get_data() ) );
		$sent = $this->rest(
			'POST',
			'/handoff-bot/v1/conversations/' . $id . '/handoff/ticket',
			array_merge(
				array(
					'name'            => 'Ada Lovelace',
					'email'           => 'ada@example.org',
					'message'         => 'My parcel arrived with a cracked screen. Order 1042.',
					'idempotency_key' => 'form-' . wp_generate_password( 10, false ),
					// A person takes a few seconds to fill the form (bots are refused quietly).
					'elapsed_ms'      => 8000,
				),
				$answers
			),
			array( 'X-Handoff-Bot-Token' => $token )
		);
		$this->assertSame( 201, $sent->get_status(), (string) wp_json_encode( $sent->get_data() ) );
		$this->assertGreaterThan( 0, (int) ( $sent->get_data()['handoff_id'] ?? 0 ), 'the ticket was stored' );
		$_SERVER['REMOTE_ADDR'] = $address;
		wp_set_current_user( $user );
		return array( (int) $sent->get_data()['handoff_id'], $id, $token );
	}

	/**
	 * A request to the tickets routes.
	 *
	 * @param string                $method  GET or POST.
	 * @param string                $path    Path after /tickets ('' for the list).
	 * @param array<string, mixed>  $params  Parameters.
	 * @param array<string, string> $headers Headers.
	 */
	protected function tickets( string $method, string $path = '', array $params = array(), array $headers = array() ): WP_REST_Response {
		return $this->rest( $method, '/handoff-bot/v1/tickets' . $path, $params, $headers );
	}

	/**
	 * A live handoff waiting in the queue (not a ticket): its ID.
	 */
	protected function live_handoff(): int {
		$id = ( new Handoff_Repository() )->create(
			array(
				'conversation_id' => random_int( 100000, 999999999 ),
				'reason'          => 'user_requested',
				'trigger_type'    => 'user',
				'route'           => 'live',
				'route_reason'    => 'live',
				'intent'          => '',
				'intent_score'    => null,
				'confidence'      => null,
				'turn'            => 1,
				'config_version'  => 1,
			)
		);
		$this->assertGreaterThan( 0, $id );
		return $id;
	}
}
