<?php
/**
 * The plugin's settings, with defaults and validation.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot;

use HandoffBot\Repositories\Storage_Exception;

use WP_Error;

defined( 'ABSPATH' ) || exit;

/**
 * One autoloaded option, `handoff_bot_settings`. A change is validated against the schema and
 * refused whole when any value is wrong (the field is named); nothing is clamped or defaulted in
 * its place. Reading fills defaults and keeps stored values within range, so code that reads a
 * setting can trust it.
 *
 * @phpstan-type Settings_Values array{
 *     answer_threshold: float,
 *     max_message_length: int,
 *     post_types: list<string>,
 *     excluded_posts: list<int>,
 *     rate_limit_ip_per_minute: int,
 *     rate_limit_token_per_minute: int,
 *     rate_limit_new_conversations_per_hour: int,
 *     delete_data_on_uninstall: bool,
 *     retention_days: int,
 *     checkpoint_conversations: int,
 *     consent_notice: bool,
 *     consent_required: bool,
 *     consent_text: string,
 *     privacy_policy_url: string,
 *     mask_contact_outbound: bool,
 *     alerts_window_days: int,
 *     alerts_min_conversations: int,
 *     alerts_min_handoffs: int,
 *     alerts_intent_rate_change: float,
 *     alerts_turn_drop: float,
 *     alerts_topic_share: float,
 *     alerts_queue_delay_rise: float,
 *     alerts_abandonment_rise: float,
 *     alerts_completeness_drop: float,
 *     alerts_digest: bool,
 *     alerts_digest_recipients: string
 * }
 * @phpstan-type Consent array{notice: bool, required: bool, text: string, policy_url: string}
 * @phpstan-type Post_Type_Choice array{name: string, label: string}
 */
final class Settings {

	public const OPTION = 'handoff_bot_settings';

	/**
	 * Option holding the active configuration version, stamped on every event and conversation
	 * (autoloaded: every message reads it).
	 */
	public const CONFIG_VERSION_OPTION = 'handoff_bot_config_version';

	/**
	 * Mirror of `delete_data_on_uninstall`, which `uninstall.php` reads without the plugin loaded.
	 */
	public const UNINSTALL_OPTION = 'handoff_bot_delete_data_on_uninstall';

	/**
	 * The most posts that can be excluded from the index.
	 */
	public const MAX_EXCLUDED_POSTS = 1000;

	/**
	 * Numeric settings: name => [type, default, minimum, maximum].
	 *
	 * @var array<string, array{0: 'number'|'integer', 1: float|int, 2: float|int, 3: float|int}>
	 */
	private const NUMBERS = array(
		'answer_threshold'                      => array( 'number', 0.3, 0, 1 ),
		'max_message_length'                    => array( 'integer', 2000, 50, 10000 ),
		'rate_limit_ip_per_minute'              => array( 'integer', 300, 1, 10000 ),
		'rate_limit_token_per_minute'           => array( 'integer', 20, 1, 1000 ),
		'rate_limit_new_conversations_per_hour' => array( 'integer', 120, 1, 10000 ),
		'retention_days'                        => array( 'integer', 180, 30, 3650 ),
		'checkpoint_conversations'              => array( 'integer', 200, 1, 100000 ),
		'alerts_window_days'                    => array( 'integer', 7, 7, 90 ),
		'alerts_min_conversations'              => array( 'integer', 50, 1, 1000000 ),
		'alerts_min_handoffs'                   => array( 'integer', 20, 1, 1000000 ),
		'alerts_intent_rate_change'             => array( 'number', 0.1, 0.01, 1 ),
		'alerts_turn_drop'                      => array( 'number', 1, 0.5, 50 ),
		'alerts_topic_share'                    => array( 'number', 0.4, 0.05, 1 ),
		'alerts_queue_delay_rise'               => array( 'number', 0.5, 0.05, 10 ),
		'alerts_abandonment_rise'               => array( 'number', 0.1, 0.01, 1 ),
		'alerts_completeness_drop'              => array( 'number', 0.1, 0.01, 1 ),
	);

	/**
	 * The longest consent text, in characters.
	 */
	public const CONSENT_TEXT_MAX = 500;

