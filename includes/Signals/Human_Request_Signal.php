<?php
/**
 * Notices a visitor asking for a person.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Signals;

use HandoffBot\Contracts\Signal;

defined( 'ABSPATH' ) || exit;

/**
 * A request for a person is a person ("agent", "a real human", "someone from support") asked
 * for: after a verb of asking ("talk to", "connect me to", "get me", "I want", "is there"), with
 * "please", or alone ("representative", "human pls"). A person only mentioned is not a request:
 * "my agent said the parcel left" has no asking verb, "the support agent I chatted with" is past,
 * "do I need to talk to someone to cancel?" asks about the process, "I don't need a human" says
 * no. Slang and slips are read first ("hooman", "reprsentative", "wanna talk 2 a human").
 *
 * English is understood without any phrase. The policy's phrases (any language) add wordings:
 * one of three words or more is a request wherever it appears, unless it is negated or owned
 * ("horario de atención al cliente"); a shorter one ("customer service", "un humain") needs
 * the message to be little more than it, or a word of asking before it.
 */
final class Human_Request_Signal implements Signal {

	/**
	 * Slang and shorthand, and what they stand for ("2" is a number key).
	 *
	 * @var array<int|string, string>
	 */
	private const SLANG = array(
		'hooman'    => 'human',
		'hoomans'   => 'humans',
		'hoomn'     => 'human',
		'hmn'       => 'human',
		'humn'      => 'human',
		'hman'      => 'human',
		'ppl'       => 'people',
		'pls'       => 'please',
		'plz'       => 'please',
		'plez'      => 'please',
		'plse'      => 'please',
		'plox'      => 'please',
		'pleas'     => 'please',
		'plis'      => 'please',
		'u'         => 'you',
		'ya'        => 'you',
		'ur'        => 'your',
		'r'         => 'are',
		'2'         => 'to',
		'w'         => 'with',
		'wit'       => 'with',
		'wanna'     => 'want to',
		'wana'      => 'want to',
		'gimme'     => 'give me',
		'lemme'     => 'let me',
		'rep'       => 'representative',
		'reps'      => 'representative',
		'sb'        => 'somebody',
		'smb'       => 'somebody',
		'some1'     => 'someone',
		'sum1'      => 'someone',
		'any1'      => 'anyone',
		'ne1'       => 'anyone',
		'cust'      => 'customer',
		'svc'       => 'service',
		'im'        => 'i am',
		'i\'m'      => 'i am',
		'i\'d'      => 'i would',
		'id'        => 'i would',
		'dont'      => 'do not',
		'don\'t'    => 'do not',
		'doesnt'    => 'does not',
		'cant'      => 'can not',
		'can\'t'    => 'can not',
		'cannot'    => 'can not',
		'call-back' => 'callback',
		'chatbot'   => 'bot',
		'bots'      => 'bot',
		'robot'     => 'bot',
		'robots'    => 'bot',
		'machine'   => 'bot',
		'ai'        => 'bot',
	);

	/**
	 * Words visitors mistype, to read their slips as the word ("reprsentative").
	 *
	 * @var list<string>
	 */
	private const VOCABULARY = array( 'human', 'humans', 'person', 'people', 'agent', 'agents', 'representative', 'operator', 'someone', 'somebody', 'anyone', 'anybody', 'supervisor', 'manager', 'customer', 'service', 'support', 'speak', 'talk', 'connect', 'transfer', 'please', 'staff', 'advisor', 'callback', 'actual', 'real' );

	/**
	 * Real words one slip from the vocabulary: never "corrected".
	 *
	 * @var list<string>
	 */
	private const NOT_SLIPS = array( 'agenda', 'agency', 'urgent', 'manage', 'managed', 'manages', 'humane', 'humans', 'operate', 'operates', 'operated', 'persons', 'personal', 'stuff', 'sneak', 'steak', 'speck', 'spear', 'steam', 'tall', 'walk', 'talks', 'service', 'services', 'served', 'serves', 'person', 'peoples', 'reel', 'read', 'realm', 'meal', 'deal', 'seal', 'someones', 'connects', 'agents', 'please', 'pleased', 'pleases', 'lease', 'release', 'bring', 'brings', 'factual', 'stiff', 'sport', 'sports', 'custom', 'customs', 'supports', 'human', 'humid', 'humor', 'staffs', 'realty' );

