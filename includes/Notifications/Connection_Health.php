<?php
/**
 * Which connections keep failing.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Notifications;

use HandoffBot\Repositories\Delivery_Health_Repository;

defined( 'ABSPATH' ) || exit;

/**
 * An enabled connection is failing when its latest deliveries all failed (or are being retried
 * after failing): `critical`, nothing gets through. One that lost a delivery for good in the past
 * day, or whose newest delivery has failed several attempts, is `recommended` to check. Test
 * messages do not count.
 *
 * @phpstan-import-type Connection from Connection_Store
 * @phpstan-import-type Delivery_Outcome from Delivery_Health_Repository
 * @phpstan-type Connection_Problem array{connection: Connection, severity: string, streak: bool, failed_today: int, last: Delivery_Outcome|null}
 */
final class Connection_Health {

	/**
	 * How many latest deliveries in a row must fail for a connection to be failing.
	 */
	public const STREAK = 3;

	/**
	 * Attempts after which a delivery still being retried is worth a look.
	 */
	public const RETRIES = 3;

	/**
	 * Connections.
	 *
	 * @var Connection_Store
	 */
	private Connection_Store $store;

	/**
	 * Delivery outcomes.
	 *
	 * @var Delivery_Health_Repository
	 */
	private Delivery_Health_Repository $deliveries;

	/**
	 * Builds the check.
	 *
	 * @param Connection_Store           $store      Connections.
	 * @param Delivery_Health_Repository $deliveries Delivery outcomes.
	 */
	public function __construct( Connection_Store $store, Delivery_Health_Repository $deliveries ) {
		$this->store      = $store;
		$this->deliveries = $deliveries;
	}

	/**
	 * The enabled connections that have trouble, those failing outright first.
	 *
	 * @param int $now Unix time.
	 * @return list<Connection_Problem>
	 */
	public function problems( int $now ): array {
		$since    = gmdate( 'Y-m-d H:i:s', $now - DAY_IN_SECONDS );
		$problems = array();
		foreach ( $this->store->all() as $connection ) {
			if ( ! $connection['enabled'] ) {
				continue;
			}
			$latest  = $this->deliveries->latest( $connection['id'], self::STREAK );
			$failing = array_filter( $latest, array( self::class, 'is_failing' ) );
			$streak  = self::STREAK === count( $latest ) && count( $failing ) === count( $latest );
			$today   = $this->deliveries->failed_since( $connection['id'], $since );
			$newest  = $latest[0] ?? null;
			$retried = null !== $newest && 'pending' === $newest['status'] && $newest['attempts'] >= self::RETRIES;
			if ( ! $streak && 0 === $today && ! $retried ) {
				continue;
			}
			$problems[] = array(
				'connection'   => $connection,
				'severity'     => $streak ? 'critical' : 'recommended',
				'streak'       => $streak,
				'failed_today' => $today,
				'last'         => $newest,
			);
		}//end foreach
		usort(
			$problems,
			static function ( array $a, array $b ): int {
				return (int) $b['streak'] - (int) $a['streak'];
			}
		);
		return $problems;
	}

	/**
	 * Whether a delivery failed: for good, or an attempt, with more to come.
	 *
	 * @param array $outcome A delivery's outcome.
	 * @phpstan-param Delivery_Outcome $outcome
	 */
	private static function is_failing( array $outcome ): bool {
		return 'failed' === $outcome['status'] || ( 'pending' === $outcome['status'] && $outcome['attempts'] > 0 );
	}
}
