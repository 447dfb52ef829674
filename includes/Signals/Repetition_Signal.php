<?php
/**
 * Notices a visitor asking the same thing again.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Signals;

use HandoffBot\Contracts\Signal;
use HandoffBot\Knowledge\Porter_Stemmer;
use HandoffBot\Knowledge\Tokenizer;

defined( 'ABSPATH' ) || exit;

/**
 * The latest message compared with each of the visitor's earlier ones: the cosine of their
 * stemmed terms, with the common ways of saying one thing in other words read as one ("parcel"
 * and "package", "send back" and "return", "price" and "cost"). Fires from the policy's
 * repetition threshold; the evidence is the earlier message (cut short).
 */
final class Repetition_Signal implements Signal {

	/**
	 * Words and pairs of words that say the same thing, and the word they are read as.
	 *
	 * @var array<string, string>
	 */
	private const SAME = array(
		'package'      => 'parcel',
		'packages'     => 'parcel',
		'shipment'     => 'parcel',
		'delivery'     => 'shipping',
		'deliver'      => 'shipping',
		'delivered'    => 'shipping',
		'deliveries'   => 'shipping',
		'ship'         => 'shipping',
		'shipped'      => 'shipping',
		'price'        => 'cost',
		'prices'       => 'cost',
		'pricing'      => 'cost',
		'purchase'     => 'order',
		'purchased'    => 'order',
		'bought'       => 'order',
		'terminate'    => 'cancel',
		'unsubscribe'  => 'cancel',
		'login'        => 'log',
		'signin'       => 'log',
		'money back'   => 'refund',
		'send back'    => 'return',
		'sent back'    => 'return',
		'sending back' => 'return',
		'log in'       => 'log',
		'sign in'      => 'log',
		'repayment'    => 'refund',
		'reimburse'    => 'refund',
		'item'         => 'product',
		'items'        => 'product',
		'goods'        => 'product',
		'stuff'        => 'product',
	);

	/**
	 * The tokenizer.
	 *
	 * @var Tokenizer
	 */
	private Tokenizer $tokenizer;

	/**
	 * Builds the signal.
	 *
	 * @param Tokenizer|null $tokenizer Tokenizer (a new one by default).
	 */
	public function __construct( ?Tokenizer $tokenizer = null ) {
		$this->tokenizer = $tokenizer ?? new Tokenizer();
	}

	/**
	 * {@inheritDoc}
	 */
	public function get_id(): string {
		return 'repetition';
	}

	/**
	 * Whether the latest message asks again what an earlier one asked.
	 *
	 * @param Signal_Context $context The message, the conversation before it, and the rules.
	 */
	public function detect( Signal_Context $context ): Signal_Result {
		$now = $this->terms( $context->text );
		if ( ! $now ) {
			return Signal_Result::none( $this->get_id() );
		}
		$best    = 0.0;
		$earlier = '';
		foreach ( $context->visitor_turns() as $turn ) {
			$then = $this->terms( $turn );
			if ( ! $then ) {
				continue;
			}
			$similarity = count( array_intersect_key( $now, $then ) ) / sqrt( count( $now ) * count( $then ) );
			if ( $similarity >= $best ) {
				$best    = $similarity;
				$earlier = $turn;
			}
		}
		if ( $best <= 0.0 ) {
			return Signal_Result::none( $this->get_id() );
		}
		$fired = $best >= $context->policy->threshold( 'repetition' );
		return new Signal_Result( $this->get_id(), $fired, $best, '', $fired ? array( Signal_Text::truncate( $earlier, 80 ) ) : array() );
	}

	/**
	 * A message's stemmed terms, as a set, with words that say the same thing read as one.
	 *
	 * @param string $text Message.
	 * @return array<string, true>
	 */
	private function terms( string $text ): array {
		$words = $this->tokenizer->words( $text );
		$count = count( $words );
		$out   = array();
		for ( $i = 0; $i < $count; $i++ ) {
			$pair = isset( $words[ $i + 1 ] ) ? $words[ $i ] . ' ' . $words[ $i + 1 ] : '';
			if ( '' !== $pair && isset( self::SAME[ $pair ] ) ) {
				$out[ self::SAME[ $pair ] ] = true;
				++$i;
				continue;
			}
			$word = self::SAME[ $words[ $i ] ] ?? $words[ $i ];
			if ( Tokenizer::is_stop_word( $word ) ) {
				continue;
			}
			$out[ preg_match( '/^[a-z]+$/', $word ) ? Porter_Stemmer::stem( $word ) : $word ] = true;
		}
		return $out;
	}
}
