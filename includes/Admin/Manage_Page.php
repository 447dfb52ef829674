<?php
/**
 * A Handoff Bot screen for those who manage the plugin.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Admin;

use HandoffBot\Capabilities;
use HandoffBot\Contracts\Registrable;

defined( 'ABSPATH' ) || exit;

/**
 * A submenu entry under Handoff Bot for `handoff_bot_manage`, whose screen is a React app built to
 * build/admin/<screen>/ (enqueued only when the screen loads) mounted on
 * `#handoff-bot-<screen>-root`. Each screen says its folder, its titles and its place in the menu.
 */
abstract class Manage_Page implements Registrable {

	/**
	 * The screen's folder under src/admin/ and build/admin/, e.g. "hours".
	 */
	abstract protected function screen(): string;

	/**
	 * The page's title (translated).
	 */
	abstract protected function page_title(): string;

	/**
	 * The menu entry's words (translated).
	 */
	abstract protected function menu_title(): string;

	/**
	 * The `admin_menu` priority: the order of the entries (the Knowledge screen adds the menu at 10).
	 */
	abstract protected function priority(): int;

	/**
	 * {@inheritDoc}
	 */
	public function register(): void {
		add_action( 'admin_menu', array( $this, 'add_menu' ), $this->priority() );
	}

	/**
	 * Adds the menu entry under Handoff Bot, and enqueues the screen's assets only when it loads.
	 */
	public function add_menu(): void {
		$hook = add_submenu_page(
			Knowledge_Page::SLUG,
			$this->page_title(),
			$this->menu_title(),
			Capabilities::MANAGE,
			'handoff-bot-' . $this->screen(),
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
		Screen_Assets::enqueue( $this->screen() );
	}

	/**
	 * Prints the mount point.
	 */
	public function render(): void {
		if ( ! current_user_can( Capabilities::MANAGE ) ) {
			wp_die( esc_html__( 'You are not allowed to manage Handoff Bot.', 'handoff-bot' ) );
		}
		printf(
			'<div class="wrap"><h1>%1$s</h1><div id="%2$s"><p>%3$s</p></div></div>',
			esc_html( $this->page_title() ),
			esc_attr( 'handoff-bot-' . $this->screen() . '-root' ),
			esc_html__( 'Loading…', 'handoff-bot' )
		);
	}
}
