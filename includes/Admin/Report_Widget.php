<?php
/**
 * The dashboard widget of open report alerts.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Admin;

use HandoffBot\Capabilities;
use HandoffBot\Contracts\Registrable;
use HandoffBot\Reports\Alerts\Alert_Links;
use HandoffBot\Reports\Alerts\Alert_Text;
use HandoffBot\Repositories\Report_Alert_Repository;
use HandoffBot\Repositories\Storage_Exception;

defined( 'ABSPATH' ) || exit;

/**
 * Server-rendered, with no script of its own: the open alerts of the last 30 days (the newest
 * few), each linking to its investigation on the report screen. Only for people who manage the
 * plugin.
 */
final class Report_Widget implements Registrable {

	/**
	 * The widget's ID.
	 */
	public const ID = 'handoff_bot_report_alerts';

	/**
	 * How many alerts it lists.
	 */
	private const SHOWN = 5;

	/**
	 * Alerts.
	 *
	 * @var callable(): Report_Alert_Repository
	 */
	private $alerts;

	/**
	 * Builds the widget.
	 *
	 * @param callable $alerts Makes the alerts' reader.
	 * @phpstan-param callable(): Report_Alert_Repository $alerts
	 */
	public function __construct( callable $alerts ) {
		$this->alerts = $alerts;
	}

	/**
	 * {@inheritDoc}
	 */
	public function register(): void {
		add_action( 'wp_dashboard_setup', array( $this, 'add' ) );
	}

	/**
	 * Adds the widget for people who manage the plugin.
	 */
	public function add(): void {
		if ( ! current_user_can( Capabilities::MANAGE ) ) {
			return;
		}
		wp_add_dashboard_widget( self::ID, esc_html__( 'Handoff report alerts', 'handoff-bot' ), array( $this, 'render' ) );
	}

	/**
	 * Prints the widget.
	 */
	public function render(): void {
		if ( ! current_user_can( Capabilities::MANAGE ) ) {
			return;
		}
		try {
			$found = ( $this->alerts )()->recent( 'open', gmdate( 'Y-m-d H:i:s', time() - 30 * DAY_IN_SECONDS ), 1, self::SHOWN );
		} catch ( Storage_Exception $e ) {
			echo '<p>' . esc_html__( 'The alerts cannot be read just now.', 'handoff-bot' ) . '</p>';
			return;
		}
		if ( ! $found['rows'] ) {
			echo '<p>' . esc_html__( 'No open alerts: the handoff report found nothing unusual in the last 30 days.', 'handoff-bot' ) . '</p>';
		} else {
			echo '<ul class="handoff-bot-alerts">';
			foreach ( $found['rows'] as $alert ) {
				printf(
					'<li><a href="%1$s">%2$s</a><br /><span class="description">%3$s</span></li>',
					esc_url( Alert_Links::report( $alert['id'] ) ),
					esc_html( Alert_Text::title( $alert ) ),
					/* translators: 1: first day, 2: last day. */
					esc_html( sprintf( __( '%1$s to %2$s', 'handoff-bot' ), $alert['period_from'], $alert['period_to'] ) )
				);
			}
			echo '</ul>';
			if ( $found['total'] > self::SHOWN ) {
				/* translators: %d: number of alerts not listed. */
				echo '<p>' . esc_html( sprintf( _n( 'and %d more.', 'and %d more.', $found['total'] - self::SHOWN, 'handoff-bot' ), $found['total'] - self::SHOWN ) ) . '</p>';
			}
		}
		printf( '<p><a class="button" href="%1$s">%2$s</a></p>', esc_url( Alert_Links::report() ), esc_html__( 'Open the handoff report', 'handoff-bot' ) );
	}
}
