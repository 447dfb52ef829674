<?php
/**
 * Tests for GET and PUT /rules.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Rest;

use HandoffBot\Escalation\Policy;
use HandoffBot\Escalation\Reason;
use HandoffBot\Tests\Integration\Rules_Fixtures;
use HandoffBot\Tests\Integration\Test_Case;

require_once dirname( __DIR__ ) . '/Rules_Fixtures.php';

/**
 * The Rules screen reads the policy in force and saves new versions of it.
 */
final class Rules_Controller_Test extends Test_Case {

	use Rules_Fixtures;

	/**
	 * Signs in an administrator.
	 */
	protected function setUp(): void {
		parent::setUp();
		wp_set_current_user( $this->create_user( 'administrator' ) );
	}

	/**
	 * The policy in force, its version, and the rules and signals in force.
	 */
	public function test_get_returns_the_policy_in_force(): void {
		$response = $this->rest( 'GET', '/handoff-bot/v1/rules' );
		$this->assertSame( 200, $response->get_status() );
		$data = $this->json( $response );
		$this->assertSame( array( 'version', 'policy', 'author', 'updated_at', 'rules', 'signals' ), array_keys( $data ) );
		$this->assertSame( $this->store()->active_version(), $data['version'] );
		$this->assertGreaterThanOrEqual( 1, $data['version'] );
		$this->assertEquals( json_decode( (string) wp_json_encode( Policy::defaults()->to_array() ), true ), $data['policy'] );
		$this->assertStringContainsString( '"human_phrases":{', (string) wp_json_encode( $response->get_data() ), 'phrases by language are a JSON object' );
		$this->assertMatchesRegularExpression( '/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/', $data['updated_at'] );
		$this->assertSame( array( 'private_route', 'human_request', 'intent_policy', 'frustration', 'repeated_failure', 'knowledge_gap' ), array_column( $data['rules'], 'id' ) );
		$this->assertNotSame( '', $data['rules'][0]['label'] );
		$this->assertIsArray( $data['signals'] );
	}

	/**
	 * A save returns the new version, which GET then shows with its author.
	 */
	public function test_put_saves_a_new_version(): void {
		$base     = $this->store()->active_version();
		$policy   = $this->policy_with_zebracorn( Reason::POLICY_HUMAN );
		$response = $this->rest(
			'PUT',
			'/handoff-bot/v1/rules',
			array(
				'policy'          => $policy,
				'note'            => 'Zebracorn owners talk to the stable.',
				'expected_impact' => 'More zebracorn handoffs.',
				'base_version'    => $base,
			)
		);
		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$data = $this->json( $response );
		$this->assertSame( array( 'version', 'policy' ), array_keys( $data ) );
		$this->assertSame( $base + 1, $data['version'] );
		$this->assertSame( 'human', end( $data['policy']['intents'] )['policy'] );

		$now = $this->json( $this->rest( 'GET', '/handoff-bot/v1/rules' ) );
		$this->assertSame( $base + 1, $now['version'] );
		$this->assertSame( get_current_user_id(), $now['author']['id'] );
		$this->assertSame( wp_get_current_user()->display_name, $now['author']['name'] );
		$this->assertSame( 'zebracorn', end( $now['policy']['intents'] )['name'] );
	}