	/**
	 * The post types indexed by default.
	 */
	private const DEFAULT_POST_TYPES = array( 'post', 'page' );

	/**
	 * The stored settings last read and their values.
	 *
	 * @var array{key: string, stored: array<string, mixed>, values: Settings_Values}|null
	 */
	private static ?array $read = null;

	/**
	 * All settings, with defaults filled in.
	 *
	 * @return Settings_Values
	 */
	public function all(): array {
		$stored = get_option( self::OPTION, array() );
		$stored = is_array( $stored ) ? $stored : array();
		// A message reads settings a dozen times: the same stored values, read once. The key
		// holds what reading also depends on: whether translations may load yet (the consent
		// text's default) and the post types registered so far (the types kept).
		$key = (int) did_action( 'init' ) . ':' . count( get_post_types() );
		if ( null === self::$read || self::$read['key'] !== $key || self::$read['stored'] !== $stored ) {
			self::$read = array(
				'key'    => $key,
				'stored' => $stored,
				'values' => $this->normalize( $stored ),
			);
		}
		return self::$read['values'];
	}

	/**
	 * The settings as they are before anything is saved.
	 *
	 * @return Settings_Values
	 */
	public function defaults(): array {
		return $this->normalize( array() );
	}

	/**
	 * One setting.
	 *
	 * @param string $name Setting name.
	 * @return mixed
	 */
	public function get( string $name ) {
		$all = $this->all();
		return $all[ $name ] ?? null;
	}

	/**
	 * What the chat shows before the first message, for the chat block to render: whether it
	 * shows the notice (always when agreement is required), whether the visitor must agree
	 * before chatting, the notice's text (plain text, to be escaped where it is printed) and the
	 * privacy policy's address (the setting, or the site's privacy policy page; '' when neither).
	 *
	 * @return Consent
	 */
	public function consent(): array {
		$all = $this->all();
		return array(
			'notice'     => $all['consent_notice'] || $all['consent_required'],
			'required'   => $all['consent_required'],
			'text'       => $all['consent_text'],
			'policy_url' => '' !== $all['privacy_policy_url'] ? $all['privacy_policy_url'] : (string) get_privacy_policy_url(),
		);
	}

	/**
	 * Days after which conversations' personal data is purged.
	 */
	public function retention_days(): int {
		return $this->all()['retention_days'];
	}

	/**
	 * The consent notice's text until the site writes its own (in the site's language: it is
	 * stored as '' while it is this one).
	 */
	public static function default_consent_text(): string {
		return __( 'This chat keeps what you write so that we can answer you, and passes it to our support team when you ask for a person.', 'handoff-bot' );
	}

