<?php
/**
 * Sentence splitting.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Knowledge;

defined( 'ABSPATH' ) || exit;

/**
 * Splits text into sentences at ., ! or ? (and their CJK forms) followed by space or the end.
 */
final class Sentences {

	/**
	 * Sentences of a text, trimmed, in order.
	 *
	 * @param string $text Plain text.
	 * @return string[]
	 */
	public static function split( string $text ): array {
		$parts = preg_split( '/(?<=[.!?。！？])\s+(?=[\p{Lu}\p{N}"“(])|(?<=[。！？])|\n+/u', trim( $text ) );
		if ( false === $parts ) {
			return array( trim( $text ) );
		}
		return array_values(
			array_filter(
				array_map( 'trim', $parts ),
				static function ( string $s ): bool {
					return '' !== $s;
				}
			)
		);
	}
}
