<?php
/**
 * Tests for incremental indexing.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Knowledge;

use HandoffBot\Plugin;
use HandoffBot\Settings;
use HandoffBot\Tests\Integration\Test_Case;

/**
 * Only published, public, password-free content of the chosen types is indexed, and changes show at once.
 */
final class Indexer_Test extends Test_Case {

	/**
	 * Content with two sections.
	 */
	private const CONTENT = "<!-- wp:paragraph -->\n<p>Welcome to the zebracorn guide.</p>\n<!-- /wp:paragraph -->\n<!-- wp:heading -->\n<h2 class=\"wp-block-heading\">Feeding zebracorns</h2>\n<!-- /wp:heading -->\n<!-- wp:paragraph -->\n<p>Zebracorns eat clover twice a day.</p>\n<!-- /wp:paragraph -->\n<!-- wp:heading {\"level\":3} -->\n<h3 class=\"wp-block-heading\">Treats &amp; snacks</h3>\n<!-- /wp:heading -->\n<!-- wp:paragraph -->\n<p>Carrots are a favourite treat.</p>\n<!-- /wp:paragraph -->";

	/**
	 * Passages of a post, in order.
	 *
	 * @param int $post_id Post.
	 * @return array<int, array<string, mixed>>
	 */
	private function passages( int $post_id ): array {
		global $wpdb;
		$rows = $wpdb->get_results( $wpdb->prepare( 'SELECT heading_path, anchor, content FROM %i WHERE post_id = %d ORDER BY position', $wpdb->prefix . 'handoff_bot_passages', $post_id ), ARRAY_A );
		return array_map(
			static function ( array $row ): array {
				$row['heading_path'] = json_decode( $row['heading_path'], true );
				return $row;
			},
			(array) $rows
		);
	}

	/**
	 * The document frequency stored for a word.
	 *
	 * @param string $term Stemmed term.
	 */
	private function df( string $term ): int {
		global $wpdb;
		return (int) $wpdb->get_var( $wpdb->prepare( 'SELECT df FROM %i WHERE term = %s', $wpdb->prefix . 'handoff_bot_terms', $term ) );
	}

	/**
	 * Publishing splits by heading and keeps heading paths and anchors.
	 */
	public function test_published_page_is_split_by_heading(): void {
		$id       = $this->create_post(
			array(
				'post_title'   => 'Zebracorn care',
				'post_content' => self::CONTENT,
			)
		);
		$passages = $this->passages( $id );
		$this->assertCount( 3, $passages );
		$this->assertSame( array( 'Zebracorn care' ), $passages[0]['heading_path'] );
		$this->assertSame( 'Welcome to the zebracorn guide.', $passages[0]['content'] );
		$this->assertSame( array( 'Zebracorn care', 'Feeding zebracorns' ), $passages[1]['heading_path'] );
		$this->assertSame( 'feeding-zebracorns', $passages[1]['anchor'] );
		$this->assertSame( array( 'Zebracorn care', 'Feeding zebracorns', 'Treats & snacks' ), $passages[2]['heading_path'] );
		$this->assertSame( 'treats-snacks', $passages[2]['anchor'] );
		$this->assertSame( 3, $this->df( 'zebracorn' ) );
	}

	/**
	 * Drafts, private and password-protected posts are not indexed, nor unchosen types or excluded posts.
	 */
	public function test_unpublished_private_protected_and_excluded_posts_are_left_out(): void {
		$draft     = $this->create_post(
			array(
				'post_status'  => 'draft',
				'post_content' => 'Zebracorn draft secret',
			)
		);
		$private   = $this->create_post(
			array(
				'post_status'  => 'private',
				'post_content' => 'Zebracorn private secret',
			)
		);
		$protected = $this->create_post(
			array(
				'post_password' => 'pw',
				'post_content'  => 'Zebracorn protected secret',
			)
		);
		$attach    = $this->create_post(
			array(
				'post_type'    => 'attachment',
				'post_status'  => 'inherit',
				'post_content' => 'Zebracorn attachment secret',
			)
		);
		$excluded  = $this->create_post( array( 'post_content' => 'Zebracorn excluded secret' ) );
		$this->assertNotEmpty( $this->passages( $excluded ) );

		( new Settings() )->update( array( 'excluded_posts' => array( $excluded ) ) );

		foreach ( array( $draft, $private, $protected, $attach, $excluded ) as $id ) {
			$this->assertSame( array(), $this->passages( $id ), "post {$id} is not indexed" );
		}
		$this->assertSame( 0, $this->df( 'secret' ) );
	}

