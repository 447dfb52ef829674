<?php
/**
 * Checks an escalation policy before it is stored or tried.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Escalation;

defined( 'ABSPATH' ) || exit;

/**
 * Validates a policy as an admin sends it (the Rules screen, or REST) and returns it in its
 * stored form, or the errors keyed by the path of the field they concern (`intents.2.name`,
 * `thresholds.intent`, `human_phrases.es.3`), so the screen can show each next to its field.
 * Nothing is clamped or defaulted in place of a wrong value: one error refuses the whole policy.
 * The limits keep a policy small enough to read on every visitor message at no cost.
 *
 * @phpstan-import-type Intent from Policy
 * @phpstan-import-type Thresholds from Policy
 * @phpstan-import-type Messages from Policy
 * @phpstan-import-type Policy_Array from Policy
 * @phpstan-type Validation array{policy: Policy_Array|null, errors: array<string, string>}
 */
final class Policy_Validator {

	/**
	 * The most intents a policy holds.
	 */
	public const MAX_INTENTS = 100;

	/**
	 * An intent's name: lowercase letters, digits and underscores, 1 to 40 of them.
	 */
	public const NAME_PATTERN = '/^[a-z0-9_]{1,40}$/';

	/**
	 * The longest label, in characters.
	 */
	public const MAX_LABEL = 100;

	/**
	 * The longest team name, in characters.
	 */
	public const MAX_TEAM = 60;

	/**
	 * The most keywords, and the most phrases, per intent.
	 */
	public const MAX_TERMS = 50;

	/**
	 * The most example utterances per intent.
	 */
	public const MAX_EXAMPLES = 100;

	/**
	 * The longest keyword, phrase or example, in characters.
	 */
	public const MAX_PHRASE = 200;

	/**
	 * A language tag for human-request phrases.
	 */
	public const LANGUAGE_PATTERN = '/^[a-z]{2,3}$/';

	/**
	 * The most languages with human-request phrases.
	 */
	public const MAX_LANGUAGES = 50;

	/**
	 * The most human-request phrases per language.
	 */
	public const MAX_HUMAN_PHRASES = 100;

	/**
	 * The longest message shown to visitors, in characters.
	 */
	public const MAX_MESSAGE = 500;

	/**
	 * The longest change note or expected impact, in characters.
	 */
	public const MAX_NOTE = 1000;

	/**
	 * Thresholds that are shares, in [0, 1].
	 */
	private const SHARES = array( 'intent', 'frustration', 'repetition', 'missing_coverage' );

	/**
	 * Thresholds that count turns, in [1, 20].
	 */
	private const COUNTS = array( 'offer_after', 'handoff_after' );

	/**
	 * The most turns a count threshold may be.
	 */
	public const MAX_TURNS = 20;

	/**
	 * The messages a policy has.
	 */
	private const MESSAGES = array( 'offer', 'connecting', 'recorded', 'private', 'dont_know', 'after_hours', 'no_agent' );

	/**
	 * Messages added after the first release: a version saved before one existed gets its default.
	 */
	private const LATER_MESSAGES = array( 'dont_know', 'after_hours', 'no_agent' );

	/**
	 * Errors found so far in the policy being checked, by field path (emptied when it is done).
	 *
	 * @var array<string, string>
	 */
	private array $errors = array();

	/**
	 * Returns the names of the teams an intent may go to (Teams and hours), or null: any team.
	 *
	 * @var (callable(): list<string>)|null
	 */
	private $teams;

	/**
	 * The team names of the policy being checked (null: any).
	 *
	 * @var list<string>|null
	 */
	private ?array $team_names = null;

	/**
	 * Builds the validator.
	 *
	 * @param callable|null $teams Returns the names of the teams an intent may go to; null lets
	 *                             any name through (where no teams are known).
	 * @phpstan-param (callable(): list<string>)|null $teams
	 */
	public function __construct( ?callable $teams = null ) {
		$this->teams = $teams;
	}

