<?php
/**
 * An alert in words.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Reports\Alerts;

use HandoffBot\Repositories\Report_Alert_Repository;

defined( 'ABSPATH' ) || exit;

/**
 * The one-line title the REST routes, the dashboard widget and the digest show (plain text: escape
 * where it is printed).
 *
 * @phpstan-import-type Report_Alert from Report_Alert_Repository
 */
final class Alert_Text {

	/**
	 * The title of an alert.
	 *
	 * @param array $alert The alert.
	 * @phpstan-param Report_Alert $alert
	 */
	public static function title( array $alert ): string {
		$f       = $alert['figures'];
		$subject = $alert['subject'];
		$now     = $f['current'] ?? null;
		$then    = $f['previous'] ?? null;
		switch ( $alert['kind'] ) {
			case Alert_Detector::NEW_TOP_REASON:
				/* translators: 1: reason code, 2: handoffs. */
				return sprintf( __( 'A new reason in the top three: %1$s (%2$d handoffs)', 'handoff-bot' ), $subject, (int) $now );
			case Alert_Detector::INTENT_RATE:
				return sprintf(
					/* translators: 1: intent, 2: rate before, 3: rate now. */
					'up' === $alert['direction'] ? __( 'Escalation rate of %1$s rose from %2$s to %3$s', 'handoff-bot' ) : __( 'Escalation rate of %1$s fell from %2$s to %3$s', 'handoff-bot' ),
					$subject,
					Investigation_Window::percent( $then ),
					Investigation_Window::percent( $now )
				);
			case Alert_Detector::EARLIER_REQUESTS:
				/* translators: 1: median turn before, 2: now. */
				return sprintf( __( 'Visitors ask for a person earlier: median turn %1$s → %2$s', 'handoff-bot' ), number_format_i18n( (float) $then, 1 ), number_format_i18n( (float) $now, 1 ) );
			case Alert_Detector::TOPIC_SHARE:
				/* translators: 1: topic, 2: share of handoffs. */
				return sprintf( __( '%1$s takes %2$s of handoffs', 'handoff-bot' ), $subject, Investigation_Window::percent( $now ) );
			case Alert_Detector::QUEUE_DELAY:
				/* translators: 1: median seconds before, 2: now. */
				return sprintf( __( 'Visitors wait longer for a person: median %1$s s → %2$s s', 'handoff-bot' ), number_format_i18n( (float) $then ), number_format_i18n( (float) $now ) );
			case Alert_Detector::ABANDONMENT:
				/* translators: 1: rate before, 2: now. */
				return sprintf( __( 'More visitors leave the queue: %1$s → %2$s', 'handoff-bot' ), Investigation_Window::percent( $then ), Investigation_Window::percent( $now ) );
			case Alert_Detector::COMPLETENESS:
				/* translators: 1: score before, 2: now. */
				return sprintf( __( 'Context packages are less complete: %1$s → %2$s', 'handoff-bot' ), Investigation_Window::percent( $then ), Investigation_Window::percent( $now ) );
			case Alert_Detector::CONNECTION_FAILING:
				/* translators: %s: connection label. */
				return sprintf( __( 'The connection %s keeps failing', 'handoff-bot' ), (string) ( $f['label'] ?? $subject ) );
		}//end switch
		return $alert['kind'];
	}
}
