<?php
/**
 * Saved test conversations of the rules tester.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Escalation;

defined( 'ABSPATH' ) || exit;

/**
 * A simulation is a conversation from the tester saved with the decision each turn should get
 * (kind and reason). Before a save of the rules, the Rules screen runs all of them against the
 * edited policy and shows which decisions would change. They are few and small (at most 100 of
 * at most 20 turns), read only on the Rules screen, so they live in one option that is not
 * autoloaded.
 *
 * @phpstan-type Expectation array{kind: string, reason: string}
 * @phpstan-type Simulation array{id: int, name: string, turns: list<string>, expected: list<Expectation>, button_at: int|null, created_at: string}
 * @phpstan-type Stored array{next_id: int, items: list<Simulation>}
 */
final class Simulations {

	/**
	 * The option holding them.
	 */
	public const OPTION = 'handoff_bot_simulations';

	/**
	 * The most simulations a site keeps.
	 */
	public const MAX = 100;

	/**
	 * The most turns of a simulation.
	 */
	public const MAX_TURNS = 20;

	/**
	 * The longest name, in characters.
	 */
	public const MAX_NAME = 100;

	/**
	 * Every simulation, oldest first.
	 *
	 * @return list<Simulation>
	 */
	public function all(): array {
		return $this->stored()['items'];
	}

	/**
	 * How many there are.
	 */
	public function count(): int {
		return count( $this->all() );
	}

	/**
	 * A simulation, or null.
	 *
	 * @param int $id Simulation.
	 * @return Simulation|null
	 */
	public function find( int $id ): ?array {
		foreach ( $this->all() as $simulation ) {
			if ( $simulation['id'] === $id ) {
				return $simulation;
			}
		}
		return null;
	}

	/**
	 * Saves a simulation (the caller checked its turns and expectations, and the count).
	 *
	 * @param string             $name      Name.
	 * @param array<int, string> $turns     The visitor's messages.
	 * @phpstan-param list<string> $turns
	 * @param array<int, mixed>  $expected  The decision each turn should get.
	 * @phpstan-param list<Expectation> $expected
	 * @param int|null           $button_at The turn sent with the "talk to a person" button, if any.
	 * @return Simulation
	 */
	public function add( string $name, array $turns, array $expected, ?int $button_at ): array {
		$stored     = $this->stored();
		$simulation = array(
			'id'         => $stored['next_id'],
			'name'       => $name,
			'turns'      => $turns,
			'expected'   => $expected,
			'button_at'  => $button_at,
			'created_at' => gmdate( 'Y-m-d H:i:s' ),
		);

		$stored['items'][] = $simulation;
		++$stored['next_id'];
		update_option( self::OPTION, $stored, false );
		return $simulation;
	}

	/**
	 * Deletes a simulation.
	 *
	 * @param int $id Simulation.
	 * @return bool Whether it existed.
	 */
	public function delete( int $id ): bool {
		$stored = $this->stored();
		$kept   = array_values(
			array_filter(
				$stored['items'],
				static function ( array $simulation ) use ( $id ): bool {
					return $simulation['id'] !== $id;
				}
			)
		);
		if ( count( $kept ) === count( $stored['items'] ) ) {
			return false;
		}
		$stored['items'] = $kept;
		update_option( self::OPTION, $stored, false );
		return true;
	}

	/**
	 * The stored simulations (none when the option is missing or not of this shape).
	 *
	 * @return Stored
	 */
	private function stored(): array {
		$stored = get_option( self::OPTION );
		if ( ! is_array( $stored ) || ! isset( $stored['next_id'], $stored['items'] ) || ! is_array( $stored['items'] ) ) {
			return array(
				'next_id' => 1,
				'items'   => array(),
			);
		}
		/**
		 * Written by add() and delete() only.
		 *
		 * @var Stored $stored
		 */
		return $stored;
	}
}
