<?php
/**
 * Stores every notification before it is tried, and tries it in the background.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Notifications;

use HandoffBot\Contracts\Notifier;
use HandoffBot\Contracts\Registrable;
use HandoffBot\Repositories\Delivery_Repository;
use HandoffBot\Repositories\Event_Repository;
use HandoffBot\Repositories\Handoff_Repository;

defined( 'ABSPATH' ) || exit;

/**
 * The outbox. `queue()` (on the `handoff_bot_notify` action) stores one delivery per connection
 * that wants the event for the handoff's team, with its message composed, and schedules it: it
 * never sends, so a visitor's request only writes rows. A background job (Delivery_Jobs) then
 * tries each one: sent on a 2xx answer (or when wp_mail() took it), else tried again with
 * exponential backoff and jitter (Backoff), and marked failed after the last attempt. Failed or
 * sent deliveries can be sent again by hand, under the same delivery ID.
 *
 * @phpstan-import-type Delivery from Delivery_Repository
 * @phpstan-import-type Connection from Connection_Store
 */
final class Outbox implements Registrable {

	/**
	 * Seconds a runner holds a delivery it is trying (longer than a receiver's timeout).
	 */
	private const HOLD = 120;

	/**
	 * Connections.
	 *
	 * @var Connection_Store
	 */
	private Connection_Store $connections;

	/**
	 * Deliveries.
	 *
	 * @var Delivery_Repository
	 */
	private Delivery_Repository $deliveries;

	/**
	 * Builds notifications.
	 *
	 * @var Notification_Builder
	 */
	private Notification_Builder $builder;

	/**
	 * Schedules attempts.
	 *
	 * @var Delivery_Jobs
	 */
	private Delivery_Jobs $jobs;

	/**
	 * Events.
	 *
	 * @var Event_Repository
	 */
	private Event_Repository $events;

	/**
	 * Handoffs (for the conversation an event belongs to).
	 *
	 * @var Handoff_Repository
	 */
	private Handoff_Repository $handoffs;

	/**
	 * Notifiers by kind.
	 *
	 * @var array<string, Notifier>
	 */
	private array $notifiers = array();

	/**
	 * Builds the outbox.
	 *
	 * @param Connection_Store     $connections Connections.
	 * @param Delivery_Repository  $deliveries  Deliveries.
	 * @param Notification_Builder $builder     Builds notifications.
	 * @param Delivery_Jobs        $jobs        Schedules attempts.
	 * @param Event_Repository     $events      Events.
	 * @param Handoff_Repository   $handoffs    Handoffs.
	 * @param Notifier             ...$notifiers One per kind.
	 */
	public function __construct( Connection_Store $connections, Delivery_Repository $deliveries, Notification_Builder $builder, Delivery_Jobs $jobs, Event_Repository $events, Handoff_Repository $handoffs, Notifier ...$notifiers ) {
		$this->connections = $connections;
		$this->deliveries  = $deliveries;
		$this->builder     = $builder;
		$this->jobs        = $jobs;
		$this->events      = $events;
		$this->handoffs    = $handoffs;
		foreach ( $notifiers as $notifier ) {
			$this->notifiers[ $notifier->kind() ] = $notifier;
		}
	}

	/**
	 * {@inheritDoc}
	 */
	public function register(): void {
		add_action( 'handoff_bot_notify', array( $this, 'on_notify' ), 10, 2 );
		add_action( Delivery_Jobs::HOOK, array( $this, 'run' ) );
		add_action( Delivery_Jobs::SWEEP, array( $this, 'sweep' ) );
	}

	/**
	 * The `handoff_bot_notify` action: queues an event of a handoff. Never throws: a notification
	 * that cannot be stored must not fail the request that caused it (the failure is an event).
	 *
	 * @param mixed $event      Event name.
	 * @param mixed $handoff_id Handoff.
	 */
	public function on_notify( $event, $handoff_id ): void {
		try {
			$this->queue( (string) $event, (int) $handoff_id );
		} catch ( \Throwable $e ) {
			$this->events->append(
				'notify_failed',
				0,
				array(
					'event' => (string) $event,
					'error' => $e->getMessage(),
				),
				(int) $handoff_id
			);
		}
	}

