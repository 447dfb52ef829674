<?php
/**
 * The shapes the rules routes share.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Rest;

use HandoffBot\Escalation\Policy;
use HandoffBot\Escalation\Policy_Validator;
use HandoffBot\Escalation\Reason;
use HandoffBot\Escalation\Simulations;
use HandoffBot\Settings;
use WP_Error;
use WP_REST_Request;

defined( 'ABSPATH' ) || exit;

/**
 * JSON schemas of the policy, a decision and a list of visitor turns; the check of turns against
 * the message length limit; and the policy as a response sends it (the phrases by language stay
 * a JSON object when there are none).
 *
 * @phpstan-import-type Policy_Array from Policy
 */
final class Rules_Schema {

	/**
	 * The policy as sent in a response.
	 *
	 * @param array $policy The policy's stored form.
	 * @phpstan-param Policy_Array $policy
	 * @return array<string, mixed>
	 */
	public static function policy_response( array $policy ): array {
		$policy['human_phrases'] = (object) $policy['human_phrases'];
		// A version saved before a message existed shows the one visitors read: the default, in
		// the site's language (the screen sends it back on save).
		$switched = switch_to_locale( get_locale() );
		$defaults = Policy::default_messages();
		if ( $switched ) {
			restore_previous_locale();
		}
		$policy['messages'] += $defaults;
		return $policy;
	}

	/**
	 * The policy's JSON schema (validated in full by Policy_Validator, which names each field).
	 *
	 * @return array<string, mixed>
	 */
	public static function policy(): array {
		$strings = static function ( int $max ): array {
			return array(
				'type'     => 'array',
				'maxItems' => $max,
				'items'    => array(
					'type'      => 'string',
					'minLength' => 1,
					'maxLength' => Policy_Validator::MAX_PHRASE,
				),
			);
		};
		$share   = array(
			'type'    => 'number',
			'minimum' => 0,
			'maximum' => 1,
		);
		$turns   = array(
			'type'    => 'integer',
			'minimum' => 1,
			'maximum' => Policy_Validator::MAX_TURNS,
		);
		$message = array(
			'type'      => 'string',
			'minLength' => 1,
			'maxLength' => Policy_Validator::MAX_MESSAGE,
		);
		return array(
			'description' => __( 'The escalation policy: intents with their policies, phrases that ask for a person by language, thresholds and messages.', 'handoff-bot' ),
			'type'        => 'object',
			'properties'  => array(
				'intents'       => array(
					'type'     => 'array',
					'maxItems' => Policy_Validator::MAX_INTENTS,
					'items'    => array(
						'type'       => 'object',
						'properties' => array(
							'name'     => array(
								'type'    => 'string',
								'pattern' => '^[a-z0-9_]{1,40}$',
							),
							'label'    => array(
								'type'      => 'string',
								'minLength' => 1,
								'maxLength' => Policy_Validator::MAX_LABEL,
							),
							'policy'   => array(
								'type' => 'string',
								'enum' => Reason::policies(),
							),
							'team'     => array(
								'type'      => 'string',
								'maxLength' => Policy_Validator::MAX_TEAM,
							),
							'keywords' => $strings( Policy_Validator::MAX_TERMS ),
							'phrases'  => $strings( Policy_Validator::MAX_TERMS ),
							'examples' => $strings( Policy_Validator::MAX_EXAMPLES ),
						),
					),
				),
				'human_phrases' => array(
					'type'                 => 'object',
					'additionalProperties' => $strings( Policy_Validator::MAX_HUMAN_PHRASES ),
				),
				'thresholds'    => array(
					'type'       => 'object',
					'properties' => array(
						'intent'           => $share,
						'offer_after'      => $turns,
						'handoff_after'    => $turns,
						'frustration'      => $share,
						'repetition'       => $share,
						'missing_coverage' => $share,
					),
				),
				'messages'      => array(
					'type'       => 'object',
					'properties' => array(
						'offer'       => $message,
						'connecting'  => $message,
						'recorded'    => $message,
						'private'     => $message,
						'dont_know'   => $message,
						'after_hours' => $message,
						'no_agent'    => $message,
					),
				),
			),
		);
	}

	/**
	 * A policy parameter: an object, checked field by field by Policy_Validator.
	 *
	 * @param bool $required Whether it must be sent.
	 * @return array<string, mixed>
	 */
	public static function policy_arg( bool $required ): array {
		return array(
			'description' => __( 'The escalation policy (see the schema of GET /rules).', 'handoff-bot' ),
			'type'        => 'object',
			'required'    => $required,
		);
	}

