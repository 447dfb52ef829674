<?php
/**
 * Plugin Name:       Handoff Bot
 * Description:       A Q&A chatbot that answers from your site's own content and hands visitors to a person, with the whole conversation, when it should.
 * Version:           0.1.0
 * Requires at least: 6.8
 * Requires PHP:      7.4
 * Author:            Handoff Bot contributors
 * License:           GPL-2.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:       handoff-bot
 * Domain Path:       /languages
 *
 * @package HandoffBot
 */

// This file must parse on old PHP versions so that the requirement notice can show: no typed syntax here.

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

define( 'HANDOFF_BOT_VERSION', '0.1.0' );
define( 'HANDOFF_BOT_FILE', __FILE__ );
define( 'HANDOFF_BOT_DIR', plugin_dir_path( __FILE__ ) );
define( 'HANDOFF_BOT_MIN_PHP', '7.4' );
define( 'HANDOFF_BOT_MIN_WP', '6.8' );

/**
 * Names the unmet requirement, or returns an empty string when the site meets the floors.
 *
 * @return string
 */
function handoff_bot_unmet_requirement() {
	if ( version_compare( PHP_VERSION, HANDOFF_BOT_MIN_PHP, '<' ) ) {
		/* translators: 1: required PHP version, 2: current PHP version. */
		return sprintf( __( 'Handoff Bot needs PHP %1$s or newer; this site runs PHP %2$s. The plugin is inactive until PHP is upgraded.', 'handoff-bot' ), HANDOFF_BOT_MIN_PHP, PHP_VERSION );
	}
	$wp_version = isset( $GLOBALS['wp_version'] ) ? (string) $GLOBALS['wp_version'] : '0';
	if ( version_compare( $wp_version, HANDOFF_BOT_MIN_WP, '<' ) ) {
		/* translators: 1: required WordPress version, 2: current WordPress version. */
		return sprintf( __( 'Handoff Bot needs WordPress %1$s or newer; this site runs WordPress %2$s. The plugin is inactive until WordPress is updated.', 'handoff-bot' ), HANDOFF_BOT_MIN_WP, $wp_version );
	}
	return '';
}

/**
 * Prints the admin notice that names the unmet requirement, if any.
 *
 * @return void
 */
function handoff_bot_requirements_notice() {
	$message = handoff_bot_unmet_requirement();
	if ( '' !== $message && current_user_can( 'activate_plugins' ) ) {
		printf( '<div class="notice notice-error"><p>%s</p></div>', esc_html( $message ) );
	}
}

if ( '' !== handoff_bot_unmet_requirement() ) {
	add_action( 'admin_notices', 'handoff_bot_requirements_notice' );
	return;
}

require_once HANDOFF_BOT_DIR . 'includes/autoload.php';

register_activation_hook( __FILE__, array( 'HandoffBot\\Plugin', 'activate' ) );
register_deactivation_hook( __FILE__, array( 'HandoffBot\\Jobs\\Queue_Sweep_Job', 'clear' ) );
register_deactivation_hook( __FILE__, array( 'HandoffBot\\Jobs\\Retention_Job', 'clear' ) );
register_deactivation_hook( __FILE__, array( 'HandoffBot\\Jobs\\Report_Alerts_Job', 'clear' ) );
register_deactivation_hook( __FILE__, array( 'HandoffBot\\Jobs\\Report_Facts_Job', 'clear' ) );

HandoffBot\Plugin::boot();
