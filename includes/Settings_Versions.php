<?php
/**
 * Versions of the settings that change what the bot answers.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot;

use HandoffBot\Repositories\Config_Version_Repository;
use HandoffBot\Repositories\Storage_Exception;

defined( 'ABSPATH' ) || exit;

/**
 * The answer threshold and what the index holds (post types, excluded posts) decide when the bot
 * answers and when it offers a person, so a change to them is a version in `config_versions`
 * (area `answer`) and moves the site's config version on, as a change to the rules does: the
 * report can then split every metric by the settings in force. A save that changes none of them
 * (a rate limit, say) is no new version.
 *
 * @phpstan-import-type Settings_Values from Settings
 * @phpstan-import-type Config_Version_Summary from Config_Version_Repository
 */
final class Settings_Versions {

	/**
	 * The area in `config_versions`.
	 */
	public const AREA = 'answer';

	/**
	 * The settings versioned.
	 */
	public const KEYS = array( 'answer_threshold', 'post_types', 'excluded_posts' );

	/**
	 * Versions.
	 *
	 * @var Config_Version_Repository
	 */
	private Config_Version_Repository $versions;

	/**
	 * Builds the service.
	 *
	 * @param Config_Version_Repository $versions Versions.
	 */
	public function __construct( Config_Version_Repository $versions ) {
		$this->versions = $versions;
	}

	/**
	 * Saves new settings and, when a versioned one changed, records the new version first (in its
	 * own transaction: the settings are stored after it, so the index work a change of content
	 * types or excluded posts sets off runs outside it).
	 *
	 * @param Settings             $settings        The settings.
	 * @param array<string, mixed> $values          New values as sent.
	 * @param string               $note            Change note ('' to describe the change).
	 * @param string               $expected_impact Expected impact (may be empty).
	 * @param int                  $author_id       Who saves them.
	 * @return Settings_Values The settings now (an invalid value throws Invalid_Setting_Exception
	 *                         from Settings::merged(), and nothing is stored).
	 * @throws Storage_Exception When the database refuses the version (nothing is stored).
	 */
	public function save( Settings $settings, array $values, string $note, string $expected_impact, int $author_id ): array {
		$before = $settings->all();
		$after  = $settings->merged( $values );
		try {
			$this->versions->transaction(
				function () use ( $before, $after, $note, $expected_impact, $author_id ): void {
					$this->record( $before, $after, $note, $expected_impact, $author_id );
				},
				true
			);
		} catch ( Storage_Exception $e ) {
			wp_cache_delete( 'alloptions', 'options' );
			throw $e;
		}
		wp_cache_delete( 'alloptions', 'options' );
		return $settings->store( $after );
	}

	/**
	 * Records a version when a versioned setting changed (the settings as they were become
	 * version 1 the first time).
	 *
	 * @param array  $before          The settings before.
	 * @phpstan-param Settings_Values $before
	 * @param array  $after           The settings after.
	 * @phpstan-param Settings_Values $after
	 * @param string $note            Change note ('' to describe the change).
	 * @param string $expected_impact Expected impact.
	 * @param int    $author_id       Who saved them.
	 * @return int|null The new version, or null when no versioned setting changed.
	 * @throws Storage_Exception When the database refuses it.
	 */
	public function record( array $before, array $after, string $note, string $expected_impact, int $author_id ): ?int {
		$old = self::versioned( $before );
		$new = self::versioned( $after );
		if ( $old === $new ) {
			return null;
		}
		$latest = $this->versions->latest( self::AREA );
		if ( null === $latest ) {
			$this->versions->add( self::AREA, 1, $old, __( 'The answer settings before their first recorded change.', 'handoff-bot' ), '', 0, (int) get_option( Settings::CONFIG_VERSION_OPTION, 1 ) );
			$latest = $this->versions->latest( self::AREA );
		}
		$version = ( null === $latest ? 0 : $latest['version'] ) + 1;
		$note    = '' === trim( $note ) ? self::describe( $old, $new ) : trim( $note );
		if ( ! $this->versions->add( self::AREA, $version, $new, $note, trim( $expected_impact ), $author_id, Settings::next_config_version() ) ) {
			throw new Storage_Exception( 'Another change to the answer settings took this version number.' );
		}
		return $version;
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

	/**
	 * The versioned settings of a full set.
	 *
	 * @param array $settings Settings.
	 * @phpstan-param Settings_Values $settings
	 * @return array<string, mixed>
	 */
	private static function versioned( array $settings ): array {
		$out = array();
		foreach ( self::KEYS as $key ) {
			$value = $settings[ $key ];
			if ( is_array( $value ) ) {
				// Sets: their order changes nothing.
				sort( $value );
			}
			$out[ $key ] = $value;
		}
		return $out;
	}

	/**
	 * A change note that says what changed, for a save without one.
	 *
	 * @param array<string, mixed> $old Versioned settings before.
	 * @param array<string, mixed> $new Versioned settings after.
	 */
	private static function describe( array $old, array $new ): string {
		$labels = array(
			'answer_threshold' => __( 'Answer threshold', 'handoff-bot' ),
			'post_types'       => __( 'Content types answered from', 'handoff-bot' ),
			'excluded_posts'   => __( 'Excluded posts', 'handoff-bot' ),
		);
		$parts  = array();
		foreach ( $labels as $key => $label ) {
			if ( $old[ $key ] === $new[ $key ] ) {
				continue;
			}
			$parts[] = sprintf(
				/* translators: 1: setting name, 2: value before, 3: value after. */
				__( '%1$s: %2$s → %3$s', 'handoff-bot' ),
				$label,
				self::show( $old[ $key ] ),
				self::show( $new[ $key ] )
			);
		}
		return implode( '; ', $parts );
	}

	/**
	 * A setting's value as text.
	 *
	 * @param mixed $value Value.
	 */
	private static function show( $value ): string {
		if ( is_array( $value ) ) {
			return array() === $value ? __( 'none', 'handoff-bot' ) : implode( ', ', array_map( 'strval', $value ) );
		}
		return is_scalar( $value ) ? (string) $value : '';
	}
}
