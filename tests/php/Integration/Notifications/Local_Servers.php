<?php
/**
 * Real local servers for the notification tests: an HTTP receiver and an SMTP server.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Notifications;

use HandoffBot\Handoff\Context_Package;
use HandoffBot\Notifications\Connection_Store;
use HandoffBot\Notifications\Delivery_Jobs;
use HandoffBot\Repositories\Handoff_Repository;

// phpcs:disable WordPress.WP.AlternativeFunctions -- test scaffolding reads and writes its own files.

/**
 * Starts PHP's built-in server with tests/php/servers/http-receiver.php (which records requests
 * and answers by a plan) and tests/php/servers/smtp-sink.php (which keeps every message), each on
 * a free loopback port, and stops them after the test. Also makes handoffs with a known brief.
 */
trait Local_Servers {

	/**
	 * Started processes.
	 *
	 * @var list<resource>
	 */
	private array $servers = array();

	/**
	 * Folders to remove.
	 *
	 * @var list<string>
	 */
	private array $folders = array();

	/**
	 * What the visitor wrote: text no private notification may carry.
	 *
	 * @var string
	 */
	private static string $visitor_text = 'My card ending 4242 was charged twice for order 991';

	/**
	 * Starts an HTTP receiver: [its URL, its folder].
	 *
	 * @param int[]  $plan   Statuses of the first answers (then 200).
	 * @param string $secret The secret to check signatures with ('' to check none).
	 * @return array{0: string, 1: string}
	 */
	protected function start_receiver( array $plan = array(), string $secret = '' ): array {
		$dir = $this->folder();
		file_put_contents( $dir . '/plan.json', (string) wp_json_encode( $plan ) );
		if ( '' !== $secret ) {
			file_put_contents( $dir . '/secret.txt', $secret );
		}
		$port = self::free_port();
		$this->launch( array( PHP_BINARY, '-S', '127.0.0.1:' . $port, dirname( __DIR__, 2 ) . '/servers/http-receiver.php' ), array( 'HANDOFF_BOT_RECEIVER_DIR' => $dir ), $port );
		// WordPress's test site blocks outside requests (WP_HTTP_BLOCK_EXTERNAL); localhost stays allowed.
		return array( 'http://localhost:' . $port . '/hooks/handoff', $dir );
	}

	/**
	 * A webhook to a local receiver for every event and every team (local targets allowed).
	 *
	 * @param string $url The receiver's URL.
	 * @return array<string, mixed> The connection as stored.
	 */
	protected function webhook_connection( string $url ): array {
		add_filter( 'handoff_bot_allow_local_targets', '__return_true' );
		return ( new Connection_Store() )->create(
			array(
				'kind'    => 'webhook',
				'label'   => 'CRM',
				'target'  => $url,
				'teams'   => array(),
				'events'  => Connection_Store::EVENTS,
				'enabled' => true,
			)
		);
	}

	/**
	 * Sets the statuses the receiver answers next.
	 *
	 * @param string $dir  The receiver's folder.
	 * @param int[]  $plan Statuses.
	 */
	protected function plan( string $dir, array $plan ): void {
		file_put_contents( $dir . '/plan.json', (string) wp_json_encode( $plan ) );
	}

	/**
	 * Tells the receiver the secret to check signatures with.
	 *
	 * @param string $dir    The receiver's folder.
	 * @param string $secret Secret.
	 */
	protected function receiver_secret( string $dir, string $secret ): void {
		file_put_contents( $dir . '/secret.txt', $secret );
	}

	/**
	 * The requests a receiver got, oldest first.
	 *
	 * @param string $dir The receiver's folder.
	 * @return list<array{method: string, path: string, headers: array<string, string>, body: string, signature_valid: bool|null, answered: int}>
	 */
	protected function received( string $dir ): array {
		$file = $dir . '/requests.jsonl';
		if ( ! is_file( $file ) ) {
			return array();
		}
		$out = array();
		foreach ( (array) file( $file, FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES ) as $line ) {
			$out[] = json_decode( $line, true );
		}
		return $out;
	}

