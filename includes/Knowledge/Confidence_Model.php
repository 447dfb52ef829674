<?php
/**
 * Turns the evidence about an answer into the chance that it is right.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Knowledge;

defined( 'ABSPATH' ) || exit;

/**
 * Logistic regression over the features of Evidence::weigh(), fitted so that a confidence of 0.7
 * means that about 70 in 100 such answers come from a page that answers the question (an
 * answerable question, its page cited first). The weights below are written by
 * tools/fit-confidence.mjs from the features that `php bench/answer-features.php` collects on a
 * question set; refit them when a feature changes.
 */
final class Confidence_Model {

	// Fitted weights: tools/fit-confidence.mjs rewrites the lines from here to "End of fitted weights".
	public const BIAS = -12.5569;

	/**
	 * Feature => weight.
	 *
	 * @var array<string, float>
	 */
	public const WEIGHTS = array(
		'relative_score'         => 8.9364,
		'missing_share'          => 4.0235,
		'sentence_coverage'      => 2.9390,
		'sentence_missing_share' => -2.4287,
		'specific_missing'       => -2.8989,
		'specific_away'          => -1.6258,
		'number_away'            => -0.7616,
		'opposite_sentence'      => -2.0817,
		'order'                  => 1.4515,
		'specific_off_sentence'  => -0.3190,
		'negated_any'            => -1.7734,
		'negated_sentence'       => -0.5747,
		'antonym_near'           => -2.4390,
		'swapped_sentence'       => -0.8014,
		'number_missing'         => -1.3455,
	);
	// End of fitted weights.

	/**
	 * The highest chance the model can give (every feature at its most favourable value in
	 * [0, 1]): a threshold above it would never answer.
	 */
	public static function ceiling(): float {
		$z = self::BIAS;
		foreach ( self::WEIGHTS as $weight ) {
			$z += max( 0.0, $weight );
		}
		return 1 / ( 1 + exp( -$z ) );
	}

	/**
	 * The chance, in [0, 1], that an answer with these features is right.
	 *
	 * @param array<string, float> $features Feature => value.
	 */
	public static function probability( array $features ): float {
		$z = self::BIAS;
		foreach ( self::WEIGHTS as $name => $weight ) {
			$z += $weight * ( $features[ $name ] ?? 0.0 );
		}
		return 1 / ( 1 + exp( -$z ) );
	}
}
