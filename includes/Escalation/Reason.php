<?php
/**
 * The words the escalation policy speaks in.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Escalation;

defined( 'ABSPATH' ) || exit;

/**
 * Stable codes (new ones are added, never renamed): the report groups by them for years.
 */
final class Reason {

	// Why a person is brought in.
	public const USER_REQUESTED    = 'user_requested';
	public const BUSINESS_RULE     = 'business_rule';
	public const SENSITIVE_ACCOUNT = 'sensitive_account';
	public const LOW_CONFIDENCE    = 'low_confidence';
	public const MISSING_KNOWLEDGE = 'missing_knowledge';
	public const REPEATED_FAILURE  = 'repeated_failure';
	public const FRUSTRATION       = 'frustration';
	public const ACTION_REQUIRED   = 'action_required';

	// Who or what started it.
	public const TRIGGER_USER   = 'user';
	public const TRIGGER_SYSTEM = 'system';
	public const TRIGGER_RULE   = 'rule';

	// What the bot does.
	public const KIND_ANSWER          = 'answer';
	public const KIND_OFFER_CHOICE    = 'offer_choice';
	public const KIND_HANDOFF         = 'handoff';
	public const KIND_PRIVATE_HANDOFF = 'private_handoff';

	// An intent's policy.
	public const POLICY_BOT          = 'bot';
	public const POLICY_OFFER_CHOICE = 'offer_choice';
	public const POLICY_HUMAN        = 'human';
	public const POLICY_PRIVATE      = 'private';
	public const POLICY_ACTION       = 'action';

	/**
	 * Every handoff reason.
	 *
	 * @return list<string>
	 */
	public static function reasons(): array {
		return array( self::USER_REQUESTED, self::BUSINESS_RULE, self::SENSITIVE_ACCOUNT, self::LOW_CONFIDENCE, self::MISSING_KNOWLEDGE, self::REPEATED_FAILURE, self::FRUSTRATION, self::ACTION_REQUIRED );
	}

	/**
	 * Every intent policy.
	 *
	 * @return list<string>
	 */
	public static function policies(): array {
		return array( self::POLICY_BOT, self::POLICY_OFFER_CHOICE, self::POLICY_HUMAN, self::POLICY_PRIVATE, self::POLICY_ACTION );
	}

	/**
	 * Every decision kind.
	 *
	 * @return list<string>
	 */
	public static function kinds(): array {
		return array( self::KIND_ANSWER, self::KIND_OFFER_CHOICE, self::KIND_HANDOFF, self::KIND_PRIVATE_HANDOFF );
	}
}
