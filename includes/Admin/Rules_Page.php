<?php
/**
 * The Handoff Bot → Rules screen.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Admin;

use HandoffBot\Capabilities;
use HandoffBot\Contracts\Registrable;

defined( 'ABSPATH' ) || exit;

/**
 * The escalation rules: intents and their policies, the phrases that ask for a person, thresholds
 * and messages, a live tester, saved simulations and the version history. The screen is a React
 * app (src/admin/rules) that talks to the rules REST routes.
 */
final class Rules_Page implements Registrable {

	public const SLUG = 'handoff-bot-rules';

	/**
	 * {@inheritDoc}
	 */
	public function register(): void {
		// After the Knowledge screen, which adds the Handoff Bot menu (default priority 10).
		add_action( 'admin_menu', array( $this, 'add_menu' ), 11 );
	}

	/**
	 * Adds the menu entry under Handoff Bot, and enqueues the screen's assets only when it loads.
	 */
	public function add_menu(): void {
		$hook = add_submenu_page(
			Knowledge_Page::SLUG,
			__( 'Escalation rules', 'handoff-bot' ),
			__( 'Rules', 'handoff-bot' ),
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
		Screen_Assets::enqueue( 'rules' );
	}

	/**
	 * Prints the mount point.
	 */
	public function render(): void {
		if ( ! current_user_can( Capabilities::MANAGE ) ) {
			wp_die( esc_html__( 'You are not allowed to manage Handoff Bot.', 'handoff-bot' ) );
		}
		printf(
			'<div class="wrap"><h1>%1$s</h1><div id="handoff-bot-rules-root"><p>%2$s</p></div></div>',
			esc_html__( 'Escalation rules', 'handoff-bot' ),
			esc_html__( 'Loading…', 'handoff-bot' )
		);
	}
}
