<?php
/**
 * Splits a post into passages by heading and paragraph.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Knowledge;

use WP_Post;

defined( 'ABSPATH' ) || exit;

/**
 * A passage is the text under one heading, or a group of its paragraphs when the section is long,
 * with the path of headings above it and the anchor of its heading.
 */
final class Passage_Splitter {

	/**
	 * Passages aim for about this many words (a Chinese or Japanese character counts as one).
	 */
	private const TARGET_WORDS = 120;

	/**
	 * The most bytes a passage holds: a quote a visitor can read, far below the 65,535 bytes of
	 * the column (MySQL would cut a longer one short, maybe inside a character).
	 */
	private const MAX_BYTES = 4000;

	/**
	 * Scripts written without spaces between words.
	 */
	private const UNSPACED = '\p{Han}\p{Hiragana}\p{Katakana}';

	/**
	 * Splits a post.
	 *
	 * @param WP_Post $post Post.
	 * @return list<array{heading_path: list<string>, anchor: string, content: string}>
	 */
	public function split( WP_Post $post ): array {
		// The title as shown, but as plain text: its filters write quotes and ampersands as entities.
		$title = $this->text( get_the_title( $post ) );
		return $this->split_html( $this->render( $post ), '' === $title ? array() : array( $title ) );
	}

	/**
	 * Splits rendered HTML.
	 *
	 * @param string             $html Rendered content.
	 * @param array<int, string> $root Heading path above the content (the post title).
	 * @phpstan-param list<string> $root
	 * @return list<array{heading_path: list<string>, anchor: string, content: string}>
	 */
	public function split_html( string $html, array $root = array() ): array {
		$html = (string) preg_replace( '#<(script|style|noscript|template)\b[^>]*>.*?</\1>|<!--.*?-->#is', ' ', $html );
		preg_match_all( '#<h([1-6])\b([^>]*)>(.*?)</h\1>#is', $html, $headings, PREG_SET_ORDER | PREG_OFFSET_CAPTURE );

		$sections = array();
		$cursor   = 0;
		$stack    = array();
		$path     = $root;
		$anchor   = '';
		foreach ( $headings as $h ) {
			$sections[]      = array( $path, $anchor, substr( $html, $cursor, $h[0][1] - $cursor ) );
			$level           = (int) $h[1][0];
			$text            = $this->text( $h[3][0] );
			$stack           = array_filter(
				$stack,
				static function ( int $l ) use ( $level ): bool {
					return $l < $level;
				},
				ARRAY_FILTER_USE_KEY
			);
			$stack[ $level ] = $text;
			ksort( $stack );
			$path   = array_merge( $root, array_values( $stack ) );
			$anchor = preg_match( '/\bid\s*=\s*["\']([^"\']+)["\']/i', $h[2][0], $id ) ? $id[1] : Heading_Anchors::slug( $text );
			// An id longer than the index keeps would be cut there and lead nowhere: link to the page.
			$anchor = strlen( $anchor ) > Heading_Anchors::MAX_BYTES ? '' : $anchor;
			$cursor = $h[0][1] + strlen( $h[0][0] );
		}
		$sections[] = array( $path, $anchor, substr( $html, $cursor ) );

		$passages = array();
		foreach ( $sections as list( $section_path, $section_anchor, $section_html ) ) {
			foreach ( $this->chunks( $this->paragraphs( $section_html ) ) as $content ) {
				$passages[] = array(
					'heading_path' => $section_path,
					'anchor'       => $section_anchor,
					'content'      => $content,
				);
			}
		}
		return $passages;
	}

	/**
	 * Renders the content the way visitors see it: through `the_content`, so that membership
	 * plugins that filter it apply (the indexer runs this as an anonymous visitor), without our
	 * own chat block and without shortcodes (removed after the blocks render at priority 9 and
	 * before WordPress runs them at priority 11; enclosed text goes with them).
	 *
	 * @param WP_Post $post Post.
	 */
	private function render( WP_Post $post ): string {
		$skip_chat = static function ( $pre, array $block ) {
			return 'handoff-bot/chat' === ( $block['blockName'] ?? '' ) ? '' : $pre;
		};
		$strip     = static function ( $content ): string {
			return strip_shortcodes( (string) $content );
		};
		// Filters of `the_content` read the post being shown from the global.
		$previous        = $GLOBALS['post'] ?? null;
		$GLOBALS['post'] = $post; // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- restored below.
		add_filter( 'pre_render_block', $skip_chat, 10, 2 );
		add_filter( 'the_content', $strip, 10 );
		try {
			// phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedHooknameFound -- WordPress's own filter, applied as a theme does.
			$html = (string) apply_filters( 'the_content', $post->post_content );
		} finally {
			remove_filter( 'the_content', $strip, 10 );
			remove_filter( 'pre_render_block', $skip_chat, 10 );
			$GLOBALS['post'] = $previous; // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- the caller's post again.
		}
		/**
		 * The rendered HTML of a post that the knowledge index is built from. Membership and
		 * access-control plugins can remove what only some visitors may read: anything indexed
		 * may be quoted to any visitor. Called as an anonymous visitor (user 0), after
		 * `the_content`.
		 *
		 * @since 0.2.0
		 *
		 * @param string  $html The content as an anonymous visitor sees it.
		 * @param WP_Post $post The post.
		 */
		return (string) apply_filters( 'handoff_bot_index_content', $html, $post );
	}

