<?php
/**
 * Masks personal data that must never be stored: card numbers, IBANs, national IDs, passwords.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Privacy;

use HandoffBot\Signals\Personal_Data;

defined( 'ABSPATH' ) || exit;

/**
 * What `Signals\Personal_Data` finds, each checked the way its issuer checks it (a card number
 * passes the Luhn check and starts as its network's do; an IBAN has its country's length and
 * passes mod-97; national IDs have their check digit, letter or valid ranges), is masked before a
 * message is stored, so it never sits in the database nor travels to a help desk: `[Visa card
 * ending 4242]`, `[IBAN DE… ending 3000]`, `[US SSN ending 6789]`, and a password as `••••••••`.
 * A number that fails its check (an order number, a tracking code, a phone number) is left as
 * typed. Sites add their own patterns with the filter `handoff_bot_redaction_patterns`.
 *
 * @phpstan-type Redaction array{text: string, found: list<string>}
 */
final class Redactor {

	/**
	 * Masks what must not be stored.
	 *
	 * @param string $text The message.
	 * @return Redaction The text masked, and the kinds found (`card`, `iban`, `national_id`,
	 *                   `password`, `other`; each once, in order).
	 */
	public static function redact( string $text ): array {
		$found   = array();
		$matches = ( new Personal_Data() )->matches( $text );
		// Passwords where they were typed (the same word elsewhere is no password), last first so
		// the earlier places hold; then the numbers, wherever they appear.
		$placed = array_filter(
			$matches,
			static function ( array $item ): bool {
				return isset( $item['offset'] );
			}
		);
		usort(
			$placed,
			static function ( array $a, array $b ): int {
				return ( $b['offset'] ?? 0 ) <=> ( $a['offset'] ?? 0 );
			}
		);
		foreach ( $placed as $item ) {
			$text = substr_replace( $text, str_repeat( '•', 8 ), (int) $item['offset'], strlen( $item['match'] ) );
		}
		foreach ( $matches as $item ) {
			if ( ! isset( $item['offset'] ) ) {
				$text = str_replace( $item['match'], '[' . $item['evidence'] . ']', $text );
			}
			$found[] = $item['kind'];
		}
		foreach ( self::site_patterns() as $pattern ) {
			$masked = preg_replace_callback(
				$pattern,
				static function () use ( &$found ): string {
					$found[] = 'other';
					return '[••••]';
				},
				$text
			);
			// A pattern that fails on this text (too much backtracking) masks nothing, and loses nothing.
			$text = is_string( $masked ) ? $masked : $text;
		}
		return array(
			'text'  => $text,
			'found' => array_values( array_unique( $found ) ),
		);
	}

	/**
	 * The site's own patterns (valid regular expressions only).
	 *
	 * @return list<string>
	 */
	private static function site_patterns(): array {
		/**
		 * More patterns to mask before a message is stored, e.g. a site's member numbers.
		 *
		 * @since 0.1.0
		 *
		 * @param list<string> $patterns Regular expressions (PCRE, with delimiters). Default none.
		 */
		$patterns = apply_filters( 'handoff_bot_redaction_patterns', array() );
		$out      = array();
		foreach ( is_array( $patterns ) ? $patterns : array() as $pattern ) {
			if ( is_string( $pattern ) && false !== @preg_match( $pattern, '' ) ) { // phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged -- a broken pattern from a filter is skipped, not fatal.
				$out[] = $pattern;
			}
		}
		return $out;
	}
}
