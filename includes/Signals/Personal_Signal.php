<?php
/**
 * Whether the visitor speaks of their own case.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Signals;

use HandoffBot\Contracts\Signal;

defined( 'ABSPATH' ) || exit;

/**
 * Fires when the message speaks of the visitor's own case: in the first person ("I", "my", "we"),
 * or to the site ("you", "your"), in English and in the message's language when it is Spanish,
 * French, German or Portuguese; or when it is not a question at all, but a statement or request
 * ("Account hacked, need help"). "Can I get my money back for a charge I didn't make?" fires;
 * "What law governs construction contracts?" does not. Business rules and sensitive topics hand a
 * visitor to a person for their own case; a question about the topic in general is for the
 * site's pages. In a language it has no words for, it fires (it cannot tell, and the rules then
 * behave as without it).
 */
final class Personal_Signal implements Signal {

	/**
	 * Words that speak of oneself or to the site, per language (lowercase, whole words).
	 */
	private const WORDS = array(
		'en' => array( 'i', 'me', 'my', 'mine', 'myself', 'we', 'us', 'our', 'ours', 'ourselves', 'you', 'your', 'yours', 'yourself', 'u', 'ur' ),
		'es' => array( 'yo', 'me', 'mi', 'mis', 'mí', 'conmigo', 'nosotros', 'nosotras', 'nos', 'nuestro', 'nuestra', 'nuestros', 'nuestras', 'usted', 'ustedes', 'tu', 'tus', 'te', 'ti', 'contigo' ),
		'fr' => array( 'je', 'j', 'moi', 'me', 'm', 'mon', 'ma', 'mes', 'nous', 'notre', 'nos', 'vous', 'votre', 'vos', 'tu', 'te', 't', 'toi', 'ton', 'ta', 'tes' ),
		'de' => array( 'ich', 'mich', 'mir', 'mein', 'meine', 'meinen', 'meinem', 'meiner', 'meines', 'wir', 'uns', 'unser', 'unsere', 'unseren', 'unserem', 'unserer', 'du', 'dich', 'dir', 'dein', 'deine', 'deinen', 'deinem', 'deiner', 'euch', 'euer', 'eure' ),
		'pt' => array( 'eu', 'me', 'mim', 'comigo', 'meu', 'minha', 'meus', 'minhas', 'nós', 'nos', 'nosso', 'nossa', 'nossos', 'nossas', 'você', 'vocês', 'voce', 'voces', 'te', 'ti', 'teu', 'tua', 'teus', 'tuas' ),
	);

	/**
	 * Words a question begins with, per language (lowercase).
	 */
	private const QUESTION_WORDS = array(
		'en' => array( 'what', 'which', 'who', 'whom', 'whose', 'when', 'where', 'why', 'how', 'is', 'are', 'was', 'were', 'do', 'does', 'did', 'can', 'could', 'should', 'would', 'will', 'may', 'has', 'have', 'had', 'in', 'on', 'at', 'from', 'for', 'by', 'during', 'after', 'before', 'to', 'of', 'the', 'a', 'an' ),
		'es' => array( 'qué', 'que', 'cuál', 'cual', 'cuáles', 'quién', 'quien', 'quiénes', 'cuándo', 'cuando', 'dónde', 'donde', 'por', 'cómo', 'como', 'cuánto', 'cuántos', 'en', 'el', 'la', 'los', 'las' ),
		'fr' => array( 'que', 'qu', 'quel', 'quelle', 'quels', 'quelles', 'qui', 'quand', 'où', 'pourquoi', 'comment', 'combien', 'est', 'en', 'le', 'la', 'les' ),
		'de' => array( 'was', 'welche', 'welcher', 'welches', 'wer', 'wen', 'wem', 'wessen', 'wann', 'wo', 'warum', 'wie', 'ist', 'sind', 'war', 'in', 'der', 'die', 'das' ),
		'pt' => array( 'que', 'qual', 'quais', 'quem', 'quando', 'onde', 'por', 'como', 'quanto', 'quantos', 'em', 'o', 'a', 'os', 'as' ),
	);

