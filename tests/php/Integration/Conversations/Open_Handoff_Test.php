<?php
/**
 * Tests for a conversation's one open handoff and the answers to offers.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Conversations;

use HandoffBot\Conversations\Handoff_Requests;
use HandoffBot\Conversations\Offer_Choices;
use HandoffBot\Escalation\Engine;
use HandoffBot\Escalation\Escalation_Service;
use HandoffBot\Escalation\Escalator;
use HandoffBot\Escalation\Policy;
use HandoffBot\Escalation\Policy_Store;
use HandoffBot\Escalation\Policy_Validator;
use HandoffBot\Escalation\Rule_Registry;
use HandoffBot\Handoff\Context_Builder;
use HandoffBot\Handoff\Presence;
use HandoffBot\Handoff\Routing;
use HandoffBot\Repositories\Config_Version_Repository;
use HandoffBot\Repositories\Conversation_Repository;
use HandoffBot\Repositories\Event_Repository;
use HandoffBot\Repositories\Handoff_Repository;
use HandoffBot\Repositories\Message_Repository;
use HandoffBot\Settings;
use HandoffBot\Signals\Signal_Registry;
use HandoffBot\Tests\Integration\Test_Case;

/**
 * A conversation has one open handoff: asking again is acknowledged without a second one, the
 * bot stops offering a person it already called, and personal data typed later still moves the
 * request to the private route. An offer records the turn and config version it was made at,
 * and is answered once, whatever order answers arrive in.
 */
final class Open_Handoff_Test extends Test_Case {

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
	 * Event types of a conversation, without its start and the visitor's messages.
	 *
	 * @param int $id Conversation.
	 * @return list<string>
	 */
	private function events( int $id ): array {
		return array_values( array_diff( array_column( ( new Event_Repository() )->for_conversation( $id ), 'type' ), array( 'conversation_started', 'message_received' ) ) );
	}

	/**
	 * The policy store.
	 */
	private function store(): Policy_Store {
		return new Policy_Store( new Config_Version_Repository(), new Policy_Validator() );
	}

	/**
	 * After a person is asked for, the bot still answers but no longer offers one; asking again
	 * is acknowledged as recorded, and the report counts one request.
	 */
	public function test_a_second_request_is_acknowledged_not_repeated(): void {
		list( $id, $token ) = $this->start_conversation();
		$first              = $this->send( $id, $token, 'A person, please.', '', array( 'human' => true ) )->get_data()['reply'];
		$this->assertStringContainsString( 'Connecting you to a person', $first['body'] );

		$unknown = $this->send( $id, $token, 'Can I rent a flamingo for my wedding?' )->get_data()['reply'];
		$this->assertSame( 'answer', $unknown['decision']['kind'], 'no second offer of a person' );
		$this->assertStringNotContainsString( 'connect you to our support team', $unknown['body'] );

		$again = $this->send( $id, $token, 'Hello? Still waiting for a person', '', array( 'human' => true ) )->get_data()['reply'];
		$this->assertSame( 'handoff', $again['decision']['kind'] );
		$this->assertStringStartsWith( 'Your request for a person is recorded', $again['body'] );
		$this->assertStringNotContainsString( 'Connecting you', $again['body'] );

		$this->assertCount( 1, ( new Handoff_Repository() )->for_conversation( $id ) );
		$this->assertSame( array( 'handoff_requested', 'routed', 'queued', 'answered', 'handoff_repeated' ), $this->events( $id ) );
	}

