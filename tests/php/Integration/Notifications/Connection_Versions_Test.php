<?php
/**
 * Every change to the connections is a config version.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Notifications;

use HandoffBot\Notifications\Connection_Store;
use HandoffBot\Notifications\Connection_Versions;
use HandoffBot\Repositories\Config_Version_Repository;
use HandoffBot\Settings;
use HandoffBot\Tests\Integration\Test_Case;

/**
 * Adding, changing, deleting a connection and rotating a webhook's secret each store a version of
 * the `connections` area with its note (the one sent, or one that says what changed), and move
 * the site's config version on; no version ever holds a secret; a refused change stores none.
 */
final class Connection_Versions_Test extends Test_Case {

	/**
	 * Signs in an administrator.
	 */
	protected function setUp(): void {
		parent::setUp();
		\HandoffBot\Capabilities::grant();
		wp_set_current_user( $this->create_user( 'administrator' ) );
	}

	/**
	 * The connections' versions, oldest first, with their data.
	 *
	 * @return list<array<string, mixed>>
	 */
	private function versions(): array {
		$repository = new Config_Version_Repository();
		$out        = array();
		foreach ( array_reverse( $repository->page( Connection_Versions::AREA, 1, 100 ) ) as $summary ) {
			$out[] = $repository->find( Connection_Versions::AREA, $summary['version'] );
		}
		return $out;
	}

	/**
	 * The notes of the versions, oldest first.
	 *
	 * @return list<string>
	 */
	private function notes(): array {
		return array_column( $this->versions(), 'note' );
	}

	/**
	 * Each change is a version with a default note that says what changed, or the note sent.
	 */
	public function test_each_change_is_a_version_with_its_note(): void {
		$config  = (int) get_option( Settings::CONFIG_VERSION_OPTION, 1 );
		$created = $this->rest(
			'POST',
			'/handoff-bot/v1/connections',
			array(
				'kind'   => 'webhook',
				'label'  => 'Our CRM',
				'target' => 'https://crm.example.com/hooks',
			)
		);
		$this->assertSame( 201, $created->get_status(), (string) wp_json_encode( $created->get_data() ) );
		$id = $created->get_data()['id'];

		$this->assertSame( 200, $this->rest( 'PATCH', '/handoff-bot/v1/connections/' . $id, array( 'enabled' => false ) )->get_status() );
		$this->assertSame(
			200,
			$this->rest(
				'PATCH',
				'/handoff-bot/v1/connections/' . $id,
				array(
					'enabled' => true,
					'note'    => '  Back on after the CRM upgrade.  ',
				)
			)->get_status()
		);
		$this->assertSame( 200, $this->rest( 'POST', '/handoff-bot/v1/connections/' . $id . '/rotate-secret' )->get_status() );
		$this->assertSame( 200, $this->rest( 'DELETE', '/handoff-bot/v1/connections/' . $id, array( 'note' => 'The CRM is gone.' ) )->get_status() );

		$this->assertSame(
			array(
				'Added webhook “Our CRM”',
				'Changed webhook “Our CRM”',
				'Back on after the CRM upgrade.',
				'New signing secret for webhook “Our CRM”',
				'The CRM is gone.',
			),
			$this->notes()
		);
		$versions = $this->versions();
		$this->assertSame( array( 1, 2, 3, 4, 5 ), array_column( $versions, 'version' ) );
		$this->assertSame( range( $config + 1, $config + 5 ), array_column( $versions, 'config_version' ), 'each change moves the config version on' );
		$this->assertSame( $config + 5, (int) get_option( Settings::CONFIG_VERSION_OPTION ) );
		$this->assertSame( array_fill( 0, 5, get_current_user_id() ), array_column( $versions, 'author_id' ) );

		// Each version holds the connections after its change.
		$this->assertSame( array( 'Our CRM' ), array_column( $versions[0]['data']['connections'], 'label' ) );
		$this->assertFalse( $versions[1]['data']['connections'][0]['enabled'] );
		$this->assertTrue( $versions[2]['data']['connections'][0]['enabled'] );
		$this->assertSame( array(), $versions[4]['data']['connections'] );
	}

