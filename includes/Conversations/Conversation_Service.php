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
use HandoffBot\Handoff\Ticket_Service;
use HandoffBot\Privacy\Redactor;
use HandoffBot\Escalation\Decision;
use HandoffBot\Escalation\Escalator;
use HandoffBot\Escalation\Reason;
use HandoffBot\Repositories\Conversation_Repository;
use HandoffBot\Repositories\Event_Repository;
use HandoffBot\Repositories\Message_Repository;
use HandoffBot\Repositories\Storage_Exception;
use HandoffBot\Settings;
use HandoffBot\Signals\Language_Signal;
use HandoffBot\Signals\Signal_Result;

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
	 * The conversation's one open handoff.
	 *
	 * @var Handoff_Requests
	 */
	private Handoff_Requests $requests;

	/**
	 * Turns a request left waiting into a ticket (null: none is made).
	 *
	 * @var Ticket_Service|null
	 */
	private ?Ticket_Service $tickets;

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
	 * @param Handoff_Requests        $requests         The conversation's one open handoff.
	 * @param Ticket_Service|null     $tickets          Turns a request left waiting into a ticket.
	 */
	public function __construct( Conversation_Repository $conversations, Message_Repository $messages, Event_Repository $events, Page_Trail $trail, Language_Signal $language, callable $answerer_factory, Escalator $escalator, Handoff_Requests $requests, ?Ticket_Service $tickets = null ) {
		$this->conversations    = $conversations;
		$this->messages         = $messages;
		$this->events           = $events;
		$this->trail            = $trail;
		$this->language         = $language;
		$this->answerer_factory = $answerer_factory;
		$this->escalator        = $escalator;
		$this->requests         = $requests;
		$this->tickets          = $tickets;
		$this->composer         = new Reply_Composer();
	}

	/**
	 * Starts a conversation.
	 *
	 * @param int        $user_id    Logged-in visitor, or 0.
	 * @param string     $page_url   Page the chat was opened on.
	 * @param string     $page_title Its title.
	 * @param array|null $consent    The privacy notice shown and whether they agreed (a
	 *                               `consent_given` event), or null when none is shown.
	 * @phpstan-param array{agreed: bool, required: bool, notice: string}|null $consent
	 * @return array{id: int, token: string, conversation: Conversation}
	 * @throws Storage_Exception When the database refuses it.
	 */
	public function start( int $user_id, string $page_url, string $page_title, ?array $consent = null ): array {
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
		if ( null !== $consent ) {
			$this->events->record( 'consent_given', $id, $consent );
		}
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
	 * @return array{message: Message, reply: Message|null, replayed: bool} No reply while a person holds the conversation.
	 * @throws Storage_Exception When the visitor message cannot be stored, or a handoff's reply cannot (the visitor then sends it again).
	 */
	public function handle_visitor_message( array $conversation, string $text, string $idempotency_key, string $page_url, string $page_title, bool $button = false ): array {
		$conversation_id = (int) $conversation['id'];

		// 1. Store the message before anything that can fail. The key is unique per conversation,
		// so a resend (or a concurrent one) is refused by the database and found by its key.
		$replayed = false;
		try {
			// Card numbers, IBANs and national IDs are masked before they are stored; the signals
			// below still read what was typed (the sensitivity signal sees personal data was sent).
			$redacted = Redactor::redact( $text );
			$message  = $this->messages->transaction(
				function () use ( $conversation_id, $redacted, $page_url, $idempotency_key, $button ): array {
					$meta    = array( 'page_url' => $this->trail->same_site_url( $page_url ) ) + ( $button ? array( 'button' => true ) : array() ) + ( $redacted['found'] ? array( 'redacted' => $redacted['found'] ) : array() );
					$message = $this->messages->add( $conversation_id, 'visitor', $redacted['text'], $meta, $idempotency_key );
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

		// A person holds the conversation: the message is theirs to answer, not the bot's.
		if ( $conversation['handoff_id'] > 0 && $this->requests->held( $conversation_id ) ) {
			return array(
				'message'  => $message,
				'reply'    => null,
				'replayed' => $replayed,
			);
		}

		// 3. Signals, the escalation policy, and the answer where the decision still needs one.
		// Any failure here still leaves the visitor's message stored and gets an honest reply.
		$language = $this->language->detect( $text );
		$earlier  = $this->messages->before( $conversation_id, (int) $message['id'] );
		$history  = History::turns( $earlier );
		$turn     = $this->turn( $conversation_id, (int) $message['id'], $earlier );
		$answer   = function () use ( $conversation_id, $text, $language ): Answer {
			try {
				return $this->answerer()->answer( $text, $language );
			} catch ( \Throwable $e ) {
				$this->events->append( 'answer_failed', $conversation_id, array( 'error' => $e->getMessage() ) );
				return new Answer( Answer::KIND_DONT_KNOW, Extractive_Answerer::dont_know_text(), 0.0 );
			}
		};
		try {
			$outcome = $this->escalator->handle( $text, $language, $history, $answer, $button, $turn );
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
		// A person already called: the bot answers while the visitor waits.
		$again = $outcome['decision'];
		if ( $again->yields_to_open_handoff() && $this->has_open_handoff( $conversation_id ) ) {
			$outcome['decision'] = Decision::answer( $again->intent );
			$outcome['answer']   = $outcome['answer'] ?? $answer();
		}
		$policy   = $this->escalator->policy();
		$composed = $this->composer->compose( $outcome, $policy, $language );
		$decision = $outcome['decision'];
		$meta     = $composed['meta'];
		$config   = (int) get_option( Settings::CONFIG_VERSION_OPTION, 1 );
		if ( Reason::KIND_OFFER_CHOICE === $decision->kind ) {
			// What a handoff from this offer records, as of the offer (the visitor may accept later).
			$composed['meta']['offer'] = array(
				'turn'           => $turn,
				'config_version' => $config,
				'intent_score'   => self::intent_score( $outcome['signals'] ),
			);
		}
		// Routing reads the agents' presence and the queue: before the transaction, and only for
		// a handoff.
		$routed = $decision->is_handoff() ? $this->requests->route( $conversation_id, $decision->intent, Reason::KIND_PRIVATE_HANDOFF === $decision->kind, $policy ) : null;
		// The reply, its event and the handoff (if one is requested) commit together.
		$store = function () use ( $conversation_id, $message, $composed, $decision, $outcome, $turn, $config, $policy, $routed ): array {
			$data  = $composed['event_data'];
			$meta  = $composed['meta'];
			$body  = $composed['body'];
			$event = $composed['event'];
			if ( $decision->is_handoff() ) {
				$handoff            = $this->requests->request(
					array(
						'conversation_id' => $conversation_id,
						'reason'          => $decision->reason,
						'trigger_type'    => $decision->trigger,
						'intent'          => $decision->intent,
						'intent_score'    => self::intent_score( $outcome['signals'] ),
						'confidence'      => null !== $outcome['answer'] ? $outcome['answer']->confidence : null,
						'turn'            => $turn,
						'config_version'  => $config,
					),
					Reason::KIND_PRIVATE_HANDOFF === $decision->kind,
					$routed,
					$meta
				);
				$data['handoff_id'] = $handoff['id'];
				$meta['handoff_id'] = $handoff['id'];
				if ( Handoff_Requests::OPENED === $handoff['status'] && Reason::KIND_HANDOFF === $decision->kind ) {
					// Nobody can take the chat now: say so, rather than "connecting".
					$body = Handoff_Requests::opened_message( $policy, $routed ) ?? $body;
				} elseif ( Handoff_Requests::REROUTED === $handoff['status'] ) {
					$event = 'handoff_rerouted';
				} elseif ( Handoff_Requests::ALREADY_OPEN === $handoff['status'] ) {
					// Asked again: the request stands; no second handoff, no second count.
					$event = 'handoff_repeated';
					if ( Reason::KIND_HANDOFF === $decision->kind ) {
						$body = $policy->message( 'recorded' );
					}
				}
			}//end if
			$reply              = $this->messages->add( $conversation_id, 'bot', $body, $meta, null, (int) $message['id'] );
			$data['message_id'] = (int) $message['id'];
			$data['reply_id']   = (int) $reply['id'];
			$this->events->record( $event, $conversation_id, $data, (int) ( $data['handoff_id'] ?? 0 ) );
			if ( 'handoff_requested' === $event ) {
				$this->requests->record_route( $conversation_id, (int) $data['handoff_id'], $routed );
			}
			return $reply;
		};
		try {
			try {
				$reply = $this->messages->transaction( $store );
			} catch ( Storage_Exception $e ) {
				// Another request may have opened the conversation's handoff between this one's read
				// and its write (the write is refused, or the stale read finds nothing): once more,
				// on a fresh read, unless this message got its reply meanwhile.
				if ( $this->messages->find_reply( (int) $message['id'] ) ) {
					throw $e;
				}
				$reply = $this->messages->transaction( $store );
			}
		} catch ( Storage_Exception $e ) {
			// Another request answered it first (the reply is unique per message), or the write failed.
			$reply = $this->messages->find_reply( (int) $message['id'] );
			if ( ! $reply && $decision->is_handoff() ) {
				// Never tell the visitor a request is recorded that is not: a 503, and the chat sends
				// the message again with its key, which finds it stored and decides again.
				throw $e;
			}
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
					'author_id'       => 0,
					'created_at'      => gmdate( 'Y-m-d H:i:s' ),
				);
			}
			return array(
				'message'  => $message,
				'reply'    => $reply,
				'replayed' => $replayed,
			);
		}//end try

		$this->requests->complete( $conversation_id );
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
	 * The visitor's turn (from 1): counted from the messages read with it, or from the database
	 * when the conversation is longer than those.
	 *
	 * @param int   $conversation_id Conversation.
	 * @param int   $message_id      The visitor's message.
	 * @param array $earlier         The messages read before it.
	 * @phpstan-param list<Message> $earlier
	 * @throws Storage_Exception When the database cannot be read.
	 */
	private function turn( int $conversation_id, int $message_id, array $earlier ): int {
		if ( count( $earlier ) < Message_Repository::HISTORY ) {
			return 1 + count( array_filter( $earlier, static fn( array $m ): bool => 'visitor' === $m['role'] ) );
		}
		return 1 + $this->messages->count_before( $conversation_id, $message_id, 'visitor' );
	}

	/**
	 * Whether the conversation has a handoff nobody has closed (false when that cannot be read:
	 * the offer is then made, and accepting it finds the open handoff).
	 *
	 * @param int $conversation_id Conversation.
	 */
	private function has_open_handoff( int $conversation_id ): bool {
		try {
			return null !== $this->requests->open_route( $conversation_id );
		} catch ( Storage_Exception $e ) {
			return false;
		}
	}

	/**
	 * The recognised intent's score, when the intent signal fired.
	 *
	 * @param array<string, mixed> $signals Signal results by ID.
	 */
	public static function intent_score( array $signals ): ?float {
		$signal = $signals['intent'] ?? null;
		return $signal instanceof Signal_Result && $signal->fired ? round( $signal->score, 3 ) : null;
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
		// Satisfaction is split by who served the conversation: the bot alone, or a person.
		$served = $this->requests->served_by_person( (int) $conversation['id'] );
		$this->events->append(
			'rated',
			(int) $conversation['id'],
			array(
				'rating'    => $rating,
				'served_by' => $served > 0 ? 'person' : 'bot',
			),
			$served
		);
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
		if ( $conversation['handoff_id'] > 0 ) {
			try {
				$this->requests->abandon( (int) $conversation['id'], $this->tickets );
			} catch ( Storage_Exception $e ) {
				unset( $e );
				// The conversation is ended; its handoff stays in the queue for an agent to close.
			}
		}
	}

	/**
	 * Messages after a cursor (does not touch the knowledge index).
	 *
	 * @param int $conversation_id Conversation.
	 * @param int $after           Cursor.
	 * @return list<Message>
	 */
	public function messages_after( int $conversation_id, int $after ): array {
		return $this->messages->visible_after( $conversation_id, $after );
	}

	/**
	 * The answerer, built when a message needs it (cheap: it only wires objects together).
	 */
	private function answerer(): Answerer {
		return ( $this->answerer_factory )();
	}
}
