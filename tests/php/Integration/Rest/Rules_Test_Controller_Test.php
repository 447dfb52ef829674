<?php
/**
 * Tests for POST /rules/test.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Rest;

use HandoffBot\Contracts\Answerer;
use HandoffBot\Contracts\Signal;
use HandoffBot\Escalation\Policy;
use HandoffBot\Escalation\Policy_Store;
use HandoffBot\Escalation\Reason;
use HandoffBot\Escalation\Simulations;
use HandoffBot\Knowledge\Answer;
use HandoffBot\Settings;
use HandoffBot\Signals\Intent_Model_Cache;
use HandoffBot\Signals\Signal_Context;
use HandoffBot\Signals\Signal_Result;
use HandoffBot\Tests\Integration\Rules_Fixtures;
use HandoffBot\Tests\Integration\Test_Case;

require_once dirname( __DIR__ ) . '/Rules_Fixtures.php';

/**
 * The live tester runs the real service turn by turn, with the policy in force or an unsaved
 * one, and stores nothing.
 */
final class Rules_Test_Controller_Test extends Test_Case {

	use Rules_Fixtures;

	/**
	 * Filters added by a test.
	 *
	 * @var array<int, array{0: string, 1: callable}>
	 */
	private array $filters = array();

	/**
	 * Signs in an administrator.
	 */
	protected function setUp(): void {
		parent::setUp();
		wp_set_current_user( $this->create_user( 'administrator' ) );
	}

	/**
	 * Removes the test's filters.
	 */
	protected function tearDown(): void {
		foreach ( $this->filters as list( $hook, $callback ) ) {
			remove_filter( $hook, $callback, 1000 );
		}
		$this->drop_zebracorn_intent();
		parent::tearDown();
	}

	/**
	 * Adds a filter for this test only.
	 *
	 * @param string   $hook     Filter.
	 * @param callable $callback Callback.
	 */
	private function filter( string $hook, callable $callback ): void {
		add_filter( $hook, $callback, 1000 );
		$this->filters[] = array( $hook, $callback );
	}

	/**
	 * Makes the site's answerer one that answers every question with the given kind.
	 *
	 * @param string $kind Answer kind.
	 */
	private function answer_with( string $kind ): void {
		$this->filter(
			'handoff_bot_answerer',
			function () use ( $kind ): Answerer {
				return new class( $kind ) implements Answerer {
					/**
					 * Kind.
					 *
					 * @var string
					 */
					private string $kind;

					/**
					 * Builds it.
					 *
					 * @param string $kind Kind.
					 */
					public function __construct( string $kind ) {
						$this->kind = $kind;
					}

					/**
					 * {@inheritDoc}
					 *
					 * @param string $question Question.
					 * @param string $language Language.
					 */
					public function answer( string $question, string $language ): Answer {
						$known = Answer::KIND_ANSWER === $this->kind;
						return new Answer( $this->kind, $known ? 'Zebracorns graze at dawn.' : 'I don’t know.', $known ? 0.9 : 0.05, $known ? array( array( 'title' => 'Zebracorns', 'url' => home_url( '/zebracorns/' ), 'anchor' => '', 'heading' => '' ) ) : array() ); // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound -- one citation.
					}
				};
			}
		);
	}

	/**
	 * Rows in the plugin's tables, and the options a conversation or a save would change.
	 *
	 * @return array<string, mixed>
	 */
	private function footprint(): array {
		global $wpdb;
		$out = array();
		foreach ( array( 'conversations', 'messages', 'events', 'handoffs', 'config_versions' ) as $table ) {
			$out[ $table ] = (int) $wpdb->get_var( $wpdb->prepare( 'SELECT COUNT(*) FROM %i', $wpdb->prefix . 'handoff_bot_' . $table ) );
		}
		foreach ( array( Policy_Store::OPTION, Settings::CONFIG_VERSION_OPTION, Simulations::OPTION, Intent_Model_Cache::OPTION ) as $option ) {
			$out[ $option ] = get_option( $option );
		}
		return $out;
	}

	/**
	 * Each turn has its signals, answer, decision, unproductive count and skipped rules; each
	 * turn's history counts the earlier turns the bot could not answer, so the third "don't
	 * know" hands off; nothing is stored.
	 */
	public function test_turns_are_run_in_order_and_nothing_is_stored(): void {
		$this->answer_with( Answer::KIND_DONT_KNOW );
		$before   = $this->footprint();
		$response = $this->rest( 'POST', '/handoff-bot/v1/rules/test', array( 'turns' => array( 'Where do zebracorns sleep?', 'And what do they eat?', 'Do they like carrots?' ) ) );
		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$turns = $this->json( $response )['turns'];

		$this->assertCount( 3, $turns );
		foreach ( $turns as $turn ) {
			$this->assertSame( array( 'text', 'language', 'signals', 'answer', 'decision', 'unproductive', 'skipped' ), array_keys( $turn ) );
			$this->assertSame( 'en', $turn['language'] );
			$this->assertSame( array( 'kind', 'reason', 'trigger', 'rule', 'signals', 'intent' ), array_keys( $turn['decision'] ) );
			$this->assertSame( array( 'kind', 'body', 'confidence', 'citations' ), array_keys( $turn['answer'] ) );
			$this->assertSame( 'dont_know', $turn['answer']['kind'] );
		}
		$this->assertSame( 'Where do zebracorns sleep?', $turns[0]['text'] );
		$this->assertSame( array( 0, 1, 2 ), array_column( $turns, 'unproductive' ) );
		$decisions = array_map(
			static function ( array $turn ): string {
				return $turn['decision']['kind'] . ' ' . $turn['decision']['reason'] . ' ' . $turn['decision']['rule'];
			},
			$turns
		);
		$this->assertSame( array( 'offer_choice missing_knowledge knowledge_gap', 'offer_choice repeated_failure repeated_failure', 'handoff repeated_failure repeated_failure' ), $decisions );
		$this->assertStringContainsString( '"signals":{', (string) wp_json_encode( $response->get_data() ) );
		$this->assertSame( $before, $this->footprint() );
	}

