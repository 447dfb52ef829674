<?php
/**
 * Refuses null for a route's declared parameters.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Rest;

use WP_Error;
use WP_REST_Request;

defined( 'ABSPATH' ) || exit;

/**
 * WordPress validates a parameter against its schema only when it is not null, so a JSON `null`
 * would reach the callback (and become 0, a default or a minimum there). Used as a route's
 * `validate_callback`, this answers `400 rest_invalid_param` naming each such parameter instead,
 * the same error the schema checks give.
 */
final class Null_Guard {

	/**
	 * Whether no declared parameter was sent as null.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 */
	public static function check( WP_REST_Request $request ) {
		$attributes = $request->get_attributes();
		$declared   = isset( $attributes['args'] ) && is_array( $attributes['args'] ) ? $attributes['args'] : array();
		$params     = $request->get_params();
		$invalid    = array();
		foreach ( array_keys( $declared ) as $name ) {
			if ( array_key_exists( $name, $params ) && null === $params[ $name ] ) {
				/* translators: %s: parameter name. */
				$invalid[ $name ] = sprintf( __( '%s cannot be null.', 'handoff-bot' ), $name );
			}
		}
		if ( ! $invalid ) {
			return true;
		}
		return new WP_Error(
			'rest_invalid_param',
			/* translators: %s: list of parameter names. */
			sprintf( __( 'Invalid parameter(s): %s', 'handoff-bot' ), implode( ', ', array_keys( $invalid ) ) ),
			array(
				'status' => 400,
				'params' => $invalid,
			)
		);
	}
}
