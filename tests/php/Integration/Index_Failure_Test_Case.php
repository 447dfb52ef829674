<?php
/**
 * Base class for tests where the knowledge index cannot be written.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration;

use HandoffBot\Knowledge\Indexer;

/**
 * Passages refuse inserts through a trigger (as a full disk would). MySQL commits an open
 * transaction on CREATE TRIGGER, so these tests run without the test transaction: the post a
 * test makes, the trigger and the recorded error are removed afterwards.
 */
abstract class Index_Failure_Test_Case extends Test_Case {

	/**
	 * No transaction (see the class comment).
	 *
	 * @var bool
	 */
	protected bool $use_transaction = false;

	/**
	 * The post the test made, deleted afterwards.
	 *
	 * @var int
	 */
	protected int $post_id = 0;

	/**
	 * Removes the trigger, the post and the recorded error.
	 */
	protected function tearDown(): void {
		$this->refuse_inserts( 'passages', false );
		if ( $this->post_id ) {
			wp_delete_post( $this->post_id, true );
		}
		$this->after_cleanup();
		delete_option( Indexer::ERROR_OPTION );
		parent::tearDown();
	}

	/**
	 * What a test class must also undo, before the recorded error goes.
	 */
	protected function after_cleanup(): void {
	}
}
