<?php
/**
 * Tests for the escalation decisions in a visitor's conversation.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Conversations;

use HandoffBot\Contracts\Rule;
use HandoffBot\Contracts\Signal;
use HandoffBot\Escalation\Context;
use HandoffBot\Escalation\Decision;
use HandoffBot\Escalation\Policy;
use HandoffBot\Escalation\Policy_Store;
use HandoffBot\Escalation\Policy_Validator;
use HandoffBot\Repositories\Config_Version_Repository;
use HandoffBot\Repositories\Event_Repository;
use HandoffBot\Repositories\Handoff_Repository;
use HandoffBot\Settings;
use HandoffBot\Signals\Signal_Context;
use HandoffBot\Signals\Signal_Result;
use HandoffBot\Tests\Integration\Test_Case;

/**
 * Every decision reaches the visitor and is recorded: a handoff row for a handoff (from the
 * button, a rule, or an accepted offer), an event for every decision with the config version, and
 * the visitor's answer to an offer, once.
 */
final class Escalation_Flow_Test extends Test_Case {

	/**
	 * A help page, so that some questions are answered; a staffed site, so that a handoff goes to
	 * the live queue.
	 */
	protected function setUp(): void {
		parent::setUp();
		$this->staff_the_site();
		$this->create_post(
			array(
				'post_title'   => 'Alpaca shipping',
				'post_content' => "<!-- wp:heading -->\n<h2 class=\"wp-block-heading\">Alpaca delivery times</h2>\n<!-- /wp:heading -->\n<!-- wp:paragraph -->\n<p>Alpacas are delivered within 5 working days by our own trailer.</p>\n<!-- /wp:paragraph -->",
			)
		);
	}

	/**
	 * Removes the test signals and rules.
	 */
	protected function tearDown(): void {
		remove_all_filters( 'handoff_bot_signals' );
		remove_all_filters( 'handoff_bot_escalation_rules' );
		parent::tearDown();
	}

	/**
	 * Event types of a conversation, without its start.
	 *
	 * @param int $id Conversation.
	 * @return list<string>
	 */
	private function events( int $id ): array {
		return array_values( array_diff( array_column( ( new Event_Repository() )->for_conversation( $id ), 'type' ), array( 'conversation_started' ) ) );
	}

	/**
	 * The "talk to a person" button hands off at once: the visitor is told they are being
	 * connected, and a handoff is requested with the reason, trigger, turn and config version.
	 */
	public function test_the_button_requests_a_handoff(): void {
		list( $id, $token ) = $this->start_conversation();
		$this->send( $id, $token, 'How long does alpaca delivery take?' );
		$response = $this->send( $id, $token, 'I’d like to talk to a person.', '', array( 'human' => true ) );
		$this->assertSame( 201, $response->get_status() );
		$reply = $response->get_data()['reply'];
		$this->assertSame( 'handoff', $reply['kind'] );
		$this->assertSame( 'handoff', $reply['decision']['kind'] );
		$this->assertStringContainsString( 'Connecting you to a person', $reply['body'] );
		$this->assertArrayNotHasKey( 'reason', $reply['decision'], 'reasons are for staff' );

		$handoffs = ( new Handoff_Repository() )->for_conversation( $id );
		$this->assertCount( 1, $handoffs );
		$this->assertSame( 'requested', $handoffs[0]['status'] );
		$this->assertSame( 'user_requested', $handoffs[0]['reason'] );
		$this->assertSame( 'user', $handoffs[0]['trigger_type'] );
		$this->assertSame( 2, $handoffs[0]['turn'] );
		$this->assertSame( (int) get_option( Settings::CONFIG_VERSION_OPTION ), $handoffs[0]['config_version'] );
		$this->assertSame( array( 'message_received', 'answered', 'message_received', 'handoff_requested', 'routed', 'queued' ), $this->events( $id ) );

		// Asking again does not request a second handoff.
		$this->send( $id, $token, 'Hello? A person please', '', array( 'human' => true ) );
		$this->assertCount( 1, ( new Handoff_Repository() )->for_conversation( $id ) );
	}

