<?php
/**
 * The review samples: per reason, seeded, stable, half saved and half failed.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Reports\Review;

use HandoffBot\Reports\Period;
use HandoffBot\Reports\Review\Sampler;
use HandoffBot\Repositories\Sample_Repository;
use HandoffBot\Tests\Integration\Reports\Report_Fixtures;
use HandoffBot\Tests\Integration\Test_Case;

require_once dirname( __DIR__ ) . '/Report_Fixtures.php';

/**
 * A week in March 2026 (New York time) with two reasons: `missing_knowledge` has 6 saved
 * transfers, 6 failed ones (2 expired, 2 the visitor left, 2 closed unresolved) and 2 still open;
 * `frustration` has 1 saved and 5 failed. One conversation is handed off twice for the same
 * reason, and one starts the day after the week.
 */
final class Sampler_Test extends Test_Case {

	/**
	 * Conversation IDs by reason and group.
	 *
	 * @var array<string, array<string, list<int>>>
	 */
	private array $ids = array();

	/**
	 * The conversation of the day after.
	 *
	 * @var int
	 */
	private int $outside = 0;

	/**
	 * The rows.
	 */
	protected function setUp(): void {
		parent::setUp();
		update_option( 'timezone_string', 'America/New_York' );
		update_option( 'gmt_offset', '' );
		$rows    = new Report_Fixtures();
		$make    = function ( string $reason, string $group, array $row, int $count ) use ( $rows ): void {
			for ( $i = 0; $i < $count; $i++ ) {
				$id = $rows->conversation( '2026-03-0' . ( 3 + $i % 5 ) . ' 15:00:00' );
				$rows->handoff(
					$id,
					$row + array(
						'reason'       => $reason,
						'requested_at' => '2026-03-03 15:05:00',
					)
				);
				$this->ids[ $reason ][ $group ][] = $id;
			}
		};
		$saved   = array(
			'status'      => 'closed',
			'outcome'     => 'resolved',
			'agent_id'    => 1,
			'accepted_at' => '2026-03-03 15:06:00',
		);
		$expired = array(
			'status'  => 'expired',
			'outcome' => 'expired',
		);
		$left    = array( 'status' => 'left' );
		$unsaved = array(
			'status'      => 'closed',
			'outcome'     => 'not_resolved',
			'agent_id'    => 1,
			'accepted_at' => '2026-03-03 15:06:00',
		);
		$make( 'missing_knowledge', Sampler::SUCCESSFUL, $saved, 6 );
		$make( 'missing_knowledge', Sampler::FAILED, $expired, 2 );
		$make( 'missing_knowledge', Sampler::FAILED, $left, 2 );
		$make( 'missing_knowledge', Sampler::FAILED, $unsaved, 2 );
		$make( 'missing_knowledge', Sampler::OTHER, array( 'status' => 'queued' ), 2 );
		$make( 'frustration', Sampler::SUCCESSFUL, $saved, 1 );
		$make( 'frustration', Sampler::FAILED, $expired, 5 );
		// Handed off again for the same reason: one conversation, by its latest handoff (saved).
		$again = $this->ids['frustration'][ Sampler::FAILED ][0];
		$rows->handoff(
			$again,
			$saved + array(
				'reason'       => 'frustration',
				'requested_at' => '2026-03-03 16:00:00',
			)
		);
		$this->ids['frustration'][ Sampler::FAILED ]       = array_slice( $this->ids['frustration'][ Sampler::FAILED ], 1 );
		$this->ids['frustration'][ Sampler::SUCCESSFUL ][] = $again;
		// 2026-03-09 00:30 New York time: the day after the week.
		$this->outside = $rows->conversation( '2026-03-09 04:30:00' );
		$rows->handoff(
			$this->outside,
			$saved + array(
				'reason'       => 'frustration',
				'requested_at' => '2026-03-09 04:31:00',
			)
		);
	}

	/**
	 * The week.
	 */
	private static function week(): Period {
		return Period::from_preset( Period::CUSTOM, '2026-03-02', '2026-03-08', wp_timezone(), new \DateTimeImmutable( '2026-04-01 12:00:00' ) );
	}

	/**
	 * The samples of the week, by reason.
	 *
	 * @param int $size Per reason.
	 * @return array<string, array<string, mixed>>
	 */
	private function samples( int $size ): array {
		$out = array();
		foreach ( ( new Sampler( new Sample_Repository() ) )->samples( self::week(), $size ) as $row ) {
			$out[ $row['reason'] ] = $row;
		}
		return $out;
	}

	/**
	 * The conversations of a sample in a group.
	 *
	 * @param array<string, mixed> $row   A reason's row.
	 * @param string               $group Group.
	 * @return list<int>
	 */
	private static function in_group( array $row, string $group ): array {
		$ids = array();
		foreach ( $row['sample'] as $sampled ) {
			if ( $group === $sampled['group'] ) {
				$ids[] = $sampled['conversation_id'];
			}
		}
		return $ids;
	}

