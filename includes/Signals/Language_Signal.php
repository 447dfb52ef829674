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
 * A light detector. A non-Latin script names the language when most of the letters are in it (a
 * Greek letter in a formula does not make a question Greek). Latin-script languages are told
 * apart by their common function words, where a word several languages share counts for each only
 * in part, and the winner needs several words and a clear lead. Anything less, and short messages,
 * fall back to the site's language.
 */
final class Language_Signal {

	/**
	 * Common function words per language.
	 *
	 * @var array<string, string>
	 */
	private const WORDS = array(
		'en' => 'the and is are was were be been you your how what when where why which who whom whose can could do does did my i me to of for in on at by from with it its this that these those have has had not no please order a an as or if so than then there their they them our we us will would should about into after before any all some more most',
		'fr' => 'le la les des est et vous votre vos comment quand pourquoi je mon ma mes un une du pour avec pas ne que qui dans sur commande au aux ce cette ces il elle nous ils sont être avoir été mais ou où quel quelle quels est-ce peut puis',
		'de' => 'der die das und ist sind sie ich mein meine wie was wann warum wo nicht ein eine einen mit für auf zu bestellung kann können den dem des im ist es wir ihr mich mir haben habe wird werden auch oder aber noch nach bei von',
		'es' => 'el la los las es son y usted su sus cómo como qué que cuándo dónde por mi mis un una con para no pedido puedo del al lo se le les está están ser tengo tiene hay muy pero o cuál cuáles también',
		'it' => 'il lo la gli le è sono e lei suo sua come cosa quando dove perché mio mia un una con per non ordine posso del della dei delle che di da in si ho ha sei siamo anche ma o quale',
		'pt' => 'o a os as é são e você seu sua como quando onde por que meu minha um uma com para não pedido posso do da dos das no na em ao se eu tenho tem está estão mas ou qual também',
		'nl' => 'de het een en is zijn u uw hoe wat wanneer waar waarom mijn ik met voor niet bestelling kan van in op te dat die er je we ze wordt worden ook maar of',
	);

	/**
	 * Scripts that name a language, with the pattern of their letters.
	 *
	 * @var array<string, string>
	 */
	private const SCRIPTS = array(
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

	/**
	 * Function words, each with the languages that use it (built once).
	 *
	 * @var array<string, string[]>|null
	 */
	private static ?array $lexicon = null;

	/**
	 * Detects the language of a message.
	 *
	 * @param string $text     Message.
	 * @param string $fallback Tag to use when the message gives no clear evidence ("" for the site's language).
	 * @return string BCP 47 primary tag, or "und".
	 */
	public function detect( string $text, string $fallback = '' ): string {
		$fallback = '' !== $fallback ? $fallback : $this->site_language();
		$letters  = preg_match_all( '/\p{L}/u', $text );
		if ( ! $letters ) {
			return $fallback;
		}
		$script = $this->script( $text, (int) $letters );
		if ( null !== $script ) {
			return $script;
		}
		if ( ! preg_match_all( '/\p{L}+(?:[\'’-]\p{L}+)*/u', mb_strtolower( $text, 'UTF-8' ), $m ) ) {
			return $fallback;
		}
		return $this->by_words( $m[0], $fallback );
	}

	/**
	 * The language of the script most of the letters are written in, when it names one; Japanese
	 * wins over Chinese when kana appear among the Han characters.
	 *
	 * @param string $text    Message.
	 * @param int    $letters How many letters it has.
	 */
	private function script( string $text, int $letters ): ?string {
		$counts = array();
		foreach ( self::SCRIPTS as $tag => $pattern ) {
			$counts[ $tag ] = (int) preg_match_all( $pattern, $text );
		}
		if ( $counts['ja'] > 0 ) {
			$counts['ja'] += $counts['zh'];
			$counts['zh']  = 0;
		}
		arsort( $counts );
		$tag = (string) array_key_first( $counts );
		// Half the letters: a formula's symbol or a quoted foreign name is not enough.
		return $counts[ $tag ] > 0 && $counts[ $tag ] * 2 >= $letters ? $tag : null;
	}

	/**
	 * The Latin-script language whose function words the message uses clearly more than any other's.
	 *
	 * @param string[] $words    Lowercase words.
	 * @param string   $fallback Tag when the evidence is weak.
	 */
	private function by_words( array $words, string $fallback ): string {
		$scores = array_fill_keys( array_keys( self::WORDS ), 0.0 );
		$hits   = array_fill_keys( array_keys( self::WORDS ), 0 );
		foreach ( $words as $word ) {
			$languages = self::lexicon()[ $word ] ?? array();
			foreach ( $languages as $tag ) {
				// A word several languages share says less about each of them.
				$scores[ $tag ] += 1 / count( $languages );
				++$hits[ $tag ];
			}
		}
		arsort( $scores );
		$best   = (string) array_key_first( $scores );
		$top    = (float) reset( $scores );
		$second = (float) next( $scores );
		// Several function words, a clear lead, and at least one word of its own.
		if ( $hits[ $best ] >= 2 && $top >= 1.0 && $top >= 2 * $second && $top - $second >= 1.0 ) {
			return $best;
		}
		return $fallback;
	}

	/**
	 * Word => languages that use it.
	 *
	 * @return array<string, string[]>
	 */
	private static function lexicon(): array {
		if ( null === self::$lexicon ) {
			self::$lexicon = array();
			foreach ( self::WORDS as $tag => $list ) {
				foreach ( array_unique( explode( ' ', $list ) ) as $word ) {
					self::$lexicon[ $word ][] = $tag;
				}
			}
		}
		return self::$lexicon;
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
