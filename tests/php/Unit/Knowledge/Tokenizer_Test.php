<?php
/**
 * Tests for the tokenizer and the stemmer.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Unit\Knowledge;

use HandoffBot\Knowledge\Porter_Stemmer;
use HandoffBot\Knowledge\Tokenizer;
use PHPUnit\Framework\TestCase;

/**
 * Questions and passages meet on the same terms whatever the word form, case or script.
 */
final class Tokenizer_Test extends TestCase {

	/**
	 * Porter's published examples.
	 *
	 * @dataProvider porter_examples
	 *
	 * @param string $word Word.
	 * @param string $stem Expected stem.
	 */
	public function test_porter_stems_the_published_examples( string $word, string $stem ): void {
		$this->assertSame( $stem, Porter_Stemmer::stem( $word ) );
	}

	/**
	 * Examples from the algorithm's paper.
	 *
	 * @return array<int, array{0: string, 1: string}>
	 */
	public function porter_examples(): array {
		$pairs = 'caresses:caress ponies:poni cats:cat feed:feed agreed:agre plastered:plaster motoring:motor sing:sing conflated:conflat troubled:troubl sized:size hopping:hop tanned:tan falling:fall hissing:hiss fizzed:fizz failing:fail filing:file happy:happi sky:sky relational:relat conditional:condit rational:ration valenci:valenc digitizer:digit conformabli:conform radicalli:radic differentli:differ vileli:vile analogousli:analog vietnamization:vietnam predication:predic operator:oper feudalism:feudal decisiveness:decis hopefulness:hope callousness:callous formaliti:formal sensitiviti:sensit sensibiliti:sensibl triplicate:triplic formative:form formalize:formal electriciti:electr electrical:electr hopeful:hope goodness:good revival:reviv allowance:allow inference:infer airliner:airlin gyroscopic:gyroscop adjustable:adjust defensible:defens irritant:irrit replacement:replac adjustment:adjust dependent:depend adoption:adopt homologou:homolog communism:commun activate:activ angulariti:angular homologous:homolog effective:effect bowdlerize:bowdler probate:probat rate:rate cease:ceas controll:control roll:roll generalization:gener';
		return array_map(
			static function ( string $pair ): array {
				return explode( ':', $pair );
			},
			explode( ' ', $pairs )
		);
	}

	/**
	 * Word forms meet on one term and stop words go.
	 */
	public function test_terms_stem_and_drop_stop_words(): void {
		$tokenizer = new Tokenizer();
		$this->assertSame( array( 'long', 'refund', 'take' ), $tokenizer->terms( 'How long does the refund take?' ) );
		$this->assertSame( $tokenizer->terms( 'Refunds' ), $tokenizer->terms( 'refunded' ) );
		$this->assertSame( array( 'ship', 'cost' ), $tokenizer->terms( 'What are the SHIPPING costs?' ) );
		$this->assertSame( array( 'custom', 'order' ), $tokenizer->terms( "customer's orders" ) );
	}

	/**
	 * Accented and non-Latin words are kept whole; case folds across scripts.
	 */
	public function test_other_languages_degrade_gracefully(): void {
		$tokenizer = new Tokenizer();
		$this->assertSame( array( 'rückerstattung', 'dauert' ), $tokenizer->terms( 'Rückerstattung dauert' ) );
		$this->assertSame( array( 'доставка' ), $tokenizer->terms( 'ДОСТАВКА' ) );
		$this->assertSame( array( '退货', '货政', '政策' ), $tokenizer->terms( '退货政策' ) );
		$this->assertSame( array( 'order', '退货' ), $tokenizer->terms( 'order退货' ) );
	}

	/**
	 * Numbers are terms; punctuation and markup-like noise are not.
	 */
	public function test_numbers_are_kept_and_punctuation_dropped(): void {
		$tokenizer = new Tokenizer();
		$this->assertSame( array( '30', 'dai', '2pm' ), $tokenizer->terms( '30 days!!! 2pm' ) );
		$this->assertSame( array(), $tokenizer->terms( '?!… —' ) );
		$this->assertSame( array(), $tokenizer->terms( '' ) );
	}

	/**
	 * Invalid UTF-8 yields no terms rather than an error.
	 */
	public function test_invalid_utf8_yields_no_terms(): void {
		$this->assertSame( array(), ( new Tokenizer() )->terms( "\xC3\x28" ) );
	}
}
