<?php
/**
 * The review checklists' items, as completed.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Repositories;

defined( 'ABSPATH' ) || exit;

/**
 * One row per item of a review (e.g. 2026-11, 2026-Q4) that someone ticked, unticked or noted.
 *
 * @phpstan-type Checklist_Row array{item: string, done: bool, note: string, user_id: int, updated_at: string}
 */
final class Checklist_Repository extends Repository {

	/**
	 * The stored items of a review: item => row.
	 *
	 * @param string $review Review key.
	 * @return array<string, Checklist_Row>
	 * @throws Storage_Exception When the database cannot be read.
	 */
	public function items( string $review ): array {
		$rows = $this->get_rows( 'SELECT item, done, note, user_id, updated_at FROM %i WHERE review = %s', $this->table( 'review_items' ), $review );
		$out  = array();
		foreach ( $rows as $row ) {
			$out[ (string) $row['item'] ] = array(
				'item'       => (string) $row['item'],
				'done'       => '1' === (string) $row['done'],
				'note'       => (string) $row['note'],
				'user_id'    => (int) $row['user_id'],
				'updated_at' => (string) $row['updated_at'],
			);
		}
		return $out;
	}

	/**
	 * Sets an item: sending the same again changes nothing but its time.
	 *
	 * @param string $review  Review key.
	 * @param string $item    Item ID.
	 * @param bool   $done    Whether it is done.
	 * @param string $note    Note.
	 * @param int    $user_id Who set it.
	 * @throws Storage_Exception When the database refuses it.
	 */
	public function save( string $review, string $item, bool $done, string $note, int $user_id ): void {
		$now    = $this->now();
		$stored = $this->execute(
			$this->insert_ignore() . ' INTO %i (review, item, done, note, user_id, updated_at) VALUES (%s, %s, %d, %s, %d, %s)',
			$this->table( 'review_items' ),
			$review,
			$item,
			$done ? 1 : 0,
			$note,
			$user_id,
			$now
		);
		if ( 0 === $stored ) {
			$this->update_where(
				'review_items',
				array(
					'done'       => $done ? 1 : 0,
					'note'       => $note,
					'user_id'    => $user_id,
					'updated_at' => $now,
				),
				array(
					'review' => $review,
					'item'   => $item,
				)
			);
		}
	}
}
