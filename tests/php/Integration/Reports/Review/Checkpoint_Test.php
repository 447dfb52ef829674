<?php
/**
 * Release checkpoints: opened by a configuration change, expected against actual once enough
 * conversations came in, the re-check and "document the change".
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Reports\Review;

use HandoffBot\Capabilities;
use HandoffBot\Escalation\Reason;
use HandoffBot\Reports\Review\Checkpoint_Recorder;
use HandoffBot\Repositories\Checkpoint_Repository;
use HandoffBot\Settings;
use HandoffBot\Tests\Integration\Reports\Report_Fixtures;
use HandoffBot\Tests\Integration\Rules_Fixtures;
use HandoffBot\Tests\Integration\Test_Case;

require_once dirname( __DIR__ ) . '/Report_Fixtures.php';
require_once dirname( __DIR__, 2 ) . '/Rules_Fixtures.php';

/**
 * An administrator saves the rules with a note and an expected impact; the checkpoint waits for
 * ten conversations (the setting), then compares them with the conversations before.
 */
final class Checkpoint_Test extends Test_Case {

	use Rules_Fixtures;

	/**
	 * The administrator.
	 *
	 * @var int
	 */
	private int $admin = 0;

	/**
	 * UTC, the roles, a checkpoint setting of ten conversations, and an administrator.
	 */
	protected function setUp(): void {
		parent::setUp();
		update_option( 'timezone_string', 'UTC' );
		update_option( 'gmt_offset', '' );
		Capabilities::grant();
		$settings                             = get_option( Settings::OPTION, array() );
		$settings                             = is_array( $settings ) ? $settings : array();
		$settings['checkpoint_conversations'] = 10;
		update_option( Settings::OPTION, $settings );
		$this->admin = $this->create_user( 'administrator' );
		wp_set_current_user( $this->admin );
	}

	/**
	 * Saves the rules through REST.
	 *
	 * @param string $policy The zebracorn intent's policy.
	 * @return int The config version the save started.
	 */
	private function save_rules( string $policy = Reason::POLICY_HUMAN ): int {
		$response = $this->rest(
			'PUT',
			'/handoff-bot/v1/rules',
			array(
				'policy'          => $this->policy_with_zebracorn( $policy ),
				'note'            => 'Zebracorn questions go to a person.',
				'expected_impact' => 'Escalation rate for zebracorn up; fewer unproductive turns.',
				'base_version'    => $this->store()->active_version(),
			)
		);
		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		return (int) get_option( Settings::CONFIG_VERSION_OPTION );
	}

	/**
	 * The checkpoint of the newest change, as REST shows it.
	 *
	 * @return array<string, mixed>
	 */
	private function newest(): array {
		$list = $this->rest( 'GET', '/handoff-bot/v1/reports/checkpoints' );
		$this->assertSame( 200, $list->get_status(), (string) wp_json_encode( $list->get_data() ) );
		$this->assertNotEmpty( $list->get_data() );
		return $list->get_data()[0];
	}

	/**
	 * A rules save opens a checkpoint with its note and expected impact; it waits, and a re-check
	 * before it is ready is refused.
	 */
	public function test_a_rules_save_opens_a_waiting_checkpoint(): void {
		$config     = $this->save_rules();
		$checkpoint = $this->newest();
		$this->assertSame( $config, $checkpoint['config_version'] );
		$this->assertSame( 'rules', $checkpoint['area'] );
		$this->assertSame( 'Zebracorn questions go to a person.', $checkpoint['note'] );
		$this->assertSame( 'Escalation rate for zebracorn up; fewer unproductive turns.', $checkpoint['expected_impact'] );
		$this->assertSame( $this->admin, $checkpoint['author']['id'] );
		$this->assertSame( array( 'waiting', 0, 10 ), array( $checkpoint['state'], $checkpoint['conversations'], $checkpoint['threshold'] ) );
		$this->assertNull( $this->rest( 'GET', '/handoff-bot/v1/reports/checkpoints/' . $checkpoint['id'] )->get_data()['actual'] );

		$early = $this->rest( 'PUT', '/handoff-bot/v1/reports/checkpoints/' . $checkpoint['id'] . '/check', array( 'note' => 'Too soon' ) );
		$this->assertSame( 409, $early->get_status() );
		$this->assertSame( 'handoff_bot_not_ready', $early->get_data()['code'] );
		$this->assertSame( 'waiting', $this->newest()['state'] );
	}

