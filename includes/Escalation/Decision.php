<?php
/**
 * What the escalation policy decided for a message.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Escalation;

defined( 'ABSPATH' ) || exit;

/**
 * A value: the kind (answer, offer_choice, handoff, private_handoff), the reason code and the
 * trigger (empty for a plain answer), the rule that decided, the signals behind it, and the intent
 * when one was recognised.
 *
 * @phpstan-type Decision_Array array{kind: string, reason: string, trigger: string, rule: string, signals: list<string>, intent: string}
 */
final class Decision {

	/**
	 * One of Reason::KIND_*.
	 *
	 * @var string
	 */
	public string $kind;

	/**
	 * One of the handoff reasons of Reason, or '' for a plain answer.
	 *
	 * @var string
	 */
	public string $reason;

	/**
	 * One of Reason::TRIGGER_*, or '' for a plain answer.
	 *
	 * @var string
	 */
	public string $trigger;

	/**
	 * The identifier of the rule that decided ('' when no rule did: the default answer).
	 *
	 * @var string
	 */
	public string $rule;

	/**
	 * The identifiers of the signals that led to it.
	 *
	 * @var list<string>
	 */
	public array $signals;

	/**
	 * The intent recognised in the message ('' for none).
	 *
	 * @var string
	 */
	public string $intent;

	/**
	 * Builds the value.
	 *
	 * @param string             $kind    Kind.
	 * @param string             $reason  Reason code.
	 * @param string             $trigger Trigger.
	 * @param string             $rule    Deciding rule.
	 * @param array<int, string> $signals Signals behind it.
	 * @phpstan-param list<string> $signals
	 * @param string             $intent  Intent.
	 */
	public function __construct( string $kind, string $reason = '', string $trigger = '', string $rule = '', array $signals = array(), string $intent = '' ) {
		$this->kind    = $kind;
		$this->reason  = $reason;
		$this->trigger = $trigger;
		$this->rule    = $rule;
		$this->signals = $signals;
		$this->intent  = $intent;
	}

	/**
	 * The plain answer: nobody needs to be brought in.
	 *
	 * @param string $intent The intent recognised, if any.
	 */
	public static function answer( string $intent = '' ): self {
		return new self( Reason::KIND_ANSWER, '', '', '', array(), $intent );
	}

	/**
	 * Whether the decision gives way to a handoff already open: offering a person again, or
	 * handing off again on the bot's or a rule's initiative, would read as if the request was
	 * lost, so the bot answers instead. The visitor asking again, and the private route, do not.
	 */
	public function yields_to_open_handoff(): bool {
		return Reason::KIND_OFFER_CHOICE === $this->kind || ( Reason::KIND_HANDOFF === $this->kind && Reason::TRIGGER_USER !== $this->trigger );
	}

	/**
	 * Whether a person is brought in (a handoff of either kind).
	 */
	public function is_handoff(): bool {
		return Reason::KIND_HANDOFF === $this->kind || Reason::KIND_PRIVATE_HANDOFF === $this->kind;
	}

	/**
	 * As stored with a reply and sent to the chat and the tester.
	 *
	 * @return Decision_Array
	 */
	public function to_array(): array {
		return array(
			'kind'    => $this->kind,
			'reason'  => $this->reason,
			'trigger' => $this->trigger,
			'rule'    => $this->rule,
			'signals' => $this->signals,
			'intent'  => $this->intent,
		);
	}
}
