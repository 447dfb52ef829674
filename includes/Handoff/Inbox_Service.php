<?php
/**
 * What agents do with a handoff: accept, reply, note, transfer, hand back, resolve.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Handoff;

use HandoffBot\Privacy\Redactor;
use HandoffBot\Repositories\Conversation_Repository;
use HandoffBot\Repositories\Event_Repository;
use HandoffBot\Repositories\Handoff_Repository;
use HandoffBot\Repositories\Message_Repository;
use HandoffBot\Repositories\Storage_Exception;

defined( 'ABSPATH' ) || exit;

/**
 * Each step changes the handoff row only where it still is what the agent saw (a conditional
 * update), so two agents racing get one winner and a clear refusal; then the step's event and
 * what the visitor is told (a `system` message) are written with it, in one transaction.
 * Failures come back as Inbox_Refusal values the REST layer turns into 409s.
 *
 * @phpstan-import-type Handoff from Handoff_Repository
 * @phpstan-import-type Message from Message_Repository
 */
final class Inbox_Service {

	/**
	 * Outcomes an agent may close a handoff with.
	 */
	public const OUTCOMES = array( 'resolved', 'not_resolved', 'duplicate', 'spam' );

	/**
	 * The tag of a handoff the bot could have answered.
	 */
	public const TAG_BOT_COULD_ANSWER = 'bot_could_answer';

	/**
	 * Handoffs.
	 *
	 * @var Handoff_Repository
	 */
	private Handoff_Repository $handoffs;

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
	 * Conversations.
	 *
	 * @var Conversation_Repository
	 */
	private Conversation_Repository $conversations;

	/**
	 * Builds the service.
	 *
	 * @param Handoff_Repository      $handoffs      Handoffs.
	 * @param Message_Repository      $messages      Messages.
	 * @param Event_Repository        $events        Events.
	 * @param Conversation_Repository $conversations Conversations.
	 */
	public function __construct( Handoff_Repository $handoffs, Message_Repository $messages, Event_Repository $events, Conversation_Repository $conversations ) {
		$this->handoffs      = $handoffs;
		$this->messages      = $messages;
		$this->events        = $events;
		$this->conversations = $conversations;
	}

	/**
	 * A handoff, or a refusal when there is none.
	 *
	 * @param int $id Handoff.
	 * @return Handoff|Inbox_Refusal
	 * @throws Storage_Exception When the database cannot be read.
	 */
	public function get( int $id ) {
		$handoff = $this->handoffs->find( $id );
		return null === $handoff ? Inbox_Refusal::not_found() : $handoff;
	}

	/**
	 * Accepts a waiting handoff: it is the agent's alone from now on.
	 *
	 * @param int        $id       Handoff.
	 * @param int        $agent_id Agent.
	 * @param array|null $checked  The handoff as the caller checked the agent may take it (its
	 *                             team, the agent it was transferred to): if either changed since,
	 *                             it is refused as changed. Null: no such check.
	 * @phpstan-param Handoff|null $checked
	 * @return Handoff|Inbox_Refusal
	 * @throws Storage_Exception When the database refuses it.
	 */
	public function accept( int $id, int $agent_id, ?array $checked = null ) {
		$handoff = $this->handoffs->find( $id );
		if ( null === $handoff ) {
			return Inbox_Refusal::not_found();
		}
		if ( 'accepted' === $handoff['status'] && $agent_id === $handoff['agent_id'] ) {
			return $handoff;
		}
		$seen = null === $checked ? null : array(
			'team'        => $checked['team'],
			'assigned_to' => $checked['assigned_to'],
		);
		$won  = $this->handoffs->transaction(
			function () use ( $handoff, $agent_id, $seen ): bool {
				if ( ! $this->handoffs->accept( $handoff['id'], $agent_id, $seen ) ) {
					return false;
				}
				$waited = max( 0, time() - (int) strtotime( $handoff['requested_at'] . ' UTC' ) );
				$this->events->record(
					'agent_joined',
					$handoff['conversation_id'],
					array(
						'agent'          => $agent_id,
						'team'           => $handoff['team'],
						'waited_seconds' => $waited,
					),
					$handoff['id']
				);
				$this->tell(
					$handoff['conversation_id'],
					'agent_joined',
					/* translators: %s: the agent's name. */
					sprintf( __( '%s joined the chat.', 'handoff-bot' ), self::name( $agent_id ) )
				);
				return true;
			}
		);
		$now  = $this->handoffs->find( $id );
		if ( null === $now ) {
			return Inbox_Refusal::not_found();
		}
		if ( $won ) {
			// The team's expected wait, which waiting visitors read, changes with this wait.
			Wait_Medians::refresh( $this->handoffs, $handoff['team'], time() );
			/** This action is documented in includes/Conversations/Handoff_Requests.php */
			do_action( 'handoff_bot_notify', 'handoff.accepted', $id );
			return $now;
		}
		if ( 'accepted' === $now['status'] ) {
			return Inbox_Refusal::held_by( $now['agent_id'] );
		}
		// Still waiting, so its team or assignment moved after the caller's check.
		return in_array( $now['status'], Handoff_Repository::WAITING, true ) ? Inbox_Refusal::changed() : Inbox_Refusal::closed();
	}

