<?php
/**
 * Composition root.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot;

use HandoffBot\Admin\Migration_Notice;
use HandoffBot\Blocks\Chat_Block;
use HandoffBot\Contracts\Registrable;
use HandoffBot\Database\Migrator;
use HandoffBot\Rest\Health_Controller;

defined( 'ABSPATH' ) || exit;

/**
 * Builds every service with `new` and registers it. No container.
 */
final class Plugin {

	/**
	 * The booted instance.
	 *
	 * @var Plugin|null
	 */
	private static ?Plugin $instance = null;

	/**
	 * Services that hook into WordPress.
	 *
	 * @var Registrable[]
	 */
	private array $services;

	/**
	 * The schema migrator.
	 *
	 * @var Migrator
	 */
	private Migrator $migrator;

	/**
	 * Wires the services together.
	 */
	private function __construct() {
		$this->migrator = new Migrator();
		$this->services = array(
			new Migration_Notice(),
			new Health_Controller( $this->migrator ),
			new Chat_Block(),
		);
	}

	/**
	 * Boots the plugin once.
	 */
	public static function boot(): self {
		if ( null === self::$instance ) {
			self::$instance = new self();
			self::$instance->register();
		}
		return self::$instance;
	}

	/**
	 * Activation: create or upgrade the tables and grant capabilities.
	 */
	public static function activate(): void {
		( new Migrator() )->migrate();
	}

	/**
	 * The schema migrator.
	 */
	public function migrator(): Migrator {
		return $this->migrator;
	}

	/**
	 * Hooks every service.
	 */
	private function register(): void {
		// Upgrades arrive without an activation hook; one autoloaded option read when nothing changed.
		add_action( 'plugins_loaded', array( $this->migrator, 'maybe_migrate' ), 5 );
		add_action( 'init', array( $this, 'load_textdomain' ) );
		foreach ( $this->services as $service ) {
			$service->register();
		}
	}

	/**
	 * Loads translations shipped with the plugin (WordPress.org language packs load on their own).
	 */
	public function load_textdomain(): void {
		load_plugin_textdomain( 'handoff-bot', false, dirname( plugin_basename( HANDOFF_BOT_FILE ) ) . '/languages' );
	}
}
