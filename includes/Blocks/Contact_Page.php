<?php
/**
 * Where a visitor can reach the site another way.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Blocks;

use HandoffBot\Contracts\Registrable;
use WP_Post;

defined( 'ABSPATH' ) || exit;

/**
 * The published page with the slug "contact" or "contact-us", else the home page. Its URL is kept
 * in an autoloaded option, so a page with the chat costs no query for it; saving, trashing or
 * deleting a page, or changing the permalinks, finds it again.
 */
final class Contact_Page implements Registrable {

	public const OPTION = 'handoff_bot_contact_url';

	/**
	 * {@inheritDoc}
	 */
	public function register(): void {
		add_action( 'transition_post_status', array( $this, 'on_page_change' ), 10, 3 );
		add_action( 'deleted_post', array( self::class, 'forget' ) );
		add_action( 'update_option_permalink_structure', array( self::class, 'forget' ) );
		add_action( 'update_option_home', array( self::class, 'forget' ) );
	}

	/**
	 * Forgets the URL when a page is published, unpublished or changed.
	 *
	 * @param string $new_status New status.
	 * @param string $old_status Old status.
	 * @param mixed  $post       Post.
	 */
	public function on_page_change( $new_status, $old_status, $post ): void {
		if ( $post instanceof WP_Post && 'page' === $post->post_type && ( 'publish' === $new_status || 'publish' === $old_status ) ) {
			self::forget();
		}
	}

	/**
	 * Forgets the remembered URL.
	 */
	public static function forget(): void {
		delete_option( self::OPTION );
	}

	/**
	 * The URL the chat links to when it cannot take a message yet.
	 */
	public static function url(): string {
		$url = get_option( self::OPTION );
		if ( ! is_string( $url ) || '' === $url ) {
			$pages = get_posts(
				array(
					'post_type'              => 'page',
					'post_status'            => 'publish',
					'post_name__in'          => array( 'contact', 'contact-us' ),
					'orderby'                => 'post_name__in',
					'numberposts'            => 1,
					'no_found_rows'          => true,
					'update_post_meta_cache' => false,
					'update_post_term_cache' => false,
				)
			);
			$url   = $pages ? (string) get_permalink( $pages[0] ) : home_url( '/' );
			update_option( self::OPTION, $url, true );
		}
		/**
		 * Where a visitor can reach the site another way; the chat links to it when it cannot take
		 * their message yet (over a rate limit).
		 *
		 * @since 0.2.0
		 *
		 * @param string $url Default: the published page with the slug "contact" or "contact-us",
		 *                    else the home page.
		 */
		return (string) apply_filters( 'handoff_bot_contact_url', $url );
	}
}
