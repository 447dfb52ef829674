<?php
/**
 * The availability in force, and its versions.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Handoff;

use HandoffBot\Escalation\Policy;
use HandoffBot\Escalation\Policy_Store;
use HandoffBot\Escalation\Policy_Validator;
use HandoffBot\Repositories\Config_Version_Repository;
use HandoffBot\Repositories\Storage_Exception;
use HandoffBot\Version_Commit;
use WP_Error;

defined( 'ABSPATH' ) || exit;

/**
 * Every save is a version of the `availability` area with its note and expected impact, as the
 * rules' are, and moves the site's config version on (the report splits routes by it). The one in
 * force is kept in an autoloaded option, so the router reads it with no query; until the first
 * save the defaults are in force (version 0).
 *
 * @phpstan-import-type Availability_Array from Availability
 * @phpstan-import-type Config_Version_Summary from Config_Version_Repository
 * @phpstan-type Saved_Availability array{version: int, availability: Availability_Array}
 */
final class Availability_Store {

	/**
	 * The autoloaded option holding the availability in force: `{ version, data }`.
	 */
	public const OPTION = 'handoff_bot_availability';

	/**
	 * The configuration area.
	 */
	public const AREA = 'availability';

	/**
	 * Versions.
	 *
	 * @var Config_Version_Repository
	 */
	private Config_Version_Repository $versions;

	/**
	 * Validation.
	 *
	 * @var Availability_Validator
	 */
	private Availability_Validator $validator;

	/**
	 * Builds the store.
	 *
	 * @param Config_Version_Repository $versions  Versions.
	 * @param Availability_Validator    $validator Validation.
	 */
	public function __construct( Config_Version_Repository $versions, Availability_Validator $validator ) {
		$this->versions  = $versions;
		$this->validator = $validator;
	}

	/**
	 * The availability in force (no query: the option is autoloaded).
	 */
	public function active(): Availability {
		return self::in_force();
	}

	/**
	 * The availability in force, read from its option (the defaults until the first save).
	 */
	public static function in_force(): Availability {
		$stored = get_option( self::OPTION );
		$data   = is_array( $stored ) ? ( $stored['data'] ?? null ) : null;
		if ( ! is_array( $data ) || ! isset( $data['hours'], $data['teams'], $data['capacity'] ) ) {
			return Availability::defaults();
		}
		/**
		 * Validated before it was stored.
		 *
		 * @var Availability_Array $data
		 */
		return new Availability( $data );
	}

	/**
	 * The version in force (0: the defaults, never saved).
	 */
	public function active_version(): int {
		$stored = get_option( self::OPTION );
		return is_array( $stored ) ? (int) ( $stored['version'] ?? 0 ) : 0;
	}

	/**
	 * The names of the teams in force (for the rules' validation).
	 *
	 * @return list<string>
	 */
	public static function team_names(): array {
		return self::in_force()->team_names();
	}

	/**
	 * The teams the rules may send intents to: those of the availability in force, and any the
	 * rules in force already name (a team typed before teams existed stays valid until an admin
	 * changes it; the router sends its handoffs to any agent).
	 *
	 * @return list<string>
	 */
	public static function teams_rules_may_use(): array {
		return array_values( array_unique( array_merge( self::team_names(), array_map( 'strval', array_keys( self::teams_in_use( Policy_Store::in_force() ) ) ) ) ) );
	}

	/**
	 * The teams of the availability in force that the rules in force send intents to (a save may
	 * not remove them).
	 *
	 * @return array<string, list<string>>
	 */
	public static function teams_the_rules_use(): array {
		return array_intersect_key( self::teams_in_use( Policy_Store::in_force() ), array_flip( self::team_names() ) );
	}