	/**
	 * A reply to the visitor, or an internal note the visitor never sees.
	 *
	 * @param int         $id       Handoff.
	 * @param int         $agent_id Agent.
	 * @param string      $body     Text.
	 * @param bool        $internal Whether it is an internal note.
	 * @param string|null $key      Idempotency key: the same key stores the message once.
	 * @param bool        $override Whether the agent may act on a handoff another holds (admins).
	 * @return Message|Inbox_Refusal
	 * @throws Storage_Exception When the database refuses it.
	 */
	public function write( int $id, int $agent_id, string $body, bool $internal, ?string $key, bool $override = false ) {
		$handoff = $this->handoffs->find( $id );
		if ( null === $handoff ) {
			return Inbox_Refusal::not_found();
		}
		if ( ! in_array( $handoff['status'], Handoff_Repository::OPEN, true ) ) {
			return Inbox_Refusal::closed();
		}
		// Any agent may leave a note on an open handoff; only its holder talks to the visitor.
		if ( ! $internal ) {
			$refused = $this->holder_check( $handoff, $agent_id, $override );
			if ( null !== $refused ) {
				return $refused;
			}
		}
		// A colon, which visitors' keys cannot hold: an agent's key never meets a visitor's.
		$key = null === $key || '' === $key ? null : 'agent:' . $agent_id . ':' . $key;
		if ( null !== $key ) {
			$stored = $this->messages->find_by_key( $handoff['conversation_id'], $key );
			if ( null !== $stored ) {
				return $stored;
			}
		}
		// Agents' messages are masked as visitors' are (a card number read back, an IBAN to refund).
		$redacted = Redactor::redact( $body );
		try {
			return $this->messages->transaction(
				function () use ( $handoff, $agent_id, $redacted, $internal, $key ): array {
					$message = $this->messages->add( $handoff['conversation_id'], $internal ? 'note' : 'agent', $redacted['text'], $redacted['found'] ? array( 'redacted' => $redacted['found'] ) : array(), $key, null, $agent_id );
					if ( ! $internal && $this->handoffs->note_first_reply( $handoff['id'] ) ) {
						$this->events->record(
							'first_agent_reply',
							$handoff['conversation_id'],
							array(
								'agent'         => $agent_id,
								'delay_seconds' => max( 0, time() - (int) strtotime( $handoff['requested_at'] . ' UTC' ) ),
							),
							$handoff['id']
						);
					}
					return $message;
				}
			);
		} catch ( Storage_Exception $e ) {
			// The same key sent twice at once: the first one stored it.
			$stored = null === $key ? null : $this->messages->find_by_key( $handoff['conversation_id'], $key );
			if ( null === $stored ) {
				throw $e;
			}
			return $stored;
		}//end try
	}

