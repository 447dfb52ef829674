<?php
/**
 * The visitor's answer to the bot's offer of a person.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Conversations;

use HandoffBot\Escalation\Escalator;
use HandoffBot\Escalation\Reason;
use HandoffBot\Repositories\Conversation_Repository;
use HandoffBot\Repositories\Event_Repository;
use HandoffBot\Repositories\Message_Repository;
use HandoffBot\Repositories\Storage_Exception;
use HandoffBot\Settings;

defined( 'ABSPATH' ) || exit;

/**
 * Accepting the offer requests a handoff (for the offer's reason, with the turn, intent score and
 * config version of the offer) and the bot says so; declining keeps the bot. An offer is answered
 * once: the database keeps the first answer, and answering again returns it.
 *
 * @phpstan-import-type Conversation from Conversation_Repository
 * @phpstan-import-type Message from Message_Repository
 * @phpstan-type Choice array{accepted: bool, reply: Message|null, handoff_id: int}
 */
final class Offer_Choices {

	/**
	 * Messages.
	 *
	 * @var Message_Repository
	 */
	private Message_Repository $messages;

	/**
	 * Events.
	 *
	 * @var Event_Repository
	 */
	private Event_Repository $events;

	/**
	 * The conversation's one open handoff.
	 *
	 * @var Handoff_Requests
	 */
	private Handoff_Requests $requests;

	/**
	 * The escalation policy in force (for its messages).
	 *
	 * @var Escalator
	 */
	private Escalator $escalator;

	/**
	 * Builds the service.
	 *
	 * @param Message_Repository $messages  Messages.
	 * @param Event_Repository   $events    Events.
	 * @param Handoff_Requests   $requests  The conversation's one open handoff.
	 * @param Escalator          $escalator The escalation policy in force.
	 */
	public function __construct( Message_Repository $messages, Event_Repository $events, Handoff_Requests $requests, Escalator $escalator ) {
		$this->messages  = $messages;
		$this->events    = $events;
		$this->requests  = $requests;
		$this->escalator = $escalator;
	}

	/**
	 * Records the visitor's answer to an offer.
	 *
	 * @param array $conversation Conversation row.
	 * @phpstan-param Conversation $conversation
	 * @param array $offer        The bot message that made the offer.
	 * @phpstan-param Message $offer
	 * @param bool  $accept       Whether the visitor accepts.
	 * @return Choice
	 * @throws Storage_Exception When the database refuses it.
	 */
	public function choose( array $conversation, array $offer, bool $accept ): array {
		if ( isset( $offer['meta']['choice'] ) ) {
			return $this->recorded( $offer );
		}
		$conversation_id = (int) $conversation['id'];
		$intent          = (string) ( $offer['meta']['decision']['intent'] ?? '' );
		$routed          = $accept ? $this->requests->route( $conversation_id, $intent, false, $this->escalator->policy() ) : null;
		$result          = $this->messages->transaction(
			function () use ( $conversation_id, $offer, $accept, $routed ): ?array {
				return $accept ? $this->accept( $conversation_id, $offer, $routed ) : $this->decline( $conversation_id, $offer );
			}
		);
		if ( null !== $result ) {
			$this->requests->complete( $conversation_id );
			return $result;
		}
		// Another request answered the offer first: its answer stands.
		$fresh = $this->messages->find( $conversation_id, (int) $offer['id'] );
		return $this->recorded( $fresh ?? $offer );
	}

	/**
	 * Declines the offer (inside the transaction).
	 *
	 * @param int   $conversation_id Conversation.
	 * @param array $offer           The offer.
	 * @phpstan-param Message $offer
	 * @return Choice|null Null when the offer was already answered.
	 * @throws Storage_Exception When the database refuses it.
	 */
	private function decline( int $conversation_id, array $offer ): ?array {
		if ( ! $this->messages->claim_choice( (int) $offer['id'], $offer['meta'], array( 'choice' => 'declined' ) ) ) {
			return null;
		}
		$this->events->record(
			'choice_declined',
			$conversation_id,
			array(
				'message_id' => (int) $offer['id'],
				'reason'     => (string) ( $offer['meta']['decision']['reason'] ?? '' ),
			)
		);
		return array(
			'accepted'   => false,
			'reply'      => null,
			'handoff_id' => 0,
		);
	}

