<?php
/**
 * Something that hooks itself into WordPress.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Contracts;

defined( 'ABSPATH' ) || exit;

/**
 * Objects are built without side effects; hooks are added only in register().
 */
interface Registrable {

	/**
	 * Adds the object's actions and filters.
	 */
	public function register(): void;
}
