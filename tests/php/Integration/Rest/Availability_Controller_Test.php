<?php
/**
 * Tests for GET and PUT /availability.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Rest;

use HandoffBot\Capabilities;
use HandoffBot\Escalation\Policy;
use HandoffBot\Escalation\Policy_Store;
use HandoffBot\Escalation\Policy_Validator;
use HandoffBot\Handoff\Availability;
use HandoffBot\Handoff\Availability_Store;
use HandoffBot\Repositories\Config_Version_Repository;
use HandoffBot\Settings;
use HandoffBot\Tests\Integration\Test_Case;
use WP_REST_Response;

/**
 * An admin reads and saves hours, holidays, teams and capacity; every wrong field is named and
 * nothing is stored; a save is a version; the rules may only send intents to teams that exist,
 * and a team they still use cannot be removed.
 */
final class Availability_Controller_Test extends Test_Case {

	/**
	 * A support agent.
	 *
	 * @var int
	 */
	private int $agent = 0;

	/**
	 * Signs in an administrator; adds an agent.
	 */
	protected function setUp(): void {
		parent::setUp();
		Capabilities::grant();
		$this->agent = $this->create_user( Capabilities::ROLE );
		wp_set_current_user( $this->create_user( 'administrator' ) );
	}

	/**
	 * Removes what the test saved.
	 */
	protected function tearDown(): void {
		delete_option( Availability_Store::OPTION );
		parent::tearDown();
	}

	/**
	 * The response's data as JSON would carry it.
	 *
	 * @param WP_REST_Response $response Response.
	 * @return array<string, mixed>
	 */
	private function json( WP_REST_Response $response ): array {
		return json_decode( (string) wp_json_encode( $response->get_data() ), true );
	}

	/**
	 * Availability with a billing team of one agent.
	 *
	 * @return array<string, mixed>
	 */
	private function with_team(): array {
		$data          = Availability::defaults()->to_array();
		$data['teams'] = array(
			array(
				'name'   => 'billing_team',
				'label'  => 'Billing',
				'agents' => array( $this->agent ),
				'hours'  => null,
			),
		);
		return $data;
	}

	/**
	 * Saves availability.
	 *
	 * @param mixed $availability Availability.
	 * @param int   $base         Base version.
	 * @param mixed $note         Note.
	 */
	private function put( $availability, int $base = 0, $note = 'Billing has its own team.' ): WP_REST_Response {
		return $this->rest(
			'PUT',
			'/handoff-bot/v1/availability',
			array(
				'availability'    => $availability,
				'note'            => $note,
				'expected_impact' => 'Billing handoffs reach billing agents.',
				'base_version'    => $base,
			)
		);
	}

	/**
	 * Until the first save the defaults are in force, with the next seven days and the agents.
	 */
	public function test_the_defaults_and_the_days_ahead(): void {
		update_option( 'timezone_string', 'Europe/Berlin' );
		$data = $this->json( $this->rest( 'GET', '/handoff-bot/v1/availability' ) );
		$this->assertSame( 0, $data['version'] );
		$this->assertSame( 'Europe/Berlin', $data['timezone'] );
		$this->assertSame(
			array(
				array(
					'open'  => '09:00',
					'close' => '17:00',
				),
			),
			$data['availability']['hours']['mon']
		);
		$this->assertCount( 7, $data['next_days'] );
		$this->assertContains( $this->agent, array_column( $data['agents'], 'id' ) );
		$this->assertSame( array(), $data['team_intents'] );
	}

	/**
	 * A save is version 1 with its note; it moves the config version on and is in force.
	 */
	public function test_a_save_is_a_version_in_force(): void {
		$config = (int) get_option( Settings::CONFIG_VERSION_OPTION );
		$saved  = $this->put( $this->with_team() );
		$this->assertSame( 200, $saved->get_status(), (string) wp_json_encode( $saved->get_data() ) );
		$this->assertSame( 1, $saved->get_data()['version'] );
		$this->assertSame( $config + 1, (int) get_option( Settings::CONFIG_VERSION_OPTION ) );
		$version = ( new Config_Version_Repository() )->find( Availability_Store::AREA, 1 );
		$this->assertSame( 'Billing has its own team.', $version['note'] ?? null );

		$data = $this->json( $this->rest( 'GET', '/handoff-bot/v1/availability' ) );
		$this->assertSame( 1, $data['version'] );
		$this->assertSame( 'billing_team', $data['availability']['teams'][0]['name'] );
		$this->assertSame( array( 'billing_team' ), Availability_Store::team_names() );

		$late = $this->put( Availability::defaults()->to_array(), 0, 'From an old tab.' );
		$this->assertSame( 409, $late->get_status() );
		$this->assertSame( 'handoff_bot_version_conflict', $late->get_data()['code'] );
		$this->assertSame( 1, $late->get_data()['data']['current_version'] );
	}

