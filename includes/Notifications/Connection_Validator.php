<?php
/**
 * Checks a connection before it is stored.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Notifications;

defined( 'ABSPATH' ) || exit;

/**
 * A connection is valid when its kind is known, its label is set, its target fits its kind (an
 * email address, or a URL the site may post to), and the teams and events it names exist. Every
 * field that is wrong is named, with what to do, so a form can show each message by its field.
 *
 * Outgoing URLs use https. Plain http, and hosts on this machine or the private network (literal
 * loopback and private addresses, localhost and the .localhost, .local and .test names), are
 * refused unless the site allows local targets (the `handoff_bot_allow_local_targets` filter;
 * on by default where the environment type is "local"), as a development site may.
 *
 * @phpstan-import-type Connection from Connection_Store
 * @phpstan-import-type Connection_Fields from Connection_Store
 */
final class Connection_Validator {

	/**
	 * The teams a connection may serve.
	 *
	 * @var callable(): list<string>
	 */
	private $teams;

	/**
	 * Builds the validator.
	 *
	 * @param callable(): list<string> $teams The teams in force.
	 */
	public function __construct( callable $teams ) {
		$this->teams = $teams;
	}

	/**
	 * The connection the input makes (over the stored one, when updating), or what is wrong.
	 *
	 * @param array<string, mixed> $input    Fields sent.
	 * @param array|null           $existing The stored connection, when updating.
	 * @phpstan-param Connection|null $existing
	 * @return array{0: Connection_Fields, 1: array<string, string>} The fields, and field => message.
	 */
	public function check( array $input, ?array $existing ): array {
		$errors = array();
		$kind   = null === $existing ? ( is_string( $input['kind'] ?? null ) ? $input['kind'] : '' ) : $existing['kind'];
		if ( null !== $existing && isset( $input['kind'] ) && $input['kind'] !== $existing['kind'] ) {
			$errors['kind'] = __( 'A connection’s kind cannot change; add a new connection instead.', 'handoff-bot' );
		} elseif ( ! in_array( $kind, Connection_Store::KINDS, true ) ) {
			/* translators: %s: the kinds, comma-separated. */
			$errors['kind'] = sprintf( __( 'Choose the kind of connection: %s.', 'handoff-bot' ), implode( ', ', Connection_Store::KINDS ) );
		}

		$label = array_key_exists( 'label', $input ) ? trim( is_string( $input['label'] ) ? $input['label'] : '' ) : ( null === $existing ? '' : $existing['label'] );
		if ( '' === $label || mb_strlen( $label ) > 100 ) {
			$errors['label'] = __( 'Give the connection a name of 1 to 100 characters.', 'handoff-bot' );
		}

		$target = array_key_exists( 'target', $input ) ? trim( is_string( $input['target'] ) ? $input['target'] : '' ) : ( null === $existing ? '' : $existing['target'] );
		if ( ! isset( $errors['kind'] ) ) {
			$problem = 'email' === $kind ? self::email_problem( $target ) : self::url_problem( $target );
			if ( '' !== $problem ) {
				$errors['target'] = $problem;
			}
		}

		$teams = array_key_exists( 'teams', $input ) ? $input['teams'] : ( null === $existing ? array() : $existing['teams'] );
		$teams = is_array( $teams ) ? array_values( array_unique( array_map( 'strval', $teams ) ) ) : null;
		if ( null === $teams ) {
			$errors['teams'] = __( 'Teams must be a list of team names (empty for every team).', 'handoff-bot' );
		} else {
			$unknown = array_values( array_diff( $teams, ( $this->teams )() ) );
			if ( $unknown ) {
				/* translators: %s: team names, comma-separated. */
				$errors['teams'] = sprintf( __( 'No such team: %s. Add it under Hours and teams first, or leave teams empty for every team.', 'handoff-bot' ), implode( ', ', $unknown ) );
			}
		}

		$events = array_key_exists( 'events', $input ) ? $input['events'] : ( null === $existing ? Connection_Store::EVENTS : $existing['events'] );
		$events = is_array( $events ) ? array_values( array_unique( array_map( 'strval', $events ) ) ) : null;
		if ( null === $events || ! $events ) {
			$errors['events'] = __( 'Choose at least one event to send.', 'handoff-bot' );
		} else {
			$unknown = array_values( array_diff( $events, Connection_Store::EVENTS ) );
			if ( $unknown ) {
				/* translators: 1: unknown event names, 2: the known events; both comma-separated. */
				$errors['events'] = sprintf( __( 'Unknown event: %1$s. Events are %2$s.', 'handoff-bot' ), implode( ', ', $unknown ), implode( ', ', Connection_Store::EVENTS ) );
			}
		}

		$enabled = array_key_exists( 'enabled', $input ) ? $input['enabled'] : ( null === $existing ? true : $existing['enabled'] );
		if ( ! is_bool( $enabled ) ) {
			$errors['enabled'] = __( 'Enabled must be true or false.', 'handoff-bot' );
		}

		return array(
			array(
				'kind'    => $kind,
				'label'   => $label,
				'target'  => $target,
				'teams'   => $teams ?? array(),
				'events'  => $events ?? array(),
				'enabled' => (bool) $enabled,
			),
			$errors,
		);
	}

