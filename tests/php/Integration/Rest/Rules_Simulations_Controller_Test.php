<?php
/**
 * Tests for the saved simulations.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Rest;

use HandoffBot\Contracts\Answerer;
use HandoffBot\Escalation\Reason;
use HandoffBot\Escalation\Simulations;
use HandoffBot\Knowledge\Answer;
use HandoffBot\Tests\Integration\Rules_Fixtures;
use HandoffBot\Tests\Integration\Test_Case;

require_once dirname( __DIR__ ) . '/Rules_Fixtures.php';

/**
 * Test conversations saved with the decisions they should get, and the check of an edited
 * policy against them.
 */
final class Rules_Simulations_Controller_Test extends Test_Case {

	use Rules_Fixtures;

	/**
	 * The answerer filter.
	 *
	 * @var callable|null
	 */
	private $answerer = null;

	/**
	 * Signs in an administrator; every question gets a confident answer; "zebracorn" is an
	 * intent the bot answers.
	 */
	protected function setUp(): void {
		parent::setUp();
		wp_set_current_user( $this->create_user( 'administrator' ) );
		$this->answerer = function (): Answerer {
			return new class() implements Answerer {
				/**
				 * {@inheritDoc}
				 *
				 * @param string $question Question.
				 * @param string $language Language.
				 */
				public function answer( string $question, string $language ): Answer {
					return new Answer( Answer::KIND_ANSWER, 'Zebracorns graze at dawn.', 0.9 );
				}
			};
		};
		add_filter( 'handoff_bot_answerer', $this->answerer, 1000 );
		$this->use_zebracorn_intent();
		$store = $this->store();
		$this->assertIsArray( $store->save( $this->policy_with_zebracorn( Reason::POLICY_BOT ), 'Zebracorns are answered.', 'As expected.', $store->active_version(), get_current_user_id() ) );
	}

	/**
	 * Removes the filters.
	 */
	protected function tearDown(): void {
		remove_filter( 'handoff_bot_answerer', $this->answerer, 1000 );
		$this->drop_zebracorn_intent();
		parent::tearDown();
	}