	/**
	 * After ten conversations under the new version it is ready: the figures of those against
	 * those started under the version before, beside the expected impact. Re-checked, it stores
	 * who, when and the notes; what was tuned shows in the month's review.
	 */
	public function test_after_the_threshold_it_shows_expected_against_actual(): void {
		$rows   = new Report_Fixtures();
		$before = (int) get_option( Settings::CONFIG_VERSION_OPTION );
		// Before the change: 4 conversations, 2 handed off (escalation rate 0.5).
		$two_days_ago = gmdate( 'Y-m-d H:i:s', time() - 2 * DAY_IN_SECONDS );
		for ( $i = 0; $i < 4; $i++ ) {
			$id = $rows->conversation( $two_days_ago, $before );
			if ( $i < 2 ) {
				$rows->handoff(
					$id,
					array(
						'requested_at'   => $two_days_ago,
						'config_version' => $before,
					)
				);
			}
		}
		$config = $this->save_rules();
		$this->assertSame( $before + 1, $config );
		$id = (int) $this->newest()['id'];

		// Under it: 9 conversations, then the tenth; 1 handed off (escalation rate 0.1).
		$now = gmdate( 'Y-m-d H:i:s' );
		for ( $i = 0; $i < 9; $i++ ) {
			$conversation = $rows->conversation( $now, $config );
			if ( 0 === $i ) {
				$rows->handoff(
					$conversation,
					array(
						'requested_at'   => $now,
						'config_version' => $config,
					)
				);
			}
		}
		$this->assertSame( array( 'waiting', 9 ), array( $this->newest()['state'], $this->newest()['conversations'] ) );
		$rows->conversation( $now, $config );

		$ready = $this->rest( 'GET', '/handoff-bot/v1/reports/checkpoints/' . $id );
		$this->assertSame( 200, $ready->get_status(), (string) wp_json_encode( $ready->get_data() ) );
		$data = $ready->get_data();
		$this->assertSame( array( 'ready', 10 ), array( $data['state'], $data['conversations'] ) );
		$this->assertSame( 'Escalation rate for zebracorn up; fewer unproductive turns.', $data['expected_impact'] );
		$this->assertSame( array( $before, $config ), array( $data['actual']['before']['config_version'], $data['actual']['after']['config_version'] ) );
		$figures = $data['actual']['figures'];
		$this->assertSame(
			array(
				'before'   => 4,
				'after'    => 10,
				'delta'    => 6.0,
				'relative' => 1.5,
			),
			$figures['conversations']
		);
		$this->assertSame( array( 2, 1 ), array( $figures['handoffs']['before'], $figures['handoffs']['after'] ) );
		$this->assertEqualsWithDelta( 0.5, $figures['escalation_rate']['before'], 1e-9 );
		$this->assertEqualsWithDelta( 0.1, $figures['escalation_rate']['after'], 1e-9 );
		$this->assertEqualsWithDelta( -0.4, $figures['escalation_rate']['delta'], 1e-9 );
		$this->assertNull( $data['check'] );

		$checked = $this->rest( 'PUT', '/handoff-bot/v1/reports/checkpoints/' . $id . '/check', array( 'note' => 'Rate fell, not rose: the intent is rarely detected.' ) );
		$this->assertSame( 200, $checked->get_status(), (string) wp_json_encode( $checked->get_data() ) );
		$check = $checked->get_data()['check'];
		$this->assertSame( 'checked', $checked->get_data()['state'] );
		$this->assertSame( array( $this->admin, 'Rate fell, not rose: the intent is rarely detected.' ), array( $check['by']['id'], $check['note'] ) );
		$this->assertLessThanOrEqual( 5, abs( time() - (int) strtotime( $check['at'] . ' UTC' ) ) );

		$tuned = $this->rest( 'PUT', '/handoff-bot/v1/reports/checkpoints/' . $id . '/documentation', array( 'tuned' => 'Added "zebra unicorn" to the intent keywords.' ) );
		$this->assertSame( 200, $tuned->get_status() );
		$this->assertSame( array( 'Added "zebra unicorn" to the intent keywords.', $this->admin ), array( $tuned->get_data()['tuned']['text'], $tuned->get_data()['tuned']['by']['id'] ) );

		$review = $this->rest( 'GET', '/handoff-bot/v1/reports/reviews/' . gmdate( 'Y-m' ) )->get_data();
		$this->assertSame( array( $id ), array_column( $review['changes'], 'checkpoint_id' ) );
		$this->assertSame( 'Added "zebra unicorn" to the intent keywords.', $review['changes'][0]['tuned'] );
		$this->assertSame( 'Zebracorn questions go to a person.', $review['changes'][0]['note'] );
		$next = gmdate( 'Y-m', (int) strtotime( 'first day of next month' ) );
		$this->assertSame( array(), $this->rest( 'GET', '/handoff-bot/v1/reports/reviews/' . $next )->get_data()['changes'], 'documented before that month began' );
	}

