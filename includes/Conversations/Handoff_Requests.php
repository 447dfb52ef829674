<?php
/**
 * Turns a handoff decision into the conversation's one open handoff.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Conversations;

use HandoffBot\Repositories\Handoff_Repository;
use HandoffBot\Repositories\Storage_Exception;

defined( 'ABSPATH' ) || exit;

/**
 * A conversation has at most one open handoff. The first decision to hand off (from a rule, the
 * button, or an accepted offer) opens it; a later one finds it open. The private route still wins:
 * personal data typed after a handoff was requested moves the open handoff to the private route.
 * The database settles a race between two requests (the open handoff's key is unique).
 *
 * @phpstan-import-type New_Handoff from Handoff_Repository
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
	 * Builds the service.
	 *
	 * @param Handoff_Repository $handoffs Handoffs.
	 */
	public function __construct( Handoff_Repository $handoffs ) {
		$this->handoffs = $handoffs;
	}

	/**
	 * Opens the conversation's handoff, or finds the open one (moving it to the private route
	 * when this request is private). Runs inside the caller's transaction.
	 *
	 * @param array $handoff The handoff this decision would open.
	 * @phpstan-param New_Handoff $handoff
	 * @param bool  $private Whether it takes the private route.
	 * @return array{id: int, status: string} The handoff and what happened.
	 * @throws Storage_Exception When the database refuses it.
	 */
	public function request( array $handoff, bool $private ): array {
		$conversation_id = $handoff['conversation_id'];
		$open            = $this->handoffs->open_for( $conversation_id );
		if ( null === $open ) {
			$id = $this->handoffs->create( array( 'route' => $private ? 'private' : '' ) + $handoff );
			if ( $id > 0 ) {
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
		}
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
	 * Whether the conversation has an open handoff, and its route.
	 *
	 * @param int $conversation_id Conversation.
	 * @return string|null The open handoff's route ('' or 'private'), or null when none is open.
	 * @throws Storage_Exception When the database cannot be read.
	 */
	public function open_route( int $conversation_id ): ?string {
		$open = $this->handoffs->open_for( $conversation_id );
		return null === $open ? null : $open['route'];
	}
}
