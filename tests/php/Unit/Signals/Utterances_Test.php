<?php
/**
 * Precision and recall of the signals on the labelled visitor messages.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Unit\Signals;

use HandoffBot\Escalation\Default_Intents;
use HandoffBot\Escalation\Policy;
use HandoffBot\Signals\Frustration_Signal;
use HandoffBot\Signals\Human_Request_Signal;
use HandoffBot\Signals\Intent_Signal;
use HandoffBot\Signals\Sensitivity_Signal;
use HandoffBot\Signals\Signal_Context;
use PHPUnit\Framework\TestCase;

/**
 * Every labelled message (tests/php/fixtures/utterances.php) goes through the shipped signals
 * with the default policy, as a first message. Each half is measured on its own and together;
 * the bars sit a little below the figures measured when they were set (the held-out half's own
 * figures are noisier: it has a few messages per intent). A request for a person is never held
 * to less than 0.9 precision and 0.95 recall. The table of figures is in every failure message.
 *
 * @phpstan-type Counts array{tp: int, fp: int, fn: int}
 * @phpstan-type Row array{0: string, 1: string|null, 2: bool, 3: bool, 4: string|null}
 */
final class Utterances_Test extends TestCase {

	/**
	 * Bars per half: signal => [ precision, recall ]. "intent" is micro-averaged over intents.
	 *
	 * @var array<string, array<string, array{0: float, 1: float}>>
	 */
	private const BARS = array(
		'tune'    => array(
			'human_request' => array( 0.97, 0.97 ),
			'frustration'   => array( 0.92, 0.95 ),
			'sensitivity'   => array( 0.97, 0.97 ),
			'intent'        => array( 0.9, 0.92 ),
		),
		'heldout' => array(
			'human_request' => array( 0.95, 0.95 ),
			'frustration'   => array( 0.8, 0.9 ),
			'sensitivity'   => array( 0.85, 0.85 ),
			'intent'        => array( 0.78, 0.78 ),
		),
		'all'     => array(
			'human_request' => array( 0.97, 0.97 ),
			'frustration'   => array( 0.92, 0.95 ),
			'sensitivity'   => array( 0.97, 0.97 ),
			'intent'        => array( 0.89, 0.9 ),
		),
	);

	/**
	 * Bars per intent, on both halves together: [ precision, recall ].
	 *
	 * @var array<string, array{0: float, 1: float}>
	 */
	private const INTENT_BARS = array(
		'orders'           => array( 0.88, 0.87 ),
		'shipping'         => array( 0.85, 0.9 ),
		'returns'          => array( 0.93, 0.88 ),
		'billing'          => array( 0.7, 0.86 ),
		'billing_dispute'  => array( 0.93, 0.82 ),
		'pricing'          => array( 0.87, 0.95 ),
		'account'          => array( 0.77, 0.93 ),
		'account_recovery' => array( 0.95, 0.85 ),
		'troubleshooting'  => array( 0.92, 0.95 ),
		'cancellation'     => array( 0.94, 0.94 ),
		'complaint'        => array( 0.94, 0.89 ),
		'legal'            => array( 0.95, 0.91 ),
		'privacy'          => array( 0.91, 0.93 ),
		'presales'         => array( 0.89, 0.91 ),
		'feedback'         => array( 0.89, 0.81 ),
	);

	/**
	 * The sensitive messages found must be found as the right kind this often.
	 */
	private const LABEL_ACCURACY = 0.95;

	/**
	 * Counts by half, then by signal or intent (filled once).
	 *
	 * @var array<string, array<string, Counts>>|null
	 */
	private static ?array $counts = null;

	/**
	 * Sensitive messages found, and found as the labelled kind (filled once).
	 *
	 * @var array{found: int, right: int}
	 */
	private static array $labels = array(
		'found' => 0,
		'right' => 0,
	);