	/**
	 * Each wrong field gets a 400 naming it, and nothing is stored.
	 */
	public function test_every_wrong_field_is_named(): void {
		$subscriber = $this->create_user( 'subscriber' );
		$interval   = static function ( string $open, string $close ): array {
			return array(
				'open'  => $open,
				'close' => $close,
			);
		};
		$cases      = array(
			'hours.mon.0.close'            => function ( array $a ) use ( $interval ): array {
				$a['hours']['mon'] = array( $interval( '17:00', '09:00' ) );
				return $a;
			},
			'hours.tue.1.open'             => function ( array $a ) use ( $interval ): array {
				$a['hours']['tue'] = array( $interval( '09:00', '13:00' ), $interval( '12:00', '18:00' ) );
				return $a;
			},
			'hours.wed.0.open'             => function ( array $a ) use ( $interval ): array {
				$a['hours']['wed'] = array( $interval( '9:00', '17:00' ) );
				return $a;
			},
			'hours.thu.0.close'            => function ( array $a ) use ( $interval ): array {
				$a['hours']['thu'] = array( $interval( '09:00', '25:00' ) );
				return $a;
			},
			'hours'                        => function ( array $a ): array {
				$a['hours'] = 'always';
				return $a;
			},
			'hours.sun'                    => function ( array $a ): array {
				unset( $a['hours']['sun'] );
				return $a;
			},
			'hours '                       => function ( array $a ): array {
				$a['hours'] = array_values( $a['hours'] );
				return $a;
			},
			'hours  '                      => function ( array $a ): array {
				$a['hours']['monday'] = $a['hours']['mon'];
				return $a;
			},
			'holidays.0.date'              => function ( array $a ): array {
				$a['holidays'] = array(
					array(
						'date'   => '2026-02-30',
						'label'  => 'Never',
						'yearly' => false,
					),
				);
				return $a;
			},
			'teams.0.agents'               => function ( array $a ): array {
				$a['teams'][0]['agents'] = array();
				return $a;
			},
			'teams.0.agents.1'             => function ( array $a ): array {
				$a['teams'][0]['agents'][] = 999999;
				return $a;
			},
			'teams.0.agents.2'             => function ( array $a ) use ( $subscriber ): array {
				$a['teams'][0]['agents'] = array( $this->agent, $this->create_user( Capabilities::ROLE ), $subscriber );
				return $a;
			},
			'teams.1.name'                 => function ( array $a ): array {
				$a['teams'][] = $a['teams'][0];
				return $a;
			},
			'teams.0.label'                => function ( array $a ): array {
				$a['teams'][0]['label'] = '  ';
				return $a;
			},
			'teams.0.hours.sun.0.close'    => function ( array $a ) use ( $interval ): array {
				$a['teams'][0]['hours'] = Availability::defaults()->hours();

				$a['teams'][0]['hours']['sun'] = array( $interval( '10:00', '10:00' ) );
				return $a;
			},
			'capacity.max_waiting'         => function ( array $a ): array {
				$a['capacity']['max_waiting'] = 0;
				return $a;
			},
			'capacity.max_chats_per_agent' => function ( array $a ): array {
				$a['capacity']['max_chats_per_agent'] = 2.5;
				return $a;
			},
			'escalation_failed_minutes'    => function ( array $a ): array {
				$a['escalation_failed_minutes'] = 61;
				return $a;
			},
			'abandon_minutes'              => function ( array $a ): array {
				$a['abandon_minutes'] = 0;
				return $a;
			},
			'callback'                     => function ( array $a ): array {
				$a['callback'] = 'yes';
				return $a;
			},
		);
		foreach ( $cases as $path => $change ) {
			$response = $this->put( $change( $this->with_team() ) );
			$this->assertSame( 400, $response->get_status(), $path . ': ' . wp_json_encode( $response->get_data() ) );
			$this->assertSame( 'handoff_bot_invalid_availability', $response->get_data()['code'] );
			$this->assertSame( array( trim( $path ) ), array_keys( $response->get_data()['data']['errors'] ), $path );
		}
		$overlaps                 = $this->with_team();
		$overlaps['hours']['mon'] = array( $interval( '09:00', '17:00' ), $interval( '10:00', '11:00' ), $interval( '12:00', '13:00' ) );
		$this->assertSame( array( 'hours.mon.1.open', 'hours.mon.2.open' ), array_keys( $this->put( $overlaps )->get_data()['data']['errors'] ), 'every overlap is named' );
		$no_note = $this->put( $this->with_team(), 0, '  ' );
		$this->assertSame( array( 'note' ), array_keys( $no_note->get_data()['data']['errors'] ) );
		$this->assertSame( 400, $this->put( 'weekdays' )->get_status() );
		$this->assertFalse( get_option( Availability_Store::OPTION ), 'nothing was stored' );
		$this->assertSame( 0, ( new Config_Version_Repository() )->count( Availability_Store::AREA ) );
	}

