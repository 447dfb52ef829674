<?php
/**
 * The index holds what an anonymous visitor sees, whoever triggers indexing.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Knowledge;

use HandoffBot\Plugin;
use HandoffBot\Tests\Integration\Test_Case;
use WP_Post;

/**
 * A members-only discount code, printed by a dynamic block to logged-in users only, must never be
 * quoted to an anonymous visitor, even when an administrator saved the page or rebuilt the index.
 */
final class Visitor_View_Test extends Test_Case {

	/**
	 * The block that shows the code to logged-in users.
	 */
	private const BLOCK = 'handoff-bot-test/member-discount';

	/**
	 * The secret.
	 */
	private const CODE = 'ZEBRA4242';

	/**
	 * A page with the block.
	 */
	private const CONTENT = "<!-- wp:paragraph -->\n<p>Our shop runs a member discount on zebracorn saddles every spring.</p>\n<!-- /wp:paragraph -->\n<!-- wp:handoff-bot-test/member-discount /-->";

	/**
	 * Registers the members-only block, as a membership plugin would.
	 */
	protected function setUp(): void {
		parent::setUp();
		$_SERVER['REMOTE_ADDR'] = '203.0.113.' . wp_rand( 1, 254 );
		register_block_type(
			self::BLOCK,
			array(
				'render_callback' => static function (): string {
					if ( is_user_logged_in() ) {
						return '<p>The member discount code for zebracorn saddles is ' . self::CODE . ' at checkout.</p>';
					}
					return '<p>Log in to see the member discount code for zebracorn saddles.</p>';
				},
			)
		);
	}

	/**
	 * Unregisters the block and the filters the tests added.
	 */
	protected function tearDown(): void {
		unregister_block_type( self::BLOCK );
		remove_all_filters( 'handoff_bot_is_indexable' );
		remove_all_filters( 'handoff_bot_index_content' );
		$_SERVER['REMOTE_ADDR'] = '127.0.0.1';
		parent::tearDown();
	}

	/**
	 * The stored passages of a post, joined.
	 *
	 * @param int $post_id Post.
	 */
	private function indexed_text( int $post_id ): string {
		global $wpdb;
		return implode( "\n", $wpdb->get_col( $wpdb->prepare( 'SELECT content FROM %i WHERE post_id = %d ORDER BY position', $wpdb->prefix . 'handoff_bot_passages', $post_id ) ) );
	}

	/**
	 * Rebuilds the whole index as the current user, through the REST route the Knowledge screen uses.
	 */
	private function rebuild_through_rest(): void {
		$offset = 0;
		do {
			$response = $this->rest( 'POST', '/handoff-bot/v1/index/rebuild', array( 'offset' => $offset ) );
			$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
			$step   = $response->get_data();
			$offset = $step['next_offset'];
		} while ( ! $step['finished'] );
	}

