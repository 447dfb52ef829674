<?php
/**
 * Tests for the shipped, prepared model of the default intents.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Unit\Signals;

use HandoffBot\Escalation\Default_Intents;
use HandoffBot\Knowledge\Tokenizer;
use HandoffBot\Signals\Intent_Model;
use PHPUnit\Framework\TestCase;

/**
 * The model the plugin ships for the default intents is exactly what preparing them gives, so
 * a message is read the same whether the defaults or an edited copy of them are in force. Run
 * with HANDOFF_BOT_WRITE_INTENT_MODEL=1 to write it after changing the default intents.
 */
final class Intent_Model_Data_Test extends TestCase {

	/**
	 * The shipped file.
	 */
	private static function file(): string {
		return dirname( __DIR__, 4 ) . '/includes/Signals/data/intent-model.php';
	}

	/**
	 * The shipped model is the defaults, prepared.
	 */
	public function test_the_shipped_model_is_the_default_intents_prepared(): void {
		$intents  = Default_Intents::all();
		$prepared = Intent_Model::prepare( $intents, new Tokenizer() );
		if ( getenv( 'HANDOFF_BOT_WRITE_INTENT_MODEL' ) ) {
			file_put_contents( self::file(), Intent_Model::export( Intent_Model::key( $intents ), $prepared ) );
		}
		$shipped = require self::file();
		$this->assertSame( Intent_Model::key( $intents ), $shipped['key'], 'The default intents changed: regenerate data/intent-model.php (see this test).' );
		$this->assertSame( $prepared->to_array(), $shipped['model'] );
	}

	/**
	 * Labels, policies and teams do not change how messages are read: translating a label keeps
	 * the shipped model in use.
	 */
	public function test_the_key_ignores_labels_policies_and_teams(): void {
		$intents = Default_Intents::all();
		$changed = $intents;
		foreach ( $changed as $i => $intent ) {
			$changed[ $i ]['label']  = 'Étiquette ' . $i;
			$changed[ $i ]['policy'] = 'human';
			$changed[ $i ]['team']   = 'sales';
		}
		$this->assertSame( Intent_Model::key( $intents ), Intent_Model::key( $changed ) );
		$changed[0]['examples'][] = 'One more way to ask';
		$this->assertNotSame( Intent_Model::key( $intents ), Intent_Model::key( $changed ) );
	}

	/**
	 * A model read back from its prepared form classifies as the one prepared.
	 */
	public function test_a_model_survives_its_prepared_form(): void {
		$intents  = Default_Intents::all();
		$prepared = Intent_Model::prepare( $intents, new Tokenizer() );
		$restored = Intent_Model::from_array( $prepared->to_array(), new Tokenizer() );
		foreach ( array( 'where is my parcel', 'I was charged twice', 'delete my data', 'hello' ) as $text ) {
			$this->assertSame( $prepared->classify( $text ), $restored->classify( $text ), $text );
		}
	}
}
