<?php
/**
 * The daily check: measures the window, raises the alerts it finds, and stores them once.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Reports\Alerts;

use HandoffBot\Notifications\Connection_Health;
use HandoffBot\Reports\Metrics;
use HandoffBot\Reports\Period;
use HandoffBot\Repositories\Report_Alert_Repository;
use HandoffBot\Repositories\Storage_Exception;
use HandoffBot\Settings;

defined( 'ABSPATH' ) || exit;

/**
 * The window is the last `alerts_window_days` whole local days, ending yesterday (today is not
 * over, and its figures would always look low), compared with the same number of days before.
 * An alert is stored unless one of the same kind and subject covers an overlapping window, open or
 * dismissed: a condition that holds day after day is raised once per window, and a dismissed
 * alert stays quiet until its window has passed.
 */
final class Alert_Check {

	/**
	 * The report.
	 *
	 * @var Metrics
	 */
	private Metrics $metrics;

	/**
	 * Alerts and the reads behind them.
	 *
	 * @var Report_Alert_Repository
	 */
	private Report_Alert_Repository $alerts;

	/**
	 * Which connections fail.
	 *
	 * @var Connection_Health
	 */
	private Connection_Health $health;

	/**
	 * Settings.
	 *
	 * @var Settings
	 */
	private Settings $settings;

	/**
	 * Builds the check.
	 *
	 * @param Metrics                 $metrics  The report.
	 * @param Report_Alert_Repository $alerts   Alerts.
	 * @param Connection_Health       $health   Which connections fail.
	 * @param Settings                $settings Settings.
	 */
	public function __construct( Metrics $metrics, Report_Alert_Repository $alerts, Connection_Health $health, Settings $settings ) {
		$this->metrics  = $metrics;
		$this->alerts   = $alerts;
		$this->health   = $health;
		$this->settings = $settings;
	}

	/**
	 * The window a check at a moment looks at.
	 *
	 * @param \DateTimeImmutable $now Now.
	 */
	public function window( \DateTimeImmutable $now ): Period {
		$days      = (int) $this->settings->get( 'alerts_window_days' );
		$zone      = wp_timezone();
		$yesterday = $now->setTimezone( $zone )->setTime( 0, 0 )->modify( '-1 day' );
		return Period::from_preset( Period::CUSTOM, $yesterday->modify( '-' . ( $days - 1 ) . ' days' )->format( 'Y-m-d' ), $yesterday->format( 'Y-m-d' ), $zone, $now );
	}

	/**
	 * Runs the check; returns the IDs of the alerts it stored.
	 *
	 * @param \DateTimeImmutable $now Now.
	 * @return list<int>
	 * @throws Storage_Exception When the database cannot be read or written.
	 */
	public function run( \DateTimeImmutable $now ): array {
		$period   = $this->window( $now );
		$previous = $period->previous();
		$summary  = $this->metrics->summary( $period, true, 0 );
		$limits   = $this->settings->all();
		$found    = Alert_Detector::detect(
			(array) $summary['metrics'],
			(array) $summary['comparison']['metrics'],
			array(
				'current'  => $this->alerts->user_request_turns( $period->start_utc(), $period->end_utc() ),
				'previous' => $this->alerts->user_request_turns( $previous->start_utc(), $previous->end_utc() ),
			),
			array(
				'current'  => $this->alerts->handoff_counts( $period->start_utc(), $period->end_utc(), array( 'intent' ) ),
				'previous' => $this->alerts->handoff_counts( $previous->start_utc(), $previous->end_utc(), array( 'intent' ) ),
			),
			$this->failing( $now ),
			$limits
		);
		$stored   = array();
		foreach ( $found as $alert ) {
			if ( $this->alerts->overlaps( $alert['kind'], $alert['subject'], $period->from() ) ) {
				continue;
			}
			$id = $this->alerts->add( $alert['kind'], $alert['subject'], $alert['direction'], $period->from(), $period->to(), $alert['figures'] );
			if ( $id > 0 ) {
				$stored[] = $id;
			}
		}
		return $stored;
	}

	/**
	 * The enabled connections whose latest deliveries all failed.
	 *
	 * @param \DateTimeImmutable $now Now.
	 * @return list<array{id: string, label: string, kind: string, error: string}>
	 */
	private function failing( \DateTimeImmutable $now ): array {
		$out = array();
		foreach ( $this->health->problems( $now->getTimestamp() ) as $problem ) {
			if ( ! $problem['streak'] ) {
				continue;
			}
			$out[] = array(
				'id'    => $problem['connection']['id'],
				'label' => $problem['connection']['label'],
				'kind'  => $problem['connection']['kind'],
				'error' => null !== $problem['last'] ? $problem['last']['error'] : '',
			);
		}
		return $out;
	}
}
