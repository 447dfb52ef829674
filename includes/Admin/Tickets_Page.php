<?php
/**
 * The Tickets screen, where support agents answer tickets and callback requests.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Admin;

use HandoffBot\Capabilities;
use HandoffBot\Contracts\Registrable;

defined( 'ABSPATH' ) || exit;

/**
 * A submenu of the Inbox for everyone with `handoff_bot_agent`: the tickets visitors left when
 * nobody could take the chat (open, pending, closed) and the callback requests, each with the
 * brief, the transcript, internal notes and a reply by email. The screen is a React app
 * (src/admin/tickets) that talks to the tickets REST routes; its assets load on its own screen only.
 */
final class Tickets_Page implements Registrable {

	public const SLUG = 'handoff-bot-tickets';

	/**
	 * {@inheritDoc}
	 */
	public function register(): void {
		// After the Inbox adds the top-level menu this one sits under.
		add_action( 'admin_menu', array( $this, 'add_menu' ), 20 );
	}

	/**
	 * Adds the submenu, and enqueues the screen's assets only when it loads.
	 */
	public function add_menu(): void {
		$hook = add_submenu_page(
			Inbox_Page::SLUG,
			__( 'Tickets', 'handoff-bot' ),
			__( 'Tickets', 'handoff-bot' ),
			Capabilities::AGENT,
			self::SLUG,
			array( $this, 'render' )
		);
		if ( false !== $hook ) {
			add_action( 'load-' . $hook, array( $this, 'enqueue' ) );
		}
	}

	/**
	 * Enqueues the screen's script and style, and passes it the REST root, a nonce, the agent and
	 * whether they manage the plugin.
	 */
	public function enqueue(): void {
		Screen_Assets::enqueue( 'tickets' );
		$handle = 'handoff-bot-tickets';
		if ( ! wp_script_is( $handle, 'enqueued' ) ) {
			return;
		}
		$user = wp_get_current_user();
		$data = array(
			'root'      => esc_url_raw( rest_url() ),
			'nonce'     => wp_create_nonce( 'wp_rest' ),
			'userId'    => (int) $user->ID,
			'userName'  => $user->display_name,
			'canManage' => current_user_can( Capabilities::MANAGE ),
		);
		wp_add_inline_script( $handle, 'window.handoffBotTickets = ' . wp_json_encode( $data ) . ';', 'before' );
	}

	/**
	 * Prints the mount point.
	 */
	public function render(): void {
		if ( ! current_user_can( Capabilities::AGENT ) ) {
			wp_die( esc_html__( 'You are not allowed to answer tickets.', 'handoff-bot' ) );
		}
		printf(
			'<div class="wrap"><h1>%1$s</h1><div id="handoff-bot-tickets-root"><p>%2$s</p></div></div>',
			esc_html__( 'Tickets', 'handoff-bot' ),
			esc_html__( 'Loading…', 'handoff-bot' )
		);
	}
}
