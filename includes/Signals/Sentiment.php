<?php
/**
 * A lexicon sentiment score, VADER-style.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Signals;

defined( 'ABSPATH' ) || exit;

/**
 * Scores English text with the VADER lexicon (data/vader-lexicon.php, loaded once per request)
 * and VADER's rules as far as they matter in a chat: negation ("not good" turns and weakens),
 * boosters and dampeners ("very", "slightly"), a word in CAPITALS among lowercase ones, "but"
 * (what follows counts more), and "!" and "??" strengthening the whole. The compound score is
 * VADER's: the sum of valences squashed into [-1, 1].
 *
 * One change for support chats: words that name the visitor's problem ("broken", "declined",
 * "hacked", "error") are a report, not a mood, so they count for a third; otherwise every
 * question about a damaged parcel would read as an angry visitor.
 *
 * @phpstan-type Sentiment_Score array{compound: float, words: list<string>}
 */
final class Sentiment {

	/**
	 * Booster (positive) and dampener (negative) increments.
	 */
	private const BOOST = 0.293;

	/**
	 * Added to a capitalised word's valence when the text is not all capitals.
	 */
	private const CAPS = 0.733;

	/**
	 * Multiplies a negated valence.
	 */
	private const NEGATE = -0.74;

	/**
	 * VADER's normalisation constant.
	 */
	private const ALPHA = 15.0;

	/**
	 * Words that strengthen (1) or weaken (-1) the next sentiment word.
	 *
	 * @var array<string, int>
	 */
	private const BOOSTERS = array(
		'absolutely'    => 1,
		'amazingly'     => 1,
		'awfully'       => 1,
		'completely'    => 1,
		'considerably'  => 1,
		'decidedly'     => 1,
		'deeply'        => 1,
		'effing'        => 1,
		'enormously'    => 1,
		'entirely'      => 1,
		'especially'    => 1,
		'exceptionally' => 1,
		'extremely'     => 1,
		'fabulously'    => 1,
		'flipping'      => 1,
		'freaking'      => 1,
		'fricking'      => 1,
		'frigging'      => 1,
		'fucking'       => 1,
		'fully'         => 1,
		'greatly'       => 1,
		'hella'         => 1,
		'highly'        => 1,
		'hugely'        => 1,
		'incredibly'    => 1,
		'intensely'     => 1,
		'majorly'       => 1,
		'more'          => 1,
		'most'          => 1,
		'particularly'  => 1,
		'purely'        => 1,
		'quite'         => 1,
		'really'        => 1,
		'remarkably'    => 1,
		'so'            => 1,
		'substantially' => 1,
		'thoroughly'    => 1,
		'totally'       => 1,
		'tremendously'  => 1,
		'truly'         => 1,
		'uber'          => 1,
		'unbelievably'  => 1,
		'unusually'     => 1,
		'utterly'       => 1,
		'very'          => 1,
		'almost'        => -1,
		'barely'        => -1,
		'hardly'        => -1,
		'kinda'         => -1,
		'less'          => -1,
		'little'        => -1,
		'marginally'    => -1,
		'occasionally'  => -1,
		'partly'        => -1,
		'scarcely'      => -1,
		'slightly'      => -1,
		'somewhat'      => -1,
		'sorta'         => -1,
	);

	/**
	 * Words that negate what follows (apostrophes dropped: "didn't" is "didnt").
	 *
	 * @var list<string>
	 */
	private const NEGATIONS = array( 'aint', 'arent', 'cannot', 'cant', 'couldnt', 'darent', 'didnt', 'doesnt', 'dont', 'hadnt', 'hasnt', 'havent', 'isnt', 'mightnt', 'mustnt', 'neither', 'neednt', 'never', 'none', 'nope', 'nor', 'not', 'nothing', 'nowhere', 'oughtnt', 'shant', 'shouldnt', 'wasnt', 'werent', 'without', 'wont', 'wouldnt', 'rarely', 'seldom', 'despite', 'nobody' );

