<?php
/**
 * Gives headings an id, so a citation can link to the passage under it.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Knowledge;

use HandoffBot\Contracts\Registrable;
use WP_HTML_Tag_Processor;

defined( 'ABSPATH' ) || exit;

/**
 * Adds `id="<slug of the heading text>"` to heading blocks that have none, the same anchor the
 * passage splitter records. Headings that already have an id keep it.
 */
final class Heading_Anchors implements Registrable {

	/**
	 * The longest anchor, in bytes (the passages table's anchor column).
	 */
	public const MAX_BYTES = 190;

	/**
	 * {@inheritDoc}
	 */
	public function register(): void {
		add_filter( 'render_block_core/heading', array( $this, 'add_id' ) );
	}

	/**
	 * Adds the id.
	 *
	 * @param string $html Rendered heading block.
	 */
	public function add_id( $html ): string {
		$html = (string) $html;
		if ( ! preg_match( '#<h[1-6]\b[^>]*>(.*?)</h[1-6]>#is', $html, $m ) ) {
			return $html;
		}
		$processor = new WP_HTML_Tag_Processor( $html );
		if ( ! $processor->next_tag() || null !== $processor->get_attribute( 'id' ) ) {
			return $html;
		}
		$slug = self::slug( html_entity_decode( wp_strip_all_tags( $m[1] ), ENT_QUOTES | ENT_HTML5, 'UTF-8' ) );
		if ( '' === $slug ) {
			return $html;
		}
		$processor->set_attribute( 'id', $slug );
		return $processor->get_updated_html();
	}

	/**
	 * The anchor of a heading: its title as a slug, at most MAX_BYTES long. A heading in a
	 * non-Latin script becomes a long run of %XX escapes; cutting it (at a whole escape) keeps the
	 * page's id and the index's anchor the same, and within what the index stores.
	 *
	 * @param string $text Heading text.
	 */
	public static function slug( string $text ): string {
		$slug = sanitize_title( trim( $text ) );
		if ( strlen( $slug ) > self::MAX_BYTES ) {
			$slug = rtrim( (string) preg_replace( '/%[0-9a-f]?$/i', '', substr( $slug, 0, self::MAX_BYTES ) ), '-' );
		}
		return $slug;
	}
}