	/**
	 * Saves a simulation and returns its data.
	 *
	 * @param array<string, mixed> $params Body.
	 * @return array<string, mixed>
	 */
	private function save( array $params ): array {
		$response = $this->rest( 'POST', '/handoff-bot/v1/rules/simulations', $params );
		$this->assertSame( 201, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		return $this->json( $response );
	}

	/**
	 * Without expectations, a simulation keeps the decisions the policy in force gives now; the
	 * list has it, with the total; it can be deleted once.
	 */
	public function test_save_list_and_delete(): void {
		$saved = $this->save(
			array(
				'name'      => 'Zebracorn then a person',
				'turns'     => array( ' Where is my zebracorn? ', 'A person please' ),
				'button_at' => 1,
			)
		);
		$this->assertSame( array( 'id', 'name', 'turns', 'expected', 'button_at', 'created_at' ), array_keys( $saved ) );
		$this->assertSame( array( 'Where is my zebracorn?', 'A person please' ), $saved['turns'] );
		$this->assertSame(
			array(
				array(
					'kind'   => 'answer',
					'reason' => '',
				),
				array(
					'kind'   => 'handoff',
					'reason' => 'user_requested',
				),
			),
			$saved['expected']
		);
		$this->assertMatchesRegularExpression( '/Z$/', $saved['created_at'] );

		$explicit = $this->save(
			array(
				'name'     => 'Expected by hand',
				'turns'    => array( 'Hello' ),
				'expected' => array(
					array(
						'kind'   => 'offer_choice',
						'reason' => 'business_rule',
					),
				),
			)
		);
		$this->assertSame( 'offer_choice', $explicit['expected'][0]['kind'] );

		$list = $this->rest( 'GET', '/handoff-bot/v1/rules/simulations' );
		$this->assertSame( '2', $list->get_headers()['X-WP-Total'] );
		$this->assertSame( array( $saved['id'], $explicit['id'] ), array_column( $this->json( $list ), 'id' ) );

		$deleted = $this->rest( 'DELETE', '/handoff-bot/v1/rules/simulations/' . $saved['id'] );
		$this->assertSame( 200, $deleted->get_status() );
		$this->assertTrue( $deleted->get_data()['deleted'] );
		$this->assertSame( $saved['id'], $deleted->get_data()['previous']['id'] );
		$again = $this->rest( 'DELETE', '/handoff-bot/v1/rules/simulations/' . $saved['id'] );
		$this->assertSame( 404, $again->get_status() );
		$this->assertSame( 'handoff_bot_simulation_not_found', $again->get_data()['code'] );
		$this->assertSame( array( $explicit['id'] ), array_column( $this->json( $this->rest( 'GET', '/handoff-bot/v1/rules/simulations' ) ), 'id' ) );
	}

	/**
	 * An edited intent policy changes the decision of the turns about that intent, and the
	 * check lists exactly those; the policy in force changes nothing.
	 */
	public function test_check_lists_the_turns_an_edited_policy_would_change(): void {
		$zebra = $this->save(
			array(
				'name'  => 'Zebracorn questions',
				'turns' => array( 'Hello there', 'Where is my zebracorn?' ),
			)
		);
		$this->save(
			array(
				'name'  => 'Other questions',
				'turns' => array( 'Where is my parcel?' ),
			)
		);

		$same = $this->rest( 'POST', '/handoff-bot/v1/rules/simulations/check', array( 'policy' => $this->policy_with_zebracorn( Reason::POLICY_BOT ) ) );
		$this->assertSame( 200, $same->get_status() );
		$this->assertSame( array( 'changes' => array() ), $same->get_data() );
		$this->assertSame( array( 'changes' => array() ), $this->rest( 'POST', '/handoff-bot/v1/rules/simulations/check' )->get_data(), 'the policy in force' );

		$before  = $this->versions_now();
		$changes = $this->json( $this->rest( 'POST', '/handoff-bot/v1/rules/simulations/check', array( 'policy' => $this->policy_with_zebracorn( Reason::POLICY_HUMAN ) ) ) )['changes'];
		$this->assertSame(
			array(
				array(
					'id'       => $zebra['id'],
					'name'     => 'Zebracorn questions',
					'turn'     => 1,
					'text'     => 'Where is my zebracorn?',
					'expected' => array(
						'kind'   => 'answer',
						'reason' => '',
					),
					'actual'   => array(
						'kind'   => 'handoff',
						'reason' => 'business_rule',
					),
				),
			),
			$changes
		);
		$this->assertSame( $before, $this->versions_now(), 'a check saves nothing' );

		$invalid = $this->rest( 'POST', '/handoff-bot/v1/rules/simulations/check', array( 'policy' => array( 'intents' => array() ) ) );
		$this->assertSame( 400, $invalid->get_status() );
		$this->assertSame( 'handoff_bot_invalid_policy', $invalid->get_data()['code'] );
	}

	/**
	 * Bad simulations, and more than a site keeps, are refused.
	 */
	public function test_bad_simulations_are_refused(): void {
		$cases = array(
			array( 'rest_missing_callback_param', array( 'turns' => array( 'Hi' ) ) ),
			array( 'rest_invalid_param', array( 'name' => '', 'turns' => array( 'Hi' ) ) ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound -- a table.
			array( 'rest_invalid_param', array( 'name' => 'Long', 'turns' => array_fill( 0, 21, 'Hi' ) ) ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound -- a table.
			array( 'rest_invalid_param', array( 'name' => 'Empty turn', 'turns' => array( '' ) ) ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound -- a table.
			array( 'rest_invalid_param', array( 'name' => 'Two turns, one expectation', 'turns' => array( 'Hi', 'Bye' ), 'expected' => array( array( 'kind' => 'answer', 'reason' => '' ) ) ) ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound -- a table.
			array( 'rest_invalid_param', array( 'name' => 'Unknown kind', 'turns' => array( 'Hi' ), 'expected' => array( array( 'kind' => 'shrug', 'reason' => '' ) ) ) ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound -- a table.
			array( 'rest_invalid_param', array( 'name' => 'Unknown reason', 'turns' => array( 'Hi' ), 'expected' => array( array( 'kind' => 'handoff', 'reason' => 'boredom' ) ) ) ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound -- a table.
			array( 'rest_invalid_param', array( 'name' => 'Button past the end', 'turns' => array( 'Hi' ), 'button_at' => 1 ) ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound -- a table.
		);
		foreach ( $cases as list( $code, $params ) ) {
			$response = $this->rest( 'POST', '/handoff-bot/v1/rules/simulations', $params );
			$this->assertSame( 400, $response->get_status(), (string) wp_json_encode( $params ) );
			$this->assertSame( $code, $response->get_data()['code'], (string) wp_json_encode( $params ) );
		}
		$this->assertSame( 0, ( new Simulations() )->count() );

		$simulations = new Simulations();
		for ( $i = 0; $i < Simulations::MAX; $i++ ) {
			$simulations->add(
				'Simulation ' . $i,
				array( 'Hi' ),
				array(
					array(
						'kind'   => 'answer',
						'reason' => '',
					),
				),
				null
			);
		}
		$full = $this->rest(
			'POST',
			'/handoff-bot/v1/rules/simulations',
			array(
				'name'  => 'One too many',
				'turns' => array( 'Hi' ),
			)
		);
		$this->assertSame( 400, $full->get_status() );
		$this->assertSame( 'handoff_bot_too_many_simulations', $full->get_data()['code'] );
		$this->assertSame( Simulations::MAX, $simulations->count() );
	}
}