	/**
	 * Puts a handoff back in the queue of a team, or for another agent, with a note.
	 *
	 * @param int    $id       Handoff.
	 * @param int    $agent_id The agent who holds it.
	 * @param string $team     Team ('' any).
	 * @param int    $to       Agent it is for (0 any of the team).
	 * @param string $note     Why, for the next agent.
	 * @param bool   $override Whether the agent may act on a handoff another holds (admins).
	 * @return Handoff|Inbox_Refusal
	 * @throws Storage_Exception When the database refuses it.
	 */
	public function transfer( int $id, int $agent_id, string $team, int $to, string $note, bool $override = false ) {
		$handoff = $this->handoffs->find( $id );
		if ( null === $handoff ) {
			return Inbox_Refusal::not_found();
		}
		$refused = $this->holder_check( $handoff, $agent_id, $override );
		if ( null !== $refused ) {
			return $refused;
		}
		$moved = $this->handoffs->transaction(
			function () use ( $handoff, $agent_id, $team, $to, $note ): bool {
				if ( ! $this->handoffs->requeue( $handoff['id'], $handoff['agent_id'], $team, $to ) ) {
					return false;
				}
				if ( '' !== trim( $note ) ) {
					$this->messages->add( $handoff['conversation_id'], 'note', $note, array( 'transfer' => true ), null, null, $agent_id );
				}
				$this->events->record(
					'transferred',
					$handoff['conversation_id'],
					array(
						'from'      => $handoff['agent_id'],
						'by'        => $agent_id,
						'from_team' => $handoff['team'],
						'team'      => $team,
						'to'        => $to,
					),
					$handoff['id']
				);
				$this->tell( $handoff['conversation_id'], 'transferred', __( 'You’re being passed to a colleague who can help with this. Please stay in the chat.', 'handoff-bot' ) );
				return true;
			}
		);
		return $moved ? $this->get( $id ) : Inbox_Refusal::changed();
	}

	/**
	 * Hands the visitor back to the bot: the handoff closes and the bot answers again.
	 *
	 * @param int    $id       Handoff.
	 * @param int    $agent_id The agent who holds it.
	 * @param string $note     Why (internal).
	 * @param bool   $override Whether the agent may act on a handoff another holds (admins).
	 * @return Handoff|Inbox_Refusal
	 * @throws Storage_Exception When the database refuses it.
	 */
	public function hand_back( int $id, int $agent_id, string $note, bool $override = false ) {
		return $this->close(
			$id,
			$agent_id,
			$override,
			'handed_back',
			'handed_back',
			array(),
			'',
			$note,
			__( 'You’re back with the assistant, which can answer this from our pages. Ask away; you can still ask for a person at any time.', 'handoff-bot' )
		);
	}

	/**
	 * Resolves a handoff with an outcome, and optionally tags it as one the bot could have
	 * answered (an automation candidate), with a topic.
	 *
	 * @param int    $id               Handoff.
	 * @param int    $agent_id         The agent who holds it.
	 * @param string $outcome          One of OUTCOMES.
	 * @param bool   $bot_could_answer The bot could have answered this.
	 * @param string $topic            What it was about (for automation candidates).
	 * @param bool   $override         Whether the agent may act on a handoff another holds (admins).
	 * @return Handoff|Inbox_Refusal
	 * @throws Storage_Exception When the database refuses it.
	 */
	public function resolve( int $id, int $agent_id, string $outcome, bool $bot_could_answer, string $topic, bool $override = false ) {
		$handoff = $this->handoffs->find( $id );
		if ( null !== $handoff && in_array( $handoff['status'], Handoff_Repository::WAITING, true ) && in_array( $outcome, array( 'spam', 'duplicate' ), true ) ) {
			// Spam or a duplicate in the queue is closed without accepting it first.
			$closed = $this->discard( $handoff, $agent_id, $outcome );
		} else {
			$closed = $this->close(
				$id,
				$agent_id,
				$override,
				'resolved',
				$outcome,
				$bot_could_answer ? array( self::TAG_BOT_COULD_ANSWER ) : array(),
				$topic,
				'',
				/* translators: %s: the agent's name. */
				sprintf( __( '%s closed the chat. How did we do?', 'handoff-bot' ), self::name( $agent_id ) )
			);
		}
		// Spam goes no further than the inbox.
		if ( ! $closed instanceof Inbox_Refusal && 'spam' !== $outcome ) {
			/** This action is documented in includes/Conversations/Handoff_Requests.php */
			do_action( 'handoff_bot_notify', 'handoff.resolved', $id );
		}
		return $closed;
	}

