<?php
/**
 * Release checkpoints: expected against actual impact, the re-check and what was tuned.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Reports\Review;

use HandoffBot\Reports\Metrics;
use HandoffBot\Reports\Period;
use HandoffBot\Reports\Stats;
use HandoffBot\Repositories\Checkpoint_Repository;
use HandoffBot\Repositories\Storage_Exception;

defined( 'ABSPATH' ) || exit;

/**
 * A checkpoint is `waiting` until as many conversations as it waits for have started under its
 * config version, then `ready`: it shows the headline figures of those conversations against
 * those started under the version before, beside the expected impact, and asks for a re-check,
 * after which it is `checked` (who, when, notes). When another change is saved before it reached
 * its threshold, no conversation will ever start under its version again: it is `superseded`
 * (with the version that superseded it), shows the figures of the conversations it did get, if
 * any, and may be re-checked. What was tuned after it can be written down at any time; the next
 * review shows it.
 *
 * @phpstan-import-type Checkpoint_Row from Checkpoint_Repository
 */
final class Checkpoint_Service {

	public const WAITING    = 'waiting';
	public const READY      = 'ready';
	public const SUPERSEDED = 'superseded';
	public const CHECKED    = 'checked';

	/**
	 * The longest note, in characters.
	 */
	public const NOTE_MAX = 2000;

	/**
	 * The headline figures compared: name => path in the report's metrics.
	 */
	private const HEADLINE = array(
		'conversations'          => array( 'conversations' ),
		'handoffs'               => array( 'handoffs' ),
		'escalation_rate'        => array( 'escalation', 'rate' ),
		'user_share'             => array( 'triggers', 'user_share' ),
		'median_turn'            => array( 'turns', 'median' ),
		'completeness'           => array( 'completeness', 'score' ),
		'save_rate'              => array( 'saves', 'rate' ),
		'escalation_failed_rate' => array( 'escalation_failed', 'rate' ),
		'automation_candidates'  => array( 'automation', 'handoffs' ),
		'satisfaction_bot'       => array( 'satisfaction', 'bot', 'mean' ),
		'satisfaction_person'    => array( 'satisfaction', 'person', 'mean' ),
		'transfer_success_rate'  => array( 'queue', 'transfer_success_rate' ),
		'delay_median_seconds'   => array( 'queue', 'delay_median_seconds' ),
		'abandonment_rate'       => array( 'queue', 'abandonment_rate' ),
	);

	/**
	 * Checkpoints.
	 *
	 * @var Checkpoint_Repository
	 */
	private Checkpoint_Repository $checkpoints;

	/**
	 * The report.
	 *
	 * @var Metrics
	 */
	private Metrics $metrics;

	/**
	 * Builds the service.
	 *
	 * @param Checkpoint_Repository $checkpoints Checkpoints.
	 * @param Metrics               $metrics     The report.
	 */
	public function __construct( Checkpoint_Repository $checkpoints, Metrics $metrics ) {
		$this->checkpoints = $checkpoints;
		$this->metrics     = $metrics;
	}

	/**
	 * A page of checkpoints, newest first, with their progress (no comparison: ask for one).
	 *
	 * @param int $page     Page, from 1.
	 * @param int $per_page Rows per page.
	 * @return array{rows: list<array<string, mixed>>, total: int}
	 */
	public function page( int $page, int $per_page ): array {
		$rows = array();
		foreach ( $this->checkpoints->page( $page, $per_page ) as $checkpoint ) {
			$rows[] = $this->present( $checkpoint );
		}
		return array(
			'rows'  => $rows,
			'total' => $this->checkpoints->count(),
		);
	}

	/**
	 * A checkpoint with, once ready (or superseded after some conversations), expected against
	 * actual.
	 *
	 * @param int           $id   ID.
	 * @param \DateTimeZone $zone The site's time zone.
	 * @return array<string, mixed>
	 * @throws \InvalidArgumentException With the code not_found.
	 * @throws Storage_Exception When the database cannot be read.
	 */
	public function get( int $id, \DateTimeZone $zone ): array {
		$checkpoint    = $this->find( $id );
		$out           = $this->present( $checkpoint );
		$out['actual'] = self::WAITING === $out['state'] || 0 === $out['conversations'] ? null : $this->actual( $checkpoint, $zone );
		return $out;
	}

