<?php
/**
 * The visitor's view of their open handoff.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Handoff;

use HandoffBot\Repositories\Conversation_Repository;
use HandoffBot\Repositories\Handoff_Repository;
use HandoffBot\Repositories\Storage_Exception;

defined( 'ABSPATH' ) || exit;

/**
 * What the chat shows while a person is on the way or on the line: the status, the place in the
 * live queue, the expected wait (null while unknown), the agent's name once one joined, and
 * whether they are typing. A conversation without an open handoff costs no query.
 *
 * @phpstan-import-type Conversation from \HandoffBot\Repositories\Conversation_Repository
 * @phpstan-import-type Handoff from Handoff_Repository
 * @phpstan-type Visitor_State array{id: int, status: string, route: string, place: int|null, expected_wait_minutes: int|null, agent: array{name: string}|null, agent_typing: bool}
 */
final class Visitor_Handoff {

	/**
	 * Handoffs.
	 *
	 * @var Handoff_Repository
	 */
	private Handoff_Repository $handoffs;

	/**
	 * Handoff steps (for an escalation that failed).
	 *
	 * @var Inbox_Service
	 */
	private Inbox_Service $inbox;

	/**
	 * Conversations (kept fresh while the visitor waits).
	 *
	 * @var Conversation_Repository
	 */
	private Conversation_Repository $conversations;

	/**
	 * Seconds between two notes that a waiting visitor is still there.
	 */
	public const SEEN_EVERY = 30;

	/**
	 * The open handoff the last state() described, and the time it did.
	 *
	 * @var array{handoff: Handoff, typing: int, now: int}|null
	 */
	private ?array $described = null;

	/**
	 * Builds the service.
	 *
	 * @param Handoff_Repository      $handoffs      Handoffs.
	 * @param Inbox_Service           $inbox         Handoff steps.
	 * @param Conversation_Repository $conversations Conversations.
	 */
	public function __construct( Handoff_Repository $handoffs, Inbox_Service $inbox, Conversation_Repository $conversations ) {
		$this->handoffs      = $handoffs;
		$this->inbox         = $inbox;
		$this->conversations = $conversations;
	}

	/**
	 * The open handoff as the visitor sees it, or null when none is open.
	 *
	 * @param array $conversation The conversation (as the visitor's guard read it).
	 * @phpstan-param Conversation $conversation
	 * @return Visitor_State|null
	 * @throws Storage_Exception When the database cannot be read.
	 */
	public function state( array $conversation ): ?array {
		if ( $conversation['handoff_id'] <= 0 ) {
			return null;
		}
		$state = $this->describe( $this->handoffs->find( $conversation['handoff_id'] ) );
		if ( null !== $state && in_array( $state['status'], Handoff_Repository::WAITING, true ) && time() - (int) strtotime( $conversation['updated_at'] . ' UTC' ) >= self::SEEN_EVERY ) {
			// The visitor's chat is open: they are still there (Queue_Sweep abandons those who left).
			$this->conversations->touch( $conversation['id'] );
		}
		return $state;
	}

	/**
	 * The file the visitor's chat reads between its reads of the conversation (Poll_Signal), with
	 * its version: asked for before state(), so that any change after it shows in the file.
	 *
	 * @param array $conversation The conversation (as the visitor's guard read it).
	 * @phpstan-param Conversation $conversation
	 * @return array{url: string, version: string}|null Null without an open handoff, or where the site serves no file.
	 */
	public function signal( array $conversation ): ?array {
		return $conversation['handoff_id'] > 0 ? Poll_Signal::watch( $conversation['id'] ) : null;
	}