	/**
	 * Words that name a problem rather than a feeling: they count for a third.
	 *
	 * @var list<string>
	 */
	private const PROBLEM_WORDS = array( 'no', 'damaged', 'damage', 'broken', 'break', 'broke', 'lost', 'lose', 'losing', 'missing', 'miss', 'wrong', 'error', 'errors', 'problem', 'problems', 'issue', 'issues', 'fail', 'failed', 'fails', 'failing', 'failure', 'declined', 'decline', 'cancel', 'cancelled', 'canceled', 'cancelling', 'dispute', 'disputing', 'charges', 'charged', 'hacked', 'hack', 'stolen', 'steal', 'stole', 'theft', 'fraud', 'fraudulent', 'late', 'delay', 'delayed', 'blocked', 'block', 'suspended', 'crash', 'crashed', 'crashes', 'crashing', 'stuck', 'infringement', 'infringing', 'harassment', 'complaint', 'complain', 'disabled', 'expired', 'rejected', 'reject', 'suspicious', 'phishing', 'scam', 'forgot', 'forgotten', 'itchy', 'allergic', 'sick', 'pain', 'dead', 'died', 'die', 'kill', 'kills', 'killed', 'worries', 'worry', 'worried', 'trouble', 'emergency', 'debt', 'owe', 'penalty', 'fake', 'weird', 'freezes', 'freezing', 'frozen', 'bug', 'bugs', 'slow', 'leave', 'left', 'unable', 'doubt', 'risk', 'hard', 'difficult', 'lawsuit', 'sue', 'court', 'challenge', 'avoid', 'attack', 'war', 'bomb', 'cut', 'limited', 'low', 'lower', 'strict', 'collapse', 'poor' );

	/**
	 * Lexicon entries that mean something else in a support chat ("PO box", "pay", "fit", Spanish
	 * "sin", the car maker Kia): never scored.
	 *
	 * @var list<string>
	 */
	private const NOT_SENTIMENT = array( 'po', 'pu', 'pay', 'fit', 'sin', 'kia', 'mia', 'tx', 'wd', 'gt', 'jp', 'bl', 'nh', 'dx', 'ly', 'ff', 'gg', 'gl', 'gn', 'jj', 'jt', 'jw', 'lts', 'qt', 'ez', 'top', 'low', 'cut', 'vip', 'bz', 'rig', 'hid', 'fan', 'god', 'lag', 'ban', 'sob', 'doa', 'iou', 'tia', 'tmi', 'wag', 'xp', 'nfc', 'mlm', 'cry' );

	/**
	 * The lexicon, loaded once.
	 *
	 * @var array<string, float>|null
	 */
	private static ?array $lexicon = null;

	/**
	 * The score of a text: compound in [-1, 1] and the words that carried a negative valence.
	 *
	 * @param string $text Text as written.
	 * @return Sentiment_Score
	 */
	public function score( string $text ): array {
		$lexicon = self::lexicon();
		$tokens  = $this->tokens( $text );
		$count   = count( $tokens );
		$capped  = 0;
		foreach ( $tokens as $token ) {
			if ( $this->is_caps( $token['raw'] ) ) {
				++$capped;
			}
		}
		// Capitals stand out only when some of the text is not in capitals.
		$caps_differ = $capped > 0 && $capped < $count;
		$valences    = array();
		$negative    = array();
		foreach ( $tokens as $i => $token ) {
			$word = $token['word'];
			// A contraction is not the word it spells without its apostrophe ("I'll" is not "ill").
			$contracted = (bool) preg_match( '/[\'’](?:ll|d|s|m|re|ve)$/u', $token['raw'] );
			if ( $contracted || isset( self::BOOSTERS[ $word ] ) || in_array( $word, self::NOT_SENTIMENT, true ) || ! isset( $lexicon[ $word ] ) && ! isset( $lexicon[ $token['raw'] ] ) ) {
				$valences[] = 0.0;
				continue;
			}
			$valence = $lexicon[ $word ] ?? $lexicon[ $token['raw'] ];
			if ( in_array( $word, self::PROBLEM_WORDS, true ) ) {
				$valence /= 3;
			}
			if ( $caps_differ && $this->is_caps( $token['raw'] ) ) {
				$valence += $valence > 0 ? self::CAPS : -self::CAPS;
			}
			for ( $back = 1; $back <= 3 && $i - $back >= 0; $back++ ) {
				$before = $tokens[ $i - $back ];
				if ( isset( self::BOOSTERS[ $before['word'] ] ) && ! isset( $lexicon[ $before['word'] ] ) ) {
					$boost = self::BOOST * self::BOOSTERS[ $before['word'] ] * ( $valence < 0 ? -1 : 1 );
					if ( $caps_differ && $this->is_caps( $before['raw'] ) ) {
						$boost += $valence < 0 ? -self::CAPS : self::CAPS;
					}
					$valence += $boost * ( 1 === $back ? 1 : ( 2 === $back ? 0.95 : 0.9 ) );
				}
				if ( $before['negates'] ) {
					$valence *= self::NEGATE;
					break;
				}
			}
			$valences[] = $valence;
			if ( $valence < 0 ) {
				$negative[] = $token['word'];
			}
		}//end foreach
		$valences = $this->but( $tokens, $valences );
		$sum      = array_sum( $valences );
		if ( 0.0 !== $sum ) {
			$sum += ( $sum > 0 ? 1 : -1 ) * $this->punctuation( $text );
		}
		return array(
			'compound' => $sum / sqrt( $sum * $sum + self::ALPHA ),
			'words'    => array_values( array_unique( $negative ) ),
		);
	}

