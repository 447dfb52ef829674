<?php
/**
 * What the signal tests share.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Unit\Signals;

use HandoffBot\Contracts\Signal;
use HandoffBot\Escalation\Policy;
use HandoffBot\Signals\Signal_Context;
use HandoffBot\Signals\Signal_Result;
use PHPUnit\Framework\TestCase;

/**
 * Runs a signal on a message, with the default policy or another one.
 *
 * @phpstan-import-type Turn from Signal_Context
 */
abstract class Signal_Test_Case extends TestCase {

	/**
	 * The signal under test.
	 */
	abstract protected function signal(): Signal;

	/**
	 * What the signal finds in a message.
	 *
	 * @param string            $text    Message.
	 * @param array<int, mixed> $history Earlier turns, oldest first.
	 * @phpstan-param list<Turn> $history
	 * @param Policy|null       $policy  Policy (the defaults when null).
	 */
	protected function detect( string $text, array $history = array(), ?Policy $policy = null ): Signal_Result {
		return $this->signal()->detect( new Signal_Context( $text, 'en', $history, $policy ?? Policy::defaults() ) );
	}

	/**
	 * The default policy with some parts replaced.
	 *
	 * @param array<string, mixed> $changes Top-level keys to replace.
	 */
	protected function policy( array $changes ): Policy {
		return new Policy( array_merge( Policy::defaults()->to_array(), $changes ) );
	}

	/**
	 * Messages as data provider rows.
	 *
	 * @param array<int, string> $texts Messages.
	 * @return array<string, array{0: string}>
	 */
	protected static function rows( array $texts ): array {
		$out = array();
		foreach ( $texts as $text ) {
			$out[ $text ] = array( $text );
		}
		return $out;
	}
}
