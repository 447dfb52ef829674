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
 * Splits text into sentences at ., ! or ? (and their Arabic, Urdu, Devanagari and CJK forms)
 * followed by space and the start of a sentence, or at a CJK full stop.
 */
final class Sentences {

	/**
	 * Sentences of a text, trimmed, in order.
	 *
	 * @param string $text Plain text.
	 * @return string[]
	 * @phpstan-return list<string>
	 */
	public static function split( string $text ): array {
		// A sentence starts with a capital, or with any letter of a script without capitals (\p{Lo}).
		$parts = preg_split( '/(?<=[.!?؟۔।。！？])\s+(?=[\p{Lu}\p{Lo}\p{N}"“«„¿¡(])|(?<=[。！？])|\n+/u', trim( $text ) );
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
