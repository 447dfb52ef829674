<?php
/**
 * The conversation flow.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Conversations;

use HandoffBot\Contracts\Answerer;
use HandoffBot\Knowledge\Answer;
use HandoffBot\Knowledge\Extractive_Answerer;
use HandoffBot\Escalation\Decision;
use HandoffBot\Escalation\Escalator;
use HandoffBot\Escalation\Reason;
use HandoffBot\Repositories\Conversation_Repository;
use HandoffBot\Repositories\Handoff_Repository;
use HandoffBot\Repositories\Event_Repository;
use HandoffBot\Repositories\Message_Repository;
use HandoffBot\Repositories\Storage_Exception;
use HandoffBot\Settings;
use HandoffBot\Signals\Language_Signal;

defined( 'ABSPATH' ) || exit;

/**
 * Starts conversations and handles visitor messages: store first, then everything that can fail.
 *
 * @phpstan-import-type Conversation from Conversation_Repository
 * @phpstan-import-type Message from Message_Repository
 * @phpstan-import-type Trail_Entry from Page_Trail
 */
final class Conversation_Service {

	/**
	 * Conversations.
	 *
	 * @var Conversation_Repository
	 */
	private Conversation_Repository $conversations;

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
	 * Page trail.
	 *
	 * @var Page_Trail
	 */
	private Page_Trail $trail;

	/**
	 * Language detection.
	 *
	 * @var Language_Signal
	 */
	private Language_Signal $language;

	/**
	 * Builds the answerer only when a message needs one, so reading messages never loads the index.
	 *
	 * @var callable(): Answerer
	 */
	private $answerer_factory;

	/**
	 * The escalation policy in force.
	 *
	 * @var Escalator
	 */
	private Escalator $escalator;

	/**
	 * Handoffs.
	 *
	 * @var Handoff_Repository
	 */
	private Handoff_Repository $handoffs;

	/**
	 * Replies for decisions.
	 *
	 * @var Reply_Composer
	 */
	private Reply_Composer $composer;

	/**
	 * Builds the service.
	 *
	 * @param Conversation_Repository $conversations    Conversations.
	 * @param Message_Repository      $messages         Messages.
	 * @param Event_Repository        $events           Events.
	 * @param Page_Trail              $trail            Page trail.
	 * @param Language_Signal         $language         Language detection.
	 * @param callable                $answerer_factory Returns the Answerer.
	 * @param Escalator               $escalator        The escalation policy in force.
	 * @param Handoff_Repository      $handoffs         Handoffs.
	 */
	public function __construct( Conversation_Repository $conversations, Message_Repository $messages, Event_Repository $events, Page_Trail $trail, Language_Signal $language, callable $answerer_factory, Escalator $escalator, Handoff_Repository $handoffs ) {
		$this->conversations    = $conversations;
		$this->messages         = $messages;
		$this->events           = $events;
		$this->trail            = $trail;
		$this->language         = $language;
		$this->answerer_factory = $answerer_factory;
		$this->escalator        = $escalator;
		$this->handoffs         = $handoffs;
		$this->composer         = new Reply_Composer();
	}

	/**
	 * Starts a conversation.
	 *
	 * @param int    $user_id    Logged-in visitor, or 0.
	 * @param string $page_url   Page the chat was opened on.
	 * @param string $page_title Its title.
	 * @return array{id: int, token: string, conversation: Conversation}
	 * @throws Storage_Exception When the database refuses it.
	 */
	public function start( int $user_id, string $page_url, string $page_title ): array {
		$token = Visitor_Token::generate();
		$trail = $this->trail->add( array(), $page_url, $page_title );
		$id    = $this->conversations->create( Visitor_Token::hash( $token ), $user_id, $trail, (int) get_option( Settings::CONFIG_VERSION_OPTION, 1 ) );
		$this->events->append(
			'conversation_started',
			$id,
			array(
				'user'  => $user_id > 0,
				'pages' => count( $trail ),
			)
		);
		$conversation = $this->conversations->find( $id );
		if ( null === $conversation ) {
			throw new Storage_Exception( 'The new conversation could not be read back.' );
		}
		return array(
			'id'           => $id,
			'token'        => $token,
			'conversation' => $conversation,
		);
	}