	/**
	 * A question the pages cannot answer gets an honest "I don't know" with the offer of a person;
	 * accepting it requests a handoff for that reason, once.
	 */
	public function test_an_offer_accepted_requests_a_handoff_once(): void {
		list( $id, $token ) = $this->start_conversation();
		$offer              = $this->send( $id, $token, 'Can I rent a flamingo for my wedding?' )->get_data()['reply'];
		$this->assertSame( 'offer_choice', $offer['decision']['kind'] );
		$this->assertStringContainsString( 'connect you to our support team', $offer['body'] );
		$this->assertSame( array(), ( new Handoff_Repository() )->for_conversation( $id ) );

		$choose   = function ( bool $accept ) use ( $id, $token, $offer ) {
			return $this->rest(
				'POST',
				'/handoff-bot/v1/conversations/' . $id . '/choice',
				array(
					'message_id' => $offer['id'],
					'accept'     => $accept,
				),
				array( 'X-Handoff-Bot-Token' => $token )
			);
		};
		$accepted = $choose( true );
		$this->assertSame( 200, $accepted->get_status(), (string) wp_json_encode( $accepted->get_data() ) );
		$this->assertTrue( $accepted->get_data()['accepted'] );
		$this->assertStringContainsString( 'Connecting you to a person', $accepted->get_data()['reply']['body'] );
		$this->assertTrue( $choose( true )->get_data()['accepted'], 'answering again returns what was recorded' );
		$this->assertTrue( $choose( false )->get_data()['accepted'], 'the first answer stands' );

		$handoffs = ( new Handoff_Repository() )->for_conversation( $id );
		$this->assertCount( 1, $handoffs );
		$this->assertSame( 'missing_knowledge', $handoffs[0]['reason'] );
		$this->assertSame( 'system', $handoffs[0]['trigger_type'] );
		$this->assertSame( array( 'message_received', 'choice_offered', 'choice_accepted', 'handoff_requested', 'routed', 'queued' ), $this->events( $id ) );

		$messages = $this->rest( 'GET', '/handoff-bot/v1/conversations/' . $id . '/messages', array(), array( 'X-Handoff-Bot-Token' => $token ) )->get_data()['messages'];
		$this->assertSame( 'accepted', $messages[1]['decision']['choice'], 'the chat shows the offer as answered after a reload' );
	}

	/**
	 * Declining an offer keeps the bot, and is recorded for the report.
	 */
	public function test_an_offer_declined_keeps_the_bot(): void {
		list( $id, $token ) = $this->start_conversation();
		$offer              = $this->send( $id, $token, 'Can I rent a flamingo for my wedding?' )->get_data()['reply'];
		$declined           = $this->rest(
			'POST',
			'/handoff-bot/v1/conversations/' . $id . '/choice',
			array(
				'message_id' => $offer['id'],
				'accept'     => false,
			),
			array( 'X-Handoff-Bot-Token' => $token )
		);
		$this->assertSame( 200, $declined->get_status() );
		$this->assertFalse( $declined->get_data()['accepted'] );
		$this->assertNull( $declined->get_data()['reply'] );
		$this->assertSame( array(), ( new Handoff_Repository() )->for_conversation( $id ) );
		$this->assertSame( array( 'message_received', 'choice_offered', 'choice_declined' ), $this->events( $id ) );
	}

	/**
	 * Only the conversation's own visitor answers its offers, and only offers.
	 */
	public function test_who_may_answer_an_offer(): void {
		list( $id, $token ) = $this->start_conversation();
		$offer              = $this->send( $id, $token, 'Can I rent a flamingo for my wedding?' )->get_data()['reply'];
		$answer             = $this->send( $id, $token, 'How long does alpaca delivery take?' )->get_data()['reply'];
		list( , $other )    = $this->start_conversation();
		$route              = '/handoff-bot/v1/conversations/' . $id . '/choice';
		$body               = array(
			'message_id' => $offer['id'],
			'accept'     => true,
		);
		$this->assertSame( 401, $this->rest( 'POST', $route, $body )->get_status(), 'no token' );
		$this->assertSame( 403, $this->rest( 'POST', $route, $body, array( 'X-Handoff-Bot-Token' => $other ) )->get_status(), 'another visitor' );
		foreach ( array( 'subscriber', 'editor', 'administrator' ) as $role ) {
			wp_set_current_user( $this->create_user( $role ) );
			$this->assertSame( 401, $this->rest( 'POST', $route, $body )->get_status(), $role . ' without the token' );
		}
		wp_set_current_user( 0 );
		$not_offer = $this->rest(
			'POST',
			$route,
			array(
				'message_id' => $answer['id'],
				'accept'     => true,
			),
			array( 'X-Handoff-Bot-Token' => $token )
		);
		$this->assertSame( 400, $not_offer->get_status() );
		$this->assertSame( 'handoff_bot_no_offer', $not_offer->get_data()['code'] );
		$this->assertSame( 400, $this->rest( 'POST', $route, array( 'message_id' => $offer['id'] ), array( 'X-Handoff-Bot-Token' => $token ) )->get_status(), 'accept is required' );
		$this->assertSame( array(), ( new Handoff_Repository() )->for_conversation( $id ) );
	}

