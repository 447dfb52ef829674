<?php
/**
 * The SQLite Database Integration's classes that the plugin names, for PHPStan. The integration
 * is a drop-in, not a Composer package, so it has no stubs of its own. Their methods are left out
 * on purpose: they differ between the integration's versions, so the plugin checks for each
 * method it calls (Repositories\Repository::native_connection()).
 *
 * @package HandoffBot
 */

// phpcs:ignoreFile -- declarations only, named as the integration names them.

/**
 * The integration's wpdb replacement (wp-includes/sqlite/class-wp-sqlite-db.php).
 */
class WP_SQLite_DB extends wpdb {
}
