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
use HandoffBot\Conversations\Handoff_Requests;
use HandoffBot\Conversations\Offer_Choices;
use HandoffBot\Conversations\Page_Trail;
use HandoffBot\Database\Migrator;
use HandoffBot\Escalation\Engine;
use HandoffBot\Handoff\Availability_Store;
use HandoffBot\Handoff\Availability_Validator;
use HandoffBot\Handoff\Context_Builder;
use HandoffBot\Handoff\Inbox_Service;
use HandoffBot\Handoff\Visitor_Handoff;
use HandoffBot\Handoff\Presence;
use HandoffBot\Handoff\Routing;
use HandoffBot\Handoff\Saved_Replies;
use HandoffBot\Escalation\Escalation_Service;
use HandoffBot\Escalation\Escalator;
use HandoffBot\Escalation\Policy_Store;
use HandoffBot\Escalation\Policy_Tester;
use HandoffBot\Escalation\Policy_Validator;
use HandoffBot\Escalation\Rule_Registry;
use HandoffBot\Escalation\Simulations;
use HandoffBot\Jobs\Reindex_Job;
use HandoffBot\Knowledge\Extractive_Answerer;
use HandoffBot\Knowledge\Heading_Anchors;
use HandoffBot\Knowledge\Indexer;
use HandoffBot\Knowledge\Passage_Splitter;
use HandoffBot\Knowledge\Retriever;
use HandoffBot\Knowledge\Small_Talk;
use HandoffBot\Knowledge\Tokenizer;
use HandoffBot\Repositories\Config_Version_Repository;
use HandoffBot\Repositories\Conversation_Repository;
use HandoffBot\Repositories\Event_Repository;
use HandoffBot\Repositories\Handoff_Repository;
use HandoffBot\Repositories\Index_Repository;
use HandoffBot\Repositories\Message_Repository;
use HandoffBot\Repositories\Rate_Limit_Repository;
use HandoffBot\Repositories\Storage_Exception;
use HandoffBot\Rest\Choices_Controller;
use HandoffBot\Rest\Controller;
use HandoffBot\Rest\Conversations_Controller;
use HandoffBot\Rest\Fast_Poll;
use HandoffBot\Rest\Visitor_Guard;
use HandoffBot\Rest\Health_Controller;
use HandoffBot\Rest\Index_Controller;
use HandoffBot\Rest\Rate_Limiter;
use HandoffBot\Rest\Rules_Controller;
use HandoffBot\Rest\Rules_Simulations_Controller;
use HandoffBot\Rest\Rules_Test_Controller;
use HandoffBot\Rest\Rules_Versions_Controller;
use HandoffBot\Rest\Settings_Controller;
use HandoffBot\Rest\Availability_Controller;
use HandoffBot\Rest\Presence_Controller;
use HandoffBot\Rest\Handoffs_Controller;
use HandoffBot\Rest\Visitor_Handoff_Controller;
use HandoffBot\Rest\Saved_Replies_Controller;
use HandoffBot\Signals\Language_Signal;
use HandoffBot\Signals\Signal_Registry;

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
	 * Builds the REST controllers (but the visitor's conversation routes, which the early poll
	 * needs): only on `rest_api_init`, so that pages, wp-admin and cron load none of their classes.
	 *
	 * @var callable(): list<Controller>
	 */
	private $rest_routes;

	/**
	 * The visitor routes' controllers beside the chat's own (choices, handoff, ticket form).
	 *
	 * @var callable(): list<Controller>
	 */
	private $visitor_routes;

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
	 * Message polls answered early.
	 *
	 * @var Fast_Poll
	 */
	private Fast_Poll $fast_poll;

	/**
	 * Wires the services together.
	 */
	private function __construct() {
		$this->migrator = new Migrator();
		$settings       = new Settings();
		$tokenizer      = new Tokenizer();
		$index          = new Index_Repository();
		$conversations  = new Conversation_Repository();
		$messages       = new Message_Repository();
		$answerer       = self::answerer_factory( $settings, $tokenizer, $index );
		// The rules' intents go to teams of the availability, and a team the rules still send
		// intents to cannot be removed: each store's validator reads the other's in force.
		$validator            = new Policy_Validator( array( Availability_Store::class, 'teams_rules_may_use' ) );
		$policies             = new Policy_Store( new Config_Version_Repository(), $validator );
		$availability         = new Availability_Store( new Config_Version_Repository(), new Availability_Validator( array( Availability_Store::class, 'teams_the_rules_use' ) ) );
		$this->indexer        = new Indexer( $settings, new Passage_Splitter(), $tokenizer, $index );
		$escalator            = new Escalator( new Escalation_Service( new Engine() ), new Signal_Registry(), new Rule_Registry(), array( $policies, 'active' ) );
		$events               = new Event_Repository();
		$requests             = new Handoff_Requests( new Handoff_Repository(), $events, new Routing( new Presence( $events ), new Handoff_Repository() ), new Context_Builder( new Conversation_Repository(), new Message_Repository() ), new Conversation_Repository() );
		$tickets              = new Handoff\Ticket_Service( new Handoff_Repository(), $conversations, $messages, $events, new Context_Builder( $conversations, $messages ) );
		$this->conversations  = new Conversation_Service(
			$conversations,
			$messages,
			$events,
			new Page_Trail(),
			new Language_Signal(),
			$answerer,
			$escalator,
			$requests,
			$tickets
		);
		$guard                = new Visitor_Guard( $conversations, $settings, new Rate_Limiter( new Rate_Limit_Repository() ) );
		$inbox                = new Inbox_Service( new Handoff_Repository(), $messages, $events, $conversations );
		$visitor_routes       = new Conversations_Controller( $this->conversations, $messages, $settings, $guard, new Visitor_Handoff( new Handoff_Repository(), $inbox, $conversations ) );
		$this->fast_poll      = new Fast_Poll( $guard, array( $visitor_routes, 'get_messages' ) );
		$this->services       = array(
			new Migration_Notice(),
			$visitor_routes,
			$this->fast_poll,
			new Jobs\Queue_Sweep_Job( new Handoff\Queue_Sweep( new Handoff_Repository(), $conversations, $messages, $events, $tickets ) ),
			new Jobs\Ticket_Confirmation_Job( new Handoff_Repository(), $events ),
			new Jobs\Report_Facts_Job( static fn(): Reports\Report_Facts => new Reports\Report_Facts( new Repositories\Report_Facts_Repository() ) ),
			new Jobs\Ticket_Reply_Job( new Handoff_Repository(), $messages, $events, new Notifications\Connection_Store() ),
			new Chat_Block(),
			new Contact_Page(),
			new Heading_Anchors(),
			$this->indexer,
			new Reindex_Job( $this->indexer ),
			new Knowledge_Page(),
			new Rules_Page(),
			new Admin\Hours_Page(),
			new Admin\Inbox_Page( new Saved_Replies() ),
			new Admin\Tickets_Page(),
			new Admin\Report_Page(),
			new Reports\Review\Checkpoint_Recorder( static fn(): Repositories\Checkpoint_Repository => new Repositories\Checkpoint_Repository(), $settings ),
			new Admin\Report_Health( static fn(): Repositories\Report_Repository => new Repositories\Report_Repository(), $this->indexer, $index ),
			$policies,
			...self::notification_services( $events, $availability ),
			...self::privacy_services( $settings ),
			...self::report_alert_services( $settings ),
		);
		$this->visitor_routes = static function () use ( $messages, $events, $requests, $escalator, $guard, $inbox, $tickets ): array {
			return array(
				new Choices_Controller( new Offer_Choices( $messages, $events, $requests, $escalator ), $messages, $guard ),
				new Visitor_Handoff_Controller( $inbox, $guard ),
				new Rest\Visitor_Ticket_Controller( $tickets, $guard, new Rate_Limiter( new Rate_Limit_Repository() ) ),
			);
		};
		$migrator             = $this->migrator;
		$indexer              = $this->indexer;
		$this->rest_routes    = static function () use ( $migrator, $indexer, $settings, $index, $messages, $events, $inbox, $availability, $policies, $validator, $answerer ): array {
			return array(
				new Health_Controller( $migrator ),
				new Settings_Controller( $settings, new Settings_Versions( new Config_Version_Repository() ) ),
				new Availability_Controller( $availability, $policies ),
				new Presence_Controller( new Presence( $events ) ),
				new Handoffs_Controller( $inbox, new Handoff_Repository(), $messages, new Presence( $events ) ),
				new Rest\Tickets_Controller( new Handoff\Ticket_Desk( new Handoff_Repository(), $messages, $events ), new Handoff_Repository(), $messages ),
				new Saved_Replies_Controller( new Saved_Replies() ),
				new Index_Controller( $indexer, $index, $settings ),
				new Rest\Reports_Controller( new Reports\Metrics( new Repositories\Report_Repository(), $settings ), new Repositories\Report_Repository() ),
				new Rest\Report_Samples_Controller( new Reports\Review\Sampler( new Repositories\Sample_Repository() ), new Repositories\Sample_Repository() ),
				new Rest\Report_Reviews_Controller( new Reports\Review\Checklist_Service( new Repositories\Checklist_Repository(), new Repositories\Checkpoint_Repository() ) ),
				new Rest\Report_Checkpoints_Controller( new Reports\Review\Checkpoint_Service( new Repositories\Checkpoint_Repository(), new Reports\Metrics( new Repositories\Report_Repository(), $settings ) ) ),
				new Rest\Report_Export_Controller( new Reports\Metrics( new Repositories\Report_Repository(), $settings ) ),
				new Rest\Report_Alerts_Controller( new Repositories\Report_Alert_Repository(), self::alert_check( $settings ), new Reports\Alerts\Alert_Investigator( new Reports\Metrics( new Repositories\Report_Repository(), $settings ), new Repositories\Report_Alert_Repository(), new Repositories\Delivery_Health_Repository(), $settings ) ),
				...self::rules_routes( $settings, $policies, $validator, $answerer ),
				...self::connection_routes(),
			);
		};
	}

	/**
	 * The report alerts' daily job (check and digest) and their dashboard widget.
	 *
	 * @param Settings $settings Settings.
	 * @return list<Registrable>
	 */
	private static function report_alert_services( Settings $settings ): array {
		return array(
			new Jobs\Report_Alerts_Job( static fn(): Reports\Alerts\Alert_Check => self::alert_check( $settings ), static fn(): Reports\Alerts\Alert_Digest => new Reports\Alerts\Alert_Digest( new Repositories\Report_Alert_Repository(), $settings ) ),
			new Admin\Report_Widget( static fn(): Repositories\Report_Alert_Repository => new Repositories\Report_Alert_Repository() ),
		);
	}

	/**
	 * The report alerts' check.
	 *
	 * @param Settings $settings Settings.
	 */
	private static function alert_check( Settings $settings ): Reports\Alerts\Alert_Check {
		return new Reports\Alerts\Alert_Check( new Reports\Metrics( new Repositories\Report_Repository(), $settings ), new Repositories\Report_Alert_Repository(), new Notifications\Connection_Health( new Notifications\Connection_Store(), new Repositories\Delivery_Health_Repository() ), $settings );
	}

	/**
	 * The Privacy API's exporter and eraser, the daily retention purge and the privacy policy text.
	 *
	 * @param Settings $settings Settings.
	 * @return list<Registrable>
	 */
	private static function privacy_services( Settings $settings ): array {
		$data       = new Repositories\Personal_Data_Repository();
		$finder     = new Privacy\Subject_Finder( $data );
		$anonymiser = new Privacy\Anonymiser( $data );
		return array(
			new Privacy\Exporter( $data, $finder ),
			new Privacy\Eraser( $finder, $anonymiser ),
			new Jobs\Retention_Job( new Privacy\Retention_Purge( $data, $anonymiser ), $settings ),
			new Privacy\Privacy_Policy( $settings, new Notifications\Connection_Store() ),
		);
	}

	/**
	 * The outbox that delivers to the connections (email, webhooks, Slack) in the background,
	 * their screen and Site Health.
	 *
	 * @param Event_Repository   $events       Events.
	 * @param Availability_Store $availability The availability in force.
	 * @return list<Registrable>
	 */
	private static function notification_services( Event_Repository $events, Availability_Store $availability ): array {
		$store = new Notifications\Connection_Store();
		return array(
			self::outbox( $events ),
			new Admin\Connections_Page(),
			new Admin\Site_Health( new Notifications\Connection_Health( $store, new Repositories\Delivery_Health_Repository() ), $availability ),
		);
	}

	/**
	 * The outbox.
	 *
	 * @param Event_Repository $events Events.
	 */
	private static function outbox( Event_Repository $events ): Notifications\Outbox {
		$http = new Notifications\Http_Poster();
		return new Notifications\Outbox( new Notifications\Connection_Store(), new Repositories\Delivery_Repository(), new Notifications\Notification_Builder( new Handoff_Repository() ), new Notifications\Delivery_Jobs(), $events, new Handoff_Repository(), new Notifications\Email_Notifier(), new Notifications\Webhook_Notifier( $http ), new Notifications\Slack_Notifier( $http ) );
	}

	/**
	 * The connections' REST routes (each change a version) and the delivery log's.
	 *
	 * @return list<Controller>
	 */
	private static function connection_routes(): array {
		$store    = new Notifications\Connection_Store();
		$versions = new Notifications\Connection_Versions( new Config_Version_Repository(), $store );
		$outbox   = self::outbox( new Event_Repository() );
		return array(
			new Rest\Connections_Controller( $store, new Notifications\Connection_Validator( array( Availability_Store::class, 'team_names' ) ), $versions ),
			new Rest\Connection_Actions_Controller( $store, $outbox, $versions ),
			new Rest\Deliveries_Controller( new Repositories\Delivery_Repository(), $outbox ),
		);
	}

	/**
	 * Builds the site's answerer when it is first needed (a message that the rules hand off at
	 * once never loads the index).
	 *
	 * @param Settings         $settings  Settings.
	 * @param Tokenizer        $tokenizer Tokenizer.
	 * @param Index_Repository $index     Index storage.
	 * @return callable(): Answerer
	 */
	private static function answerer_factory( Settings $settings, Tokenizer $tokenizer, Index_Repository $index ): callable {
		return static function () use ( $tokenizer, $index, $settings ): Answerer {
			$default = new Extractive_Answerer( new Retriever( $tokenizer, $index ), new Small_Talk(), $tokenizer, $settings );
			/**
			 * The answerer that replies to visitors (and that the Rules screen's tester asks).
			 * Return another Answerer (an AI-backed one, say) to replace the default extractive
			 * answerer.
			 *
			 * @since 0.1.0
			 *
			 * @param Answerer $default The default answerer.
			 */
			$answerer = apply_filters( 'handoff_bot_answerer', $default );
			return $answerer instanceof Answerer ? $answerer : $default;
		};
	}

	/**
	 * The escalation policy's REST routes: the policy and its versions, the live tester and the
	 * saved simulations.
	 *
	 * @param Settings             $settings  Settings.
	 * @param Policy_Store         $store     The policy's versions.
	 * @param Policy_Validator     $validator Checks edited policies.
	 * @param callable(): Answerer $answerer  Builds the site's answerer.
	 * @return list<Controller>
	 */
	private static function rules_routes( Settings $settings, Policy_Store $store, Policy_Validator $validator, callable $answerer ): array {
		$tester = new Policy_Tester(
			new Escalation_Service( new Engine() ),
			new Rule_Registry(),
			new Signal_Registry( false ),
			new Language_Signal(),
			$answerer
		);
		return array(
			new Rules_Controller( $store, new Rule_Registry(), new Signal_Registry( false ) ),
			new Rules_Test_Controller( $tester, $store, $validator, $settings ),
			new Rules_Versions_Controller( $store ),
			new Rules_Simulations_Controller( new Simulations(), $tester, $store, $validator, $settings ),
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
		Jobs\Queue_Sweep_Job::ensure();
		Jobs\Retention_Job::ensure();
		Jobs\Report_Alerts_Job::ensure();
		Jobs\Report_Facts_Job::ensure();
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
		$routes  = $this->rest_routes;
		$visitor = $this->visitor_routes;
		add_action(
			'rest_api_init',
			static function () use ( $routes, $visitor ): void {
				// A visitor's request (the chat's routes, under /conversations) needs none of the
				// agent and admin routes: building their controllers would only cost it time.
				$controllers = self::visitor_request() ? $visitor() : array_merge( $visitor(), $routes() );
				foreach ( $controllers as $controller ) {
					$controller->register_routes();
				}
			}
		);
		if ( defined( 'WP_CLI' ) && WP_CLI && class_exists( '\WP_CLI' ) ) {
			\WP_CLI::add_command( 'handoff-bot index', new Index_Command( $this->indexer ) );
			\WP_CLI::add_command( 'handoff-bot report', new Cli\Report_Command( new Reports\Metrics( new Repositories\Report_Repository(), new Settings() ) ) );
		}
	}

	/**
	 * Whether this is a REST request for one of the chat's visitor routes (the REST server has
	 * read the route from the URL before `rest_api_init`); false for internal requests and CLI.
	 */
	private static function visitor_request(): bool {
		global $wp;
		$route = isset( $wp ) && $wp instanceof \WP && isset( $wp->query_vars['rest_route'] ) && is_string( $wp->query_vars['rest_route'] ) ? $wp->query_vars['rest_route'] : '';
		return 1 === preg_match( '#^/handoff-bot/v1/conversations(?:/|$)#', $route );
	}

	/**
	 * The knowledge indexer.
	 */
	public function indexer(): Indexer {
		return $this->indexer;
	}

	/**
	 * Message polls answered early.
	 */
	public function fast_poll(): Fast_Poll {
		return $this->fast_poll;
	}

	/**
	 * The conversation flow.
	 */
	public function conversations(): Conversation_Service {
		return $this->conversations;
	}
}
