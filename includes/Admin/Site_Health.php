<?php
/**
 * Handoff Bot's tests in Tools → Site Health.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Admin;

use HandoffBot\Contracts\Registrable;
use HandoffBot\Handoff\Availability_Store;
use HandoffBot\Notifications\Connection_Health;

defined( 'ABSPATH' ) || exit;

/**
 * Two direct tests: whether the connections deliver (a connection whose latest deliveries all
 * failed is critical; one that lost a delivery in the past day, or keeps being retried, is worth
 * a look), and whether the hours and teams were ever saved (until then the defaults route
 * handoffs). Each failing result says what to do and links to the screen that fixes it.
 * Report_Health adds the report's checks: context completeness and the knowledge index.
 *
 * @phpstan-import-type Connection_Problem from Connection_Health
 */
final class Site_Health implements Registrable {

	/**
	 * The connections test's ID.
	 */
	public const CONNECTIONS_TEST = 'handoff_bot_connections';

	/**
	 * The hours and teams test's ID.
	 */
	public const AVAILABILITY_TEST = 'handoff_bot_availability';

	/**
	 * Which connections fail.
	 *
	 * @var Connection_Health
	 */
	private Connection_Health $health;

	/**
	 * The availability in force.
	 *
	 * @var Availability_Store
	 */
	private Availability_Store $availability;

	/**
	 * Builds the tests.
	 *
	 * @param Connection_Health  $health       Which connections fail.
	 * @param Availability_Store $availability The availability in force.
	 */
	public function __construct( Connection_Health $health, Availability_Store $availability ) {
		$this->health       = $health;
		$this->availability = $availability;
	}

	/**
	 * {@inheritDoc}
	 */
	public function register(): void {
		add_filter( 'site_status_tests', array( $this, 'add_tests' ) );
	}

	/**
	 * Adds the tests to Site Health's direct tests.
	 *
	 * @param mixed $tests The tests.
	 * @return mixed
	 */
	public function add_tests( $tests ) {
		if ( ! is_array( $tests ) ) {
			return $tests;
		}
		$tests['direct'][ self::CONNECTIONS_TEST ]  = array(
			'label' => __( 'Handoff Bot’s connections deliver', 'handoff-bot' ),
			'test'  => array( $this, 'connections_test' ),
		);
		$tests['direct'][ self::AVAILABILITY_TEST ] = array(
			'label' => __( 'Handoff Bot’s hours and teams are set', 'handoff-bot' ),
			'test'  => array( $this, 'availability_test' ),
		);
		return $tests;
	}

	/**
	 * Whether the connections deliver.
	 *
	 * @return array<string, mixed>
	 */
	public function connections_test(): array {
		$problems = $this->health->problems( time() );
		$link     = sprintf(
			'<p><a href="%1$s">%2$s</a></p>',
			esc_url( admin_url( 'admin.php?page=' . Connections_Page::SLUG ) ),
			esc_html__( 'Open the connections and their delivery log', 'handoff-bot' )
		);
		if ( ! $problems ) {
			return self::result(
				self::CONNECTIONS_TEST,
				'good',
				__( 'Handoff Bot’s connections deliver', 'handoff-bot' ),
				'<p>' . esc_html__( 'No enabled email inbox, webhook or Slack connection has failed to deliver lately.', 'handoff-bot' ) . '</p>',
				$link
			);
		}
		$critical = 'critical' === $problems[0]['severity'];
		$items    = array_map( array( self::class, 'problem_text' ), $problems );
		return self::result(
			self::CONNECTIONS_TEST,
			$critical ? 'critical' : 'recommended',
			$critical ? __( 'A Handoff Bot connection keeps failing', 'handoff-bot' ) : __( 'A Handoff Bot connection failed to deliver', 'handoff-bot' ),
			'<p>' . esc_html__( 'Your team is not hearing about some handoffs where it works:', 'handoff-bot' ) . '</p><ul><li>' . implode( '</li><li>', $items ) . '</li></ul><p>'
				. esc_html__( 'Check the connection’s address (for a webhook, also that the receiver checks signatures with the current secret, and for email that the site can send mail), send it a test from the Connections screen, then redeliver what failed from the delivery log.', 'handoff-bot' ) . '</p>',
			$link
		);
	}

