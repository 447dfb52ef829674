<?php
/**
 * The signals read on every visitor message.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Signals;

use HandoffBot\Contracts\Signal;
use HandoffBot\Knowledge\Tokenizer;

defined( 'ABSPATH' ) || exit;

/**
 * The shipped signals, and any a site adds through `handoff_bot_signals`.
 */
final class Signal_Registry {

	/**
	 * Whether the intent signal keeps the models it prepares.
	 *
	 * @var bool
	 */
	private bool $keep_models;

	/**
	 * Builds the registry.
	 *
	 * @param bool $keep_models False for the rules tester: it prepares unsaved intents, and only
	 *                          the rules in force keep their model.
	 */
	public function __construct( bool $keep_models = true ) {
		$this->keep_models = $keep_models;
	}

	/**
	 * The signals the plugin ships, in the order they are read.
	 *
	 * @param bool $keep_models Whether the intent signal keeps the models it prepares.
	 * @return list<Signal>
	 */
	public static function defaults( bool $keep_models = true ): array {
		$tokenizer = new Tokenizer();
		return array(
			new Intent_Signal( $tokenizer, new Intent_Model_Cache( $keep_models ) ),
			new Human_Request_Signal(),
			new Frustration_Signal(),
			new Repetition_Signal( $tokenizer ),
			new Sensitivity_Signal(),
			new Unproductive_Signal(),
			new Personal_Signal(),
		);
	}

	/**
	 * The signals in force (anything that is not a Signal is dropped).
	 *
	 * @return list<Signal>
	 */
	public function all(): array {
		/**
		 * The signals read on every visitor message. Add a Contracts\Signal to let your own
		 * rules see something new in a message (see docs/ADDING_A_RULE.md).
		 *
		 * @since 0.2.0
		 *
		 * @param Signal[] $signals The signals.
		 */
		$signals = apply_filters( 'handoff_bot_signals', self::defaults( $this->keep_models ) );
		return array_values(
			array_filter(
				is_array( $signals ) ? $signals : self::defaults( $this->keep_models ),
				static function ( $signal ): bool {
					return $signal instanceof Signal;
				}
			)
		);
	}
}