	/**
	 * Records the re-check of a ready or superseded checkpoint (again: the newer notes, who and
	 * when).
	 *
	 * @param int           $id      ID.
	 * @param int           $user_id Who.
	 * @param string        $note    Notes.
	 * @param \DateTimeZone $zone    The site's time zone.
	 * @return array<string, mixed> The checkpoint now (a database that refuses it throws Storage_Exception).
	 * @throws \InvalidArgumentException With the code not_found or not_ready.
	 */
	public function check( int $id, int $user_id, string $note, \DateTimeZone $zone ): array {
		$checkpoint = $this->find( $id );
		if ( self::WAITING === $this->progress( $checkpoint )['state'] ) {
			throw new \InvalidArgumentException( 'not_ready' );
		}
		$this->checkpoints->check( $id, $user_id, $note );
		return $this->get( $id, $zone );
	}

	/**
	 * Records what was tuned after the change.
	 *
	 * @param int           $id      ID.
	 * @param int           $user_id Who.
	 * @param string        $tuned   What was tuned.
	 * @param \DateTimeZone $zone    The site's time zone.
	 * @return array<string, mixed> The checkpoint now.
	 * @throws \InvalidArgumentException With the code not_found.
	 * @throws Storage_Exception When the database refuses it.
	 */
	public function document( int $id, int $user_id, string $tuned, \DateTimeZone $zone ): array {
		$this->find( $id );
		$this->checkpoints->document( $id, $user_id, $tuned );
		return $this->get( $id, $zone );
	}

	/**
	 * A checkpoint or the not_found error.
	 *
	 * @param int $id ID.
	 * @return Checkpoint_Row
	 * @throws \InvalidArgumentException With the code not_found.
	 */
	private function find( int $id ): array {
		$checkpoint = $this->checkpoints->find( $id );
		if ( null === $checkpoint ) {
			throw new \InvalidArgumentException( 'not_found' );
		}
		return $checkpoint;
	}

	/**
	 * The state of a checkpoint, the conversations started under its version and, when a later
	 * change overtook it before it reached its threshold, that change's config version.
	 *
	 * @param array $checkpoint The row.
	 * @phpstan-param Checkpoint_Row $checkpoint
	 * @return array{state: string, conversations: int, superseded_by: int|null}
	 */
	private function progress( array $checkpoint ): array {
		$conversations = $this->checkpoints->conversations_under( $checkpoint['config_version'] );
		$superseded_by = $conversations < $checkpoint['threshold'] ? $this->checkpoints->next_version( $checkpoint['config_version'] ) : null;
		if ( self::CHECKED === $checkpoint['state'] ) {
			$state = self::CHECKED;
		} elseif ( $conversations >= $checkpoint['threshold'] ) {
			$state = self::READY;
		} else {
			$state = null === $superseded_by ? self::WAITING : self::SUPERSEDED;
		}
		return array(
			'state'         => $state,
			'conversations' => $conversations,
			'superseded_by' => $superseded_by,
		);
	}