	/**
	 * Stores one delivery for each enabled connection that sends the event for the handoff's
	 * team, and schedules them. Queuing the same event of the same handoff again stores nothing
	 * more.
	 *
	 * @param string $event      One of Connection_Store::EVENTS.
	 * @param int    $handoff_id Handoff.
	 * @return list<int> The deliveries stored now.
	 * @throws \HandoffBot\Repositories\Storage_Exception When the database refuses them.
	 */
	public function queue( string $event, int $handoff_id ): array {
		if ( ! in_array( $event, Connection_Store::EVENTS, true ) ) {
			return array();
		}
		$handoff = $this->handoffs->find( $handoff_id );
		if ( null === $handoff ) {
			return array();
		}
		$stored = array();
		foreach ( $this->connections->for_event( $event, $handoff['team'] ) as $connection ) {
			$notifier = $this->notifiers[ $connection['kind'] ] ?? null;
			if ( null === $notifier ) {
				continue;
			}
			$delivery_id  = wp_generate_uuid4();
			$notification = $this->builder->build( $event, $handoff_id, $delivery_id );
			if ( null === $notification ) {
				continue;
			}
			$id = $this->deliveries->create(
				array(
					'delivery_id'   => $delivery_id,
					// The same event of the same handoff in the same state is one delivery, however
					// often it is queued; a handoff accepted again after a transfer is a new event.
					'dedupe'        => hash( 'sha256', implode( '|', array( $event, $handoff_id, $connection['id'], $handoff['status'], $handoff['accepted_at'], $handoff['resolved_at'] ) ) ),
					'connection_id' => $connection['id'],
					'kind'          => $connection['kind'],
					'event'         => $event,
					'handoff_id'    => $handoff_id,
					'max_attempts'  => Backoff::max_attempts(),
					'payload'       => $notifier->compose( $notification ),
				)
			);
			if ( $id > 0 ) {
				$stored[] = $id;
				$this->jobs->at( $id, time() );
			}
		}//end foreach
		return $stored;
	}

	/**
	 * Stores a test delivery to one connection and tries it at once (an admin's request, never a
	 * visitor's). A test is tried once: its result is what the admin wants to see.
	 *
	 * @param array $connection The connection.
	 * @phpstan-param Connection $connection
	 * @return Delivery|null The delivery after its attempt, or null when it could not be stored.
	 * @throws \HandoffBot\Repositories\Storage_Exception When the database refuses it.
	 */
	public function test( array $connection ): ?array {
		$notifier = $this->notifiers[ $connection['kind'] ] ?? null;
		if ( null === $notifier ) {
			return null;
		}
		$delivery_id = wp_generate_uuid4();
		$id          = $this->deliveries->create(
			array(
				'delivery_id'   => $delivery_id,
				'dedupe'        => 'test|' . $delivery_id,
				'connection_id' => $connection['id'],
				'kind'          => $connection['kind'],
				'event'         => Connection_Store::TEST_EVENT,
				'handoff_id'    => 0,
				'max_attempts'  => 1,
				'payload'       => $notifier->compose( $this->builder->test( $delivery_id ) ),
			)
		);
		return $id > 0 ? $this->deliver( $id ) : null;
	}

	/**
	 * The job's hook: one attempt at a delivery.
	 *
	 * @param mixed $id The delivery's row ID.
	 */
	public function run( $id ): void {
		try {
			$this->deliver( (int) $id );
		} catch ( \HandoffBot\Repositories\Storage_Exception $e ) {
			// The delivery stays pending; the sweep tries it again.
			$this->jobs->sweep_later();
		}
	}

