<?php
/**
 * The team's connections: where notifications go.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Notifications;

defined( 'ABSPATH' ) || exit;

/**
 * Connections live in one option (not autoloaded: only a handoff's notification reads them).
 * Each has an ID, a kind (email, webhook or Slack), a label, a target (the inbox's address or the
 * URL), the teams it serves (none: every team), the events it sends and whether it is enabled. A
 * webhook also has a signing secret made here, which leaves the server only in the answer to its
 * creation or rotation (see to_public()).
 *
 * @phpstan-type Connection array{id: string, kind: string, label: string, target: string, teams: list<string>, events: list<string>, enabled: bool, secret: string, created_at: string, updated_at: string}
 * @phpstan-type Connection_Fields array{kind: string, label: string, target: string, teams: list<string>, events: list<string>, enabled: bool}
 */
final class Connection_Store {

	/**
	 * The option.
	 */
	public const OPTION = 'handoff_bot_connections';

	/**
	 * The kinds of connection.
	 */
	public const KINDS = array( 'email', 'webhook', 'slack' );

	/**
	 * The events a connection may send.
	 */
	public const EVENTS = array( 'handoff.requested', 'handoff.accepted', 'handoff.resolved', 'ticket.created', 'callback.requested' );

	/**
	 * The event of a test delivery (sent from the Connections screen, to one connection).
	 */
	public const TEST_EVENT = 'connection.test';

	/**
	 * Every connection, in the order they were added.
	 *
	 * @return list<Connection>
	 */
	public function all(): array {
		$stored = get_option( self::OPTION, array() );
		$out    = array();
		foreach ( is_array( $stored ) ? $stored : array() as $connection ) {
			if ( is_array( $connection ) && isset( $connection['id'], $connection['kind'] ) ) {
				$out[] = self::normalize( $connection );
			}
		}
		return $out;
	}

	/**
	 * A connection by ID, or null.
	 *
	 * @param string $id Connection ID.
	 * @return Connection|null
	 */
	public function find( string $id ): ?array {
		foreach ( $this->all() as $connection ) {
			if ( $connection['id'] === $id ) {
				return $connection;
			}
		}
		return null;
	}

	/**
	 * The enabled connections that send an event for a team.
	 *
	 * @param string $event Event name.
	 * @param string $team  The handoff's team ('' when it has none).
	 * @return list<Connection>
	 */
	public function for_event( string $event, string $team ): array {
		return array_values(
			array_filter(
				$this->all(),
				static function ( array $connection ) use ( $event, $team ): bool {
					return $connection['enabled'] && in_array( $event, $connection['events'], true ) && ( ! $connection['teams'] || in_array( $team, $connection['teams'], true ) );
				}
			)
		);
	}

	/**
	 * Adds a connection (checked already); a webhook gets its secret.
	 *
	 * @param array $fields The checked fields.
	 * @phpstan-param Connection_Fields $fields
	 * @return Connection
	 */
	public function create( array $fields ): array {
		$now        = gmdate( 'c' );
		$connection = array(
			'id'         => 'conn_' . bin2hex( random_bytes( 6 ) ),
			'kind'       => $fields['kind'],
			'label'      => $fields['label'],
			'target'     => $fields['target'],
			'teams'      => $fields['teams'],
			'events'     => $fields['events'],
			'enabled'    => $fields['enabled'],
			'secret'     => 'webhook' === $fields['kind'] ? self::new_secret() : '',
			'created_at' => $now,
			'updated_at' => $now,
		);
		$all        = $this->all();
		$all[]      = $connection;
		$this->save( $all );
		return $connection;
	}

	/**
	 * Changes a connection (checked already); its kind, ID and secret stay.
	 *
	 * @param string $id     Connection ID.
	 * @param array  $fields The checked fields.
	 * @phpstan-param Connection_Fields $fields
	 * @return Connection|null Null when there is no such connection.
	 */
	public function update( string $id, array $fields ): ?array {
		return $this->change(
			$id,
			static function ( array $connection ) use ( $fields ): array {
				$connection['label']   = $fields['label'];
				$connection['target']  = $fields['target'];
				$connection['teams']   = $fields['teams'];
				$connection['events']  = $fields['events'];
				$connection['enabled'] = $fields['enabled'];
				return $connection;
			}
		);
	}

