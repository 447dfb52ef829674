<?php
/**
 * A database failure while a background batch re-indexes posts.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Jobs;

use HandoffBot\Jobs\Reindex_Job;
use HandoffBot\Knowledge\Indexer;
use HandoffBot\Tests\Integration\Index_Failure_Test_Case;

/**
 * Runs without the test transaction (MySQL commits it on CREATE TRIGGER): the post it makes is
 * deleted afterwards.
 */
final class Reindex_Job_Failure_Test extends Index_Failure_Test_Case {

	/**
	 * The batch does not die halfway with a fatal error: the failure is recorded for the
	 * Knowledge screen, as a failed save is.
	 */
	public function test_a_failing_batch_is_recorded_for_the_knowledge_screen(): void {
		$this->post_id = $this->create_post( array( 'post_content' => '<p>Platypuses lay eggs.</p>' ) );
		delete_option( Indexer::ERROR_OPTION );
		$this->refuse_inserts( 'passages', true );

		do_action( 'handoff_bot_reindex_posts', array( $this->post_id ) );

		$error = get_option( Indexer::ERROR_OPTION );
		$this->assertIsArray( $error );
		$this->assertNotSame( '', $error['message'] );
	}
}
