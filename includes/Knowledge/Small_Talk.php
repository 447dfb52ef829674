<?php
/**
 * Greetings, thanks and goodbyes.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Knowledge;

defined( 'ABSPATH' ) || exit;

/**
 * Recognises a message that is only a greeting, a thank-you or a goodbye, so it gets a short
 * reply instead of a search.
 */
final class Small_Talk {

	/**
	 * The kind of small talk a message is, or null.
	 *
	 * @param string $message Visitor message.
	 * @return string|null "greeting", "thanks" or "goodbye".
	 */
	public function classify( string $message ): ?string {
		$text = trim( (string) preg_replace( '/[^\p{L}\p{N}\s\']+/u', ' ', mb_strtolower( $message, 'UTF-8' ) ) );
		$text = (string) preg_replace( '/\s+/u', ' ', $text );
		if ( '' === $text || mb_strlen( $text, 'UTF-8' ) > 60 ) {
			return null;
		}
		$polite = '(?: (?:there|all|team|everyone|again|so much|very much|a lot|guys|folks|friend|bot|assistant|:?\)))*';
		$rules  = array(
			'thanks'   => '/^(?:(?:ok(?:ay)? |great |perfect |cool |awesome )?(?:thanks?|thank you|thx|ty|cheers|many thanks|much appreciated|appreciate it|merci|danke|gracias|grazie|obrigad[oa]|dank je(?: wel)?)' . $polite . ')$/u',
			'goodbye'  => '/^(?:(?:ok(?:ay)? )?(?:bye|goodbye|good bye|bye bye|see you|see ya|later|have a (?:good|nice|great) (?:day|one|evening)|au revoir|adieu|tsch(?:ü|u)ss|adi(?:ó|o)s|ciao|tchau)' . $polite . ')$/u',
			'greeting' => '/^(?:(?:hi|hello|hey|hiya|howdy|yo|good (?:morning|afternoon|evening)|greetings|bonjour|salut|hallo|guten tag|hola|buenos d(?:í|i)as|ciao|ol(?:á|a)|hej)' . $polite . ')$/u',
		);
		foreach ( $rules as $kind => $pattern ) {
			if ( preg_match( $pattern, $text ) ) {
				return $kind;
			}
		}
		return null;
	}

	/**
	 * The reply to a kind of small talk.
	 *
	 * @param string $kind greeting, thanks or goodbye.
	 */
	public function reply( string $kind ): string {
		switch ( $kind ) {
			case 'thanks':
				return __( 'You’re welcome! Is there anything else I can help with?', 'handoff-bot' );
			case 'goodbye':
				return __( 'Goodbye, and thanks for stopping by!', 'handoff-bot' );
			default:
				return __( 'Hello! What can I help you with today?', 'handoff-bot' );
		}
	}
}
