<?php
/**
 * Tests for keeping the model of a site's own intents between requests.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Integration\Signals;

use HandoffBot\Escalation\Policy;
use HandoffBot\Knowledge\Tokenizer;
use HandoffBot\Signals\Intent_Model;
use HandoffBot\Signals\Intent_Model_Cache;
use HandoffBot\Signals\Intent_Signal;
use HandoffBot\Signals\Signal_Context;
use HandoffBot\Tests\Integration\Rules_Fixtures;
use HandoffBot\Tests\Integration\Test_Case;

require_once dirname( __DIR__ ) . '/Rules_Fixtures.php';

/**
 * A save of edited intents prepares their model and keeps it; a later request (a new process)
 * reads the kept model instead of preparing it again.
 */
final class Intent_Model_Cache_Test extends Test_Case {

	use Rules_Fixtures;

	/**
	 * Forgets the models this process prepared, as a new request would.
	 */
	private static function new_request(): void {
		$models = new \ReflectionProperty( Intent_Model::class, 'models' );
		$models->setAccessible( true );
		$models->setValue( null, array() );
		wp_cache_delete( Intent_Model_Cache::OPTION, 'handoff_bot' );
	}

	/**
	 * Cleans up.
	 */
	protected function tearDown(): void {
		self::new_request();
		delete_option( Intent_Model_Cache::OPTION );
		parent::tearDown();
	}

	/**
	 * Saving edited intents keeps their model under their key; the default intents, whose model
	 * ships with the plugin, keep nothing.
	 */
	public function test_a_save_keeps_the_edited_intents_model(): void {
		self::new_request();
		$store = $this->store();
		$this->assertIsArray( $store->save( Policy::defaults()->to_array(), 'Same as the defaults', 'As expected.', $store->active_version(), 1 ) );
		$this->assertFalse( get_option( Intent_Model_Cache::OPTION ), 'the shipped model needs no copy' );

		$policy = $this->policy_with_zebracorn( 'human' );
		$this->assertIsArray( $store->save( $policy, 'Zebracorn questions', 'As expected.', $store->active_version(), 1 ) );
		$kept = get_option( Intent_Model_Cache::OPTION );
		$this->assertIsArray( $kept );
		$this->assertSame( Intent_Model::key( ( new Policy( $policy ) )->intents() ), $kept['key'] );
		$this->assertArrayNotHasKey( 'handoff_bot_intent_model', wp_load_alloptions(), 'not loaded on every page' );
	}

	/**
	 * A new request reads the kept model: what it classifies comes from the kept copy.
	 */
	public function test_a_new_request_reads_the_kept_model(): void {
		self::new_request();
		$policy  = new Policy( $this->policy_with_zebracorn( 'human' ) );
		$key     = Intent_Model::key( $policy->intents() );
		$signal  = new Intent_Signal( new Tokenizer(), new Intent_Model_Cache() );
		$context = new Signal_Context( 'Can a zebracorn live in my garden?', 'en', array(), $policy );
		$this->assertSame( 'zebracorn', $signal->detect( $context )->label );

		// The kept copy is what a new request uses: replace it with a model of other intents.
		$other = Policy::defaults()->intents();
		( new Intent_Model_Cache() )->set( $key, Intent_Model::prepare( $other, new Tokenizer() )->to_array() );
		self::new_request();
		$signal = new Intent_Signal( new Tokenizer(), new Intent_Model_Cache() );
		$this->assertNotSame( 'zebracorn', $signal->detect( $context )->label );

		// Without a kept copy, the model is prepared and kept.
		delete_option( Intent_Model_Cache::OPTION );
		self::new_request();
		$signal = new Intent_Signal( new Tokenizer(), new Intent_Model_Cache() );
		$this->assertSame( 'zebracorn', $signal->detect( $context )->label );
		$this->assertSame( $key, get_option( Intent_Model_Cache::OPTION )['key'] );
	}
}