	/**
	 * Checks a policy.
	 *
	 * @param mixed $input The policy as sent (decoded JSON).
	 * @return Validation The stored form when valid (policy), else the errors by field path.
	 */
	public function validate( $input ): array {
		if ( ! is_array( $input ) ) {
			return array(
				'policy' => null,
				'errors' => array( 'policy' => __( 'The policy must be an object.', 'handoff-bot' ) ),
			);
		}
		$this->team_names = null === $this->teams ? null : ( $this->teams )();
		$policy           = array(
			'intents'       => $this->intents( $input['intents'] ?? null ),
			'human_phrases' => $this->human_phrases( $input['human_phrases'] ?? null ),
			'thresholds'    => $this->thresholds( $input['thresholds'] ?? null ),
			'messages'      => $this->messages( $input['messages'] ?? null ),
		);
		$errors           = $this->errors;
		$this->errors     = array();
		return array(
			'policy' => array() === $errors ? $policy : null,
			'errors' => $errors,
		);
	}

	/**
	 * What is wrong with a change note, or null when it is fine (a note is required: the version
	 * history tells people what changed and why).
	 *
	 * @param mixed $note  The note.
	 * @param bool  $required Whether it may be empty.
	 */
	public function note_error( $note, bool $required = true ): ?string {
		if ( ! is_string( $note ) || ! self::is_text( $note ) ) {
			return __( 'Use plain text.', 'handoff-bot' );
		}
		if ( $required && '' === trim( $note ) ) {
			return __( 'Say what changed and why.', 'handoff-bot' );
		}
		if ( mb_strlen( $note, 'UTF-8' ) > self::MAX_NOTE ) {
			/* translators: %d: number of characters. */
			return sprintf( __( 'Use at most %d characters.', 'handoff-bot' ), self::MAX_NOTE );
		}
		return null;
	}

	/**
	 * The intents.
	 *
	 * @param mixed $input Intents as sent.
	 * @return list<Intent>
	 */
	private function intents( $input ): array {
		if ( ! is_array( $input ) || array_values( $input ) !== $input ) {
			$this->errors['intents'] = __( 'The intents must be a list.', 'handoff-bot' );
			return array();
		}
		if ( count( $input ) > self::MAX_INTENTS ) {
			/* translators: %d: the most intents. */
			$this->errors['intents'] = sprintf( __( 'Use at most %d intents.', 'handoff-bot' ), self::MAX_INTENTS );
			return array();
		}
		$intents = array();
		$names   = array();
		foreach ( $input as $i => $intent ) {
			$path = 'intents.' . $i;
			if ( ! is_array( $intent ) ) {
				$this->errors[ $path ] = __( 'Each intent must be an object.', 'handoff-bot' );
				continue;
			}
			$name = is_string( $intent['name'] ?? null ) ? trim( $intent['name'] ) : '';
			if ( ! preg_match( self::NAME_PATTERN, $name ) ) {
				$this->errors[ $path . '.name' ] = __( 'Use 1 to 40 lowercase letters, digits or underscores.', 'handoff-bot' );
			} elseif ( isset( $names[ $name ] ) ) {
				/* translators: %d: the position of the other intent, from 1. */
				$this->errors[ $path . '.name' ] = sprintf( __( 'Intent %d already has this name.', 'handoff-bot' ), $names[ $name ] + 1 );
			} else {
				$names[ $name ] = $i;
			}
			$label = $this->text( $intent['label'] ?? null, $path . '.label', self::MAX_LABEL, true );
			$rule  = $intent['policy'] ?? null;
			if ( ! is_string( $rule ) || ! in_array( $rule, Reason::policies(), true ) ) {
				/* translators: %s: the allowed policies, comma-separated. */
				$this->errors[ $path . '.policy' ] = sprintf( __( 'Choose one of: %s.', 'handoff-bot' ), implode( ', ', Reason::policies() ) );
				$rule                              = Reason::POLICY_BOT;
			}
			$team = $this->text( $intent['team'] ?? '', $path . '.team', self::MAX_TEAM, false );
			if ( '' !== $team && null !== $this->team_names && ! in_array( $team, $this->team_names, true ) && ! isset( $this->errors[ $path . '.team' ] ) ) {
				/* translators: %s: team name. */
				$this->errors[ $path . '.team' ] = sprintf( __( 'There is no team “%s”: add it under Teams and hours, or leave this empty for any agent.', 'handoff-bot' ), $team );
			}
			$intents[] = array(
				'name'     => $name,
				'label'    => $label,
				'policy'   => $rule,
				'team'     => $team,
				'keywords' => $this->phrases( $intent['keywords'] ?? array(), $path . '.keywords', self::MAX_TERMS ),
				'phrases'  => $this->phrases( $intent['phrases'] ?? array(), $path . '.phrases', self::MAX_TERMS ),
				'examples' => $this->phrases( $intent['examples'] ?? array(), $path . '.examples', self::MAX_EXAMPLES ),
			);
		}//end foreach
		return $intents;
	}

