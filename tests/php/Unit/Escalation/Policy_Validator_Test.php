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
	 * Marks a field to remove.
	 */
	private const UNSET = "\0unset";

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
	 * @param array<string, mixed> $changes Values to set, by field path (UNSET removes the field).
	 * @param string               $path    The field named.
	 */
	public function test_invalid_policies_name_the_field( array $changes, string $path ): void {
		$policy = self::valid();
		foreach ( $changes as $field => $value ) {
			$policy = self::set( $policy, explode( '.', $field ), $value );
		}
		$result = ( new Policy_Validator() )->validate( '' === array_key_first( $changes ) ? $changes[''] : $policy );
		$this->assertNull( $result['policy'] );
		$this->assertArrayHasKey( $path, $result['errors'], (string) wp_json_encode( $result['errors'] ) );
		$this->assertNotSame( '', $result['errors'][ $path ] );
	}

	/**
	 * A value with one field set (or removed).
	 *
	 * @param mixed              $data  Value.
	 * @param array<int, string> $path Field path.
	 * @param mixed              $value New value, or UNSET.
	 * @return mixed
	 */
	private static function set( $data, array $path, $value ) {
		$key = array_shift( $path );
		if ( ! $path ) {
			if ( self::UNSET === $value ) {
				unset( $data[ $key ] );
			} else {
				$data[ $key ] = $value;
			}
			return $data;
		}
		$data[ $key ] = self::set( $data[ $key ], $path, $value );
		return $data;
	}

	/**
	 * Invalid policies (the fields to change) and the field each one names.
	 *
	 * @return array<string, array{0: array<string, mixed>, 1: string}>
	 */
	public static function invalid_policies(): array {
		$many = static function ( int $n ): array {
			$out = array();
			for ( $i = 0; $i < $n; $i++ ) {
				$out[] = 'phrase ' . $i;
			}
			return $out;
		};
		$one  = self::valid()['intents'][0];
		return array(
			'empty intent name'             => array( array( 'intents.1.name' => '' ), 'intents.1.name' ),
			'intent name with capitals'     => array( array( 'intents.1.name' => 'Shipping' ), 'intents.1.name' ),
			'intent name over 40'           => array( array( 'intents.0.name' => str_repeat( 'a', 41 ) ), 'intents.0.name' ),
			'duplicate intent name'         => array( array( 'intents.1.name' => 'billing' ), 'intents.1.name' ),
			'missing intent name'           => array( array( 'intents.0.name' => self::UNSET ), 'intents.0.name' ),
			'empty label'                   => array( array( 'intents.0.label' => '   ' ), 'intents.0.label' ),
			'unknown policy'                => array( array( 'intents.1.policy' => 'escalate' ), 'intents.1.policy' ),
			'team over 60'                  => array( array( 'intents.0.team' => str_repeat( 't', 61 ) ), 'intents.0.team' ),
			'team not text'                 => array( array( 'intents.0.team' => array( 'a' ) ), 'intents.0.team' ),
			'51 keywords'                   => array( array( 'intents.0.keywords' => $many( 51 ) ), 'intents.0.keywords' ),
			'51 phrases'                    => array( array( 'intents.0.phrases' => $many( 51 ) ), 'intents.0.phrases' ),
			'101 examples'                  => array( array( 'intents.1.examples' => $many( 101 ) ), 'intents.1.examples' ),
			'phrase over 200'               => array( array( 'intents.0.phrases.1' => str_repeat( 'p', 201 ) ), 'intents.0.phrases.1' ),
			'empty keyword'                 => array( array( 'intents.0.keywords.1' => ' ' ), 'intents.0.keywords.1' ),
			'keywords not a list'           => array( array( 'intents.0.keywords' => array( 'a' => 'b' ) ), 'intents.0.keywords' ),
			'intent not an object'          => array( array( 'intents.1' => 'shipping' ), 'intents.1' ),
			'intents not a list'            => array( array( 'intents' => 'billing' ), 'intents' ),
			'101 intents'                   => array( array( 'intents' => array_fill( 0, 101, $one ) ), 'intents' ),
			'intent threshold above 1'      => array( array( 'thresholds.intent' => 1.5 ), 'thresholds.intent' ),
			'frustration below 0'           => array( array( 'thresholds.frustration' => -0.1 ), 'thresholds.frustration' ),
			'repetition not a number'       => array( array( 'thresholds.repetition' => 'high' ), 'thresholds.repetition' ),
			'missing coverage missing'      => array( array( 'thresholds.missing_coverage' => self::UNSET ), 'thresholds.missing_coverage' ),
			'offer after 0'                 => array( array( 'thresholds.offer_after' => 0 ), 'thresholds.offer_after' ),
			'handoff after 21'              => array( array( 'thresholds.handoff_after' => 21 ), 'thresholds.handoff_after' ),
			'handoff after not whole'       => array( array( 'thresholds.handoff_after' => 2.5 ), 'thresholds.handoff_after' ),
			'offer after the handoff'       => array(
				array(
					'thresholds.offer_after'   => 4,
					'thresholds.handoff_after' => 3,
				),
				'thresholds.offer_after',
			),
			'thresholds not an object'      => array( array( 'thresholds' => 0.5 ), 'thresholds' ),
			'empty offer message'           => array( array( 'messages.offer' => '' ), 'messages.offer' ),
			'missing private message'       => array( array( 'messages.private' => self::UNSET ), 'messages.private' ),
			'connecting message over 500'   => array( array( 'messages.connecting' => str_repeat( 'm', 501 ) ), 'messages.connecting' ),
			'message not valid UTF-8'       => array( array( 'messages.recorded' => "Recorded \xC3\x28" ), 'messages.recorded' ),
			'message with a control code'   => array( array( 'messages.recorded' => "Recorded \x07" ), 'messages.recorded' ),
			'language tag with a region'    => array( array( 'human_phrases.pt-BR' => array( 'falar com uma pessoa' ) ), 'human_phrases.pt-BR' ),
			'language tag in capitals'      => array( array( 'human_phrases.EN' => array( 'agent' ) ), 'human_phrases.EN' ),
			'101 phrases in a language'     => array( array( 'human_phrases.en' => $many( 101 ) ), 'human_phrases.en' ),
			'empty phrase in a language'    => array( array( 'human_phrases.es.1' => '' ), 'human_phrases.es.1' ),
			'phrase over 200 in a language' => array( array( 'human_phrases.es.1' => str_repeat( 'h', 201 ) ), 'human_phrases.es.1' ),
			'phrases not an object'         => array( array( 'human_phrases' => 'agent' ), 'human_phrases' ),
			'not an object at all'          => array( array( '' => 'rules' ), 'policy' ),
		);
	}

	/**
	 * An offer threshold out of range is told so, not compared with the handoff threshold; rules
	 * saved before the don't-know message existed get its default.
	 */
	public function test_each_field_gets_its_own_error(): void {
		$sent = self::valid();

		$sent['thresholds']['offer_after']   = 0;
		$sent['thresholds']['handoff_after'] = 1;
		$result                              = ( new Policy_Validator() )->validate( $sent );
		$this->assertNull( $result['policy'] );
		$this->assertStringContainsString( 'whole number', $result['errors']['thresholds.offer_after'] );

		$older = self::valid();
		unset( $older['messages']['dont_know'] );
		$result = ( new Policy_Validator() )->validate( $older );
		$this->assertNotNull( $result['policy'] );
		$this->assertSame( Policy::default_messages()['dont_know'], $result['policy']['messages']['dont_know'] );
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
