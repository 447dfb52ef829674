<?php
/**
 * Turns a handoff decision into the conversation's one open handoff.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Conversations;

use HandoffBot\Escalation\Policy;
use HandoffBot\Escalation\Policy_Store;
use HandoffBot\Handoff\Context_Builder;
use HandoffBot\Handoff\Context_Package;
use HandoffBot\Handoff\Route;
use HandoffBot\Handoff\Router;
use HandoffBot\Handoff\Routing;
use HandoffBot\Repositories\Conversation_Repository;
use HandoffBot\Repositories\Event_Repository;
use HandoffBot\Repositories\Handoff_Repository;
use HandoffBot\Repositories\Storage_Exception;

defined( 'ABSPATH' ) || exit;

/**
 * A conversation has at most one open handoff. The first decision to hand off (from a rule, the
 * button, or an accepted offer) opens it; a later one finds it open. The private route still wins:
 * personal data typed after a handoff was requested moves the open handoff to the private route.
 * The database settles a race between two requests (the open handoff's key is unique). A new
 * handoff is routed first (live, ticket, callback or private, and why: a `routed` event).
 *
 * @phpstan-import-type New_Handoff from Handoff_Repository
 * @phpstan-import-type Handoff from Handoff_Repository
 */
final class Handoff_Requests {

	/**
	 * A handoff was opened.
	 */
	public const OPENED = 'opened';

	/**
	 * One was already open.
	 */
	public const ALREADY_OPEN = 'already_open';

	/**
	 * One was already open, and now takes the private route.
	 */
	public const REROUTED = 'rerouted';

	/**
	 * Handoffs.
	 *
	 * @var Handoff_Repository
	 */
	private Handoff_Repository $handoffs;

	/**
	 * Events.
	 *
	 * @var Event_Repository
	 */
	private Event_Repository $events;

	/**
	 * Routing.
	 *
	 * @var Routing
	 */
	private Routing $routing;

	/**
	 * Builds context packages.
	 *
	 * @var Context_Builder
	 */
	private Context_Builder $context;

	/**
	 * Conversations.
	 *
	 * @var Conversation_Repository
	 */
	private Conversation_Repository $conversations;

	/**
	 * Conversations whose handoff opened in the current transaction, with the reply's meta.
	 *
	 * @var array<int, array<string, mixed>|null>
	 */
	private array $opened = array();

	/**
	 * Builds the service.
	 *
	 * @param Handoff_Repository      $handoffs      Handoffs.
	 * @param Event_Repository        $events        Events.
	 * @param Routing                 $routing       Routing.
	 * @param Context_Builder         $context       Builds context packages.
	 * @param Conversation_Repository $conversations Conversations.
	 */
	public function __construct( Handoff_Repository $handoffs, Event_Repository $events, Routing $routing, Context_Builder $context, Conversation_Repository $conversations ) {
		$this->handoffs      = $handoffs;
		$this->events        = $events;
		$this->routing       = $routing;
		$this->context       = $context;
		$this->conversations = $conversations;
	}

	/**
	 * The route a new handoff would take, worked out before its transaction (it reads the agents'
	 * presence and the queue). Null when routing fails: the handoff is then stored unrouted, and
	 * the failure is an event.
	 *
	 * @param int    $conversation_id Conversation.
	 * @param string $intent          The intent's name.
	 * @param bool   $private         Whether it takes the private route.
	 * @param Policy $policy          The rules in force.
	 * @return array{route: Route, team: string}|null
	 */
	public function route( int $conversation_id, string $intent, bool $private, Policy $policy ): ?array {
		try {
			return $this->routing->route( $intent, $private, $policy, time() );
		} catch ( \Throwable $e ) {
			$this->events->append( 'routing_failed', $conversation_id, array( 'error' => $e->getMessage() ) );
			return null;
		}
	}

