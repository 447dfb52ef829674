<?php
/**
 * Removes the plugin's tables, options, scheduled events, role and capabilities, on every site
 * of a network, but only on the sites where an administrator chose to delete data on uninstall.
 *
 * @package HandoffBot
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

// The plugin never ran below its PHP floor, so there is nothing to remove (and its classes would not parse).
if ( version_compare( PHP_VERSION, '7.4', '<' ) ) {
	return;
}

require_once __DIR__ . '/includes/autoload.php';

HandoffBot\Uninstaller::run();