	/**
	 * Seconds until the visitor's chat should read the conversation again even if its file has
	 * not changed: the heartbeat that tells the site they are still there (at most two fifths of
	 * the minutes after which a waiting visitor counts as gone), the moment a wait becomes too long
	 * (noticed on a read), or the end of the agent's typing.
	 */
	public function check_in(): int {
		try {
			$store = Availability_Store::in_force();
		} catch ( \RuntimeException $e ) {
			// The settings cannot be read now: the defaults' times, the answer goes out.
			$store = Availability::defaults();
		}
		$in = min( Poll_Signal::HEARTBEAT, max( 20, intdiv( $store->abandon_minutes() * MINUTE_IN_SECONDS * 2, 5 ) ) );
		if ( null === $this->described ) {
			return $in;
		}
		$handoff = $this->described['handoff'];
		$now     = $this->described['now'];
		if ( 'live' === $handoff['route'] && null === $handoff['accepted_at'] && in_array( $handoff['status'], Handoff_Repository::WAITING, true ) && ! in_array( 'escalation_failed', $handoff['tags'], true ) && $store->escalation_failed_minutes() > 0 ) {
			$due = (int) strtotime( $handoff['requested_at'] . ' UTC' ) + $store->escalation_failed_minutes() * MINUTE_IN_SECONDS - $now;
			$in  = min( $in, $due + 1 );
		}
		if ( $this->described['typing'] > 0 ) {
			$in = min( $in, $this->described['typing'] + 8 - $now + 1 );
		}
		return max( 1, $in );
	}

	/**
	 * The conversation's open handoff as the visitor sees it, read afresh (after a message that
	 * may have opened one), or null.
	 *
	 * @param int $conversation_id Conversation.
	 * @return Visitor_State|null
	 * @throws Storage_Exception When the database cannot be read.
	 */
	public function current( int $conversation_id ): ?array {
		return $this->describe( $this->handoffs->open_for( $conversation_id ) );
	}

	/**
	 * A handoff as the visitor sees it, or null when it is not open.
	 *
	 * @param array|null $handoff The handoff.
	 * @phpstan-param Handoff|null $handoff
	 * @return Visitor_State|null
	 * @throws Storage_Exception When the database cannot be read.
	 */
	private function describe( ?array $handoff ): ?array {
		$this->described = null;
		if ( null === $handoff || ! in_array( $handoff['status'], Handoff_Repository::OPEN, true ) ) {
			return null;
		}
		$waiting         = in_array( $handoff['status'], Handoff_Repository::WAITING, true ) && Router::ROUTE_LIVE === $handoff['route'];
		$typing          = 'accepted' === $handoff['status'] ? get_transient( 'handoff_bot_typing_' . $handoff['conversation_id'] ) : false;
		$this->described = array(
			'handoff' => $handoff,
			'typing'  => false === $typing ? 0 : (int) $typing,
			'now'     => time(),
		);
		$place           = $waiting ? $this->handoffs->place( $handoff ) : null;
		if ( $waiting ) {
			// Checked as the visitor waits: no scheduled job needed to notice a wait too long.
			$this->inbox->check_escalation( $handoff, Availability_Store::in_force()->escalation_failed_minutes(), time() );
		}
		return array(
			'id'                    => $handoff['id'],
			'status'                => $handoff['status'],
			'route'                 => $handoff['route'],
			'place'                 => $place,
			'expected_wait_minutes' => null === $place ? null : Wait_Estimate::minutes_at( Wait_Medians::get( $this->handoffs, $handoff['team'], time() ), $place ),
			'agent'                 => $handoff['agent_id'] > 0 ? array( 'name' => Inbox_Service::name( $handoff['agent_id'] ) ) : null,
			'agent_typing'          => false !== $typing && time() - (int) $typing < 8,
		);
	}

	/**
	 * Whether a person holds the conversation now (the bot then stays quiet).
	 *
	 * @param array $conversation The conversation.
	 * @phpstan-param Conversation $conversation
	 * @throws Storage_Exception When the database cannot be read.
	 */
	public function held( array $conversation ): bool {
		$state = $this->state( $conversation );
		return null !== $state && 'accepted' === $state['status'];
	}
}
