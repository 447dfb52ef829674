<?php
/**
 * Admin notice when the schema could not be upgraded.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Admin;

use HandoffBot\Contracts\Registrable;
use HandoffBot\Database\Migrator;

defined( 'ABSPATH' ) || exit;

/**
 * Shows the recorded migration error to people who can act on it.
 */
final class Migration_Notice implements Registrable {

	/**
	 * {@inheritDoc}
	 */
	public function register(): void {
		add_action( 'admin_notices', array( $this, 'render' ) );
	}

	/**
	 * Prints the notice when a migration failed.
	 */
	public function render(): void {
		if ( ! current_user_can( 'activate_plugins' ) ) {
			return;
		}
		$error = get_option( Migrator::ERROR_OPTION );
		if ( ! is_array( $error ) || empty( $error['message'] ) ) {
			return;
		}
		printf(
			'<div class="notice notice-error"><p><strong>%1$s</strong></p><pre>%2$s</pre><p>%3$s</p></div>',
			esc_html__( 'Handoff Bot could not upgrade its database tables.', 'handoff-bot' ),
			esc_html( (string) $error['message'] ),
			esc_html__( 'The plugin keeps using the previous schema and will try again on the next page load. If this persists, check that the database user may create and alter tables.', 'handoff-bot' )
		);
	}
}
