<?php
/**
 * Tests for the version history routes.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Rest;

use HandoffBot\Escalation\Reason;
use HandoffBot\Tests\Integration\Rules_Fixtures;
use HandoffBot\Tests\Integration\Test_Case;

require_once dirname( __DIR__ ) . '/Rules_Fixtures.php';

/**
 * The history lists versions newest first with who, when and why; one version shows its policy;
 * a rollback is a new version.
 */
final class Rules_Versions_Controller_Test extends Test_Case {

	use Rules_Fixtures;

	/**
	 * The version before the test's saves.
	 *
	 * @var int
	 */
	private int $base = 0;

	/**
	 * Signs in an administrator and saves two versions.
	 */
	protected function setUp(): void {
		parent::setUp();
		wp_set_current_user( $this->create_user( 'administrator' ) );
		$this->base = $this->store()->active_version();
		foreach ( array( Reason::POLICY_HUMAN, Reason::POLICY_PRIVATE ) as $i => $policy ) {
			$response = $this->rest(
				'PUT',
				'/handoff-bot/v1/rules',
				array(
					'policy'          => $this->policy_with_zebracorn( $policy ),
					'note'            => 'Zebracorns: ' . $policy,
					'expected_impact' => 'Impact ' . $i,
					'base_version'    => $this->base + $i,
				)
			);
			$this->assertSame( 200, $response->get_status() );
		}
	}

	/**
	 * Newest first, with the total in a header, and paged.
	 */
	public function test_the_history_lists_versions_newest_first(): void {
		$response = $this->rest( 'GET', '/handoff-bot/v1/rules/versions' );
		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( (string) ( $this->base + 2 ), $response->get_headers()['X-WP-Total'] );
		$list = $this->json( $response );
		$this->assertSame( array( 'version', 'author', 'created_at', 'note', 'expected_impact', 'active' ), array_keys( $list[0] ) );
		$this->assertSame( array( $this->base + 2, $this->base + 1 ), array( $list[0]['version'], $list[1]['version'] ) );
		$this->assertSame( 'Zebracorns: private', $list[0]['note'] );
		$this->assertSame( 'Impact 1', $list[0]['expected_impact'] );
		$this->assertSame( get_current_user_id(), $list[0]['author']['id'] );
		$this->assertSame( array( true, false ), array( $list[0]['active'], $list[1]['active'] ) );
		$this->assertNull( end( $list )['author'], 'version 1 came with the plugin' );
		$this->assertSame( 1, end( $list )['version'] );

		$page = $this->rest(
			'GET',
			'/handoff-bot/v1/rules/versions',
			array(
				'page'     => 2,
				'per_page' => 1,
			)
		);
		$this->assertSame( array( $this->base + 1 ), array_column( $this->json( $page ), 'version' ) );
		$this->assertSame( (string) ( $this->base + 2 ), $page->get_headers()['X-WP-TotalPages'] );
		$this->assertSame( 400, $this->rest( 'GET', '/handoff-bot/v1/rules/versions', array( 'per_page' => 101 ) )->get_status() );
		$this->assertSame( 400, $this->rest( 'GET', '/handoff-bot/v1/rules/versions', array( 'page' => 0 ) )->get_status() );
	}

	/**
	 * One version, with its policy; an unknown one is a 404.
	 */
	public function test_one_version_shows_its_policy(): void {
		$data = $this->json( $this->rest( 'GET', '/handoff-bot/v1/rules/versions/' . ( $this->base + 1 ) ) );
		$this->assertSame( array( 'version', 'policy', 'note', 'expected_impact', 'author', 'created_at' ), array_keys( $data ) );
		$this->assertSame( 'human', end( $data['policy']['intents'] )['policy'] );
		$this->assertSame( 'Zebracorns: human', $data['note'] );

		$missing = $this->rest( 'GET', '/handoff-bot/v1/rules/versions/999' );
		$this->assertSame( 404, $missing->get_status() );
		$this->assertSame( 'handoff_bot_version_not_found', $missing->get_data()['code'] );
	}

	/**
	 * A rollback saves the old policy as a new version; a stale base is a conflict, a missing
	 * note is refused.
	 */
	public function test_rollback_is_a_new_version(): void {
		$route    = '/handoff-bot/v1/rules/versions/' . ( $this->base + 1 ) . '/rollback';
		$response = $this->rest(
			'POST',
			$route,
			array(
				'note'         => 'Private was too strict.',
				'base_version' => $this->base + 2,
			)
		);
		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$data = $this->json( $response );
		$this->assertSame( $this->base + 3, $data['version'] );
		$this->assertSame( 'human', end( $data['policy']['intents'] )['policy'] );
		$now = $this->json( $this->rest( 'GET', '/handoff-bot/v1/rules' ) );
		$this->assertSame( $this->base + 3, $now['version'] );
		$this->assertSame( 'The bot decides as it did with version ' . ( $this->base + 1 ) . '.', $this->store()->version( $this->base + 3 )['expected_impact'] ?? null, 'a rollback says what it brings back' );
		$this->assertSame( 'human', end( $now['policy']['intents'] )['policy'] );
		$this->assertSame( 'Private was too strict.', $this->json( $this->rest( 'GET', '/handoff-bot/v1/rules/versions' ) )[0]['note'] );

		$stale = $this->rest(
			'POST',
			$route,
			array(
				'note'         => 'Again.',
				'base_version' => $this->base + 2,
			)
		);
		$this->assertSame( 409, $stale->get_status() );
		$this->assertSame( $this->base + 3, $stale->get_data()['data']['current_version'] );

		$no_note = $this->rest( 'POST', $route, array( 'base_version' => $this->base + 3 ) );
		$this->assertSame( 400, $no_note->get_status() );
		$this->assertSame( 'handoff_bot_invalid_policy', $no_note->get_data()['code'] );
		$this->assertArrayHasKey( 'note', $no_note->get_data()['data']['errors'] );

		$unknown = $this->rest(
			'POST',
			'/handoff-bot/v1/rules/versions/999/rollback',
			array(
				'note'         => 'Nothing there.',
				'base_version' => $this->base + 3,
			)
		);
		$this->assertSame( 404, $unknown->get_status() );
		$this->assertSame( $this->base + 3, $this->store()->count() );
	}
}