	/**
	 * The rules may send an intent only to a team that exists; a team they still use cannot be
	 * removed, and the screen shows which intents each team gets.
	 */
	public function test_intents_go_to_teams_that_exist(): void {
		$policy                       = Policy::defaults()->to_array();
		$policy['intents'][0]['team'] = 'billing_team';
		$rules                        = function () use ( $policy ): WP_REST_Response {
			$base = $this->json( $this->rest( 'GET', '/handoff-bot/v1/rules' ) )['version'];
			return $this->rest(
				'PUT',
				'/handoff-bot/v1/rules',
				array(
					'policy'          => $policy,
					'note'            => 'Orders go to billing.',
					'expected_impact' => 'Billing agents get order handoffs.',
					'base_version'    => $base,
				)
			);
		};
		$unknown                      = $rules();
		$this->assertSame( 400, $unknown->get_status() );
		$this->assertArrayHasKey( 'intents.0.team', $unknown->get_data()['data']['errors'] );

		$this->assertSame( 200, $this->put( $this->with_team() )->get_status() );
		$this->assertSame( 200, $rules()->get_status(), 'the team exists now' );
		$data = $this->json( $this->rest( 'GET', '/handoff-bot/v1/availability' ) );
		$this->assertSame( array( 'billing_team' => array( $policy['intents'][0]['label'] ) ), $data['team_intents'] );

		$removed = $this->put( Availability::defaults()->to_array(), 1, 'No more teams.' );
		$this->assertSame( 400, $removed->get_status() );
		$this->assertStringContainsString( 'billing_team', $removed->get_data()['data']['errors']['teams'] );
		$this->assertSame( array( 'billing_team' ), Availability_Store::team_names() );
	}

	/**
	 * A team typed into the rules before teams existed keeps working: the rules still save with
	 * it, and the availability saves without it; a new unknown team is still refused.
	 */
	public function test_a_team_typed_before_teams_existed(): void {
		$legacy                       = new Policy_Store( new Config_Version_Repository(), new Policy_Validator() );
		$policy                       = Policy::defaults()->to_array();
		$policy['intents'][0]['team'] = 'Billing';
		$this->assertIsArray( $legacy->save( $policy, 'From before teams.', 'None.', $legacy->active_version(), 1 ) );
		$put = function ( array $policy ): WP_REST_Response {
			return $this->rest(
				'PUT',
				'/handoff-bot/v1/rules',
				array(
					'policy'          => $policy,
					'note'            => 'A threshold.',
					'expected_impact' => 'Fewer offers.',
					'base_version'    => $this->json( $this->rest( 'GET', '/handoff-bot/v1/rules' ) )['version'],
				)
			);
		};

		$policy['thresholds']['frustration'] = 0.8;
		$this->assertSame( 200, $put( $policy )->get_status(), 'the team in force stays valid' );
		$this->assertSame( 200, $this->put( $this->with_team() )->get_status(), 'the availability is not held to a team that never existed' );

		$policy['intents'][1]['team'] = 'sales';
		$refused                      = $put( $policy );
		$this->assertSame( 400, $refused->get_status() );
		$this->assertSame( array( 'intents.1.team' ), array_keys( $refused->get_data()['data']['errors'] ) );
	}

	/**
	 * Only people who manage the plugin read or save the availability.
	 */
	public function test_who_may_read_and_save(): void {
		$roles = array(
			'anonymous'     => array( 0, 401 ),
			'subscriber'    => array( $this->create_user( 'subscriber' ), 403 ),
			'editor'        => array( $this->create_user( 'editor' ), 403 ),
			'agent'         => array( $this->agent, 403 ),
			'administrator' => array( $this->create_user( 'administrator' ), 200 ),
		);
		foreach ( $roles as $role => list( $user, $status ) ) {
			wp_set_current_user( $user );
			$this->assertSame( $status, $this->rest( 'GET', '/handoff-bot/v1/availability' )->get_status(), 'GET as ' . $role );
			$this->assertSame( $status, $this->put( $this->with_team() )->get_status(), 'PUT as ' . $role );
		}
	}
}
