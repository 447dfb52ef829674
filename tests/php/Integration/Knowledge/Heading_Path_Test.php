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
}