	/**
	 * Whether the site allows targets on this machine or the private network, and plain http.
	 */
	public static function local_targets_allowed(): bool {
		/**
		 * Whether connections may post to hosts on this machine or the private network, and over
		 * plain http (a development site's own receiver, say). Off by default, except where the
		 * environment type is "local".
		 *
		 * @since 0.3.0
		 *
		 * @param bool $allowed Default: whether wp_get_environment_type() is "local".
		 */
		return (bool) apply_filters( 'handoff_bot_allow_local_targets', 'local' === wp_get_environment_type() );
	}

	/**
	 * What is wrong with an email target, or ''.
	 *
	 * @param string $target The address.
	 */
	private static function email_problem( string $target ): string {
		return is_email( $target ) ? '' : __( 'Enter the team inbox’s email address, like support@example.com.', 'handoff-bot' );
	}

	/**
	 * What is wrong with a URL target, or ''.
	 *
	 * @param string $target The URL.
	 */
	private static function url_problem( string $target ): string {
		$parts = wp_parse_url( $target );
		if ( ! is_array( $parts ) || empty( $parts['host'] ) || ! in_array( strtolower( $parts['scheme'] ?? '' ), array( 'http', 'https' ), true ) || isset( $parts['user'] ) || strlen( $target ) > 2000 ) {
			return __( 'Enter a full URL that starts with https://.', 'handoff-bot' );
		}
		$local = self::is_local_host( strtolower( trim( $parts['host'], '[]' ) ) );
		if ( $local && ! self::local_targets_allowed() ) {
			return __( 'This address is on this server or a private network, which a site may not post to. Use a public https:// URL.', 'handoff-bot' );
		}
		if ( 'https' !== strtolower( (string) $parts['scheme'] ) && ! ( $local && self::local_targets_allowed() ) ) {
			return __( 'Use an https:// URL: the messages carry your visitors’ conversations.', 'handoff-bot' );
		}
		return '';
	}

	/**
	 * Whether a host is this machine or on the private network: a loopback, private or reserved
	 * address, or a name kept for local use.
	 *
	 * @param string $host Lower-case host, without brackets.
	 */
	public static function is_local_host( string $host ): bool {
		if ( 'localhost' === $host || (bool) preg_match( '/\.(localhost|local|test|internal)$/', $host ) ) {
			return true;
		}
		if ( false === filter_var( $host, FILTER_VALIDATE_IP ) ) {
			return false;
		}
		return false === filter_var( $host, FILTER_VALIDATE_IP, FILTER_FLAG_NO_PRIV_RANGE | FILTER_FLAG_NO_RES_RANGE );
	}
}
