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
 * Ordered, same-site URLs only (without their query string and fragment), with a title and a time;
 * consecutive repeats are merged and the list keeps the most recent MAX entries.
 *
 * @phpstan-type Trail_Entry array{url: string, title: string, at: string}
 */
final class Page_Trail {

	public const MAX = 50;

	/**
	 * The query parameters that tell pages apart with plain permalinks.
	 */
	private const PLAIN_PERMALINK_PARAMS = array( 'p', 'page_id', 'attachment_id', 'post_type', 'cat', 'tag', 'paged' );

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
	 * The URL, normalised, when it points to this site; null otherwise. The query string goes
	 * (it may carry an e-mail address, a reset key or tracking parameters), except the parameters
	 * a site allows, and so does the fragment.
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
		$query = isset( $parts['query'] ) ? $this->allowed_query( $parts['query'] ) : '';
		$clean = esc_url_raw( $parts['scheme'] . '://' . $parts['host'] . ( isset( $parts['port'] ) ? ':' . $parts['port'] : '' ) . ( $parts['path'] ?? '/' ) . ( '' === $query ? '' : '?' . $query ) );
		return '' === $clean ? null : $clean;
	}

	/**
	 * The parameters of a query string that the site allows, in their order and as sent.
	 *
	 * @param string $query Query string, without "?".
	 */
	private function allowed_query( string $query ): string {
		// Without pretty permalinks a page is only known by its query.
		$default = '' === (string) get_option( 'permalink_structure' ) ? self::PLAIN_PERMALINK_PARAMS : array();
		/**
		 * Query parameters kept in the page URLs of the page trail and of messages (say, a product
		 * or language parameter that tells pages apart). Every other parameter is dropped.
		 *
		 * @since 0.2.0
		 *
		 * @param string[] $params Parameter names. Default none, or with plain permalinks those
		 *                         that name a post, page, post type, category, tag or page number.
		 */
		$allowed = (array) apply_filters( 'handoff_bot_page_url_allowed_params', $default );
		if ( ! $allowed ) {
			return '';
		}
		$kept = array();
		foreach ( explode( '&', $query ) as $pair ) {
			$name = urldecode( explode( '=', $pair, 2 )[0] );
			if ( '' !== $name && in_array( $name, $allowed, true ) ) {
				$kept[] = $pair;
			}
		}
		return implode( '&', $kept );
	}
}