	/**
	 * A card number typed after the button moves the open handoff to the private route.
	 */
	public function test_personal_data_after_the_button_moves_the_handoff_to_the_private_route(): void {
		list( $id, $token ) = $this->start_conversation();
		$this->send( $id, $token, 'A person, please.', '', array( 'human' => true ) );
		$this->assertSame( 'live', ( new Handoff_Repository() )->for_conversation( $id )[0]['route'] );

		$reply = $this->send( $id, $token, 'My card 4242 4242 4242 4242 was charged twice' )->get_data()['reply'];
		$this->assertSame( 'private_handoff', $reply['decision']['kind'] );
		$this->assertStringContainsString( 'only our staff can see it', $reply['body'] );

		$handoffs = ( new Handoff_Repository() )->for_conversation( $id );
		$this->assertCount( 1, $handoffs );
		$this->assertSame( 'private', $handoffs[0]['route'] );
		$this->assertSame( array( 'handoff_requested', 'routed', 'queued', 'handoff_rerouted' ), $this->events( $id ) );
	}

	/**
	 * A long conversation (more messages than are read with each one) still records the right
	 * turn.
	 */
	public function test_the_turn_is_right_in_a_long_conversation(): void {
		( new Settings() )->update(
			array(
				'rate_limit_token_per_minute' => 100,
				'rate_limit_ip_per_minute'    => 100,
			)
		);
		// The same question over and over would be handed off for repetition: no signals here.
		add_filter( 'handoff_bot_signals', '__return_empty_array' );
		list( $id, $token ) = $this->start_conversation();
		$turns              = (int) ( Message_Repository::HISTORY / 2 ) + 3;
		for ( $i = 1; $i < $turns; $i++ ) {
			$this->assertSame( 201, $this->send( $id, $token, 'How long does alpaca delivery take?' )->get_status() );
		}
		$this->send( $id, $token, 'A person, please.', '', array( 'human' => true ) );
		remove_filter( 'handoff_bot_signals', '__return_empty_array' );
		$this->assertSame( $turns, ( new Handoff_Repository() )->for_conversation( $id )[0]['turn'] );
	}

	/**
	 * An offer accepted later records the turn and config version it was made at.
	 */
	public function test_an_accepted_offer_records_the_turn_and_version_it_was_made_at(): void {
		list( $id, $token ) = $this->start_conversation();
		$version            = (int) get_option( Settings::CONFIG_VERSION_OPTION );
		$offer              = $this->send( $id, $token, 'Can I rent a flamingo for my wedding?' )->get_data()['reply'];
		$this->assertSame( 'offer_choice', $offer['decision']['kind'] );
		$this->send( $id, $token, 'How long does alpaca delivery take?' );
		$store  = $this->store();
		$policy = Policy::defaults()->to_array();

		$policy['messages']['offer'] = 'Shall I fetch a colleague?';
		$this->assertIsArray( $store->save( $policy, 'Shorter offer', 'As expected.', $store->active_version(), 1 ) );
		$this->assertSame( $version + 1, (int) get_option( Settings::CONFIG_VERSION_OPTION ) );

		$accepted = $this->rest(
			'POST',
			'/handoff-bot/v1/conversations/' . $id . '/choice',
			array(
				'message_id' => $offer['id'],
				'accept'     => true,
			),
			array( 'X-Handoff-Bot-Token' => $token )
		);
		$this->assertSame( 200, $accepted->get_status() );
		$handoff = ( new Handoff_Repository() )->for_conversation( $id )[0];
		$this->assertSame( 1, $handoff['turn'] );
		$this->assertSame( $version, $handoff['config_version'] );
		$this->assertSame( 'missing_knowledge', $handoff['reason'] );
	}

	/**
	 * An offer made before offers kept their turn (an earlier version of the plugin) still gives
	 * the handoff its turn when accepted.
	 */
	public function test_an_offer_from_before_the_upgrade_counts_its_turn(): void {
		list( $id, $token ) = $this->start_conversation();
		$this->send( $id, $token, 'How long does alpaca delivery take?' );
		$offer    = $this->send( $id, $token, 'Can I rent a flamingo for my wedding?' )->get_data()['reply'];
		$messages = new Message_Repository();
		$stored   = $messages->find( $id, (int) $offer['id'] );
		$this->assertNotNull( $stored );
		$meta = $stored['meta'];
		unset( $meta['offer'] );
		$messages->update_meta( (int) $offer['id'], $meta, array() );

		$accepted = $this->rest(
			'POST',
			'/handoff-bot/v1/conversations/' . $id . '/choice',
			array(
				'message_id' => $offer['id'],
				'accept'     => true,
			),
			array( 'X-Handoff-Bot-Token' => $token )
		);
		$this->assertSame( 200, $accepted->get_status() );
		$this->assertSame( 2, ( new Handoff_Repository() )->for_conversation( $id )[0]['turn'] );
	}

