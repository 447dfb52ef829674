<?php
/**
 * Notices a frustrated visitor.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Signals;

use HandoffBot\Contracts\Signal;

defined( 'ABSPATH' ) || exit;

/**
 * How strongly the visitor is frustrated, in [0, 1], from independent cues that add up (each
 * closes part of the distance to 1): the lexicon's negative sentiment, effort phrases ("this
 * didn't help", "I already said", "for the third time"), anger ("so frustrating", swearing, "this
 * stupid bot"), shouting, repeated "!" or "?", and a "not helpful" click on the last answer.
 *
 * A plain problem ("my parcel arrived damaged") stays below 0.3 and does not fire. One effort
 * phrase fires (0.5, "frustrated"); strong frustration, which the frustration rule hands off at
 * its threshold (0.6 by default), takes two cues or a strongly negative message with one.
 */
final class Frustration_Signal implements Signal {

	/**
	 * From this score the signal fires.
	 */
	private const FIRES = 0.3;

	/**
	 * What each kind of cue weighs.
	 *
	 * @var array<string, float>
	 */
	private const WEIGHTS = array(
		'effort'      => 0.5,
		'anger'       => 0.45,
		'swearing'    => 0.45,
		'shouting'    => 0.4,
		'emphasis'    => 0.25,
		'punctuation' => 0.2,
		'feedback'    => 0.35,
	);

	/**
	 * The lexicon's negative sentiment is worth this share of frustration.
	 */
	private const LEXICON_SHARE = 0.55;

	/**
	 * Effort phrases: the visitor had to try again, or the bot did not help.
	 *
	 * @var list<string>
	 */
	private const EFFORT = array(
		'(?:didn\'?t|did not|doesn\'?t|does not|don\'?t|do not|won\'?t|wouldn\'?t) (?:really )?help',
		'not (?:very |at all |really )?help(?:ful|ing)',
		'(?:un|not )helpful',
		'no help',
		'(?:useless|pointless|worthless|hopeless|no use)',
		'wast(?:e|ing) (?:of )?(?:my |our )?(?:time|day|life)',
		'i(?:\'ve| have)? (?:already|just) (?:said|told|asked|explained|gave|given|written|wrote|answered|did|done|tried|sent)',
		'(?:as|like) i (?:said|told you|explained|mentioned|wrote)',
		'i(?:\'ve| have)? (?:said|told you|asked|explained)(?: that| this| it| you)? (?:already|before|twice|earlier|(?:two|three|four|several|many) times)',
		'(?:can\'?t|cannot|won\'?t|don\'?t) (?:you|u) (?:understand|listen|read|get it|help|answer|just)',
		'(?:bot|chat|chatbot|thing|this|it) (?:can\'?t|cannot|doesn\'?t|does not|won\'?t|isn\'?t|is not) (?:help|helping|understand|understanding|working for me)',
		'nothing but (?:problems|trouble|issues|hassle|excuses)',
		'(?:already )?tried (?:that|this|everything|all of that)(?: already)?',
		'(?:you\'?re|you are|u r|ur|youre) not (?:listening|reading|understanding|getting it|helping|answering)',
		'(?:you|u) (?:don\'?t|do not|didn\'?t|did not|never|can\'?t|cannot) (?:listen|understand|read|get it|answer|help)',
		'(?:are|r) (?:you|u) (?:even )?(?:listening|reading|real|serious|kidding|joking)',
		'not listening',
		'(?:that\'?s|that is|this is|thats) not what i (?:asked|meant|said|wanted|want|need)',
		'not what i (?:asked|meant|wanted)',
		'(?:not|doesn\'?t answer) my question',
		'(?:you )?(?:didn\'?t|did not|haven\'?t|have not|never) answer(?:ed)?',
		'answer (?:my|the) (?:damn |bloody |fucking )?question',
		'(?:for )?the (?:second|third|fourth|fifth|sixth|tenth|hundredth|millionth|umpteenth|nth|\d+(?:st|nd|rd|th)) time',
		'for the last time',
		'(?:nobody|no one|no-one|noone) (?:cares|cared|helps|helped|answers|answered|replies|replied|responds|responded|listens|listened|got back)',
		'not good enough',
		'how many (?:more )?times',
		'(?:asked|said|told|explained|tried|written|wrote|called|emailed|contacted|repeated|sent|chased)\w* (?:\w+ ){0,3}(?:two|three|four|five|several|multiple|many|a few|\d+) times',
		'(?<!too )(?:two|three|four|five|several|multiple|a few|\d+) times (?:now|already)',
		'(?:you|u) (?:already|just) (?:said|told me|gave me|sent me|asked)',
		'(?:same|identical) (?:answer|response|reply|thing|message|question|link)',
		'(?:keep|keeps|kept) (?:giving|saying|sending|telling|showing|repeating|asking)',
		'(?:again and again|over and over|round in circles|around in circles|in circles)',
		'stop repeating',
		'still (?:not|no|nothing|waiting|haven\'?t|hasn\'?t|doesn\'?t|don\'?t|isn\'?t|can\'?t|broken|wrong|the same)',
		'(?:ridiculous|unbelievable|unacceptable|absurd|outrageous|disgrace|disgraceful|shocking|what a joke|joke of a)',
		'(?:is|are|\'s|\'re) (?:a |such a |an absolute |a complete |a total )?joke',
		'(?:you(?:\'ve| have)? got to be|are you) (?:kidding|joking)',
		'come on',
		'(?:fed up|sick (?:of|and tired)|tired of|had enough|enough is enough|give up|gave up|i\'?m done|i am done|done with (?:you|this))',
		'nothing (?:works|is working|worked|helps|helped)',
		'why (?:is|does) (?:this|it|everything) (?:so |this )?(?:hard|difficult|complicated|slow|impossible)',
		'can\'?t believe',
		'(?:makes|make|made) no sense|doesn\'?t make (?:any )?sense|nonsense',
		'forget (?:it|about it)',
	);