	/**
	 * The teams a policy sends intents to: `{ team name: [intent labels] }`.
	 *
	 * @param Policy $policy The rules.
	 * @return array<string, list<string>>
	 */
	public static function teams_in_use( Policy $policy ): array {
		$teams = array();
		foreach ( $policy->intents() as $intent ) {
			if ( '' !== $intent['team'] ) {
				$teams[ $intent['team'] ][] = $intent['label'];
			}
		}
		return $teams;
	}

	/**
	 * Saves availability as a new version.
	 *
	 * @param mixed $input           Availability as sent.
	 * @param mixed $note            Change note (required).
	 * @param mixed $expected_impact Expected impact (may be empty).
	 * @param int   $base_version    The version the change was made from.
	 * @param int   $author_id       Who saves it.
	 * @return Saved_Availability|WP_Error `handoff_bot_invalid_availability` (400, `errors` by field
	 *                                     path), `handoff_bot_version_conflict` (409) or
	 *                                     `handoff_bot_storage_unavailable` (503).
	 */
	public function save( $input, $note, $expected_impact, int $base_version, int $author_id ) {
		$result = $this->validator->validate( $input );
		$errors = $result['errors'];
		$notes  = new Policy_Validator();
		foreach ( array(
			'note'            => $notes->note_error( $note ?? '' ),
			'expected_impact' => $notes->note_error( $expected_impact ?? '', false ),
		) as $field => $error ) {
			if ( null !== $error ) {
				$errors[ $field ] = $error;
			}
		}
		if ( $errors || null === $result['availability'] ) {
			return new WP_Error(
				'handoff_bot_invalid_availability',
				/* translators: %s: list of field paths. */
				sprintf( __( 'The hours and teams were not saved. Check: %s', 'handoff-bot' ), implode( ', ', array_keys( $errors ) ) ),
				array(
					'status' => 400,
					'errors' => $errors,
				)
			);
		}
		$data = $result['availability'];
		try {
			$version = ( new Version_Commit( $this->versions ) )->commit( self::AREA, $base_version, $data, trim( (string) $note ), trim( (string) $expected_impact ), $author_id, array( $this, 'publish' ) );
			if ( 0 === $version ) {
				$latest = $this->versions->latest( self::AREA );
				return new WP_Error(
					'handoff_bot_version_conflict',
					/* translators: %d: version number. */
					sprintf( __( 'The hours and teams were changed meanwhile: version %d is now the newest. Reload it and make your change again.', 'handoff-bot' ), null === $latest ? 0 : $latest['version'] ),
					array(
						'status'          => 409,
						'current_version' => null === $latest ? 0 : $latest['version'],
						'author'          => null === $latest ? null : Policy_Store::author( $latest['author_id'] ),
					)
				);
			}
		} catch ( Storage_Exception $e ) {
			return new WP_Error( 'handoff_bot_storage_unavailable', __( 'The hours and teams could not be stored. Try again.', 'handoff-bot' ), array( 'status' => 503 ) );
		}//end try
		return array(
			'version'      => $version,
			'availability' => $data,
		);
	}

	/**
	 * Makes a version the one in force, unless a newer one already is.
	 *
	 * @param int                  $version Version number.
	 * @param array<string, mixed> $data    Its availability.
	 */
	public function publish( int $version, array $data ): void {
		if ( $this->active_version() > $version ) {
			return;
		}
		update_option(
			self::OPTION,
			array(
				'version' => $version,
				'data'    => $data,
			),
			true
		);
	}

	/**
	 * The versions, newest first.
	 *
	 * @param int $page     Page (from 1).
	 * @param int $per_page Versions per page.
	 * @return list<Config_Version_Summary>
	 * @throws Storage_Exception When the database cannot be read.
	 */
	public function versions( int $page, int $per_page ): array {
		return $this->versions->page( self::AREA, $page, $per_page );
	}

	/**
	 * How many versions there are.
	 *
	 * @throws Storage_Exception When the database cannot be read.
	 */
	public function count(): int {
		return $this->versions->count( self::AREA );
	}
}
