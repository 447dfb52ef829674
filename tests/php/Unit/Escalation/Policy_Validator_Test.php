<?php
/**
 * Tests for the policy's validation.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Unit\Escalation;

use HandoffBot\Escalation\Policy;
use HandoffBot\Escalation\Policy_Validator;
use PHPUnit\Framework\TestCase;

/**
 * Each kind of invalid policy is refused with the field named; a valid one comes back in its
 * stored form.
 */
final class Policy_Validator_Test extends TestCase {

	/**
	 * A valid policy with two intents.
	 *
	 * @return array<string, mixed>
	 */
	public static function valid(): array {
		$intent = static function ( string $name, string $policy ): array {
			return array(
				'name'     => $name,
				'label'    => ucfirst( $name ),
				'policy'   => $policy,
				'team'     => 'Support',
				'keywords' => array( $name ),
				'phrases'  => array( 'about ' . $name ),
				'examples' => array( 'A question about ' . $name . '?' ),
			);
		};
		return array(
			'intents'       => array( $intent( 'billing', 'human' ), $intent( 'shipping', 'bot' ) ),
			'human_phrases' => array(
				'en' => array( 'talk to a person' ),
				'es' => array( 'hablar con una persona' ),
			),
			'thresholds'    => Policy::THRESHOLDS,
			'messages'      => Policy::default_messages(),
		);
	}

	/**
	 * The shipped defaults are valid, as is a policy of each shape the editor sends.
	 */
	public function test_valid_policies_pass_in_their_stored_form(): void {
		$validator = new Policy_Validator();
		$defaults  = $validator->validate( Policy::defaults()->to_array() );
		$this->assertSame( array(), $defaults['errors'] );
		$this->assertEquals( Policy::defaults()->to_array(), $defaults['policy'] );

		$sent                                = self::valid();
		$sent['intents'][0]['label']         = '  Billing  ';
		$sent['thresholds']['offer_after']   = 2.0;
		$sent['thresholds']['handoff_after'] = '4';
		unset( $sent['intents'][1]['team'], $sent['intents'][1]['examples'] );
		$result = $validator->validate( $sent );
		$this->assertSame( array(), $result['errors'] );
		$this->assertNotNull( $result['policy'] );
		$this->assertSame( 'Billing', $result['policy']['intents'][0]['label'] );
		$this->assertSame( 2, $result['policy']['thresholds']['offer_after'] );
		$this->assertSame( 4, $result['policy']['thresholds']['handoff_after'] );
		$this->assertSame( '', $result['policy']['intents'][1]['team'] );
		$this->assertSame( array(), $result['policy']['intents'][1]['examples'] );
		$this->assertSame( array( 'intents', 'human_phrases', 'thresholds', 'messages' ), array_keys( $result['policy'] ) );
	}

	/**
	 * Each invalid policy is refused, with an error on the field.
	 *
	 * @dataProvider invalid_policies
	 *
	 * @param callable $change Makes the valid policy invalid.
	 * @param string   $path   The field named.
	 */
	public function test_invalid_policies_name_the_field( callable $change, string $path ): void {
		$policy = self::valid();
		$change( $policy );
		$result = ( new Policy_Validator() )->validate( $policy );
		$this->assertNull( $result['policy'] );
		$this->assertArrayHasKey( $path, $result['errors'], (string) wp_json_encode( $result['errors'] ) );
		$this->assertNotSame( '', $result['errors'][ $path ] );
	}

