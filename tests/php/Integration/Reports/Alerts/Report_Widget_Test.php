<?php
/**
 * The dashboard widget of open report alerts.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Reports\Alerts;

use HandoffBot\Admin\Report_Widget;
use HandoffBot\Capabilities;
use HandoffBot\Repositories\Report_Alert_Repository;
use HandoffBot\Tests\Integration\Test_Case;

/**
 * Registered with the dashboard only for people who manage the plugin; lists the open alerts,
 * escaped, each linking to the report screen.
 */
final class Report_Widget_Test extends Test_Case {

	/**
	 * The roles, and the dashboard's functions.
	 */
	protected function setUp(): void {
		parent::setUp();
		Capabilities::grant();
		require_once ABSPATH . 'wp-admin/includes/admin.php';
		require_once ABSPATH . 'wp-admin/includes/dashboard.php';
		set_current_screen( 'dashboard' );
	}

	/**
	 * Forgets the dashboard's boxes.
	 */
	protected function tearDown(): void {
		unset( $GLOBALS['wp_meta_boxes'], $GLOBALS['current_screen'] );
		parent::tearDown();
	}

	/**
	 * Whether the widget is on the dashboard after `wp_dashboard_setup` for the signed-in user.
	 */
	private function widget_added(): bool {
		unset( $GLOBALS['wp_meta_boxes'] );
		( new Report_Widget( static fn(): Report_Alert_Repository => new Report_Alert_Repository() ) )->add();
		return isset( $GLOBALS['wp_meta_boxes']['dashboard']['normal']['core'][ Report_Widget::ID ] );
	}

	/**
	 * What the widget prints.
	 */
	private function render(): string {
		ob_start();
		( new Report_Widget( static fn(): Report_Alert_Repository => new Report_Alert_Repository() ) )->render();
		return (string) ob_get_clean();
	}

	/**
	 * Subscribers and agents do not get it; administrators do.
	 */
	public function test_only_managers_get_the_widget(): void {
		wp_set_current_user( $this->create_user( 'subscriber' ) );
		$this->assertFalse( $this->widget_added() );
		$this->assertSame( '', $this->render() );
		wp_set_current_user( $this->create_user( Capabilities::ROLE ) );
		$this->assertFalse( $this->widget_added() );
		wp_set_current_user( $this->create_user( 'administrator' ) );
		$this->assertTrue( $this->widget_added() );
	}

	/**
	 * The open alerts, newest first, escaped and linked; a dismissed one is not listed; with
	 * none, a sentence that says so.
	 */
	public function test_it_lists_the_open_alerts(): void {
		wp_set_current_user( $this->create_user( 'administrator' ) );
		$this->assertStringContainsString( 'No open alerts', $this->render() );
		$alerts = new Report_Alert_Repository();
		$open   = $alerts->add( 'topic_share', '<b>refunds</b>', 'up', '2026-03-03', '2026-03-09', array( 'current' => 0.6 ) );
		$gone   = $alerts->add( 'topic_share', 'shipping', 'up', '2026-03-03', '2026-03-09', array( 'current' => 0.5 ) );
		$alerts->dismiss( $gone, 1 );
		$html = $this->render();
		$this->assertStringContainsString( '&lt;b&gt;refunds&lt;/b&gt; takes 60.0 % of handoffs', $html );
		$this->assertStringNotContainsString( '<b>refunds', $html );
		$this->assertStringNotContainsString( 'shipping', $html );
		$this->assertStringContainsString( 'admin.php?page=handoff-bot-report&#038;alert=' . $open, $html );
		$this->assertStringContainsString( '2026-03-03 to 2026-03-09', $html );
		$this->assertStringNotContainsString( '<script', $html );
	}
}
