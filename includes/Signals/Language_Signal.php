<?php
/**
 * Detects the language a visitor writes in.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Signals;

defined( 'ABSPATH' ) || exit;

/**
 * A light detector: the script for non-Latin writing, and common function words for the main
 * Latin-script languages. Short or ambiguous messages fall back to the site's language.
 */
final class Language_Signal {

	/**
	 * Function words per language.
	 *
	 * @var array<string, string>
	 */
	private const WORDS = array(
		'en' => 'the and is are you your how what when where why can do does my i to of for in on with it this that have be not please order',
		'fr' => 'le la les des est et vous votre comment quand pourquoi je mon ma mes un une du pour avec pas ne que qui dans sur commande',
		'de' => 'der die das und ist sind sie ich mein meine wie was wann warum wo nicht ein eine mit für auf zu bestellung kann',
		'es' => 'el la los las es son y usted su cómo como qué que cuándo dónde por qué mi mis un una con para no pedido puedo',
		'it' => 'il lo la gli le è sono e lei suo come cosa quando dove perché mio mia un una con per non ordine posso',
		'pt' => 'o a os as é são e você seu sua como quando onde por que meu minha um uma com para não pedido posso',
		'nl' => 'de het een en is zijn u uw hoe wat wanneer waar waarom mijn ik met voor niet bestelling kan',
	);

	/**
	 * Detects the language of a message.
	 *
	 * @param string $text     Message.
	 * @param string $fallback Tag to use when the message gives no evidence ("" for the site's language).
	 * @return string BCP 47 primary tag, or "und".
	 */
	public function detect( string $text, string $fallback = '' ): string {
		$fallback = '' !== $fallback ? $fallback : $this->site_language();
		$scripts  = array(
			'ja' => '/[\p{Hiragana}\p{Katakana}]/u',
			'ko' => '/\p{Hangul}/u',
			'zh' => '/\p{Han}/u',
			'ru' => '/\p{Cyrillic}/u',
			'ar' => '/\p{Arabic}/u',
			'he' => '/\p{Hebrew}/u',
			'el' => '/\p{Greek}/u',
			'hi' => '/\p{Devanagari}/u',
			'th' => '/\p{Thai}/u',
		);
		foreach ( $scripts as $tag => $pattern ) {
			if ( preg_match( $pattern, $text ) ) {
				return $tag;
			}
		}
		if ( ! preg_match_all( '/\p{L}+/u', mb_strtolower( $text, 'UTF-8' ), $m ) ) {
			return $fallback;
		}
		$words  = $m[0];
		$scores = array();
		foreach ( self::WORDS as $tag => $list ) {
			$set   = array_flip( explode( ' ', $list ) );
			$score = 0;
			foreach ( $words as $word ) {
				if ( isset( $set[ $word ] ) ) {
					++$score;
				}
			}
			$scores[ $tag ] = $score;
		}
		arsort( $scores );
		$best  = (string) array_key_first( $scores );
		$top   = (int) reset( $scores );
		$next  = (int) next( $scores );
		$ascii = 0 === preg_match( '/[^\x00-\x7F]/', $text );
		if ( $top >= 2 && $top > $next ) {
			return $best;
		}
		if ( 1 === $top && $top > $next && ! ( $ascii && 'en' !== $best && 'en' === $fallback ) ) {
			return $best;
		}
		return $fallback;
	}

	/**
	 * The site's language as a primary tag.
	 */
	private function site_language(): string {
		$locale = function_exists( 'get_locale' ) ? get_locale() : 'en_US';
		$tag    = strtolower( (string) strtok( $locale, '_' ) );
		return '' === $tag ? 'und' : $tag;
	}
}
