<?php
/**
 * Another save took the version number first.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot;

defined( 'ABSPATH' ) || exit;

/**
 * Thrown inside a save's transaction so that it rolls back (the config version it moved on
 * included); the save answers with a conflict.
 */
final class Version_Conflict extends \RuntimeException {
}