	/**
	 * A checkpoint as REST shows it.
	 *
	 * @param array $checkpoint The row.
	 * @phpstan-param Checkpoint_Row $checkpoint
	 * @return array<string, mixed>
	 */
	private function present( array $checkpoint ): array {
		$progress = $this->progress( $checkpoint );
		$state    = $progress['state'];
		return array(
			'id'              => $checkpoint['id'],
			'config_version'  => $checkpoint['config_version'],
			'area'            => $checkpoint['area'],
			'area_version'    => $checkpoint['area_version'],
			'note'            => $checkpoint['note'],
			'expected_impact' => $checkpoint['expected_impact'],
			'author'          => People::person( $checkpoint['author_id'] ),
			'created_at'      => $checkpoint['created_at'],
			'state'           => $state,
			'superseded_by'   => $progress['superseded_by'],
			'conversations'   => $progress['conversations'],
			'threshold'       => $checkpoint['threshold'],
			'check'           => self::CHECKED === $state ? array(
				'by'   => People::person( $checkpoint['checked_by'] ),
				'at'   => $checkpoint['checked_at'],
				'note' => $checkpoint['check_note'],
			) : null,
			'tuned'           => '' === $checkpoint['tuned'] ? null : array(
				'text' => $checkpoint['tuned'],
				'by'   => People::person( $checkpoint['tuned_by'] ),
				'at'   => $checkpoint['tuned_at'],
			),
		);
	}

	/**
	 * The headline figures of the conversations started under the checkpoint's config version
	 * (from the day of the change) against those started under the version before (in the
	 * longest period the report takes, up to that day).
	 *
	 * @param array         $checkpoint The row.
	 * @phpstan-param Checkpoint_Row $checkpoint
	 * @param \DateTimeZone $zone       The site's time zone.
	 * @return array{before: array{config_version: int, period: array<string, mixed>}, after: array{config_version: int, period: array<string, mixed>}, figures: array<string, array{before: int|float|null, after: int|float|null, delta: float|null, relative: float|null}>}
	 * @throws Storage_Exception When the database cannot be read.
	 */
	private function actual( array $checkpoint, \DateTimeZone $zone ): array {
		$now     = new \DateTimeImmutable( 'now', new \DateTimeZone( 'UTC' ) );
		$changed = ( new \DateTimeImmutable( $checkpoint['created_at'], new \DateTimeZone( 'UTC' ) ) )->setTimezone( $zone )->setTime( 0, 0 );
		$today   = $now->setTimezone( $zone )->setTime( 0, 0 );
		$span    = '+' . ( Period::MAX_DAYS - 1 ) . ' days';
		$last    = $changed->modify( $span );
		$last    = $today < $changed ? $changed : ( $today < $last ? $today : $last );
		$after   = Period::from_preset( Period::CUSTOM, $changed->format( 'Y-m-d' ), $last->format( 'Y-m-d' ), $zone, $now );
		$first   = $changed->modify( '-' . ( Period::MAX_DAYS - 1 ) . ' days' );
		$before  = Period::from_preset( Period::CUSTOM, $first->format( 'Y-m-d' ), $changed->format( 'Y-m-d' ), $zone, $now );
		$version = $checkpoint['config_version'];
		$new     = $this->metrics->summary( $after, false, $version )['metrics'];
		$old     = $version > 1 ? $this->metrics->summary( $before, false, $version - 1 )['metrics'] : array();
		$figures = array();
		foreach ( self::HEADLINE as $name => $path ) {
			$change           = Stats::change( self::pick( $new, $path ), self::pick( $old, $path ) );
			$figures[ $name ] = array(
				'before'   => $change['previous'],
				'after'    => $change['current'],
				'delta'    => $change['delta'],
				'relative' => $change['relative'],
			);
		}
		return array(
			'before'  => array(
				'config_version' => max( 0, $version - 1 ),
				'period'         => $before->to_array(),
			),
			'after'   => array(
				'config_version' => $version,
				'period'         => $after->to_array(),
			),
			'figures' => $figures,
		);
	}

	/**
	 * A figure at a path.
	 *
	 * @param array<string, mixed> $metrics Metrics.
	 * @param array<int, string>   $path    Keys.
	 * @phpstan-param list<string> $path
	 * @return int|float|null
	 */
	private static function pick( array $metrics, array $path ) {
		$value = $metrics;
		foreach ( $path as $key ) {
			if ( ! is_array( $value ) || ! array_key_exists( $key, $value ) ) {
				return null;
			}
			$value = $value[ $key ];
		}
		return is_int( $value ) || is_float( $value ) ? $value : null;
	}
}