	/**
	 * Anger: feelings named, and insults at the bot or the company.
	 *
	 * @var list<string>
	 */
	private const ANGER = array(
		'(?:frustrat\w*|annoy(?:ed|ing)|infuriat\w*|furious|fuming|livid|pissed|angry|outraged|disgusted|appalled|exasperat\w*|irritat\w*|upset|disappointed|unhappy|mad at)',
		'(?:worst|worse|terrible|awful|horrible|horrendous|pathetic|appalling|dreadful|lousy|crap|crappy|shit|shitty|rubbish|poor) (?:\w+ )?(?:service|support|experience|company|bot|chat|help|website|site|app|customer service|customer care|care|store|shop|quality)',
		'(?:stupid|dumb|idiotic|useless|pathetic|worthless|crappy|bloody|damn|fucking|f\*+\w*) (?:bot|chat|chatbot|machine|ai|thing|website|site|app|company|system|robot)',
		'(?:incredibly|extremely|unbelievably|so|very|really|totally) (?:rude|unhelpful|slow|incompetent|useless)',
		'(?:someone|somebody|anyone|a person) who (?:knows|actually knows|understands) what (?:they\'?re|they are|he\'?s|she\'?s) (?:doing|talking about)',
		'(?:ugh+|argh+|grr+|jeez|sigh|smh|omg|omfg|wtf|ffs|seriously\?+)',
	);

	/**
	 * Swear words, masked ones ("f***ing") included.
	 */
	private const SWEARING = '/\b(?:f+u+c+k\w*|f[\*#@]+\w*|sh[i\*]t\w*|bullshit|crap|damn\w*|bloody|piss\w*|bastard\w*|arse\w*|asshole\w*|wtf|ffs|stfu|effing|frick\w*|freaking)\b/u';

	/**
	 * {@inheritDoc}
	 */
	public function get_id(): string {
		return 'frustration';
	}