	/**
	 * The suite is large enough to mean something, and covers what it should.
	 */
	public function test_the_labelled_suite_covers_every_intent_requests_near_misses_frustration_and_personal_data(): void {
		$rows = array_merge( self::rows( 'tune' ), self::rows( 'heldout' ) );
		$this->assertGreaterThanOrEqual( 300, count( $rows ) );
		$this->assertGreaterThanOrEqual( 100, count( self::rows( 'heldout' ) ) );
		$by_intent = array_count_values( array_filter( array_column( $rows, 1 ), 'is_string' ) );
		foreach ( Default_Intents::all() as $intent ) {
			$this->assertGreaterThanOrEqual( 15, $by_intent[ $intent['name'] ] ?? 0, $intent['name'] );
		}
		$requests = array_filter( $rows, static fn( array $row ): bool => $row[2] );
		$this->assertGreaterThanOrEqual( 100, count( $requests ) );
		$this->assertGreaterThanOrEqual( 50, count( array_filter( $rows, static fn( array $row ): bool => $row[3] ) ) );
		$this->assertGreaterThanOrEqual( 50, count( array_filter( $rows, static fn( array $row ): bool => null !== $row[4] ) ) );
		// Near misses: messages that name a person without asking for one.
		$mentions = array_filter(
			$rows,
			static fn( array $row ): bool => ! $row[2] && (bool) preg_match( '/\b(?:agent|person|human|someone|customer service|staff|operator)\b/i', $row[0] )
		);
		$this->assertGreaterThanOrEqual( 30, count( $mentions ) );
		$this->assertSame( count( $rows ), count( array_unique( array_column( $rows, 0 ) ) ), 'Each message is labelled once.' );
	}

	/**
	 * Precision and recall of each signal, per half and together.
	 *
	 * @dataProvider halves_and_signals
	 *
	 * @param string $half   tune, heldout or all.
	 * @param string $signal Signal identifier.
	 */
	public function test_signal_meets_its_bars( string $half, string $signal ): void {
		$counts                     = self::counts()[ $half ][ $signal ];
		list( $precision, $recall ) = self::BARS[ $half ][ $signal ];
		$this->assertGreaterThanOrEqual( $precision, self::precision( $counts ), "Precision of $signal on $half.\n" . self::table() );
		$this->assertGreaterThanOrEqual( $recall, self::recall( $counts ), "Recall of $signal on $half.\n" . self::table() );
	}

	/**
	 * Halves and signals.
	 *
	 * @return array<string, array{0: string, 1: string}>
	 */
	public function halves_and_signals(): array {
		$out = array();
		foreach ( self::BARS as $half => $signals ) {
			foreach ( array_keys( $signals ) as $signal ) {
				$out[ "$signal on $half" ] = array( $half, $signal );
			}
		}
		return $out;
	}

	/**
	 * A request for a person is held to 0.9 precision and 0.95 recall at least, whatever the
	 * bars above say.
	 */
	public function test_a_request_for_a_person_is_never_held_to_less_than_090_precision_and_095_recall(): void {
		foreach ( self::BARS as $half => $signals ) {
			$this->assertGreaterThanOrEqual( 0.9, $signals['human_request'][0], $half );
			$this->assertGreaterThanOrEqual( 0.95, $signals['human_request'][1], $half );
		}
	}

	/**
	 * Precision and recall of each default intent, both halves together.
	 *
	 * @dataProvider intents
	 *
	 * @param string $intent Intent name.
	 */
	public function test_intent_meets_its_bars( string $intent ): void {
		$counts                     = self::counts()['all'][ 'intent:' . $intent ] ?? array(
			'tp' => 0,
			'fp' => 0,
			'fn' => 0,
		);
		list( $precision, $recall ) = self::INTENT_BARS[ $intent ];
		$this->assertGreaterThanOrEqual( $precision, self::precision( $counts ), "Precision of $intent.\n" . self::table() );
		$this->assertGreaterThanOrEqual( $recall, self::recall( $counts ), "Recall of $intent.\n" . self::table() );
	}

	/**
	 * The default intents.
	 *
	 * @return array<string, array{0: string}>
	 */
	public function intents(): array {
		$out = array();
		foreach ( array_keys( self::INTENT_BARS ) as $name ) {
			$out[ $name ] = array( $name );
		}
		return $out;
	}

	/**
	 * Every default intent has its bars.
	 */
	public function test_every_default_intent_has_bars(): void {
		$this->assertSame( array_column( Default_Intents::all(), 'name' ), array_keys( self::INTENT_BARS ) );
	}

	/**
	 * Sensitive data and topics found are found as the right kind (a card as a card).
	 */
	public function test_sensitive_messages_are_found_as_the_labelled_kind(): void {
		self::counts();
		$this->assertGreaterThan( 0, self::$labels['found'] );
		$this->assertGreaterThanOrEqual( self::LABEL_ACCURACY, self::$labels['right'] / self::$labels['found'], self::table() );
	}