	/**
	 * Invalid policies and the field each one names.
	 *
	 * @return array<string, array{0: callable, 1: string}>
	 */
	public static function invalid_policies(): array {
		$many = static function ( int $n, int $length = 5 ): array {
			$out = array();
			for ( $i = 0; $i < $n; $i++ ) {
				$out[] = str_repeat( 'a', $length ) . $i;
			}
			return $out;
		};
		return array(
			'empty intent name'             => array(
				static function ( array &$p ) {
										$p['intents'][1]['name'] = ''; },
				'intents.1.name',
			),
			'intent name with capitals'     => array(
				static function ( array &$p ) {
										$p['intents'][1]['name'] = 'Shipping'; },
				'intents.1.name',
			),
			'intent name over 40'           => array(
				static function ( array &$p ) {
										$p['intents'][0]['name'] = str_repeat( 'a', 41 ); },
				'intents.0.name',
			),
			'duplicate intent name'         => array(
				static function ( array &$p ) {
										$p['intents'][1]['name'] = 'billing'; },
				'intents.1.name',
			),
			'missing intent name'           => array(
				static function ( array &$p ) {
										unset( $p['intents'][0]['name'] ); },
				'intents.0.name',
			),
			'empty label'                   => array(
				static function ( array &$p ) {
										$p['intents'][0]['label'] = '   '; },
				'intents.0.label',
			),
			'unknown policy'                => array(
				static function ( array &$p ) {
										$p['intents'][1]['policy'] = 'escalate'; },
				'intents.1.policy',
			),
			'team over 60'                  => array(
				static function ( array &$p ) {
										$p['intents'][0]['team'] = str_repeat( 't', 61 ); },
				'intents.0.team',
			),
			'team not text'                 => array(
				static function ( array &$p ) {
										$p['intents'][0]['team'] = array( 'a' ); },
				'intents.0.team',
			),
			'51 keywords'                   => array(
				static function ( array &$p ) use ( $many ) {
										$p['intents'][0]['keywords'] = $many( 51 ); },
				'intents.0.keywords',
			),
			'51 phrases'                    => array(
				static function ( array &$p ) use ( $many ) {
										$p['intents'][0]['phrases'] = $many( 51 ); },
				'intents.0.phrases',
			),
			'101 examples'                  => array(
				static function ( array &$p ) use ( $many ) {
										$p['intents'][1]['examples'] = $many( 101 ); },
				'intents.1.examples',
			),
			'phrase over 200'               => array(
				static function ( array &$p ) {
										$p['intents'][0]['phrases'][] = str_repeat( 'p', 201 ); },
				'intents.0.phrases.1',
			),
			'empty keyword'                 => array(
				static function ( array &$p ) {
										$p['intents'][0]['keywords'][] = ' '; },
				'intents.0.keywords.1',
			),
			'keywords not a list'           => array(
				static function ( array &$p ) {
										$p['intents'][0]['keywords'] = array( 'a' => 'b' ); },
				'intents.0.keywords',
			),
			'intent not an object'          => array(
				static function ( array &$p ) {
										$p['intents'][1] = 'shipping'; },
				'intents.1',
			),
			'intents not a list'            => array(
				static function ( array &$p ) {
										$p['intents'] = 'billing'; },
				'intents',
			),
			'101 intents'                   => array(
				static function ( array &$p ) {
					$p['intents'] = array_fill( 0, 101, $p['intents'][0] );
				},
				'intents',
			),
			'intent threshold above 1'      => array(
				static function ( array &$p ) {
										$p['thresholds']['intent'] = 1.5; },
				'thresholds.intent',
			),
			'frustration below 0'           => array(
				static function ( array &$p ) {
										$p['thresholds']['frustration'] = -0.1; },
				'thresholds.frustration',
			),
			'repetition not a number'       => array(
				static function ( array &$p ) {
										$p['thresholds']['repetition'] = 'high'; },
				'thresholds.repetition',
			),
			'missing coverage missing'      => array(
				static function ( array &$p ) {
										unset( $p['thresholds']['missing_coverage'] ); },
				'thresholds.missing_coverage',
			),
			'offer after 0'                 => array(
				static function ( array &$p ) {
										$p['thresholds']['offer_after'] = 0; },
				'thresholds.offer_after',
			),
			'handoff after 21'              => array(
				static function ( array &$p ) {
										$p['thresholds']['handoff_after'] = 21; },
				'thresholds.handoff_after',
			),
			'handoff after not whole'       => array(
				static function ( array &$p ) {
										$p['thresholds']['handoff_after'] = 2.5; },
				'thresholds.handoff_after',
			),
			'offer after the handoff'       => array(
				static function ( array &$p ) {
					$p['thresholds']['offer_after']   = 4;
					$p['thresholds']['handoff_after'] = 3;
				},
				'thresholds.offer_after',
			),
			'thresholds not an object'      => array(
				static function ( array &$p ) {
										$p['thresholds'] = 0.5; },
				'thresholds',
			),
			'empty offer message'           => array(
				static function ( array &$p ) {
										$p['messages']['offer'] = ''; },
				'messages.offer',
			),
			'missing private message'       => array(
				static function ( array &$p ) {
										unset( $p['messages']['private'] ); },
				'messages.private',
			),
			'connecting message over 500'   => array(
				static function ( array &$p ) {
										$p['messages']['connecting'] = str_repeat( 'm', 501 ); },
				'messages.connecting',
			),
			'message not valid UTF-8'       => array(
				static function ( array &$p ) {
										$p['messages']['recorded'] = "Recorded \xC3\x28"; },
				'messages.recorded',
			),
			'language tag with a region'    => array(
				static function ( array &$p ) {
										$p['human_phrases']['pt-BR'] = array( 'falar com uma pessoa' ); },
				'human_phrases.pt-BR',
			),
			'language tag in capitals'      => array(
				static function ( array &$p ) {
										$p['human_phrases']['EN'] = array( 'agent' ); },
				'human_phrases.EN',
			),
			'101 phrases in a language'     => array(
				static function ( array &$p ) use ( $many ) {
										$p['human_phrases']['en'] = $many( 101 ); },
				'human_phrases.en',
			),
			'empty phrase in a language'    => array(
				static function ( array &$p ) {
										$p['human_phrases']['es'][] = ''; },
				'human_phrases.es.1',
			),
			'phrase over 200 in a language' => array(
				static function ( array &$p ) {
										$p['human_phrases']['es'][] = str_repeat( 'h', 201 ); },
				'human_phrases.es.1',
			),
			'phrases not an object'         => array(
				static function ( array &$p ) {
										$p['human_phrases'] = 'agent'; },
				'human_phrases',
			),
			'not an object at all'          => array(
				static function ( &$p ) {
										$p = 'rules'; },
				'policy',
			),
		);
	}

	/**
	 * A change note is required and bounded; the expected impact may be empty.
	 */
	public function test_notes(): void {
		$validator = new Policy_Validator();
		$this->assertNull( $validator->note_error( 'Billing disputes go to a person.' ) );
		$this->assertNotNull( $validator->note_error( '' ) );
		$this->assertNotNull( $validator->note_error( "  \n " ) );
		$this->assertNotNull( $validator->note_error( array( 'note' ) ) );
		$this->assertNotNull( $validator->note_error( str_repeat( 'n', 1001 ) ) );
		$this->assertNull( $validator->note_error( '', false ) );
	}
}