	/**
	 * {@inheritDoc}
	 */
	public function get_id(): string {
		return 'personal';
	}

	/**
	 * Whether the message speaks of the visitor's own case, and the words that show it.
	 *
	 * @param Signal_Context $context The message, the conversation before it, and the rules.
	 */
	public function detect( Signal_Context $context ): Signal_Result {
		$language = strtolower( substr( $context->language, 0, 2 ) );
		if ( '' !== $language && 'en' !== $language && ! isset( self::WORDS[ $language ] ) ) {
			return new Signal_Result( $this->get_id(), true, 1.0, $language, array() );
		}
		$words = array_flip( array_merge( self::WORDS['en'], self::WORDS[ $language ] ?? array() ) );
		// Anything that is not a letter separates words ("I'm" holds "I", "j'ai" holds "j").
		$text   = $context->text;
		$tokens = array_map( 'strval', (array) preg_split( '/[^\p{L}]+/u', $text, -1, PREG_SPLIT_NO_EMPTY ) );
		$found  = array();
		foreach ( $tokens as $i => $token ) {
			$lower = mb_strtolower( (string) $token, 'UTF-8' );
			if ( ! isset( $words[ $lower ] ) || isset( $found[ $lower ] ) ) {
				continue;
			}
			if ( 'I' === $token && $this->is_numeral( $tokens, (int) $i, $text ) ) {
				continue;
			}
			// "US" is a country, "U" and "Ur" are letters and names: the slang is lowercase.
			if ( ( 'us' === $lower && 'US' === $token ) || ( in_array( $lower, array( 'u', 'ur' ), true ) && $lower !== $token ) ) {
				continue;
			}
			$found[ $lower ] = true;
		}
		if ( ! $found ) {
			return $this->is_question( $tokens, $language, $text )
				? Signal_Result::none( $this->get_id() )
				: new Signal_Result( $this->get_id(), true, 1.0, 'statement', array() );
		}
		return new Signal_Result( $this->get_id(), true, 1.0, 'en' === $language || '' === $language ? 'en' : $language, array_map( 'strval', array_keys( $found ) ) );
	}

	/**
	 * Whether the message asks about something: it holds a question mark, or begins as a
	 * question does ("What …", "In which year …", "How many …").
	 *
	 * @param array<int, string> $tokens   The message's words.
	 * @param string             $language Its language.
	 * @param string             $text     The message.
	 */
	private function is_question( array $tokens, string $language, string $text ): bool {
		if ( false !== strpos( $text, '?' ) || false !== strpos( $text, '¿' ) ) {
			return true;
		}
		$first = $tokens ? mb_strtolower( (string) $tokens[0], 'UTF-8' ) : '';
		return in_array( $first, self::QUESTION_WORDS['en'], true ) || in_array( $first, self::QUESTION_WORDS[ $language ] ?? array(), true );
	}

	/**
	 * Whether a capital "I" is a numeral ("Charles I", "World War I"): it follows, with nothing
	 * but a space between, a capitalised word that does not begin the message or a sentence.
	 *
	 * @param array<int, string> $tokens The message's words.
	 * @param int                $i      The position of the "I".
	 * @param string             $text   The message.
	 */
	private function is_numeral( array $tokens, int $i, string $text ): bool {
		$previous = 0 === $i ? '' : (string) $tokens[ $i - 1 ];
		if ( '' === $previous || ! preg_match( '/^\p{Lu}/u', $previous ) ) {
			return false;
		}
		$pair = preg_quote( $previous, '/' ) . ' +I\b';
		return 1 === preg_match( '/\b' . $pair . '/u', $text ) && 0 === preg_match( '/(?:^|[.!?]\W*)' . $pair . '/u', $text );
	}
}
