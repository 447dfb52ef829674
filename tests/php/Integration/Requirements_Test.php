<?php
/**
 * Tests for the PHP and WordPress floors.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration;

/**
 * Below the floors the plugin names the requirement in an admin notice instead of failing.
 */
final class Requirements_Test extends Test_Case {

	/**
	 * The running site meets the floors.
	 */
	public function test_this_site_meets_the_floors(): void {
		$this->assertSame( '', handoff_bot_unmet_requirement() );
		$this->assertTrue( version_compare( get_bloginfo( 'version' ), HANDOFF_BOT_MIN_WP, '>=' ) );
	}

	/**
	 * On an old WordPress, an administrator sees which version is needed.
	 */
	public function test_old_wordpress_gets_a_notice_naming_the_requirement(): void {
		$real                  = $GLOBALS['wp_version'];
		$GLOBALS['wp_version'] = '6.5.2';
		try {
			wp_set_current_user( $this->create_user( 'administrator' ) );
			ob_start();
			handoff_bot_requirements_notice();
			$html = (string) ob_get_clean();
		} finally {
			$GLOBALS['wp_version'] = $real;
		}
		$this->assertStringContainsString( 'WordPress 6.8 or newer', $html );
		$this->assertStringContainsString( 'runs WordPress 6.5.2', $html );
		$this->assertStringContainsString( 'notice-error', $html );
	}

	/**
	 * Visitors without the right to manage plugins see nothing.
	 */
	public function test_notice_is_only_for_people_who_can_act(): void {
		$real                  = $GLOBALS['wp_version'];
		$GLOBALS['wp_version'] = '6.5.2';
		try {
			wp_set_current_user( $this->create_user( 'subscriber' ) );
			ob_start();
			handoff_bot_requirements_notice();
			$html = (string) ob_get_clean();
		} finally {
			$GLOBALS['wp_version'] = $real;
		}
		$this->assertSame( '', $html );
	}
}