	/**
	 * A turn sent with the "talk to a person" button hands off at the visitor's request, before
	 * any answer, whatever the signals say.
	 */
	public function test_the_button_turn_hands_off_at_the_visitors_request(): void {
		$this->answer_with( Answer::KIND_ANSWER );
		$turns = $this->json(
			$this->rest(
				'POST',
				'/handoff-bot/v1/rules/test',
				array(
					'turns'     => array( 'Where do zebracorns sleep?', 'Talk to a person' ),
					'button_at' => 1,
				)
			)
		)['turns'];
		$this->assertSame( Reason::KIND_ANSWER, $turns[0]['decision']['kind'] );
		$this->assertSame( 'Zebracorns graze at dawn.', $turns[0]['answer']['body'] );
		$this->assertSame( home_url( '/zebracorns/' ), $turns[0]['answer']['citations'][0]['url'] );
		$this->assertSame(
			array(
				'kind'    => Reason::KIND_HANDOFF,
				'reason'  => Reason::USER_REQUESTED,
				'trigger' => Reason::TRIGGER_USER,
				'rule'    => 'human_request',
			),
			array_intersect_key( $turns[1]['decision'], array_flip( array( 'kind', 'reason', 'trigger', 'rule' ) ) )
		);
		$this->assertNull( $turns[1]['answer'] );
	}

	/**
	 * An unsaved policy is the one tried; without one, the policy in force is.
	 */
	public function test_an_unsaved_policy_is_used(): void {
		$this->answer_with( Answer::KIND_ANSWER );
		$this->use_zebracorn_intent();
		$before = $this->footprint();
		$turns  = array( 'My zebracorn bit the postman' );

		$unsaved = $this->json( $this->rest( 'POST', '/handoff-bot/v1/rules/test', array( 'turns' => $turns, 'policy' => $this->policy_with_zebracorn( Reason::POLICY_HUMAN ) ) ) )['turns'][0]; // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound -- two parameters.
		$this->assertSame( Reason::KIND_HANDOFF, $unsaved['decision']['kind'] );
		$this->assertSame( Reason::BUSINESS_RULE, $unsaved['decision']['reason'] );
		$this->assertSame( 'intent_policy', $unsaved['decision']['rule'] );
		$this->assertSame( 'zebracorn', $unsaved['decision']['intent'] );
		$this->assertTrue( $unsaved['signals']['intent']['fired'] );
		$this->assertSame( array( 'zebracorn' ), $unsaved['signals']['intent']['evidence'] );

		$private = $this->json( $this->rest( 'POST', '/handoff-bot/v1/rules/test', array( 'turns' => $turns, 'policy' => $this->policy_with_zebracorn( Reason::POLICY_PRIVATE ) ) ) )['turns'][0]; // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound -- two parameters.
		$this->assertSame( Reason::KIND_PRIVATE_HANDOFF, $private['decision']['kind'] );

		$in_force = $this->json( $this->rest( 'POST', '/handoff-bot/v1/rules/test', array( 'turns' => $turns ) ) )['turns'][0];
		$this->assertSame( Reason::KIND_ANSWER, $in_force['decision']['kind'], 'the policy in force has no zebracorn intent' );
		$this->assertFalse( $in_force['signals']['intent']['fired'] );
		$this->assertSame( $before, $this->footprint() );
	}

	/**
	 * As in the chat, once a person is called the bot answers while the visitor waits: no offer,
	 * no second handoff for failing again; and the "I don't know" reply is the policy's.
	 */
	public function test_after_a_handoff_the_bot_answers(): void {
		$this->answer_with( Answer::KIND_DONT_KNOW );
		$policy                          = Policy::defaults()->to_array();
		$policy['messages']['dont_know'] = 'Nothing on our pages about that.';
		$response                        = $this->rest(
			'POST',
			'/handoff-bot/v1/rules/test',
			array(
				'turns'     => array( 'Hello', 'Where do zebracorns sleep?', 'And what do they eat?', 'Do they like carrots?' ),
				'button_at' => 0,
				'policy'    => $policy,
			)
		);
		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$turns = $this->json( $response )['turns'];
		$this->assertSame( array( 'handoff', 'answer', 'answer', 'answer' ), array_column( array_column( $turns, 'decision' ), 'kind' ) );
		$this->assertSame( 'Nothing on our pages about that.', $turns[1]['answer']['body'] );
	}