	/**
	 * Words that may fill a message that only asks for a person ("a real human now please").
	 *
	 * @var list<string>
	 */
	private const FILLERS = array( 'please', 'now', 'asap', 'just', 'hi', 'hello', 'hey', 'hej', 'ok', 'okay', 'thanks', 'thank', 'you', 'a', 'an', 'the', 'some', 'any', 'i', 'me', 'want', 'need', 'get', 'give', 'another', 'again', 'already', 'right', 'away', 'immediately', 'quick', 'quickly', 'yes', 'yeah', 'yep', 'oh', 'god', 'omg', 'seriously', 'mate', 'sir', 'madam', 'here', 'talk', 'speak', 'chat', 'needed', 'required', 'wanted', 'to', 'with', 'would', 'like', 'real', 'actual', 'live', 'proper', 'genuine', 'human', 'other', 'different', 'one', 'being', 'sorry', 'excuse', 'um', 'uh', 'hmm', 'ugh', 'help', 'urgent', 'urgently', 'for', 'fucking', 'f***ing', 'f**king', 'f*cking', 'fking', 'fkn', 'fuckin', 'freaking', 'frickin', 'effing', 'bloody', 'damn', 'damned', 'goddamn', 'dammit', 'stupid', 'por', 'favor', 'svp', 's\'il', 'vous', 'plait', 'bitte', 'gracias', 'merci', 'danke', 'obrigado', 'obrigada', 'je', 'veux', 'voudrais', 'aimerais', 'quiero', 'necesito', 'quisiera', 'puedo', 'deseo', 'ich', 'mochte', 'will', 'brauche', 'kann', 'konnte', 'einen', 'einem', 'eine', 'ein', 'mit', 'un', 'una', 'uno', 'une', 'um', 'uma', 'o', 'el', 'la', 'le', 'der', 'die', 'das', 'quero', 'preciso', 'posso', 'gostaria', 'hola', 'bonjour', 'hallo', 'ola', 'oi', 'ahora', 'maintenant', 'jetzt', 'agora', 'con', 'com', 'avec', 'hablar', 'parler', 'sprechen', 'falar', 'moi', 'me', 'mir', 'mich' );

	/**
	 * Words of asking that make a short phrase a request ("I want customer service").
	 *
	 * @var list<string>
	 */
	private const ASKING = array( 'want', 'need', 'like', 'rather', 'prefer', 'give', 'get', 'connect', 'transfer', 'talk', 'speak', 'chat', 'please', 'put', 'pass', 'quiero', 'necesito', 'quisiera', 'puedo', 'deseo', 'veux', 'voudrais', 'aimerais', 'besoin', 'passez', 'mochte', 'brauche', 'kann', 'konnte', 'bitte', 'quero', 'preciso', 'gostaria', 'posso', 'favor', 'svp', 'plait' );

	/**
	 * Words shortly before a matched phrase that make it a mention: negated or owned.
	 *
	 * @var list<string>
	 */
	private const MENTION_BEFORE = array( 'not', 'no', 'never', 'without', 'my', 'his', 'her', 'their', 'kein', 'keinen', 'keine', 'nicht', 'nie', 'pas', 'jamais', 'sin', 'sem', 'sans', 'ohne', 'nunca', 'mi', 'mon', 'ma', 'mein', 'meine', 'meinem', 'meu', 'minha' );

	/**
	 * Words just before a matched phrase that make it part of a name ("horario de atención al
	 * cliente", "hours of customer service").
	 *
	 * @var list<string>
	 */
	private const OF = array( 'of', 'de', 'del', 'du', 'des', 'do', 'da', 'der', 'dem', 'd', 'vom' );

