<?php
/**
 * The plugin's settings, with defaults and validation.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot;

defined( 'ABSPATH' ) || exit;

/**
 * One autoloaded option, `handoff_bot_settings`. Unknown keys are ignored; values are clamped to
 * their allowed range, so code that reads a setting can trust it.
 */
final class Settings {

	public const OPTION = 'handoff_bot_settings';

	/**
	 * Option holding the active configuration version, stamped on every event and conversation
	 * (autoloaded: every message reads it).
	 */
	public const CONFIG_VERSION_OPTION = 'handoff_bot_config_version';

	/**
	 * Setting name => [type, default, min, max].
	 *
	 * @var array<string, array{0: string, 1: mixed, 2?: float|int, 3?: float|int}>
	 */
	private const FIELDS = array(
		'answer_threshold'                      => array( 'number', 0.35, 0, 1 ),
		'max_message_length'                    => array( 'integer', 2000, 50, 10000 ),
		'post_types'                            => array( 'post_types', array( 'post', 'page' ) ),
		'excluded_posts'                        => array( 'ids', array() ),
		'rate_limit_ip_per_minute'              => array( 'integer', 60, 1, 10000 ),
		'rate_limit_token_per_minute'           => array( 'integer', 20, 1, 1000 ),
		'rate_limit_new_conversations_per_hour' => array( 'integer', 30, 1, 10000 ),
		'delete_data_on_uninstall'              => array( 'boolean', false ),
	);

	/**
	 * All settings, with defaults filled in.
	 *
	 * @return array<string, mixed>
	 */
	public function all(): array {
		$stored = get_option( self::OPTION, array() );
		return $this->sanitize( is_array( $stored ) ? $stored : array() );
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
	 * Merges and stores new values; returns the full settings.
	 *
	 * @param array<string, mixed> $values New values.
	 * @return array<string, mixed>
	 */
	public function update( array $values ): array {
		$merged = $this->sanitize( array_merge( $this->all(), array_intersect_key( $values, self::FIELDS ) ) );
		update_option( self::OPTION, $merged, true );
		// The uninstaller reads this flag on its own, without the plugin loaded.
		update_option( 'handoff_bot_delete_data_on_uninstall', $merged['delete_data_on_uninstall'] ? 1 : 0, false );
		return $merged;
	}

	/**
	 * JSON schema of the settings, for the REST route.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public function schema(): array {
		$properties = array();
		foreach ( self::FIELDS as $name => $field ) {
			$type = $field[0];
			switch ( $type ) {
				case 'post_types':
					$properties[ $name ] = array(
						'type'  => 'array',
						'items' => array( 'type' => 'string' ),
					);
					break;
				case 'ids':
					$properties[ $name ] = array(
						'type'  => 'array',
						'items' => array(
							'type'    => 'integer',
							'minimum' => 1,
						),
					);
					break;
				case 'boolean':
					$properties[ $name ] = array( 'type' => 'boolean' );
					break;
				default:
					$properties[ $name ] = array(
						'type'    => $type,
						'minimum' => $field[2] ?? 0,
						'maximum' => $field[3] ?? PHP_INT_MAX,
					);
			}//end switch
			$properties[ $name ]['default'] = $field[1];
			$properties[ $name ]['context'] = array( 'view', 'edit' );
		}//end foreach
		return $properties;
	}

	/**
	 * Fills defaults and clamps values.
	 *
	 * @param array<string, mixed> $values Raw values.
	 * @return array<string, mixed>
	 */
	private function sanitize( array $values ): array {
		$out = array();
		foreach ( self::FIELDS as $name => $field ) {
			$value = array_key_exists( $name, $values ) ? $values[ $name ] : $field[1];
			switch ( $field[0] ) {
				case 'number':
					$value = is_numeric( $value ) ? (float) $value : $field[1];
					$value = max( (float) $field[2], min( (float) $field[3], $value ) );
					break;
				case 'integer':
					$value = is_numeric( $value ) ? (int) $value : $field[1];
					$value = max( (int) $field[2], min( (int) $field[3], $value ) );
					break;
				case 'boolean':
					$value = (bool) $value;
					break;
				case 'ids':
					$value = array_values( array_unique( array_filter( array_map( 'intval', (array) $value ) ) ) );
					break;
				case 'post_types':
					$value = array_values( array_unique( array_filter( array_map( 'strval', (array) $value ), 'post_type_exists' ) ) );
					if ( ! $value ) {
						$value = $field[1];
					}
					break;
			}//end switch
			$out[ $name ] = $value;
		}//end foreach
		return $out;
	}
}
