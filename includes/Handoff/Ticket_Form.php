<?php
/**
 * The ticket form's answers, checked.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Handoff;

defined( 'ABSPATH' ) || exit;

/**
 * Pure. What a visitor leaves when nobody can take the chat now: their name, how to reach them
 * (an email, or a phone callback in a time window of their time zone) and their message. Each
 * field that is wrong gets its own message, so the form can say which.
 *
 * @phpstan-type Ticket_Answers array{name: string, email: string, contact: string, phone: string, window: string, timezone: string, message: string}
 */
final class Ticket_Form {

	/**
	 * Preferred contact: an email reply.
	 */
	public const CONTACT_EMAIL = 'email';

	/**
	 * Preferred contact: a phone callback.
	 */
	public const CONTACT_PHONE = 'phone';

	/**
	 * The callback windows, in the visitor's time zone: name => [from hour, to hour].
	 */
	public const WINDOWS = array(
		'morning'   => array( 9, 12 ),
		'afternoon' => array( 12, 17 ),
		'evening'   => array( 17, 20 ),
		'anytime'   => array( 9, 20 ),
	);

	/**
	 * The longest message, in characters.
	 */
	public const MESSAGE_MAX = 4000;

	/**
	 * The longest name, in characters.
	 */
	private const NAME_MAX = 100;

	/**
	 * The longest email address (the column a help desk keeps it in).
	 */
	private const EMAIL_MAX = 100;

	/**
	 * Checks the answers.
	 *
	 * @param array<string, mixed> $input          What was sent.
	 * @param bool                 $callback_offered Whether a phone callback may be asked for.
	 * @param string               $site_timezone  The site's time zone (when the visitor's is unknown).
	 * @return array{answers: Ticket_Answers|null, errors: array<string, string>}
	 */
	public static function check( array $input, bool $callback_offered, string $site_timezone ): array {
		$text    = static function ( string $key ) use ( $input ): string {
			$value = $input[ $key ] ?? '';
			return is_string( $value ) ? trim( (string) preg_replace( '/[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/u', '', $value ) ) : '';
		};
		$errors  = array();
		$name    = (string) preg_replace( '/\s+/u', ' ', $text( 'name' ) );
		$email   = $text( 'email' );
		$contact = '' === $text( 'contact' ) ? self::CONTACT_EMAIL : $text( 'contact' );
		$message = $text( 'message' );

		if ( '' === $name ) {
			$errors['name'] = __( 'Please enter your name.', 'handoff-bot' );
		} elseif ( mb_strlen( $name ) > self::NAME_MAX ) {
			/* translators: %d: the most characters allowed. */
			$errors['name'] = sprintf( __( 'Please keep your name under %d characters.', 'handoff-bot' ), self::NAME_MAX );
		}
		if ( ! in_array( $contact, array( self::CONTACT_EMAIL, self::CONTACT_PHONE ), true ) || ( self::CONTACT_PHONE === $contact && ! $callback_offered ) ) {
			$errors['contact'] = __( 'Please choose how we should reach you.', 'handoff-bot' );
		}
		if ( '' === $email ) {
			if ( self::CONTACT_PHONE !== $contact ) {
				$errors['email'] = __( 'Please enter your email address, so that we can reply.', 'handoff-bot' );
			}
		} elseif ( mb_strlen( $email ) > self::EMAIL_MAX || ! is_email( $email ) ) {
			$errors['email'] = __( 'Please enter a valid email address, like name@example.com.', 'handoff-bot' );
		}
		if ( '' === $message ) {
			$errors['message'] = __( 'Please tell us what you need.', 'handoff-bot' );
		} elseif ( mb_strlen( $message ) > self::MESSAGE_MAX ) {
			/* translators: %d: the most characters allowed. */
			$errors['message'] = sprintf( __( 'Please keep your message under %d characters.', 'handoff-bot' ), self::MESSAGE_MAX );
		}

		$phone    = '';
		$window   = '';
		$timezone = '';
		if ( self::CONTACT_PHONE === $contact ) {
			$phone  = self::phone( $text( 'phone' ) );
			$window = '' === $text( 'window' ) ? 'anytime' : $text( 'window' );
			if ( '' === $phone ) {
				$errors['phone'] = __( 'Please enter a phone number we can call, with its country code if you are abroad.', 'handoff-bot' );
			}
			if ( ! isset( self::WINDOWS[ $window ] ) ) {
				$errors['window'] = __( 'Please choose when we should call.', 'handoff-bot' );
			}
			$timezone = $text( 'timezone' );
			if ( '' === $timezone ) {
				$timezone = $site_timezone;
			} elseif ( ! self::is_timezone( $timezone ) ) {
				$errors['timezone'] = __( 'That time zone is unknown.', 'handoff-bot' );
			}
		}
		if ( $errors ) {
			return array(
				'answers' => null,
				'errors'  => $errors,
			);
		}
		return array(
			'answers' => array(
				'name'     => $name,
				'email'    => '' === $email ? '' : (string) sanitize_email( $email ),
				'contact'  => $contact,
				'phone'    => $phone,
				'window'   => $window,
				'timezone' => $timezone,
				'message'  => $message,
			),
			'errors'  => array(),
		);
	}

	/**
	 * A phone number as it may be dialled: digits, with a leading + kept; '' when it cannot be
	 * one (fewer than 6 or more than 15 digits, or letters in it).
	 *
	 * @param string $raw What was typed.
	 */
	public static function phone( string $raw ): string {
		if ( ! preg_match( '/^\+?[\d\s().\-\/]+$/', $raw ) ) {
			return '';
		}
		$digits = (string) preg_replace( '/\D/', '', $raw );
		if ( strlen( $digits ) < 6 || strlen( $digits ) > 15 ) {
			return '';
		}
		return ( '+' === $raw[0] ? '+' : '' ) . $digits;
	}

	/**
	 * Whether a name is a time zone PHP knows (an IANA name, current or old, or UTC).
	 *
	 * @param string $name The name.
	 */
	private static function is_timezone( string $name ): bool {
		// Any name PHP knows, the old ones browsers still report too (Asia/Calcutta, Europe/Kiev).
		if ( ! preg_match( '#^[A-Za-z][A-Za-z0-9_+\-]*(?:/[A-Za-z0-9_+\-]+){0,2}$#', $name ) ) {
			return false;
		}
		try {
			new \DateTimeZone( $name );
			return true;
		} catch ( \Exception $e ) {
			return false;
		}
	}

	/**
	 * The form's answers as the brief shows them: label => value, for the fields given.
	 *
	 * @param array $answers The answers.
	 * @phpstan-param Ticket_Answers $answers
	 * @return array<string, string>
	 */
	public static function for_brief( array $answers ): array {
		$out = array(
			'name'    => $answers['name'],
			'email'   => $answers['email'],
			'contact' => $answers['contact'],
		);
		if ( self::CONTACT_PHONE === $answers['contact'] ) {
			$out['phone']    = $answers['phone'];
			$out['window']   = $answers['window'];
			$out['timezone'] = $answers['timezone'];
		}
		$out['message'] = $answers['message'];
		return array_filter(
			$out,
			static function ( string $value ): bool {
				return '' !== $value;
			}
		);
	}
}
