<?php
/**
 * The Handoff Bot → Teams and hours screen.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Admin;

defined( 'ABSPATH' ) || exit;

/**
 * Business hours with a preview of the next seven days, holidays, teams with their agents,
 * the queue's capacity, when a live handoff has failed, and the after-hours callback. The screen
 * is a React app (src/admin/hours) that talks to the availability REST routes.
 */
final class Hours_Page extends Manage_Page {

	public const SLUG = 'handoff-bot-hours';

	/**
	 * {@inheritDoc}
	 */
	protected function screen(): string {
		return 'hours';
	}

	/**
	 * {@inheritDoc}
	 */
	protected function page_title(): string {
		return __( 'Teams and hours', 'handoff-bot' );
	}

	/**
	 * {@inheritDoc}
	 */
	protected function menu_title(): string {
		return __( 'Teams and hours', 'handoff-bot' );
	}

	/**
	 * After the Rules screen (11).
	 */
	protected function priority(): int {
		return 12;
	}
}
