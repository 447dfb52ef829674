<?php
/**
 * Purges personal data older than the retention period.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Privacy;

use HandoffBot\Repositories\Handoff_Repository;
use HandoffBot\Repositories\Personal_Data_Repository;
use HandoffBot\Repositories\Storage_Exception;

defined( 'ABSPATH' ) || exit;

/**
 * Conversations with no activity for the retention period (the `retention_days` setting) lose
 * their transcripts, page trails, briefs and contact details, in batches, each conversation in
 * its own transaction (Anonymiser). Those with a handoff still open, a live request or a ticket
 * or callback not closed, are kept until it closes and the period has passed since. What the
 * reports count (conversations, handoffs and events, with their reasons, routes, outcomes,
 * ratings and times) stays, so the figures for old periods do not change.
 *
 * @phpstan-import-type Tally from Anonymiser
 */
final class Retention_Purge {

	/**
	 * Conversations per batch.
	 */
	public const BATCH = 50;

	/**
	 * Storage.
	 *
	 * @var Personal_Data_Repository
	 */
	private Personal_Data_Repository $data;

	/**
	 * Anonymises.
	 *
	 * @var Anonymiser
	 */
	private Anonymiser $anonymiser;

	/**
	 * Builds the purge.
	 *
	 * @param Personal_Data_Repository $data       Storage.
	 * @param Anonymiser               $anonymiser Anonymises.
	 */
	public function __construct( Personal_Data_Repository $data, Anonymiser $anonymiser ) {
		$this->data       = $data;
		$this->anonymiser = $anonymiser;
	}

	/**
	 * Purges batches until none is left or the time is up.
	 *
	 * @param int   $now     Unix time.
	 * @param int   $days    Retention period, in days.
	 * @param int   $batch   Conversations per batch.
	 * @param float $seconds Time allowed (the next run goes on from where this one stopped).
	 * @return array{tally: Tally, done: bool} What was purged, and whether nothing is left.
	 * @throws Storage_Exception When the database fails (the conversations done stay done).
	 */
	public function run( int $now, int $days, int $batch = self::BATCH, float $seconds = 20.0 ): array {
		$cutoff  = gmdate( 'Y-m-d H:i:s', $now - max( 1, $days ) * DAY_IN_SECONDS );
		$started = microtime( true );
		$tally   = Anonymiser::tally();
		$cursor  = 0;
		do {
			$ids = $this->data->expired( $cutoff, $cursor, $batch, self::kept_statuses() );
			if ( ! $ids ) {
				return array(
					'tally' => $tally,
					'done'  => true,
				);
			}
			$tally  = $this->anonymiser->anonymise( $ids, false, $tally );
			$cursor = (int) max( $ids );
			$full   = count( $ids ) === $batch;
		} while ( $full && microtime( true ) - $started < $seconds );
		return array(
			'tally' => $tally,
			'done'  => ! $full,
		);
	}

	/**
	 * Statuses of handoffs kept until they close: a live request waiting or taken, a ticket or
	 * callback open or waiting on the visitor.
	 *
	 * @return list<string>
	 */
	public static function kept_statuses(): array {
		return array_values( array_unique( array_merge( Handoff_Repository::OPEN, Handoff_Repository::TICKET_OPEN ) ) );
	}
}
