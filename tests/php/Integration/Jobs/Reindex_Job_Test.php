<?php
/**
 * Tests for re-indexing posts in the background after a settings change.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Jobs;

use HandoffBot\Jobs\Reindex_Job;
use HandoffBot\Settings;
use HandoffBot\Tests\Integration\Test_Case;

/**
 * A large change of the excluded posts or post types saves at once; the posts leave (or rejoin)
 * the index when the scheduled batches run.
 */
final class Reindex_Job_Test extends Test_Case {

	/**
	 * Posts created for the test.
	 *
	 * @var list<int>
	 */
	private array $posts = array();

	/**
	 * Creates more posts than a save handles at once, and signs in an administrator.
	 */
	protected function setUp(): void {
		parent::setUp();
		$this->clear_jobs();
		for ( $i = 0; $i < Reindex_Job::AT_ONCE + 5; $i++ ) {
			$this->posts[] = $this->create_post(
				array(
					'post_type'    => 'post',
					'post_title'   => 'Quokka note ' . $i,
					'post_content' => '<p>Quokkas smile at visitors number ' . $i . '.</p>',
				)
			);
		}
		wp_set_current_user( $this->create_user( 'administrator' ) );
	}

	/**
	 * Leaves no scheduled job behind.
	 */
	protected function tearDown(): void {
		$this->clear_jobs();
		parent::tearDown();
	}

	/**
	 * Excluding the largest list allowed returns at once, without re-indexing in the request; the
	 * excluded posts leave the index when the batches run, and come back when they are included again.
	 */
	public function test_a_large_exclusion_is_applied_in_background_batches(): void {
		$excluded = array_merge( $this->posts, range( 900000, 900000 + Settings::MAX_EXCLUDED_POSTS - count( $this->posts ) - 1 ) );
		$this->assertCount( Settings::MAX_EXCLUDED_POSTS, $excluded );

		$started  = microtime( true );
		$response = $this->rest( 'POST', '/handoff-bot/v1/settings', array( 'excluded_posts' => $excluded ) );
		$seconds  = microtime( true ) - $started;

		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$this->assertLessThan( 2.0, $seconds, 'the save does not re-index a thousand posts' );
		$this->assertSame( $this->posts, $this->indexed( $this->posts ), 'nothing re-indexed in the request' );
		$batches = $this->jobs();
		$this->assertCount( (int) ceil( Settings::MAX_EXCLUDED_POSTS / Reindex_Job::BATCH ), $batches );
		foreach ( $batches as $batch ) {
			$this->assertLessThanOrEqual( Reindex_Job::BATCH, count( $batch ) );
		}
		$this->assertEqualsCanonicalizing( $excluded, array_merge( ...$batches ) );

		$this->run_jobs();
		$this->assertSame( array(), $this->indexed( $this->posts ), 'the excluded posts left the index' );
		$this->assertSame( array(), $this->jobs() );

		$this->rest( 'POST', '/handoff-bot/v1/settings', array( 'excluded_posts' => array() ) );
		$this->assertSame( array(), $this->indexed( $this->posts ) );
		$this->run_jobs();
		$this->assertSame( $this->posts, $this->indexed( $this->posts ), 'included again, they are back' );
	}

	/**
	 * A few changed posts are still applied at once, so the screen's counts are right after saving.
	 */
	public function test_a_small_exclusion_applies_at_once(): void {
		$this->rest( 'POST', '/handoff-bot/v1/settings', array( 'excluded_posts' => array( $this->posts[0], $this->posts[1] ) ) );
		$this->assertSame( array_slice( $this->posts, 2 ), $this->indexed( $this->posts ) );
		$this->assertSame( array(), $this->jobs() );
	}

	/**
	 * Dropping a post type with many indexed posts removes them in background batches too.
	 */
	public function test_dropping_a_post_type_removes_its_posts_in_background(): void {
		$page = $this->create_post( array( 'post_content' => '<p>Quokkas live on Rottnest Island.</p>' ) );

		$response = $this->rest( 'POST', '/handoff-bot/v1/settings', array( 'post_types' => array( 'page' ) ) );

		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( $this->posts, $this->indexed( $this->posts ) );
		$this->assertNotSame( array(), $this->jobs() );
		$this->run_jobs();
		$this->assertSame( array(), $this->indexed( $this->posts ) );
		$this->assertSame( array( $page ), $this->indexed( array( $page ) ), 'pages stay' );
	}

	/**
	 * Which of the given posts have passages in the index.
	 *
	 * @param int[] $post_ids Posts.
	 * @return int[]
	 */
	private function indexed( array $post_ids ): array {
		global $wpdb;
		$found = array_map( 'intval', $wpdb->get_col( $wpdb->prepare( 'SELECT DISTINCT post_id FROM %i', $wpdb->prefix . 'handoff_bot_passages' ) ) );
		return array_values( array_intersect( $post_ids, $found ) );
	}

	/**
	 * The post IDs of each scheduled batch.
	 *
	 * @return list<list<int>>
	 */
	private function jobs(): array {
		$out = array();
		foreach ( (array) _get_cron_array() as $hooks ) {
			foreach ( (array) ( $hooks[ Reindex_Job::HOOK ] ?? array() ) as $event ) {
				$out[] = array_map( 'intval', (array) $event['args'][0] );
			}
		}
		return $out;
	}

	/**
	 * Runs the scheduled batches as WP-Cron would: each is taken off the schedule, then run.
	 */
	private function run_jobs(): void {
		foreach ( (array) _get_cron_array() as $timestamp => $hooks ) {
			foreach ( (array) ( $hooks[ Reindex_Job::HOOK ] ?? array() ) as $event ) {
				wp_unschedule_event( (int) $timestamp, Reindex_Job::HOOK, $event['args'] );
				do_action_ref_array( 'handoff_bot_reindex_posts', $event['args'] );
			}
		}
	}

	/**
	 * Takes every batch off the schedule.
	 */
	private function clear_jobs(): void {
		wp_unschedule_hook( Reindex_Job::HOOK );
	}
}