	/**
	 * Two changes in a row: the first checkpoint, overtaken before its ten conversations, no longer
	 * waits (no conversation can start under its version again) but is superseded by the next
	 * version, with the figures of the three conversations it got, and can be re-checked; one
	 * overtaken before any conversation has no figures; the newest waits, then is ready.
	 */
	public function test_a_checkpoint_overtaken_by_a_later_change_is_superseded(): void {
		$rows   = new Report_Fixtures();
		$now    = gmdate( 'Y-m-d H:i:s' );
		$first  = $this->save_rules();
		$one_id = (int) $this->newest()['id'];
		for ( $i = 0; $i < 3; $i++ ) {
			$rows->conversation( $now, $first );
		}
		$this->assertSame( array( 'waiting', 3, null ), array( $this->newest()['state'], $this->newest()['conversations'], $this->newest()['superseded_by'] ) );

		$answer = $this->rest(
			'POST',
			'/handoff-bot/v1/settings',
			array(
				'answer_threshold' => 0.45,
				'change_note'      => 'Fewer unsure answers.',
			)
		);
		$this->assertSame( 200, $answer->get_status(), (string) wp_json_encode( $answer->get_data() ) );
		$second = (int) get_option( Settings::CONFIG_VERSION_OPTION );
		$two_id = (int) $this->newest()['id'];
		$third  = $this->save_rules( Reason::POLICY_OFFER_CHOICE );
		$this->assertSame( array( $first + 1, $first + 2 ), array( $second, $third ) );

		// Only this test's checkpoints: tests that commit may have left older ones.
		$list = array_values(
			array_filter(
				$this->rest( 'GET', '/handoff-bot/v1/reports/checkpoints' )->get_data(),
				static function ( array $row ) use ( $first ): bool {
					return $row['config_version'] >= $first;
				}
			)
		);
		$this->assertSame(
			array(
				$third  => array( 'waiting', null, 0 ),
				$second => array( 'superseded', $third, 0 ),
				$first  => array( 'superseded', $second, 3 ),
			),
			array_combine(
				array_column( $list, 'config_version' ),
				array_map(
					static function ( array $row ): array {
						return array( $row['state'], $row['superseded_by'], $row['conversations'] );
					},
					$list
				)
			)
		);

		$one = $this->rest( 'GET', '/handoff-bot/v1/reports/checkpoints/' . $one_id );
		$this->assertSame( 200, $one->get_status(), (string) wp_json_encode( $one->get_data() ) );
		$this->assertSame( $first, $one->get_data()['actual']['after']['config_version'] );
		$this->assertSame( 3, $one->get_data()['actual']['figures']['conversations']['after'], 'the figures so far' );
		$this->assertNull( $this->rest( 'GET', '/handoff-bot/v1/reports/checkpoints/' . $two_id )->get_data()['actual'], 'no conversation, no figures' );

		$checked = $this->rest( 'PUT', '/handoff-bot/v1/reports/checkpoints/' . $one_id . '/check', array( 'note' => 'Overtaken by the threshold change.' ) );
		$this->assertSame( 200, $checked->get_status(), (string) wp_json_encode( $checked->get_data() ) );
		$this->assertSame( array( 'checked', $second, 'Overtaken by the threshold change.' ), array( $checked->get_data()['state'], $checked->get_data()['superseded_by'], $checked->get_data()['check']['note'] ) );

		for ( $i = 0; $i < 10; $i++ ) {
			$rows->conversation( $now, $third );
		}
		$newest = $this->newest();
		$this->assertSame( array( $third, 'ready', null, 10 ), array( $newest['config_version'], $newest['state'], $newest['superseded_by'], $newest['conversations'] ) );
		$this->assertSame( 200, $this->rest( 'PUT', '/handoff-bot/v1/reports/checkpoints/' . $two_id . '/check', array( 'note' => 'Never ran alone.' ) )->get_status() );
	}

