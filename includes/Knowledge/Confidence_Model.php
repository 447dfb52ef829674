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
	public const BIAS = -12.3982;

	/**
	 * Feature => weight.
	 *
	 * @var array<string, float>
	 */
	public const WEIGHTS = array(
		'relative_score'         => 8.8503,
		'missing_share'          => 4.0459,
		'sentence_coverage'      => 2.8648,
		'sentence_missing_share' => -2.5740,
		'specific_missing'       => -3.0364,
		'specific_away'          => -1.5784,
		'number_away'            => -1.8582,
		'opposite_sentence'      => -2.0425,
		'order'                  => 1.4134,
		'specific_off_sentence'  => -0.3167,
		'negated_any'            => -1.7695,
		'negated_sentence'       => -0.5928,
		'antonym_sentence'       => -2.4763,
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