	/**
	 * Trying unsaved intents with the shipped intent signal prepares their model, but keeps none
	 * of it: the kept model stays the one of the rules in force.
	 */
	public function test_unsaved_intents_leave_the_kept_model_alone(): void {
		$this->answer_with( Answer::KIND_ANSWER );
		$before = $this->footprint();
		$turn   = $this->json( $this->rest( 'POST', '/handoff-bot/v1/rules/test', array( 'turns' => array( 'Where is my zebracorn?' ), 'policy' => $this->policy_with_zebracorn( Reason::POLICY_HUMAN ) ) ) )['turns'][0]; // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound -- two parameters.
		$this->assertSame( 'zebracorn', $turn['decision']['intent'], 'the unsaved intent was recognised' );
		$this->assertSame( $before, $this->footprint() );
	}

	/**
	 * A signal that throws is skipped and reported; the turn still gets a decision.
	 */
	public function test_a_failing_signal_is_reported_and_skipped(): void {
		$this->answer_with( Answer::KIND_ANSWER );
		$this->filter(
			'handoff_bot_signals',
			static function ( $signals ): array {
				$signals   = (array) $signals;
				$signals[] = new class() implements Signal {
					/**
					 * {@inheritDoc}
					 */
					public function get_id(): string {
						return 'broken';
					}

					/**
					 * {@inheritDoc}
					 *
					 * @param Signal_Context $context Context.
					 * @throws \RuntimeException Always.
					 */
					public function detect( Signal_Context $context ): Signal_Result {
						throw new \RuntimeException( 'The broken signal broke.' );
					}
				};
				return $signals;
			}
		);
		$turn = $this->json( $this->rest( 'POST', '/handoff-bot/v1/rules/test', array( 'turns' => array( 'Hello zebracorns' ) ) ) )['turns'][0];
		$this->assertContains(
			array(
				'rule'  => 'signal:broken',
				'error' => 'The broken signal broke.',
			),
			$turn['skipped']
		);
		$this->assertArrayNotHasKey( 'broken', $turn['signals'] );
		$this->assertSame( Reason::KIND_ANSWER, $turn['decision']['kind'] );
	}

	/**
	 * Bad turns, a button turn that is not one of them, and an invalid policy are refused.
	 */
	public function test_bad_input_is_refused(): void {
		$long  = str_repeat( 'z', 2001 );
		$cases = array(
			array( 'rest_invalid_param', array( 'turns' => array() ) ),
			array( 'rest_invalid_param', array( 'turns' => array_fill( 0, 21, 'Hello' ) ) ),
			array( 'rest_invalid_param', array( 'turns' => array( 'Hello', '   ' ) ) ),
			array( 'rest_invalid_param', array( 'turns' => array( $long ) ) ),
			array( 'rest_invalid_param', array( 'turns' => array( array( 'Hello' ) ) ) ),
			array( 'rest_missing_callback_param', array() ),
			array( 'rest_invalid_param', array( 'turns' => array( 'Hello', 'Agent' ), 'button_at' => 2 ) ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound -- a table.
			array( 'rest_invalid_param', array( 'turns' => array( 'Hello' ), 'button_at' => -1 ) ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound -- a table.
			array( 'handoff_bot_invalid_policy', array( 'turns' => array( 'Hello' ), 'policy' => array( 'intents' => 'none' ) ) ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound -- a table.
		);
		foreach ( $cases as list( $code, $params ) ) {
			$response = $this->rest( 'POST', '/handoff-bot/v1/rules/test', $params );
			$this->assertSame( 400, $response->get_status(), (string) wp_json_encode( $params ) );
			$this->assertSame( $code, $response->get_data()['code'], (string) wp_json_encode( $params ) );
			$this->assertNotSame( '', $response->get_data()['message'] );
		}
		$too_long = $this->rest( 'POST', '/handoff-bot/v1/rules/test', array( 'turns' => array( 'Hi', $long ) ) )->get_data();
		$this->assertStringContainsString( 'Turn 2', $too_long['data']['params']['turns'] );
		$invalid = $this->rest( 'POST', '/handoff-bot/v1/rules/test', array( 'turns' => array( 'Hello' ), 'policy' => array_merge( Policy::defaults()->to_array(), array( 'thresholds' => array() ) ) ) )->get_data(); // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound -- two parameters.
		$this->assertArrayHasKey( 'thresholds.intent', $invalid['data']['errors'] );

		update_option( Settings::OPTION, array_merge( ( new Settings() )->all(), array( 'max_message_length' => 50 ) ) );
		$this->assertSame( 400, $this->rest( 'POST', '/handoff-bot/v1/rules/test', array( 'turns' => array( str_repeat( 'z', 51 ) ) ) )->get_status(), 'the site’s message limit applies' );
	}
}