	/**
	 * The phrases that ask for a person, by language.
	 *
	 * @param mixed $input Phrases as sent.
	 * @return array<string, list<string>>
	 */
	private function human_phrases( $input ): array {
		if ( ! is_array( $input ) ) {
			$this->errors['human_phrases'] = __( 'The phrases must be an object of lists by language.', 'handoff-bot' );
			return array();
		}
		if ( count( $input ) > self::MAX_LANGUAGES ) {
			/* translators: %d: the most languages. */
			$this->errors['human_phrases'] = sprintf( __( 'Use at most %d languages.', 'handoff-bot' ), self::MAX_LANGUAGES );
			return array();
		}
		$out = array();
		foreach ( $input as $language => $phrases ) {
			$language = (string) $language;
			$path     = 'human_phrases.' . $language;
			if ( ! preg_match( self::LANGUAGE_PATTERN, $language ) ) {
				$this->errors[ $path ] = __( 'Use a language tag of 2 or 3 lowercase letters, such as en or pt.', 'handoff-bot' );
				continue;
			}
			$out[ $language ] = $this->phrases( $phrases, $path, self::MAX_HUMAN_PHRASES );
		}
		return $out;
	}

	/**
	 * The thresholds.
	 *
	 * @param mixed $input Thresholds as sent.
	 * @return Thresholds
	 */
	private function thresholds( $input ): array {
		$out = Policy::THRESHOLDS;
		if ( ! is_array( $input ) ) {
			$this->errors['thresholds'] = __( 'The thresholds must be an object.', 'handoff-bot' );
			return $out;
		}
		foreach ( self::SHARES as $name ) {
			$value = $input[ $name ] ?? null;
			if ( ( ! is_int( $value ) && ! is_float( $value ) && ! ( is_string( $value ) && is_numeric( $value ) ) ) || (float) $value < 0 || (float) $value > 1 ) {
				$this->errors[ 'thresholds.' . $name ] = __( 'Use a number from 0 to 1.', 'handoff-bot' );
				continue;
			}
			$out[ $name ] = (float) $value;
		}
		foreach ( self::COUNTS as $name ) {
			$value = $input[ $name ] ?? null;
			$whole = is_int( $value ) || ( is_float( $value ) && floor( $value ) === $value ) || ( is_string( $value ) && ctype_digit( $value ) );
			if ( ! $whole || (int) $value < 1 || (int) $value > self::MAX_TURNS ) {
				/* translators: %d: the most turns. */
				$this->errors[ 'thresholds.' . $name ] = sprintf( __( 'Use a whole number from 1 to %d.', 'handoff-bot' ), self::MAX_TURNS );
				continue;
			}
			$out[ $name ] = (int) $value;
		}
		if ( ! isset( $this->errors['thresholds.offer_after'] ) && ! isset( $this->errors['thresholds.handoff_after'] ) && $out['offer_after'] > $out['handoff_after'] ) {
			$this->errors['thresholds.offer_after'] = __( 'Offer a person no later than the handoff: use a number no larger than the turns before a handoff.', 'handoff-bot' );
		}
		return $out;
	}

