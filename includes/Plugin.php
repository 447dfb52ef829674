<?php
/**
 * Composition root.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot;

use HandoffBot\Admin\Knowledge_Page;
use HandoffBot\Admin\Migration_Notice;
use HandoffBot\Admin\Rules_Page;
use HandoffBot\Blocks\Chat_Block;
use HandoffBot\Blocks\Contact_Page;
use HandoffBot\Cli\Index_Command;
use HandoffBot\Contracts\Answerer;
use HandoffBot\Contracts\Registrable;
use HandoffBot\Conversations\Conversation_Service;
use HandoffBot\Conversations\Page_Trail;
use HandoffBot\Database\Migrator;
use HandoffBot\Jobs\Reindex_Job;
use HandoffBot\Knowledge\Extractive_Answerer;
use HandoffBot\Knowledge\Heading_Anchors;
use HandoffBot\Knowledge\Indexer;
use HandoffBot\Knowledge\Passage_Splitter;
use HandoffBot\Knowledge\Retriever;
use HandoffBot\Knowledge\Small_Talk;
use HandoffBot\Knowledge\Tokenizer;
use HandoffBot\Repositories\Conversation_Repository;
use HandoffBot\Repositories\Event_Repository;
use HandoffBot\Repositories\Index_Repository;
use HandoffBot\Repositories\Message_Repository;
use HandoffBot\Repositories\Rate_Limit_Repository;
use HandoffBot\Repositories\Storage_Exception;
use HandoffBot\Rest\Conversations_Controller;
use HandoffBot\Rest\Health_Controller;
use HandoffBot\Rest\Index_Controller;
use HandoffBot\Rest\Rate_Limiter;
use HandoffBot\Rest\Settings_Controller;
use HandoffBot\Signals\Language_Signal;

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
	 * The knowledge indexer.
	 *
	 * @var Indexer
	 */
	private Indexer $indexer;

	/**
	 * The conversation flow.
	 *
	 * @var Conversation_Service
	 */
	private Conversation_Service $conversations;

	/**
	 * Wires the services together.
	 */
	private function __construct() {
		$this->migrator      = new Migrator();
		$settings            = new Settings();
		$tokenizer           = new Tokenizer();
		$index               = new Index_Repository();
		$conversations       = new Conversation_Repository();
		$messages            = new Message_Repository();
		$this->indexer       = new Indexer( $settings, new Passage_Splitter(), $tokenizer, $index );
		$this->conversations = new Conversation_Service(
			$conversations,
			$messages,
			new Event_Repository(),
			new Page_Trail(),
			new Language_Signal(),
			static function () use ( $tokenizer, $index, $settings ): Answerer {
				$default = new Extractive_Answerer( new Retriever( $tokenizer, $index ), new Small_Talk(), $tokenizer, $settings );
				/**
				 * The answerer that replies to visitors. Return another Answerer (an AI-backed
				 * one, say) to replace the default extractive answerer.
				 *
				 * @since 0.1.0
				 *
				 * @param Answerer $default The default answerer.
				 */
				$answerer = apply_filters( 'handoff_bot_answerer', $default );
				return $answerer instanceof Answerer ? $answerer : $default;
			}
		);
		$this->services      = array(
			new Migration_Notice(),
			new Health_Controller( $this->migrator ),
			new Conversations_Controller( $this->conversations, $conversations, $messages, $settings, new Rate_Limiter( new Rate_Limit_Repository() ) ),
			new Settings_Controller( $settings ),
			new Index_Controller( $this->indexer, $index, $settings ),
			new Chat_Block(),
			new Contact_Page(),
			new Heading_Anchors(),
			$this->indexer,
			new Reindex_Job( $this->indexer ),
			new Knowledge_Page(),
			new Rules_Page(),
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
	 * Activation: create or upgrade the tables, grant capabilities, and index a small site.
	 *
	 * Nothing here may end activation in a fatal error. When the migration fails, the admin
	 * notice says why and nothing is indexed into tables that are not current; when the index
	 * cannot be written, the Knowledge screen says so and offers a rebuild.
	 */
	public static function activate(): void {
		if ( ! ( new Migrator() )->migrate() ) {
			return;
		}
		// Index existing content right away on small sites; larger ones rebuild from the Knowledge screen or WP-CLI.
		$indexer = self::boot()->indexer;
		if ( $indexer->count_indexable() > 200 ) {
			return;
		}
		try {
			$offset = 0;
			do {
				$result = $indexer->rebuild_batch( $offset, 100 );
				$offset = $result['next_offset'];
			} while ( ! $result['finished'] );
		} catch ( Storage_Exception $e ) {
			$indexer->record_error( $e );
		}
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
		foreach ( $this->services as $service ) {
			$service->register();
		}
		if ( defined( 'WP_CLI' ) && WP_CLI && class_exists( '\WP_CLI' ) ) {
			\WP_CLI::add_command( 'handoff-bot index', new Index_Command( $this->indexer ) );
		}
	}

	/**
	 * The knowledge indexer.
	 */
	public function indexer(): Indexer {
		return $this->indexer;
	}

	/**
	 * The conversation flow.
	 */
	public function conversations(): Conversation_Service {
		return $this->conversations;
	}
}
