<?php
/**
 * Tests for the shipped, prepared default phrases that ask for a person.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Unit\Signals;

use HandoffBot\Escalation\Default_Intents;
use HandoffBot\Signals\Human_Request_Signal;
use PHPUnit\Framework\TestCase;

/**
 * The phrases the plugin ships prepared are exactly what preparing the defaults gives, so a
 * message is read the same whether the defaults or an edited copy of them are in force. Run with
 * HANDOFF_BOT_WRITE_INTENT_MODEL=1 to write them after changing the default phrases.
 */
final class Human_Phrases_Data_Test extends TestCase {

	/**
	 * The shipped file.
	 */
	private static function file(): string {
		return dirname( __DIR__, 4 ) . '/includes/Signals/data/human-phrases.php';
	}

	/**
	 * The shipped phrases are the defaults, prepared.
	 */
	public function test_the_shipped_phrases_are_the_defaults_prepared(): void {
		$phrases = Default_Intents::human_phrases();
		$signal  = new Human_Request_Signal();
		if ( getenv( 'HANDOFF_BOT_WRITE_INTENT_MODEL' ) ) {
			file_put_contents( self::file(), $signal->export_phrases( $phrases ) );
		}
		$shipped = require self::file();
		$this->assertSame( Human_Request_Signal::phrases_key( $phrases ), $shipped['key'] ?? null, 'The default phrases changed: regenerate data/human-phrases.php (see this test).' );
		$this->assertSame( $signal->prepare_phrases( $phrases ), $shipped['phrases'] );
	}
}