	/**
	 * The lexicon (loaded on first use).
	 *
	 * @return array<string, float>
	 */
	public static function lexicon(): array {
		if ( null === self::$lexicon ) {
			$data          = require __DIR__ . '/data/vader-lexicon.php';
			self::$lexicon = is_array( $data ) ? $data : array();
		}
		return self::$lexicon;
	}

	/**
	 * Tokens: whitespace-separated, the word lowercased without the punctuation around it
	 * (apostrophes dropped, so "didn't" is "didnt"), the raw token kept for emoticons and capitals.
	 *
	 * @param string $text Text.
	 * @return list<array{raw: string, word: string, negates: bool}>
	 */
	private function tokens( string $text ): array {
		$out  = array();
		$raws = preg_split( '/\s+/u', $text, -1, PREG_SPLIT_NO_EMPTY );
		foreach ( false === $raws ? array() : $raws as $raw ) {
			$stripped = (string) preg_replace( '/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/u', '', $raw );
			$word     = str_replace( array( '\'', '’' ), '', mb_strtolower( $stripped, 'UTF-8' ) );
			// VADER drops one-letter words ("a", "I") unless they are an emoticon.
			if ( mb_strlen( $word, 'UTF-8' ) <= 1 && ! isset( self::lexicon()[ $raw ] ) ) {
				continue;
			}
			$out[] = array(
				'raw'     => '' === $stripped ? $raw : $stripped,
				'word'    => '' === $word ? $raw : $word,
				'negates' => in_array( $word, self::NEGATIONS, true ) || (bool) preg_match( '/n[\'’]t$/u', mb_strtolower( $stripped, 'UTF-8' ) ),
			);
		}
		return $out;
	}

	/**
	 * Whether a token is written in capitals (two letters or more).
	 *
	 * @param string $raw Token.
	 */
	private function is_caps( string $raw ): bool {
		return (bool) preg_match( '/^\P{Ll}*\p{Lu}\P{Ll}*\p{Lu}\P{Ll}*$/u', $raw );
	}

	/**
	 * VADER's "but": what comes before counts half, what follows one and a half.
	 *
	 * @param array<int, array{raw: string, word: string, negates: bool}> $tokens   Tokens.
	 * @param array<int, float>                                           $valences Valences, one per token.
	 * @return array<int, float>
	 */
	private function but( array $tokens, array $valences ): array {
		foreach ( $tokens as $i => $token ) {
			if ( 'but' !== $token['word'] ) {
				continue;
			}
			foreach ( $valences as $j => $valence ) {
				$valences[ $j ] = $valence * ( $j < $i ? 0.5 : ( $j > $i ? 1.5 : 1.0 ) );
			}
			break;
		}
		return $valences;
	}

	/**
	 * VADER's emphasis from "!" (up to four) and from two or more "?".
	 *
	 * @param string $text Text.
	 */
	private function punctuation( string $text ): float {
		$bangs     = min( 4, substr_count( $text, '!' ) );
		$questions = substr_count( $text, '?' );
		$emphasis  = $bangs * 0.292;
		if ( $questions > 1 ) {
			$emphasis += $questions <= 3 ? $questions * 0.18 : 0.96;
		}
		return $emphasis;
	}
}
