<?php
/**
 * Versions of the connections.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Notifications;

use HandoffBot\Repositories\Config_Version_Repository;
use HandoffBot\Repositories\Storage_Exception;
use HandoffBot\Settings;

defined( 'ABSPATH' ) || exit;

/**
 * Every change to the connections (added, changed, deleted, a secret rotated) is a version of the
 * `connections` area in `config_versions`, with a change note, and moves the site's config
 * version on, so the report can tell when the team started hearing about handoffs elsewhere. The
 * change and its version are stored together or not at all.
 *
 * A version holds the connections as REST shows them: never a webhook's secret, and a Slack URL
 * (its own secret) only by its host and last characters.
 *
 * @phpstan-import-type Connection from Connection_Store
 */
final class Connection_Versions {

	/**
	 * The configuration area.
	 */
	public const AREA = 'connections';

	/**
	 * Versions.
	 *
	 * @var Config_Version_Repository
	 */
	private Config_Version_Repository $versions;

	/**
	 * Connections.
	 *
	 * @var Connection_Store
	 */
	private Connection_Store $store;

	/**
	 * Builds the service.
	 *
	 * @param Config_Version_Repository $versions Versions.
	 * @param Connection_Store          $store    Connections.
	 */
	public function __construct( Config_Version_Repository $versions, Connection_Store $store ) {
		$this->versions = $versions;
		$this->store    = $store;
	}

	/**
	 * Makes a change and records the connections after it as the next version, in one
	 * transaction. A change that finds nothing to change (returns null) records nothing.
	 *
	 * @template T of array
	 * @param callable $change   Writes the change; returns what it changed, or null.
	 * @phpstan-param callable(): (T|null) $change
	 * @param string   $note     Change note ('' for the default).
	 * @param callable $describe The default note, from what the change returned.
	 * @phpstan-param callable(T): string $describe
	 * @param int      $author_id Who made the change.
	 * @return array{0: T|null, 1: int} What the change returned, and the version (0 when none).
	 * @throws Storage_Exception When the database refuses it (then nothing is stored).
	 */
	public function record( callable $change, string $note, callable $describe, int $author_id ): array {
		try {
			$done = $this->versions->transaction(
				function () use ( $change, $note, $describe, $author_id ): array {
					$before = $this->store->all();
					$result = $change();
					if ( null === $result ) {
						return array( null, 0 );
					}
					$latest = $this->versions->latest( self::AREA );
					if ( null === $latest && $before ) {
						// Connections made before versions were kept become version 1.
						$this->add( 1, $before, __( 'The connections before their first recorded change.', 'handoff-bot' ), 0, (int) get_option( Settings::CONFIG_VERSION_OPTION, 1 ) );
						$latest = $this->versions->latest( self::AREA );
					}
					$version = ( null === $latest ? 0 : $latest['version'] ) + 1;
					$note    = trim( $note );
					$this->add( $version, $this->store->all(), '' === $note ? $describe( $result ) : $note, $author_id, Settings::next_config_version() );
					return array( $result, $version );
				},
				true
			);
		} catch ( Storage_Exception $e ) {
			// The option may be cached as it was inside the transaction: read it again.
			self::forget_cached();
			throw $e;
		}//end try
		self::forget_cached();
		return $done;
	}

	/**
	 * The connections of a version as stored: what REST shows, never a secret.
	 *
	 * @param array $connections Connections.
	 * @phpstan-param list<Connection> $connections
	 * @return array{connections: list<array<string, mixed>>}
	 */
	public static function data( array $connections ): array {
		return array( 'connections' => array_values( array_map( array( Connection_Store::class, 'to_public' ), $connections ) ) );
	}

	/**
	 * The default note of a connection added, changed, deleted or given a new secret.
	 *
	 * @param string $what       'added', 'changed', 'deleted' or 'rotated'.
	 * @param array  $connection The connection.
	 * @phpstan-param array{kind: string, label: string} $connection
	 */
	public static function note( string $what, array $connection ): string {
		$kinds = array(
			'email'   => __( 'email inbox', 'handoff-bot' ),
			'webhook' => __( 'webhook', 'handoff-bot' ),
			'slack'   => __( 'Slack webhook', 'handoff-bot' ),
		);
		$kind  = $kinds[ $connection['kind'] ] ?? $connection['kind'];
		switch ( $what ) {
			case 'added':
				/* translators: 1: kind of connection, such as "webhook", 2: its name. */
				return sprintf( __( 'Added %1$s “%2$s”', 'handoff-bot' ), $kind, $connection['label'] );
			case 'deleted':
				/* translators: 1: kind of connection, such as "webhook", 2: its name. */
				return sprintf( __( 'Deleted %1$s “%2$s”', 'handoff-bot' ), $kind, $connection['label'] );
			case 'rotated':
				/* translators: %s: the webhook's name. */
				return sprintf( __( 'New signing secret for webhook “%s”', 'handoff-bot' ), $connection['label'] );
			default:
				/* translators: 1: kind of connection, such as "webhook", 2: its name. */
				return sprintf( __( 'Changed %1$s “%2$s”', 'handoff-bot' ), $kind, $connection['label'] );
		}
	}

	/**
	 * Stores a version.
	 *
	 * @param int    $version        Its number.
	 * @param array  $connections    The connections.
	 * @phpstan-param list<Connection> $connections
	 * @param string $note           Change note.
	 * @param int    $author_id      Who made it.
	 * @param int    $config_version The site's config version it starts.
	 * @throws Storage_Exception When the number is taken or the database refuses it.
	 */
	private function add( int $version, array $connections, string $note, int $author_id, int $config_version ): void {
		if ( ! $this->versions->add( self::AREA, $version, self::data( $connections ), $note, '', $author_id, $config_version ) ) {
			throw new Storage_Exception( 'Another change to the connections took this version number.' );
		}
	}

	/**
	 * Drops the cached options, which a rolled-back write may have left.
	 */
	private static function forget_cached(): void {
		wp_cache_delete( Connection_Store::OPTION, 'options' );
		wp_cache_delete( 'alloptions', 'options' );
		wp_cache_delete( 'notoptions', 'options' );
	}
}