	/**
	 * Personal data typed into the chat takes the private route (here through a site's own
	 * signal, which the shipped sensitivity signal works like).
	 */
	public function test_a_private_decision_requests_a_private_handoff(): void {
		add_filter(
			'handoff_bot_signals',
			static function ( array $signals ): array {
				$signals[] = new class() implements Signal {
					/**
					 * Identifier.
					 */
					public function get_id(): string {
						return 'sensitivity';
					}

					/**
					 * A card-like number.
					 *
					 * @param Signal_Context $context Context.
					 */
					public function detect( Signal_Context $context ): Signal_Result {
						return preg_match( '/\d{4} \d{4} \d{4} \d{4}/', $context->text ) ? new Signal_Result( 'sensitivity', true, 1.0, 'card', array( 'card ending 4242' ) ) : Signal_Result::none( 'sensitivity' );
					}
				};
				return $signals;
			}
		);
		list( $id, $token ) = $this->start_conversation();
		$reply              = $this->send( $id, $token, 'My card 4242 4242 4242 4242 was charged twice' )->get_data()['reply'];
		$this->assertSame( 'private_handoff', $reply['decision']['kind'] );
		$this->assertStringContainsString( 'only our staff can see it', $reply['body'] );
		$handoffs = ( new Handoff_Repository() )->for_conversation( $id );
		$this->assertSame( 'sensitive_account', $handoffs[0]['reason'] );
		$this->assertSame( 'private', $handoffs[0]['route'] );
	}

	/**
	 * A site's rule that throws is skipped and recorded; the visitor still gets an answer.
	 */
	public function test_a_rule_that_throws_does_not_break_the_chat(): void {
		add_filter(
			'handoff_bot_escalation_rules',
			static function ( array $rules ): array {
				array_unshift(
					$rules,
					new class() implements Rule {
						/**
						 * Identifier.
						 */
						public function get_id(): string {
							return 'broken';
						}

						/**
						 * Label.
						 */
						public function get_label(): string {
							return 'Broken';
						}

						/**
						 * Settings.
						 *
						 * @return array<string, mixed>
						 */
						public function get_settings_schema(): array {
							return array();
						}

						/**
						 * Throws.
						 *
						 * @param Context $context Context.
						 * @throws \LogicException Always.
						 */
						public function evaluate( Context $context ): ?Decision {
							throw new \LogicException( 'broken rule' );
						}
					}
				);
				return $rules;
			}
		);
		list( $id, $token ) = $this->start_conversation();
		$response           = $this->send( $id, $token, 'How long does alpaca delivery take?' );
		$this->assertSame( 201, $response->get_status() );
		$this->assertStringContainsString( 'within 5 working days', $response->get_data()['reply']['body'] );
		$this->assertContains( 'rule_failed', $this->events( $id ) );
	}

	/**
	 * A conversation follows the policy in force: once an admin saves a new message, the next
	 * handoff uses it and is recorded under the new config version.
	 */
	public function test_the_saved_policy_is_the_one_in_force(): void {
		$store  = new Policy_Store( new Config_Version_Repository(), new Policy_Validator() );
		$policy = Policy::defaults()->to_array();

		$policy['messages']['connecting'] = 'One moment, a colleague from the alpaca team will join you.';
		$before                           = (int) get_option( Settings::CONFIG_VERSION_OPTION );
		$saved                            = $store->save( $policy, 'Warmer connecting message', 'As expected.', $store->active_version(), 1 );
		$this->assertIsArray( $saved, 'the policy is saved' );

		list( $id, $token ) = $this->start_conversation();
		$reply              = $this->send( $id, $token, 'A person, please.', '', array( 'human' => true ) )->get_data()['reply'];
		$this->assertStringStartsWith( 'One moment, a colleague from the alpaca team will join you.', $reply['body'] );
		$handoffs = ( new Handoff_Repository() )->for_conversation( $id );
		$this->assertSame( $before + 1, $handoffs[0]['config_version'] );
	}
}
