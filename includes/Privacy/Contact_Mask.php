<?php
/**
 * Masks email addresses and phone numbers in what leaves the site.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Privacy;

defined( 'ABSPATH' ) || exit;

/**
 * Pure. Where the site asks for it (the setting `mask_contact_outbound`), what the connections send
 * out (emails to a help desk, webhooks, Slack) shows email addresses as `a•••@example.com` and phone
 * numbers as `•••• 58`: enough for a person to recognise them, not enough to contact anyone. The
 * wp-admin inbox still has them.
 */
final class Contact_Mask {

	/**
	 * A text with its email addresses and phone numbers masked.
	 *
	 * @param string $text Text.
	 */
	public static function text( string $text ): string {
		$text = (string) preg_replace_callback(
			'/\b([A-Za-z0-9._%+\-])[A-Za-z0-9._%+\-]*@([A-Za-z0-9.\-]+\.[A-Za-z]{2,})\b/',
			static function ( array $m ): string {
				return $m[1] . '•••@' . $m[2];
			},
			$text
		);
		return (string) preg_replace_callback(
			// Seven digits or more, with the separators people type; not inside a longer word.
			'/(?<![\w+(])[+(]?\d(?:[ ().\-]{0,2}\d){6,14}(?!\w)/',
			static function ( array $m ): string {
				// A date is no phone number.
				if ( preg_match( '/^\d{4}([-.\/])\d{1,2}\1\d{1,2}$|^\d{1,2}([-.\/])\d{1,2}\2\d{4}$/', $m[0] ) ) {
					return $m[0];
				}
				$digits = (string) preg_replace( '/\D/', '', $m[0] );
				return '•••• ' . substr( $digits, -2 );
			},
			$text
		);
	}

	/**
	 * Every string in a structure (a brief) masked, keys kept.
	 *
	 * @param mixed $value A string, a list or a map of them, or anything else (kept).
	 * @return mixed
	 */
	public static function deep( $value ) {
		if ( is_string( $value ) ) {
			return self::text( $value );
		}
		if ( is_array( $value ) ) {
			return array_map( array( self::class, 'deep' ), $value );
		}
		return $value;
	}
}
