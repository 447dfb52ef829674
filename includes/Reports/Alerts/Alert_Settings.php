<?php
/**
 * The report alerts' settings: thresholds, minimum volumes, window and digest.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Reports\Alerts;

defined( 'ABSPATH' ) || exit;

/**
 * The alert settings are stored with the others (Settings, option `handoff_bot_settings`, saved
 * through POST /settings). They decide what the daily check reports, not what the bot answers, so
 * a change to them is no configuration version. This class describes them and reads the digest's
 * recipients.
 */
final class Alert_Settings {

	/**
	 * The most recipients a digest goes to.
	 */
	public const MAX_RECIPIENTS = 20;

	/**
	 * The settings schema with the alert settings described, and the digest's two added.
	 *
	 * @param array<string, array<string, mixed>> $properties The schema so far.
	 * @return array<string, array<string, mixed>>
	 */
	public static function schema( array $properties ): array {
		$descriptions = array(
			'alerts_window_days'        => __( 'Report alerts compare the last this many whole days with the same number of days before.', 'handoff-bot' ),
			'alerts_min_conversations'  => __( 'Report alerts on escalation rates need at least this many conversations in both windows (per intent).', 'handoff-bot' ),
			'alerts_min_handoffs'       => __( 'Report alerts on handoffs (reasons, turns, topics, queue, completeness) need at least this many in both windows.', 'handoff-bot' ),
			'alerts_intent_rate_change' => __( 'An intent’s escalation rate that moves by more than this (0.1 = 10 points) raises an alert.', 'handoff-bot' ),
			'alerts_turn_drop'          => __( 'A median turn of user-requested handoffs that drops by at least this many turns raises an alert.', 'handoff-bot' ),
			'alerts_topic_share'        => __( 'One topic (intent) that takes more than this share of handoffs raises an alert.', 'handoff-bot' ),
			'alerts_queue_delay_rise'   => __( 'A median delay to the first human reply that rises by more than this fraction (0.5 = 50 %) raises an alert.', 'handoff-bot' ),
			'alerts_abandonment_rise'   => __( 'An abandonment rate that rises by more than this (0.1 = 10 points) raises an alert.', 'handoff-bot' ),
			'alerts_completeness_drop'  => __( 'A context completeness score that drops by more than this (0.1 = 10 points) raises an alert.', 'handoff-bot' ),
		);
		foreach ( $descriptions as $name => $text ) {
			if ( isset( $properties[ $name ] ) ) {
				$properties[ $name ]['description'] = $text;
			}
		}
		$properties['alerts_digest']            = array(
			'description' => __( 'Whether the daily check emails new report alerts.', 'handoff-bot' ),
			'type'        => 'boolean',
			'default'     => false,
		);
		$properties['alerts_digest_recipients'] = array(
			'description' => __( 'Who gets the alert digest: email addresses separated by commas; empty for the site’s admin email.', 'handoff-bot' ),
			'type'        => 'string',
			'maxLength'   => 1000,
			'default'     => '',
		);
		return $properties;
	}

	/**
	 * The addresses of a recipients setting ('' gives none), or null when one is not an email
	 * address or there are too many.
	 *
	 * @param string $value The setting.
	 * @return list<string>|null
	 */
	public static function recipients( string $value ): ?array {
		$out = array();
		foreach ( explode( ',', $value ) as $part ) {
			$part = trim( $part );
			if ( '' === $part ) {
				continue;
			}
			if ( ! is_email( $part ) ) {
				return null;
			}
			$out[] = $part;
		}
		return count( $out ) > self::MAX_RECIPIENTS ? null : array_values( array_unique( $out ) );
	}
}
