<?php
/**
 * Thrown when a setting is given a value it cannot take.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot;

defined( 'ABSPATH' ) || exit;

/**
 * Names the setting, so the REST layer can answer `400 rest_invalid_param` with it in `data.params`.
 */
final class Invalid_Setting_Exception extends \InvalidArgumentException {

	/**
	 * The setting's name.
	 *
	 * @var string
	 */
	private string $field;

	/**
	 * Builds the exception.
	 *
	 * @param string $field   The setting's name.
	 * @param string $message What is wrong, naming the setting.
	 */
	public function __construct( string $field, string $message ) {
		parent::__construct( $message );
		$this->field = $field;
	}

	/**
	 * The setting's name.
	 */
	public function field(): string {
		return $this->field;
	}
}
