<?php
/**
 * Passages of pages in any script are bounded in size and whole in their characters.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Knowledge;

use HandoffBot\Knowledge\Passage_Splitter;
use HandoffBot\Knowledge\Retriever;
use HandoffBot\Knowledge\Sentences;
use HandoffBot\Knowledge\Tokenizer;
use HandoffBot\Repositories\Index_Repository;
use HandoffBot\Tests\Integration\Test_Case;

/**
 * Words are counted in every script (CJK characters each count as one), so a long Russian or
 * Chinese page is split into passages as an English one is, and no stored passage is cut short.
 */
final class Passage_Size_Test extends Test_Case {

	/**
	 * The most bytes a passage may hold in these tests: a readable quote, far below the 65,535
	 * bytes of the column.
	 */
	private const MAX_BYTES = 4000;

	/**
	 * Stored passages of a post, in order.
	 *
	 * @param int $post_id Post.
	 * @return list<string>
	 */
	private function stored( int $post_id ): array {
		global $wpdb;
		return array_map( 'strval', $wpdb->get_col( $wpdb->prepare( 'SELECT content FROM %i WHERE post_id = %d ORDER BY position', $wpdb->prefix . 'handoff_bot_passages', $post_id ) ) );
	}

	/**
	 * Block markup of paragraphs.
	 *
	 * @param string[] $paragraphs Paragraphs.
	 */
	private function blocks( array $paragraphs ): string {
		$out = '';
		foreach ( $paragraphs as $paragraph ) {
			$out .= "<!-- wp:paragraph -->\n<p>" . $paragraph . "</p>\n<!-- /wp:paragraph -->\n";
		}
		return $out;
	}

	/**
	 * Asserts that a page was split into several bounded passages of valid UTF-8.
	 *
	 * @param string[] $passages Stored passages.
	 */
	private function assert_bounded( array $passages ): void {
		$this->assertGreaterThanOrEqual( 5, count( $passages ), 'the page is split into several passages' );
		foreach ( $passages as $passage ) {
			$this->assertTrue( mb_check_encoding( $passage, 'UTF-8' ), 'a passage is valid UTF-8' );
			$this->assertLessThanOrEqual( self::MAX_BYTES, strlen( $passage ) );
			// Words, with each Chinese character counted as one.
			$words = preg_match_all( '/\p{Han}|[^\P{L}\p{Han}]+/u', $passage );
			$this->assertLessThanOrEqual( 2 * 120, $words, 'a passage is about a hundred words long' );
		}
	}

	/**
	 * The best passage for a question.
	 *
	 * @param string $question Question.
	 */
	private function best( string $question ): string {
		$hits = ( new Retriever( new Tokenizer(), new Index_Repository() ) )->search( $question )['hits'];
		$this->assertNotEmpty( $hits, $question );
		return $hits[0]['content'];
	}

	/**
	 * A 40-paragraph Russian page.
	 */
	public function test_russian_page_is_split_and_searchable(): void {
		$paragraphs = array();
		for ( $i = 1; $i <= 40; $i++ ) {
			$paragraphs[] = "Этот раздел справки номер {$i} рассказывает о работе нашего магазина, о заказах, оплате и общении с покупателями каждый день. Мы стараемся отвечать быстро и понятно.";
		}
		$paragraphs[11] = 'Доставка в Новосибирск занимает четыре рабочих дня, а курьер звонит заранее и привозит посылку прямо до двери.';
		$paragraphs[30] = 'Возврат товара возможен в течение тридцати дней, если сохранены упаковка и кассовый чек.';
		$id             = $this->create_post(
			array(
				'post_title'   => 'Справка для покупателей',
				'post_content' => $this->blocks( $paragraphs ),
			)
		);

		$this->assert_bounded( $this->stored( $id ) );
		$this->assertStringContainsString( 'Новосибирск', $this->best( 'Сколько идёт доставка в Новосибирск?' ) );
		$this->assertStringContainsString( 'Возврат товара', $this->best( 'В течение скольких дней возможен возврат товара?' ) );
	}

	/**
	 * A 40-paragraph Chinese page, written without spaces.
	 */
	public function test_chinese_page_is_split_and_searchable(): void {
		$paragraphs = array();
		for ( $i = 1; $i <= 40; $i++ ) {
			$paragraphs[] = "本节是第{$i}部分，介绍我们商店的日常工作、订单处理、付款方式以及与顾客沟通的基本规则。";
		}
		$paragraphs[8]  = '寄往上海的包裹通常需要三天送达，运费为十五元，周末不发货。';
		$paragraphs[26] = '退货必须在三十天内申请，并且商品包装需要保持完整。';
		$id             = $this->create_post(
			array(
				'post_title'   => '顾客帮助',
				'post_content' => $this->blocks( $paragraphs ),
			)
		);

		$this->assert_bounded( $this->stored( $id ) );
		$this->assertStringContainsString( '上海', $this->best( '寄往上海的包裹需要几天？' ) );
		$this->assertStringContainsString( '退货', $this->best( '退货要在多少天内申请？' ) );
	}

	/**
	 * A paragraph too long for the column, with no sentence end and no space, is stored whole
	 * across passages, cut between characters.
	 */
	public function test_text_without_breaks_is_cut_between_characters_and_kept_whole(): void {
		$text = str_repeat( '寄往上海的包裹通常需要三天送达运费为十五元周末不发货', 1000 );
		$this->assertGreaterThan( 65535, strlen( $text ) );
		$id = $this->create_post(
			array(
				'post_title'   => '长文',
				'post_content' => $this->blocks( array( $text ) ),
			)
		);

		$passages = $this->stored( $id );
		$this->assert_bounded( $passages );
		$this->assertSame( $text, implode( '', $passages ), 'nothing is lost or cut short' );
	}

	/**
	 * Long Cyrillic text without spaces (a pasted token, say) is cut between characters too.
	 */
	public function test_long_unbroken_word_is_cut_between_characters(): void {
		$text     = 'Начало. ' . str_repeat( 'ЖЖЖЖЖЖЖЖЖЖ', 3000 ) . ' конец.';
		$passages = ( new Passage_Splitter() )->split_html( '<p>' . $text . '</p>' );
		$contents = array_column( $passages, 'content' );
		foreach ( $contents as $content ) {
			$this->assertTrue( mb_check_encoding( $content, 'UTF-8' ) );
			$this->assertLessThanOrEqual( self::MAX_BYTES, strlen( $content ) );
		}
		$this->assertSame( str_replace( ' ', '', $text ), str_replace( array( ' ', "\n" ), '', implode( '', $contents ) ) );
	}

	/**
	 * Sentences end at the full stops of scripts without capital letters too.
	 */
	public function test_sentences_end_in_scripts_without_capitals(): void {
		$this->assertSame(
			array( 'الشحن مجاني للطلبات الكبيرة.', 'يصل الطلب خلال ثلاثة أيام؟', 'نعم.' ),
			Sentences::split( 'الشحن مجاني للطلبات الكبيرة. يصل الطلب خلال ثلاثة أيام؟ نعم.' )
		);
		$this->assertSame(
			array( 'डिलीवरी तीन दिन में होती है।', 'वापसी तीस दिन तक संभव है।' ),
			Sentences::split( 'डिलीवरी तीन दिन में होती है। वापसी तीस दिन तक संभव है।' )
		);
		$this->assertSame(
			array( 'Доставка бесплатна.', '«Экспресс» стоит дороже.' ),
			Sentences::split( 'Доставка бесплатна. «Экспресс» стоит дороже.' )
		);
	}
}
