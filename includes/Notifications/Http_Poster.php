<?php
/**
 * Posts JSON to a connection's URL.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Notifications;

defined( 'ABSPATH' ) || exit;

/**
 * One POST through the WordPress HTTP API: through wp_safe_remote_post(), which refuses hosts on
 * this machine and the private network, unless the site allows local targets (see
 * Connection_Validator). Redirects are not followed, so a receiver cannot send the message on to
 * a host the check would refuse. A 2xx answer is success.
 */
final class Http_Poster {

	/**
	 * Seconds to wait for a receiver.
	 */
	public const TIMEOUT = 10;

	/**
	 * Posts a body.
	 *
	 * @param string                $url     URL.
	 * @param string                $body    Body (JSON).
	 * @param array<string, string> $headers Headers besides Content-Type.
	 */
	public function post( string $url, string $body, array $headers ): Delivery_Result {
		$args     = array(
			'body'        => $body,
			'headers'     => array_merge(
				array(
					'Content-Type' => 'application/json; charset=utf-8',
					'User-Agent'   => 'HandoffBot/' . ( defined( 'HANDOFF_BOT_VERSION' ) ? HANDOFF_BOT_VERSION : '0' ) . '; ' . home_url( '/' ),
				),
				$headers
			),
			'timeout'     => self::TIMEOUT,
			'redirection' => 0,
			'blocking'    => true,
		);
		$response = Connection_Validator::local_targets_allowed() ? wp_remote_post( $url, $args ) : wp_safe_remote_post( $url, $args );
		if ( is_wp_error( $response ) ) {
			return new Delivery_Result( false, 0, '', $response->get_error_message() );
		}
		$code = (int) wp_remote_retrieve_response_code( $response );
		$ok   = $code >= 200 && $code < 300;
		/* translators: %d: HTTP status code. */
		return new Delivery_Result( $ok, $code, (string) wp_remote_retrieve_body( $response ), $ok ? '' : sprintf( __( 'The receiver answered with HTTP %d.', 'handoff-bot' ), $code ) );
	}
}
