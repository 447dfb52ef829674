<?php
/**
 * A reviewer's note on a conversation goes with an erasure request.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Reports\Review;

use HandoffBot\Privacy\Anonymiser;
use HandoffBot\Repositories\Personal_Data_Repository;
use HandoffBot\Repositories\Sample_Repository;
use HandoffBot\Tests\Integration\Reports\Report_Fixtures;
use HandoffBot\Tests\Integration\Test_Case;

require_once dirname( __DIR__ ) . '/Report_Fixtures.php';

/**
 * The note may quote the visitor: an erasure clears it (the "reviewed" mark stays, it says
 * nothing of them); the retention purge, which keeps agents' topics, keeps it too.
 */
final class Review_Mark_Erasure_Test extends Test_Case {

	/**
	 * Erasure clears the note; the retention purge does not.
	 */
	public function test_an_erasure_clears_the_reviewers_note(): void {
		$rows    = new Report_Fixtures();
		$erased  = $rows->conversation( '2026-03-04 15:00:00' );
		$purged  = $rows->conversation( '2026-03-04 15:00:00' );
		$samples = new Sample_Repository();
		$samples->mark( $erased, true, 'Jane Roe from Leeds wanted her refund', 1 );
		$samples->mark( $purged, true, 'Asked about shipping to Oslo', 1 );

		$anonymiser = new Anonymiser( new Personal_Data_Repository() );
		$anonymiser->anonymise( array( $erased ), true, Anonymiser::tally() );
		$anonymiser->anonymise( array( $purged ), false, Anonymiser::tally() );

		$marks = $samples->marks( array( $erased, $purged ) );
		$this->assertSame( array( true, '' ), array( $marks[ $erased ]['reviewed'], $marks[ $erased ]['note'] ) );
		$this->assertSame( 'Asked about shipping to Oslo', $marks[ $purged ]['note'] );
	}
}
