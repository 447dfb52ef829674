<?php
/**
 * Anonymises conversations, one transaction each.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Privacy;

use HandoffBot\Repositories\Personal_Data_Repository;
use HandoffBot\Repositories\Storage_Exception;

defined( 'ABSPATH' ) || exit;

/**
 * Shared by the eraser and the retention purge. Each conversation's pieces (messages, page
 * trail, briefs, deliveries, and for an erasure the events' free text) change in one
 * transaction: an agent sees the conversation whole or anonymised, never half of each, and a
 * failure leaves it whole for the next run.
 *
 * @phpstan-type Tally array{conversations: int, messages: int, handoffs: int, deliveries: int, events: int}
 */
final class Anonymiser {

	/**
	 * Storage.
	 *
	 * @var Personal_Data_Repository
	 */
	private Personal_Data_Repository $data;

	/**
	 * Builds the anonymiser.
	 *
	 * @param Personal_Data_Repository $data Storage.
	 */
	public function __construct( Personal_Data_Repository $data ) {
		$this->data = $data;
	}

	/**
	 * The text a removed message is replaced with (stored, so in the site's language).
	 */
	public static function placeholder(): string {
		return __( '[Removed for privacy]', 'handoff-bot' );
	}

	/**
	 * An empty tally.
	 *
	 * @return Tally
	 */
	public static function tally(): array {
		return array(
			'conversations' => 0,
			'messages'      => 0,
			'handoffs'      => 0,
			'deliveries'    => 0,
			'events'        => 0,
		);
	}

	/**
	 * Anonymises conversations, one transaction each, adding what changed to a tally.
	 *
	 * @param array $ids       Conversations.
	 * @phpstan-param list<int> $ids
	 * @param bool  $free_text Whether agents' topics and events' free text go too.
	 * @param array $tally     The tally so far.
	 * @phpstan-param Tally $tally
	 * @return Tally
	 * @throws Storage_Exception When the database refuses one (those before it stay done).
	 */
	public function anonymise( array $ids, bool $free_text, array $tally ): array {
		$placeholder = self::placeholder();
		foreach ( $ids as $id ) {
			$changed = $this->data->transaction(
				function () use ( $id, $placeholder, $free_text ): array {
					return $this->data->anonymise( $id, $placeholder, $free_text );
				}
			);
			++$tally['conversations'];
			foreach ( $changed as $kind => $count ) {
				$tally[ $kind ] += $count;
			}
		}
		return $tally;
	}
}
