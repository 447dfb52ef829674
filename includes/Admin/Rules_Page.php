<?php
/**
 * The Handoff Bot → Rules screen.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Admin;

defined( 'ABSPATH' ) || exit;

/**
 * The escalation rules: intents and their policies, the phrases that ask for a person, thresholds
 * and messages, a live tester, saved simulations and the version history. The screen is a React
 * app (src/admin/rules) that talks to the rules REST routes.
 */
final class Rules_Page extends Manage_Page {

	public const SLUG = 'handoff-bot-rules';

	/**
	 * {@inheritDoc}
	 */
	protected function screen(): string {
		return 'rules';
	}

	/**
	 * {@inheritDoc}
	 */
	protected function page_title(): string {
		return __( 'Escalation rules', 'handoff-bot' );
	}

	/**
	 * {@inheritDoc}
	 */
	protected function menu_title(): string {
		return __( 'Rules', 'handoff-bot' );
	}

	/**
	 * Right after the Knowledge screen, which adds the Handoff Bot menu (10).
	 */
	protected function priority(): int {
		return 11;
	}
}