	/**
	 * Handles a visitor message: stores it (once per idempotency key), then answers it (once).
	 *
	 * @param array  $conversation    Conversation row.
	 * @phpstan-param Conversation $conversation
	 * @param string $text            Validated message text.
	 * @param string $idempotency_key Client key.
	 * @param string $page_url        Current page.
	 * @param string $page_title      Its title.
	 * @param bool   $button          Whether the visitor pressed "talk to a person" (the text is the button's).
	 * @return array{message: Message, reply: Message, replayed: bool}
	 * @throws Storage_Exception When the visitor message cannot be stored.
	 */
	public function handle_visitor_message( array $conversation, string $text, string $idempotency_key, string $page_url, string $page_title, bool $button = false ): array {
		$conversation_id = (int) $conversation['id'];

		// 1. Store the message before anything that can fail. The key is unique per conversation,
		// so a resend (or a concurrent one) is refused by the database and found by its key.
		$replayed = false;
		try {
			$message = $this->messages->transaction(
				function () use ( $conversation_id, $text, $page_url, $idempotency_key, $button ): array {
					$meta    = array( 'page_url' => $this->trail->same_site_url( $page_url ) ) + ( $button ? array( 'button' => true ) : array() );
					$message = $this->messages->add( $conversation_id, 'visitor', $text, $meta, $idempotency_key );
					$this->events->record( 'message_received', $conversation_id, array( 'message_id' => $message['id'] ) );
					return $message;
				}
			);
		} catch ( Storage_Exception $e ) {
			$message = $this->messages->find_by_key( $conversation_id, $idempotency_key );
			if ( ! $message ) {
				throw $e;
			}
			$replayed = true;
		}

		// 2. A message is answered once: a resend gets the stored reply.
		$reply = $replayed ? $this->messages->find_reply( (int) $message['id'] ) : null;
		if ( $reply ) {
			return array(
				'message'  => $message,
				'reply'    => $reply,
				'replayed' => true,
			);
		}

		$this->remember_page( $conversation, $page_url, $page_title );

		// 3. Signals, the escalation policy, and the answer where the decision still needs one.
		// Any failure here still leaves the visitor's message stored and gets an honest reply.
		$language = $this->language->detect( $text );
		$history  = History::turns( $this->messages->before( $conversation_id, (int) $message['id'] ) );
		$answer   = function () use ( $conversation_id, $text, $language ): Answer {
			try {
				return $this->answerer()->answer( $text, $language );
			} catch ( \Throwable $e ) {
				$this->events->append( 'answer_failed', $conversation_id, array( 'error' => $e->getMessage() ) );
				return new Answer( Answer::KIND_DONT_KNOW, Extractive_Answerer::dont_know_text(), 0.0 );
			}
		};
		try {
			$outcome = $this->escalator->handle( $text, $language, $history, $answer, $button );
		} catch ( \Throwable $e ) {
			$this->events->append( 'escalation_failed', $conversation_id, array( 'error' => $e->getMessage() ) );
			$outcome = array(
				'signals'      => array(),
				'answer'       => $answer(),
				'decision'     => Decision::answer(),
				'unproductive' => 0,
				'skipped'      => array(),
			);
		}
		foreach ( $outcome['skipped'] as $skipped ) {
			$this->events->append( 'rule_failed', $conversation_id, $skipped );
		}
		$composed = $this->composer->compose( $outcome, $this->escalator->policy(), $language );
		$decision = $outcome['decision'];
		$turn     = 1 + count( array_filter( $history, static fn( array $t ): bool => 'visitor' === $t['role'] ) );
		$meta     = $composed['meta'];
		try {
			// The reply, its event and the handoff (if one is requested) commit together.
			$reply = $this->messages->transaction(
				function () use ( $conversation_id, $message, $composed, $decision, $outcome, $turn ): array {
					$data = $composed['event_data'];
					$meta = $composed['meta'];
					if ( $decision->is_handoff() ) {
						$open               = $this->handoffs->open_for( $conversation_id );
						$data['handoff_id'] = $open ? $open['id'] : $this->request_handoff( $conversation_id, $decision->reason, $decision->trigger, $decision->intent, $outcome, $turn, Reason::KIND_PRIVATE_HANDOFF === $decision->kind );
						$meta['handoff_id'] = $data['handoff_id'];
					}
					$reply              = $this->messages->add( $conversation_id, 'bot', $composed['body'], $meta, null, (int) $message['id'] );
					$data['message_id'] = (int) $message['id'];
					$data['reply_id']   = (int) $reply['id'];
					$this->events->record( $composed['event'], $conversation_id, $data, (int) ( $data['handoff_id'] ?? 0 ) );
					return $reply;
				}
			);
		} catch ( Storage_Exception $e ) {
			// Another request answered it first (the reply is unique per message), or the write failed.
			$reply = $this->messages->find_reply( (int) $message['id'] );
			if ( ! $reply ) {
				$reply = array(
					'id'              => 0,
					'conversation_id' => $conversation_id,
					'role'            => 'bot',
					'body'            => $composed['body'],
					'idempotency_key' => null,
					'reply_to'        => (int) $message['id'],
					'meta'            => $meta,
					'feedback'        => null,
					'created_at'      => gmdate( 'Y-m-d H:i:s' ),
				);
			}
			return array(
				'message'  => $message,
				'reply'    => $reply,
				'replayed' => $replayed,
			);
		}//end try

		if ( '' === (string) $conversation['language'] && 'und' !== $language ) {
			try {
				$this->conversations->update( $conversation_id, array( 'language' => $language ) );
			} catch ( Storage_Exception $e ) {
				unset( $e );
				// The language is a convenience; the messages are stored.
			}
		}
		return array(
			'message'  => $message,
			'reply'    => $reply,
			'replayed' => $replayed,
		);
	}

