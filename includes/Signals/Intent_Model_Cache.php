<?php
/**
 * Keeps the prepared model of a site's own intents between requests.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Signals;

defined( 'ABSPATH' ) || exit;

/**
 * Preparing the model of edited intents takes tens of milliseconds; this keeps the last one
 * prepared, keyed on what it was prepared from, in the object cache and in a non-autoloaded
 * option (one read on the first message of a request). The default intents never need it: their
 * model ships with the plugin.
 *
 * @phpstan-import-type Model_Array from Intent_Model
 */
final class Intent_Model_Cache {

	/**
	 * Option holding `{key, model}`.
	 */
	public const OPTION = 'handoff_bot_intent_model';

	/**
	 * Object cache group.
	 */
	private const GROUP = 'handoff_bot';

	/**
	 * Whether set() keeps what it is given.
	 *
	 * @var bool
	 */
	private bool $writable;

	/**
	 * Builds the cache.
	 *
	 * @param bool $writable False to read only: the rules tester prepares unsaved intents, whose
	 *                       model must not replace the one of the rules in force.
	 */
	public function __construct( bool $writable = true ) {
		$this->writable = $writable;
	}

	/**
	 * The prepared model for a key, if kept.
	 *
	 * @param string $key Intent_Model::key() of the intents.
	 * @return Model_Array|null
	 */
	public function get( string $key ): ?array {
		$cached = wp_cache_get( self::OPTION, self::GROUP );
		if ( ! is_array( $cached ) ) {
			$cached = get_option( self::OPTION );
			if ( is_array( $cached ) ) {
				wp_cache_set( self::OPTION, $cached, self::GROUP );
			}
		}
		if ( ! is_array( $cached ) || ( $cached['key'] ?? '' ) !== $key || ! is_array( $cached['model'] ?? null ) ) {
			return null;
		}
		/**
		 * Stored by set() from Intent_Model::to_array().
		 *
		 * @phpstan-var Model_Array $model
		 */
		$model = $cached['model'];
		return $model;
	}

	/**
	 * Keeps a prepared model (replacing the one kept before).
	 *
	 * @param string               $key   Intent_Model::key() of the intents.
	 * @param array<string, mixed> $model Intent_Model::to_array().
	 * @phpstan-param Model_Array $model
	 */
	public function set( string $key, array $model ): void {
		if ( ! $this->writable ) {
			return;
		}
		$value = array(
			'key'   => $key,
			'model' => $model,
		);
		update_option( self::OPTION, $value, false );
		wp_cache_set( self::OPTION, $value, self::GROUP );
	}
}