	/**
	 * Opens the conversation's handoff, or finds the open one (moving it to the private route
	 * when this request is private). Runs inside the caller's transaction.
	 *
	 * @param array      $handoff The handoff this decision would open.
	 * @phpstan-param New_Handoff $handoff
	 * @param bool       $private Whether it takes the private route.
	 * @param array|null $routed  Its route and team (from route()), or null when unrouted.
	 * @phpstan-param array{route: Route, team: string}|null $routed
	 * @param array|null $turn_meta The reply written with it (its sources), for the brief.
	 * @phpstan-param array<string, mixed>|null $turn_meta
	 * @return array{id: int, status: string} The handoff and what happened.
	 * @throws Storage_Exception When the database refuses it.
	 */
	public function request( array $handoff, bool $private, ?array $routed = null, ?array $turn_meta = null ): array {
		$conversation_id = $handoff['conversation_id'];
		$open            = $this->handoffs->open_for( $conversation_id );
		if ( null === $open ) {
			// The brief is built once this transaction commits (complete()): it reads posts and
			// users through WordPress, which must not run inside the plugin's own transaction.
			$this->opened[ $conversation_id ] = $turn_meta;
			if ( null !== $routed ) {
				$handoff['route']        = $routed['route']->route;
				$handoff['route_reason'] = $routed['route']->outcome;
				$handoff['team']         = $routed['team'];
			}
			if ( $private ) {
				$handoff['route']        = 'private';
				$handoff['route_reason'] = 'private';
			}
			$id = $this->handoffs->create( $handoff );
			if ( $id > 0 ) {
				$this->conversations->set_handoff( $conversation_id, $id );
				return array(
					'id'     => $id,
					'status' => self::OPENED,
				);
			}
			// Another request opened it between the read and the write.
			$open = $this->handoffs->open_for( $conversation_id );
			if ( null === $open ) {
				throw new Storage_Exception( 'The handoff was neither stored nor found.' );
			}
		}//end if
		if ( $private && 'private' !== $open['route'] ) {
			$this->handoffs->make_private( $open['id'] );
			return array(
				'id'     => $open['id'],
				'status' => self::REROUTED,
			);
		}
		return array(
			'id'     => $open['id'],
			'status' => self::ALREADY_OPEN,
		);
	}

	/**
	 * Builds and stores the brief of the handoff the conversation just opened (after the
	 * transaction that opened it committed). Once: a handoff that has its brief keeps it.
	 *
	 * @param int $conversation_id Conversation.
	 */
	public function complete( int $conversation_id ): void {
		if ( ! array_key_exists( $conversation_id, $this->opened ) ) {
			return;
		}
		$turn_meta = $this->opened[ $conversation_id ];
		unset( $this->opened[ $conversation_id ] );
		try {
			$open = $this->handoffs->open_for( $conversation_id );
			if ( null === $open ) {
				return;
			}
			$package = $this->package( $open, $turn_meta );
			$this->handoffs->set_context( $open['id'], $conversation_id, $package['summary'][0] ?? '', (string) wp_json_encode( $package ) );
			/**
			 * Tells the team's connections about a handoff event (the outbox stores one delivery
			 * per connection and sends it in the background).
			 *
			 * @since 0.3.0
			 *
			 * @param string $event      handoff.requested, handoff.accepted, handoff.resolved, ticket.created or callback.requested.
			 * @param int    $handoff_id The handoff.
			 */
			do_action( 'handoff_bot_notify', 'handoff.requested', $open['id'] );
		} catch ( Storage_Exception $e ) {
			$this->events->append( 'context_failed', $conversation_id, array( 'error' => $e->getMessage() ) );
		}
	}

	/**
	 * The brief of a handoff just opened. A brief that cannot be built never stops the
	 * handoff: the agent then gets what the handoff row itself says, and the failure is an event.
	 *
	 * @param array      $handoff   The handoff.
	 * @phpstan-param Handoff $handoff
	 * @param array|null $turn_meta The reply written with it.
	 * @phpstan-param array<string, mixed>|null $turn_meta
	 * @return array<string, mixed>
	 */
	private function package( array $handoff, ?array $turn_meta ): array {
		try {
			return $this->context->build( $handoff, Policy_Store::in_force(), $turn_meta );
		} catch ( \Throwable $e ) {
			$this->events->append( 'context_failed', $handoff['conversation_id'], array( 'error' => $e->getMessage() ) );
			return Context_Package::build(
				array(
					'messages'       => array(),
					'intent'         => null,
					'confidence'     => $handoff['confidence'],
					'sources'        => array(),
					'pages'          => array(),
					'language'       => '',
					'user'           => null,
					'form'           => array(),
					'reason'         => $handoff['reason'],
					'trigger'        => $handoff['trigger_type'],
					'turn'           => $handoff['turn'],
					'config_version' => $handoff['config_version'],
				)
			);
		}//end try
	}

	/**
	 * What the visitor reads when their handoff opens on a route where nobody can take the chat
	 * now (after hours, no agent online, a full queue, or routing failed), or null for the
	 * connecting message.
	 *
	 * @param Policy     $policy The rules in force.
	 * @param array|null $routed The handoff's route and team, or null when unrouted.
	 * @phpstan-param array{route: Route, team: string}|null $routed
	 */
	public static function opened_message( Policy $policy, ?array $routed ): ?string {
		if ( null === $routed ) {
			// Routing failed: whether anyone can take the chat is unknown, so promise no one.
			return $policy->message( 'recorded' );
		}
		$outcome = $routed['route']->outcome;
		if ( Router::OUTCOME_AFTER_HOURS === $outcome ) {
			return $policy->message( 'after_hours' );
		}
		if ( Router::OUTCOME_NO_AGENT === $outcome || Router::OUTCOME_QUEUE_FULL === $outcome ) {
			return $policy->message( 'no_agent' );
		}
		return null;
	}

