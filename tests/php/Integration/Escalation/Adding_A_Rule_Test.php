<?php
/**
 * The worked example of docs/ADDING_A_RULE.md, run as written.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Escalation;

use HandoffBot\Tests\Integration\Test_Case;

/**
 * Loads the example's code block from the document itself and checks what the document says it
 * does, through the routes the Rules screen uses.
 */
final class Adding_A_Rule_Test extends Test_Case {

	/**
	 * The filters as they were before the example added its own.
	 *
	 * @var array<string, \WP_Hook|null>
	 */
	private array $saved = array();

	/**
	 * Keeps the filters the example changes, and signs in an administrator.
	 */
	protected function setUp(): void {
		parent::setUp();
		global $wp_filter;
		foreach ( array( 'handoff_bot_signals', 'handoff_bot_escalation_rules' ) as $hook ) {
			$this->saved[ $hook ] = isset( $wp_filter[ $hook ] ) ? clone $wp_filter[ $hook ] : null;
		}
		wp_set_current_user( $this->create_user( 'administrator' ) );
	}

	/**
	 * Takes the example's filters away again.
	 */
	protected function tearDown(): void {
		global $wp_filter;
		foreach ( $this->saved as $hook => $saved ) {
			if ( null === $saved ) {
				unset( $wp_filter[ $hook ] );
			} else {
				$wp_filter[ $hook ] = $saved; // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- restoring the filters the example added to.
			}
		}
		parent::tearDown();
	}

	/**
	 * The first PHP block after the "Worked example" heading.
	 */
	private static function example(): string {
		$doc = (string) file_get_contents( dirname( __DIR__, 4 ) . '/docs/ADDING_A_RULE.md' ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- a local file.
		$at  = strpos( $doc, "\n## Worked example" );
		self::assertNotFalse( $at, 'the document has its worked example' );
		self::assertSame( 1, preg_match( '/```php\n(.*?)\n```/s', substr( $doc, $at ), $m ) );
		return $m[1];
	}

	/**
	 * The signal and the rule are listed, hand off a question about one order before any answer,
	 * leave other questions to the other rules, and give way to the visitor's own request.
	 */
	public function test_the_worked_example_does_what_the_document_says(): void {
		$code = self::example();
		$this->assertStringStartsWith( '<?php', $code );
		$file = (string) tempnam( get_temp_dir(), 'adding-a-rule' );
		file_put_contents( $file, $code ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_put_contents_file_put_contents -- a temporary file.
		try {
			require $file;
		} finally {
			wp_delete_file( $file );
		}

		$rules = $this->rest( 'GET', '/handoff-bot/v1/rules' )->get_data();
		$ids   = array_column( $rules['rules'], 'id' );
		$this->assertSame( array_search( 'intent_policy', $ids, true ) + 1, array_search( 'acme_order_lookup', $ids, true ), 'right after the intents’ business rules' );
		$this->assertContains( 'The visitor asks about a specific order', array_column( $rules['rules'], 'label' ) );
		$this->assertContains( 'acme_order_number', array_column( $rules['signals'], 'id' ) );

		$turns = $this->rest(
			'POST',
			'/handoff-bot/v1/rules/test',
			array( 'turns' => array( 'Where is my order #48213? It has not arrived.', 'Where is my order?' ) )
		)->get_data()['turns'];

		$order = $turns[0];
		$this->assertTrue( $order['signals']->acme_order_number['fired'] );
		$this->assertSame( array( '#48213' ), $order['signals']->acme_order_number['evidence'] );
		$this->assertNull( $order['answer'] );
		$this->assertSame(
			array(
				'kind'    => 'handoff',
				'reason'  => 'action_required',
				'trigger' => 'rule',
				'rule'    => 'acme_order_lookup',
				'signals' => array( 'acme_order_number' ),
			),
			array_diff_key( $order['decision'], array( 'intent' => true ) )
		);

		$this->assertFalse( $turns[1]['signals']->acme_order_number['fired'] );
		$this->assertNotSame( 'acme_order_lookup', $turns[1]['decision']['rule'] );

		$button = $this->rest(
			'POST',
			'/handoff-bot/v1/rules/test',
			array(
				'turns'     => array( 'Order 48213, please' ),
				'button_at' => 0,
			)
		)->get_data()['turns'][0];
		$this->assertSame( 'user_requested', $button['decision']['reason'] );
		$this->assertSame( 'human_request', $button['decision']['rule'] );
	}
}