	/**
	 * Closes a waiting handoff as spam or a duplicate.
	 *
	 * @param array  $handoff  The handoff (waiting).
	 * @phpstan-param Handoff $handoff
	 * @param int    $agent_id Agent.
	 * @param string $outcome  spam or duplicate.
	 * @return Handoff|Inbox_Refusal
	 * @throws Storage_Exception When the database refuses it.
	 */
	private function discard( array $handoff, int $agent_id, string $outcome ) {
		$closed = $this->handoffs->transaction(
			function () use ( $handoff, $agent_id, $outcome ): bool {
				if ( ! $this->handoffs->close( $handoff['id'], 'resolved', $outcome, array_values( array_intersect( $handoff['tags'], array( 'escalation_failed' ) ) ), '', null, true ) ) {
					return false;
				}
				$this->conversations->clear_handoff( $handoff['conversation_id'], $handoff['id'] );
				$this->events->record(
					'resolved',
					$handoff['conversation_id'],
					array(
						'agent'    => $agent_id,
						'outcome'  => $outcome,
						'tags'     => array(),
						'topic'    => '',
						'team'     => $handoff['team'],
						'reason'   => $handoff['reason'],
						'intent'   => $handoff['intent'],
						'accepted' => false,
					),
					$handoff['id']
				);
				return true;
			}
		);
		return $closed ? $this->get( $handoff['id'] ) : Inbox_Refusal::changed();
	}

	/**
	 * The visitor leaves the queue before anyone joined.
	 *
	 * @param int $conversation_id Conversation.
	 * @return Handoff|Inbox_Refusal The handoff left, or a refusal when none waits.
	 * @throws Storage_Exception When the database refuses it.
	 */
	public function leave( int $conversation_id ) {
		$handoff = $this->handoffs->open_for( $conversation_id );
		if ( null === $handoff || ! in_array( $handoff['status'], Handoff_Repository::WAITING, true ) ) {
			return Inbox_Refusal::nothing_waiting();
		}
		$left = $this->handoffs->transaction(
			function () use ( $handoff ): bool {
				// Only while it waits: an agent who accepted meanwhile keeps the chat.
				if ( ! $this->handoffs->close( $handoff['id'], 'left', 'left', array_values( array_intersect( $handoff['tags'], array( 'escalation_failed' ) ) ), '', null, true ) ) {
					return false;
				}
				$this->conversations->clear_handoff( $handoff['conversation_id'], $handoff['id'] );
				$this->events->record(
					'left_queue',
					$handoff['conversation_id'],
					array( 'waited_seconds' => max( 0, time() - (int) strtotime( $handoff['requested_at'] . ' UTC' ) ) ),
					$handoff['id']
				);
				$this->tell( $handoff['conversation_id'], 'left', __( 'You left the queue. Your messages are kept; ask for a person again at any time.', 'handoff-bot' ) );
				return true;
			}
		);
		return $left ? $this->get( $handoff['id'] ) : Inbox_Refusal::nothing_waiting();
	}

	/**
	 * A live handoff nobody accepted within the set time: recorded once as `escalation_failed`,
	 * and the visitor is offered to leave their details while keeping their place.
	 *
	 * @param array $handoff The handoff (waiting).
	 * @phpstan-param Handoff $handoff
	 * @param int   $minutes The escalation-failed time.
	 * @param int   $now     Unix time.
	 * @return bool Whether it was recorded now.
	 * @throws Storage_Exception When the database refuses it.
	 */
	public function check_escalation( array $handoff, int $minutes, int $now ): bool {
		// Measured from the request, for a handoff no agent ever took (a transferred one was).
		if ( 'live' !== $handoff['route'] || null !== $handoff['accepted_at'] || ! in_array( $handoff['status'], Handoff_Repository::WAITING, true ) || in_array( 'escalation_failed', $handoff['tags'], true ) ) {
			return false;
		}
		$waited = $now - (int) strtotime( $handoff['requested_at'] . ' UTC' );
		if ( $minutes <= 0 || $waited < $minutes * MINUTE_IN_SECONDS ) {
			return false;
		}
		return $this->handoffs->transaction(
			function () use ( $handoff, $waited ): bool {
				if ( ! $this->handoffs->mark_escalation_failed( $handoff['id'] ) ) {
					return false;
				}
				$this->events->record(
					'escalation_failed',
					$handoff['conversation_id'],
					array(
						'team'           => $handoff['team'],
						'waited_seconds' => $waited,
					),
					$handoff['id']
				);
				$text = 'Sorry for the wait: nobody from our team could take your chat yet. You can keep your place in the queue, or leave your details and we’ll get back to you.';
				if ( did_action( 'after_setup_theme' ) ) {
					// The visitor's early poll (Rest\Fast_Poll) runs before translations can load:
					// there the notice is written in English, as the fast poll's refusals are.
					$text = __( 'Sorry for the wait: nobody from our team could take your chat yet. You can keep your place in the queue, or leave your details and we’ll get back to you.', 'handoff-bot' );
				}
				$this->messages->add(
					$handoff['conversation_id'],
					'system',
					$text,
					array(
						'kind'         => 'escalation_failed',
						'offer_ticket' => true,
					)
				);
				return true;
			}
		);
	}

