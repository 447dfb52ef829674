<?php
/**
 * Tests for page trail appends that arrive together.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Conversations;

use HandoffBot\Plugin;
use HandoffBot\Repositories\Conversation_Repository;
use HandoffBot\Tests\Integration\Test_Case;

/**
 * A page update and a message that arrive together both land in the trail. Other processes must
 * see the conversation, so these tests commit and clean up after themselves.
 */
final class Page_Trail_Concurrency_Test extends Test_Case {

	/**
	 * Commits, so the worker processes see the data.
	 *
	 * @var bool
	 */
	protected bool $use_transaction = false;

	/**
	 * Conversations to delete after the test.
	 *
	 * @var int[]
	 */
	private array $created = array();

	/**
	 * Deletes what the test stored.
	 */
	protected function tearDown(): void {
		global $wpdb;
		foreach ( $this->created as $id ) {
			foreach ( array( 'messages', 'events' ) as $short ) {
				$wpdb->query( $wpdb->prepare( 'DELETE FROM %i WHERE conversation_id = %d', $wpdb->prefix . 'handoff_bot_' . $short, $id ) );
			}
			$wpdb->query( $wpdb->prepare( 'DELETE FROM %i WHERE id = %d', $wpdb->prefix . 'handoff_bot_conversations', $id ) );
		}
		$this->created = array();
		parent::tearDown();
	}

	/**
	 * The paths of a conversation's trail as stored.
	 *
	 * @param int $id Conversation.
	 * @return string[]
	 */
	private function stored_paths( int $id ): array {
		$conversation = ( new Conversation_Repository() )->find( $id );
		$this->assertNotNull( $conversation );
		return array_map(
			static function ( array $entry ): string {
				return (string) wp_parse_url( $entry['url'], PHP_URL_PATH );
			},
			$conversation['page_trail']
		);
	}

	/**
	 * Two requests read the conversation, then each appends its page: the second append starts
	 * from the trail as stored, not from the row it read.
	 */
	public function test_interleaved_appends_both_land(): void {
		list( $id )      = $this->start_conversation();
		$this->created[] = $id;
		$read_by_both    = ( new Conversation_Repository() )->find( $id );
		$this->assertNotNull( $read_by_both );
		$service = Plugin::boot()->conversations();

		$service->remember_page( $read_by_both, home_url( '/shipping/' ), 'Shipping' );
		$trail = $service->remember_page( $read_by_both, home_url( '/returns/' ), 'Returns' );

		$this->assertSame( array( '/help/', '/shipping/', '/returns/' ), $this->stored_paths( $id ) );
		$this->assertSame( $this->stored_paths( $id ), array_map( 'wp_make_link_relative', wp_list_pluck( $trail, 'url' ) ), 'the route answers with the stored trail' );

		// A repeat of the page that is last is still merged when it comes from a stale read.
		$service->remember_page( $read_by_both, home_url( '/returns/' ), 'Returns' );
		$this->assertSame( array( '/help/', '/shipping/', '/returns/' ), $this->stored_paths( $id ) );
	}

	/**
	 * Two processes post pages to the same conversation at the same time, each request reading
	 * the conversation a little before it appends: no page is lost.
	 */
	public function test_concurrent_requests_lose_no_page(): void {
		list( $id, $token ) = $this->start_conversation();
		$this->created[]    = $id;
		$site               = (string) getenv( 'HANDOFF_BOT_TEST_SITE' );
		$barrier            = sys_get_temp_dir() . '/handoff-bot-trail-' . wp_generate_password( 8, false );
		$worker             = <<<'PHP'
<?php
list( , $site, $id, $token, $name, $barrier ) = $argv;
$_SERVER['HTTP_HOST']      = 'localhost';
$_SERVER['SERVER_NAME']    = 'localhost';
$_SERVER['REQUEST_URI']    = '/';
$_SERVER['REQUEST_METHOD'] = 'GET';
$_SERVER['REMOTE_ADDR']    = '198.51.100.77';
require $site . '/wp-load.php';
add_filter(
	'option_handoff_bot_settings',
	static function ( $settings ) {
		return array_merge( (array) $settings, array( 'rate_limit_ip_per_minute' => 10000 ) );
	}
);
// Stretches the time between reading the conversation and writing its trail, as other work in a
// request would: this runs while the page is being added.
add_filter(
	'handoff_bot_page_url_allowed_params',
	static function ( $params ) {
		usleep( 3000 );
		return $params;
	}
);
touch( $barrier . '-' . $name );
$until = microtime( true ) + 30;
while ( count( glob( $barrier . '-*' ) ) < 2 && microtime( true ) < $until ) {
	usleep( 1000 );
}
for ( $i = 0; $i < 20; $i++ ) {
	$request = new WP_REST_Request( 'POST', '/handoff-bot/v1/conversations/' . $id . '/pages' );
	$request->set_header( 'X-Handoff-Bot-Token', $token );
	$request->set_body_params( array( 'page_url' => home_url( '/' . $name . '-' . $i . '/' ) ) );
	$status = rest_do_request( $request )->get_status();
	if ( 200 !== $status ) {
		echo "request $i: $status\n";
	}
}
echo "done\n";
PHP;
		$script             = $barrier . '.php';
		file_put_contents( $script, $worker ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_file_put_contents -- a throwaway script for the worker processes.
		$processes = array();
		try {
			foreach ( array( 'a', 'b' ) as $name ) {
				$pipes              = array();
				$processes[ $name ] = array(
					proc_open( // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.system_calls_proc_open -- the test needs two real processes.
						array( PHP_BINARY, $script, $site, (string) $id, $token, $name, $barrier ),
						array(
							1 => array( 'pipe', 'w' ),
							2 => array(
								'pipe',
								'w',
							),
						),
						$pipes
					),
					$pipes,
				);
			}
			foreach ( $processes as $name => list( $process, $pipes ) ) {
				$out = stream_get_contents( $pipes[1] ) . stream_get_contents( $pipes[2] );
				fclose( $pipes[1] ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_fclose -- a process pipe.
				fclose( $pipes[2] ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_fclose -- a process pipe.
				$this->assertSame( 0, proc_close( $process ), $out );
				$this->assertSame( "done\n", $out, "worker {$name}" );
			}
		} finally {
			foreach ( array_merge( array( $script ), (array) glob( $barrier . '-*' ) ) as $file ) {
				wp_delete_file( (string) $file );
			}
		}//end try

		$paths = $this->stored_paths( $id );
		$this->assertCount( 41, $paths, implode( ' ', $paths ) );
		foreach ( array( 'a', 'b' ) as $name ) {
			$mine     = array_values(
				array_filter(
					$paths,
					static function ( string $path ) use ( $name ): bool {
						return 0 === strpos( $path, '/' . $name . '-' );
					}
				)
			);
			$expected = array();
			for ( $i = 0; $i < 20; $i++ ) {
				$expected[] = '/' . $name . '-' . $i . '/';
			}
			$this->assertSame( $expected, $mine, "every page of worker {$name}, in its order" );
		}
	}
}