	/**
	 * Two answers to the same offer from two tabs: whichever is recorded first stands, and the
	 * other gets it back (not an error), whatever either tab had read.
	 */
	public function test_the_first_answer_to_an_offer_stands(): void {
		list( $id, $token ) = $this->start_conversation();
		$reply              = $this->send( $id, $token, 'Can I rent a flamingo for my wedding?' )->get_data()['reply'];
		$messages           = new Message_Repository();
		$stale              = $messages->find( $id, (int) $reply['id'] );
		$this->assertNotNull( $stale );
		$conversation = ( new Conversation_Repository() )->find( $id );
		$this->assertNotNull( $conversation );
		$choices = new Offer_Choices(
			$messages,
			new Event_Repository(),
			new Handoff_Requests( new Handoff_Repository(), new Event_Repository(), new Routing( new Presence( new Event_Repository() ), new Handoff_Repository() ), new Context_Builder( new Conversation_Repository(), $messages ), new Conversation_Repository() ),
			new Escalator( new Escalation_Service( new Engine() ), new Signal_Registry(), new Rule_Registry(), array( $this->store(), 'active' ) )
		);

		$declined = $choices->choose( $conversation, $stale, false );
		$this->assertFalse( $declined['accepted'] );
		// The second tab read the offer before the first answered.
		$late = $choices->choose( $conversation, $stale, true );
		$this->assertFalse( $late['accepted'], 'the decline recorded first stands' );
		$this->assertSame( array(), ( new Handoff_Repository() )->for_conversation( $id ) );
		$this->assertSame( array( 'choice_offered', 'choice_declined' ), $this->events( $id ) );
	}

	/**
	 * The database keeps one open handoff per conversation, however two requests interleave.
	 */
	public function test_the_database_stores_one_open_handoff_per_conversation(): void {
		list( $id )  = $this->start_conversation();
		$repository  = new Handoff_Repository();
		$new_handoff = array(
			'conversation_id' => $id,
			'reason'          => 'user_requested',
			'trigger_type'    => 'user',
			'intent'          => '',
			'intent_score'    => null,
			'confidence'      => null,
			'turn'            => 1,
			'config_version'  => 1,
		);
		$this->assertGreaterThan( 0, $repository->create( $new_handoff ) );
		$this->assertSame( 0, $repository->create( array( 'reason' => 'frustration' ) + $new_handoff ) );
		$this->assertCount( 1, $repository->for_conversation( $id ) );
		$this->assertSame( 'user_requested', $repository->for_conversation( $id )[0]['reason'] );
	}

	/**
	 * The "I don't know" message is the admin's to word, and the offer of a person follows it.
	 */
	public function test_the_dont_know_message_is_the_admins(): void {
		$store  = $this->store();
		$policy = Policy::defaults()->to_array();

		$policy['messages']['dont_know'] = 'Our pages say nothing about that, sorry.';
		$this->assertIsArray( $store->save( $policy, 'Plainer wording', 'As expected.', $store->active_version(), 1 ) );

		list( $id, $token ) = $this->start_conversation();
		$reply              = $this->send( $id, $token, 'Can I rent a flamingo for my wedding?' )->get_data()['reply'];
		$this->assertStringStartsWith( 'Our pages say nothing about that, sorry.', $reply['body'] );
		$this->assertStringContainsString( 'connect you to our support team', $reply['body'], 'the offer follows it' );

	}
}
