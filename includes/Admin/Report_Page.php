<?php
/**
 * The Handoff Bot → Report screen.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Admin;

defined( 'ABSPATH' ) || exit;

/**
 * The handoff report: a period compared with the previous one, the headline figures, the ten
 * signals (each chart with its table and CSV), split by configuration version, and the
 * conversations behind any figure with their briefs. The screen is a React app (src/admin/report)
 * that talks to the reports REST routes; its assets load on its own screen only.
 */
final class Report_Page extends Manage_Page {

	public const SLUG = 'handoff-bot-report';

	/**
	 * {@inheritDoc}
	 */
	protected function screen(): string {
		return 'report';
	}

	/**
	 * {@inheritDoc}
	 */
	protected function page_title(): string {
		return __( 'Handoff report', 'handoff-bot' );
	}

	/**
	 * {@inheritDoc}
	 */
	protected function menu_title(): string {
		return __( 'Report', 'handoff-bot' );
	}

	/**
	 * {@inheritDoc}
	 */
	protected function priority(): int {
		return 14;
	}
}