	/**
	 * Words after a matched phrase that make it a story about a person, not a request.
	 *
	 * @var list<string>
	 */
	private const MENTION_AFTER = array( 'said', 'says', 'told', 'tells', 'was', 'were', 'is', 'are', 'did', 'does', 'had', 'has', 'have', 'gave', 'sent', 'asked', 'promised', 'explained', 'mentioned', 'called', 'hours', 'work', 'works', 'dijo', 'hat', 'ist', 'disse', 'foi', 'horario', 'horaires', 'offnungszeiten' );

	/**
	 * Words without which a clause cannot ask for a person in English: the English patterns run
	 * only on clauses that have one.
	 *
	 * @var array<string, true>
	 */
	private const TRIGGERS = array(
		'human'           => true,
		'humans'          => true,
		'person'          => true,
		'persons'         => true,
		'people'          => true,
		'agent'           => true,
		'agents'          => true,
		'representative'  => true,
		'representatives' => true,
		'operator'        => true,
		'operators'       => true,
		'staff'           => true,
		'employee'        => true,
		'colleague'       => true,
		'advisor'         => true,
		'adviser'         => true,
		'consultant'      => true,
		'supervisor'      => true,
		'manager'         => true,
		'boss'            => true,
		'owner'           => true,
		'specialist'      => true,
		'callback'        => true,
		'customer'        => true,
		'support'         => true,
		'service'         => true,
		'sales'           => true,
		'team'            => true,
		'department'      => true,
		'desk'            => true,
		'helpdesk'        => true,
		'someone'         => true,
		'somebody'        => true,
		'anyone'          => true,
		'anybody'         => true,
		'bot'             => true,
		'automated'       => true,
		'computer'        => true,
		'call'            => true,
		'ring'            => true,
		'phone'           => true,
		'transfer'        => true,
		'connect'         => true,
		'escalate'        => true,
		'put'             => true,
		'live'            => true,
	);

	/**
	 * Words read so far, and the word each stands for (slips corrected).
	 *
	 * @var array<string, string>
	 */
	private static array $read = array();

	/**
	 * Compiled English patterns, by name (built once).
	 *
	 * @var array<string, string>|null
	 */
	private static ?array $patterns = null;

	/**
	 * Policy phrases, folded and split, with the words they use by first letter, by a hash of the
	 * phrase lists (built once per list).
	 *
	 * @var array<string, array{list: list<array{language: string, phrase: string, words: list<string>, key: string}>, vocabulary: array<string, list<string>>}>
	 */
	private static array $phrases = array();

	/**
	 * For each word read, the phrase words it is or is a slip of, by phrase list.
	 *
	 * @var array<string, array<string, array<string, true>>>
	 */
	private static array $slips = array();

	/**
	 * {@inheritDoc}
	 */
	public function get_id(): string {
		return 'human_request';
	}

	/**
	 * Whether the latest message asks for a person.
	 *
	 * @param Signal_Context $context The message, the conversation before it, and the rules.
	 */
	public function detect( Signal_Context $context ): Signal_Result {
		$evidence = array();
		$language = '';
		$strong   = false;
		$phrases  = $this->phrases( $context->policy->human_phrases() );
		foreach ( Signal_Text::clauses( Signal_Text::fold( $context->text ) ) as $clause ) {
			$words = $this->canonical( Signal_Text::words( Signal_Text::squeeze( $clause ) ) );
			if ( ! $words ) {
				continue;
			}
			$found = array_intersect_key( array_flip( $words ), self::TRIGGERS ) ? $this->english( $words ) : null;
			if ( null !== $found ) {
				$evidence[] = $found;
				$language   = '' === $language ? 'en' : $language;
				$strong     = true;
				continue;
			}
			$alternatives = $this->alternatives( $words, $phrases );
			foreach ( $phrases['list'] as $phrase ) {
				if ( ! isset( $alternatives['*'][ $phrase['key'] ] ) ) {
					continue;
				}
				$match = $this->phrase( $words, $phrase['words'], $alternatives );
				if ( null !== $match ) {
					$evidence[] = $phrase['phrase'];
					$language   = '' === $language ? $phrase['language'] : $language;
					break;
				}
			}
		}//end foreach
		if ( ! $evidence ) {
			return Signal_Result::none( $this->get_id() );
		}
		return new Signal_Result( $this->get_id(), true, $strong ? 1.0 : 0.9, $language, array_values( array_unique( $evidence ) ) );
	}