	/**
	 * Closes a handoff the agent holds.
	 *
	 * @param int                $id       Handoff.
	 * @param int                $agent_id Agent.
	 * @param bool               $override Whether the agent may act on a handoff another holds.
	 * @param string             $status   New status.
	 * @param string             $outcome  Outcome.
	 * @param array<int, string> $tags Tags.
	 * @phpstan-param list<string> $tags
	 * @param string             $topic    Topic.
	 * @param string             $note     Internal note.
	 * @param string             $notice   What the visitor is told.
	 * @return Handoff|Inbox_Refusal
	 * @throws Storage_Exception When the database refuses it.
	 */
	private function close( int $id, int $agent_id, bool $override, string $status, string $outcome, array $tags, string $topic, string $note, string $notice ) {
		$handoff = $this->handoffs->find( $id );
		if ( null === $handoff ) {
			return Inbox_Refusal::not_found();
		}
		$refused = $this->holder_check( $handoff, $agent_id, $override );
		if ( null !== $refused ) {
			return $refused;
		}
		$closed = $this->handoffs->transaction(
			function () use ( $handoff, $agent_id, $status, $outcome, $tags, $topic, $note, $notice ): bool {
				// An escalation that failed before stays on record.
				$tags = array_values( array_unique( array_merge( array_intersect( $handoff['tags'], array( 'escalation_failed' ) ), $tags ) ) );
				if ( ! $this->handoffs->close( $handoff['id'], $status, $outcome, $tags, $topic, $handoff['agent_id'] ) ) {
					return false;
				}
				$this->conversations->clear_handoff( $handoff['conversation_id'], $handoff['id'] );
				if ( '' !== trim( $note ) ) {
					$this->messages->add( $handoff['conversation_id'], 'note', $note, array(), null, null, $agent_id );
				}
				$this->events->record(
					'resolved' === $status ? 'resolved' : 'handed_back',
					$handoff['conversation_id'],
					array(
						'agent'   => $agent_id,
						'outcome' => $outcome,
						'tags'    => $tags,
						'topic'   => $topic,
						'team'    => $handoff['team'],
						'reason'  => $handoff['reason'],
						'intent'  => $handoff['intent'],
					),
					$handoff['id']
				);
				$this->tell( $handoff['conversation_id'], 'resolved' === $status ? 'resolved' : 'handed_back', $notice, 'resolved' === $status );
				return true;
			}
		);
		return $closed ? $this->get( $id ) : Inbox_Refusal::changed();
	}

	/**
	 * Null when the agent may act on the handoff as its holder, else why not.
	 *
	 * @param array $handoff  The handoff.
	 * @phpstan-param Handoff $handoff
	 * @param int   $agent_id Agent.
	 * @param bool  $override Whether the agent may act on a handoff another holds.
	 */
	private function holder_check( array $handoff, int $agent_id, bool $override ): ?Inbox_Refusal {
		if ( ! in_array( $handoff['status'], Handoff_Repository::OPEN, true ) ) {
			return Inbox_Refusal::closed();
		}
		if ( 'accepted' !== $handoff['status'] ) {
			return Inbox_Refusal::not_accepted();
		}
		if ( $handoff['agent_id'] !== $agent_id && ! $override ) {
			return Inbox_Refusal::held_by( $handoff['agent_id'] );
		}
		return null;
	}

	/**
	 * Tells the visitor what happened, as a notice in the chat.
	 *
	 * @param int    $conversation_id Conversation.
	 * @param string $kind            What happened.
	 * @param string $text            The notice.
	 * @param bool   $rating          Whether the chat asks for a rating with it.
	 * @throws Storage_Exception When the database refuses it.
	 */
	private function tell( int $conversation_id, string $kind, string $text, bool $rating = false ): void {
		$this->messages->add( $conversation_id, 'system', $text, array( 'kind' => $kind ) + ( $rating ? array( 'rating_requested' => true ) : array() ) );
	}

	/**
	 * A person's display name ('' when the user is gone).
	 *
	 * @param int $user_id User.
	 */
	public static function name( int $user_id ): string {
		$user = $user_id > 0 ? get_userdata( $user_id ) : false;
		return $user ? (string) $user->display_name : __( 'Someone from our team', 'handoff-bot' );
	}
}
