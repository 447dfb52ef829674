<?php
/**
 * Something the bot notices in a visitor's message.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Contracts;

use HandoffBot\Signals\Signal_Context;
use HandoffBot\Signals\Signal_Result;

defined( 'ABSPATH' ) || exit;

/**
 * A signal reads the visitor's latest message (and the conversation before it) and says what it
 * found, with the evidence: the words or phrases that fired. Signals are pure (no database, no
 * hooks), so the rules tester can run them on conversations that were never stored.
 */
interface Signal {

	/**
	 * A stable identifier, e.g. "human_request" (the key of its result in the escalation context).
	 */
	public function get_id(): string;

	/**
	 * What the signal finds in the latest message.
	 *
	 * @param Signal_Context $context The message, the conversation before it, and the rules.
	 */
	public function detect( Signal_Context $context ): Signal_Result;
}
