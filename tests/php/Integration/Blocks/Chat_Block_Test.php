<?php
/**
 * Tests for the chat block's server rendering.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Blocks;

use HandoffBot\Tests\Integration\Test_Case;

/**
 * The block is registered from its built metadata and prints escaped markup.
 */
final class Chat_Block_Test extends Test_Case {

	/**
	 * The block type is registered with apiVersion 3 and a view script module.
	 */
	public function test_block_is_registered(): void {
		$block = \WP_Block_Type_Registry::get_instance()->get_registered( 'handoff-bot/chat' );
		$this->assertNotNull( $block, 'Run `npm run build` first.' );
		$this->assertSame( 3, $block->api_version );
		$this->assertNotEmpty( $block->view_script_module_ids );
		$this->assertTrue( $block->is_dynamic() );
	}

	/**
	 * Attributes are escaped in the output.
	 */
	public function test_render_escapes_attributes(): void {
		$html = do_blocks( '<!-- wp:handoff-bot/chat {"title":"<script>alert(1)</script>","greeting":"Hi \u003cb\u003ethere\u003c/b\u003e"} /-->' );
		$this->assertStringContainsString( 'wp-block-handoff-bot-chat', $html );
		$this->assertStringNotContainsString( '<script>alert(1)</script>', $html );
		$this->assertStringContainsString( '&lt;script&gt;alert(1)&lt;/script&gt;', $html );
		$this->assertStringNotContainsString( '<b>there</b>', $html );
	}

	/**
	 * The chat's config, as the block prints it.
	 *
	 * @return array<string, mixed>
	 */
	private function config(): array {
		$html = do_blocks( '<!-- wp:handoff-bot/chat /-->' );
		$this->assertSame( 1, preg_match( '#<script type="application/json" class="handoff-bot-chat__config">(.*?)</script>#s', $html, $m ) );
		return (array) json_decode( $m[1], true );
	}

	/**
	 * The chat links to the contact page ("contact", else "contact-us") when the site has a
	 * published one, else to the home page; a filter chooses another.
	 */
	public function test_contact_url(): void {
		$this->assertSame( home_url( '/' ), $this->config()['contactUrl'] );
		$queries = get_num_queries();
		$this->config();
		$this->assertSame( $queries, get_num_queries(), 'the contact page is looked up once, not on every page view' );
		$draft = $this->create_post(
			array(
				'post_title'  => 'Contact',
				'post_name'   => 'contact',
				'post_status' => 'draft',
			)
		);
		$this->assertSame( home_url( '/' ), $this->config()['contactUrl'], 'not a draft' );
		wp_publish_post( $draft );
		$this->assertSame( get_permalink( $draft ), $this->config()['contactUrl'] );
		$this->create_post(
			array(
				'post_title' => 'Contact us',
				'post_name'  => 'contact-us',
			)
		);
		$this->assertSame( get_permalink( $draft ), $this->config()['contactUrl'], '"contact" first' );
		wp_trash_post( $draft );
		$this->assertSame( home_url( '/contact-us/' ), $this->config()['contactUrl'] );

		$other = static function (): string {
			return 'https://help.example.com/tickets/new?from=chat';
		};
		add_filter( 'handoff_bot_contact_url', $other );
		try {
			$this->assertSame( 'https://help.example.com/tickets/new?from=chat', $this->config()['contactUrl'] );
		} finally {
			remove_filter( 'handoff_bot_contact_url', $other );
		}
	}

	/**
	 * The floating display starts with a closed launcher.
	 */
	public function test_floating_display_renders_a_closed_launcher(): void {
		$html = do_blocks( '<!-- wp:handoff-bot/chat {"display":"floating"} /-->' );
		$this->assertStringContainsString( 'handoff-bot-chat__launcher', $html );
		$this->assertStringContainsString( 'aria-expanded="false"', $html );
		$this->assertMatchesRegularExpression( '/class="handoff-bot-chat__panel"[^>]*hidden/', $html );
	}
}