	/**
	 * Words with slang spelled out and slips of the vocabulary corrected (a policy's phrases
	 * are taken as written: only their slang is spelled out).
	 *
	 * @param array<int, string> $words   Folded words.
	 * @param bool               $correct Whether to correct slips.
	 * @return list<string>
	 */
	private function canonical( array $words, bool $correct = true ): array {
		$out = array();
		foreach ( $words as $word ) {
			if ( isset( self::SLANG[ $word ] ) ) {
				foreach ( explode( ' ', self::SLANG[ $word ] ) as $part ) {
					$out[] = $part;
				}
				continue;
			}
			if ( ! $correct ) {
				$out[] = $word;
				continue;
			}
			if ( ! isset( self::$read[ $word ] ) ) {
				if ( count( self::$read ) > 5000 ) {
					self::$read = array();
				}
				self::$read[ $word ] = $this->corrected( $word );
			}
			$out[] = self::$read[ $word ];
		}
		return $out;
	}

	/**
	 * A word, or the vocabulary word it is a slip of.
	 *
	 * @param string $word Folded word.
	 */
	private function corrected( string $word ): string {
		if ( strlen( $word ) < 4 || in_array( $word, self::NOT_SLIPS, true ) || in_array( $word, self::VOCABULARY, true ) ) {
			return $word;
		}
		if ( preg_match( '/^f[u*]*[c*]*k/', $word ) || false !== strpos( $word, '*' ) ) {
			return 'fucking';
		}
		$length = strlen( $word );
		foreach ( self::VOCABULARY as $known ) {
			// Cheap tests first: a slip keeps the length within two and the first or second letter.
			if ( abs( strlen( $known ) - $length ) <= 2 && ( $known[0] === $word[0] || $known[1] === $word[1] ) && Signal_Text::close( $word, $known ) ) {
				return $known;
			}
		}
		return $word;
	}

	/**
	 * The English request in a clause, or null.
	 *
	 * @param array<int, string> $words Canonical words of the clause.
	 */
	private function english( array $words ): ?string {
		$text = ' ' . implode( ' ', $words ) . ' ';
		// What is refused (a person, not a bot) does not keep the rest from being only a person.
		$kept = array_values( array_filter( explode( ' ', trim( (string) preg_replace( '/ (?:not|no|instead of|rather than) (?:a |an |the |this |your )?bot\b/', ' ', $text ) ) ) ) );
		if ( $this->bare( $kept ) ) {
			return trim( $text );
		}
		foreach ( self::patterns() as $name => $pattern ) {
			if ( ! preg_match( $pattern, $text, $m, PREG_OFFSET_CAPTURE ) ) {
				continue;
			}
			$before = substr( $text, 0, (int) $m[0][1] );
			if ( 'not_a_bot' !== $name && $this->negated( $before ) ) {
				continue;
			}
			return trim( (string) $m[0][0] );
		}
		return null;
	}

	/**
	 * Whether a clause is a person and nothing else that matters ("agent", "a real human pls").
	 *
	 * @param array<int, string> $words Canonical words.
	 */
	private function bare( array $words ): bool {
		$person = false;
		foreach ( $words as $i => $word ) {
			if ( in_array( $word, array( 'human', 'humans', 'person', 'agent', 'agents', 'representative', 'operator', 'someone', 'somebody', 'anyone', 'anybody', 'supervisor', 'manager', 'staff', 'advisor', 'callback', 'people' ), true ) ) {
				$person = true;
				continue;
			}
			// As in: customer service; customer support; live chat; support team; support.
			if ( in_array( $word, array( 'customer', 'service', 'support', 'team', 'desk' ), true ) ) {
				$person = $person || 'service' === $word || 'support' === $word;
				continue;
			}
			if ( 'chat' === $word && 'live' === ( $words[ $i - 1 ] ?? '' ) ) {
				$person = true;
				continue;
			}
			if ( ! in_array( $word, self::FILLERS, true ) ) {
				return false;
			}
		}
		return $person;
	}