	/**
	 * Tries a pending delivery that is due, unless another runner holds it.
	 *
	 * @param int $id  The delivery's row ID.
	 * @param int $now Unix time (0: now).
	 * @return Delivery|null The delivery after the attempt (or as it was, when it was not tried), or null.
	 * @throws \HandoffBot\Repositories\Storage_Exception When the database refuses it.
	 */
	public function deliver( int $id, int $now = 0 ): ?array {
		$now      = $now > 0 ? $now : time();
		$delivery = $this->deliveries->find( $id );
		if ( null === $delivery || Delivery_Repository::PENDING !== $delivery['status'] || ! $this->deliveries->claim( $id, $now, self::HOLD ) ) {
			return $delivery;
		}
		$attempt    = $delivery['attempts'] + 1;
		$connection = $this->connections->find( $delivery['connection_id'] );
		if ( null === $connection ) {
			$result = new Delivery_Result( false, 0, '', __( 'The connection was removed.', 'handoff-bot' ) );
		} elseif ( ! $connection['enabled'] && Connection_Store::TEST_EVENT !== $delivery['event'] ) {
			$result = new Delivery_Result( false, 0, '', __( 'The connection is turned off.', 'handoff-bot' ) );
		} else {
			$result = $this->attempt( $delivery, $connection );
		}
		if ( $result->ok ) {
			$this->deliveries->record_attempt( $id, Delivery_Repository::SENT, $result->code, $result->excerpt, '', null );
			$this->log( 'delivery_succeeded', $delivery, $attempt, $result );
		} elseif ( $attempt >= $delivery['max_attempts'] || null === $connection ) {
			$this->deliveries->record_attempt( $id, Delivery_Repository::FAILED, $result->code, $result->excerpt, $result->error, null );
			$this->log( 'delivery_failed', $delivery, $attempt, $result );
		} else {
			$next = $now + Backoff::delay( $attempt, random_int( 0, 1000 ) );
			$this->deliveries->record_attempt( $id, Delivery_Repository::PENDING, $result->code, $result->excerpt, $result->error, $next );
			$this->jobs->at( $id, $next );
		}
		return $this->deliveries->find( $id );
	}

	/**
	 * Sends a failed or sent delivery again, under the same delivery ID, with a fresh set of
	 * attempts; the first in the background, at once.
	 *
	 * @param int $id The delivery's row ID.
	 * @return bool False when it is still pending (its next attempt is scheduled).
	 * @throws \HandoffBot\Repositories\Storage_Exception When the database refuses it.
	 */
	public function redeliver( int $id ): bool {
		if ( ! $this->deliveries->requeue( $id ) ) {
			return false;
		}
		$this->jobs->at( $id, time() );
		return true;
	}

	/**
	 * Schedules the deliveries whose attempt is overdue (their job was lost), and sweeps again
	 * later while any wait.
	 */
	public function sweep(): void {
		try {
			foreach ( $this->deliveries->overdue( time(), 60, 100 ) as $id ) {
				$this->jobs->at( $id, time() );
			}
			if ( $this->deliveries->any_pending() ) {
				$this->jobs->sweep_later();
			}
		} catch ( \HandoffBot\Repositories\Storage_Exception $e ) {
			$this->jobs->sweep_later();
		}
	}

	/**
	 * One attempt through the connection's notifier; whatever it throws is a failed attempt.
	 *
	 * @param array $delivery   The delivery.
	 * @phpstan-param Delivery $delivery
	 * @param array $connection The connection.
	 * @phpstan-param Connection $connection
	 */
	private function attempt( array $delivery, array $connection ): Delivery_Result {
		$notifier = $this->notifiers[ $connection['kind'] ] ?? null;
		if ( null === $notifier ) {
			return new Delivery_Result( false, 0, '', __( 'No notifier sends this kind of connection.', 'handoff-bot' ) );
		}
		try {
			return $notifier->send( $this->deliveries->payload( $delivery['id'] ), $connection, $delivery['delivery_id'], $delivery['event'] );
		} catch ( \Throwable $e ) {
			return new Delivery_Result( false, 0, '', $e->getMessage() );
		}
	}

	/**
	 * Appends a delivery's final outcome to the event log (the report's integration health).
	 *
	 * @param string          $type     delivery_succeeded or delivery_failed.
	 * @param array           $delivery The delivery.
	 * @phpstan-param Delivery $delivery
	 * @param int             $attempt  Attempts made.
	 * @param Delivery_Result $result   The last attempt.
	 */
	private function log( string $type, array $delivery, int $attempt, Delivery_Result $result ): void {
		$handoff = $delivery['handoff_id'] > 0 ? $this->handoffs->find( $delivery['handoff_id'] ) : null;
		$this->events->append(
			$type,
			null === $handoff ? 0 : $handoff['conversation_id'],
			array(
				'delivery'   => $delivery['delivery_id'],
				'connection' => $delivery['connection_id'],
				'kind'       => $delivery['kind'],
				'event'      => $delivery['event'],
				'attempts'   => $attempt,
				'code'       => $result->code,
			),
			$delivery['handoff_id']
		);
	}
}
