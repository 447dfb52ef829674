<?php
/**
 * Tests for the early poll in a real request.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Rest;

use HandoffBot\Tests\Integration\Test_Case;

/**
 * A poll sent to WordPress in a process of its own, answered before `init` as on a real site.
 * The child process writes to the database, so this test holds no transaction of its own (one
 * would make the child wait for its lock on SQLite).
 */
final class Fast_Poll_Request_Test extends Test_Case {

	/**
	 * No transaction: nothing here writes in this process.
	 *
	 * @var bool
	 */
	protected bool $use_transaction = false;

	/**
	 * A refused poll loads no translation before `init`: with a translation of the plugin
	 * installed, the early answer is the JSON document alone, without WordPress's "translation
	 * loading was triggered too early" notice in it.
	 */
	public function test_a_refused_poll_loads_no_translation_early(): void {
		$dir = WP_LANG_DIR . '/plugins';
		$new = ! is_dir( $dir );
		if ( $new ) {
			wp_mkdir_p( $dir );
		}
		$translation = $dir . '/handoff-bot-de_DE.l10n.php';
		$script      = get_temp_dir() . 'handoff-bot-early-poll-' . wp_generate_password( 8, false ) . '.php';
		// phpcs:disable WordPress.WP.AlternativeFunctions.file_system_operations_file_put_contents -- throwaway files for the child process.
		file_put_contents(
			$translation,
			'<?php return ' . var_export( // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_var_export -- writes a translation file.
				array(
					'domain'   => 'handoff-bot',
					'messages' => array(
						'This token does not give access to this conversation.' => 'Dieses Token gibt keinen Zugang zu diesem Gespräch.',
						'The conversation token is missing.' => 'Das Token des Gesprächs fehlt.',
					),
				),
				true
			) . ';'
		);
		file_put_contents(
			$script,
			'<?php
$_SERVER["HTTP_HOST"] = "localhost";
$_SERVER["SERVER_NAME"] = "localhost";
$_SERVER["REQUEST_METHOD"] = "GET";
$_SERVER["REQUEST_URI"] = "/wp-json/handoff-bot/v1/conversations/987654321/messages?after=0";
$_SERVER["REMOTE_ADDR"] = "198.51.100.201";
$_SERVER["HTTP_X_HANDOFF_BOT_TOKEN"] = "not-the-token";
$_GET = array( "after" => "0" );
// Hooks set before WordPress loads: a German site, and a report of any _doing_it_wrong().
$GLOBALS["wp_filter"] = array(
	"locale" => array( 10 => array( array( "function" => function () { return "de_DE"; }, "accepted_args" => 1 ) ) ),
	"doing_it_wrong_run" => array( 10 => array( array( "function" => function ( $f ) { echo "\n[doing it wrong: $f]"; }, "accepted_args" => 1 ) ) ),
);
register_shutdown_function( function () { fwrite( STDERR, "status " . http_response_code() ); } );
require $argv[1];
echo "\n[not answered early]";
'
		);
		// phpcs:enable
		try {
			$pipes   = array();
			$process = proc_open( // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.system_calls_proc_open -- a real request in its own process.
				array( PHP_BINARY, $script, ABSPATH . 'wp-load.php' ),
				array(
					1 => array( 'pipe', 'w' ),
					2 => array(
						'pipe',
						'w',
					),
				),
				$pipes
			); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.system_calls_proc_open -- a real request in its own process.
			$this->assertIsResource( $process );
			$out = (string) stream_get_contents( $pipes[1] );
			$err = (string) stream_get_contents( $pipes[2] );
			proc_close( $process );
		} finally {
			wp_delete_file( $translation );
			wp_delete_file( $script );
			if ( $new ) {
				rmdir( $dir ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_rmdir -- removes the folder the test made.
			}
		}//end try
		$this->assertSame(
			array(
				'code'    => 'handoff_bot_invalid_token',
				'message' => 'This token does not give access to this conversation.',
				'data'    => array( 'status' => 403 ),
			),
			json_decode( $out, true ),
			$out
		);
		$this->assertSame( 'status 403', $err );
	}
}
