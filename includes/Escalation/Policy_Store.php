<?php
/**
 * The escalation policy in force, and its versions.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Escalation;

use HandoffBot\Contracts\Registrable;
use HandoffBot\Database\Migrator;
use HandoffBot\Repositories\Config_Version_Repository;
use HandoffBot\Knowledge\Tokenizer;
use HandoffBot\Repositories\Storage_Exception;
use HandoffBot\Signals\Intent_Model;
use HandoffBot\Signals\Intent_Model_Cache;
use HandoffBot\Settings;
use HandoffBot\Version_Commit;
use WP_Error;

defined( 'ABSPATH' ) || exit;

/**
 * Every save (and every rollback) is a new version of the `rules` area, with its author, a
 * change note and an expected impact; it becomes the policy in force and starts a new site-wide
 * configuration version, which events and conversations are stamped with.
 *
 * The policy in force is also kept in an autoloaded option (`{ version, data }`), so reading it
 * on a visitor's message costs no query. A save names the version it was made from: when
 * another save came first, it is refused (409) and nothing is overwritten, and the version
 * number's uniqueness in the table settles a race between two saves that both passed the check.
 *
 * @phpstan-import-type Policy_Array from Policy
 * @phpstan-import-type Intent from Policy
 * @phpstan-import-type Config_Version from Config_Version_Repository
 * @phpstan-import-type Config_Version_Summary from Config_Version_Repository
 * @phpstan-type Author array{id: int, name: string}
 * @phpstan-type Saved array{version: int, policy: Policy_Array}
 */
final class Policy_Store implements Registrable {

	/**
	 * The autoloaded option holding the policy in force: `{ version: int, data: Policy_Array }`.
	 */
	public const OPTION = 'handoff_bot_policy';

	/**
	 * The configuration area of the escalation policy.
	 */
	public const AREA = 'rules';

	/**
	 * The schema version that brought the versions table.
	 */
	private const SCHEMA = 7;

	/**
	 * The stored text of the option and the policy read from it, within a request.
	 *
	 * @var array{0: string, 1: Policy}|null
	 */
	private static ?array $memo = null;

	/**
	 * Versions.
	 *
	 * @var Config_Version_Repository
	 */
	private Config_Version_Repository $versions;

	/**
	 * Validation.
	 *
	 * @var Policy_Validator
	 */
	private Policy_Validator $validator;

	/**
	 * Builds the store.
	 *
	 * @param Config_Version_Repository $versions  Versions.
	 * @param Policy_Validator          $validator Validation.
	 */
	public function __construct( Config_Version_Repository $versions, Policy_Validator $validator ) {
		$this->versions  = $versions;
		$this->validator = $validator;
	}

	/**
	 * A site upgraded before translations could load (the migration runs on `plugins_loaded`)
	 * gets its first version once they can.
	 */
	public function register(): void {
		add_action( 'init', array( $this, 'maybe_seed' ) );
		// However the option is written (WP-CLI, an import), its intents' key is worked out anew.
		add_filter( 'pre_update_option_' . self::OPTION, array( $this, 'keep_key' ) );
	}

	/**
	 * The stored value with the key of the intents it holds.
	 *
	 * @param mixed $value The value about to be stored.
	 * @return mixed
	 */
	public function keep_key( $value ) {
		if ( is_array( $value ) && is_array( $value['data']['intents'] ?? null ) ) {
			/**
			 * Checked when it was validated; a foreign shape gets a key nobody matches.
			 *
			 * @var list<Intent> $intents
			 */
			$intents              = $value['data']['intents'];
			$value['intents_key'] = Intent_Model::key( $intents );
		}
		return $value;
	}

	/**
	 * The policy in force (the defaults while nothing is stored). No query: the option is autoloaded.
	 */
	public function active(): Policy {
		return self::in_force();
	}

