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
use HandoffBot\Repositories\Conversation_Repository;
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
	 * Builds the service.
	 *
	 * @param Conversation_Repository $conversations    Conversations.
	 * @param Message_Repository      $messages         Messages.
	 * @param Event_Repository        $events           Events.
	 * @param Page_Trail              $trail            Page trail.
	 * @param Language_Signal         $language         Language detection.
	 * @param callable                $answerer_factory Returns the Answerer.
	 */
	public function __construct( Conversation_Repository $conversations, Message_Repository $messages, Event_Repository $events, Page_Trail $trail, Language_Signal $language, callable $answerer_factory ) {
		$this->conversations    = $conversations;
		$this->messages         = $messages;
		$this->events           = $events;
		$this->trail            = $trail;
		$this->language         = $language;
		$this->answerer_factory = $answerer_factory;
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
	 * @return array{message: Message, reply: Message, replayed: bool}
	 * @throws Storage_Exception When the visitor message cannot be stored.
	 */
	public function handle_visitor_message( array $conversation, string $text, string $idempotency_key, string $page_url, string $page_title ): array {
		$conversation_id = (int) $conversation['id'];

		// 1. Store the message before anything that can fail. The key is unique per conversation,
		// so a resend (or a concurrent one) is refused by the database and found by its key.
		$replayed = false;
		try {
			$message = $this->messages->transaction(
				function () use ( $conversation_id, $text, $page_url, $idempotency_key ): array {
					$message = $this->messages->add( $conversation_id, 'visitor', $text, array( 'page_url' => $this->trail->same_site_url( $page_url ) ), $idempotency_key );
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

		// 3. Answer. Any failure here still leaves the visitor's message stored and gets an honest reply.
		$language = $this->language->detect( $text );
		try {
			$answer = $this->answerer()->answer( $text, $language );
		} catch ( \Throwable $e ) {
			$this->events->append( 'answer_failed', $conversation_id, array( 'error' => $e->getMessage() ) );
			$answer = new Answer( Answer::KIND_DONT_KNOW, Extractive_Answerer::dont_know_text(), 0.0 );
		}

		$meta = array(
			'kind'          => $answer->kind,
			'confidence'    => $answer->confidence,
			'language'      => $language,
			'citations'     => $answer->citations,
			'sources_tried' => $answer->sources_tried,
			'evidence'      => array_map(
				static function ( float $value ): float {
					return round( $value, 3 );
				},
				$answer->evidence
			),
		);
		try {
			// The reply and its event commit together.
			$reply = $this->messages->transaction(
				function () use ( $conversation_id, $message, $answer, $meta, $language ): array {
					$reply = $this->messages->add( $conversation_id, 'bot', $answer->body, $meta, null, (int) $message['id'] );
					$this->events->record(
						'answered',
						$conversation_id,
						array(
							'message_id' => (int) $message['id'],
							'reply_id'   => (int) $reply['id'],
							'kind'       => $answer->kind,
							'confidence' => $answer->confidence,
							'citations'  => count( $answer->citations ),
							'language'   => $language,
						)
					);
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
					'body'            => $answer->body,
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