	/**
	 * Whether what comes before a request takes it back: negated ("I don't want to talk to
	 * anyone"), a question about the process ("do I need to talk to someone to..."), or about
	 * what support offers ("do you have live chat with staff?").
	 *
	 * @param string $before Canonical text before the match.
	 */
	private function negated( string $before ): bool {
		$words = explode( ' ', trim( $before ) );
		$near  = ' ' . implode( ' ', array_slice( $words, -4 ) ) . ' ';
		if ( preg_match( '/ (?:not|no|never|without|nobody|neither|nor) /', $near ) ) {
			return true;
		}
		return (bool) preg_match( '/\b(?:do|does|did|will|would|should|must|shall) (?:i|we|you|they|one) (?:\w+ )?(?:need|have|has|got)(?: to)?\b|\b(?:do|does|can) you (?:have|offer|provide)\b|\bhow (?:do|can|would|should) (?:i|we) know\b/', $before );
	}

	/**
	 * The English patterns of asking for a person.
	 *
	 * @return array<string, string>
	 */
	private static function patterns(): array {
		if ( null !== self::$patterns ) {
			return self::$patterns;
		}
		$swear  = '(?:fucking|freaking|frickin|effing|bloody|damn|damned|goddamn|stupid)';
		$adj    = '(?:(?:real|actual|live|proper|genuine|human|customer|support|service|sales|tech|technical|billing|other|different|another|competent|qualified|breathing|living|senior|' . $swear . ') )';
		$det    = '(?:(?:a|an|the|some|any|your|one of your|one of the|a member of|someone from|somebody from|someone in|somebody in|someone at) )';
		$noun   = '(?:humans?|persons?|people|agents?|representatives?|operators?|staff|employee|colleague|advisor|adviser|consultant|supervisor|manager|boss|owner|specialist|human being|callback|customer service|customer support|customer care|(?:support|sales|billing|accounts|returns|tech|technical|customer|service) (?:team|department|desk|staff)|support|sales|team member|your team|the team|tech support|help desk|helpdesk)';
		$anyone = '(?:someone|somebody|anyone|anybody)(?: (?:real|else|human|from (?:your |the )?(?:support|team|billing|sales|staff|customer service|customer support|office|company)(?: team)?))?';
		$np     = '(?:' . $det . '?' . $adj . '{0,3}' . $noun . '|' . $anyone . ')';
		$bot    = '(?:bot|automated|computer)';

		self::$patterns = array(
			// As in: talk to a person; speak with someone from support; chat to a human.
			'talk_to'       => '/ (?:talk|speak|chat|converse|communicate|discuss (?:this|it)|have a word|get through|hear back) (?:\w+ )?(?:to|with|from) ' . $np . '\b| (?:want|need|like|prefer|rather)(?: to)? deal with ' . $np . '\b/',
			// As in: connect me to an agent; put me through to someone; transfer to human agent.
			'connect_me'    => '/ (?:connect|transfer|put|pass|patch|forward|redirect|route|switch|hand|escalate|send)(?: (?:me|us|this|it|my chat|my case|over))?(?: (?:through|over|across|back|in touch|on))? (?:to|with) ' . $np . '\b|^ (?:please )?(?:transfer|connect|escalate|put) (?:me|us|this|it)(?: (?:through|over|on))?(?: (?:please|now|asap))? $/',
			// As in: get me a human; give me a f***ing agent; get me someone from billing.
			'get_me'        => '/ (?:get|give|bring|find|fetch|send) (?:me|us) ' . $np . '\b/',
			// As in: I want a real person; I need a human being; I would rather have someone.
			'want'          => '/ (?:want|need|like|prefer|rather|request|require|demand)(?: (?:have|get|see))? ' . $np . '\b/',
			// As in: can I have a callback from a person; could we get someone.
			'can_i_have'    => '/ (?:can|could|may) (?:i|we) (?:please )?(?:have|get|see|ask for) ' . $np . '\b/',
			// As in: is there a live person I can chat with; are there any humans here.
			'is_there'      => '/ (?:is|are) (?:there|their) ' . $det . '?' . $adj . '{0,3}' . $noun . '\b| (?:is|are) (?:there|their) ' . $anyone . ' (?:(?:i|we) (?:can|could) (?:talk|speak|chat)|to (?:talk|speak|chat)|real|human|available|there|here|(?:who|that) can help|from)\b/',
			// As in: human please; actual human needed; an agent now.
			'noun_please'   => '/ ' . $np . ' (?:please|needed|required|wanted|now|asap)\b/',
			// As in: anyone real there; is anybody there.
			'anyone_there'  => '/ (?:anyone|anybody|someone|somebody)(?: real| human)? (?:there|here|around|available|home|alive|awake)\b/',
			// As in: can someone from your team call me back; have an agent contact me.
			'call_me'       => '/ ' . $np . ' (?:(?:can|could|should|please|to|will|would) )?(?:call|contact|ring|phone|email|text|reach|get back to|reach out to) (?:me|us)\b/',
			// As in: call me on 07700 900123; please ring me back.
			'call_me_start' => '/^ (?:please )?(?:call|ring|phone) (?:me|us)\b/',
			// As in: request a callback; book a call back.
			'callback'      => '/ (?:request|want|need|get|arrange|book|schedule|have)(?: a| an)? (?:callback|call back|phone call)\b| (?:want|like|need|request|get|have|arrange|book)(?: a| an)? (?:phone )?call(?: back)? from ' . $np . '\b/',
			// As in: how can I contact customer service; I need to reach someone from billing.
			'contact'       => '/(?<! the| a| my| your| our| their| his| her| this) (?:contact|reach|get in touch with|get hold of|message|call|ring|phone) ' . $np . '\b/',
			// As in: can you get a human to look at my case; have someone check this.
			'get_to'        => '/(?<! he| she| they| will| would| shall) (?:get|have|bring|find|send) ' . $np . ' (?:to|who can|who could|that can) (?:look|check|help|review|call|contact|deal|handle|sort|fix|take|see|read|answer)\b/',
			// As in: I'd like to be transferred to a person; can I get connected with an agent.
			'be_connected'  => '/ (?:be|get|being|been) (?:transferred|connected|passed|put through|forwarded|escalated|switched|handed over|redirected|routed|sent) (?:to|with) ' . $np . '\b| (?:be|get|being) (?:contacted|called|phoned|helped|served|assisted|answered) by ' . $np . '\b/',
			// As in: can a human help me; I need someone to help me; someone please help.
			'help_me'       => '/ (?:can|could|will|would|may) ' . $np . ' (?:please )?(?:help|assist) (?:me|us)\b| (?:need|want) ' . $np . ' to (?:help|assist) (?:me|us)\b|^ (?:(?:can|could) )?(?:someone|somebody|anyone|anybody) (?:please )?help\b/',
			// As in: bring in a human; loop in someone from support.
			'bring_in'      => '/ (?:bring|call|pull|loop|get) in ' . $np . '\b/',
			// As in: is a human available; are any agents online.
			'available'     => '/ (?:is|are) ' . $np . ' (?:available|around|online|about)\b(?! (?:on|at|during|in|from|between|every|until|till|after|before|by|over|via|24))/',
			// As in: get someone on the line; get a human on this.
			'get_on'        => '/ (?:get|have|put) ' . $np . ' on (?:the line|the phone|this|it|my case)\b/',
			// As in: human help; human support; help from a real person.
			'human_help'    => '/(?<! a| the| one| this| that| each| every) (?:human|person|people) (?:help|support|assistance|contact|interaction)\b| (?:help|assistance) from ' . $np . '\b/',
			// As in: I don't want to talk to a bot; no more bots; stop the bot.
			'not_a_bot'     => '/ (?:do not|not|never) (?:want|like|wish|need)(?: to)?(?: (?:talk|speak|chat|deal))?(?: (?:to|with))?(?: (?:a|an|the|this|your|some|any))? ' . $bot . '\b|^ (?:no|stop|enough|quit)(?: (?:more|with|of|the|this|your|talking to|chatting with))* ' . $bot . '\b/',
		);
		return self::$patterns;
	}