	/**
	 * Records a requested handoff (inside the caller's transaction).
	 *
	 * @param int    $conversation_id Conversation.
	 * @param string $reason          Reason code.
	 * @param string $trigger         Trigger.
	 * @param string $intent          Intent, or ''.
	 * @param array  $outcome         The escalation outcome (for the intent's score and the confidence).
	 * @phpstan-param array{signals: array<string, \HandoffBot\Signals\Signal_Result>, answer: Answer|null} $outcome
	 * @param int    $turn            The visitor's turn.
	 * @param bool   $private         Whether it takes the private route.
	 * @return int The handoff's ID.
	 * @throws Storage_Exception When the database refuses it.
	 */
	private function request_handoff( int $conversation_id, string $reason, string $trigger, string $intent, array $outcome, int $turn, bool $private ): int {
		$signal = $outcome['signals']['intent'] ?? null;
		return $this->handoffs->create(
			array(
				'conversation_id' => $conversation_id,
				'reason'          => $reason,
				'trigger_type'    => $trigger,
				'route'           => $private ? 'private' : '',
				'intent'          => $intent,
				'intent_score'    => null !== $signal && $signal->fired ? round( $signal->score, 3 ) : null,
				'confidence'      => null !== $outcome['answer'] ? $outcome['answer']->confidence : null,
				'turn'            => $turn,
				'config_version'  => (int) get_option( Settings::CONFIG_VERSION_OPTION, 1 ),
			)
		);
	}

	/**
	 * The visitor's answer to an offer to talk to a person: accepting requests a handoff (for the
	 * offer's reason) and the bot says so; declining keeps the bot. Either is recorded once, and
	 * answering the same offer again returns what was recorded.
	 *
	 * @param array $conversation Conversation row.
	 * @phpstan-param Conversation $conversation
	 * @param array $offer        The bot message that made the offer.
	 * @phpstan-param Message $offer
	 * @param bool  $accept       Whether the visitor accepts.
	 * @return array{accepted: bool, reply: Message|null, handoff_id: int}
	 * @throws Storage_Exception When the database refuses it.
	 */
	public function choose( array $conversation, array $offer, bool $accept ): array {
		$conversation_id = (int) $conversation['id'];
		if ( isset( $offer['meta']['choice'] ) ) {
			$reply = $this->messages->find_reply( (int) $offer['id'] );
			return array(
				'accepted'   => 'accepted' === $offer['meta']['choice'],
				'reply'      => $reply,
				'handoff_id' => (int) ( $offer['meta']['choice_handoff_id'] ?? 0 ),
			);
		}
		$decision = (array) ( $offer['meta']['decision'] ?? array() );
		return $this->messages->transaction(
			function () use ( $conversation_id, $offer, $accept, $decision ): array {
				if ( ! $accept ) {
					$this->messages->update_meta( (int) $offer['id'], $offer['meta'], array( 'choice' => 'declined' ) );
					$this->events->record(
						'choice_declined',
						$conversation_id,
						array(
							'message_id' => (int) $offer['id'],
							'reason'     => (string) ( $decision['reason'] ?? '' ),
						)
					);
					return array(
						'accepted'   => false,
						'reply'      => null,
						'handoff_id' => 0,
					);
				}
				$open       = $this->handoffs->open_for( $conversation_id );
				$turn       = 1 + count( array_filter( $this->messages->before( $conversation_id, (int) $offer['id'] + 1, 200 ), static fn( array $m ): bool => 'visitor' === $m['role'] ) );
				$handoff_id = $open ? $open['id'] : $this->handoffs->create(
					array(
						'conversation_id' => $conversation_id,
						'reason'          => (string) ( $decision['reason'] ?? Reason::USER_REQUESTED ),
						'trigger_type'    => (string) ( $decision['trigger'] ?? Reason::TRIGGER_USER ),
						'intent'          => (string) ( $decision['intent'] ?? '' ),
						'intent_score'    => null,
						'confidence'      => isset( $offer['meta']['confidence'] ) ? (float) $offer['meta']['confidence'] : null,
						'turn'            => $turn,
						'config_version'  => (int) get_option( Settings::CONFIG_VERSION_OPTION, 1 ),
					)
				);
				$this->messages->update_meta(
					(int) $offer['id'],
					$offer['meta'],
					array(
						'choice'            => 'accepted',
						'choice_handoff_id' => $handoff_id,
					)
				);
				$policy = $this->escalator->policy();
				$reply  = $this->messages->add(
					$conversation_id,
					'bot',
					$policy->message( 'connecting' ) . "\n\n" . $policy->message( 'recorded' ),
					array(
						'kind'       => 'handoff',
						'decision'   => array(
							'kind'    => Reason::KIND_HANDOFF,
							'reason'  => (string) ( $decision['reason'] ?? '' ),
							'trigger' => (string) ( $decision['trigger'] ?? '' ),
							'rule'    => (string) ( $decision['rule'] ?? '' ),
							'signals' => array(),
							'intent'  => (string) ( $decision['intent'] ?? '' ),
						),
						'handoff_id' => $handoff_id,
					),
					null,
					(int) $offer['id']
				);
				$this->events->record(
					'choice_accepted',
					$conversation_id,
					array(
						'message_id' => (int) $offer['id'],
						'reason'     => (string) ( $decision['reason'] ?? '' ),
					),
					$handoff_id
				);
				$this->events->record(
					'handoff_requested',
					$conversation_id,
					array(
						'reason'   => (string) ( $decision['reason'] ?? '' ),
						'trigger'  => (string) ( $decision['trigger'] ?? '' ),
						'decision' => Reason::KIND_HANDOFF,
						'accepted' => true,
						'reply_id' => (int) $reply['id'],
					),
					$handoff_id
				);
				return array(
					'accepted'   => true,
					'reply'      => $reply,
					'handoff_id' => $handoff_id,
				);
			}
		);
	}

