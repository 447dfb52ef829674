<?php
/**
 * The Inbox screen, where support agents take handoffs.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Admin;

use HandoffBot\Capabilities;
use HandoffBot\Contracts\Registrable;
use HandoffBot\Handoff\Saved_Replies;
use HandoffBot\Repositories\Handoff_Repository;
use HandoffBot\Repositories\Storage_Exception;

defined( 'ABSPATH' ) || exit;

/**
 * A top-level menu for everyone with `handoff_bot_agent` (agents have no access to the Handoff Bot
 * settings menu): the queue, the agent's own chats and the recently closed ones, and the open chat
 * with the visitor's brief. The screen is a React app (src/admin/inbox) that talks to the handoffs
 * and presence REST routes; its menu entry shows how many handoffs wait.
 */
final class Inbox_Page implements Registrable {

	public const SLUG = 'handoff-bot-inbox';

	/**
	 * The replies agents can insert.
	 *
	 * @var Saved_Replies
	 */
	private Saved_Replies $replies;

	/**
	 * Builds the page.
	 *
	 * @param Saved_Replies $replies The replies agents can insert.
	 */
	public function __construct( Saved_Replies $replies ) {
		$this->replies = $replies;
	}

	/**
	 * {@inheritDoc}
	 */
	public function register(): void {
		add_action( 'admin_menu', array( $this, 'add_menu' ) );
	}

	/**
	 * How many handoffs wait in the queue, for the menu's count bubble.
	 *
	 * @return int
	 */
	public static function waiting_count(): int {
		if ( ! current_user_can( Capabilities::AGENT ) ) {
			return 0;
		}
		try {
			return ( new Handoff_Repository() )->count_all_waiting();
		} catch ( Storage_Exception $e ) {
			// The bubble is a convenience; the screen itself reports what it cannot read.
			return 0;
		}
	}

	/**
	 * Adds the top-level menu with its count bubble, and enqueues the screen's assets only when
	 * it loads.
	 */
	public function add_menu(): void {
		$waiting = self::waiting_count();
		$title   = sprintf(
			'%1$s <span class="awaiting-mod count-%2$d"><span class="pending-count" aria-hidden="true">%3$s</span></span><span class="screen-reader-text handoff-bot-inbox-waiting">%4$s</span>',
			esc_html__( 'Inbox', 'handoff-bot' ),
			$waiting,
			esc_html( number_format_i18n( $waiting ) ),
			esc_html(
				sprintf(
					/* translators: %s: number of handoffs waiting. */
					_n( '%s waiting', '%s waiting', $waiting, 'handoff-bot' ),
					number_format_i18n( $waiting )
				)
			)
		);
		$hook = add_menu_page(
			__( 'Inbox', 'handoff-bot' ),
			$title,
			Capabilities::AGENT,
			self::SLUG,
			array( $this, 'render' ),
			'dashicons-format-chat',
			26
		);
		add_action( 'load-' . $hook, array( $this, 'enqueue' ) );
	}

	/**
	 * Enqueues the screen's script and style, and passes it the REST root, a nonce, the agent,
	 * whether they manage the plugin (and so the saved replies), and the saved replies they see
	 * (the screen reads them again from REST once it runs).
	 */
	public function enqueue(): void {
		Screen_Assets::enqueue( 'inbox' );
		$handle = 'handoff-bot-inbox';
		if ( ! wp_script_is( $handle, 'enqueued' ) ) {
			return;
		}
		$user = wp_get_current_user();
		$data = array(
			'root'         => esc_url_raw( rest_url() ),
			'nonce'        => wp_create_nonce( 'wp_rest' ),
			'userId'       => (int) $user->ID,
			'userName'     => $user->display_name,
			'canManage'    => current_user_can( Capabilities::MANAGE ),
			'savedReplies' => current_user_can( Capabilities::MANAGE ) ? $this->replies->all() : $this->replies->for_agent( (int) $user->ID ),
		);
		wp_add_inline_script( $handle, 'window.handoffBotInbox = ' . wp_json_encode( $data ) . ';', 'before' );
	}

	/**
	 * Prints the mount point.
	 */
	public function render(): void {
		if ( ! current_user_can( Capabilities::AGENT ) ) {
			wp_die( esc_html__( 'You are not allowed to answer handoffs.', 'handoff-bot' ) );
		}
		printf(
			'<div class="wrap"><h1>%1$s</h1><div id="handoff-bot-inbox-root"><p>%2$s</p></div></div>',
			esc_html__( 'Inbox', 'handoff-bot' ),
			esc_html__( 'Loading…', 'handoff-bot' )
		);
	}
}