	/**
	 * Counts of every signal and intent on every half (computed once).
	 *
	 * @return array<string, array<string, Counts>>
	 */
	private static function counts(): array {
		if ( null !== self::$counts ) {
			return self::$counts;
		}
		$policy  = Policy::defaults();
		$signals = array(
			'intent'        => new Intent_Signal(),
			'human_request' => new Human_Request_Signal(),
			'frustration'   => new Frustration_Signal(),
			'sensitivity'   => new Sensitivity_Signal(),
		);
		$counts  = array();
		foreach ( array( 'tune', 'heldout' ) as $half ) {
			foreach ( self::rows( $half ) as $row ) {
				$context  = new Signal_Context( $row[0], 'en', array(), $policy );
				$results  = array_map(
					static function ( $signal ) use ( $context ) {
						return $signal->detect( $context );
					},
					$signals
				);
				$expected = array(
					'human_request' => $row[2],
					'frustration'   => $row[3],
					'sensitivity'   => null !== $row[4],
				);
				foreach ( array( $half, 'all' ) as $bucket ) {
					foreach ( $expected as $id => $want ) {
						self::add( $counts[ $bucket ][ $id ], $want, $results[ $id ]->fired );
					}
					$got  = $results['intent']->fired ? $results['intent']->label : null;
					$want = $row[1];
					self::add( $counts[ $bucket ]['intent'], null !== $want, null !== $got, $want === $got );
					foreach ( array_unique( array_filter( array( $want, $got ), 'is_string' ) ) as $name ) {
						self::add( $counts[ $bucket ][ 'intent:' . $name ], $want === $name, $got === $name );
					}
				}
				if ( null !== $row[4] && $results['sensitivity']->fired ) {
					++self::$labels['found'];
					self::$labels['right'] += $row[4] === $results['sensitivity']->label ? 1 : 0;
				}
			}//end foreach
		}//end foreach
		self::$counts = $counts;
		return $counts;
	}

	/**
	 * Counts one message: a true positive, a false positive, a false negative, or nothing.
	 *
	 * @param array<string, int>|null $counts Counts (created when missing).
	 * @phpstan-param Counts|null $counts
	 * @param bool                    $want   Whether it should have been found.
	 * @param bool                    $got    Whether it was found.
	 * @param bool                    $same   Whether what was found is what was labelled.
	 */
	private static function add( ?array &$counts, bool $want, bool $got, bool $same = true ): void {
		$counts = $counts ?? array(
			'tp' => 0,
			'fp' => 0,
			'fn' => 0,
		);
		if ( $want && $got && $same ) {
			++$counts['tp'];
			return;
		}
		if ( $got ) {
			++$counts['fp'];
		}
		if ( $want ) {
			++$counts['fn'];
		}
	}

	/**
	 * Precision (1 when nothing was found).
	 *
	 * @param array<string, int> $counts Counts.
	 * @phpstan-param Counts $counts
	 */
	private static function precision( array $counts ): float {
		$found = $counts['tp'] + $counts['fp'];
		return 0 === $found ? 1.0 : $counts['tp'] / $found;
	}

	/**
	 * Recall (1 when nothing was to be found).
	 *
	 * @param array<string, int> $counts Counts.
	 * @phpstan-param Counts $counts
	 */
	private static function recall( array $counts ): float {
		$due = $counts['tp'] + $counts['fn'];
		return 0 === $due ? 1.0 : $counts['tp'] / $due;
	}

	/**
	 * The figures as a table: precision and recall of each signal and intent on each half.
	 */
	private static function table(): string {
		$counts = self::counts();
		$lines  = array( sprintf( '%-26s %-17s %-17s %-17s', 'signal / intent', 'tune P / R', 'heldout P / R', 'all P / R' ) );
		$names  = array_merge( array( 'human_request', 'frustration', 'sensitivity', 'intent' ), array_map( static fn( string $name ): string => 'intent:' . $name, array_keys( self::INTENT_BARS ) ) );
		foreach ( $names as $name ) {
			$cells = array();
			foreach ( array( 'tune', 'heldout', 'all' ) as $half ) {
				$c       = $counts[ $half ][ $name ] ?? array(
					'tp' => 0,
					'fp' => 0,
					'fn' => 0,
				);
				$cells[] = sprintf( '%.2f / %.2f (%d)', self::precision( $c ), self::recall( $c ), $c['tp'] + $c['fn'] );
			}
			$lines[] = sprintf( '%-26s %-17s %-17s %-17s', $name, ...$cells );
		}
		$lines[] = sprintf( 'sensitive kind right: %d of %d found', self::$labels['right'], self::$labels['found'] );
		return implode( "\n", $lines );
	}

	/**
	 * The labelled messages of a half.
	 *
	 * @param string $half tune or heldout.
	 * @return list<Row>
	 */
	private static function rows( string $half ): array {
		$all = require dirname( __DIR__, 2 ) . '/fixtures/utterances.php';
		return $all[ $half ];
	}
}