	/**
	 * How frustrated the visitor is.
	 *
	 * @param Signal_Context $context The message, the conversation before it, and the rules.
	 */
	public function detect( Signal_Context $context ): Signal_Result {
		$text     = $context->text;
		$folded   = str_replace( '’', '\'', mb_strtolower( $text, 'UTF-8' ) );
		$cues     = array();
		$evidence = array();

		$kinds = array(
			'effort' => self::EFFORT,
			'anger'  => self::ANGER,
		);
		foreach ( $kinds as $cue => $patterns ) {
			// One pass over the message per kind of cue: its patterns as one alternation.
			if ( ! preg_match_all( '/(?<![\p{L}\'])(?:' . implode( '|', $patterns ) . ')(?![\p{L}])/u', $folded, $m ) ) {
				continue;
			}
			foreach ( $m[0] as $found ) {
				if ( ! $this->already( $found, $evidence ) ) {
					$cues[]     = $cue;
					$evidence[] = $found;
				}
			}
		}
		if ( preg_match( self::SWEARING, $folded, $m ) ) {
			$cues[]     = 'swearing';
			$evidence[] = $m[0];
		}
		$shouting = $this->shouting( $text );
		if ( '' !== $shouting ) {
			$cues[]     = 'shouting';
			$evidence[] = $shouting;
		} elseif ( preg_match( '/\b(?:NOT|NEVER|STILL|AGAIN|NOW|WHY|WHERE|WHAT|NO|ALREADY|HOW)\b/u', $text, $m ) && preg_match( '/\p{Ll}/u', $text ) ) {
			$cues[]     = 'emphasis';
			$evidence[] = $m[0];
		}
		if ( preg_match( '/!{2,}|\?{2,}|\?!|!\?/u', $text, $m ) ) {
			$cues[]     = 'punctuation';
			$evidence[] = $m[0];
		}
		if ( $this->marked_unhelpful( $context ) ) {
			$cues[]     = 'feedback';
			$evidence[] = 'marked unhelpful';
		}

		$calm = 1.0;
		foreach ( $cues as $cue ) {
			$calm *= 1 - self::WEIGHTS[ $cue ];
		}
		$sentiment = ( new Sentiment() )->score( $text );
		if ( $sentiment['compound'] < 0 ) {
			$calm    *= 1 - self::LEXICON_SHARE * -$sentiment['compound'];
			$evidence = array_merge( $evidence, $sentiment['words'] );
		}
		$score = 1 - $calm;
		if ( $score < self::FIRES ) {
			return new Signal_Result( $this->get_id(), false, $score, '', array() );
		}
		$strong = $score >= 0.6 || array_intersect( $cues, array( 'effort', 'anger', 'swearing', 'shouting' ) );
		return new Signal_Result( $this->get_id(), true, $score, $strong ? 'frustrated' : 'negative', array_values( array_unique( $evidence ) ) );
	}

	/**
	 * Whether a phrase overlaps one already found ("not what i asked" inside "that's not what i
	 * asked"): one wording counts once.
	 *
	 * @param string        $found    Phrase.
	 * @param array<string> $evidence Phrases found so far.
	 */
	private function already( string $found, array $evidence ): bool {
		foreach ( $evidence as $earlier ) {
			if ( false !== strpos( $earlier, $found ) || false !== strpos( $found, $earlier ) ) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The shouted part of a message: two words or more in capitals, most of its letters.
	 *
	 * @param string $text Message.
	 */
	private function shouting( string $text ): string {
		$upper = (int) preg_match_all( '/\p{Lu}/u', $text );
		$all   = (int) preg_match_all( '/\p{L}/u', $text );
		if ( $all < 6 || $upper < 0.6 * $all ) {
			return '';
		}
		if ( ! preg_match_all( '/\b\p{Lu}{2,}\b/u', $text, $m ) || count( $m[0] ) < 2 ) {
			return '';
		}
		return Signal_Text::truncate( implode( ' ', $m[0] ), 60 );
	}

	/**
	 * Whether the visitor marked the bot's last reply unhelpful.
	 *
	 * @param Signal_Context $context Context.
	 */
	private function marked_unhelpful( Signal_Context $context ): bool {
		for ( $i = count( $context->history ) - 1; $i >= 0; $i-- ) {
			$turn = $context->history[ $i ];
			if ( 'bot' === $turn['role'] ) {
				return -1 === ( $turn['feedback'] ?? null );
			}
		}
		return false;
	}
}
