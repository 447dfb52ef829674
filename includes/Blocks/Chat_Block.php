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
 *
 * Its classic scripts and styles are registered when WordPress sets up its script and style
 * lists, not when the block is: registering a script file with the block would set up all of
 * WordPress's scripts on every request, REST and cron included (about 3 ms), for a script that
 * only the editor loads.
 */
final class Chat_Block implements Registrable {

	/**
	 * Block name.
	 */
	public const NAME = 'handoff-bot/chat';

	/**
	 * Handles, named as WordPress would name them from block.json.
	 */
	public const EDITOR_SCRIPT = 'handoff-bot-chat-editor-script';
	public const EDITOR_STYLE  = 'handoff-bot-chat-editor-style';
	public const STYLE         = 'handoff-bot-chat-style';

	/**
	 * {@inheritDoc}
	 */
	public function register(): void {
		add_action( 'init', array( $this, 'register_block' ) );
		add_action( 'wp_default_scripts', array( $this, 'register_scripts' ) );
		add_action( 'wp_default_styles', array( $this, 'register_styles' ) );
	}

	/**
	 * The built block's folder.
	 */
	private static function dir(): string {
		return HANDOFF_BOT_DIR . 'build/chat';
	}

	/**
	 * Registers the block type, its assets named by handle.
	 */
	public function register_block(): void {
		if ( ! file_exists( self::dir() . '/block.json' ) ) {
			return;
			// Not built yet: `npm run build`.
		}
		add_filter( 'block_type_metadata', array( $this, 'assets_by_handle' ) );
		register_block_type( self::dir() );
		remove_filter( 'block_type_metadata', array( $this, 'assets_by_handle' ) );
		// Something set up WordPress's scripts or styles before this plugin was loaded: register
		// ours on the lists already made.
		if ( did_action( 'wp_default_scripts' ) && ! wp_script_is( self::EDITOR_SCRIPT, 'registered' ) ) {
			$this->register_scripts( wp_scripts() );
		}
		if ( did_action( 'wp_default_styles' ) && ! wp_style_is( self::STYLE, 'registered' ) ) {
			$this->register_styles( wp_styles() );
		}
	}

	/**
	 * The block's metadata with its classic script and styles named by handle (registered by
	 * register_scripts() and register_styles()) instead of by file.
	 *
	 * @param array<string, mixed> $metadata Metadata read from block.json.
	 * @return array<string, mixed>
	 */
	public function assets_by_handle( $metadata ): array {
		$metadata = (array) $metadata;
		if ( self::NAME !== ( $metadata['name'] ?? '' ) ) {
			return $metadata;
		}
		$metadata['editorScript'] = self::EDITOR_SCRIPT;
		$metadata['editorStyle']  = self::EDITOR_STYLE;
		$metadata['style']        = self::STYLE;
		return $metadata;
	}

	/**
	 * Registers the editor script, with its translations, as WordPress sets up its scripts.
	 *
	 * @param \WP_Scripts $scripts The scripts being set up (not yet the global list).
	 */
	public function register_scripts( $scripts ): void {
		$asset = self::dir() . '/index.asset.php';
		if ( ! $scripts instanceof \WP_Scripts || ! file_exists( $asset ) ) {
			return;
		}
		$info = require $asset;
		$deps = is_array( $info ) && is_array( $info['dependencies'] ?? null ) ? $info['dependencies'] : array();
		$ver  = is_array( $info ) && is_string( $info['version'] ?? null ) ? $info['version'] : HANDOFF_BOT_VERSION;
		$scripts->add( self::EDITOR_SCRIPT, plugins_url( 'build/chat/index.js', HANDOFF_BOT_FILE ), $deps, $ver );
		$scripts->set_translations( self::EDITOR_SCRIPT, 'handoff-bot', HANDOFF_BOT_DIR . 'languages' );
	}

	/**
	 * Registers the block's styles as WordPress sets up its styles: each can be inlined (its
	 * path is known) and has its right-to-left version.
	 *
	 * @param \WP_Styles $styles The styles being set up (not yet the global list).
	 */
	public function register_styles( $styles ): void {
		if ( ! $styles instanceof \WP_Styles ) {
			return;
		}
		foreach ( array(
			self::STYLE        => 'style-index',
			self::EDITOR_STYLE => 'index',
		) as $handle => $name ) {
			$file = self::dir() . '/' . $name . '.css';
			if ( ! file_exists( $file ) ) {
				continue;
			}
			$styles->add( $handle, plugins_url( 'build/chat/' . $name . '.css', HANDOFF_BOT_FILE ), array(), (string) filemtime( $file ) );
			$rtl = self::dir() . '/' . $name . '-rtl.css';
			if ( file_exists( $rtl ) ) {
				$styles->add_data( $handle, 'rtl', 'replace' );
				$styles->add_data( $handle, 'suffix', '' );
			}
			$styles->add_data( $handle, 'path', is_rtl() && file_exists( $rtl ) ? $rtl : $file );
		}
	}
}
