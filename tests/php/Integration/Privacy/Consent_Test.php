<?php
/**
 * Tests for the agreement to the chat's privacy notice.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Privacy;

use HandoffBot\Repositories\Event_Repository;
use HandoffBot\Settings;
use HandoffBot\Tests\Integration\Test_Case;

/**
 * Where the site requires agreement, a conversation starts only with it, and the agreement (which
 * notice, and that it was given) is kept with the conversation; the chat prints the notice with
 * its link and the "I agree" box.
 */
final class Consent_Test extends Test_Case {

	/**
	 * A required agreement.
	 */
	public function test_a_required_agreement_is_asked_for_and_kept(): void {
		update_option(
			Settings::OPTION,
			array_merge(
				( new Settings() )->all(),
				array(
					'consent_required' => true,
					'consent_text'     => 'We keep your messages for 180 days.',
				)
			)
		);
		$refused = $this->rest( 'POST', '/handoff-bot/v1/conversations', array( 'page_url' => home_url( '/help/' ) ) );
		$this->assertSame( 400, $refused->get_status() );
		$this->assertSame( 'handoff_bot_consent_required', $refused->get_data()['code'] );

		$started = $this->rest(
			'POST',
			'/handoff-bot/v1/conversations',
			array(
				'page_url' => home_url( '/help/' ),
				'consent'  => true,
			)
		);
		$this->assertSame( 201, $started->get_status() );
		$events = ( new Event_Repository() )->for_conversation( (int) $started->get_data()['id'] );
		$given  = array_values(
			array_filter(
				$events,
				static function ( array $event ): bool {
					return 'consent_given' === $event['type'];
				}
			)
		);
		$this->assertCount( 1, $given );
		$this->assertTrue( $given[0]['data']['agreed'] );
		$this->assertSame( substr( md5( 'We keep your messages for 180 days.' ), 0, 12 ), $given[0]['data']['notice'] );

		$html = do_blocks( '<!-- wp:handoff-bot/chat /-->' );
		$this->assertStringContainsString( 'We keep your messages for 180 days.', $html );
		$this->assertStringContainsString( 'handoff-bot-chat__consent-check', $html );
	}

	/**
	 * Without a notice nothing is asked for, and nothing is printed.
	 */
	public function test_no_notice_by_default(): void {
		$started = $this->rest( 'POST', '/handoff-bot/v1/conversations', array( 'page_url' => home_url( '/help/' ) ) );
		$this->assertSame( 201, $started->get_status() );
		$this->assertStringNotContainsString( 'handoff-bot-chat__consent', do_blocks( '<!-- wp:handoff-bot/chat /-->' ) );
	}
}
