<?php
/**
 * How one attempt at a delivery went.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Notifications;

defined( 'ABSPATH' ) || exit;

/**
 * Whether the receiver took the message, with its HTTP status and the start of its answer (for
 * the delivery log), or what went wrong.
 */
final class Delivery_Result {

	/**
	 * The longest excerpt of a response body kept, in characters.
	 */
	public const EXCERPT = 500;

	/**
	 * Whether the receiver took it.
	 *
	 * @var bool
	 */
	public bool $ok;

	/**
	 * HTTP status, or 0.
	 *
	 * @var int
	 */
	public int $code;

	/**
	 * The start of the response body.
	 *
	 * @var string
	 */
	public string $excerpt;

	/**
	 * What went wrong, or ''.
	 *
	 * @var string
	 */
	public string $error;

	/**
	 * Builds the result.
	 *
	 * @param bool   $ok      Whether the receiver took it.
	 * @param int    $code    HTTP status, or 0.
	 * @param string $body    The response body.
	 * @param string $error   What went wrong, or ''.
	 */
	public function __construct( bool $ok, int $code, string $body, string $error ) {
		$this->ok      = $ok;
		$this->code    = $code;
		$this->excerpt = mb_substr( wp_check_invalid_utf8( $body, true ), 0, self::EXCERPT );
		$this->error   = $error;
	}
}
