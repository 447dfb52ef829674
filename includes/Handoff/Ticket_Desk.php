<?php
/**
 * What agents do with a ticket: notes, replies by email, status, assignment, closing.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Handoff;

use HandoffBot\Jobs\Ticket_Reply_Job;
use HandoffBot\Repositories\Event_Repository;
use HandoffBot\Repositories\Handoff_Repository;
use HandoffBot\Repositories\Message_Repository;
use HandoffBot\Repositories\Storage_Exception;
use WP_Error;

defined( 'ABSPATH' ) || exit;

/**
 * A ticket is a handoff row whose status is `ticket` (open), `pending` (replied, waiting on the
 * visitor) or `closed`. Each step changes the row only where it still is what the agent saw (a
 * conditional update), then writes its event (and message) in the same transaction. A reply is
 * stored in the conversation first and emailed afterwards by a background job, never in the
 * request. Refusals come back as WP_Error values with their HTTP status.
 *
 * @phpstan-import-type Handoff from Handoff_Repository
 * @phpstan-import-type Message from Message_Repository
 */
final class Ticket_Desk {

	/**
	 * Outcomes any ticket may close with.
	 */
	public const OUTCOMES = array( 'resolved', 'not_resolved', 'duplicate', 'spam' );

	/**
	 * The outcome only a callback request may close with.
	 */
	public const CALLED_BACK = 'called_back';

	/**
	 * The longest note or reply, in characters.
	 */
	public const TEXT_MAX = 5000;

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
	 * Builds the service.
	 *
	 * @param Handoff_Repository $handoffs Handoffs.
	 * @param Message_Repository $messages Messages.
	 * @param Event_Repository   $events   Events.
	 */
	public function __construct( Handoff_Repository $handoffs, Message_Repository $messages, Event_Repository $events ) {
		$this->handoffs = $handoffs;
		$this->messages = $messages;
		$this->events   = $events;
	}

	/**
	 * A ticket, or a 404 when the ID is no ticket (a live handoff, or nothing).
	 *
	 * @param int $id Handoff.
	 * @return Handoff|WP_Error
	 * @throws Storage_Exception When the database cannot be read.
	 */
	public function get( int $id ) {
		$handoff = $this->handoffs->find( $id );
		if ( null === $handoff || ! in_array( $handoff['status'], Handoff_Repository::TICKET, true ) ) {
			return new WP_Error( 'handoff_bot_ticket_not_found', __( 'There is no such ticket.', 'handoff-bot' ), array( 'status' => 404 ) );
		}
		return $handoff;
	}

	/**
	 * The outcomes a ticket may close with (a callback request also "called back").
	 *
	 * @param string               $route Its route.
	 * @param array<string, mixed> $form  The form's answers in its brief.
	 * @return list<string>
	 */
	public static function outcomes( string $route, array $form ): array {
		return self::is_callback( $route, $form ) ? array_merge( self::OUTCOMES, array( self::CALLED_BACK ) ) : self::OUTCOMES;
	}

	/**
	 * Whether a ticket is a callback request: its route, or (on the private route, which keeps its
	 * route) the contact the visitor chose.
	 *
	 * @param string               $route Its route.
	 * @param array<string, mixed> $form  The form's answers in its brief.
	 */
	public static function is_callback( string $route, array $form ): bool {
		return Router::ROUTE_CALLBACK === $route || ( isset( $form['contact'] ) && Ticket_Form::CONTACT_PHONE === $form['contact'] );
	}

	/**
	 * The address a reply to the visitor goes to: the form's, else the signed-in visitor's ('' none).
	 *
	 * @param array<string, mixed> $context The ticket's brief.
	 */
	public static function visitor_email( array $context ): string {
		$form = is_array( $context['form'] ?? null ) ? $context['form'] : array();
		$user = is_array( $context['user'] ?? null ) ? $context['user'] : array();
		foreach ( array( $form['email'] ?? '', $user['email'] ?? '' ) as $email ) {
			if ( is_string( $email ) && is_email( $email ) ) {
				return $email;
			}
		}
		return '';
	}

	/**
	 * An internal note on the ticket (the visitor never sees it).
	 *
	 * @param array       $handoff  The ticket.
	 * @phpstan-param Handoff $handoff
	 * @param int         $agent_id Agent.
	 * @param string      $body     Text.
	 * @param string|null $key      Idempotency key: the same key stores the note once.
	 * @return Message
	 * @throws Storage_Exception When the database refuses it.
	 */
	public function note( array $handoff, int $agent_id, string $body, ?string $key ): array {
		$key    = self::key( 'ticket-note', $agent_id, $key );
		$stored = null === $key ? null : $this->messages->find_by_key( $handoff['conversation_id'], $key );
		if ( null !== $stored ) {
			return $stored;
		}
		return $this->keyed(
			$handoff['conversation_id'],
			$key,
			function () use ( $handoff, $agent_id, $body, $key ): array {
				return $this->messages->transaction(
					function () use ( $handoff, $agent_id, $body, $key ): array {
						$note = $this->messages->add( $handoff['conversation_id'], 'note', $body, array( 'handoff_id' => $handoff['id'] ), $key, null, $agent_id );
						$this->events->record( 'ticket_noted', $handoff['conversation_id'], array( 'agent' => $agent_id ), $handoff['id'] );
						return $note;
					}
				);
			}
		);
	}

