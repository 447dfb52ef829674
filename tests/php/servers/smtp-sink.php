<?php
/**
 * An SMTP server for the tests: accepts every message and writes it, as received, to a file.
 *
 * Usage: php smtp-sink.php <port> <folder>
 *
 * Each message becomes <folder>/<n>.eml, its envelope recipients first as "X-Envelope-To:" lines.
 * It speaks just enough SMTP for PHPMailer (EHLO or HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT), one
 * client at a time, without TLS or authentication.
 *
 * @package HandoffBot
 */

// phpcs:disable WordPress.WP.AlternativeFunctions -- runs without WordPress.

$handoff_bot_port   = (int) ( $argv[1] ?? 0 );
$handoff_bot_folder = (string) ( $argv[2] ?? '' );
$handoff_bot_server = stream_socket_server( 'tcp://127.0.0.1:' . $handoff_bot_port, $handoff_bot_errno, $handoff_bot_error );
if ( ! $handoff_bot_server || ! is_dir( $handoff_bot_folder ) ) {
	fwrite( STDERR, "smtp-sink: cannot listen on port {$handoff_bot_port} or write to {$handoff_bot_folder}\n" );
	exit( 1 );
}
$handoff_bot_count = 0;

while ( true ) {
	$handoff_bot_client = @stream_socket_accept( $handoff_bot_server, -1 ); // phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged -- a timeout is not an error here.
	if ( ! $handoff_bot_client ) {
		break;
	}
	fwrite( $handoff_bot_client, "220 localhost test SMTP sink\r\n" );
	$handoff_bot_in_data = false;
	$handoff_bot_message = '';
	$handoff_bot_rcpt    = array();
	while ( true ) {
		$handoff_bot_line = fgets( $handoff_bot_client );
		if ( false === $handoff_bot_line ) {
			break;
		}
		if ( $handoff_bot_in_data ) {
			if ( ".\r\n" === $handoff_bot_line || ".\n" === $handoff_bot_line ) {
				++$handoff_bot_count;
				$handoff_bot_envelope = '';
				foreach ( $handoff_bot_rcpt as $handoff_bot_to ) {
					$handoff_bot_envelope .= 'X-Envelope-To: ' . $handoff_bot_to . "\r\n";
				}
				file_put_contents( $handoff_bot_folder . '/' . $handoff_bot_count . '.eml.tmp', $handoff_bot_envelope . $handoff_bot_message );
				rename( $handoff_bot_folder . '/' . $handoff_bot_count . '.eml.tmp', $handoff_bot_folder . '/' . $handoff_bot_count . '.eml' );
				$handoff_bot_in_data = false;
				$handoff_bot_message = '';
				$handoff_bot_rcpt    = array();
				fwrite( $handoff_bot_client, "250 OK queued\r\n" );
				continue;
			}
			$handoff_bot_message .= 0 === strpos( $handoff_bot_line, '..' ) ? substr( $handoff_bot_line, 1 ) : $handoff_bot_line;
			continue;
		}
		$handoff_bot_verb = strtoupper( substr( trim( $handoff_bot_line ), 0, 4 ) );
		if ( 'EHLO' === $handoff_bot_verb ) {
			fwrite( $handoff_bot_client, "250-localhost\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n" );
		} elseif ( 'RCPT' === $handoff_bot_verb ) {
			$handoff_bot_rcpt[] = trim( (string) preg_replace( '/^RCPT TO:\s*/i', '', trim( $handoff_bot_line ) ), '<>' );
			fwrite( $handoff_bot_client, "250 OK\r\n" );
		} elseif ( 'DATA' === $handoff_bot_verb ) {
			$handoff_bot_in_data = true;
			fwrite( $handoff_bot_client, "354 End data with <CR><LF>.<CR><LF>\r\n" );
		} elseif ( 'QUIT' === $handoff_bot_verb ) {
			fwrite( $handoff_bot_client, "221 Bye\r\n" );
			break;
		} elseif ( in_array( $handoff_bot_verb, array( 'HELO', 'MAIL', 'RSET', 'NOOP' ), true ) ) {
			fwrite( $handoff_bot_client, "250 OK\r\n" );
		} else {
			fwrite( $handoff_bot_client, "502 Command not implemented\r\n" );
		}
	}//end while
	fclose( $handoff_bot_client );
}//end while
