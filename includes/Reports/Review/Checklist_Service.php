<?php
/**
 * The review checklists as completed, period by period.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Reports\Review;

use HandoffBot\Repositories\Checklist_Repository;
use HandoffBot\Repositories\Checkpoint_Repository;
use HandoffBot\Repositories\Storage_Exception;

defined( 'ABSPATH' ) || exit;

/**
 * A review (e.g. 2026-11) is its cadence's items, each with whether it is done, the note, who
 * and when; and the changes documented since the review's period began, so the review sees what
 * was tuned.
 *
 * @phpstan-type Review_Item array{id: string, label: string, target: string, done: bool, note: string, completed_by: array{id: int, name: string}|null, updated_at: string|null}
 */
final class Checklist_Service {

	/**
	 * The longest note, in characters.
	 */
	public const NOTE_MAX = 2000;

	/**
	 * Items.
	 *
	 * @var Checklist_Repository
	 */
	private Checklist_Repository $items;

	/**
	 * Checkpoints.
	 *
	 * @var Checkpoint_Repository
	 */
	private Checkpoint_Repository $checkpoints;

	/**
	 * Builds the service.
	 *
	 * @param Checklist_Repository  $items       Items.
	 * @param Checkpoint_Repository $checkpoints Checkpoints.
	 */
	public function __construct( Checklist_Repository $items, Checkpoint_Repository $checkpoints ) {
		$this->items       = $items;
		$this->checkpoints = $checkpoints;
	}

	/**
	 * A review.
	 *
	 * @param string        $key  Review key.
	 * @param \DateTimeZone $zone The site's time zone.
	 * @return array{review: string, cadence: string, period: array<string, mixed>, items: list<Review_Item>, done: int, total: int, changes: list<array<string, mixed>>}
	 * @throws \InvalidArgumentException With the code bad_review.
	 * @throws Storage_Exception When the database cannot be read.
	 */
	public function review( string $key, \DateTimeZone $zone ): array {
		$cadence = (string) Checklist::cadence( $key );
		$period  = Checklist::period( $key, $zone );
		$stored  = $this->items->items( $key );
		$items   = array();
		foreach ( Checklist::items( $cadence ) as $item ) {
			$row     = $stored[ $item['id'] ] ?? null;
			$items[] = $item + array(
				'done'         => null !== $row && $row['done'],
				'note'         => null === $row ? '' : $row['note'],
				'completed_by' => null === $row ? null : People::person( $row['user_id'] ),
				'updated_at'   => null === $row ? null : $row['updated_at'],
			);
		}
		$changes = array();
		foreach ( $this->checkpoints->documented_since( $period->start_utc() ) as $checkpoint ) {
			$changes[] = array(
				'checkpoint_id'   => $checkpoint['id'],
				'config_version'  => $checkpoint['config_version'],
				'area'            => $checkpoint['area'],
				'note'            => $checkpoint['note'],
				'expected_impact' => $checkpoint['expected_impact'],
				'tuned'           => $checkpoint['tuned'],
				'tuned_by'        => People::person( $checkpoint['tuned_by'] ),
				'tuned_at'        => $checkpoint['tuned_at'],
			);
		}
		return array(
			'review'  => $key,
			'cadence' => $cadence,
			'period'  => $period->to_array(),
			'items'   => $items,
			'done'    => count( array_filter( array_column( $items, 'done' ) ) ),
			'total'   => count( $items ),
			'changes' => $changes,
		);
	}

	/**
	 * Ticks, unticks or notes an item; the same again is the same item.
	 *
	 * @param string        $key     Review key.
	 * @param string        $item    Item ID.
	 * @param bool          $done    Whether it is done.
	 * @param string        $note    Note.
	 * @param int           $user_id Who.
	 * @param \DateTimeZone $zone    The site's time zone.
	 * @return Review_Item The item now.
	 * @throws \InvalidArgumentException With the code bad_review or unknown_item.
	 * @throws Storage_Exception When the database refuses it.
	 */
	public function save( string $key, string $item, bool $done, string $note, int $user_id, \DateTimeZone $zone ): array {
		$cadence = Checklist::cadence( $key );
		if ( null === $cadence ) {
			throw new \InvalidArgumentException( 'bad_review' );
		}
		if ( ! Checklist::has( $cadence, $item ) ) {
			throw new \InvalidArgumentException( 'unknown_item' );
		}
		$this->items->save( $key, $item, $done, $note, $user_id );
		foreach ( $this->review( $key, $zone )['items'] as $row ) {
			if ( $row['id'] === $item ) {
				return $row;
			}
		}
		throw new Storage_Exception( 'The item was not stored.' );
	}
}