	/**
	 * Starts an SMTP server and points PHPMailer at it; returns its folder.
	 */
	protected function start_smtp(): string {
		$dir  = $this->folder();
		$port = self::free_port();
		$this->launch( array( PHP_BINARY, dirname( __DIR__, 2 ) . '/servers/smtp-sink.php', (string) $port, $dir ), array(), $port );
		add_action(
			'phpmailer_init',
			static function ( $mailer ) use ( $port ): void {
				$mailer->isSMTP();
				$mailer->Host        = '127.0.0.1'; // phpcs:ignore WordPress.NamingConventions.ValidVariableName.UsedPropertyNotSnakeCase -- PHPMailer's.
				$mailer->Port        = $port; // phpcs:ignore WordPress.NamingConventions.ValidVariableName.UsedPropertyNotSnakeCase -- PHPMailer's.
				$mailer->SMTPAuth    = false; // phpcs:ignore WordPress.NamingConventions.ValidVariableName.UsedPropertyNotSnakeCase -- PHPMailer's.
				$mailer->SMTPAutoTLS = false; // phpcs:ignore WordPress.NamingConventions.ValidVariableName.UsedPropertyNotSnakeCase -- PHPMailer's.
				$mailer->SMTPSecure  = ''; // phpcs:ignore WordPress.NamingConventions.ValidVariableName.UsedPropertyNotSnakeCase -- PHPMailer's.
			}
		);
		add_filter(
			'wp_mail_from',
			static function (): string {
				return 'handoff-bot@example.com';
			}
		);
		return $dir;
	}

