<?php
/**
 * The answerer on a help centre: support questions it should answer, and near misses it should not.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Knowledge;

use HandoffBot\Knowledge\Answer;
use HandoffBot\Knowledge\Extractive_Answerer;
use HandoffBot\Knowledge\Retriever;
use HandoffBot\Knowledge\Small_Talk;
use HandoffBot\Knowledge\Tokenizer;
use HandoffBot\Repositories\Index_Repository;
use HandoffBot\Settings;
use HandoffBot\Tests\Integration\Test_Case;

/**
 * Over the demo help centre and the questions in tests/php/fixtures/support-questions.php (half of
 * them near misses: another plan, another service, a product the shop does not sell), at the
 * default threshold. The bars sit a little below the figures measured when they were set, so a
 * change that makes the bot answer worse, or guess more, fails here.
 */
final class Support_Questions_Test extends Test_Case {

	/**
	 * Answerable questions answered, with their page cited first: measured 0.944.
	 */
	private const MIN_RIGHT = 0.88;

	/**
	 * Near misses the bot declines: measured 0.82.
	 */
	private const MIN_DECLINED = 0.8;

	/**
	 * How well the confidence separates the two kinds: measured 0.939.
	 */
	private const MIN_AUROC = 0.92;

	/**
	 * The figures, and the questions behind each failure.
	 *
	 * @var array<string, mixed>
	 */
	private static array $figures = array();

	/**
	 * Publishes the demo help centre (as the dev site has it) and asks every question, once for
	 * the class: the tests read the figures.
	 */
	protected function setUp(): void {
		parent::setUp();
		if ( self::$figures ) {
			return;
		}
		require_once dirname( __DIR__, 4 ) . '/tools/wp/demo-content.php';
		handoff_bot_demo_content();
		$tokenizer = new Tokenizer();
		$answerer  = new Extractive_Answerer( new Retriever( $tokenizer, new Index_Repository() ), new Small_Talk(), $tokenizer, new Settings() );
		$rows      = array();
		foreach ( require dirname( __DIR__, 2 ) . '/fixtures/support-questions.php' as list( $question, $page ) ) {
			$answer = $answerer->answer( $question, 'en' );
			$cited  = $answer->citations ? (string) wp_parse_url( $answer->citations[0]['url'], PHP_URL_PATH ) : '';
			$rows[] = array(
				'question'   => $question,
				'page'       => $page,
				'answered'   => Answer::KIND_ANSWER === $answer->kind,
				'right'      => Answer::KIND_ANSWER === $answer->kind && null !== $page && '/' . $page . '/' === $cited,
				'confidence' => $answer->confidence,
			);
		}
		self::$figures = self::figures( $rows );
	}

	/**
	 * Share answered right, share of near misses declined, AUROC, and the misses.
	 *
	 * @param array<int, array{question: string, page: string|null, answered: bool, right: bool, confidence: float}> $rows Rows.
	 * @return array<string, mixed>
	 */
	private static function figures( array $rows ): array {
		$answerable = array_values( array_filter( $rows, static fn( array $r ): bool => null !== $r['page'] ) );
		$misses     = array_values( array_filter( $rows, static fn( array $r ): bool => null === $r['page'] ) );
		$pairs      = 0.0;
		foreach ( $answerable as $a ) {
			foreach ( $misses as $m ) {
				$pairs += $a['confidence'] > $m['confidence'] ? 1.0 : ( $a['confidence'] === $m['confidence'] ? 0.5 : 0.0 );
			}
		}
		return array(
			'answerable'  => count( $answerable ),
			'near_misses' => count( $misses ),
			'right'       => round( count( array_filter( array_column( $answerable, 'right' ) ) ) / max( 1, count( $answerable ) ), 3 ),
			'declined'    => round( count( array_filter( $misses, static fn( array $r ): bool => ! $r['answered'] ) ) / max( 1, count( $misses ) ), 3 ),
			'auroc'       => round( $pairs / max( 1, count( $answerable ) * count( $misses ) ), 3 ),
			'not_right'   => array_column( array_filter( $answerable, static fn( array $r ): bool => ! $r['right'] ), 'question' ),
			'guessed'     => array_column( array_filter( $misses, static fn( array $r ): bool => $r['answered'] ), 'question' ),
		);
	}

	/**
	 * The set is the size it says: at least 100 questions, half of them near misses.
	 */
	public function test_the_set_has_a_hundred_questions_half_near_misses(): void {
		$this->assertGreaterThanOrEqual( 100, self::$figures['answerable'] + self::$figures['near_misses'] );
		$this->assertGreaterThanOrEqual( 50, self::$figures['near_misses'] );
		$this->assertGreaterThanOrEqual( 50, self::$figures['answerable'] );
	}

	/**
	 * Questions the pages answer are answered from the right page.
	 */
	public function test_answerable_questions_are_answered_from_the_right_page(): void {
		$this->assertGreaterThanOrEqual( self::MIN_RIGHT, self::$figures['right'], (string) wp_json_encode( self::$figures, JSON_PRETTY_PRINT ) );
	}

	/**
	 * Near misses get "I don't know" rather than a guess.
	 */
	public function test_near_misses_are_declined(): void {
		$this->assertGreaterThanOrEqual( self::MIN_DECLINED, self::$figures['declined'], (string) wp_json_encode( self::$figures, JSON_PRETTY_PRINT ) );
	}

	/**
	 * The confidence ranks answerable questions above near misses.
	 */
	public function test_confidence_separates_answerable_questions_from_near_misses(): void {
		$this->assertGreaterThanOrEqual( self::MIN_AUROC, self::$figures['auroc'], (string) wp_json_encode( self::$figures, JSON_PRETTY_PRINT ) );
	}
}
