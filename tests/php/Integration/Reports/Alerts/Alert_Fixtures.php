<?php
/**
 * Builds the windows the alert tests compare, and runs the check on them.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Reports\Alerts;

use HandoffBot\Notifications\Connection_Health;
use HandoffBot\Notifications\Connection_Store;
use HandoffBot\Reports\Alerts\Alert_Check;
use HandoffBot\Reports\Metrics;
use HandoffBot\Repositories\Delivery_Health_Repository;
use HandoffBot\Repositories\Report_Alert_Repository;
use HandoffBot\Repositories\Report_Repository;
use HandoffBot\Settings;
use HandoffBot\Tests\Integration\Reports\Report_Fixtures;

require_once dirname( __DIR__ ) . '/Report_Fixtures.php';

/**
 * The site runs on UTC and the check runs at NOW: with a 7-day window it compares 3 to 9 March
 * (CURRENT) with 24 February to 2 March (PREVIOUS).
 */
trait Alert_Fixtures {

	/**
	 * When the check runs.
	 *
	 * @var string
	 */
	private static string $now = '2026-03-10 12:00:00';

	/**
	 * A day of the window checked.
	 *
	 * @var string
	 */
	private static string $current = '2026-03-05';

	/**
	 * A day of the window before.
	 *
	 * @var string
	 */
	private static string $previous = '2026-02-26';

	/**
	 * Sets the site on UTC, the default settings with some of them changed.
	 *
	 * @param array<string, mixed> $settings Settings to change.
	 */
	protected function configure( array $settings ): void {
		update_option( 'timezone_string', 'UTC' );
		update_option( 'gmt_offset', '' );
		delete_option( Settings::OPTION );
		( new Settings() )->update( $settings );
	}

	/**
	 * Adds conversations on a day, each with a turn of an intent and, when given, a handoff.
	 *
	 * @param string                    $day     Y-m-d.
	 * @param int                       $count   How many.
	 * @param string                    $intent  The intent of their turn.
	 * @param array<string, mixed>|null $handoff The handoff's columns, or null for none.
	 * @param list<string>|null         $fields  Context package fields present (null: no package).
	 * @return list<int> The handoffs' IDs (or the conversations' when there is no handoff).
	 */
	protected function add( string $day, int $count, string $intent, ?array $handoff = null, ?array $fields = null ): array {
		$f   = new Report_Fixtures();
		$ids = array();
		for ( $i = 0; $i < $count; $i++ ) {
			$at           = $day . ' 12:00:00';
			$conversation = $f->conversation( $at );
			if ( null === $handoff ) {
				$f->turn( $conversation, 'answered', array( 'intent' => $intent ), $at );
				$ids[] = $conversation;
				continue;
			}
			$id = $f->handoff(
				$conversation,
				$handoff + array(
					'intent'       => $intent,
					'requested_at' => $at,
				),
				$fields
			);
			$f->turn(
				$conversation,
				'handoff_requested',
				array(
					'intent'     => $intent,
					'handoff_id' => $id,
				),
				$at,
				$id
			);
			$ids[] = $id;
		}//end for
		return $ids;
	}

	/**
	 * The check.
	 */
	protected function check(): Alert_Check {
		$settings = new Settings();
		return new Alert_Check( new Metrics( new Report_Repository(), $settings ), new Report_Alert_Repository(), new Connection_Health( new Connection_Store(), new Delivery_Health_Repository() ), $settings );
	}

	/**
	 * Runs the check at NOW and answers "kind:subject" of each alert it stored, sorted; then
	 * forgets them, so that the next run starts afresh.
	 *
	 * @return list<string>
	 */
	protected function raised(): array {
		$alerts = new Report_Alert_Repository();
		$out    = array();
		foreach ( $this->check()->run( new \DateTimeImmutable( self::$now, new \DateTimeZone( 'UTC' ) ) ) as $id ) {
			$alert = $alerts->find( $id );
			$this->assertNotNull( $alert );
			$out[] = $alert['kind'] . ':' . $alert['subject'];
		}
		sort( $out );
		$this->forget_alerts();
		return $out;
	}

	/**
	 * Removes every stored alert.
	 */
	protected function forget_alerts(): void {
		global $wpdb;
		$wpdb->query( $wpdb->prepare( 'DELETE FROM %i', $wpdb->prefix . 'handoff_bot_report_alerts' ) );
	}
}