	/**
	 * The messages shown to visitors.
	 *
	 * @param mixed $input Messages as sent.
	 * @return Messages
	 */
	private function messages( $input ): array {
		$out = array(
			'offer'       => '',
			'connecting'  => '',
			'recorded'    => '',
			'private'     => '',
			'dont_know'   => '',
			'after_hours' => '',
			'no_agent'    => '',
		);
		if ( ! is_array( $input ) ) {
			$this->errors['messages'] = __( 'The messages must be an object.', 'handoff-bot' );
			return $out;
		}
		foreach ( self::MESSAGES as $name ) {
			// A message added in a later release is absent from versions saved before it: its default stands.
			$value        = $input[ $name ] ?? ( in_array( $name, self::LATER_MESSAGES, true ) ? self::default_message( $name ) : null );
			$out[ $name ] = $this->text( $value, 'messages.' . $name, self::MAX_MESSAGE, true );
		}
		return $out;
	}

	/**
	 * A message's default, in the site's language (visitors read it, whoever saves the rules).
	 *
	 * @param string $name Message name.
	 */
	private static function default_message( string $name ): string {
		$switched = switch_to_locale( get_locale() );
		$message  = Policy::default_messages()[ $name ] ?? '';
		if ( $switched ) {
			restore_previous_locale();
		}
		return $message;
	}

	/**
	 * A list of phrases (keywords, phrases, examples).
	 *
	 * @param mixed  $input The list as sent.
	 * @param string $path  Its field path.
	 * @param int    $max   The most entries.
	 * @return list<string>
	 */
	private function phrases( $input, string $path, int $max ): array {
		if ( ! is_array( $input ) || array_values( $input ) !== $input ) {
			$this->errors[ $path ] = __( 'Use a list of phrases.', 'handoff-bot' );
			return array();
		}
		if ( count( $input ) > $max ) {
			/* translators: %d: the most entries. */
			$this->errors[ $path ] = sprintf( __( 'Use at most %d entries.', 'handoff-bot' ), $max );
			return array();
		}
		$out = array();
		foreach ( $input as $i => $phrase ) {
			$out[] = $this->text( $phrase, $path . '.' . $i, self::MAX_PHRASE, true );
		}
		return $out;
	}

	/**
	 * A piece of text, trimmed.
	 *
	 * @param mixed  $input    The text as sent.
	 * @param string $path     Its field path.
	 * @param int    $max      The most characters.
	 * @param bool   $required Whether it may be empty.
	 */
	private function text( $input, string $path, int $max, bool $required ): string {
		if ( ! is_string( $input ) || ! self::is_text( $input ) ) {
			$this->errors[ $path ] = $required && ( null === $input || '' === $input ) ? __( 'This is required.', 'handoff-bot' ) : __( 'Use plain text.', 'handoff-bot' );
			return '';
		}
		$text = trim( $input );
		if ( $required && '' === $text ) {
			$this->errors[ $path ] = __( 'This is required.', 'handoff-bot' );
		} elseif ( mb_strlen( $text, 'UTF-8' ) > $max ) {
			/* translators: %d: number of characters. */
			$this->errors[ $path ] = sprintf( __( 'Use at most %d characters.', 'handoff-bot' ), $max );
		}
		return $text;
	}

	/**
	 * Whether a string is valid UTF-8 without control characters other than line breaks and tabs.
	 *
	 * @param string $text Text.
	 */
	public static function is_text( string $text ): bool {
		return mb_check_encoding( $text, 'UTF-8' ) && ! preg_match( '/[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/', $text );
	}
}