	/**
	 * A reply to the visitor: kept in the conversation as the agent's message, the ticket then
	 * waits on the visitor (`pending`), and the email is queued. The same key sends once.
	 *
	 * @param array       $handoff  The ticket.
	 * @phpstan-param Handoff $handoff
	 * @param int         $agent_id Agent.
	 * @param string      $body     Text.
	 * @param string|null $key      Idempotency key.
	 * @return Message|WP_Error The reply, or why not (409 closed, 409 no address).
	 * @throws Storage_Exception When the database refuses it.
	 */
	public function reply( array $handoff, int $agent_id, string $body, ?string $key ) {
		$key    = self::key( 'ticket-reply', $agent_id, $key );
		$stored = null === $key ? null : $this->messages->find_by_key( $handoff['conversation_id'], $key );
		if ( null !== $stored ) {
			return $stored;
		}
		if ( 'closed' === $handoff['status'] ) {
			return self::closed();
		}
		$to = self::visitor_email( $this->handoffs->context( $handoff['id'] ) );
		if ( '' === $to ) {
			return new WP_Error( 'handoff_bot_no_email', __( 'This visitor left no email address: call them back instead.', 'handoff-bot' ), array( 'status' => 409 ) );
		}
		$message = $this->keyed(
			$handoff['conversation_id'],
			$key,
			function () use ( $handoff, $agent_id, $body, $key, $to ): array {
				return $this->messages->transaction(
					function () use ( $handoff, $agent_id, $body, $key, $to ): array {
						$reply = $this->messages->add(
							$handoff['conversation_id'],
							'agent',
							$body,
							array(
								'kind'         => 'ticket_reply',
								'handoff_id'   => $handoff['id'],
								'email_to'     => $to,
								'email_status' => Ticket_Reply_Job::QUEUED,
							),
							$key,
							null,
							$agent_id
						);
						$this->handoffs->set_ticket_status( $handoff['id'], 'pending' );
						$this->events->record(
							'ticket_replied',
							$handoff['conversation_id'],
							array(
								'agent'      => $agent_id,
								'message_id' => $reply['id'],
								'route'      => $handoff['route'],
							),
							$handoff['id']
						);
						return $reply;
					}
				);
			}
		);
		Ticket_Reply_Job::schedule( $handoff['id'], $message['id'] );
		return $message;
	}

	/**
	 * Moves an open ticket to open (`ticket`) or pending.
	 *
	 * @param array  $handoff  The ticket.
	 * @phpstan-param Handoff $handoff
	 * @param int    $agent_id Agent.
	 * @param string $status   `ticket` or `pending`.
	 * @return Handoff|WP_Error
	 * @throws Storage_Exception When the database refuses it.
	 */
	public function set_status( array $handoff, int $agent_id, string $status ) {
		if ( 'closed' === $handoff['status'] ) {
			return self::closed();
		}
		if ( $status === $handoff['status'] ) {
			return $handoff;
		}
		$changed = $this->handoffs->transaction(
			function () use ( $handoff, $agent_id, $status ): bool {
				if ( ! $this->handoffs->set_ticket_status( $handoff['id'], $status ) ) {
					return false;
				}
				$this->events->record(
					'ticket_status',
					$handoff['conversation_id'],
					array(
						'agent' => $agent_id,
						'from'  => $handoff['status'],
						'to'    => $status,
					),
					$handoff['id']
				);
				return true;
			}
		);
		return $changed ? $this->get( $handoff['id'] ) : $this->changed( $handoff['id'] );
	}

	/**
	 * Gives an open ticket to a team and an agent.
	 *
	 * @param array  $handoff  The ticket.
	 * @phpstan-param Handoff $handoff
	 * @param int    $agent_id The agent who assigns it.
	 * @param string $team     Team ('' any).
	 * @param int    $to       Agent (0 nobody in particular).
	 * @return Handoff|WP_Error
	 * @throws Storage_Exception When the database refuses it.
	 */
	public function assign( array $handoff, int $agent_id, string $team, int $to ) {
		if ( 'closed' === $handoff['status'] ) {
			return self::closed();
		}
		if ( $team === $handoff['team'] && $to === $handoff['assigned_to'] ) {
			return $handoff;
		}
		$moved = $this->handoffs->transaction(
			function () use ( $handoff, $agent_id, $team, $to ): bool {
				if ( ! $this->handoffs->assign_ticket( $handoff['id'], $team, $to ) ) {
					return false;
				}
				$this->events->record(
					'ticket_assigned',
					$handoff['conversation_id'],
					array(
						'agent'     => $agent_id,
						'from_team' => $handoff['team'],
						'team'      => $team,
						'from'      => $handoff['assigned_to'],
						'to'        => $to,
					),
					$handoff['id']
				);
				return true;
			}
		);
		return $moved ? $this->get( $handoff['id'] ) : $this->changed( $handoff['id'] );
	}

