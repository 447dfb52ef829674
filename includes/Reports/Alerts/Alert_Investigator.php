<?php
/**
 * Opens an alert's investigation.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Reports\Alerts;

use HandoffBot\Reports\Metrics;
use HandoffBot\Reports\Period;
use HandoffBot\Repositories\Delivery_Health_Repository;
use HandoffBot\Repositories\Report_Alert_Repository;
use HandoffBot\Repositories\Storage_Exception;
use HandoffBot\Settings;

defined( 'ABSPATH' ) || exit;

/**
 * Measures the alert's window and the one before (Metrics::summary() with its comparison) and
 * walks the checks of the alert's kind, each with its data filled in from the rows as they are now
 * and a drill-down filter for GET /reports/conversations.
 *
 * @phpstan-import-type Report_Alert from Report_Alert_Repository
 * @phpstan-import-type Investigation_Step from Investigation_Window
 */
final class Alert_Investigator {

	/**
	 * The report.
	 *
	 * @var Metrics
	 */
	private Metrics $metrics;

	/**
	 * Reads.
	 *
	 * @var Report_Alert_Repository
	 */
	private Report_Alert_Repository $reads;

	/**
	 * Delivery outcomes.
	 *
	 * @var Delivery_Health_Repository
	 */
	private Delivery_Health_Repository $deliveries;

	/**
	 * Settings (the answer threshold).
	 *
	 * @var Settings
	 */
	private Settings $settings;

	/**
	 * Builds the investigator.
	 *
	 * @param Metrics                    $metrics    The report.
	 * @param Report_Alert_Repository    $reads      Reads.
	 * @param Delivery_Health_Repository $deliveries Delivery outcomes.
	 * @param Settings                   $settings   Settings.
	 */
	public function __construct( Metrics $metrics, Report_Alert_Repository $reads, Delivery_Health_Repository $deliveries, Settings $settings ) {
		$this->metrics    = $metrics;
		$this->reads      = $reads;
		$this->deliveries = $deliveries;
		$this->settings   = $settings;
	}

	/**
	 * The steps of an alert's investigation, in order.
	 *
	 * @param array $alert The alert.
	 * @phpstan-param Report_Alert $alert
	 * @return list<Investigation_Step>
	 * @throws Storage_Exception When the database cannot be read.
	 */
	public function investigate( array $alert ): array {
		$period = Period::from_preset( Period::CUSTOM, $alert['period_from'], $alert['period_to'], wp_timezone(), new \DateTimeImmutable( 'now', new \DateTimeZone( 'UTC' ) ) );
		if ( Alert_Detector::CONNECTION_FAILING === $alert['kind'] ) {
			// Delivery outcomes, not conversations: no report to measure.
			return Operations_Investigation::connection( new Investigation_Window( $alert, $period, array(), array(), $this->reads ), $this->deliveries );
		}
		$summary = $this->metrics->summary( $period, true, 0 );
		$window  = new Investigation_Window( $alert, $period, (array) $summary['metrics'], (array) $summary['comparison']['metrics'], $this->reads );
		switch ( $alert['kind'] ) {
			case Alert_Detector::INTENT_RATE:
				return Escalation_Investigation::intent_rate( $window );
			case Alert_Detector::NEW_TOP_REASON:
				return Escalation_Investigation::new_top_reason( $window );
			case Alert_Detector::EARLIER_REQUESTS:
				return Escalation_Investigation::earlier_requests( $window, (float) $this->settings->get( 'answer_threshold' ) );
			case Alert_Detector::TOPIC_SHARE:
				return Operations_Investigation::topic_share( $window );
			case Alert_Detector::COMPLETENESS:
				return Operations_Investigation::completeness( $window );
			case Alert_Detector::QUEUE_DELAY:
			case Alert_Detector::ABANDONMENT:
				return Operations_Investigation::queue( $window );
		}
		return array();
	}
}
