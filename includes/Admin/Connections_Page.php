<?php
/**
 * The Handoff Bot → Connections screen.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Admin;

defined( 'ABSPATH' ) || exit;

/**
 * Where the team hears about handoffs: email inboxes, webhooks and Slack, per team, each with a
 * test message, and the delivery log beside them with redelivery. The screen is a React app
 * (src/admin/connections) that talks to the connections and deliveries REST routes.
 */
final class Connections_Page extends Manage_Page {

	public const SLUG = 'handoff-bot-connections';

	/**
	 * {@inheritDoc}
	 */
	protected function screen(): string {
		return 'connections';
	}

	/**
	 * {@inheritDoc}
	 */
	protected function page_title(): string {
		return __( 'Connections', 'handoff-bot' );
	}

	/**
	 * {@inheritDoc}
	 */
	protected function menu_title(): string {
		return __( 'Connections', 'handoff-bot' );
	}

	/**
	 * After Teams and hours (12).
	 */
	protected function priority(): int {
		return 13;
	}
}
