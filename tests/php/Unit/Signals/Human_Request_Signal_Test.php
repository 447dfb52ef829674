<?php
/**
 * Tests for the request-for-a-person signal.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Unit\Signals;

use HandoffBot\Contracts\Signal;
use HandoffBot\Signals\Human_Request_Signal;

require_once __DIR__ . '/Signal_Test_Case.php';

/**
 * A visitor who asks for a person, however they put it, is heard; one who only mentions a
 * person is not.
 */
final class Human_Request_Signal_Test extends Signal_Test_Case {

	/**
	 * {@inheritDoc}
	 */
	protected function signal(): Signal {
		return new Human_Request_Signal();
	}

	/**
	 * Requests in English: plain, polite, rude, slangy, mistyped, one word.
	 *
	 * @dataProvider requests
	 *
	 * @param string $text Message.
	 */
	public function test_a_request_for_a_person_fires( string $text ): void {
		$result = $this->detect( $text );
		$this->assertTrue( $result->fired, $text );
		$this->assertSame( 'human_request', $result->id );
		$this->assertNotEmpty( $result->evidence, $text );
	}

	/**
	 * Requests.
	 *
	 * @return array<string, array{0: string}>
	 */
	public function requests(): array {
		return self::rows(
			array(
				'talk to a person',
				'agent',
				'Representative',
				'real human',
				'someone from support',
				'customer service',
				'can I speak to someone',
				'get me a human',
				'operator',
				'live chat with staff',
				'just give me a f***ing human',
				'hooman pls',
				'reprsentative',
				'humna',
				'i wanna talk 2 a human',
				'AGENT!!!',
				'I don\'t want to talk to a bot',
				'is there a real person I can chat with?',
				'could someone from your team call me back',
				'please transfer me to an agent',
				'I\'d like to be connected with a supervisor',
				'a person, not a bot',
				'this bot is useless, human please',
			)
		);
	}

	/**
	 * Sentences that only mention a person, or ask about support, or refuse a person.
	 *
	 * @dataProvider mentions
	 *
	 * @param string $text Message.
	 */
	public function test_a_person_only_mentioned_does_not_fire( string $text ): void {
		$this->assertFalse( $this->detect( $text )->fired, $text );
	}

	/**
	 * Near misses.
	 *
	 * @return array<string, array{0: string}>
	 */
	public function mentions(): array {
		return self::rows(
			array(
				'my agent said the parcel left',
				'is a human allowed to ship batteries?',
				'the delivery person was rude',
				'does your customer service work weekends?',
				'what are your customer service hours',
				'the support agent I chatted with yesterday was lovely',
				'I spoke to someone on the phone who promised a refund',
				'do I need to talk to someone to cancel?',
				'I don\'t need a human, just tell me the price',
				'are you a bot?',
				'can a person under 18 open an account?',
				'the phone operator told me to use this chat',
				'my travel agent booked the wrong hotel',
				'I\'m a real person, why does the captcha say I\'m a robot',
				'how many people work in your support team',
				'is customer service available by phone',
				'will a real person read my review',
			)
		);
	}

	/**
	 * The default phrases of the other four languages.
	 *
	 * @dataProvider other_languages
	 *
	 * @param string $text     Message.
	 * @param string $language Language of the phrase it matches.
	 */
	public function test_the_default_phrases_of_other_languages_fire( string $text, string $language ): void {
		$result = $this->detect( $text );
		$this->assertTrue( $result->fired, $text );
		$this->assertSame( $language, $result->label, $text );
	}

	/**
	 * Spanish, French, German and Portuguese requests (accents dropped, as visitors type them).
	 *
	 * @return array<string, array{0: string, 1: string}>
	 */
	public function other_languages(): array {
		return array(
			'es'          => array( 'Hola, quiero hablar con una persona sobre mi pedido', 'es' ),
			'es unaccent' => array( 'atencion al cliente por favor', 'es' ),
			'fr'          => array( 'je voudrais parler à un conseiller', 'fr' ),
			'de'          => array( 'Ich möchte mit einem Mitarbeiter sprechen', 'de' ),
			'pt'          => array( 'posso falar com um atendente humano?', 'pt' ),
		);
	}

	/**
	 * A phrase the policy adds, in a language the plugin does not ship, fires; the same
	 * sentence does not without it. The shipped phrases are what make other languages work.
	 */
	public function test_the_policys_phrases_are_what_it_recognises_in_other_languages(): void {
		$italian = 'vorrei parlare con un operatore, grazie';
		$this->assertFalse( $this->detect( $italian )->fired );
		$with   = $this->policy( array( 'human_phrases' => array( 'it' => array( 'parlare con un operatore' ) ) ) );
		$result = $this->detect( $italian, array(), $with );
		$this->assertTrue( $result->fired );
		$this->assertSame( 'it', $result->label );
		$this->assertSame( array( 'parlare con un operatore' ), $result->evidence );

		$spanish = 'necesito comunicarme con una persona ahora';
		$this->assertTrue( $this->detect( $spanish )->fired );
		$this->assertFalse( $this->detect( $spanish, array(), $this->policy( array( 'human_phrases' => array() ) ) )->fired );
	}

	/**
	 * A short phrase ("customer service") is a request only when the message is little more than
	 * it or asks for it; a long one anywhere, unless negated or part of a name.
	 */
	public function test_a_short_phrase_needs_asking_and_a_long_one_must_not_be_negated(): void {
		$policy = $this->policy( array( 'human_phrases' => array( 'xx' => array( 'kundeservice', 'snakke med et menneske' ) ) ) );
		$this->assertTrue( $this->detect( 'kundeservice!', array(), $policy )->fired );
		$this->assertTrue( $this->detect( 'kundeservice please', array(), $policy )->fired );
		$this->assertFalse( $this->detect( 'hvor er kundeservice sine apningstider idag', array(), $policy )->fired );
		$this->assertTrue( $this->detect( 'hei, jeg vil snakke med et menneske om ordren', array(), $policy )->fired );
		$this->assertFalse( $this->detect( 'I do not want snakke med et menneske', array(), $policy )->fired );
	}

	/**
	 * Several requests in one message are all evidence, once each.
	 */
	public function test_evidence_names_what_asked(): void {
		$result = $this->detect( 'Agent please. I need to speak to a real person!' );
		$this->assertSame( 1.0, $result->score );
		$this->assertSame( 'en', $result->label );
		$this->assertCount( 2, $result->evidence );
	}

	/**
	 * The chat's button is the rules' business: an empty message asks for nothing here.
	 */
	public function test_an_empty_message_or_the_button_alone_does_not_fire(): void {
		$this->assertFalse( $this->detect( '' )->fired );
		$this->assertFalse( $this->detect( '   ?!' )->fired );
	}
}