	/**
	 * The policy's phrases, folded and split, longest first, each with its longest word (a
	 * clause without it, or a slip of it, cannot hold the phrase), and the words they use by
	 * first letter (built once per list).
	 *
	 * @param array<string, array<int, string>> $by_language Phrases by language.
	 * @return array{list: list<array{language: string, phrase: string, words: list<string>, key: string}>, vocabulary: array<string, list<string>>, id: string}
	 */
	private function phrases( array $by_language ): array {
		$id = self::phrases_key( $by_language );
		if ( isset( self::$phrases[ $id ] ) ) {
			return self::$phrases[ $id ] + array( 'id' => $id );
		}
		if ( count( self::$phrases ) > 8 ) {
			self::$phrases = array();
			self::$slips   = array();
		}
		// The default phrases ship prepared (data/human-phrases.php): most sites never edit them.
		$shipped = require __DIR__ . '/data/human-phrases.php';
		if ( is_array( $shipped ) && ( $shipped['key'] ?? '' ) === $id && is_array( $shipped['phrases'] ?? null ) ) {
			/**
			 * The shipped phrases, as generated by prepare_phrases().
			 *
			 * @phpstan-var array{list: list<array{language: string, phrase: string, words: list<string>, key: string}>, vocabulary: array<string, list<string>>} $prepared
			 */
			$prepared = $shipped['phrases'];
		} else {
			$prepared = $this->prepare_phrases( $by_language );
		}
		self::$phrases[ $id ] = $prepared;
		return $prepared + array( 'id' => $id );
	}