	/**
	 * Paragraph texts of an HTML fragment.
	 *
	 * @param string $html HTML.
	 * @return string[]
	 */
	private function paragraphs( string $html ): array {
		$html  = (string) preg_replace( '#</(p|div|li|ul|ol|blockquote|pre|table|tr|figure|figcaption|section|article|dd|dt)>|<br\s*/?>#i', "\n\n", $html );
		$parts = preg_split( "/\n\s*\n/", $html );
		$out   = array();
		foreach ( (array) $parts as $part ) {
			$text = $this->text( (string) $part );
			if ( '' !== $text ) {
				$out[] = $text;
			}
		}
		return $out;
	}

	/**
	 * Groups paragraphs into passages of about TARGET_WORDS words and at most MAX_BYTES bytes;
	 * splits long paragraphs by sentence, and sentences still too long between words (or
	 * characters).
	 *
	 * @param string[] $paragraphs Paragraphs.
	 * @return string[]
	 */
	private function chunks( array $paragraphs ): array {
		$pieces = array();
		foreach ( $paragraphs as $paragraph ) {
			if ( self::fits( $paragraph ) ) {
				$pieces[] = $paragraph;
				continue;
			}
			foreach ( Sentences::split( $paragraph ) as $sentence ) {
				foreach ( self::fits( $sentence ) ? array( $sentence ) : self::cut( $sentence ) as $piece ) {
					$pieces[] = $piece;
				}
			}
		}
		$chunks  = array();
		$current = '';
		$words   = 0;
		foreach ( $pieces as $piece ) {
			$count = self::count_words( $piece );
			if ( '' !== $current && ( $words + $count > self::TARGET_WORDS || strlen( $current ) + 1 + strlen( $piece ) > self::MAX_BYTES ) ) {
				$chunks[] = $current;
				$current  = '';
				$words    = 0;
			}
			$current = '' === $current ? $piece : $current . "\n" . $piece;
			$words  += $count;
		}
		if ( '' !== $current ) {
			$chunks[] = $current;
		}
		return $chunks;
	}

	/**
	 * Whether a piece of text may stay whole: up to twice the target in words, and MAX_BYTES bytes.
	 *
	 * @param string $text Text.
	 */
	private static function fits( string $text ): bool {
		return strlen( $text ) <= self::MAX_BYTES && self::count_words( $text ) <= self::TARGET_WORDS * 2;
	}

	/**
	 * Words in a text, in any script: runs of letters and digits, with each Chinese or Japanese
	 * character counted as one (those scripts put no spaces between words).
	 *
	 * @param string $text Text.
	 */
	private static function count_words( string $text ): int {
		return (int) preg_match_all( '/[' . self::UNSPACED . ']|(?:(?![' . self::UNSPACED . '])[\p{L}\p{M}\p{N}])+/u', $text );
	}

	/**
	 * Cuts text that has no sentence end to stop at into pieces of TARGET_WORDS words and at most
	 * MAX_BYTES bytes: between words, or, in a run with no space that is longer than a passage,
	 * between characters (never inside one).
	 *
	 * @param string $text Text.
	 * @return string[]
	 */
	private static function cut( string $text ): array {
		preg_match_all( '/\s*(?:[' . self::UNSPACED . ']|[^\s' . self::UNSPACED . ']+)/u', $text, $tokens );
		$out     = array();
		$current = '';
		$words   = 0;
		foreach ( $tokens[0] as $token ) {
			$parts = array( $token );
			if ( strlen( $token ) > self::MAX_BYTES ) {
				// Runs of whole characters (a character takes at most four bytes).
				preg_match_all( '/.{1,' . intdiv( self::MAX_BYTES, 4 ) . '}/su', $token, $runs );
				$parts = $runs[0];
			}
			foreach ( $parts as $part ) {
				$count = self::count_words( $part );
				if ( '' !== trim( $current ) && ( $words + $count > self::TARGET_WORDS || strlen( $current . $part ) > self::MAX_BYTES ) ) {
					$out[]   = trim( $current );
					$current = '';
					$words   = 0;
				}
				$current .= $part;
				$words   += $count;
			}
		}
		if ( '' !== trim( $current ) ) {
			$out[] = trim( $current );
		}
		return $out;
	}

	/**
	 * Plain text of an HTML fragment, whitespace collapsed.
	 *
	 * @param string $html HTML.
	 */
	private function text( string $html ): string {
		$text = html_entity_decode( wp_strip_all_tags( $html ), ENT_QUOTES | ENT_HTML5, 'UTF-8' );
		return trim( (string) preg_replace( '/\s+/u', ' ', $text ) );
	}
}