	/**
	 * Records how a handoff just opened was routed (after the `handoff_requested` event, inside
	 * the same transaction).
	 *
	 * @param int        $conversation_id Conversation.
	 * @param int        $handoff_id      The handoff opened.
	 * @param array|null $routed          Its route and team, or null when unrouted.
	 * @phpstan-param array{route: Route, team: string}|null $routed
	 * @throws Storage_Exception When the database refuses it.
	 */
	public function record_route( int $conversation_id, int $handoff_id, ?array $routed ): void {
		if ( null !== $routed ) {
			$this->events->record( 'routed', $conversation_id, $routed['route']->to_array() + array( 'team' => $routed['team'] ), $handoff_id );
			if ( Router::ROUTE_LIVE === $routed['route']->route ) {
				$this->events->record( 'queued', $conversation_id, array( 'team' => $routed['team'] ), $handoff_id );
			}
		}
	}

	/**
	 * The visitor closed the chat (End chat) while its handoff waited: the handoff is abandoned,
	 * and a signed-in visitor's request becomes a ticket (they are emailed), as when a visitor goes
	 * away (Handoff\Queue_Sweep). An agent who already took it keeps it, to close it themselves.
	 *
	 * @param int                                     $conversation_id Conversation.
	 * @param \HandoffBot\Handoff\Ticket_Service|null $tickets Makes the ticket (none: no ticket).
	 * @throws Storage_Exception When the database refuses it.
	 */
	public function abandon( int $conversation_id, ?\HandoffBot\Handoff\Ticket_Service $tickets = null ): void {
		$open = $this->handoffs->open_for( $conversation_id );
		if ( null === $open || ! in_array( $open['status'], Handoff_Repository::WAITING, true ) ) {
			return;
		}
		$conversation = $this->conversations->find( $conversation_id );
		$user         = null !== $conversation && $conversation['user_id'] > 0 ? get_userdata( $conversation['user_id'] ) : false;
		if ( null !== $tickets && $user && is_email( $user->user_email ) && $tickets->from_abandoned( $open, (string) $user->display_name, (string) $user->user_email ) ) {
			return;
		}
		$this->handoffs->transaction(
			function () use ( $open, $conversation_id ): void {
				if ( ! $this->handoffs->close( $open['id'], 'abandoned', 'abandoned', array_values( array_intersect( $open['tags'], array( 'escalation_failed' ) ) ), '', null, true ) ) {
					return;
				}
				$this->conversations->clear_handoff( $conversation_id, $open['id'] );
				$this->events->record(
					'abandoned',
					$conversation_id,
					array(
						'waited_seconds' => max( 0, time() - (int) strtotime( $open['requested_at'] . ' UTC' ) ),
						'ended'          => true,
					),
					$open['id']
				);
			}
		);
	}

	/**
	 * The latest handoff of the conversation a person took, or 0 when the bot alone served it.
	 *
	 * @param int $conversation_id Conversation.
	 * @throws Storage_Exception When the database cannot be read.
	 */
	public function served_by_person( int $conversation_id ): int {
		$served = 0;
		foreach ( $this->handoffs->for_conversation( $conversation_id ) as $handoff ) {
			if ( null !== $handoff['accepted_at'] ) {
				$served = $handoff['id'];
			}
		}
		return $served;
	}

	/**
	 * Whether a person holds the conversation (its open handoff was accepted).
	 *
	 * @param int $conversation_id Conversation.
	 * @throws Storage_Exception When the database cannot be read.
	 */
	public function held( int $conversation_id ): bool {
		$open = $this->handoffs->open_for( $conversation_id );
		return null !== $open && 'accepted' === $open['status'];
	}

	/**
	 * Whether the conversation has an open handoff, and its route.
	 *
	 * @param int $conversation_id Conversation.
	 * @return string|null The open handoff's route ('live', 'ticket', 'private', or '' when unrouted), or null when none is open.
	 * @throws Storage_Exception When the database cannot be read.
	 */
	public function open_route( int $conversation_id ): ?string {
		$open = $this->handoffs->open_for( $conversation_id );
		return null === $open ? null : $open['route'];
	}
}