	/**
	 * Moves the site's configuration version on and returns the new one. The increment happens in
	 * the database, so two configuration saves at once (in different areas) never get the same
	 * number, whatever each request read when it started; call it inside the save's transaction.
	 *
	 * @throws Storage_Exception When the database refuses the increment or its read.
	 */
	public static function next_config_version(): int {
		global $wpdb;
		// phpcs:disable WordPress.DB.DirectDatabaseQuery -- an atomic increment, which the options API cannot do.
		$increment = static function () use ( $wpdb ) {
			return $wpdb->query( $wpdb->prepare( 'UPDATE %i SET option_value = option_value + 1 WHERE option_name = %s', $wpdb->options, self::CONFIG_VERSION_OPTION ) );
		};
		// phpcs:enable WordPress.DB.DirectDatabaseQuery
		$updated = $increment();
		if ( 0 === $updated ) {
			// No row yet (the migrator adds it): version 1, then the increment.
			add_option( self::CONFIG_VERSION_OPTION, 1, '', true );
			$updated = $increment();
		}
		wp_cache_delete( 'alloptions', 'options' );
		wp_cache_delete( self::CONFIG_VERSION_OPTION, 'options' );
		$version = $wpdb->get_var( $wpdb->prepare( 'SELECT option_value FROM %i WHERE option_name = %s', $wpdb->options, self::CONFIG_VERSION_OPTION ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- read back inside the same transaction.
		if ( 1 !== $updated || ! is_numeric( $version ) ) {
			throw new Storage_Exception( 'The configuration version could not be moved on: ' . $wpdb->last_error ); // phpcs:ignore WordPress.Security.EscapeOutput.ExceptionNotEscaped -- never printed.
		}
		return (int) $version;
	}

	/**
	 * Validates, merges and stores new values; returns the full settings. Unknown names are
	 * ignored; one invalid value stores nothing.
	 *
	 * @param array<string, mixed> $values New values.
	 * @return Settings_Values
	 * @throws Invalid_Setting_Exception When a value is invalid.
	 */
	public function update( array $values ): array {
		return $this->store( $this->merged( $values ) );
	}

	/**
	 * The settings as they would be with new values, validated and merged, not stored.
	 *
	 * @param array<string, mixed> $values New values.
	 * @return Settings_Values
	 * @throws Invalid_Setting_Exception When a value is invalid.
	 */
	public function merged( array $values ): array {
		$schema  = $this->schema();
		$changes = array();
		foreach ( array_intersect_key( $values, $schema ) as $name => $value ) {
			$valid = $this->validate( $name, $value );
			if ( is_wp_error( $valid ) ) {
				throw new Invalid_Setting_Exception( $name, $valid->get_error_message() ); // phpcs:ignore WordPress.Security.EscapeOutput.ExceptionNotEscaped -- not output; the REST layer sends it as JSON.
			}
			$changes[ $name ] = rest_sanitize_value_from_schema( $value, $schema[ $name ], $name );
		}
		return $this->normalize( array_merge( $this->all(), $changes ) );
	}

	/**
	 * Stores settings from merged().
	 *
	 * @param array $merged The full settings.
	 * @phpstan-param Settings_Values $merged
	 * @return Settings_Values
	 */
	public function store( array $merged ): array {
		$stored = $merged;
		if ( self::default_consent_text() === $stored['consent_text'] ) {
			$stored['consent_text'] = '';
		}
		update_option( self::OPTION, $stored, true );
		update_option( self::UNINSTALL_OPTION, $merged['delete_data_on_uninstall'] ? 1 : 0, false );
		return $merged;
	}

	/**
	 * Whether a value may be stored for a setting.
	 *
	 * @param string $name  Setting name.
	 * @param mixed  $value Value as sent.
	 * @return true|WP_Error The error's message names the setting.
	 */
	public function validate( string $name, $value ) {
		$schema = $this->schema();
		if ( ! isset( $schema[ $name ] ) ) {
			/* translators: %s: setting name. */
			return new WP_Error( 'handoff_bot_unknown_setting', sprintf( __( '%s is not a setting.', 'handoff-bot' ), $name ) );
		}
		if ( null === $value ) {
			/* translators: %s: setting name. */
			return new WP_Error( 'handoff_bot_missing_value', sprintf( __( '%s cannot be null.', 'handoff-bot' ), $name ) );
		}
		$valid = rest_validate_value_from_schema( $value, $schema[ $name ], $name );
		if ( true !== $valid || ! is_string( $value ) ) {
			return $valid;
		}
		if ( 'consent_text' === $name && '' === trim( $value ) ) {
			/* translators: %s: setting name. */
			return new WP_Error( 'handoff_bot_empty_text', sprintf( __( '%s cannot be empty.', 'handoff-bot' ), $name ) );
		}
		if ( 'alerts_digest_recipients' === $name && null === Reports\Alerts\Alert_Settings::recipients( $value ) ) {
			/* translators: %s: setting name. */
			return new WP_Error( 'handoff_bot_invalid_email', sprintf( __( '%s must be email addresses separated by commas, or empty for the site’s admin email.', 'handoff-bot' ), $name ) );
		}
		if ( 'privacy_policy_url' === $name && '' !== $value && ! self::is_web_address( $value ) ) {
			/* translators: %s: setting name. */
			return new WP_Error( 'handoff_bot_invalid_url', sprintf( __( '%s must be a web address starting with https:// or http://, or empty for the site’s privacy policy page.', 'handoff-bot' ), $name ) );
		}
		return true;
	}

	/**
	 * Whether a text is an absolute http(s) address with a host, as sent (nothing to clean up).
	 *
	 * @param string $url Text.
	 */
	private static function is_web_address( string $url ): bool {
		$parts = wp_parse_url( $url );
		return is_array( $parts )
			&& isset( $parts['scheme'], $parts['host'] )
			&& in_array( strtolower( $parts['scheme'] ), array( 'http', 'https' ), true )
			&& esc_url_raw( $url, array( 'http', 'https' ) ) === $url;
	}

	/**
	 * Public post types the bot can answer from (media attachments excepted): the ones the
	 * Knowledge screen offers, and the only ones `post_types` accepts.
	 *
	 * @return list<Post_Type_Choice>
	 */
	public function offered_post_types(): array {
		$out = array();
		foreach ( get_post_types( array( 'public' => true ), 'objects' ) as $type ) {
			if ( 'attachment' === $type->name ) {
				continue;
			}
			$out[] = array(
				'name'  => (string) $type->name,
				'label' => (string) $type->labels->name,
			);
		}
		return $out;
	}

	/**
	 * JSON schema of the settings, for the REST route and for validation.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public function schema(): array {
		$properties = array();
		foreach ( self::NUMBERS as $name => list( $type, $default, $min, $max ) ) {
			$properties[ $name ] = array(
				'type'    => $type,
				'minimum' => $min,
				'maximum' => $max,
				'default' => $default,
			);
		}
		$properties['checkpoint_conversations']['description'] = __( 'New conversations a release checkpoint waits for before it compares expected and actual impact (a site with fewer in the last 30 days waits for that many, at least 20).', 'handoff-bot' );

		$properties['post_types']                    = array(
			'description' => __( 'Post types the bot answers from.', 'handoff-bot' ),
			'type'        => 'array',
			'items'       => array(
				'type' => 'string',
				'enum' => array_column( $this->offered_post_types(), 'name' ),
			),
			'minItems'    => 1,
			'default'     => self::DEFAULT_POST_TYPES,
		);
		$properties['excluded_posts']                = array(
			'description' => __( 'Posts left out of the index.', 'handoff-bot' ),
			'type'        => 'array',
			'items'       => array(
				'type'    => 'integer',
				'minimum' => 1,
			),
			'maxItems'    => self::MAX_EXCLUDED_POSTS,
			'default'     => array(),
		);
		$properties['delete_data_on_uninstall']      = array(
			'type'    => 'boolean',
			'default' => false,
		);
		$properties['retention_days']['description'] = __( 'Days after which transcripts, pages visited, briefs and contact details of conversations are removed (open tickets are kept until closed).', 'handoff-bot' );
		$properties['consent_notice']                = array(
			'description' => __( 'Whether the chat shows a privacy notice before the first message.', 'handoff-bot' ),
			'type'        => 'boolean',
			'default'     => false,
		);
		$properties['consent_required']              = array(
			'description' => __( 'Whether the visitor must agree to the notice before chatting.', 'handoff-bot' ),
			'type'        => 'boolean',
			'default'     => false,
		);
		$properties['consent_text']                  = array(
			'description' => __( 'The notice, in plain text.', 'handoff-bot' ),
			'type'        => 'string',
			'minLength'   => 1,
			'maxLength'   => self::CONSENT_TEXT_MAX,
			'default'     => self::default_consent_text(),
		);
		$properties['mask_contact_outbound']         = array(
			'description' => __( 'Whether email addresses and phone numbers are masked in what connections send (emails to help desks, webhooks, Slack).', 'handoff-bot' ),
			'type'        => 'boolean',
			'default'     => false,
		);
		$properties['privacy_policy_url']            = array(
			'description' => __( 'The privacy policy the notice links to; empty for the site’s privacy policy page.', 'handoff-bot' ),
			'type'        => 'string',
			'maxLength'   => 2000,
			'default'     => '',
		);

		$properties = Reports\Alerts\Alert_Settings::schema( $properties );
		foreach ( $properties as $name => $property ) {
			$properties[ $name ]['context'] = array( 'view', 'edit' );
		}
		return $properties;
	}

	/**
	 * Fills defaults and keeps stored values within range (an older version may have stored
	 * anything).
	 *
	 * @param array<string, mixed> $values Stored values.
	 * @return Settings_Values
	 */
	private function normalize( array $values ): array {
		$number = static function ( string $name ) use ( $values ): float {
			list( , $default, $min, $max ) = self::NUMBERS[ $name ];
			$value                         = isset( $values[ $name ] ) && is_numeric( $values[ $name ] ) ? (float) $values[ $name ] : (float) $default;
			return max( (float) $min, min( (float) $max, $value ) );
		};
		// Only types the Knowledge screen offers: one that stopped being public (or media) must
		// neither be indexed nor come back in a save the screen cannot undo.
		$types = array_values(
			array_unique(
				array_filter(
					array_map( 'strval', (array) ( $values['post_types'] ?? array() ) ),
					static function ( string $type ): bool {
						$object = get_post_type_object( $type );
						return $object && $object->public && 'attachment' !== $type;
					}
				)
			)
		);
		$text  = trim( is_string( $values['consent_text'] ?? null ) ? $values['consent_text'] : '' );
		$text  = mb_substr( $text, 0, self::CONSENT_TEXT_MAX );
		$url   = is_string( $values['privacy_policy_url'] ?? null ) && self::is_web_address( $values['privacy_policy_url'] ) ? $values['privacy_policy_url'] : '';
		$ids   = array_slice( array_values( array_unique( array_filter( array_map( 'intval', (array) ( $values['excluded_posts'] ?? array() ) ), static fn( int $id ): bool => $id > 0 ) ) ), 0, self::MAX_EXCLUDED_POSTS );
		return array(
			'answer_threshold'                      => $number( 'answer_threshold' ),
			'max_message_length'                    => (int) $number( 'max_message_length' ),
			'post_types'                            => $types ? $types : self::DEFAULT_POST_TYPES,
			'excluded_posts'                        => $ids,
			'rate_limit_ip_per_minute'              => (int) $number( 'rate_limit_ip_per_minute' ),
			'rate_limit_token_per_minute'           => (int) $number( 'rate_limit_token_per_minute' ),
			'rate_limit_new_conversations_per_hour' => (int) $number( 'rate_limit_new_conversations_per_hour' ),
			'delete_data_on_uninstall'              => (bool) ( $values['delete_data_on_uninstall'] ?? false ),
			'retention_days'                        => (int) $number( 'retention_days' ),
			'checkpoint_conversations'              => (int) $number( 'checkpoint_conversations' ),
			'consent_notice'                        => (bool) ( $values['consent_notice'] ?? false ),
			'consent_required'                      => (bool) ( $values['consent_required'] ?? false ),
			// The default reads in the site's language; before `init` (the chat's early poll) no
			// translation may load, and nothing there shows the notice.
			'consent_text'                          => '' !== $text || ! did_action( 'init' ) ? $text : self::default_consent_text(),
			'privacy_policy_url'                    => $url,
			'mask_contact_outbound'                 => (bool) ( $values['mask_contact_outbound'] ?? false ),
			'alerts_window_days'                    => (int) $number( 'alerts_window_days' ),
			'alerts_min_conversations'              => (int) $number( 'alerts_min_conversations' ),
			'alerts_min_handoffs'                   => (int) $number( 'alerts_min_handoffs' ),
			'alerts_intent_rate_change'             => $number( 'alerts_intent_rate_change' ),
			'alerts_turn_drop'                      => $number( 'alerts_turn_drop' ),
			'alerts_topic_share'                    => $number( 'alerts_topic_share' ),
			'alerts_queue_delay_rise'               => $number( 'alerts_queue_delay_rise' ),
			'alerts_abandonment_rise'               => $number( 'alerts_abandonment_rise' ),
			'alerts_completeness_drop'              => $number( 'alerts_completeness_drop' ),
			'alerts_digest'                         => (bool) ( $values['alerts_digest'] ?? false ),
			'alerts_digest_recipients'              => is_string( $values['alerts_digest_recipients'] ?? null ) && '' !== trim( $values['alerts_digest_recipients'] ) && null !== Reports\Alerts\Alert_Settings::recipients( $values['alerts_digest_recipients'] ) ? trim( $values['alerts_digest_recipients'] ) : '',
		);
	}
}
