<?php
/**
 * Loads a wp-admin screen's built script and style.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Admin;

defined( 'ABSPATH' ) || exit;

/**
 * Each admin screen is a React app built to build/admin/<screen>/: its script (with the
 * dependencies and version the build wrote), its translations, and its style (or the components'
 * style when the build has none), under the handle handoff-bot-<screen>.
 */
final class Screen_Assets {

	/**
	 * Enqueues a screen's assets; nothing when the screen is not built.
	 *
	 * @param string $screen The screen's folder under build/admin/, e.g. "rules".
	 */
	public static function enqueue( string $screen ): void {
		$dir        = 'build/admin/' . $screen . '/';
		$asset_file = HANDOFF_BOT_DIR . $dir . 'index.asset.php';
		if ( ! file_exists( $asset_file ) ) {
			return;
		}
		$asset  = require $asset_file;
		$handle = 'handoff-bot-' . $screen;
		wp_enqueue_script( $handle, plugins_url( $dir . 'index.js', HANDOFF_BOT_FILE ), $asset['dependencies'], $asset['version'], true );
		wp_set_script_translations( $handle, 'handoff-bot', HANDOFF_BOT_DIR . 'languages' );
		if ( file_exists( HANDOFF_BOT_DIR . $dir . 'index.css' ) ) {
			wp_enqueue_style( $handle, plugins_url( $dir . 'index.css', HANDOFF_BOT_FILE ), array( 'wp-components' ), $asset['version'] );
			wp_style_add_data( $handle, 'rtl', 'replace' );
		} else {
			wp_enqueue_style( 'wp-components' );
		}
	}
}
