<?php
/**
 * Runs a conversation through the escalation policy without storing anything.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Escalation;

use HandoffBot\Contracts\Answerer;
use HandoffBot\Knowledge\Answer;
use HandoffBot\Knowledge\Extractive_Answerer;
use HandoffBot\Signals\Language_Signal;
use HandoffBot\Signals\Signal_Registry;
use HandoffBot\Signals\Signal_Result;

defined( 'ABSPATH' ) || exit;

/**
 * The live tester of the Rules screen and the check of saved simulations: each visitor turn goes
 * through the same Escalation_Service as a real message, with the signals and rules in force and
 * the site's answerer, against the given policy (saved or not). The history each turn sees is
 * built from the turns before it, as the conversation flow builds it from stored messages. No
 * conversation, message, event or handoff is stored.
 *
 * @phpstan-import-type Turn from \HandoffBot\Signals\Signal_Context
 * @phpstan-import-type Skipped from Engine
 * @phpstan-import-type Decision_Array from Decision
 * @phpstan-import-type Signal_Result_Array from Signal_Result
 * @phpstan-import-type Citation from Answer
 * @phpstan-type Answer_Array array{kind: string, body: string, confidence: float, citations: list<Citation>}
 * @phpstan-type Tested_Turn array{text: string, language: string, signals: array<string, Signal_Result_Array>, answer: Answer_Array|null, decision: Decision_Array, unproductive: int, skipped: list<Skipped>}
 */
final class Policy_Tester {

	/**
	 * The escalation service.
	 *
	 * @var Escalation_Service
	 */
	private Escalation_Service $service;

	/**
	 * The rules in force.
	 *
	 * @var Rule_Registry
	 */
	private Rule_Registry $rules;

	/**
	 * The signals in force.
	 *
	 * @var Signal_Registry
	 */
	private Signal_Registry $signals;

	/**
	 * Language detection.
	 *
	 * @var Language_Signal
	 */
	private Language_Signal $language;

	/**
	 * Builds the site's answerer when a turn first needs an answer.
	 *
	 * @var callable(): Answerer
	 */
	private $answerer_factory;

	/**
	 * The answerer, once built.
	 *
	 * @var Answerer|null
	 */
	private ?Answerer $answerer = null;

	/**
	 * Answers given in this session, by language and text: the answer does not depend on the
	 * policy, and checking every saved simulation asks the same questions again.
	 *
	 * @var array<string, Answer>
	 */
	private array $answers = array();

	/**
	 * Builds the tester.
	 *
	 * @param Escalation_Service $service          The escalation service.
	 * @param Rule_Registry      $rules            The rules in force.
	 * @param Signal_Registry    $signals          The signals in force.
	 * @param Language_Signal    $language         Language detection.
	 * @param callable           $answerer_factory Returns the site's Answerer.
	 * @phpstan-param callable(): Answerer $answerer_factory
	 */
	public function __construct( Escalation_Service $service, Rule_Registry $rules, Signal_Registry $signals, Language_Signal $language, callable $answerer_factory ) {
		$this->service          = $service;
		$this->rules            = $rules;
		$this->signals          = $signals;
		$this->language         = $language;
		$this->answerer_factory = $answerer_factory;
	}

	/**
	 * A tester for one request's work: it builds the answerer (with the filters as they are now)
	 * when first needed, and remembers its answers until it is dropped.
	 */
	public function session(): self {
		$session           = clone $this;
		$session->answerer = null;
		$session->answers  = array();
		return $session;
	}

	/**
	 * Each turn's signals, answer and decision.
	 *
	 * @param array<int, string> $turns     The visitor's messages, in order.
	 * @phpstan-param list<string> $turns
	 * @param Policy             $policy    The policy to try.
	 * @param int|null           $button_at The turn sent with the "talk to a person" button, if any.
	 * @return list<Tested_Turn>
	 */
	public function run( array $turns, Policy $policy, ?int $button_at = null ): array {
		$signals = $this->signals->all();
		$rules   = $this->rules->all();
		$history = array();
		$out     = array();
		$open    = false;
		foreach ( $turns as $i => $text ) {
			$language = $this->language->detect( $text );
			$outcome  = $this->service->handle(
				$text,
				$language,
				$history,
				$policy,
				$signals,
				$rules,
				function () use ( $text, $language ): Answer {
					return $this->answer( $text, $language );
				},
				$i === $button_at
			);
			// As in the chat: once a handoff is open, the bot answers while the visitor waits.
			if ( $open && $outcome['decision']->yields_to_open_handoff() ) {
				$outcome['decision'] = Decision::answer( $outcome['decision']->intent );
				$outcome['answer']   = $outcome['answer'] ?? $this->answer( $text, $language );
			}
			$open     = $open || $outcome['decision']->is_handoff();
			$answer   = $outcome['answer'];
			$decision = $outcome['decision'];

			$history[] = array(
				'role' => 'visitor',
				'body' => $text,
			);
			$history[] = array(
				'role'         => 'bot',
				'body'         => null === $answer ? self::message( $policy, $decision ) : $answer->body,
				'kind'         => null === $answer ? $decision->kind : $answer->kind,
				'confidence'   => null === $answer ? 0.0 : $answer->confidence,
				'feedback'     => null,
				'unproductive' => Escalation_Service::unproductive( $outcome['signals'], $answer ),
			);
			$out[]     = array(
				'text'         => $text,
				'language'     => $language,
				'signals'      => array_map(
					static function ( Signal_Result $result ): array {
						return $result->to_array();
					},
					$outcome['signals']
				),
				'answer'       => null === $answer ? null : array(
					'kind'       => $answer->kind,
					'body'       => Answer::KIND_DONT_KNOW === $answer->kind ? $policy->message( 'dont_know' ) : $answer->body,
					'confidence' => round( $answer->confidence, 3 ),
					'citations'  => $answer->citations,
				),
				'decision'     => $decision->to_array(),
				'unproductive' => $outcome['unproductive'],
				'skipped'      => $outcome['skipped'],
			);
		}//end foreach
		return $out;
	}

	/**
	 * The site's answer to a message (an answerer that fails says it does not know, as in the chat).
	 *
	 * @param string $text     Message.
	 * @param string $language Its language.
	 */
	private function answer( string $text, string $language ): Answer {
		$key = $language . "\n" . $text;
		if ( ! isset( $this->answers[ $key ] ) ) {
			try {
				if ( null === $this->answerer ) {
					$this->answerer = ( $this->answerer_factory )();
				}
				$this->answers[ $key ] = $this->answerer->answer( $text, $language );
			} catch ( \Throwable $e ) {
				$this->answers[ $key ] = new Answer( Answer::KIND_DONT_KNOW, Extractive_Answerer::dont_know_text(), 0.0 );
			}
		}
		return $this->answers[ $key ];
	}

	/**
	 * What the bot says when a person takes over without an answer.
	 *
	 * @param Policy   $policy   The policy.
	 * @param Decision $decision The decision.
	 */
	private static function message( Policy $policy, Decision $decision ): string {
		if ( Reason::KIND_PRIVATE_HANDOFF === $decision->kind ) {
			return $policy->message( 'private' );
		}
		return $policy->message( Reason::KIND_OFFER_CHOICE === $decision->kind ? 'offer' : 'connecting' );
	}
}
