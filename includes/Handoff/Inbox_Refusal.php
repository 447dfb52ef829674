<?php
/**
 * Why an agent's step on a handoff was refused.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Handoff;

use WP_Error;

defined( 'ABSPATH' ) || exit;

/**
 * A refusal with its code, its words and its HTTP status, and who holds the handoff when that is
 * the reason.
 */
final class Inbox_Refusal {

	/**
	 * Error code (handoff_bot_*).
	 *
	 * @var string
	 */
	public string $code;

	/**
	 * Message for the agent.
	 *
	 * @var string
	 */
	public string $message;

	/**
	 * HTTP status.
	 *
	 * @var int
	 */
	public int $status;

	/**
	 * The agent who holds the handoff (0 when that is not the reason).
	 *
	 * @var int
	 */
	public int $holder;

	/**
	 * Builds the value.
	 *
	 * @param string $code    Code.
	 * @param string $message Message.
	 * @param int    $status  HTTP status.
	 * @param int    $holder  Who holds the handoff.
	 */
	private function __construct( string $code, string $message, int $status, int $holder = 0 ) {
		$this->code    = $code;
		$this->message = $message;
		$this->status  = $status;
		$this->holder  = $holder;
	}

	/**
	 * No such handoff.
	 */
	public static function not_found(): self {
		return new self( 'handoff_bot_handoff_not_found', __( 'No such handoff.', 'handoff-bot' ), 404 );
	}

	/**
	 * Another agent holds it.
	 *
	 * @param int $agent_id Who.
	 */
	public static function held_by( int $agent_id ): self {
		/* translators: %s: the agent's name. */
		return new self( 'handoff_bot_already_accepted', sprintf( __( '%s is already helping this visitor.', 'handoff-bot' ), Inbox_Service::name( $agent_id ) ), 409, $agent_id );
	}

	/**
	 * It is closed.
	 */
	public static function closed(): self {
		return new self( 'handoff_bot_handoff_closed', __( 'This handoff is closed.', 'handoff-bot' ), 409 );
	}

	/**
	 * Nobody accepted it yet.
	 */
	public static function not_accepted(): self {
		return new self( 'handoff_bot_not_yours', __( 'Accept this handoff before you reply to the visitor.', 'handoff-bot' ), 409 );
	}

	/**
	 * It changed while the agent acted (another agent, or the visitor left).
	 */
	public static function changed(): self {
		return new self( 'handoff_bot_handoff_changed', __( 'This handoff changed meanwhile. Reload it and try again.', 'handoff-bot' ), 409 );
	}

	/**
	 * The visitor has no handoff waiting.
	 */
	public static function nothing_waiting(): self {
		return new self( 'handoff_bot_no_open_handoff', __( 'You are not waiting for a person.', 'handoff-bot' ), 409 );
	}

	/**
	 * The refusal as a REST error.
	 */
	public function to_error(): WP_Error {
		$data = array( 'status' => $this->status );
		if ( $this->holder > 0 ) {
			$data['agent'] = array(
				'id'   => $this->holder,
				'name' => Inbox_Service::name( $this->holder ),
			);
		}
		return new WP_Error( $this->code, $this->message, $data );
	}
}