	/**
	 * Adds a page to the conversation's trail, keeping pages other requests added since the
	 * conversation was read.
	 *
	 * @param array  $conversation Conversation row.
	 * @phpstan-param Conversation $conversation
	 * @param string $page_url     Page URL.
	 * @param string $page_title   Page title.
	 * @return list<Trail_Entry> The trail.
	 */
	public function remember_page( array $conversation, string $page_url, string $page_title ): array {
		try {
			return $this->conversations->change_trail(
				$conversation,
				function ( array $trail ) use ( $page_url, $page_title ): array {
					return $this->trail->add( $trail, $page_url, $page_title );
				}
			);
		} catch ( Storage_Exception $e ) {
			// The trail is context for people; the request goes on without it.
			return $conversation['page_trail'];
		}
	}

	/**
	 * Records feedback on a bot answer.
	 *
	 * @param array $conversation Conversation row.
	 * @phpstan-param Conversation $conversation
	 * @param array $message      The bot message.
	 * @phpstan-param Message $message
	 * @param bool  $helpful      Helpful or not.
	 * @throws Storage_Exception When the database refuses it.
	 */
	public function answer_feedback( array $conversation, array $message, bool $helpful ): void {
		$this->messages->set_feedback( (int) $message['id'], $helpful ? 1 : -1 );
		$this->events->append(
			'feedback',
			(int) $conversation['id'],
			array(
				'message_id' => (int) $message['id'],
				'helpful'    => $helpful,
			)
		);
	}

	/**
	 * Records the visitor's 1–5 rating of the conversation.
	 *
	 * @param array $conversation Conversation row.
	 * @phpstan-param Conversation $conversation
	 * @param int   $rating       1 to 5.
	 * @throws Storage_Exception When the database refuses it.
	 */
	public function rate( array $conversation, int $rating ): void {
		$this->conversations->update( (int) $conversation['id'], array( 'rating' => $rating ) );
		$this->events->append( 'feedback', (int) $conversation['id'], array( 'rating' => $rating ) );
	}

	/**
	 * Ends a conversation (ending twice is harmless).
	 *
	 * @param array $conversation Conversation row.
	 * @phpstan-param Conversation $conversation
	 * @throws Storage_Exception When the database refuses it.
	 */
	public function end( array $conversation ): void {
		if ( 'ended' === $conversation['status'] ) {
			return;
		}
		$this->conversations->update(
			(int) $conversation['id'],
			array(
				'status'   => 'ended',
				'ended_at' => gmdate( 'Y-m-d H:i:s' ),
			)
		);
		$this->events->append( 'conversation_ended', (int) $conversation['id'] );
	}

	/**
	 * Messages after a cursor (does not touch the knowledge index).
	 *
	 * @param int $conversation_id Conversation.
	 * @param int $after           Cursor.
	 * @return list<Message>
	 */
	public function messages_after( int $conversation_id, int $after ): array {
		return $this->messages->after( $conversation_id, $after );
	}

	/**
	 * The answerer, built when a message needs it (cheap: it only wires objects together).
	 */
	private function answerer(): Answerer {
		return ( $this->answerer_factory )();
	}
}
