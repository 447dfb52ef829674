<?php
/**
 * The Handoff Bot → Knowledge screen.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Admin;

use HandoffBot\Capabilities;
use HandoffBot\Contracts\Registrable;

defined( 'ABSPATH' ) || exit;

/**
 * Settings for answers and the knowledge index, and a rebuild with a progress bar. The screen is a
 * React app (src/admin/knowledge) that talks to the REST API.
 */
final class Knowledge_Page implements Registrable {

	public const SLUG = 'handoff-bot';

	/**
	 * {@inheritDoc}
	 */
	public function register(): void {
		add_action( 'admin_menu', array( $this, 'add_menu' ) );
	}

	/**
	 * Adds the menu entry, and enqueues the screen's assets only when it loads.
	 */
	public function add_menu(): void {
		$hook = add_menu_page(
			__( 'Handoff Bot', 'handoff-bot' ),
			__( 'Handoff Bot', 'handoff-bot' ),
			Capabilities::MANAGE,
			self::SLUG,
			array( $this, 'render' ),
			'dashicons-format-chat',
			58
		);
		add_submenu_page( self::SLUG, __( 'Knowledge and answers', 'handoff-bot' ), __( 'Knowledge', 'handoff-bot' ), Capabilities::MANAGE, self::SLUG, array( $this, 'render' ) );
		if ( $hook ) {
			add_action( 'load-' . $hook, array( $this, 'enqueue' ) );
		}
	}

	/**
	 * Enqueues the screen's script and style from the build's asset file.
	 */
	public function enqueue(): void {
		Screen_Assets::enqueue( 'knowledge' );
	}

	/**
	 * Prints the mount point.
	 */
	public function render(): void {
		if ( ! current_user_can( Capabilities::MANAGE ) ) {
			wp_die( esc_html__( 'You are not allowed to manage Handoff Bot.', 'handoff-bot' ) );
		}
		printf(
			'<div class="wrap"><h1>%1$s</h1><div id="handoff-bot-knowledge-root"><p>%2$s</p></div></div>',
			esc_html__( 'Knowledge and answers', 'handoff-bot' ),
			esc_html__( 'Loading…', 'handoff-bot' )
		);
	}
}
