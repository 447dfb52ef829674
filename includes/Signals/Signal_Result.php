<?php
/**
 * What a signal found.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Signals;

defined( 'ABSPATH' ) || exit;

/**
 * A value: whether the signal fired, how strongly (a score in [0, 1]), an optional label (the
 * intent's name, the language's tag, the kind of personal data), and the evidence (the phrases,
 * words or patterns that fired, as they appear in the message or masked where they are personal
 * data: never a full card number).
 *
 * @phpstan-type Signal_Result_Array array{id: string, fired: bool, score: float, label: string, evidence: list<string>}
 */
final class Signal_Result {

	/**
	 * The signal's identifier.
	 *
	 * @var string
	 */
	public string $id;

	/**
	 * Whether it fired.
	 *
	 * @var bool
	 */
	public bool $fired;

	/**
	 * How strongly, in [0, 1].
	 *
	 * @var float
	 */
	public float $score;

	/**
	 * What it found: an intent's name, a language tag, a kind of data; '' when nothing applies.
	 *
	 * @var string
	 */
	public string $label;

	/**
	 * The phrases or terms that fired.
	 *
	 * @var list<string>
	 */
	public array $evidence;

	/**
	 * Builds the value.
	 *
	 * @param string             $id       Signal identifier.
	 * @param bool               $fired    Whether it fired.
	 * @param float              $score    Strength in [0, 1].
	 * @param string             $label    What it found.
	 * @param array<int, string> $evidence What fired.
	 * @phpstan-param list<string> $evidence
	 */
	public function __construct( string $id, bool $fired, float $score = 0.0, string $label = '', array $evidence = array() ) {
		$this->id       = $id;
		$this->fired    = $fired;
		$this->score    = max( 0.0, min( 1.0, $score ) );
		$this->label    = $label;
		$this->evidence = $evidence;
	}

	/**
	 * A signal that found nothing.
	 *
	 * @param string $id Signal identifier.
	 */
	public static function none( string $id ): self {
		return new self( $id, false );
	}

	/**
	 * As stored in a reply's meta and sent to the rules tester.
	 *
	 * @return Signal_Result_Array
	 */
	public function to_array(): array {
		return array(
			'id'       => $this->id,
			'fired'    => $this->fired,
			'score'    => round( $this->score, 3 ),
			'label'    => $this->label,
			'evidence' => $this->evidence,
		);
	}
}
