<?php
/**
 * A conversation's earlier messages, as the signals read them.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Conversations;

use HandoffBot\Repositories\Message_Repository;
use HandoffBot\Signals\Signal_Context;

defined( 'ABSPATH' ) || exit;

/**
 * Pure: stored messages => turns (role, text, and for the bot's replies their kind, confidence,
 * the visitor's feedback, and whether the turn was unproductive: the bot did not know, the
 * visitor asked again, or marked the answer unhelpful).
 *
 * @phpstan-import-type Message from Message_Repository
 * @phpstan-import-type Turn from Signal_Context
 */
final class History {

	/**
	 * The turns of some messages, in their order.
	 *
	 * @param array<int, array> $messages Stored messages, oldest first.
	 * @phpstan-param list<Message> $messages
	 * @return list<Turn>
	 */
	public static function turns( array $messages ): array {
		$turns = array();
		foreach ( $messages as $message ) {
			if ( 'note' === $message['role'] ) {
				// Agents' internal notes are not part of the conversation the bot reads.
				continue;
			}
			$turn = array(
				'role' => $message['role'],
				'body' => $message['body'],
			);
			if ( 'bot' === $message['role'] ) {
				$meta                 = $message['meta'];
				$turn['kind']         = (string) ( $meta['kind'] ?? '' );
				$turn['confidence']   = (float) ( $meta['confidence'] ?? 0.0 );
				$turn['feedback']     = $message['feedback'];
				$turn['unproductive'] = ! empty( $meta['unproductive'] ) || -1 === $message['feedback'];
			}
			$turns[] = $turn;
		}
		return $turns;
	}
}