	/**
	 * No version holds a webhook's secret or a Slack URL, only what REST shows.
	 */
	public function test_versions_never_hold_a_secret(): void {
		$hook   = $this->rest(
			'POST',
			'/handoff-bot/v1/connections',
			array(
				'kind'   => 'webhook',
				'label'  => 'CRM',
				'target' => 'https://crm.example.com/hooks',
			)
		)->get_data();
		$slack  = 'https://hooks.slack.com/services/T000/B000/XXXXsecretpartAbCd';
		$slacks = $this->rest(
			'POST',
			'/handoff-bot/v1/connections',
			array(
				'kind'   => 'slack',
				'label'  => 'Support channel',
				'target' => $slack,
			)
		);
		$this->assertSame( 201, $slacks->get_status(), (string) wp_json_encode( $slacks->get_data() ) );
		$rotated = $this->rest( 'POST', '/handoff-bot/v1/connections/' . $hook['id'] . '/rotate-secret' )->get_data()['secret'];

		$stored = wp_json_encode( $this->versions() );
		$this->assertIsString( $stored );
		$this->assertStringNotContainsString( $hook['secret'], $stored );
		$this->assertStringNotContainsString( $rotated, $stored );
		$this->assertStringNotContainsString( 'whsec_', $stored );
		$this->assertStringNotContainsString( 'XXXXsecretpart', $stored );
		$this->assertStringNotContainsString( '"secret"', $stored );
		$last = $this->versions()[2]['data']['connections'];
		$this->assertSame( 'https://hooks.slack.com/…AbCd', $last[1]['target'] );
		$this->assertTrue( $last[0]['has_secret'] );
		$this->assertSame( 'https://crm.example.com/hooks', $last[0]['target'] );
	}

	/**
	 * A refused change (a wrong field, a note that is not text, an unknown connection) stores
	 * no version and changes nothing.
	 */
	public function test_a_refused_change_is_no_version(): void {
		$id     = $this->rest(
			'POST',
			'/handoff-bot/v1/connections',
			array(
				'kind'   => 'email',
				'label'  => 'Inbox',
				'target' => 'support@example.com',
			)
		)->get_data()['id'];
		$config = (int) get_option( Settings::CONFIG_VERSION_OPTION );

		$bad = $this->rest( 'PATCH', '/handoff-bot/v1/connections/' . $id, array( 'target' => 'not an address' ) );
		$this->assertSame( 400, $bad->get_status() );
		$note = $this->rest(
			'PATCH',
			'/handoff-bot/v1/connections/' . $id,
			array(
				'label' => 'Help desk',
				'note'  => str_repeat( 'x', 5000 ),
			)
		);
		$this->assertSame( 400, $note->get_status() );
		$this->assertSame( 'handoff_bot_invalid_connection', $note->get_data()['code'] );
		$this->assertSame( array( 'note' ), array_keys( $note->get_data()['data']['params'] ) );
		$this->assertSame( 'Inbox', ( new Connection_Store() )->find( $id )['label'] ?? '', 'a refused note changes nothing' );
		$this->assertSame( 404, $this->rest( 'DELETE', '/handoff-bot/v1/connections/conn_000000000000' )->get_status() );
		$this->assertSame( 400, $this->rest( 'POST', '/handoff-bot/v1/connections/' . $id . '/rotate-secret' )->get_status() );

		$this->assertSame( array( 'Added email inbox “Inbox”' ), $this->notes() );
		$this->assertSame( $config, (int) get_option( Settings::CONFIG_VERSION_OPTION ) );
	}

	/**
	 * Connections made before versions were kept become version 1, so the first recorded change
	 * is compared with what was really in force.
	 */
	public function test_connections_from_before_become_the_first_version(): void {
		$old = ( new Connection_Store() )->create(
			array(
				'kind'    => 'email',
				'label'   => 'Old inbox',
				'target'  => 'old@example.com',
				'teams'   => array(),
				'events'  => Connection_Store::EVENTS,
				'enabled' => true,
			)
		);
		$this->rest(
			'POST',
			'/handoff-bot/v1/connections',
			array(
				'kind'   => 'email',
				'label'  => 'New inbox',
				'target' => 'new@example.com',
				'note'   => 'A second inbox for sales.',
			)
		);
		$versions = $this->versions();
		$this->assertSame( array( 1, 2 ), array_column( $versions, 'version' ) );
		$this->assertSame( 0, $versions[0]['author_id'] );
		$this->assertSame( array( $old['id'] ), array_column( $versions[0]['data']['connections'], 'id' ) );
		$this->assertSame( array( 'Old inbox', 'New inbox' ), array_column( $versions[1]['data']['connections'], 'label' ) );
		$this->assertSame( 'A second inbox for sales.', $versions[1]['note'] );
	}
}
