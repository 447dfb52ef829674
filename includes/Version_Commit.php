<?php
/**
 * Stores the next version of a configuration area, unless another save came first.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot;

use HandoffBot\Repositories\Config_Version_Repository;
use HandoffBot\Repositories\Storage_Exception;

defined( 'ABSPATH' ) || exit;

/**
 * A save names the version it was made from. In one transaction: when the area's newest version
 * is another, nothing is stored (the caller answers 409); else the next version is stored (its
 * number's uniqueness settles a race between two saves that both passed the check), made the one
 * in force by the caller's `publish`, and the site's config version moves on.
 */
final class Version_Commit {

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
	 * Stores the version after the base.
	 *
	 * @param string               $area            Area.
	 * @param int                  $base_version    The version the change was made from.
	 * @param array<string, mixed> $data            The configuration, validated.
	 * @param string               $note            Change note.
	 * @param string               $expected_impact Expected impact.
	 * @param int                  $author_id       Who saves it.
	 * @param callable             $publish         Makes the version the one in force (inside the transaction).
	 * @phpstan-param callable(int, array<string, mixed>): void $publish
	 * @return int The new version, or 0 when another save came first.
	 * @throws Storage_Exception When the database refuses it.
	 */
	public function commit( string $area, int $base_version, array $data, string $note, string $expected_impact, int $author_id, callable $publish ): int {
		try {
			$version = $this->transaction( $area, $base_version, $data, $note, $expected_impact, $author_id, $publish );
			// Another request may have cached the options while this one held the transaction.
			wp_cache_delete( 'alloptions', 'options' );
			return $version;
		} catch ( Version_Conflict $e ) {
			return 0;
		} catch ( Storage_Exception $e ) {
			// Options written in the transaction may be cached: read them again from the database.
			wp_cache_delete( 'alloptions', 'options' );
			throw $e;
		}
	}

	/**
	 * The save, in one transaction.
	 *
	 * @param string               $area            Area.
	 * @param int                  $base_version    The version the change was made from.
	 * @param array<string, mixed> $data            The configuration.
	 * @param string               $note            Change note.
	 * @param string               $expected_impact Expected impact.
	 * @param int                  $author_id       Who saves it.
	 * @param callable             $publish         Makes the version the one in force.
	 * @phpstan-param callable(int, array<string, mixed>): void $publish
	 * @return int The new version, or 0 when the base is not the newest.
	 * @throws Storage_Exception When the database refuses it.
	 * @throws Version_Conflict When another save took the number.
	 */
	private function transaction( string $area, int $base_version, array $data, string $note, string $expected_impact, int $author_id, callable $publish ): int {
		return $this->versions->transaction(
			function () use ( $area, $base_version, $data, $note, $expected_impact, $author_id, $publish ): int {
				$latest = $this->versions->latest( $area );
				if ( ( null === $latest ? 0 : $latest['version'] ) !== $base_version ) {
					return 0;
				}
				$version = $base_version + 1;
				$config  = Settings::next_config_version();
				if ( ! $this->versions->add( $area, $version, $data, $note, $expected_impact, $author_id, $config ) ) {
					// Rolled back with the transaction: the config version moves on only with a save.
					throw new Version_Conflict( $area . ' ' . $version );
				}
				$publish( $version, $data );
				return $version;
			},
			true
		);
	}
}