	/**
	 * Each reason: its counts, then three saved and two failed where there are enough, else
	 * topped up from the other group; each conversation from its own group and reason.
	 */
	public function test_each_reason_samples_saved_and_failed_transfers(): void {
		$samples = $this->samples( 5 );
		$this->assertSame( array( 'missing_knowledge', 'frustration' ), array_keys( $samples ), 'most handoffs first' );

		$knowledge = $samples['missing_knowledge'];
		$this->assertSame( array( 14, 14, 6, 6 ), array( $knowledge['handoffs'], $knowledge['conversations'], $knowledge['successful'], $knowledge['failed'] ) );
		$this->assertCount( 5, $knowledge['sample'] );
		$this->assertCount( 3, self::in_group( $knowledge, Sampler::SUCCESSFUL ) );
		$this->assertCount( 2, self::in_group( $knowledge, Sampler::FAILED ) );
		$this->assertEmpty( array_diff( self::in_group( $knowledge, Sampler::SUCCESSFUL ), $this->ids['missing_knowledge'][ Sampler::SUCCESSFUL ] ) );
		$this->assertEmpty( array_diff( self::in_group( $knowledge, Sampler::FAILED ), $this->ids['missing_knowledge'][ Sampler::FAILED ] ) );

		// Frustration: 2 saved (one handed off twice), 4 failed, in the week; 7 handoffs.
		$frustration = $samples['frustration'];
		$this->assertSame( array( 7, 6, 2, 4 ), array( $frustration['handoffs'], $frustration['conversations'], $frustration['successful'], $frustration['failed'] ) );
		$this->assertSame( $this->ids['frustration'][ Sampler::SUCCESSFUL ], self::sorted( self::in_group( $frustration, Sampler::SUCCESSFUL ) ), 'both saved ones' );
		$this->assertCount( 3, self::in_group( $frustration, Sampler::FAILED ), 'topped up with failed ones' );
		$ids = array_column( $frustration['sample'], 'conversation_id' );
		$this->assertSame( count( $ids ), count( array_unique( $ids ) ), 'a conversation once' );
		$this->assertNotContains( $this->outside, $ids, 'the day after is another period' );
		$this->assertNull( $frustration['sample'][0]['review'] );
	}

	/**
	 * The same period gives the same sample; a smaller sample is the start of each group's order.
	 */
	public function test_the_sample_is_stable_for_the_period(): void {
		$first = $this->samples( 5 );
		$again = $this->samples( 5 );
		$this->assertSame( $first, $again );
		$small = $this->samples( 2 )['missing_knowledge'];
		$this->assertSame( array_slice( self::in_group( $first['missing_knowledge'], Sampler::SUCCESSFUL ), 0, 1 ), self::in_group( $small, Sampler::SUCCESSFUL ) );
		$this->assertSame( array_slice( self::in_group( $first['missing_knowledge'], Sampler::FAILED ), 0, 1 ), self::in_group( $small, Sampler::FAILED ) );

		// Whatever order the database returns the rows in.
		$candidates = ( new Sample_Repository() )->candidates( self::week()->start_utc(), self::week()->end_utc() );
		$knowledge  = array_values( array_filter( $candidates, static fn( array $c ): bool => 'missing_knowledge' === $c['reason'] ) );
		$seed       = Sampler::seed( self::week(), 'missing_knowledge' );
		$forward    = array_column( Sampler::pick( $knowledge, $seed, 5 ), 'conversation_id' );
		$backward   = array_column( Sampler::pick( array_reverse( $knowledge ), $seed, 5 ), 'conversation_id' );
		$this->assertSame( $forward, $backward );
		$this->assertSame( $forward, array_column( $first['missing_knowledge']['sample'], 'conversation_id' ) );

		// Another period (another seed) draws its own sample: over 20 seeds, not always the same.
		$draws = array();
		for ( $i = 0; $i < 20; $i++ ) {
			$draws[] = implode( ',', array_column( Sampler::pick( $knowledge, $seed . $i, 5 ), 'conversation_id' ) );
		}
		$this->assertGreaterThan( 1, count( array_unique( $draws ) ) );
	}

	/**
	 * With nothing saved or failed, the sample is the rest; with nothing at all, no reason.
	 */
	public function test_a_reason_without_saved_or_failed_transfers_samples_the_rest(): void {
		$only_open = array_values(
			array_filter(
				( new Sample_Repository() )->candidates( self::week()->start_utc(), self::week()->end_utc() ),
				static fn( array $c ): bool => 'queued' === $c['status']
			)
		);
		$this->assertCount( 2, Sampler::pick( $only_open, 'x', 5 ) );
		$this->assertSame( array(), Sampler::pick( array(), 'x', 5 ) );
		$empty = Period::from_preset( Period::CUSTOM, '2025-01-01', '2025-01-07', wp_timezone(), new \DateTimeImmutable() );
		$this->assertSame( array(), ( new Sampler( new Sample_Repository() ) )->samples( $empty, 5 ) );
	}

	/**
	 * IDs in order.
	 *
	 * @param array<int, int> $ids IDs.
	 * @return list<int>
	 */
	private static function sorted( array $ids ): array {
		sort( $ids );
		return $ids;
	}
}