	/**
	 * Unpublishing, trashing and deleting remove the passages; republishing brings them back.
	 */
	public function test_status_changes_update_the_index(): void {
		$id = $this->create_post( array( 'post_content' => '<p>Zebracorns love moonlight.</p>' ) );
		$this->assertCount( 1, $this->passages( $id ) );

		wp_update_post(
			array(
				'ID'          => $id,
				'post_status' => 'draft',
			)
		);
		$this->assertSame( array(), $this->passages( $id ) );
		$this->assertSame( 0, $this->df( 'moonlight' ) );

		wp_update_post(
			array(
				'ID'          => $id,
				'post_status' => 'publish',
			)
		);
		$this->assertCount( 1, $this->passages( $id ) );

		wp_update_post(
			array(
				'ID'            => $id,
				'post_password' => 'secret',
			)
		);
		$this->assertSame( array(), $this->passages( $id ) );
		wp_update_post(
			array(
				'ID'            => $id,
				'post_password' => '',
			)
		);
		$this->assertCount( 1, $this->passages( $id ) );

		wp_trash_post( $id );
		$this->assertSame( array(), $this->passages( $id ) );

		wp_untrash_post( $id );
		wp_publish_post( $id );
		$this->assertCount( 1, $this->passages( $id ) );

		wp_delete_post( $id, true );
		$this->assertSame( array(), $this->passages( $id ) );
		$this->assertSame( 0, $this->df( 'moonlight' ) );
	}

	/**
	 * Editing content replaces the old passages.
	 */
	public function test_editing_reindexes(): void {
		$id = $this->create_post( array( 'post_content' => '<p>Zebracorns love moonlight.</p>' ) );
		wp_update_post(
			array(
				'ID'           => $id,
				'post_content' => '<p>Zebracorns love sunshine.</p>',
			)
		);
		$passages = $this->passages( $id );
		$this->assertCount( 1, $passages );
		$this->assertSame( 'Zebracorns love sunshine.', $passages[0]['content'] );
		$this->assertSame( 0, $this->df( 'moonlight' ) );
		$this->assertSame( 1, $this->df( 'sunshin' ) );
	}

	/**
	 * The chat block itself and scripts are not indexed.
	 */
	public function test_chat_block_and_scripts_are_not_indexed(): void {
		// An administrator may save scripts (unfiltered_html); others have them stripped on save.
		wp_set_current_user( $this->create_user( 'administrator' ) );
		$id       = $this->create_post( array( 'post_content' => "<!-- wp:paragraph -->\n<p>Visible zebracorn text.</p>\n<!-- /wp:paragraph -->\n<!-- wp:handoff-bot/chat {\"title\":\"Chatbox title\"} /-->\n<!-- wp:html --><script>var hidden = 'zebracornscript';</script><!-- /wp:html -->" ) );
		$passages = $this->passages( $id );
		$this->assertCount( 1, $passages );
		$this->assertStringNotContainsString( 'Chatbox', $passages[0]['content'] );
		$this->assertSame( 0, $this->df( 'zebracornscript' ) );
	}

	/**
	 * A full rebuild in batches gives the same index as incremental updates.
	 */
	public function test_batched_rebuild_matches_incremental_index(): void {
		for ( $i = 0; $i < 7; $i++ ) {
			$this->create_post( array( 'post_content' => "<p>Zebracorn fact {$i}: they hum tune{$i}.</p>" ) );
		}
		$before  = $this->df( 'zebracorn' );
		$indexer = Plugin::boot()->indexer();
		$offset  = 0;
		$batches = 0;
		do {
			$result = $indexer->rebuild_batch( $offset, 3 );
			$offset = $result['next_offset'];
			++$batches;
		} while ( ! $result['finished'] );
		$this->assertGreaterThanOrEqual( 3, $batches );
		$this->assertSame( $result['total'], $result['done'] );
		$this->assertSame( $before, $this->df( 'zebracorn' ) );
		$this->assertSame( 7, $before );
	}

	/**
	 * Headings on the page get the anchors that citations link to.
	 */
	public function test_headings_get_the_cited_anchor(): void {
		$html = do_blocks( "<!-- wp:heading -->\n<h2 class=\"wp-block-heading\">Treats &amp; snacks</h2>\n<!-- /wp:heading -->" );
		$this->assertStringContainsString( 'id="treats-snacks"', $html );
		$kept = do_blocks( "<!-- wp:heading -->\n<h2 class=\"wp-block-heading\" id=\"custom\">Treats</h2>\n<!-- /wp:heading -->" );
		$this->assertStringContainsString( 'id="custom"', $kept );
		$this->assertStringNotContainsString( 'id="treats"', $kept );
	}
}