	/**
	 * Closes an open ticket with an outcome (and the automation-candidate tag), recording the
	 * `resolved` event with the route, and an internal note when one is given.
	 *
	 * @param array  $handoff          The ticket.
	 * @phpstan-param Handoff $handoff
	 * @param int    $agent_id         Agent.
	 * @param string $outcome          One of outcomes().
	 * @param bool   $bot_could_answer The bot could have answered this.
	 * @param string $note             Why (internal), or ''.
	 * @return Handoff|WP_Error
	 * @throws Storage_Exception When the database refuses it.
	 */
	public function close( array $handoff, int $agent_id, string $outcome, bool $bot_could_answer, string $note ) {
		if ( 'closed' === $handoff['status'] ) {
			return self::closed();
		}
		$tags   = $bot_could_answer ? array( Inbox_Service::TAG_BOT_COULD_ANSWER ) : array();
		$closed = $this->handoffs->transaction(
			function () use ( $handoff, $agent_id, $outcome, $tags, $note ): bool {
				if ( ! $this->handoffs->close_ticket( $handoff['id'], $outcome, $tags ) ) {
					return false;
				}
				if ( '' !== $note ) {
					$this->messages->add( $handoff['conversation_id'], 'note', $note, array( 'handoff_id' => $handoff['id'] ), null, null, $agent_id );
				}
				$this->events->record(
					'resolved',
					$handoff['conversation_id'],
					array(
						'agent'    => $agent_id,
						'outcome'  => $outcome,
						'tags'     => $tags,
						'topic'    => '',
						'route'    => $handoff['route'],
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
		if ( ! $closed ) {
			return $this->changed( $handoff['id'] );
		}
		/** This action is documented in includes/Conversations/Handoff_Requests.php */
		do_action( 'handoff_bot_notify', 'handoff.resolved', $handoff['id'] );
		return $this->get( $handoff['id'] );
	}

	/**
	 * The ticket's history: its events, oldest first.
	 *
	 * @param array $handoff The ticket.
	 * @phpstan-param Handoff $handoff
	 * @return list<array{id: int, conversation_id: int, handoff_id: int, type: string, data: array<string, mixed>, config_version: int, created_at: string}>
	 * @throws Storage_Exception When the database cannot be read.
	 */
	public function history( array $handoff ): array {
		return array_values(
			array_filter(
				$this->events->for_conversation( $handoff['conversation_id'] ),
				static function ( array $event ) use ( $handoff ): bool {
					return $event['handoff_id'] === $handoff['id'];
				}
			)
		);
	}

	/**
	 * Runs a keyed write; when the same key was stored meanwhile (two sends at once), returns
	 * what the first stored.
	 *
	 * @param int         $conversation_id Conversation.
	 * @param string|null $key             Stored key.
	 * @param callable    $write           The write.
	 * @phpstan-param callable(): Message $write
	 * @return Message
	 * @throws Storage_Exception When the database refuses it.
	 */
	private function keyed( int $conversation_id, ?string $key, callable $write ): array {
		try {
			return $write();
		} catch ( Storage_Exception $e ) {
			$stored = null === $key ? null : $this->messages->find_by_key( $conversation_id, $key );
			if ( null === $stored ) {
				throw $e;
			}
			return $stored;
		}
	}

	/**
	 * The stored form of an agent's key: colons, which visitors' keys cannot hold, keep an agent's
	 * key apart from a visitor's and from the inbox's.
	 *
	 * @param string      $kind     What it keys.
	 * @param int         $agent_id Agent.
	 * @param string|null $key      Client key.
	 */
	private static function key( string $kind, int $agent_id, ?string $key ): ?string {
		return null === $key || '' === $key ? null : $kind . ':' . $agent_id . ':' . $key;
	}

	/**
	 * Why a ticket that changed meanwhile was not changed now.
	 *
	 * @param int $id Handoff.
	 * @return WP_Error
	 * @throws Storage_Exception When the database cannot be read.
	 */
	private function changed( int $id ): WP_Error {
		$now = $this->handoffs->find( $id );
		return null !== $now && 'closed' === $now['status']
			? self::closed()
			: new WP_Error( 'handoff_bot_ticket_changed', __( 'Someone changed this ticket meanwhile. Reload it and try again.', 'handoff-bot' ), array( 'status' => 409 ) );
	}

	/**
	 * The refusal of a step on a closed ticket.
	 */
	private static function closed(): WP_Error {
		return new WP_Error( 'handoff_bot_ticket_closed', __( 'This ticket is closed.', 'handoff-bot' ), array( 'status' => 409 ) );
	}
}
