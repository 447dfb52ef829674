<?php
/**
 * A database failure while a saved post is indexed.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Knowledge;

use HandoffBot\Knowledge\Indexer;
use HandoffBot\Tests\Integration\Index_Failure_Test_Case;

/**
 * Runs without the test transaction (MySQL commits it on CREATE TRIGGER): the post it makes is
 * deleted afterwards, and the index rebuilt.
 */
final class Index_Failure_Test extends Index_Failure_Test_Case {

	/**
	 * Saving still works, the failure shows on the Knowledge screen's data, and a rebuild clears it.
	 */
	public function test_failed_update_is_recorded_until_a_rebuild(): void {
		wp_set_current_user( $this->create_user( 'administrator' ) );
		$this->refuse_inserts( 'passages', true );

		$this->post_id = $this->create_post(
			array(
				'post_title'   => 'Gift wrapping',
				'post_content' => '<p>Gift wrapping is free for orders over twenty euros.</p>',
			)
		);
		$this->assertSame( 'publish', get_post_status( $this->post_id ), 'the post is saved' );
		$error = $this->rest( 'GET', '/handoff-bot/v1/index' )->get_data()['last_error'];
		$this->assertIsArray( $error );
		$this->assertNotSame( '', $error['message'] );
		$this->assertMatchesRegularExpression( '/^\d{4}-\d{2}-\d{2}T/', $error['time'] );

		$this->refuse_inserts( 'passages', false );
		$offset = 0;
		do {
			$step = $this->rest( 'POST', '/handoff-bot/v1/index/rebuild', array( 'offset' => $offset ) )->get_data();
			$this->assertArrayHasKey( 'finished', $step, wp_json_encode( $step ) );
			$offset = $step['next_offset'];
		} while ( ! $step['finished'] );

		$this->assertNull( $this->rest( 'GET', '/handoff-bot/v1/index' )->get_data()['last_error'] );
	}
}
