<?php
/**
 * Configuration versions.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Repositories;

defined( 'ABSPATH' ) || exit;

/**
 * Reads and writes the config_versions table. Adding a version is a compare-and-swap: the
 * version number is unique within its area, so of two saves that both started from version N,
 * the database stores one as N + 1 and refuses the other, which add() reports as taken.
 *
 * @phpstan-type Config_Version_Summary array{id: int, area: string, version: int, note: string, expected_impact: string, author_id: int, config_version: int, created_at: string}
 * @phpstan-type Config_Version array{id: int, area: string, version: int, data: array<string, mixed>, note: string, expected_impact: string, author_id: int, config_version: int, created_at: string}
 */
final class Config_Version_Repository extends Repository {

	/**
	 * The columns of a summary (everything but the data, which can be large).
	 */
	private const SUMMARY_COLUMNS = 'id, area, version, note, expected_impact, author_id, config_version, created_at';

	/**
	 * Stores a version unless the area already has one with that number.
	 *
	 * @param string               $area            Area, e.g. "rules".
	 * @param int                  $version         The new version's number.
	 * @param array<string, mixed> $data            The configuration.
	 * @param string               $note            Change note.
	 * @param string               $expected_impact Expected impact.
	 * @param int                  $author_id       Who saved it (0: the plugin itself).
	 * @param int                  $config_version  The site-wide configuration version it starts.
	 * @return bool Whether it was stored (false: the number was taken).
	 * @throws Storage_Exception When the database refuses it.
	 */
	public function add( string $area, int $version, array $data, string $note, string $expected_impact, int $author_id, int $config_version ): bool {
		$json = wp_json_encode( $data );
		if ( false === $json ) {
			throw new Storage_Exception( 'The configuration could not be encoded as JSON.' );
		}
		$stored = $this->execute(
			$this->insert_ignore() . ' INTO %i (area, version, data, note, expected_impact, author_id, config_version, created_at) VALUES (%s, %d, %s, %s, %s, %d, %d, %s)',
			$this->table( 'config_versions' ),
			$area,
			$version,
			$json,
			$note,
			$expected_impact,
			$author_id,
			$config_version,
			$this->now()
		);
		if ( $stored > 0 ) {
			/**
			 * Fires when a configuration version was stored, inside the save's transaction (what a
			 * callback writes is rolled back with the save).
			 *
			 * @since 0.3.0
			 *
			 * @param array{area: string, version: int, note: string, expected_impact: string, author_id: int, config_version: int} $saved The version.
			 */
			do_action(
				'handoff_bot_config_version_added',
				array(
					'area'            => $area,
					'version'         => $version,
					'note'            => $note,
					'expected_impact' => $expected_impact,
					'author_id'       => $author_id,
					'config_version'  => $config_version,
				)
			);
		}//end if
		return $stored > 0;
	}

	/**
	 * The newest version of an area, or null when it has none.
	 *
	 * @param string $area Area.
	 * @return Config_Version|null
	 */
	public function latest( string $area ): ?array {
		$row = $this->get_row( 'SELECT * FROM %i WHERE area = %s ORDER BY version DESC LIMIT 1', $this->table( 'config_versions' ), $area );
		return $row ? self::hydrate( $row ) : null;
	}

	/**
	 * A version of an area, or null.
	 *
	 * @param string $area    Area.
	 * @param int    $version Version number.
	 * @return Config_Version|null
	 */
	public function find( string $area, int $version ): ?array {
		$row = $this->get_row( 'SELECT * FROM %i WHERE area = %s AND version = %d', $this->table( 'config_versions' ), $area, $version );
		return $row ? self::hydrate( $row ) : null;
	}

	/**
	 * A page of an area's versions, newest first, without their data.
	 *
	 * @param string $area     Area.
	 * @param int    $page     Page, from 1.
	 * @param int    $per_page Versions per page.
	 * @return list<Config_Version_Summary>
	 */
	public function page( string $area, int $page, int $per_page ): array {
		$rows = $this->get_rows(
			'SELECT ' . self::SUMMARY_COLUMNS . ' FROM %i WHERE area = %s ORDER BY version DESC LIMIT %d OFFSET %d',
			$this->table( 'config_versions' ),
			$area,
			$per_page,
			max( 0, $page - 1 ) * $per_page
		);
		$out  = array();
		foreach ( $rows as $row ) {
			$out[] = self::summary( $row );
		}
		return $out;
	}

	/**
	 * How many versions an area has.
	 *
	 * @param string $area Area.
	 */
	public function count( string $area ): int {
		return (int) $this->get_var( 'SELECT COUNT(*) FROM %i WHERE area = %s', $this->table( 'config_versions' ), $area );
	}

	/**
	 * A row's summary, typed.
	 *
	 * @param array<string, string|null> $row Row.
	 * @return Config_Version_Summary
	 */
	private static function summary( array $row ): array {
		return array(
			'id'              => (int) $row['id'],
			'area'            => (string) $row['area'],
			'version'         => (int) $row['version'],
			'note'            => (string) $row['note'],
			'expected_impact' => (string) $row['expected_impact'],
			'author_id'       => (int) $row['author_id'],
			'config_version'  => (int) $row['config_version'],
			'created_at'      => (string) $row['created_at'],
		);
	}

	/**
	 * A full row, typed.
	 *
	 * @param array<string, string|null> $row Row.
	 * @return Config_Version
	 */
	private static function hydrate( array $row ): array {
		$data = json_decode( (string) $row['data'], true );
		return array_merge( self::summary( $row ), array( 'data' => is_array( $data ) ? $data : array() ) );
	}
}