	/**
	 * A change to the answer settings opens one too (the settings as they were, stored by the
	 * plugin as version 1, do not); a save that changes nothing versioned opens none.
	 */
	public function test_an_answer_settings_change_opens_a_checkpoint(): void {
		$count = ( new Checkpoint_Repository() )->count();
		$this->assertSame( 200, $this->rest( 'POST', '/handoff-bot/v1/settings', array( 'rate_limit_ip_per_minute' => 12 ) )->get_status() );
		$this->assertSame( $count, ( new Checkpoint_Repository() )->count() );
		$response = $this->rest(
			'POST',
			'/handoff-bot/v1/settings',
			array(
				'answer_threshold' => 0.45,
				'change_note'      => 'Fewer unsure answers.',
				'expected_impact'  => 'More offers of a person for low confidence.',
			)
		);
		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( $count + 1, ( new Checkpoint_Repository() )->count() );
		$checkpoint = $this->newest();
		$this->assertSame( array( 'answer', 'Fewer unsure answers.', 'More offers of a person for low confidence.' ), array( $checkpoint['area'], $checkpoint['note'], $checkpoint['expected_impact'] ) );
		$this->assertSame( (int) get_option( Settings::CONFIG_VERSION_OPTION ), $checkpoint['config_version'] );
	}

	/**
	 * A small site waits for as many conversations as it had in the last 30 days, at least 20;
	 * the setting caps it.
	 */
	public function test_a_small_site_waits_for_fewer_conversations(): void {
		global $wpdb;
		$wpdb->query( $wpdb->prepare( 'DELETE FROM %i', $wpdb->prefix . 'handoff_bot_conversations' ) );
		$settings                           = new Settings();
		$recorder                           = new Checkpoint_Recorder( static fn(): Checkpoint_Repository => new Checkpoint_Repository(), $settings );
		$stored                             = get_option( Settings::OPTION );
		$stored['checkpoint_conversations'] = 200;
		update_option( Settings::OPTION, $stored );
		$this->assertSame( 20, $recorder->threshold(), 'no traffic: the floor' );
		$rows = new Report_Fixtures();
		for ( $i = 0; $i < 35; $i++ ) {
			$rows->conversation( gmdate( 'Y-m-d H:i:s', time() - DAY_IN_SECONDS ) );
		}
		$rows->conversation( gmdate( 'Y-m-d H:i:s', time() - 40 * DAY_IN_SECONDS ) );
		$this->assertSame( 35, $recorder->threshold(), 'the last 30 days' );
		$stored['checkpoint_conversations'] = 30;
		update_option( Settings::OPTION, $stored );
		$this->assertSame( 30, $recorder->threshold(), 'the setting caps it' );
	}

