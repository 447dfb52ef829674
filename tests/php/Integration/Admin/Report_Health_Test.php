<?php
/**
 * Handoff Bot's report checks in Site Health.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Admin;

use HandoffBot\Admin\Report_Health;
use HandoffBot\Handoff\Context_Package;
use HandoffBot\Knowledge\Indexer;
use HandoffBot\Plugin;
use HandoffBot\Tests\Integration\Reports\Report_Fixtures;
use HandoffBot\Tests\Integration\Test_Case;

require_once dirname( __DIR__ ) . '/Reports/Report_Fixtures.php';

/**
 * Tools → Site Health shows handoffs of the past 7 days that reached agents with little context
 * (recommended, naming what is missing), and a knowledge index that failed to update (critical)
 * or misses published posts (recommended); each is good once fixed.
 */
final class Report_Health_Test extends Test_Case {

	/**
	 * Signs in an administrator.
	 */
	protected function setUp(): void {
		parent::setUp();
		\HandoffBot\Capabilities::grant();
		wp_set_current_user( $this->create_user( 'administrator' ) );
		delete_option( Indexer::ERROR_OPTION );
	}

	/**
	 * Runs one of the tests as Site Health does: found through `site_status_tests`.
	 *
	 * @param string $id The test's ID.
	 * @return array<string, mixed>
	 */
	private function run_test( string $id ): array {
		$tests = apply_filters( 'site_status_tests', array( 'direct' => array() ) );
		$this->assertArrayHasKey( $id, $tests['direct'] );
		$result = call_user_func( $tests['direct'][ $id ]['test'] );
		$this->assertSame( $id, $result['test'] );
		return $result;
	}

	/**
	 * Adds handoffs whose packages hold some fields.
	 *
	 * @param int                $count  How many.
	 * @param array<int, string> $fields The fields present.
	 * @param int                $ago    Seconds since the conversations started.
	 */
	private function handoffs( int $count, array $fields, int $ago = 3600 ): void {
		$fixtures = new Report_Fixtures();
		$at       = gmdate( 'Y-m-d H:i:s', time() - $ago );
		for ( $i = 0; $i < $count; $i++ ) {
			$fixtures->handoff( $fixtures->conversation( $at ), array( 'requested_at' => $at ), $fields );
		}
	}

	/**
	 * Few handoffs are too few to judge; poor packages are named; complete ones are good; old
	 * handoffs do not count.
	 */
	public function test_context_completeness_of_recent_handoffs(): void {
		$result = $this->run_test( Report_Health::COMPLETENESS_TEST );
		$this->assertSame( 'good', $result['status'] );
		$this->assertStringContainsString( 'Too few handoffs', $result['description'] );

		$this->handoffs( 6, array( 'transcript', 'intent', 'confidence', 'sources', 'user', 'pages', 'form', 'reason', 'summary', 'language' ), 30 * DAY_IN_SECONDS );
		$this->handoffs( 5, array( 'transcript', 'reason', 'summary' ) );
		$result = $this->run_test( Report_Health::COMPLETENESS_TEST );
		$this->assertSame( 'recommended', $result['status'], 'the complete packages of a month ago do not count' );
		$this->assertStringContainsString( '30% of their context', $result['description'] );
		$this->assertStringContainsString( 'the detected intent', $result['description'] );
		$this->assertStringContainsString( 'who the visitor is', $result['description'] );
		$this->assertStringNotContainsString( 'the transcript', $result['description'] );
		$this->assertStringContainsString( 'page=handoff-bot-inbox', $result['actions'] );

		$this->handoffs( 16, Context_Package::FIELDS );
		$result = $this->run_test( Report_Health::COMPLETENESS_TEST );
		$this->assertSame( 'good', $result['status'] );
		$this->assertStringContainsString( '83% of their context', $result['description'], '(5 × 3 + 16 × 10) ÷ 210' );
	}

	/**
	 * A failed index update is critical, a published post missing from the index is worth a
	 * look, and a rebuild makes it good.
	 */
	public function test_the_knowledge_index_is_fresh(): void {
		Plugin::boot()->indexer()->rebuild_batch( 0, 1000 );
		$result = $this->run_test( Report_Health::INDEX_TEST );
		$this->assertSame( 'good', $result['status'], $result['description'] );

		add_filter( 'handoff_bot_index_on_save', '__return_false' );
		$this->create_post( array( 'post_content' => '<p>Axolotl care notes nobody indexed.</p>' ) );
		remove_filter( 'handoff_bot_index_on_save', '__return_false' );
		$result = $this->run_test( Report_Health::INDEX_TEST );
		$this->assertSame( 'recommended', $result['status'] );
		$this->assertStringContainsString( '1 published post the chat should answer from is not in the index', $result['description'] );
		$this->assertStringContainsString( 'page=handoff-bot', $result['actions'] );

		update_option(
			Indexer::ERROR_OPTION,
			array(
				'message' => 'disk full',
				'time'    => time(),
			),
			false
		);
		$result = $this->run_test( Report_Health::INDEX_TEST );
		$this->assertSame( 'critical', $result['status'] );
		$this->assertStringContainsString( 'disk full', $result['description'] );

		Plugin::boot()->indexer()->rebuild_batch( 0, 1000 );
		$this->assertSame( 'good', $this->run_test( Report_Health::INDEX_TEST )['status'] );
	}
}