	/**
	 * What identifies a set of phrase lists.
	 *
	 * @param array<string, array<int, string>> $by_language Phrases by language.
	 */
	public static function phrases_key( array $by_language ): string {
		return md5( (string) wp_json_encode( $by_language ) );
	}

	/**
	 * Phrase lists folded and split, longest first, with the words they use by first letter.
	 *
	 * @param array<string, array<int, string>> $by_language Phrases by language.
	 * @return array{list: list<array{language: string, phrase: string, words: list<string>, key: string}>, vocabulary: array<string, list<string>>}
	 */
	public function prepare_phrases( array $by_language ): array {
		$list       = array();
		$vocabulary = array();
		foreach ( $by_language as $language => $phrases ) {
			foreach ( $phrases as $phrase ) {
				$words = $this->canonical( Signal_Text::words( Signal_Text::fold( (string) $phrase ) ), false );
				if ( ! $words ) {
					continue;
				}
				$key = '';
				foreach ( $words as $word ) {
					$vocabulary[ $word[0] ][ $word ] = true;
					$key                             = strlen( $word ) > strlen( $key ) ? $word : $key;
				}
				$list[] = array(
					'language' => (string) $language,
					'phrase'   => (string) $phrase,
					'words'    => $words,
					'key'      => $key,
				);
			}
		}
		// Longer phrases first: they say more.
		usort(
			$list,
			static function ( array $a, array $b ): int {
				return count( $b['words'] ) <=> count( $a['words'] );
			}
		);
		return array(
			'list'       => $list,
			'vocabulary' => array_map(
				static function ( array $set ): array {
					return array_map( 'strval', array_keys( $set ) );
				},
				$vocabulary
			),
		);
	}

	/**
	 * The PHP file that ships the default phrases prepared (data/human-phrases.php), as text.
	 *
	 * @param array<string, array<int, string>> $by_language Phrases by language.
	 */
	public function export_phrases( array $by_language ): string {
		$data = array(
			'key'     => self::phrases_key( $by_language ),
			'phrases' => $this->prepare_phrases( $by_language ),
		);
		// phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_var_export -- writing PHP source, not debugging.
		$literal = var_export( $data, true );
		return "<?php\n/**\n * The default phrases that ask for a person, prepared for matching (see Human_Request_Signal):\n * generated from Escalation\\Default_Intents::human_phrases(); a test fails when they differ. To\n * regenerate, run the PHP tests with HANDOFF_BOT_WRITE_INTENT_MODEL=1 and the filter\n * Human_Phrases_Data_Test.\n *\n * @package HandoffBot\n */\n\n// phpcs:ignoreFile -- generated data.\n\ndefined( 'ABSPATH' ) || exit;\n\nreturn " . $literal . ";\n";
	}

