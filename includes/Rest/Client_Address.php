<?php
/**
 * The address a visitor's request comes from, as the rate limits count it.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Rest;

defined( 'ABSPATH' ) || exit;

/**
 * REMOTE_ADDR, unless the site names a reverse proxy it trusts (a CDN, a load balancer) and the
 * request comes from it: then the header that proxy sets. A forwarded header is never believed
 * otherwise, so a client cannot choose its own address.
 *
 * Limits count IPv4 addresses one by one and IPv6 addresses by their /64 (what one household or
 * machine usually gets, and can change addresses within); IPv4-mapped IPv6 addresses count as
 * their IPv4 address.
 */
final class Client_Address {

	/**
	 * The client's IP address, normalised, or "unknown".
	 */
	public static function ip(): string {
		$remote = self::normalise( isset( $_SERVER['REMOTE_ADDR'] ) ? sanitize_text_field( wp_unslash( $_SERVER['REMOTE_ADDR'] ) ) : '' );
		if ( null === $remote ) {
			return 'unknown';
		}
		/**
		 * The `$_SERVER` key of the header in which the site's reverse proxy passes the client's
		 * address, e.g. `HTTP_CF_CONNECTING_IP` (Cloudflare), `HTTP_X_REAL_IP` or
		 * `HTTP_X_FORWARDED_FOR` (a list: the right-most address that is not a trusted proxy is the
		 * client's), or `HTTP_FORWARDED` (RFC 7239). It is believed only on requests from an address
		 * that `handoff_bot_trusted_proxies` lists. Add this filter in a plugin or must-use plugin:
		 * early message polls are answered before the theme loads.
		 *
		 * @since 0.2.0
		 *
		 * @param string $header Default '' (REMOTE_ADDR only).
		 */
		$header = (string) apply_filters( 'handoff_bot_client_ip_header', '' );
		if ( '' === $header ) {
			return $remote;
		}
		/**
		 * The addresses of the reverse proxies the site trusts to pass the client's address in the
		 * header `handoff_bot_client_ip_header` names: IP addresses or CIDR ranges, e.g.
		 * `array( '10.0.0.0/8', '2001:db8::/32' )`.
		 *
		 * @since 0.2.0
		 *
		 * @param string[] $proxies Default none.
		 */
		$proxies = array_map( 'strval', (array) apply_filters( 'handoff_bot_trusted_proxies', array() ) );
		if ( ! self::in_ranges( $remote, $proxies ) || ! isset( $_SERVER[ $header ] ) ) {
			return $remote;
		}
		$forwarded = self::forwarded_client( sanitize_text_field( wp_unslash( (string) $_SERVER[ $header ] ) ), 'HTTP_FORWARDED' === $header, $proxies ); // phpcs:ignore WordPress.Security.ValidatedSanitizedInput.InputNotValidated -- checked on the line above.
		return $forwarded ?? $remote;
	}

	/**
	 * The key an address is counted under: the address, or for IPv6 its /64.
	 *
	 * @param string $ip A normalised address, or "unknown".
	 */
	public static function rate_key( string $ip ): string {
		if ( false === strpos( $ip, ':' ) ) {
			return $ip;
		}
		$packed = inet_pton( $ip );
		if ( false === $packed || 16 !== strlen( $packed ) ) {
			return $ip;
		}
		// A NAT64 address (64:ff9b::/96) carries an IPv4 client in its last 32 bits: count that
		// client, not the gateway's /64.
		if ( "\x00\x64\xff\x9b" . str_repeat( "\0", 8 ) === substr( $packed, 0, 12 ) ) {
			return (string) inet_ntop( substr( $packed, 12 ) );
		}
		return inet_ntop( substr( $packed, 0, 8 ) . str_repeat( "\0", 8 ) ) . '/64';
	}

	/**
	 * Whether an address is one of the addresses or ranges.
	 *
	 * @param string   $ip     A normalised address.
	 * @param string[] $ranges Addresses and CIDR ranges.
	 */
	public static function in_ranges( string $ip, array $ranges ): bool {
		$packed = inet_pton( $ip );
		if ( false === $packed ) {
			return false;
		}
		foreach ( $ranges as $range ) {
			$parts = explode( '/', trim( $range ), 2 );
			$base  = self::normalise( $parts[0] );
			$net   = null === $base ? false : inet_pton( $base );
			if ( false === $net || strlen( $net ) !== strlen( $packed ) ) {
				continue;
			}
			$bits = isset( $parts[1] ) && ctype_digit( $parts[1] ) ? (int) $parts[1] : 8 * strlen( $net );
			if ( $bits > 8 * strlen( $net ) ) {
				continue;
			}
			$bytes = intdiv( $bits, 8 );
			if ( substr( $packed, 0, $bytes ) !== substr( $net, 0, $bytes ) ) {
				continue;
			}
			$rest = $bits % 8;
			if ( 0 === $rest || ( ( ord( $packed[ $bytes ] ) ^ ord( $net[ $bytes ] ) ) & ( 0xFF << ( 8 - $rest ) & 0xFF ) ) === 0 ) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The client in a forwarded header: the right-most address that is not a trusted proxy (a
	 * client can write anything to the left of what its proxies add). Null when the header holds
	 * no usable address there.
	 *
	 * @param string   $value   The header.
	 * @param bool     $rfc7239 Whether it is a `Forwarded` header (`for=` parameters).
	 * @param string[] $proxies Trusted proxies.
	 */
	private static function forwarded_client( string $value, bool $rfc7239, array $proxies ): ?string {
		$entries = explode( ',', $value );
		$client  = null;
		for ( $i = count( $entries ) - 1; $i >= 0; $i-- ) {
			$entry = trim( $entries[ $i ] );
			if ( $rfc7239 ) {
				$entry = preg_match( '/(?:^|;)\s*for\s*=\s*("[^"]*"|[^;]*)/i', $entry, $m ) ? trim( $m[1], ' "' ) : '';
			}
			$ip = self::normalise( self::strip_port( $entry ) );
			if ( null === $ip ) {
				return $client;
			}
			$client = $ip;
			if ( ! self::in_ranges( $ip, $proxies ) ) {
				return $ip;
			}
		}
		return $client;
	}

	/**
	 * An address without the port or brackets a proxy may add ("192.0.2.1:4711", "[2001:db8::1]:443").
	 *
	 * @param string $entry A header entry.
	 */
	private static function strip_port( string $entry ): string {
		if ( preg_match( '/^\[([^\]]+)\](?::\d+)?$/', $entry, $m ) ) {
			return $m[1];
		}
		if ( preg_match( '/^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/', $entry, $m ) ) {
			return $m[1];
		}
		return $entry;
	}

	/**
	 * An address in canonical form (IPv4-mapped IPv6 as IPv4), or null when it is none.
	 *
	 * @param string $ip Address.
	 */
	private static function normalise( string $ip ): ?string {
		if ( false === filter_var( $ip, FILTER_VALIDATE_IP ) ) {
			return null;
		}
		$packed = (string) inet_pton( $ip );
		if ( 16 === strlen( $packed ) && 0 === strpos( $packed, str_repeat( "\0", 10 ) . "\xFF\xFF" ) ) {
			return (string) inet_ntop( substr( $packed, 12 ) );
		}
		return (string) inet_ntop( $packed );
	}
}