	/**
	 * An invalid policy, or a missing note, is a 400 naming the fields, and the version in force
	 * stays.
	 */
	public function test_invalid_saves_are_refused_with_the_fields_named(): void {
		$before = $this->versions_now();
		$base   = $before[1];
		$cases  = array(
			'intents.2.name'        => static function ( array $p ): array {
				$intent       = static function ( string $name ): array {
					return array(
						'name'   => $name,
						'label'  => ucfirst( $name ),
						'policy' => 'human',
					);
				};
				$p['intents'] = array( $intent( 'refunds' ), $intent( 'billing_dispute' ), $intent( 'billing_dispute' ) );
				return $p;
			},
			'thresholds.intent'     => static function ( array $p ): array {
				$p['thresholds']['intent'] = 2;
				return $p;
			},
			'intents.0.policy'      => static function ( array $p ): array {
				$p['intents'] = array(
					array(
						'name'   => 'refunds',
						'label'  => 'Refunds',
						'policy' => 'maybe',
					),
				);
				return $p;
			},
			'messages.connecting'   => static function ( array $p ): array {
				$p['messages']['connecting'] = '';
				return $p;
			},
			'human_phrases.english' => static function ( array $p ): array {
				$p['human_phrases']['english'] = array( 'agent' );
				return $p;
			},
		);
		foreach ( $cases as $path => $change ) {
			$response = $this->rest(
				'PUT',
				'/handoff-bot/v1/rules',
				array(
					'policy'       => $change( Policy::defaults()->to_array() ),
					'note'         => 'A change.',
					'base_version' => $base,
				)
			);
			$this->assertSame( 400, $response->get_status(), $path );
			$this->assertSame( 'handoff_bot_invalid_policy', $response->get_data()['code'], $path );
			$this->assertArrayHasKey( $path, $response->get_data()['data']['errors'], (string) wp_json_encode( $response->get_data() ) );
		}

		foreach ( array( '', '   ', null ) as $missing ) {
			foreach ( array( 'note', 'expected_impact' ) as $field ) {
				$params = array(
					'policy'          => Policy::defaults()->to_array(),
					'note'            => 'A change.',
					'expected_impact' => 'None.',
					'base_version'    => $base,
				);
				unset( $params[ $field ] );
				if ( null !== $missing ) {
					$params[ $field ] = $missing;
				}
				$response = $this->rest( 'PUT', '/handoff-bot/v1/rules', $params );
				$this->assertSame( 400, $response->get_status() );
				$this->assertSame( 'handoff_bot_invalid_policy', $response->get_data()['code'] );
				$this->assertSame( array( $field ), array_keys( $response->get_data()['data']['errors'] ) );
			}
		}

		$malformed = array(
			array( 'rest_invalid_param', array( 'policy' => 'all of them', 'note' => 'n', 'base_version' => $base ) ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound -- a table.
			array( 'rest_missing_callback_param', array( 'policy' => Policy::defaults()->to_array(), 'note' => 'n' ) ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound -- a table.
			array( 'rest_invalid_param', array( 'policy' => Policy::defaults()->to_array(), 'note' => 'n', 'base_version' => -1 ) ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound -- a table.
			array( 'rest_missing_callback_param', array( 'policy' => null, 'note' => 'n', 'base_version' => $base ) ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound -- a table.
		);
		foreach ( $malformed as list( $code, $params ) ) {
			$response = $this->rest( 'PUT', '/handoff-bot/v1/rules', $params );
			$this->assertSame( 400, $response->get_status(), (string) wp_json_encode( $params ) );
			$this->assertSame( $code, $response->get_data()['code'] );
		}

		$this->assertSame( $before, $this->versions_now(), 'nothing was stored' );
	}

	/**
	 * Two admins save from the same version: the second gets a 409 naming the newer version and
	 * who saved it, and the first one's policy stays.
	 */
	public function test_the_second_of_two_saves_gets_a_conflict(): void {
		$base  = $this->store()->active_version();
		$first = $this->rest(
			'PUT',
			'/handoff-bot/v1/rules',
			array(
				'policy'          => $this->policy_with_zebracorn( Reason::POLICY_HUMAN ),
				'note'            => 'First.',
				'expected_impact' => 'Zebracorn questions go to a person.',
				'base_version'    => $base,
			)
		);
		$this->assertSame( 200, $first->get_status() );
		$first_author = get_current_user_id();

		wp_set_current_user( $this->create_user( 'administrator' ) );
		$second = $this->rest(
			'PUT',
			'/handoff-bot/v1/rules',
			array(
				'policy'          => $this->policy_with_zebracorn( Reason::POLICY_BOT ),
				'note'            => 'Second.',
				'expected_impact' => 'Zebracorn questions are answered.',
				'base_version'    => $base,
			)
		);
		$this->assertSame( 409, $second->get_status() );
		$error = $this->json( $second );
		$this->assertSame( 'handoff_bot_version_conflict', $error['code'] );
		$this->assertStringContainsString( (string) ( $base + 1 ), $error['message'] );
		$this->assertSame( 409, $error['data']['status'] );
		$this->assertSame( $base + 1, $error['data']['current_version'] );
		$this->assertSame( $first_author, $error['data']['author']['id'] );
		$this->assertNotEmpty( $error['data']['updated_at'] );
		$this->assertSame( 'human', end( $this->json( $this->rest( 'GET', '/handoff-bot/v1/rules' ) )['policy']['intents'] )['policy'] );
	}
}