	/**
	 * Anonymous: 401; a subscriber and an agent: 403, on every route; nothing changes.
	 */
	public function test_only_managers_may_see_and_check_checkpoints(): void {
		$this->save_rules();
		$id     = (int) $this->newest()['id'];
		$routes = array(
			array( 'GET', '/handoff-bot/v1/reports/checkpoints', array() ),
			array( 'GET', '/handoff-bot/v1/reports/checkpoints/' . $id, array() ),
			array( 'PUT', '/handoff-bot/v1/reports/checkpoints/' . $id . '/check', array( 'note' => 'x' ) ),
			array( 'PUT', '/handoff-bot/v1/reports/checkpoints/' . $id . '/documentation', array( 'tuned' => 'x' ) ),
		);
		$cases  = array(
			array( 0, 401, 'anonymous' ),
			array( $this->create_user( 'subscriber' ), 403, 'a subscriber' ),
			array( $this->create_user( Capabilities::ROLE ), 403, 'an agent' ),
		);
		foreach ( $cases as list( $user, $status, $who ) ) {
			wp_set_current_user( $user );
			foreach ( $routes as list( $method, $route, $params ) ) {
				$response = $this->rest( $method, $route, $params );
				$this->assertSame( $status, $response->get_status(), $who . ' ' . $method . ' ' . $route );
				$this->assertSame( 'handoff_bot_forbidden', $response->get_data()['code'] );
				$this->assertStringNotContainsString( 'Zebracorn', (string) wp_json_encode( $response->get_data() ) );
			}
		}
		wp_set_current_user( $this->admin );
		$this->assertNull( $this->newest()['tuned'] );
	}

	/**
	 * Bad input: a 4xx with a code and a message.
	 */
	public function test_bad_input_gets_a_clear_error(): void {
		$this->save_rules();
		$id    = (int) $this->newest()['id'];
		$cases = array(
			array( 'GET', '/999999', array(), 404, 'handoff_bot_not_found' ),
			array( 'PUT', '/999999/check', array(), 404, 'handoff_bot_not_found' ),
			array( 'PUT', '/999999/documentation', array( 'tuned' => 'x' ), 404, 'handoff_bot_not_found' ),
			array( 'PUT', '/' . $id . '/documentation', array(), 400, 'rest_missing_callback_param' ),
			array( 'PUT', '/' . $id . '/documentation', array( 'tuned' => '' ), 400, 'rest_invalid_param' ),
			array( 'PUT', '/' . $id . '/documentation', array( 'tuned' => '   ' ), 400, 'handoff_bot_empty_text' ),
			array( 'PUT', '/' . $id . '/documentation', array( 'tuned' => str_repeat( 'x', 2001 ) ), 400, 'rest_invalid_param' ),
			array( 'PUT', '/' . $id . '/check', array( 'note' => str_repeat( 'x', 2001 ) ), 400, 'rest_invalid_param' ),
			array( 'GET', '', array( 'per_page' => 0 ), 400, 'rest_invalid_param' ),
			array( 'GET', '', array( 'page' => 'two' ), 400, 'rest_invalid_param' ),
		);
		foreach ( $cases as list( $method, $path, $params, $status, $code ) ) {
			$response = $this->rest( $method, '/handoff-bot/v1/reports/checkpoints' . $path, $params );
			$this->assertSame( $status, $response->get_status(), $method . ' ' . $path );
			$this->assertSame( $code, $response->get_data()['code'], $method . ' ' . $path );
			$this->assertNotEmpty( $response->get_data()['message'] );
		}
		$this->assertNull( $this->newest()['tuned'] );
	}
}
