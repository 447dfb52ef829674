<?php
/**
 * Tests for the personal-data exporter and eraser.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Privacy;

use HandoffBot\Privacy\Anonymiser;
use HandoffBot\Privacy\Eraser;
use HandoffBot\Privacy\Exporter;
use HandoffBot\Privacy\Subject_Finder;
use HandoffBot\Repositories\Personal_Data_Repository;
use HandoffBot\Tests\Integration\Test_Case;

require_once __DIR__ . '/Privacy_Fixtures.php';

/**
 * Tools → Export / Erase Personal Data, as WordPress runs them: the registered callbacks, called
 * page by page until done. A person is found by their account's email and by the email given in
 * the ticket or callback form; erasure leaves nothing of what they wrote or gave, keeps the
 * report's figures, and a second run finds nothing.
 */
final class Export_Erase_Test extends Test_Case {

	use Privacy_Fixtures;

	/**
	 * The registered callback of the plugin's exporter or eraser.
	 *
	 * @param string $filter wp_privacy_personal_data_exporters or _erasers.
	 * @return callable
	 */
	private function registered( string $filter ): callable {
		$all  = apply_filters( $filter, array() ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.DynamicHooknameFound -- WordPress's own filters.
		$name = 'wp_privacy_personal_data_exporters' === $filter ? 'exporter_friendly_name' : 'eraser_friendly_name';
		$this->assertArrayHasKey( 'handoff-bot', $all, $filter );
		$this->assertIsCallable( $all['handoff-bot']['callback'] );
		$this->assertNotSame( '', $all['handoff-bot'][ $name ] );
		return $all['handoff-bot']['callback'];
	}

	/**
	 * Runs an exporter as WordPress does, page by page until done.
	 *
	 * @param callable $callback The exporter.
	 * @param string   $email    Email address.
	 * @return array{items: list<array<string, mixed>>, pages: int}
	 */
	private function export_all( callable $callback, string $email ): array {
		$items = array();
		$page  = 1;
		do {
			$response = $callback( $email, $page );
			$this->assertIsArray( $response, 'page ' . $page );
			$this->assertArrayHasKey( 'data', $response );
			$this->assertIsBool( $response['done'] );
			$items = array_merge( $items, $response['data'] );
			++$page;
			$this->assertLessThan( 1000, $page, 'the export ends' );
		} while ( ! $response['done'] );
		return array(
			'items' => $items,
			'pages' => $page - 1,
		);
	}

	/**
	 * Runs an eraser as WordPress does, page by page until done.
	 *
	 * @param callable $callback The eraser.
	 * @param string   $email    Email address.
	 * @return array{removed: bool, retained: bool, messages: list<string>, pages: int}
	 */
	private function erase_all( callable $callback, string $email ): array {
		$out  = array(
			'removed'  => false,
			'retained' => false,
			'messages' => array(),
			'pages'    => 0,
		);
		$page = 1;
		do {
			$response = $callback( $email, $page );
			$this->assertIsArray( $response, 'page ' . $page );
			foreach ( array( 'items_removed', 'items_retained', 'messages', 'done' ) as $key ) {
				$this->assertArrayHasKey( $key, $response );
			}
			$out['removed']  = $out['removed'] || $response['items_removed'];
			$out['retained'] = $out['retained'] || $response['items_retained'];
			$out['messages'] = array_merge( $out['messages'], $response['messages'] );
			++$page;
			$this->assertLessThan( 1000, $page, 'the erasure ends' );
		} while ( ! $response['done'] );
		$out['pages'] = $page - 1;
		return $out;
	}

	/**
	 * All the text of an export.
	 *
	 * @param list<array<string, mixed>> $items Export items.
	 */
	private static function text( array $items ): string {
		$text = '';
		foreach ( $items as $item ) {
			foreach ( $item['data'] as $field ) {
				$text .= $field['name'] . ': ' . $field['value'] . "\n";
			}
		}
		return $text;
	}

	/**
	 * The export has the account's conversations and those where the form was given the
	 * address (in any letter case), with their transcripts, pages, form answers and the
	 * notifications sent; nobody else's.
	 */
	public function test_export_finds_the_account_and_the_form_conversations(): void {
		$user = $this->create_user( 'subscriber' );
		$mail = get_userdata( $user )->user_email;
		$this->seed(
			array(
				'user_id' => $user,
				'marker'  => 'alphaone',
				'status'  => '',
			)
		);
		$this->seed(
			array(
				'user_id' => $user,
				'marker'  => 'alphatwo',
			)
		);
		$this->seed(
			array(
				'email'    => strtoupper( $mail ),
				'marker'   => 'alphaform',
				'status'   => 'ticket',
				'delivery' => true,
			)
		);
		$this->seed(
			array(
				'email'  => 'someone.else@example.org',
				'marker' => 'betaother',
				'status' => 'ticket',
			)
		);

		$export = $this->export_all( $this->registered( 'wp_privacy_personal_data_exporters' ), $mail );
		$text   = self::text( $export['items'] );

		foreach ( array( 'alphaone', 'alphatwo', 'alphaform' ) as $marker ) {
			$this->assertStringContainsString( 'My parcel ' . $marker . ' is late', $text, 'the transcript of ' . $marker );
			$this->assertStringContainsString( '/trail-' . $marker . '/', $text, 'the pages of ' . $marker );
		}
		$this->assertStringContainsString( 'Name alphaform', $text, 'the name given in the form' );
		$this->assertStringContainsString( 'Call me about alphaform', $text, 'the message left' );
		$this->assertStringContainsString( 'Note about alphatwo', $text, 'team notes' );
		$groups = array_count_values( array_column( $export['items'], 'group_id' ) );
		$this->assertSame( 3, $groups['handoff-bot-conversations'] );
		$this->assertSame( 2, $groups['handoff-bot-handoffs'] );
		$this->assertSame( 1, $groups['handoff-bot-deliveries'], 'the notification sent about the request' );
		$this->assertStringNotContainsString( 'betaother', $text, 'nobody else’s conversation' );

		$this->assertSame( array(), $this->export_all( $this->registered( 'wp_privacy_personal_data_exporters' ), 'nobody@example.org' )['items'] );
	}

	/**
	 * Erasure leaves nothing of what the person wrote or gave anywhere in the plugin's tables,
	 * keeps the report's figures and the rows they count, says what it kept, closes the chat to
	 * the visitor's token, and finds nothing the second time. Other people's data stays.
	 */
	public function test_erasure_removes_the_person_and_keeps_the_figures(): void {
		$user   = $this->create_user( 'subscriber' );
		$mail   = get_userdata( $user )->user_email;
		$mine   = array(
			$this->seed(
				array(
					'user_id'  => $user,
					'marker'   => 'gammaone',
					'rating'   => 5,
					'delivery' => true,
				)
			),
			$this->seed(
				array(
					'email'    => $mail,
					'marker'   => 'gammaform',
					'status'   => 'closed',
					'reason'   => 'frustration',
					'delivery' => true,
				)
			),
		);
		$other  = $this->seed(
			array(
				'email'    => 'keep.me@example.org',
				'marker'   => 'deltakeep',
				'status'   => 'ticket',
				'delivery' => true,
			)
		);
		$before = $this->figures();

		$erased = $this->erase_all( $this->registered( 'wp_privacy_personal_data_erasers' ), $mail );

		$this->assertTrue( $erased['removed'] );
		$this->assertTrue( $erased['retained'], 'the anonymous statistics are kept' );
		$this->assertStringContainsString( '2 conversations', implode( ' ', $erased['messages'] ) );
		$this->assertStringContainsString( 'kept', implode( ' ', $erased['messages'] ) );
		foreach ( array( 'gammaone', 'gammaform' ) as $marker ) {
			$this->assertSame( array(), $this->stored( $marker ), $marker . ' is stored nowhere' );
		}
		$this->assertSame( array(), $this->stored( $mail ), 'the address is stored nowhere' );
		$this->assertNotSame( array(), $this->stored( 'deltakeep' ), 'someone else’s conversation stays' );
		$this->assertSame( $before, $this->figures(), 'the report’s figures are the same' );

		// The chat that started the conversation cannot open it any more.
		$read = $this->rest( 'GET', '/handoff-bot/v1/conversations/' . $mine[0]['conversation'] . '/messages', array( 'after' => 0 ), array( 'X-Handoff-Bot-Token' => $mine[0]['token'] ) );
		$this->assertContains( $read->get_status(), array( 401, 403, 404 ) );
		$this->assertSame( 200, $this->rest( 'GET', '/handoff-bot/v1/conversations/' . $other['conversation'] . '/messages', array( 'after' => 0 ), array( 'X-Handoff-Bot-Token' => $other['token'] ) )->get_status() );

		// The notification not sent yet never will be; the other person's still will.
		global $wpdb;
		$status = $wpdb->get_var( $wpdb->prepare( 'SELECT status FROM %i WHERE id = %d', $wpdb->prefix . 'handoff_bot_deliveries', $mine[1]['delivery'] ) );
		$this->assertSame( 'failed', $status );
		$this->assertSame( 'pending', $wpdb->get_var( $wpdb->prepare( 'SELECT status FROM %i WHERE id = %d', $wpdb->prefix . 'handoff_bot_deliveries', $other['delivery'] ) ) );

		$again = $this->erase_all( $this->registered( 'wp_privacy_personal_data_erasers' ), $mail );
		$this->assertFalse( $again['removed'], 'a second run finds nothing' );
		$this->assertSame( array(), $again['messages'] );
		$this->assertSame( array(), $this->export_all( $this->registered( 'wp_privacy_personal_data_exporters' ), $mail )['items'], 'nothing is left to export' );
	}

	/**
	 * Hundreds of conversations are erased in small pages, each conversation once, none left
	 * over; the export of the same person before had each conversation once.
	 */
	public function test_hundreds_of_conversations_go_in_pages(): void {
		$user = $this->create_user( 'subscriber' );
		$mail = get_userdata( $user )->user_email;
		$mine = array();
		for ( $i = 0; $i < 240; $i++ ) {
			$seeded = $this->seed(
				0 === $i % 2
					? array(
						'user_id' => $user,
						'marker'  => 'many' . $i . 'x',
						'status'  => 0 === $i % 4 ? '' : 'resolved',
					)
					: array(
						'email'  => $mail,
						'marker' => 'many' . $i . 'x',
						'status' => 'closed',
					)
			);
			$mine[] = $seeded['conversation'];
			if ( 0 === $i % 40 ) {
				$this->seed( array( 'marker' => 'others' . $i . 'x' ) );
			}
		}
		$data   = new Personal_Data_Repository();
		$finder = new Subject_Finder( $data );

		$export = $this->export_all( array( new Exporter( $data, $finder, 7 ), 'export' ), $mail );
		$ids    = array();
		foreach ( $export['items'] as $item ) {
			if ( 'handoff-bot-conversations' === $item['group_id'] ) {
				$ids[] = (int) substr( $item['item_id'], strlen( 'handoff-bot-conversation-' ) );
			}
		}
		sort( $ids );
		$this->assertSame( $mine, $ids, 'each conversation once' );
		$this->assertGreaterThanOrEqual( 35, $export['pages'] );

		$erased = $this->erase_all( array( new Eraser( $finder, new Anonymiser( $data ), 7 ), 'erase' ), $mail );
		$this->assertGreaterThanOrEqual( 35, $erased['pages'] );
		$this->assertSame( array(), $this->stored( 'My parcel many' ), 'every one of them was erased' );
		$this->assertSame( 6, $this->stored( 'My parcel others' )['messages.body'] ?? 0, 'the others stay' );
		$this->assertFalse( $this->erase_all( array( new Eraser( $finder, new Anonymiser( $data ), 7 ), 'erase' ), $mail )['removed'] );
	}

	/**
	 * An address that is not one, or is nobody's, finds nothing and erases nothing.
	 */
	public function test_an_unknown_or_malformed_address_finds_nothing(): void {
		$this->seed( array( 'email' => 'real@example.org' ) );
		foreach ( array( '', 'not-an-email', '%@example.org', 'REAL@example.org" OR 1=1' ) as $email ) {
			$this->assertSame( array(), $this->export_all( $this->registered( 'wp_privacy_personal_data_exporters' ), $email )['items'], $email );
			$this->assertFalse( $this->erase_all( $this->registered( 'wp_privacy_personal_data_erasers' ), $email )['removed'], $email );
		}
		$this->assertNotSame( array(), $this->stored( 'real@example.org' ) );
	}
}
