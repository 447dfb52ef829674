<?php
/**
 * The pages a visitor went through during a conversation.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Conversations;

defined( 'ABSPATH' ) || exit;

/**
 * Ordered, same-site URLs only, with a title and a time; consecutive repeats are merged and the
 * list keeps the most recent MAX entries.
 *
 * @phpstan-type Trail_Entry array{url: string, title: string, at: string}
 */
final class Page_Trail {

	public const MAX = 50;

	/**
	 * Appends a page when it belongs to this site.
	 *
	 * @param array<int, Trail_Entry> $trail Current trail.
	 * @phpstan-param list<Trail_Entry> $trail
	 * @param string                  $url   Page URL from the client.
	 * @param string                  $title Page title from the client.
	 * @return list<Trail_Entry>
	 */
	public function add( array $trail, string $url, string $title ): array {
		$url = $this->same_site_url( $url );
		if ( null === $url ) {
			return $trail;
		}
		$title = mb_substr( trim( wp_strip_all_tags( $title ) ), 0, 200 );
		$last  = end( $trail );
		if ( is_array( $last ) && ( $last['url'] ?? '' ) === $url ) {
			return $trail;
		}
		$trail[] = array(
			'url'   => $url,
			'title' => $title,
			'at'    => gmdate( 'c' ),
		);
		return array_values( array_slice( $trail, -self::MAX ) );
	}

	/**
	 * The URL, normalised, when it points to this site; null otherwise.
	 *
	 * @param string $url URL.
	 */
	public function same_site_url( string $url ): ?string {
		$url = trim( $url );
		if ( '' === $url || strlen( $url ) > 2000 ) {
			return null;
		}
		$parts = wp_parse_url( $url );
		$home  = wp_parse_url( home_url( '/' ) );
		if ( ! is_array( $parts ) || ! is_array( $home ) || empty( $parts['host'] ) || ! in_array( $parts['scheme'] ?? '', array( 'http', 'https' ), true ) ) {
			return null;
		}
		if ( strtolower( $parts['host'] ) !== strtolower( (string) ( $home['host'] ?? '' ) ) || ( $parts['port'] ?? null ) !== ( $home['port'] ?? null ) ) {
			return null;
		}
		$clean = esc_url_raw( $parts['scheme'] . '://' . $parts['host'] . ( isset( $parts['port'] ) ? ':' . $parts['port'] : '' ) . ( $parts['path'] ?? '/' ) . ( isset( $parts['query'] ) ? '?' . $parts['query'] : '' ) );
		return '' === $clean ? null : $clean;
	}
}
