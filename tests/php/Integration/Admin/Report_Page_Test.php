<?php
/**
 * Tests for the Report screen's menu entry and assets.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Admin;

use HandoffBot\Admin\Report_Page;
use HandoffBot\Capabilities;
use HandoffBot\Tests\Integration\Test_Case;

/**
 * The report is a Handoff Bot entry for those who manage the plugin; its script loads when its
 * own screen loads, and not before.
 */
final class Report_Page_Test extends Test_Case {

	/**
	 * The entry, its capability, its mount point, and its script on its own screen only.
	 */
	public function test_the_report_is_in_the_menu_for_managers_and_loads_only_on_its_screen(): void {
		global $submenu;
		wp_set_current_user( $this->create_user( 'administrator' ) );
		require_once ABSPATH . 'wp-admin/includes/plugin.php';
		do_action( 'admin_menu' );

		$entry = null;
		foreach ( $submenu['handoff-bot'] ?? array() as $item ) {
			if ( Report_Page::SLUG === $item[2] ) {
				$entry = $item;
			}
		}
		$this->assertNotNull( $entry, 'The Report entry is under Handoff Bot.' );
		$this->assertSame( Capabilities::MANAGE, $entry[1] );
		$this->assertSame( 'Report', $entry[0] );

		// Building the menu enqueues nothing: other screens load none of the report.
		$this->assertFalse( wp_script_is( 'handoff-bot-report', 'enqueued' ) );
		$hook = get_plugin_page_hookname( Report_Page::SLUG, 'handoff-bot' );
		$this->assertNotFalse( has_action( 'load-' . $hook ) );

		ob_start();
		( new Report_Page() )->render();
		$html = (string) ob_get_clean();
		$this->assertStringContainsString( 'id="handoff-bot-report-root"', $html );
		$this->assertStringContainsString( '<h1>Handoff report</h1>', $html );
	}

	/**
	 * A support agent does not see it.
	 */
	public function test_agents_do_not_get_the_entry(): void {
		global $submenu;
		$submenu = array(); // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- A fresh menu for this user.
		wp_set_current_user( $this->create_user( 'handoff_bot_agent' ) );
		require_once ABSPATH . 'wp-admin/includes/plugin.php';
		do_action( 'admin_menu' );
		$this->assertNotContains( Report_Page::SLUG, array_column( $submenu['handoff-bot'] ?? array(), 2 ) );
	}
}
