<?php
/**
 * Recognises what the visitor is asking about.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Signals;

use HandoffBot\Contracts\Signal;
use HandoffBot\Escalation\Policy;
use HandoffBot\Knowledge\Tokenizer;

defined( 'ABSPATH' ) || exit;

/**
 * Classifies the message into one of the policy's intents (see Intent_Model) and fires from the
 * policy's intent threshold. A short follow-up that is not clear on its own ("and the refund?",
 * "what about express?") is read with the visitor's previous message, a little less surely.
 */
final class Intent_Signal implements Signal {

	/**
	 * A follow-up of at most this many terms may lean on the previous message.
	 */
	private const FOLLOW_UP_TERMS = 3;

	/**
	 * How much surer a reading on its own is than one leaning on the previous message.
	 */
	private const FOLLOW_UP_DISCOUNT = 0.9;

	/**
	 * The tokenizer.
	 *
	 * @var Tokenizer
	 */
	private Tokenizer $tokenizer;

	/**
	 * Keeps the model of edited intents between requests.
	 *
	 * @var Intent_Model_Cache|null
	 */
	private ?Intent_Model_Cache $cache;

	/**
	 * The policy last read, and its model (a request reads one policy for every message).
	 *
	 * @var array{0: Policy, 1: Intent_Model}|null
	 */
	private ?array $last = null;

	/**
	 * Builds the signal.
	 *
	 * @param Tokenizer|null          $tokenizer Tokenizer (a new one by default).
	 * @param Intent_Model_Cache|null $cache     Keeps the model of edited intents between requests.
	 */
	public function __construct( ?Tokenizer $tokenizer = null, ?Intent_Model_Cache $cache = null ) {
		$this->tokenizer = $tokenizer ?? new Tokenizer();
		$this->cache     = $cache;
	}

	/**
	 * {@inheritDoc}
	 */
	public function get_id(): string {
		return 'intent';
	}

	/**
	 * The intent of the latest message.
	 *
	 * @param Signal_Context $context The message, the conversation before it, and the rules.
	 */
	public function detect( Signal_Context $context ): Signal_Result {
		$intents = $context->policy->intents();
		if ( ! $intents ) {
			return Signal_Result::none( $this->get_id() );
		}
		if ( null === $this->last || $this->last[0] !== $context->policy ) {
			$this->last = array( $context->policy, Intent_Model::for_intents( $intents, $this->tokenizer, $this->cache, $context->policy->intents_key() ) );
		}
		$model     = $this->last[1];
		$threshold = $context->policy->threshold( 'intent' );
		$found     = $model->classify( $context->text );
		if ( ( null === $found || $found['score'] < $threshold ) && $this->is_follow_up( $context, $model ) ) {
			$turns    = $context->visitor_turns();
			$previous = (string) end( $turns );
			$together = $model->classify( $previous . "\n" . $context->text );
			if ( null !== $together && $together['score'] * self::FOLLOW_UP_DISCOUNT >= $threshold ) {
				$found             = $together;
				$found['score']   *= self::FOLLOW_UP_DISCOUNT;
				$found['evidence'] = array_merge( $found['evidence'], array( Signal_Text::truncate( $previous, 80 ) ) );
			}
		}
		if ( null === $found ) {
			return Signal_Result::none( $this->get_id() );
		}
		$fired = $found['score'] >= $threshold;
		return new Signal_Result( $this->get_id(), $fired, $found['score'], $fired ? $found['name'] : '', $fired ? $found['evidence'] : array() );
	}

	/**
	 * Whether the message is a short follow-up that names something the intents know, after an
	 * earlier visitor message.
	 *
	 * @param Signal_Context $context Context.
	 * @param Intent_Model   $model   Model.
	 */
	private function is_follow_up( Signal_Context $context, Intent_Model $model ): bool {
		return $context->visitor_turns()
			&& count( $this->tokenizer->terms( $context->text ) ) <= self::FOLLOW_UP_TERMS
			&& $model->knows( $context->text );
	}
}