	/**
	 * Accepts the offer (inside the transaction): the handoff, the reply and the events.
	 *
	 * @param int        $conversation_id Conversation.
	 * @param array      $offer           The offer.
	 * @phpstan-param Message $offer
	 * @param array|null $routed          The handoff's route and team, or null when unrouted.
	 * @phpstan-param array{route: \HandoffBot\Handoff\Route, team: string}|null $routed
	 * @return Choice|null Null when the offer was already answered.
	 * @throws Storage_Exception When the database refuses it.
	 */
	private function accept( int $conversation_id, array $offer, ?array $routed ): ?array {
		$decision = (array) ( $offer['meta']['decision'] ?? array() );
		$made     = (array) ( $offer['meta']['offer'] ?? array() );
		$reason   = (string) ( $decision['reason'] ?? Reason::USER_REQUESTED );
		$trigger  = (string) ( $decision['trigger'] ?? Reason::TRIGGER_USER );
		if ( ! $this->messages->claim_choice( (int) $offer['id'], $offer['meta'], array( 'choice' => 'accepted' ) ) ) {
			return null;
		}
		$handoff = $this->requests->request(
			array(
				'conversation_id' => $conversation_id,
				'reason'          => $reason,
				'trigger_type'    => $trigger,
				'intent'          => (string) ( $decision['intent'] ?? '' ),
				'intent_score'    => isset( $made['intent_score'] ) ? (float) $made['intent_score'] : null,
				'confidence'      => isset( $offer['meta']['confidence'] ) ? (float) $offer['meta']['confidence'] : null,
				// An offer made before offers kept their turn: count the visitor's messages before it.
				'turn'            => isset( $made['turn'] ) ? (int) $made['turn'] : $this->messages->count_before( $conversation_id, (int) $offer['id'], 'visitor' ),
				'config_version'  => (int) ( $made['config_version'] ?? get_option( Settings::CONFIG_VERSION_OPTION, 1 ) ),
			),
			false,
			$routed
		);
		$this->messages->update_meta(
			(int) $offer['id'],
			$offer['meta'],
			array(
				'choice'            => 'accepted',
				'choice_handoff_id' => $handoff['id'],
			)
		);
		$opened = Handoff_Requests::OPENED === $handoff['status'];
		$policy = $this->escalator->policy();
		$reply  = $this->messages->add(
			$conversation_id,
			'bot',
			$opened ? ( Handoff_Requests::opened_message( $policy, $routed ) ?? $policy->message( 'connecting' ) . "\n\n" . $policy->message( 'recorded' ) ) : $policy->message( 'recorded' ),
			array(
				'kind'       => 'handoff',
				'decision'   => array(
					'kind'    => Reason::KIND_HANDOFF,
					'reason'  => $reason,
					'trigger' => $trigger,
					'rule'    => (string) ( $decision['rule'] ?? '' ),
					'signals' => array(),
					'intent'  => (string) ( $decision['intent'] ?? '' ),
				),
				'handoff_id' => $handoff['id'],
			),
			null,
			(int) $offer['id']
		);
		$this->events->record(
			'choice_accepted',
			$conversation_id,
			array(
				'message_id' => (int) $offer['id'],
				'reason'     => $reason,
			),
			$handoff['id']
		);
		$this->events->record(
			$opened ? 'handoff_requested' : 'handoff_repeated',
			$conversation_id,
			array(
				'reason'   => $reason,
				'trigger'  => $trigger,
				'decision' => Reason::KIND_HANDOFF,
				'accepted' => true,
				'reply_id' => (int) $reply['id'],
			),
			$handoff['id']
		);
		if ( $opened ) {
			$this->requests->record_route( $conversation_id, $handoff['id'], $routed );
		}
		return array(
			'accepted'   => true,
			'reply'      => $reply,
			'handoff_id' => $handoff['id'],
		);
	}

	/**
	 * What was recorded for an offer already answered.
	 *
	 * @param array $offer The offer.
	 * @phpstan-param Message $offer
	 * @return Choice
	 * @throws Storage_Exception When the database cannot be read.
	 */
	private function recorded( array $offer ): array {
		$accepted = 'accepted' === ( $offer['meta']['choice'] ?? '' );
		return array(
			'accepted'   => $accepted,
			'reply'      => $accepted ? $this->messages->find_reply( (int) $offer['id'] ) : null,
			'handoff_id' => (int) ( $offer['meta']['choice_handoff_id'] ?? 0 ),
		);
	}
}
