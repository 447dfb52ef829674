<?php
/**
 * Tests for the screens of those who manage the plugin.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Admin;

use HandoffBot\Admin\Connections_Page;
use HandoffBot\Admin\Hours_Page;
use HandoffBot\Admin\Rules_Page;
use HandoffBot\Capabilities;
use HandoffBot\Tests\Integration\Test_Case;

/**
 * Each screen is a Handoff Bot submenu entry for those who manage it, in its order, and prints
 * its app's mount point.
 */
final class Manage_Pages_Test extends Test_Case {

	/**
	 * The entries, their capability and order, and the mount points.
	 */
	public function test_the_screens_are_in_the_menu_and_print_their_mount_point(): void {
		global $submenu;
		wp_set_current_user( $this->create_user( 'administrator' ) );
		require_once ABSPATH . 'wp-admin/includes/plugin.php';
		do_action( 'admin_menu' );
		$entries = array_column( $submenu['handoff-bot'] ?? array(), 2 );
		$this->assertSame( array( 'handoff-bot', Rules_Page::SLUG, Hours_Page::SLUG, Connections_Page::SLUG ), array_slice( $entries, 0, 4 ) );
		foreach ( $submenu['handoff-bot'] as $entry ) {
			$this->assertSame( Capabilities::MANAGE, $entry[1] );
		}

		foreach ( array(
			'hours' => new Hours_Page(),
			'rules' => new Rules_Page(),
		) as $screen => $page ) {
			ob_start();
			$page->render();
			$this->assertStringContainsString( 'id="handoff-bot-' . $screen . '-root"', (string) ob_get_clean() );
		}
	}
}