	/**
	 * The messages the SMTP server got, oldest first, each as headers (lower-case names, decoded)
	 * and the decoded body.
	 *
	 * @param string $dir The server's folder.
	 * @return list<array{headers: array<string, string>, body: string}>
	 */
	protected function mails( string $dir ): array {
		$files = glob( $dir . '/*.eml' );
		$files = is_array( $files ) ? $files : array();
		natsort( $files );
		$out = array();
		foreach ( $files as $file ) {
			list( $head, $body ) = array_pad( (array) preg_split( "/\r?\n\r?\n/", (string) file_get_contents( $file ), 2 ), 2, '' );
			$headers             = array();
			foreach ( (array) preg_split( "/\r?\n(?![ \t])/", (string) $head ) as $line ) {
				$pair = explode( ':', $line, 2 );
				if ( 2 === count( $pair ) ) {
					$headers[ strtolower( trim( $pair[0] ) ) ] = (string) iconv_mime_decode( trim( (string) preg_replace( "/\r?\n[ \t]+/", ' ', $pair[1] ) ), ICONV_MIME_DECODE_CONTINUE_ON_ERROR, 'UTF-8' );
				}
			}
			$encoding = strtolower( $headers['content-transfer-encoding'] ?? '' );
			if ( 'quoted-printable' === $encoding ) {
				$body = quoted_printable_decode( (string) $body );
			} elseif ( 'base64' === $encoding ) {
				$body = (string) base64_decode( (string) $body ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_decode -- the mail's own encoding.
			}
			$out[] = array(
				'headers' => $headers,
				'body'    => str_replace( "\r\n", "\n", (string) $body ),
			);
		}
		return $out;
	}

	/**
	 * Runs every delivery job that WP-Cron holds now (as wp-cron.php would), and returns how many ran.
	 */
	protected function run_delivery_jobs(): int {
		$ran = 0;
		foreach ( (array) _get_cron_array() as $timestamp => $hooks ) {
			foreach ( (array) ( $hooks[ Delivery_Jobs::HOOK ] ?? array() ) as $event ) {
				wp_unschedule_event( (int) $timestamp, Delivery_Jobs::HOOK, $event['args'] );
				do_action_ref_array( Delivery_Jobs::HOOK, $event['args'] ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.DynamicHooknameFound -- the plugin's own hook.
				++$ran;
			}
		}
		return $ran;
	}

	/**
	 * Makes a delivery's next attempt due now, as if its wait had passed.
	 *
	 * @param int $id The delivery's row ID.
	 */
	protected function make_due( int $id ): void {
		global $wpdb;
		$wpdb->query( $wpdb->prepare( 'UPDATE %i SET next_attempt_at = %s WHERE id = %d', $wpdb->prefix . 'handoff_bot_deliveries', gmdate( 'Y-m-d H:i:s', time() - 1 ), $id ) );
	}

	/**
	 * A handoff with a stored brief: a signed-in visitor, two pages, a transcript.
	 *
	 * @param string $route The route (live, ticket, callback or private).
	 * @param string $team  Team.
	 */
	protected function make_handoff( string $route, string $team = '' ): int {
		$handoffs     = new Handoff_Repository();
		$conversation = random_int( 100000, 999999999 );
		$id           = $handoffs->create(
			array(
				'conversation_id' => $conversation,
				'reason'          => 'user_requested',
				'trigger_type'    => 'user',
				'route'           => $route,
				'route_reason'    => 'private' === $route ? 'private' : 'live',
				'team'            => $team,
				'intent'          => 'billing',
				'intent_score'    => 0.8,
				'confidence'      => 0.3,
				'turn'            => 2,
				'config_version'  => 1,
			)
		);
		$this->assertGreaterThan( 0, $id );
		$package = Context_Package::build(
			array(
				'messages'       => array(
					array(
						'role'       => 'visitor',
						'body'       => self::$visitor_text,
						'created_at' => '2026-01-05 10:00:00',
					),
					array(
						'role'       => 'bot',
						'body'       => 'Refunds take five days.',
						'created_at' => '2026-01-05 10:00:01',
					),
				),
				'intent'         => array(
					'name'  => 'billing',
					'label' => 'Billing and payments',
					'score' => 0.8,
				),
				'confidence'     => 0.3,
				'sources'        => array(),
				'pages'          => array(
					array(
						'url'   => home_url( '/pricing/' ),
						'title' => 'Pricing',
						'at'    => '2026-01-05 09:59:00',
					),
					array(
						'url'   => home_url( '/refunds/' ),
						'title' => 'Refunds',
						'at'    => '2026-01-05 09:59:30',
					),
				),
				'language'       => 'en',
				'user'           => array(
					'id'       => 7,
					'name'     => 'Ada Lovelace',
					'email'    => 'ada@example.org',
					'role'     => 'customer',
					'metadata' => array(),
				),
				'form'           => array(),
				'reason'         => 'user_requested',
				'trigger'        => 'user',
				'turn'           => 2,
				'config_version' => 1,
			)
		);
		$handoffs->set_context( $id, $conversation, $package['summary'][0] ?? '', (string) wp_json_encode( $package ) );
		return $id;
	}

	/**
	 * Stops the servers and removes their folders.
	 */
	protected function stop_servers(): void {
		foreach ( $this->servers as $server ) {
			proc_terminate( $server );
			proc_close( $server );
		}
		$this->servers = array();
		foreach ( $this->folders as $dir ) {
			$files = glob( $dir . '/*' );
			foreach ( is_array( $files ) ? $files : array() as $file ) {
				unlink( $file );
			}
			rmdir( $dir );
		}
		$this->folders = array();
	}

	/**
	 * A new empty folder.
	 */
	private function folder(): string {
		$dir = sys_get_temp_dir() . '/handoff-bot-servers-' . getmypid() . '-' . wp_generate_password( 8, false );
		mkdir( $dir, 0700, true );
		$this->folders[] = $dir;
		return $dir;
	}

	/**
	 * Starts a server and waits until it listens.
	 *
	 * @param string[]              $command Command.
	 * @param array<string, string> $env     Extra environment.
	 * @param int                   $port    Port it listens on.
	 */
	private function launch( array $command, array $env, int $port ): void {
		$process = proc_open( // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.system_calls_proc_open -- the real server the test talks to.
			$command,
			array(
				1 => array( 'file', '/dev/null', 'w' ),
				2 => array( 'file', '/dev/null', 'w' ),
			),
			$pipes,
			null,
			array_merge( getenv(), $env )
		);
		$this->assertIsResource( $process );
		$this->servers[] = $process;
		for ( $i = 0; $i < 100; $i++ ) {
			$probe = @fsockopen( '127.0.0.1', $port ); // phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged -- waiting for the server to listen.
			if ( $probe ) {
				fclose( $probe );
				return;
			}
			usleep( 50000 );
		}
		$this->fail( 'The local server did not start on port ' . $port );
	}

	/**
	 * A free loopback port.
	 */
	private static function free_port(): int {
		$socket = stream_socket_server( 'tcp://127.0.0.1:0' );
		if ( ! $socket ) {
			return 0;
		}
		$port = (int) substr( (string) strrchr( (string) stream_socket_get_name( $socket, false ), ':' ), 1 );
		fclose( $socket );
		return $port;
	}
}