	/**
	 * For each word of a clause, the phrase words it is or is a slip of; under "*", all of them.
	 *
	 * @param array<int, string>                                         $words   Canonical words of the clause.
	 * @param array{vocabulary: array<string, list<string>>, id: string} $phrases The phrases.
	 * @return array<string, array<string, true>>
	 */
	private function alternatives( array $words, array $phrases ): array {
		$out = array( '*' => array() );
		foreach ( $words as $word ) {
			if ( ! isset( self::$slips[ $phrases['id'] ][ $word ] ) ) {
				$set = array();
				foreach ( $phrases['vocabulary'][ $word[0] ] ?? array() as $known ) {
					if ( $known === $word || ( strlen( $known ) >= 4 && abs( strlen( $known ) - strlen( $word ) ) <= 2 && Signal_Text::close( $word, $known ) ) ) {
						$set[ $known ] = true;
					}
				}
				self::$slips[ $phrases['id'] ][ $word ] = $set;
			}
			$out[ $word ] = self::$slips[ $phrases['id'] ][ $word ];
			$out['*']    += $out[ $word ];
		}
		return $out;
	}

	/**
	 * Where a policy phrase asks for a person in a clause, or null: the phrase's words in order
	 * (a slip allowed in each, one extra word allowed between two), not negated or owned, and,
	 * for a phrase of one or two words, a clause that is little more than it or a word of
	 * asking before it.
	 *
	 * @param array<int, string>                 $words        Canonical words of the clause.
	 * @param array<int, string>                 $phrase       Canonical words of the phrase.
	 * @param array<string, array<string, true>> $alternatives Phrase words each word is or is a slip of.
	 * @return array{0: int, 1: int}|null First and last word of the match.
	 */
	private function phrase( array $words, array $phrase, array $alternatives ): ?array {
		$count = count( $words );
		$size  = count( $phrase );
		for ( $start = 0; $start < $count; $start++ ) {
			if ( ! isset( $alternatives[ $words[ $start ] ][ $phrase[0] ] ) ) {
				continue;
			}
			$at = $start;
			for ( $k = 1; $k < $size && null !== $at; $k++ ) {
				if ( isset( $words[ $at + 1 ] ) && isset( $alternatives[ $words[ $at + 1 ] ][ $phrase[ $k ] ] ) ) {
					++$at;
				} elseif ( isset( $words[ $at + 2 ] ) && isset( $alternatives[ $words[ $at + 2 ] ][ $phrase[ $k ] ] ) ) {
					$at += 2;
				} else {
					$at = null;
				}
			}
			if ( null === $at ) {
				continue;
			}
			$before = array_slice( $words, max( 0, $start - 3 ), min( 3, $start ) );
			$after  = $words[ $at + 1 ] ?? '';
			if ( array_intersect( $before, self::MENTION_BEFORE ) || in_array( $words[ $start - 1 ] ?? '', self::OF, true ) || in_array( $after, self::MENTION_AFTER, true ) ) {
				continue;
			}
			if ( $this->negated( ' ' . implode( ' ', array_slice( $words, 0, $start ) ) . ' ' ) ) {
				continue;
			}
			if ( $size >= 3 ) {
				return array( $start, $at );
			}
			$rest = array_merge( array_slice( $words, 0, $start ), array_slice( $words, $at + 1 ) );
			if ( ! array_diff( $rest, self::FILLERS ) || array_intersect( array_slice( $words, max( 0, $start - 4 ), min( 4, $start ) ), self::ASKING ) || array_intersect( $rest, array( 'please', 'favor', 'svp', 'plait', 'bitte' ) ) ) {
				return array( $start, $at );
			}
		}//end for
		return null;
	}
}