	/**
	 * An anonymous visitor's reply to a question.
	 *
	 * @param string $question Question.
	 * @return array<string, mixed>
	 */
	private function ask_as_visitor( string $question ): array {
		wp_set_current_user( 0 );
		list( $id, $token ) = $this->start_conversation();
		$response           = $this->send( $id, $token, $question );
		$this->assertSame( 201, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		return $response->get_data()['reply'];
	}

	/**
	 * Saved and rebuilt by an administrator, the page is indexed as anonymous visitors see it, and
	 * a visitor who asks for the code does not get it.
	 */
	public function test_members_only_block_output_is_not_indexed_or_quoted(): void {
		$admin = $this->create_user( 'administrator' );
		wp_set_current_user( $admin );

		$id = $this->create_post(
			array(
				'post_title'   => 'Member discount',
				'post_content' => self::CONTENT,
			)
		);
		$this->assertSame( $admin, get_current_user_id(), 'the administrator is still the current user after the save' );
		$text = $this->indexed_text( $id );
		$this->assertStringContainsString( 'Log in to see the member discount code', $text );
		$this->assertStringNotContainsString( self::CODE, $text );

		$this->rebuild_through_rest();
		$this->assertSame( $admin, get_current_user_id(), 'the administrator is still the current user after the rebuild' );
		$text = $this->indexed_text( $id );
		$this->assertStringContainsString( 'Log in to see the member discount code', $text );
		$this->assertStringNotContainsString( self::CODE, $text );

		$reply = $this->ask_as_visitor( 'What is the member discount code for zebracorn saddles?' );
		$this->assertStringNotContainsString( self::CODE, (string) wp_json_encode( $reply ) );
	}

	/**
	 * Content that a membership plugin hides through `the_content` stays hidden in the index.
	 */
	public function test_the_content_filters_apply_as_for_a_visitor(): void {
		$hide = static function ( $content ) {
			if ( ! is_user_logged_in() && false !== strpos( (string) $content, 'members-only' ) ) {
				return '<p>This zebracorn guide is for members. Join to read it.</p>';
			}
			return $content;
		};
		add_filter( 'the_content', $hide, 5 );
		wp_set_current_user( $this->create_user( 'administrator' ) );
		try {
			$id = $this->create_post(
				array(
					'post_title'   => 'Members guide',
					'post_content' => "<!-- wp:paragraph {\"className\":\"members-only\"} -->\n<p class=\"members-only\">The secret zebracorn feeding trick is " . self::CODE . ".</p>\n<!-- /wp:paragraph -->",
				)
			);
			$this->assertSame( 'This zebracorn guide is for members. Join to read it.', $this->indexed_text( $id ) );

			Plugin::boot()->indexer()->rebuild_batch( 0, 100 );
			$this->assertSame( 'This zebracorn guide is for members. Join to read it.', $this->indexed_text( $id ) );
		} finally {
			remove_filter( 'the_content', $hide, 5 );
		}
	}

	/**
	 * The chat block and shortcodes stay out of the index when the content runs through `the_content`.
	 */
	public function test_chat_block_and_shortcodes_stay_out(): void {
		add_shortcode(
			'handoff_bot_test_price',
			static function (): string {
				return 'Shortcodeprice 99';
			}
		);
		try {
			$id = $this->create_post( array( 'post_content' => "<!-- wp:paragraph -->\n<p>Zebracorn saddles come in three sizes. [handoff_bot_test_price]</p>\n<!-- /wp:paragraph -->\n<!-- wp:handoff-bot/chat {\"title\":\"Chatbox title\"} /-->" ) );
		} finally {
			remove_shortcode( 'handoff_bot_test_price' );
		}
		$this->assertSame( 'Zebracorn saddles come in three sizes.', $this->indexed_text( $id ) );
	}

	/**
	 * `handoff_bot_is_indexable` keeps a post out; `handoff_bot_index_content` trims what is indexed.
	 */
	public function test_filters_exclude_and_trim_posts(): void {
		add_filter(
			'handoff_bot_is_indexable',
			static function ( bool $indexable, WP_Post $post ): bool {
				return $indexable && 'Restricted zebracorns' !== $post->post_title;
			},
			10,
			2
		);
		add_filter(
			'handoff_bot_index_content',
			static function ( string $html, WP_Post $post ): string {
				return 'Trimmed zebracorns' === $post->post_title ? (string) preg_replace( '#<p\b[^>]*>Members:.*?</p>#s', '', $html ) : $html;
			},
			10,
			2
		);

		$restricted = $this->create_post(
			array(
				'post_title'   => 'Restricted zebracorns',
				'post_content' => '<p>Zebracorn stable locations.</p>',
			)
		);
		$trimmed    = $this->create_post(
			array(
				'post_title'   => 'Trimmed zebracorns',
				'post_content' => "<!-- wp:paragraph -->\n<p>Zebracorns graze at dawn.</p>\n<!-- /wp:paragraph -->\n<!-- wp:paragraph -->\n<p>Members: the herd sleeps in barn 12.</p>\n<!-- /wp:paragraph -->",
			)
		);
		$this->assertSame( '', $this->indexed_text( $restricted ) );
		$this->assertSame( 'Zebracorns graze at dawn.', $this->indexed_text( $trimmed ) );

		Plugin::boot()->indexer()->rebuild_batch( 0, 100 );
		$this->assertSame( '', $this->indexed_text( $restricted ) );
		$this->assertSame( 'Zebracorns graze at dawn.', $this->indexed_text( $trimmed ) );
	}

	/**
	 * The person who triggered indexing is the current user again afterwards, even when rendering fails.
	 */
	public function test_current_user_is_restored_when_rendering_throws(): void {
		register_block_type(
			'handoff-bot-test/broken',
			array(
				'render_callback' => static function (): string {
					throw new \RuntimeException( 'render failed' );
				},
			)
		);
		$admin = $this->create_user( 'administrator' );
		try {
			add_filter( 'handoff_bot_index_on_save', '__return_false' );
			$id = $this->create_post( array( 'post_content' => '<!-- wp:handoff-bot-test/broken /-->' ) );
			remove_filter( 'handoff_bot_index_on_save', '__return_false' );
			wp_set_current_user( $admin );
			try {
				Plugin::boot()->indexer()->index_post( $id );
				$this->fail( 'the render error reaches the caller' );
			} catch ( \RuntimeException $e ) {
				$this->assertSame( 'render failed', $e->getMessage() );
			}
			$this->assertSame( $admin, get_current_user_id() );
		} finally {
			unregister_block_type( 'handoff-bot-test/broken' );
		}
	}
}
