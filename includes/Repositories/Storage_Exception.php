<?php
/**
 * Thrown when the database refuses a write.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Repositories;

defined( 'ABSPATH' ) || exit;

/**
 * The REST layer turns it into `503 handoff_bot_storage_unavailable`, so a client retries.
 */
final class Storage_Exception extends \RuntimeException {
}
