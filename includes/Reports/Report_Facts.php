<?php
/**
 * Keeps the report facts current: one row per conversation of what the report reads of its events.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Reports;

use HandoffBot\Repositories\Personal_Data_Repository;
use HandoffBot\Repositories\Report_Facts_Repository;
use HandoffBot\Repositories\Report_Repository;
use HandoffBot\Repositories\Storage_Exception;

defined( 'ABSPATH' ) || exit;

/**
 * A watermark (an event ID, in an option) says how far the facts go: every conversation with an
 * event up to it has its row, built from all of its events. Each refresh takes in the events
 * written since, a batch of conversations at a time, rebuilding the rows of the conversations
 * they belong to, then moves the watermark. The newest events (written in the last five minutes)
 * wait for the next run, so that a write still in flight when the run reads is not skipped.
 *
 * The report reads a conversation's facts only when none of its events is newer than the
 * watermark, and reads its events otherwise (Report_Repository::period_events()): a run that is
 * late or missed makes the report slower, never wrong. Only the visitor's and the agents' writes
 * of events make a conversation stale; nothing is added to those writes.
 *
 * @phpstan-import-type Raw_Event from Report_Facts_Repository
 */
final class Report_Facts {

	/**
	 * Option holding the watermark.
	 */
	public const WATERMARK_OPTION = 'handoff_bot_report_facts_through';

	/**
	 * Events newer than this many seconds wait for the next run.
	 */
	public const SETTLE_SECONDS = 300;

	/**
	 * The keys of an event's data the report reads (Turns, Escalation_Metrics, Outcome_Metrics):
	 * the facts keep these and no others.
	 */
	public const DATA_KEYS = array( 'intent', 'signals', 'confidence', 'kind', 'reply_id', 'message_id', 'helpful', 'rating', 'served_by' );

	/**
	 * Event IDs taken in a batch.
	 */
	private const BATCH = 20000;

	/**
	 * The facts' reads and writes.
	 *
	 * @var Report_Facts_Repository
	 */
	private Report_Facts_Repository $facts;

	/**
	 * Builds the refresh.
	 *
	 * @param Report_Facts_Repository $facts The facts' reads and writes.
	 */
	public function __construct( Report_Facts_Repository $facts ) {
		$this->facts = $facts;
	}

	/**
	 * The watermark: events up to this ID are in the facts (0: none are).
	 */
	public static function watermark(): int {
		return (int) get_option( self::WATERMARK_OPTION, 0 );
	}

	/**
	 * Takes in the events written since the last run, until done or out of time.
	 *
	 * @param int   $now     The current time (Unix).
	 * @param float $seconds Time to stop starting batches after.
	 * @return array{conversations: int, through: int, done: bool}
	 * @throws Storage_Exception When the database refuses it (the watermark stays where the last
	 *                           finished batch left it).
	 */
	public function refresh( int $now, float $seconds ): array {
		$started = microtime( true );
		$after   = self::watermark();
		$ready   = $this->facts->ready_through( $after, gmdate( 'Y-m-d H:i:s', $now - self::SETTLE_SECONDS ) );
		$count   = 0;
		while ( $after < $ready && microtime( true ) - $started < $seconds ) {
			$through       = min( $ready, $after + self::BATCH );
			$conversations = $this->facts->touched( $after, $through );
			foreach ( array_chunk( $conversations, 500 ) as $chunk ) {
				$rows = self::build( $chunk, $this->facts->source_events( $chunk ) );
				$this->facts->transaction(
					function () use ( $chunk, $rows ): void {
						$this->facts->replace( $chunk, $rows );
					}
				);
			}
			$count += count( $conversations );
			$after  = $through;
			update_option( self::WATERMARK_OPTION, $after, false );
		}
		if ( $after >= $ready ) {
			$this->facts->delete_orphans();
		}
		return array(
			'conversations' => $count,
			'through'       => $after,
			'done'          => $after >= $ready,
		);
	}

	/**
	 * Starts again from no facts (the next refreshes rebuild them all).
	 *
	 * @throws Storage_Exception When the database refuses it.
	 */
	public function reset(): void {
		update_option( self::WATERMARK_OPTION, 0, false );
		$this->facts->clear();
	}

	/**
	 * The facts of conversations from their events, oldest first: the report's per-turn events,
	 * feedback and ratings with the figures and codes of their data the report reads (DATA_KEYS;
	 * never the free text an erasure removes), and for each offer of a person whether the
	 * visitor wrote, accepted or declined after it (as Report_Repository::offers() reads it).
	 *
	 * @param array<int, int>   $conversations The conversations (each gets a row, events or not).
	 * @param array<int, array> $events        Their source events, oldest first.
	 * @phpstan-param list<int> $conversations
	 * @phpstan-param list<Raw_Event> $events
	 * @return list<array{conversation_id: int, last_event_id: int, turns: string, offers: string}>
	 */
	public static function build( array $conversations, array $events ): array {
		$turns  = array_fill_keys( $conversations, array() );
		$offers = array_fill_keys( $conversations, array() );
		$last   = array_fill_keys( $conversations, 0 );
		$keep   = array_diff_key( array_flip( self::DATA_KEYS ), array_flip( Personal_Data_Repository::PERSONAL_EVENT_DATA ) );
		foreach ( $events as $event ) {
			$id          = $event['conversation_id'];
			$last[ $id ] = max( $last[ $id ] ?? 0, $event['id'] );
			$follows     = in_array( $event['type'], array( 'message_received', 'choice_accepted', 'choice_declined' ), true );
			foreach ( $offers[ $id ] ?? array() as $offer => $followed ) {
				if ( $follows && ! $followed ) {
					$offers[ $id ][ $offer ] = 1;
				}
			}
			if ( ! in_array( $event['type'], Report_Repository::TURN_EVENTS, true ) ) {
				continue;
			}
			$data           = json_decode( $event['data'], true );
			$data           = is_array( $data ) ? array_intersect_key( $data, $keep ) : array();
			$turns[ $id ][] = array( $event['id'], $event['handoff_id'], $event['type'], $data );
			if ( 'choice_offered' === $event['type'] ) {
				$offers[ $id ][ $event['id'] ] = 0;
			}
		}
		$rows = array();
		foreach ( $turns as $id => $list ) {
			$rows[] = array(
				'conversation_id' => (int) $id,
				'last_event_id'   => (int) ( $last[ $id ] ?? 0 ),
				'turns'           => (string) wp_json_encode( $list ),
				'offers'          => (string) wp_json_encode( (object) $offers[ $id ] ),
			);
		}
		return $rows;
	}
}
