<?php
/**
 * Tests for the change file a waiting visitor's chat reads between reads of its messages.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Handoff;

use HandoffBot\Handoff\Poll_Signal;
use HandoffBot\Repositories\Event_Repository;
use HandoffBot\Repositories\Handoff_Repository;
use HandoffBot\Tests\Integration\Notifications\Local_Servers;
use HandoffBot\Tests\Integration\Test_Case;

require_once __DIR__ . '/Wait_History.php';
require_once dirname( __DIR__ ) . '/Notifications/Local_Servers.php';

/**
 * A visitor following a handoff is given a static file in the uploads folder whose version
 * changes when a read of their messages would show something new, and which holds their place in
 * the queue while they wait; nothing else changes it, and nothing they wrote is in it.
 */
final class Poll_Signal_Test extends Test_Case {

	use Local_Servers;
	use Wait_History;

	/**
	 * Starts each test without files.
	 */
	protected function setUp(): void {
		parent::setUp();
		Poll_Signal::remove_all();
		Poll_Signal::flush();
	}

	/**
	 * Leaves no files behind.
	 */
	protected function tearDown(): void {
		Poll_Signal::flush();
		Poll_Signal::remove_all();
		$this->stop_servers();
		remove_all_filters( 'handoff_bot_allow_local_targets' );
		parent::tearDown();
	}

	/**
	 * A visitor waiting: [conversation, token, handoff, the send's answer].
	 *
	 * @param string $words What they wrote.
	 * @return array{0: int, 1: string, 2: int, 3: array<string, mixed>}
	 */
	private function waiting( string $words = 'Talk to a person about order 4417' ): array {
		list( $id, $token ) = $this->start_conversation();
		$sent               = $this->send( $id, $token, $words, '', array( 'human' => true ) )->get_data();
		$open               = ( new Handoff_Repository() )->open_for( $id );
		$this->assertNotNull( $open );
		Poll_Signal::flush();
		return array( $id, $token, $open['id'], $sent );
	}

	/**
	 * The visitor's read of their messages.
	 *
	 * @param int    $id    Conversation.
	 * @param string $token Token.
	 * @return array<string, mixed>
	 */
	private function poll( int $id, string $token ): array {
		$data = $this->rest( 'GET', '/handoff-bot/v1/conversations/' . $id . '/messages', array( 'after' => 0 ), array( 'X-Handoff-Bot-Token' => $token ) )->get_data();
		Poll_Signal::flush();
		return $data;
	}

	/**
	 * What a conversation's file holds (null when there is none).
	 *
	 * @param array<string, mixed> $signal The signal a read gave.
	 * @return array<string, mixed>|null
	 */
	private function file( array $signal ): ?array {
		$path = wp_upload_dir( null, false )['basedir'] . '/' . Poll_Signal::FOLDER . '/' . basename( (string) $signal['url'] );
		clearstatcache();
		return is_file( $path ) ? json_decode( (string) file_get_contents( $path ), true ) : null; // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- the test reads the file a web server would serve.
	}

