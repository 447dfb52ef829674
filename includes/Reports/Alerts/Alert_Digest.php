<?php
/**
 * The email digest of new report alerts.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Reports\Alerts;

use HandoffBot\Repositories\Report_Alert_Repository;
use HandoffBot\Repositories\Storage_Exception;
use HandoffBot\Settings;

defined( 'ABSPATH' ) || exit;

/**
 * When the `alerts_digest` setting is on, the open alerts no digest has carried yet go in one
 * plain-text email through wp_mail() (so the site's mail set-up applies) to the
 * `alerts_digest_recipients`, or the site's admin email. They are marked only once the mail is
 * handed over: a digest that fails is tried again (Report_Alerts_Job), and carried by the next
 * day's digest at the latest.
 *
 * @phpstan-import-type Report_Alert from Report_Alert_Repository
 */
final class Alert_Digest {

	/**
	 * Alerts.
	 *
	 * @var Report_Alert_Repository
	 */
	private Report_Alert_Repository $alerts;

	/**
	 * Settings.
	 *
	 * @var Settings
	 */
	private Settings $settings;

	/**
	 * Builds the digest.
	 *
	 * @param Report_Alert_Repository $alerts   Alerts.
	 * @param Settings                $settings Settings.
	 */
	public function __construct( Report_Alert_Repository $alerts, Settings $settings ) {
		$this->alerts   = $alerts;
		$this->settings = $settings;
	}

	/**
	 * Sends the digest when it is on and there is something new: sent (true), nothing to send
	 * (null), or failed (false: try again).
	 *
	 * @throws Storage_Exception When the database cannot be read or written.
	 */
	public function send(): ?bool {
		if ( ! $this->settings->get( 'alerts_digest' ) ) {
			return null;
		}
		$alerts = $this->alerts->not_emailed();
		if ( ! $alerts ) {
			return null;
		}
		$to = Alert_Settings::recipients( (string) $this->settings->get( 'alerts_digest_recipients' ) );
		$to = $to ? $to : array( (string) get_option( 'admin_email' ) );
		if ( ! wp_mail( $to, self::subject( $alerts ), self::body( $alerts ) ) ) {
			return false;
		}
		$this->alerts->mark_emailed( array_column( $alerts, 'id' ) );
		return true;
	}

	/**
	 * The subject.
	 *
	 * @param array $alerts The alerts.
	 * @phpstan-param list<Report_Alert> $alerts
	 */
	private static function subject( array $alerts ): string {
		return sprintf(
			/* translators: 1: site name, 2: number of alerts. */
			_n( '[%1$s] Handoff report: %2$d new alert', '[%1$s] Handoff report: %2$d new alerts', count( $alerts ), 'handoff-bot' ),
			wp_specialchars_decode( (string) get_option( 'blogname' ), ENT_QUOTES ),
			count( $alerts )
		);
	}

	/**
	 * The body: each alert's title and window, and where its investigation is.
	 *
	 * @param array $alerts The alerts.
	 * @phpstan-param list<Report_Alert> $alerts
	 */
	private static function body( array $alerts ): string {
		$lines = array( __( 'The daily check of the handoff report found:', 'handoff-bot' ), '' );
		foreach ( $alerts as $alert ) {
			$lines[] = '- ' . Alert_Text::title( $alert );
			/* translators: 1: first day, 2: last day. */
			$lines[] = '  ' . sprintf( __( 'Window: %1$s to %2$s', 'handoff-bot' ), $alert['period_from'], $alert['period_to'] );
			$lines[] = '  ' . Alert_Links::report( $alert['id'] );
		}
		$lines[] = '';
		$lines[] = __( 'Each alert opens an investigation on the Handoff report screen. Turn this email off in the report settings (alerts_digest).', 'handoff-bot' );
		return implode( "\n", $lines );
	}
}