	/**
	 * The policy in force, read from its option (the defaults while nothing is stored).
	 */
	public static function in_force(): Policy {
		// The option is autoloaded, so WordPress holds it as stored; reading it unserializes the
		// whole policy each time. Within a request, the same stored text gives the same policy.
		$all      = wp_load_alloptions();
		$raw      = $all[ self::OPTION ] ?? null;
		$filtered = has_filter( 'option_' . self::OPTION ) || has_filter( 'pre_option_' . self::OPTION ) || has_filter( 'pre_option' );
		if ( is_string( $raw ) && ! $filtered && null !== self::$memo && self::$memo[0] === $raw ) {
			return self::$memo[1];
		}
		$stored = get_option( self::OPTION );
		$data   = is_array( $stored ) ? ( $stored['data'] ?? null ) : null;
		$policy = Policy::defaults();
		if ( is_array( $data ) && self::complete( $data ) ) {
			/**
			 * Validated before it was stored.
			 *
			 * @var Policy_Array $data
			 */
			$key    = $stored['intents_key'] ?? null;
			$policy = new Policy( $data, is_string( $key ) && ! $filtered ? $key : null );
		}
		self::$memo = is_string( $raw ) ? array( $raw, $policy ) : null;
		return $policy;
	}

	/**
	 * Whether stored policy data has every part.
	 *
	 * @param array<mixed> $data Stored data.
	 */
	private static function complete( array $data ): bool {
		foreach ( array( 'intents', 'human_phrases', 'thresholds', 'messages' ) as $key ) {
			if ( ! isset( $data[ $key ] ) || ! is_array( $data[ $key ] ) ) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The version in force (0 while nothing is stored). No query.
	 */
	public function active_version(): int {
		$stored = get_option( self::OPTION );
		return is_array( $stored ) ? (int) ( $stored['version'] ?? 0 ) : 0;
	}

	/**
	 * The newest version, which is then the one in force: the defaults are stored as version 1
	 * if the site has none yet, and an option that lags behind the table is brought up to it.
	 *
	 * @return Config_Version|null Null only when the database refuses the first version.
	 * @throws Storage_Exception When the database cannot be read.
	 */
	public function current(): ?array {
		$latest = $this->versions->latest( self::AREA );
		if ( null === $latest || $this->active_version() < $latest['version'] ) {
			$this->seed();
			$latest = $this->versions->latest( self::AREA );
		}
		return $latest;
	}

	/**
	 * A version, or null.
	 *
	 * @param int $version Version number.
	 * @return Config_Version|null
	 */
	public function version( int $version ): ?array {
		return $this->versions->find( self::AREA, $version );
	}

	/**
	 * A page of versions, newest first.
	 *
	 * @param int $page     Page, from 1.
	 * @param int $per_page Versions per page.
	 * @return list<Config_Version_Summary>
	 */
	public function versions( int $page, int $per_page ): array {
		return $this->versions->page( self::AREA, $page, $per_page );
	}

	/**
	 * How many versions there are.
	 */
	public function count(): int {
		return $this->versions->count( self::AREA );
	}

	/**
	 * Saves a policy as a new version.
	 *
	 * @param mixed $input           The policy as sent.
	 * @param mixed $note            Change note (required).
	 * @param mixed $expected_impact Expected impact (required).
	 * @param int   $base_version    The version the change was made from.
	 * @param int   $author_id       Who saves it.
	 * @return Saved|WP_Error `handoff_bot_invalid_policy` (400, `errors` by field path),
	 *                        `handoff_bot_version_conflict` (409) or `handoff_bot_storage_unavailable` (503).
	 */
	public function save( $input, $note, $expected_impact, int $base_version, int $author_id ) {
		$result = $this->validator->validate( $input );
		$errors = $result['errors'] + $this->note_errors( $note, $expected_impact );
		if ( $errors || null === $result['policy'] ) {
			return self::invalid( $errors );
		}
		return $this->commit( $result['policy'], trim( (string) $note ), trim( (string) $expected_impact ), $base_version, $author_id );
	}

	/**
	 * Brings an earlier version back, as a new version.
	 *
	 * @param int   $version         The version to bring back.
	 * @param mixed $note            Change note (required).
	 * @param mixed $expected_impact Expected impact (when empty: the behaviour of that version).
	 * @param int   $base_version    The version the rollback was asked from.
	 * @param int   $author_id       Who asks.
	 * @return Saved|WP_Error As save(), or `handoff_bot_version_not_found` (404).
	 */
	public function rollback( int $version, $note, $expected_impact, int $base_version, int $author_id ) {
		try {
			$target = $this->versions->find( self::AREA, $version );
		} catch ( Storage_Exception $e ) {
			return self::unavailable();
		}
		if ( null === $target ) {
			/* translators: %d: version number. */
			return new WP_Error( 'handoff_bot_version_not_found', sprintf( __( 'There is no version %d of the rules.', 'handoff-bot' ), $version ), array( 'status' => 404 ) );
		}
		if ( null === $expected_impact || ( is_string( $expected_impact ) && '' === trim( $expected_impact ) ) ) {
			/* translators: %d: version number. */
			$expected_impact = sprintf( __( 'The bot decides as it did with version %d.', 'handoff-bot' ), $version );
		}
		return $this->save( $target['data'], $note, $expected_impact, $base_version, $author_id );
	}

	/**
	 * Stores version 1 (the defaults) when the site has none, and makes the newest version the
	 * one in force when the option lags behind. Safe to run any number of times.
	 *
	 * @throws Storage_Exception When the database refuses it.
	 */
	public function seed(): void {
		$latest = $this->versions->latest( self::AREA );
		if ( null === $latest ) {
			// Visitors read these messages: word them in the site's language, not in the language of
			// the admin whose request happens to seed them.
			$switched = switch_to_locale( get_locale() );
			$defaults = Policy::defaults()->to_array();
			$note     = __( 'The policy the plugin starts with.', 'handoff-bot' );
			if ( $switched ) {
				restore_previous_locale();
			}
			$this->versions->add( self::AREA, 1, $defaults, $note, '', 0, (int) get_option( Settings::CONFIG_VERSION_OPTION, 1 ) );
			$latest = $this->versions->latest( self::AREA );
		}
		if ( null !== $latest && $this->active_version() < $latest['version'] ) {
			$this->publish( $latest['version'], $latest['data'] );
		}
	}

	/**
	 * Seeds on `init` when the policy option is missing and the table exists, and keeps the
	 * intents' key with a policy stored without it (an autoloaded option read otherwise: no query
	 * once seeded).
	 */
	public function maybe_seed(): void {
		// Every request of the site comes here: a policy stored with its key is recognised in the
		// autoloaded text, without unserializing it.
		$all = wp_load_alloptions();
		if ( is_string( $all[ self::OPTION ] ?? null ) && false !== strpos( $all[ self::OPTION ], 's:11:"intents_key";s:32:' ) ) {
			return;
		}
		$stored   = get_option( self::OPTION );
		$filtered = has_filter( 'option_' . self::OPTION ) || has_filter( 'pre_option_' . self::OPTION ) || has_filter( 'pre_option' );
		if ( ! $filtered && is_array( $stored ) && ! isset( $stored['intents_key'] ) && is_array( $stored['data'] ?? null ) ) {
			// Stored before the key was kept with the policy: add it once.
			$this->publish( (int) ( $stored['version'] ?? 0 ), $stored['data'] );
			return;
		}
		if ( false !== $stored || (int) get_option( Migrator::VERSION_OPTION, 0 ) < self::SCHEMA ) {
			return;
		}
		try {
			$this->seed();
		} catch ( Storage_Exception $e ) {
			unset( $e );
			// The defaults stay in force; the next request tries again.
		}
	}

	/**
	 * Who saved a version, as the history shows it: null for the plugin itself.
	 *
	 * @param int $user_id Author.
	 * @return Author|null
	 */
	public static function author( int $user_id ): ?array {
		if ( $user_id <= 0 ) {
			return null;
		}
		$user = get_userdata( $user_id );
		return array(
			'id'   => $user_id,
			'name' => $user ? (string) $user->display_name : '',
		);
	}

	/**
	 * A stored time ("Y-m-d H:i:s", UTC) in ISO 8601.
	 *
	 * @param string $mysql Stored time.
	 */
	public static function iso_time( string $mysql ): string {
		$time = strtotime( $mysql . ' UTC' );
		return false === $time ? '' : gmdate( 'Y-m-d\TH:i:s\Z', $time );
	}

	/**
	 * Stores a valid policy as the version after the base, unless another save came first.
	 *
	 * @param array  $policy          The policy, validated.
	 * @phpstan-param Policy_Array $policy
	 * @param string $note            Change note.
	 * @param string $expected_impact Expected impact.
	 * @param int    $base_version    The version the change was made from.
	 * @param int    $author_id       Who saves it.
	 * @return Saved|WP_Error
	 */
	private function commit( array $policy, string $note, string $expected_impact, int $base_version, int $author_id ) {
		try {
			$version = ( new Version_Commit( $this->versions ) )->commit( self::AREA, $base_version, $policy, $note, $expected_impact, $author_id, array( $this, 'publish' ) );
			$saved   = $version > 0 ? array(
				'version' => $version,
				'policy'  => $policy,
			) : self::conflict( $this->versions->latest( self::AREA ) );
		} catch ( Storage_Exception $e ) {
			return self::unavailable();
		}
		if ( is_array( $saved ) ) {
			// Prepare the edited intents' model now, so that no visitor's message waits for it.
			Intent_Model::for_intents( ( new Policy( $saved['policy'] ) )->intents(), new Tokenizer(), new Intent_Model_Cache() );
		}
		return $saved;
	}

	/**
	 * Makes a version the one in force, unless a newer one already is.
	 *
	 * @param int                  $version Version number.
	 * @param array<string, mixed> $data    Its policy.
	 */
	public function publish( int $version, array $data ): void {
		if ( $this->active_version() > $version ) {
			return;
		}
		/**
		 * Validated before it is published.
		 *
		 * @var list<Intent> $intents
		 */
		$intents = is_array( $data['intents'] ?? null ) ? $data['intents'] : array();
		update_option(
			self::OPTION,
			array(
				'version'     => $version,
				'data'        => $data,
				// Worked out once here rather than on every message (see Policy::intents_key()).
				'intents_key' => Intent_Model::key( $intents ),
			),
			true
		);
	}

	/**
	 * Errors of the change note and expected impact, by field.
	 *
	 * @param mixed $note            Change note.
	 * @param mixed $expected_impact Expected impact.
	 * @return array<string, string>
	 */
	private function note_errors( $note, $expected_impact ): array {
		$errors = array();
		$error  = $this->validator->note_error( $note ?? '' );
		if ( null !== $error ) {
			$errors['note'] = $error;
		}
		$error = $this->validator->note_error( $expected_impact ?? '', false );
		if ( null === $error && '' === trim( (string) $expected_impact ) ) {
			$error = __( 'Say what you expect to change, for example more or fewer handoffs for which visitors.', 'handoff-bot' );
		}
		if ( null !== $error ) {
			$errors['expected_impact'] = $error;
		}
		return $errors;
	}

	/**
	 * The error for an invalid policy.
	 *
	 * @param array<string, string> $errors Errors by field path.
	 */
	public static function invalid( array $errors ): WP_Error {
		return new WP_Error(
			'handoff_bot_invalid_policy',
			/* translators: %s: list of field paths. */
			sprintf( __( 'The rules were not saved. Check: %s', 'handoff-bot' ), implode( ', ', array_keys( $errors ) ) ),
			array(
				'status' => 400,
				'errors' => $errors,
			)
		);
	}

	/**
	 * The error for a save made from an older version.
	 *
	 * @param Config_Version|null $latest The newest version.
	 */
	private static function conflict( ?array $latest ): WP_Error {
		$version = null === $latest ? 0 : $latest['version'];
		return new WP_Error(
			'handoff_bot_version_conflict',
			/* translators: %d: version number. */
			sprintf( __( 'The rules were changed meanwhile: version %d is now the newest. Reload it and make your change again.', 'handoff-bot' ), $version ),
			array(
				'status'          => 409,
				'current_version' => $version,
				'author'          => null === $latest ? null : self::author( $latest['author_id'] ),
				'updated_at'      => null === $latest ? null : self::iso_time( $latest['created_at'] ),
			)
		);
	}

	/**
	 * The error for a database that refused a read or a write.
	 */
	private static function unavailable(): WP_Error {
		return new WP_Error( 'handoff_bot_storage_unavailable', __( 'The rules could not be stored. Try again.', 'handoff-bot' ), array( 'status' => 503 ) );
	}
}
