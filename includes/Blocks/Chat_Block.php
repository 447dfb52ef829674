<?php
/**
 * Registers the handoff-bot/chat block from its built metadata.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Blocks;

use HandoffBot\Contracts\Registrable;

defined( 'ABSPATH' ) || exit;

/**
 * The block is dynamic: render.php prints it, and its view module loads only where the block is.
 */
final class Chat_Block implements Registrable {

	/**
	 * {@inheritDoc}
	 */
	public function register(): void {
		add_action( 'init', array( $this, 'register_block' ) );
	}

	/**
	 * Registers the block type and its script translations.
	 */
	public function register_block(): void {
		$dir = HANDOFF_BOT_DIR . 'build/chat';
		if ( ! file_exists( $dir . '/block.json' ) ) {
			return;
			// Not built yet: `npm run build`.
		}
		$block = register_block_type( $dir );
		if ( $block && ! empty( $block->editor_script_handles ) ) {
			foreach ( $block->editor_script_handles as $handle ) {
				wp_set_script_translations( $handle, 'handoff-bot', HANDOFF_BOT_DIR . 'languages' );
			}
		}
	}
}