	/**
	 * Gives a webhook a new secret; the old one stops signing at once.
	 *
	 * @param string $id Connection ID.
	 * @return Connection|null Null when there is no such webhook.
	 */
	public function rotate( string $id ): ?array {
		$found = $this->find( $id );
		if ( null === $found || 'webhook' !== $found['kind'] ) {
			return null;
		}
		return $this->change(
			$id,
			static function ( array $connection ): array {
				$connection['secret'] = self::new_secret();
				return $connection;
			}
		);
	}

	/**
	 * Removes a connection (its deliveries stay in the log).
	 *
	 * @param string $id Connection ID.
	 * @return bool Whether it existed.
	 */
	public function delete( string $id ): bool {
		$all  = $this->all();
		$kept = array_values(
			array_filter(
				$all,
				static function ( array $connection ) use ( $id ): bool {
					return $connection['id'] !== $id;
				}
			)
		);
		if ( count( $kept ) === count( $all ) ) {
			return false;
		}
		$this->save( $kept );
		return true;
	}

	/**
	 * A connection as REST shows it: never its secret, and a Slack URL (which is its own
	 * secret) only by its host and last characters.
	 *
	 * @param array $connection The connection.
	 * @phpstan-param Connection $connection
	 * @return array<string, mixed>
	 */
	public static function to_public( array $connection ): array {
		$public = $connection;
		unset( $public['secret'] );
		$public['has_secret'] = '' !== $connection['secret'];
		if ( 'slack' === $connection['kind'] ) {
			$host             = (string) wp_parse_url( $connection['target'], PHP_URL_HOST );
			$public['target'] = 'https://' . $host . '/…' . substr( $connection['target'], -4 );
		}
		return $public;
	}

	/**
	 * Applies a change to one connection.
	 *
	 * @param string                           $id     Connection ID.
	 * @param callable(Connection): Connection $change The change.
	 * @return Connection|null
	 */
	private function change( string $id, callable $change ): ?array {
		$all     = $this->all();
		$changed = null;
		foreach ( $all as $i => $connection ) {
			if ( $connection['id'] === $id ) {
				$changed               = $change( $connection );
				$changed['updated_at'] = gmdate( 'c' );
				$all[ $i ]             = $changed;
			}
		}
		if ( null !== $changed ) {
			$this->save( $all );
		}
		return $changed;
	}

	/**
	 * Stores the connections.
	 *
	 * @param array $all Connections.
	 * @phpstan-param list<Connection> $all
	 */
	private function save( array $all ): void {
		update_option( self::OPTION, $all, false );
	}

	/**
	 * A new signing secret.
	 */
	private static function new_secret(): string {
		return 'whsec_' . bin2hex( random_bytes( 24 ) );
	}

	/**
	 * A stored connection with every field typed.
	 *
	 * @param array<mixed> $stored Stored.
	 * @return Connection
	 */
	private static function normalize( array $stored ): array {
		return array(
			'id'         => (string) $stored['id'],
			'kind'       => (string) $stored['kind'],
			'label'      => (string) ( $stored['label'] ?? '' ),
			'target'     => (string) ( $stored['target'] ?? '' ),
			'teams'      => array_values( array_map( 'strval', (array) ( $stored['teams'] ?? array() ) ) ),
			'events'     => array_values( array_map( 'strval', (array) ( $stored['events'] ?? array() ) ) ),
			'enabled'    => (bool) ( $stored['enabled'] ?? true ),
			'secret'     => (string) ( $stored['secret'] ?? '' ),
			'created_at' => (string) ( $stored['created_at'] ?? '' ),
			'updated_at' => (string) ( $stored['updated_at'] ?? '' ),
		);
	}
}
