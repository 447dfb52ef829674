<?php
/**
 * The per-conversation visitor token.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Conversations;

defined( 'ABSPATH' ) || exit;

/**
 * 32 random bytes, base64url-encoded (43 characters). Only its SHA-256 hash is stored, and checks
 * compare in constant time.
 */
final class Visitor_Token {

	/**
	 * A new token.
	 */
	public static function generate(): string {
		return rtrim( strtr( base64_encode( random_bytes( 32 ) ), '+/', '-_' ), '=' ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode -- encodes random bytes.
	}

	/**
	 * The hash stored for a token.
	 *
	 * @param string $token Token.
	 */
	public static function hash( string $token ): string {
		return hash( 'sha256', $token );
	}

	/**
	 * Whether a token matches a stored hash. The token is hashed and compared even without a
	 * stored hash (an unknown conversation), so that case takes as long as a wrong token.
	 *
	 * @param string $token Token from the request.
	 * @param string $hash  Stored hash, or '' when there is none.
	 */
	public static function verify( string $token, string $hash ): bool {
		$matches = hash_equals( '' === $hash ? str_repeat( '0', 64 ) : $hash, self::hash( $token ) );
		return $matches && '' !== $token && '' !== $hash;
	}
}