	/**
	 * An agent's step on a handoff, then the writes its request makes on shutdown.
	 *
	 * @param int                  $agent   Agent.
	 * @param string               $path    Route after /handoffs/{id}.
	 * @param int                  $handoff Handoff.
	 * @param array<string, mixed> $params  Parameters.
	 */
	private function agent( int $agent, string $path, int $handoff, array $params = array() ): void {
		wp_set_current_user( $agent );
		$response = $this->rest( 'POST', '/handoff-bot/v1/handoffs/' . $handoff . $path, $params );
		wp_set_current_user( 0 );
		$this->assertLessThan( 300, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		Poll_Signal::flush();
	}

	/**
	 * The agent writes to the visitor, or an internal note, then the request's writes on shutdown.
	 *
	 * @param int    $agent    Agent.
	 * @param int    $handoff  Handoff.
	 * @param string $body     The text.
	 * @param bool   $internal Whether it is an internal note.
	 */
	private function write( int $agent, int $handoff, string $body, bool $internal = false ): void {
		$this->agent(
			$agent,
			'/messages',
			$handoff,
			array(
				'body'            => $body,
				'internal'        => $internal,
				'idempotency_key' => 'key-' . md5( $body ),
			)
		);
	}

	/**
	 * The send that opens the handoff gives the file; it is under uploads, named by a keyed hash,
	 * and holds the version the route gave and the place in the queue, nothing the visitor wrote.
	 */
	public function test_a_waiting_visitor_is_given_a_file_with_a_version_and_their_place(): void {
		$this->staff_the_site();
		list( $id, $token, , $sent ) = $this->waiting();
		$this->assertIsArray( $sent['signal'] );
		$this->assertStringStartsWith( wp_upload_dir( null, false )['baseurl'] . '/handoff-bot/poll/', $sent['signal']['url'] );
		$this->assertMatchesRegularExpression( '#/[0-9a-f]{32}\.json$#', $sent['signal']['url'] );
		$this->assertStringNotContainsString( $token, $sent['signal']['url'] );
		$this->assertSame( 120, $sent['signal']['check_in'], 'two fifths of the 5 minutes after which a waiting visitor is gone, at most 120 s' );

		$read = $this->poll( $id, $token );
		$this->assertSame( $sent['signal']['url'], $read['signal']['url'] );
		$this->assertSame( $sent['signal']['version'], $read['signal']['version'], 'nothing changed since the send' );
		$this->assertSame(
			array(
				'v'     => $read['signal']['version'],
				'place' => 1,
				'wait'  => null,
			),
			$this->file( $read['signal'] )
		);

		list( $other_id, $other_token ) = $this->waiting();
		$this->assertNotSame( basename( $read['signal']['url'] ), basename( $this->poll( $other_id, $other_token )['signal']['url'] ), 'one file per conversation' );
	}

	/**
	 * The agent joining, writing and typing give a new version; reads, internal notes and typing
	 * again at once do not.
	 */
	public function test_news_for_the_visitor_changes_the_version_and_nothing_else_does(): void {
		$agent                        = $this->staff_the_site();
		list( $id, $token, $handoff ) = $this->waiting();
		$signal                       = $this->poll( $id, $token )['signal'];
		$version                      = $signal['version'];
		$this->poll( $id, $token );
		$this->assertSame( $version, $this->file( $signal )['v'], 'a read changes nothing' );

		$this->agent( $agent, '/accept', $handoff );
		$this->assertNotSame( $version, $this->file( $signal )['v'], 'the agent joined' );
		$this->assertArrayNotHasKey( 'place', $this->file( $signal ), 'no place once taken' );
		$read = $this->poll( $id, $token );
		$this->assertSame( 'accepted', $read['handoff']['status'] );
		$this->assertSame( $this->file( $signal )['v'], $read['signal']['version'] );

		$version = $read['signal']['version'];
		$this->write( $agent, $handoff, 'Looking into it.', true );
		$this->assertSame( $version, $this->file( $signal )['v'], 'an internal note is not for the visitor' );
		$this->write( $agent, $handoff, 'Your order ships today.' );
		$this->assertNotSame( $version, $this->file( $signal )['v'], 'the agent wrote' );
		$version = $this->file( $signal )['v'];
		$this->write( $agent, $handoff, 'And it arrives on Friday.' );
		$this->assertNotSame( $version, $this->file( $signal )['v'], 'the agent wrote again' );

		$version = $this->file( $signal )['v'];
		$this->agent( $agent, '/typing', $handoff );
		$this->assertNotSame( $version, $this->file( $signal )['v'], 'the agent started typing' );
		$version = $this->file( $signal )['v'];
		$this->agent( $agent, '/typing', $handoff );
		$this->assertSame( $version, $this->file( $signal )['v'], 'still typing: the chat reads again when it may have ended' );
		$read = $this->poll( $id, $token );
		$this->assertTrue( $read['handoff']['agent_typing'] );
		$this->assertLessThanOrEqual( 9, $read['signal']['check_in'], 'read again when the typing may end' );

		$this->agent( $agent, '/resolve', $handoff, array( 'outcome' => 'resolved' ) );
		$this->assertNotSame( $version, $this->file( $signal )['v'], 'the agent closed the chat' );
		$read = $this->poll( $id, $token );
		$this->assertNull( $read['handoff'] );
		$this->assertNull( $read['signal'], 'nothing to follow any more' );
	}

	/**
	 * The site's own bookkeeping on a handoff (here a webhook delivered to a real local receiver,
	 * and its log) is nothing the visitor's chat shows: the version stays, so the chat does not
	 * read the route for it.
	 */
	public function test_a_delivery_to_a_connection_leaves_the_version_alone(): void {
		$this->staff_the_site();
		list( $url, $dir ) = $this->start_receiver();
		$this->webhook_connection( $url );
		list( $id, $token ) = $this->waiting();
		$signal             = $this->poll( $id, $token )['signal'];
		$version            = $this->file( $signal )['v'];

		$this->assertGreaterThan( 0, $this->run_delivery_jobs() );
		Poll_Signal::flush();
		$this->assertCount( 1, $this->received( $dir ), 'the help desk was told' );
		$logged = array_column( ( new Event_Repository() )->for_conversation( $id ), 'type' );
		$this->assertContains( 'delivery_succeeded', $logged );
		$this->assertSame( $version, $this->file( $signal )['v'], 'a delivery is not news for the visitor' );
		$this->assertSame( 1, $this->file( $signal )['place'] );
		$this->assertSame( $version, $this->poll( $id, $token )['signal']['version'] );
	}

	/**
	 * When the queue moves, the visitors behind get their new place in their file, without a new
	 * version (their chats show it without reading the route).
	 */
	public function test_the_queue_moving_rewrites_places_under_the_same_version(): void {
		$agent                                  = $this->staff_the_site();
		list( $first_id, $first_token, $first ) = $this->waiting();
		list( $second_id, $second_token )       = $this->waiting();
		$signal                                 = $this->poll( $second_id, $second_token )['signal'];
		$this->poll( $first_id, $first_token );
		$this->assertArrayNotHasKey( 'place', $this->file( $signal ), 'a new visitor behind moves nobody: the route gave the place' );

		$this->agent( $agent, '/accept', $first );
		$this->assertSame( 1, $this->file( $signal )['place'] );
		$this->assertSame( $signal['version'], $this->file( $signal )['v'] );
		$this->assertSame( 1, $this->poll( $second_id, $second_token )['handoff']['place'], 'the route says the same' );
	}

	/**
	 * A transfer puts the visitor back in the queue: a new version (their chat reads who holds it).
	 */
	public function test_a_transfer_changes_the_version(): void {
		$agent                        = $this->staff_the_site();
		list( $id, $token, $handoff ) = $this->waiting();
		$this->agent( $agent, '/accept', $handoff );
		$signal = $this->poll( $id, $token )['signal'];
		$this->agent( $agent, '/transfer', $handoff, array( 'note' => 'Over to the team' ) );
		$this->assertNotSame( $signal['version'], $this->file( $signal )['v'] );
		$read = $this->poll( $id, $token );
		$this->assertSame( 'queued', $read['handoff']['status'] );
		$this->assertSame( 1, $this->file( $read['signal'] )['place'], 'back in the queue, with a place' );
	}

	/**
	 * When the team's median wait is worked out again, the waiting visitors' files get the new
	 * expected wait.
	 */
	public function test_a_new_median_wait_reaches_the_files(): void {
		$this->staff_the_site();
		list( $id, $token ) = $this->waiting();
		$signal             = $this->poll( $id, $token )['signal'];
		$this->assertNull( $this->file( $signal )['wait'] );
		$this->past_waits( array( 120, 240, 360 ) );
		\HandoffBot\Handoff\Wait_Medians::refresh( new Handoff_Repository(), '', time() );
		Poll_Signal::flush();
		$this->assertSame( 4, $this->file( $signal )['wait'] );
		$this->assertSame( $signal['version'], $this->file( $signal )['v'] );
	}

	/**
	 * Files handed out before the site turned them off (a theme's filter comes after the early
	 * poll) are still kept current.
	 */
	public function test_a_file_handed_out_is_kept_current_when_the_files_are_turned_off(): void {
		$agent                        = $this->staff_the_site();
		list( $id, $token, $handoff ) = $this->waiting();
		$signal                       = $this->poll( $id, $token )['signal'];
		add_filter( 'handoff_bot_poll_signal', '__return_false' );
		$this->agent( $agent, '/accept', $handoff );
		remove_filter( 'handoff_bot_poll_signal', '__return_false' );
		$this->assertNotSame( $signal['version'], $this->file( $signal )['v'] );
	}

	/**
	 * A wait about to be too long, and the minutes after which a visitor is gone, bring the
	 * check-in forward.
	 */
	public function test_the_check_in_comes_before_a_wait_too_long(): void {
		global $wpdb;
		$this->staff_the_site();
		list( $id, $token, $handoff ) = $this->waiting();
		$wpdb->update( $wpdb->prefix . 'handoff_bot_handoffs', array( 'requested_at' => gmdate( 'Y-m-d H:i:s', time() - 5 * MINUTE_IN_SECONDS + 30 ) ), array( 'id' => $handoff ) );
		$check_in = $this->poll( $id, $token )['signal']['check_in'];
		$this->assertGreaterThanOrEqual( 29, $check_in );
		$this->assertLessThanOrEqual( 32, $check_in );
	}

	/**
	 * Where the site turns it off, or the uploads folder cannot be used, there is no file: the
	 * chat reads the route every few seconds.
	 */
	public function test_no_file_where_the_site_turns_it_off_or_uploads_fail(): void {
		$this->staff_the_site();
		add_filter( 'handoff_bot_poll_signal', '__return_false' );
		list( $id, $token, , $sent ) = $this->waiting();
		$this->assertNull( $sent['signal'] );
		$read = $this->poll( $id, $token );
		$this->assertSame( 1, $read['handoff']['place'] );
		$this->assertNull( $read['signal'] );
		remove_filter( 'handoff_bot_poll_signal', '__return_false' );

		$broken = static function ( array $uploads ): array {
			$uploads['error'] = 'Unable to create directory.';
			return $uploads;
		};
		add_filter( 'upload_dir', $broken );
		$read = $this->poll( $id, $token );
		remove_filter( 'upload_dir', $broken );
		$this->assertSame( 1, $read['handoff']['place'] );
		$this->assertNull( $read['signal'] );
	}

	/**
	 * Files nothing touched for an hour go; a chat still following one gets it again on its next
	 * read of the route.
	 */
	public function test_old_files_are_swept_and_made_again(): void {
		$this->staff_the_site();
		list( $id, $token ) = $this->waiting();
		$signal             = $this->poll( $id, $token )['signal'];
		$path               = wp_upload_dir( null, false )['basedir'] . '/' . Poll_Signal::FOLDER . '/' . basename( $signal['url'] );
		$this->assertSame( 0, Poll_Signal::sweep( time() - HOUR_IN_SECONDS ) );
		touch( $path, time() - 2 * HOUR_IN_SECONDS );
		$this->assertSame( 1, Poll_Signal::sweep( time() - HOUR_IN_SECONDS ) );
		$this->assertNull( $this->file( $signal ) );
		$again = $this->poll( $id, $token )['signal'];
		$this->assertSame( $signal['url'], $again['url'] );
		$this->assertSame( $again['version'], $this->file( $again )['v'] );
	}
}
