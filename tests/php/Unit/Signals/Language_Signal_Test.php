<?php
/**
 * Tests for language detection.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Unit\Signals;

use HandoffBot\Signals\Language_Signal;
use PHPUnit\Framework\TestCase;

/**
 * The language decides the replies' language (and will pick phrases and routing): a single shared
 * function word or a symbol must not flip it, and short texts fall back to the site's language.
 */
final class Language_Signal_Test extends TestCase {

	/**
	 * English questions that use words other languages share ("as", "a", "in", "no"), or a Greek
	 * letter in a formula.
	 *
	 * @dataProvider english_questions
	 *
	 * @param string $question Question.
	 */
	public function test_english_stays_english( string $question ): void {
		$this->assertSame( 'en', ( new Language_Signal() )->detect( $question, 'en' ) );
		// On a site in another language the words still say English, or the site's language is kept.
		$this->assertContains( ( new Language_Signal() )->detect( $question, 'fr' ), array( 'en', 'fr' ) );
	}

	/**
	 * English questions.
	 *
	 * @return array<int, array{0: string}>
	 */
	public function english_questions(): array {
		return array_map(
			static function ( string $q ): array {
				return array( $q );
			},
			array(
				'Who served as a bishop in Normandy?',
				'What is known as a megaproject?',
				'Does the Normans as a people have a language?',
				'As a member, do I get a discount on a second order?',
				'What does the symbol μ stand for in the friction equation?',
				'How is Δp related to the force on a body?',
				'Is the value of π used to compute a circle area?',
				'What type of rock forms as a magma cools?',
				'A parcel came damaged, what can I do?',
				'Can I pay as a guest or do I need an account?',
				'Which came first, the chicken or the egg?',
				'Has a new campus opened in Hong Kong?',
				'How long does delivery take?',
				'My order came with no invoice',
				'Is there a fee to cancel?',
				'Where can I see a list of my orders?',
				'Who founded the university in 1890?',
				'What was Aristotle\'s view on motion?',
				'Can a subscription be paused?',
				'What is the Greek letter α used for in physics?',
			)
		);
	}

	/**
	 * Messages in other languages are still recognised.
	 *
	 * @dataProvider other_languages
	 *
	 * @param string $message  Message.
	 * @param string $language Expected tag.
	 */
	public function test_other_languages_are_recognised( string $message, string $language ): void {
		$this->assertSame( $language, ( new Language_Signal() )->detect( $message, 'en' ) );
	}

	/**
	 * Messages with their language.
	 *
	 * @return array<int, array{0: string, 1: string}>
	 */
	public function other_languages(): array {
		return array(
			array( 'Comment est-ce que je peux retourner ma commande ?', 'fr' ),
			array( '¿Cómo puedo devolver mi pedido?', 'es' ),
			array( 'Wie kann ich meine Bestellung zurückgeben?', 'de' ),
			array( 'Como posso devolver o meu pedido?', 'pt' ),
			array( 'Come posso restituire il mio ordine?', 'it' ),
			array( 'Hoe kan ik mijn bestelling retourneren?', 'nl' ),
			array( 'Как вернуть заказ?', 'ru' ),
			array( 'Πώς μπορώ να επιστρέψω την παραγγελία μου;', 'el' ),
			array( '我怎么退货？', 'zh' ),
			array( '注文を返品するにはどうすればいいですか？', 'ja' ),
			array( '주문을 취소하고 싶어요', 'ko' ),
		);
	}

	/**
	 * Short or unclear messages keep the site's language.
	 */
	public function test_short_or_unclear_messages_fall_back_to_the_site_language(): void {
		$signal = new Language_Signal();
		$this->assertSame( 'de', $signal->detect( 'ok', 'de' ) );
		$this->assertSame( 'fr', $signal->detect( 'as', 'fr' ) );
		$this->assertSame( 'en', $signal->detect( 'o a', 'en' ) );
		$this->assertSame( 'es', $signal->detect( '12345 ???', 'es' ) );
		$this->assertSame( 'en', $signal->detect( 'Thanks', 'en' ) );
	}
}
