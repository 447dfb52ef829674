<?php
/**
 * POST /handoff-bot/v1/conversations/{id}/choice
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Rest;

use HandoffBot\Conversations\Offer_Choices;
use HandoffBot\Escalation\Reason;
use HandoffBot\Repositories\Message_Repository;
use HandoffBot\Repositories\Storage_Exception;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

/**
 * The visitor's answer to the bot's offer to connect them to a person: accept (a handoff is
 * requested and the bot says so) or keep chatting. For the holder of the conversation's token.
 */
final class Choices_Controller extends Controller {

	/**
	 * Conversation flow.
	 *
	 * @var Offer_Choices
	 */
	private Offer_Choices $choices;

	/**
	 * Messages.
	 *
	 * @var Message_Repository
	 */
	private Message_Repository $messages;

	/**
	 * Who may use the route.
	 *
	 * @var Visitor_Guard
	 */
	private Visitor_Guard $guard;

	/**
	 * Builds the controller.
	 *
	 * @param Offer_Choices      $choices  Answers to offers.
	 * @param Message_Repository $messages Messages.
	 * @param Visitor_Guard      $guard    Who may use the route.
	 */
	public function __construct( Offer_Choices $choices, Message_Repository $messages, Visitor_Guard $guard ) {
		$this->rest_base = 'conversations';
		$this->choices   = $choices;
		$this->messages  = $messages;
		$this->guard     = $guard;
	}

	/**
	 * Registers the route.
	 */
	public function register_routes(): void {
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/(?P<id>\d+)/choice',
			array(
				array(
					'methods'             => WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'create_item' ),
					'permission_callback' => array( $this->guard, 'send_check' ),
					'args'                => array(
						'id'         => array(
							'type'     => 'integer',
							'minimum'  => 1,
							'required' => true,
						),
						'message_id' => array(
							'type'        => 'integer',
							'minimum'     => 1,
							'required'    => true,
							'description' => __( 'The bot message that made the offer.', 'handoff-bot' ),
						),
						'accept'     => array(
							'type'        => 'boolean',
							'required'    => true,
							'description' => __( 'Whether the visitor wants to be connected to a person.', 'handoff-bot' ),
						),
					),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}

	/**
	 * POST /conversations/{id}/choice
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function create_item( $request ) {
		$conversation = $this->guard->conversation( $request );
		$offer        = $this->messages->find( (int) $conversation['id'], (int) $request['message_id'] );
		if ( ! $offer || 'bot' !== $offer['role'] || Reason::KIND_OFFER_CHOICE !== ( $offer['meta']['decision']['kind'] ?? '' ) ) {
			return new WP_Error( 'handoff_bot_no_offer', __( 'That message did not offer to connect you to a person.', 'handoff-bot' ), array( 'status' => 400 ) );
		}
		if ( 'ended' === $conversation['status'] && ! isset( $offer['meta']['choice'] ) ) {
			return new WP_Error( 'handoff_bot_conversation_ended', __( 'This conversation has ended. Start a new one to keep chatting.', 'handoff-bot' ), array( 'status' => 409 ) );
		}
		try {
			$result = $this->choices->choose( $conversation, $offer, (bool) $request['accept'] );
		} catch ( Storage_Exception $e ) {
			return new WP_Error( 'handoff_bot_storage_unavailable', __( 'Your choice could not be saved just now. Please try again.', 'handoff-bot' ), array( 'status' => 503 ) );
		}
		return new WP_REST_Response(
			array(
				'accepted' => $result['accepted'],
				'reply'    => null === $result['reply'] ? null : array(
					'id'         => (int) $result['reply']['id'],
					'role'       => 'bot',
					'body'       => (string) $result['reply']['body'],
					'kind'       => 'handoff',
					'decision'   => array( 'kind' => Reason::KIND_HANDOFF ),
					'created_at' => Conversations_Controller::iso_time( (string) $result['reply']['created_at'] ),
				),
			)
		);
	}

	/**
	 * Schema of the answer.
	 *
	 * @return array<string, mixed>
	 */
	public function get_item_schema() {
		return $this->add_additional_fields_schema(
			array(
				'$schema'    => 'http://json-schema.org/draft-04/schema#',
				'title'      => 'handoff-bot-choice',
				'type'       => 'object',
				'properties' => array(
					'accepted' => array( 'type' => 'boolean' ),
					'reply'    => array( 'type' => array( 'object', 'null' ) ),
				),
			)
		);
	}
}