	/**
	 * Whether the hours and teams were ever saved.
	 *
	 * @return array<string, mixed>
	 */
	public function availability_test(): array {
		$link = sprintf(
			'<p><a href="%1$s">%2$s</a></p>',
			esc_url( admin_url( 'admin.php?page=' . Hours_Page::SLUG ) ),
			esc_html__( 'Set the teams and hours', 'handoff-bot' )
		);
		if ( $this->availability->active_version() > 0 ) {
			return self::result(
				self::AVAILABILITY_TEST,
				'good',
				__( 'Handoff Bot’s hours and teams are set', 'handoff-bot' ),
				'<p>' . esc_html__( 'Handoffs are routed by the business hours, holidays and teams you saved.', 'handoff-bot' ) . '</p>',
				$link
			);
		}
		return self::result(
			self::AVAILABILITY_TEST,
			'recommended',
			__( 'Handoff Bot’s hours and teams are not set', 'handoff-bot' ),
			'<p>' . esc_html__( 'Until you save them, handoffs go live only Monday to Friday, 09:00 to 17:00 in the site’s time zone, to any support agent, with no holidays; at other times visitors are asked to leave a ticket.', 'handoff-bot' ) . '</p><p>'
				. esc_html__( 'Set your business hours, holidays and teams with their agents, and save them.', 'handoff-bot' ) . '</p>',
			$link
		);
	}

	/**
	 * What is wrong with a connection, as escaped HTML.
	 *
	 * @param array $problem The problem.
	 * @phpstan-param Connection_Problem $problem
	 */
	private static function problem_text( array $problem ): string {
		$connection = $problem['connection'];
		$kinds      = array(
			'email'   => __( 'email inbox', 'handoff-bot' ),
			'webhook' => __( 'webhook', 'handoff-bot' ),
			'slack'   => __( 'Slack', 'handoff-bot' ),
		);
		$parts      = array();
		if ( $problem['streak'] ) {
			/* translators: %d: number of deliveries. */
			$parts[] = sprintf( __( 'its last %d deliveries failed', 'handoff-bot' ), Connection_Health::STREAK );
		}
		if ( $problem['failed_today'] > 0 ) {
			/* translators: %d: number of deliveries. */
			$parts[] = sprintf( _n( '%d delivery failed for good in the past day', '%d deliveries failed for good in the past day', $problem['failed_today'], 'handoff-bot' ), $problem['failed_today'] );
		}
		$last = $problem['last'];
		if ( ! $parts && null !== $last ) {
			/* translators: %d: number of attempts. */
			$parts[] = sprintf( __( 'its newest delivery failed %d attempts and is being retried', 'handoff-bot' ), $last['attempts'] );
		}
		if ( null !== $last && 'sent' !== $last['status'] ) {
			$parts[] = $last['response_code'] > 0
				/* translators: %d: HTTP status code. */
				? sprintf( __( 'the receiver last answered HTTP %d', 'handoff-bot' ), $last['response_code'] )
				: $last['error'];
		}
		return sprintf(
			/* translators: 1: the connection's name, 2: its kind, such as "webhook", 3: what went wrong. */
			esc_html__( '%1$s (%2$s): %3$s.', 'handoff-bot' ),
			'<strong>' . esc_html( $connection['label'] ) . '</strong>',
			esc_html( $kinds[ $connection['kind'] ] ?? $connection['kind'] ),
			esc_html( implode( '; ', array_filter( $parts ) ) )
		);
	}

	/**
	 * A Site Health result (Report_Health's too).
	 *
	 * @param string $test        The test's ID.
	 * @param string $status      good, recommended or critical.
	 * @param string $label       The headline.
	 * @param string $description Escaped HTML.
	 * @param string $actions     Escaped HTML.
	 * @return array<string, mixed>
	 */
	public static function result( string $test, string $status, string $label, string $description, string $actions ): array {
		return array(
			'label'       => $label,
			'status'      => $status,
			'badge'       => array(
				'label' => __( 'Handoff Bot', 'handoff-bot' ),
				'color' => 'good' === $status ? 'blue' : ( 'critical' === $status ? 'red' : 'orange' ),
			),
			'description' => $description,
			'actions'     => $actions,
			'test'        => $test,
		);
	}
}
