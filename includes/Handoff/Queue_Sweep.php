<?php
/**
 * Waiting visitors who went away.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Handoff;

use HandoffBot\Repositories\Conversation_Repository;
use HandoffBot\Repositories\Event_Repository;
use HandoffBot\Repositories\Handoff_Repository;
use HandoffBot\Repositories\Message_Repository;
use HandoffBot\Repositories\Storage_Exception;

defined( 'ABSPATH' ) || exit;

/**
 * While a visitor waits for a person, their chat reads the conversation every few seconds, which
 * keeps it fresh (Visitor_Handoff). A waiting handoff whose conversation has had no sign of them
 * for the set minutes (the tab closed, the laptop shut) is abandoned: recorded as `abandoned`, and
 * taken out of the queue so that agents do not accept an empty chair. When the visitor's email is
 * known (signed in), their request becomes a ticket at once and they are emailed, so nothing they
 * wrote is lost; otherwise the conversation says they left, for when they come back.
 *
 * @phpstan-import-type Handoff from Handoff_Repository
 */
final class Queue_Sweep {

	/**
	 * Handoffs looked at per run.
	 */
	public const BATCH = 50;

	/**
	 * Handoffs.
	 *
	 * @var Handoff_Repository
	 */
	private Handoff_Repository $handoffs;

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
	 * Tickets.
	 *
	 * @var Ticket_Service
	 */
	private Ticket_Service $tickets;

	/**
	 * Builds the sweep.
	 *
	 * @param Handoff_Repository      $handoffs      Handoffs.
	 * @param Conversation_Repository $conversations Conversations.
	 * @param Message_Repository      $messages      Messages.
	 * @param Event_Repository        $events        Events.
	 * @param Ticket_Service          $tickets       Tickets.
	 */
	public function __construct( Handoff_Repository $handoffs, Conversation_Repository $conversations, Message_Repository $messages, Event_Repository $events, Ticket_Service $tickets ) {
		$this->handoffs      = $handoffs;
		$this->conversations = $conversations;
		$this->messages      = $messages;
		$this->events        = $events;
		$this->tickets       = $tickets;
	}

	/**
	 * Abandons the waiting handoffs whose visitor went away.
	 *
	 * @param int $now     Unix time.
	 * @param int $minutes Minutes without a sign of the visitor.
	 * @return int How many were abandoned.
	 * @throws Storage_Exception When the database refuses it.
	 */
	public function run( int $now, int $minutes ): int {
		$done = 0;
		foreach ( $this->handoffs->waiting_unseen_since( gmdate( 'Y-m-d H:i:s', $now - $minutes * MINUTE_IN_SECONDS ), self::BATCH ) as $id ) {
			try {
				$handoff = $this->handoffs->find( $id );
				if ( null !== $handoff && in_array( $handoff['status'], Handoff_Repository::WAITING, true ) && $this->abandon( $handoff, $now ) ) {
					++$done;
				}
			} catch ( Storage_Exception $e ) {
				// One handoff that cannot be changed does not hold up the others; the next run tries it again.
				unset( $e );
			}
		}
		return $done;
	}

	/**
	 * Abandons one handoff: a ticket when the visitor's email is known, else out of the queue.
	 *
	 * @param array $handoff The handoff (waiting).
	 * @phpstan-param Handoff $handoff
	 * @param int   $now     Unix time.
	 * @throws Storage_Exception When the database refuses it.
	 */
	private function abandon( array $handoff, int $now ): bool {
		$conversation = $this->conversations->find( $handoff['conversation_id'] );
		$user         = null !== $conversation && $conversation['user_id'] > 0 ? get_userdata( $conversation['user_id'] ) : false;
		if ( $user && is_email( $user->user_email ) ) {
			return $this->tickets->from_abandoned( $handoff, (string) $user->display_name, (string) $user->user_email );
		}
		return $this->handoffs->transaction(
			function () use ( $handoff, $now ): bool {
				if ( ! $this->handoffs->close( $handoff['id'], 'abandoned', 'abandoned', array_values( array_intersect( $handoff['tags'], array( 'escalation_failed' ) ) ), '', null, true ) ) {
					return false;
				}
				$this->conversations->clear_handoff( $handoff['conversation_id'], $handoff['id'] );
				$this->events->record( 'abandoned', $handoff['conversation_id'], array( 'waited_seconds' => max( 0, $now - (int) strtotime( $handoff['requested_at'] . ' UTC' ) ) ), $handoff['id'] );
				$this->messages->add( $handoff['conversation_id'], 'system', __( 'You were away when it was your turn, so you left the queue. Your messages are kept: ask for a person again at any time.', 'handoff-bot' ), array( 'kind' => 'left' ) );
				return true;
			}
		);
	}
}
