<?php
/**
 * Handoff Bot's report checks in Tools → Site Health.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Admin;

use HandoffBot\Contracts\Registrable;
use HandoffBot\Knowledge\Indexer;
use HandoffBot\Reports\Outcome_Metrics;
use HandoffBot\Reports\Period;
use HandoffBot\Repositories\Index_Repository;
use HandoffBot\Repositories\Report_Repository;
use HandoffBot\Repositories\Storage_Exception;

defined( 'ABSPATH' ) || exit;

/**
 * Two direct tests beside Site_Health's: whether the context packages of recent handoffs are
 * complete enough for agents (the report's completeness, docs/METRICS.md §4, over the past 7
 * days), and whether the knowledge index is fresh (no failed update waiting for a rebuild, and
 * every indexable post in it). Each failing result says what to do and links to the screen that
 * shows or fixes it.
 */
final class Report_Health implements Registrable {

	/**
	 * The completeness test's ID.
	 */
	public const COMPLETENESS_TEST = 'handoff_bot_context_completeness';

	/**
	 * The index test's ID.
	 */
	public const INDEX_TEST = 'handoff_bot_index_fresh';

	/**
	 * The lowest mean completeness that is good.
	 */
	public const MIN_SCORE = 0.7;

	/**
	 * Fewer handoffs with a package than this in the past 7 days are too few to judge.
	 */
	public const MIN_HANDOFFS = 5;

	/**
	 * Reads the report's rows.
	 *
	 * @var callable(): Report_Repository
	 */
	private $reports;

	/**
	 * The indexer.
	 *
	 * @var Indexer
	 */
	private Indexer $indexer;

	/**
	 * The index.
	 *
	 * @var Index_Repository
	 */
	private Index_Repository $index;

	/**
	 * Builds the tests.
	 *
	 * @param callable         $reports Makes the reader of the report's rows.
	 * @phpstan-param callable(): Report_Repository $reports
	 * @param Indexer          $indexer The indexer.
	 * @param Index_Repository $index   The index.
	 */
	public function __construct( callable $reports, Indexer $indexer, Index_Repository $index ) {
		$this->reports = $reports;
		$this->indexer = $indexer;
		$this->index   = $index;
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
		$tests['direct'][ self::COMPLETENESS_TEST ] = array(
			'label' => __( 'Handoff Bot gives agents complete context', 'handoff-bot' ),
			'test'  => array( $this, 'completeness_test' ),
		);
		$tests['direct'][ self::INDEX_TEST ]        = array(
			'label' => __( 'Handoff Bot’s knowledge index is up to date', 'handoff-bot' ),
			'test'  => array( $this, 'index_test' ),
		);
		return $tests;
	}

	/**
	 * Whether the context packages of the past 7 days' handoffs are complete enough.
	 *
	 * @return array<string, mixed>
	 */
	public function completeness_test(): array {
		$link   = sprintf(
			'<p><a href="%1$s">%2$s</a></p>',
			esc_url( admin_url( 'admin.php?page=' . Inbox_Page::SLUG ) ),
			esc_html__( 'Open the inbox', 'handoff-bot' )
		);
		$period = Period::from_preset( Period::LAST_7_DAYS, '', '', wp_timezone(), new \DateTimeImmutable( 'now', new \DateTimeZone( 'UTC' ) ) );
		try {
			$handoffs = ( $this->reports )()->handoffs( $period->start_utc(), $period->end_utc(), 0 );
		} catch ( Storage_Exception $e ) {
			return Site_Health::result( self::COMPLETENESS_TEST, 'recommended', __( 'Handoff Bot’s handoffs could not be read', 'handoff-bot' ), '<p>' . esc_html( $e->getMessage() ) . '</p>', $link );
		}
		$found = Outcome_Metrics::completeness(
			array(
				'conversations' => array(),
				'handoffs'      => $handoffs,
				'events'        => array(),
				'offers'        => array(),
			),
			$period
		);
		if ( $found['handoffs'] < self::MIN_HANDOFFS || null === $found['score'] || $found['score'] >= self::MIN_SCORE ) {
			$text = $found['handoffs'] < self::MIN_HANDOFFS
				/* translators: %d: number of handoffs. */
				? sprintf( __( 'Too few handoffs in the past 7 days to judge (fewer than %d).', 'handoff-bot' ), self::MIN_HANDOFFS )
				/* translators: %d: a percentage. */
				: sprintf( __( 'The handoffs of the past 7 days reached agents with %d%% of their context on average.', 'handoff-bot' ), (int) round( (float) $found['score'] * 100 ) );
			return Site_Health::result( self::COMPLETENESS_TEST, 'good', __( 'Handoff Bot gives agents complete context', 'handoff-bot' ), '<p>' . esc_html( $text ) . '</p>', $link );
		}
		$missing = array();
		foreach ( $found['fields'] as $field => $share ) {
			if ( null !== $share && $share < 0.5 ) {
				$missing[] = self::field_label( $field );
			}
		}
		return Site_Health::result(
			self::COMPLETENESS_TEST,
			'recommended',
			__( 'Handoff Bot’s handoffs reach agents with little context', 'handoff-bot' ),
			'<p>' . esc_html(
				sprintf(
					/* translators: 1: a percentage, 2: the lowest good percentage. */
					__( 'The handoffs of the past 7 days reached agents with %1$d%% of their context on average (aim for %2$d%% or more), so agents ask visitors again for what the chat already knew.', 'handoff-bot' ),
					(int) round( (float) $found['score'] * 100 ),
					(int) round( self::MIN_SCORE * 100 )
				)
			) . '</p>'
			. ( $missing ? '<p>' . esc_html__( 'Missing from most handoffs:', 'handoff-bot' ) . '</p><ul><li>' . implode( '</li><li>', array_map( 'esc_html', $missing ) ) . '</li></ul>' : '' )
			. '<p>' . esc_html__( 'Check that the knowledge index covers your content (sources), that the escalation rules detect intents, and that the handoff form asks for contact details.', 'handoff-bot' ) . '</p>',
			$link
		);
	}

