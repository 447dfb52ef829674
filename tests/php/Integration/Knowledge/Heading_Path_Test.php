<?php
/**
 * Heading paths are stored as plain text.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Knowledge;

use HandoffBot\Knowledge\Retriever;
use HandoffBot\Knowledge\Tokenizer;
use HandoffBot\Repositories\Index_Repository;
use HandoffBot\Tests\Integration\Test_Case;

/**
 * Titles and headings reach the index through WordPress's filters, which write quotes and
 * ampersands as HTML entities (`Don&#8217;t`); the index keeps the text a reader sees.
 */
final class Heading_Path_Test extends Test_Case {

	/**
	 * The title is the root of every passage's heading path, decoded, and so are the headings.
	 */
	public function test_title_and_headings_are_stored_without_entities(): void {
		global $wpdb;
		$id = $this->create_post(
			array(
				'post_title'   => 'Don\'t panic: "zebracorn" tips & tricks',
				'post_content' => "<!-- wp:heading -->\n<h2 class=\"wp-block-heading\">Can't find your zebracorn's saddle?</h2>\n<!-- /wp:heading -->\n<!-- wp:paragraph -->\n<p>Check the stable loft first.</p>\n<!-- /wp:paragraph -->",
			)
		);

		$raw = (string) $wpdb->get_var( $wpdb->prepare( 'SELECT heading_path FROM %i WHERE post_id = %d ORDER BY position DESC LIMIT 1', $wpdb->prefix . 'handoff_bot_passages', $id ) );
		$this->assertStringNotContainsString( '&#', $raw );
		$this->assertStringNotContainsString( '&amp;', $raw );

		$hits = ( new Retriever( new Tokenizer(), new Index_Repository() ) )->search( 'zebracorn saddle stable loft' )['hits'];
		$this->assertNotEmpty( $hits );
		$this->assertSame( $id, $hits[0]['post_id'] );
		$this->assertSame(
			array( 'Don’t panic: “zebracorn” tips & tricks', 'Can’t find your zebracorn’s saddle?' ),
			$hits[0]['heading_path']
		);
	}

	/**
	 * A long heading in a non-Latin script gets the same anchor on the page and in the index,
	 * short enough for the index to keep whole, so a citation's link lands on its section.
	 */
	public function test_a_long_non_latin_heading_links_to_its_section(): void {
		global $wpdb;
		$heading = 'Как вернуть товар, купленный со скидкой во время распродажи';
		$id      = $this->create_post(
			array(
				'post_title'   => 'Возврат',
				'post_content' => "<!-- wp:heading -->\n<h2 class=\"wp-block-heading\">{$heading}</h2>\n<!-- /wp:heading -->\n<!-- wp:paragraph -->\n<p>Товары со скидкой можно вернуть в течение 14 дней.</p>\n<!-- /wp:paragraph -->",
			)
		);
		$stored  = (string) $wpdb->get_var( $wpdb->prepare( 'SELECT anchor FROM %i WHERE post_id = %d AND anchor <> %s', $wpdb->prefix . 'handoff_bot_passages', $id, '' ) );
		$this->assertNotSame( '', $stored );
		$this->assertLessThanOrEqual( 190, strlen( $stored ) );
		$this->assertDoesNotMatchRegularExpression( '/%[0-9a-f]?$/i', $stored, 'no escape cut in half' );
		$page = do_blocks( (string) get_post_field( 'post_content', $id ) );
		$this->assertStringContainsString( 'id="' . $stored . '"', $page, 'the page has the same anchor' );
	}
}