	/**
	 * A decision's schema.
	 *
	 * @return array<string, mixed>
	 */
	public static function decision(): array {
		return array(
			'type'       => 'object',
			'properties' => array(
				'kind'    => array(
					'type' => 'string',
					'enum' => Reason::kinds(),
				),
				'reason'  => array( 'type' => 'string' ),
				'trigger' => array( 'type' => 'string' ),
				'rule'    => array( 'type' => 'string' ),
				'signals' => array(
					'type'  => 'array',
					'items' => array( 'type' => 'string' ),
				),
				'intent'  => array( 'type' => 'string' ),
			),
		);
	}

	/**
	 * An expected decision's schema: its kind and reason.
	 *
	 * @return array<string, mixed>
	 */
	public static function expectation(): array {
		return array(
			'type'                 => 'object',
			'properties'           => array(
				'kind'   => array(
					'type'     => 'string',
					'enum'     => Reason::kinds(),
					'required' => true,
				),
				'reason' => array(
					'type'     => 'string',
					'enum'     => array_merge( array( '' ), Reason::reasons() ),
					'required' => true,
				),
			),
			'additionalProperties' => false,
		);
	}

	/**
	 * The turns parameter: the visitor's messages.
	 *
	 * @param Settings $settings Settings (the message length limit).
	 * @return array<string, mixed>
	 */
	public static function turns_arg( Settings $settings ): array {
		return array(
			'description'       => __( 'The visitor’s messages, in order.', 'handoff-bot' ),
			'type'              => 'array',
			'minItems'          => 1,
			'maxItems'          => Simulations::MAX_TURNS,
			'items'             => array( 'type' => 'string' ),
			'required'          => true,
			'validate_callback' => static function ( $value, WP_REST_Request $request, string $param ) use ( $settings ) {
				$valid = rest_validate_request_arg( $value, $request, $param );
				if ( true !== $valid ) {
					return $valid;
				}
				return self::turns_error( (array) $value, (int) $settings->get( 'max_message_length' ) );
			},
		);
	}

	/**
	 * Whether every turn is non-empty and within the message length limit, as in the chat.
	 *
	 * @param array<int, mixed> $turns The turns.
	 * @param int               $max   The most characters of a message.
	 * @return true|WP_Error
	 */
	public static function turns_error( array $turns, int $max ) {
		foreach ( $turns as $i => $turn ) {
			$text = trim( (string) $turn );
			if ( '' === $text ) {
				/* translators: %d: the turn's number, from 1. */
				return new WP_Error( 'handoff_bot_empty_message', sprintf( __( 'Turn %d is empty.', 'handoff-bot' ), $i + 1 ) );
			}
			if ( ! mb_check_encoding( $text, 'UTF-8' ) ) {
				/* translators: %d: the turn's number, from 1. */
				return new WP_Error( 'handoff_bot_invalid_utf8', sprintf( __( 'Turn %d is not valid UTF-8.', 'handoff-bot' ), $i + 1 ) );
			}
			if ( mb_strlen( $text, 'UTF-8' ) > $max ) {
				/* translators: 1: the turn's number, from 1; 2: the most characters. */
				return new WP_Error( 'handoff_bot_message_too_long', sprintf( __( 'Turn %1$d is longer than %2$d characters.', 'handoff-bot' ), $i + 1, $max ) );
			}
		}
		return true;
	}

	/**
	 * The turns as the tester takes them: trimmed, as the chat stores a message.
	 *
	 * @param mixed $turns The turns parameter (validated).
	 * @return list<string>
	 */
	public static function turns( $turns ): array {
		return array_values( array_map( 'trim', array_map( 'strval', (array) $turns ) ) );
	}

	/**
	 * The button turn parameter.
	 *
	 * @return array<string, mixed>
	 */
	public static function button_at_arg(): array {
		return array(
			'description' => __( 'The turn (from 0) sent with the “talk to a person” button.', 'handoff-bot' ),
			'type'        => 'integer',
			'minimum'     => 0,
			'maximum'     => Simulations::MAX_TURNS - 1,
		);
	}

	/**
	 * Whether the button turn is one of the turns.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 */
	public static function button_at_error( WP_REST_Request $request ) {
		$button = $request['button_at'];
		if ( null !== $button && (int) $button >= count( (array) $request['turns'] ) ) {
			return new WP_Error(
				'rest_invalid_param',
				/* translators: %s: parameter name. */
				sprintf( __( 'Invalid parameter(s): %s', 'handoff-bot' ), 'button_at' ),
				array(
					'status' => 400,
					'params' => array( 'button_at' => __( 'button_at must be the index of one of the turns.', 'handoff-bot' ) ),
				)
			);
		}
		return true;
	}
}