	/**
	 * Whether the knowledge index is fresh.
	 *
	 * @return array<string, mixed>
	 */
	public function index_test(): array {
		$link  = sprintf(
			'<p><a href="%1$s">%2$s</a></p>',
			esc_url( admin_url( 'admin.php?page=' . Knowledge_Page::SLUG ) ),
			esc_html__( 'Open the knowledge index', 'handoff-bot' )
		);
		$error = get_option( Indexer::ERROR_OPTION );
		if ( is_array( $error ) ) {
			return Site_Health::result(
				self::INDEX_TEST,
				'critical',
				__( 'Handoff Bot’s knowledge index is incomplete', 'handoff-bot' ),
				'<p>' . esc_html(
					sprintf(
						/* translators: 1: when, 2: the database's error message. */
						__( 'An update of the index failed on %1$s (%2$s). The chat answers from what was indexed before, and misses what changed since.', 'handoff-bot' ),
						wp_date( (string) get_option( 'date_format' ) . ' ' . (string) get_option( 'time_format' ), (int) ( $error['time'] ?? 0 ) ),
						rtrim( (string) ( $error['message'] ?? '' ), '.' )
					)
				) . '</p><p>' . esc_html__( 'Rebuild the index from the Knowledge screen once the database accepts writes again.', 'handoff-bot' ) . '</p>',
				$link
			);
		}
		try {
			$indexed = count( $this->index->indexed_post_ids() );
		} catch ( Storage_Exception $e ) {
			$indexed = 0;
		}
		$missing = $this->indexer->count_indexable() - $indexed;
		if ( $missing > 0 ) {
			return Site_Health::result(
				self::INDEX_TEST,
				'recommended',
				__( 'Handoff Bot’s knowledge index is missing content', 'handoff-bot' ),
				'<p>' . esc_html(
					sprintf(
						/* translators: %d: number of posts. */
						_n( '%d published post the chat should answer from is not in the index, so visitors asking about it are handed to a person.', '%d published posts the chat should answer from are not in the index, so visitors asking about them are handed to a person.', $missing, 'handoff-bot' ),
						$missing
					)
				) . '</p><p>' . esc_html__( 'Rebuild the index from the Knowledge screen.', 'handoff-bot' ) . '</p>',
				$link
			);
		}
		return Site_Health::result(
			self::INDEX_TEST,
			'good',
			__( 'Handoff Bot’s knowledge index is up to date', 'handoff-bot' ),
			'<p>' . esc_html__( 'Every published post the chat answers from is in the index, and no update has failed since the last rebuild.', 'handoff-bot' ) . '</p>',
			$link
		);
	}

	/**
	 * A context field's name as people read it.
	 *
	 * @param string $field One of Context_Package::FIELDS.
	 */
	private static function field_label( string $field ): string {
		$labels = array(
			'transcript' => __( 'the transcript', 'handoff-bot' ),
			'intent'     => __( 'the detected intent', 'handoff-bot' ),
			'confidence' => __( 'the answer confidence', 'handoff-bot' ),
			'sources'    => __( 'the sources the bot used', 'handoff-bot' ),
			'user'       => __( 'who the visitor is (signed in or contact details)', 'handoff-bot' ),
			'pages'      => __( 'the pages the visitor saw', 'handoff-bot' ),
			'form'       => __( 'the handoff form', 'handoff-bot' ),
			'reason'     => __( 'the reason for the handoff', 'handoff-bot' ),
			'summary'    => __( 'the summary', 'handoff-bot' ),
			'language'   => __( 'the language', 'handoff-bot' ),
		);
		return $labels[ $field ] ?? $field;
	}
}
