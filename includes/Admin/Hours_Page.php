<?php
/**
 * The Handoff Bot → Teams and hours screen.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Admin;

use HandoffBot\Capabilities;
use HandoffBot\Contracts\Registrable;

defined( 'ABSPATH' ) || exit;

/**
 * Business hours with a preview of the next seven days, holidays, teams with their agents,
 * the queue's capacity, when a live handoff has failed, and the after-hours callback. The screen
 * is a React app (src/admin/hours) that talks to the availability REST routes.
 */
final class Hours_Page implements Registrable {

	public const SLUG = 'handoff-bot-hours';

	/**
	 * {@inheritDoc}
	 */
	public function register(): void {
		// After the Rules screen (priority 11), under the menu the Knowledge screen adds.
		add_action( 'admin_menu', array( $this, 'add_menu' ), 12 );
	}

	/**
	 * Adds the menu entry under Handoff Bot, and enqueues the screen's assets only when it loads.
	 */
	public function add_menu(): void {
		$hook = add_submenu_page(
			Knowledge_Page::SLUG,
			__( 'Teams and hours', 'handoff-bot' ),
			__( 'Teams and hours', 'handoff-bot' ),
			Capabilities::MANAGE,
			self::SLUG,
			array( $this, 'render' )
		);
		if ( $hook ) {
			add_action( 'load-' . $hook, array( $this, 'enqueue' ) );
		}
	}

	/**
	 * Enqueues the screen's script and style from the build's asset file.
	 */
	public function enqueue(): void {
		Screen_Assets::enqueue( 'hours' );
	}

	/**
	 * Prints the mount point.
	 */
	public function render(): void {
		if ( ! current_user_can( Capabilities::MANAGE ) ) {
			wp_die( esc_html__( 'You are not allowed to manage Handoff Bot.', 'handoff-bot' ) );
		}
		printf(
			'<div class="wrap"><h1>%1$s</h1><div id="handoff-bot-hours-root"><p>%2$s</p></div></div>',
			esc_html__( 'Teams and hours', 'handoff-bot' ),
			esc_html__( 'Loading…', 'handoff-bot' )
		);
	}
}
