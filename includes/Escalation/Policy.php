<?php
/**
 * The escalation policy an admin sets: intents, phrases, thresholds, messages.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Escalation;

use HandoffBot\Knowledge\Extractive_Answerer;
use HandoffBot\Signals\Intent_Model;

defined( 'ABSPATH' ) || exit;

/**
 * A value, built from the stored array (or the defaults): the intents with their policies, the
 * phrases visitors use to ask for a person, per language, the thresholds and the messages. The
 * stored form is versioned (each save is a config version with a note); this class does not read
 * or write storage.
 *
 * @phpstan-type Intent array{name: string, label: string, policy: string, team: string, keywords: list<string>, phrases: list<string>, examples: list<string>}
 * @phpstan-type Thresholds array{intent: float, offer_after: int, handoff_after: int, frustration: float, repetition: float, missing_coverage: float}
 * @phpstan-type Messages array{offer: string, connecting: string, recorded: string, private: string, dont_know: string, after_hours: string, no_agent: string}
 * @phpstan-type Policy_Array array{intents: list<Intent>, human_phrases: array<string, list<string>>, thresholds: Thresholds, messages: Messages}
 */
final class Policy {

	/**
	 * Default thresholds:
	 * - intent: the score from which an intent is recognised;
	 * - offer_after, handoff_after: unproductive turns after which a person is offered, then brought in;
	 * - frustration: the frustration score that hands off;
	 * - repetition: the similarity to an earlier question that counts as asking again;
	 * - missing_coverage: below this share of the question found in the site's pages, the
	 *   knowledge is missing (rather than the answer unsure).
	 *
	 * @var Thresholds
	 */
	public const THRESHOLDS = array(
		'intent'           => 0.5,
		'offer_after'      => 2,
		'handoff_after'    => 3,
		'frustration'      => 0.6,
		'repetition'       => 0.6,
		'missing_coverage' => 0.34,
	);

	/**
	 * The rules, as stored.
	 *
	 * @var Policy_Array
	 */
	private array $data;

	/**
	 * Intent_Model::key() of the intents, when known (stored with them, or worked out once).
	 *
	 * @var string|null
	 */
	private ?string $intents_key;

	/**
	 * Builds the value from its stored form (validated before it was stored).
	 *
	 * @param array<string, mixed> $data Stored rules.
	 * @phpstan-param Policy_Array $data
	 * @param string|null          $intents_key Intent_Model::key() of its intents, stored with them.
	 */
	public function __construct( array $data, ?string $intents_key = null ) {
		$this->data        = $data;
		$this->intents_key = $intents_key;
	}

	/**
	 * The rules a new site starts with.
	 */
	public static function defaults(): self {
		return new self(
			array(
				'intents'       => Default_Intents::all(),
				'human_phrases' => Default_Intents::human_phrases(),
				'thresholds'    => self::THRESHOLDS,
				'messages'      => self::default_messages(),
			)
		);
	}

	/**
	 * The default messages (translated).
	 *
	 * @return Messages
	 */
	public static function default_messages(): array {
		return array(
			'offer'       => __( 'I can try to answer this, or connect you to our support team now. Which would you prefer?', 'handoff-bot' ),
			'connecting'  => __( 'Connecting you to a person from our team. Everything you wrote here goes with you, so you won’t have to repeat yourself.', 'handoff-bot' ),
			'recorded'    => __( 'Your request for a person is recorded, with this conversation. Our team will pick it up from here.', 'handoff-bot' ),
			'private'     => __( 'This is best handled privately by our team. Your request is recorded, and only our staff can see it.', 'handoff-bot' ),
			'dont_know'   => Extractive_Answerer::dont_know_text(),
			'after_hours' => __( 'Our team is away right now. Your request is recorded with this conversation, and you’ll be able to leave your details so that we can reply when we’re back.', 'handoff-bot' ),
			'no_agent'    => __( 'Nobody from our team can take a chat right now. Your request is recorded with this conversation, and you’ll be able to leave your details so that we can reply.', 'handoff-bot' ),
		);
	}

	/**
	 * The intents.
	 *
	 * @return list<Intent>
	 */
	public function intents(): array {
		return $this->data['intents'];
	}

	/**
	 * What identifies the intents for matching (Intent_Model::key()); stored with the policy, so
	 * that no message pays for working it out.
	 */
	public function intents_key(): string {
		if ( null === $this->intents_key ) {
			$this->intents_key = Intent_Model::key( $this->data['intents'] );
		}
		return $this->intents_key;
	}

	/**
	 * An intent by name, or null.
	 *
	 * @param string $name Intent name.
	 * @return Intent|null
	 */
	public function intent( string $name ): ?array {
		foreach ( $this->data['intents'] as $intent ) {
			if ( $intent['name'] === $name ) {
				return $intent;
			}
		}
		return null;
	}

	/**
	 * Phrases that ask for a person, by language.
	 *
	 * @return array<string, list<string>>
	 */
	public function human_phrases(): array {
		return $this->data['human_phrases'];
	}

	/**
	 * A threshold.
	 *
	 * @param string $name One of the keys of THRESHOLDS.
	 */
	public function threshold( string $name ): float {
		return (float) ( $this->data['thresholds'][ $name ] ?? self::THRESHOLDS[ $name ] ?? 0 );
	}

	/**
	 * A message shown to visitors.
	 *
	 * @param string $name One of offer, connecting, recorded, private.
	 */
	public function message( string $name ): string {
		return (string) ( $this->data['messages'][ $name ] ?? self::default_messages()[ $name ] ?? '' );
	}

	/**
	 * The stored form.
	 *
	 * @return Policy_Array
	 */
	public function to_array(): array {
		return $this->data;
	}
}
