<?php
/**
 * Checks hours, holidays, teams and capacity, field by field.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Handoff;

use HandoffBot\Capabilities;
use HandoffBot\Escalation\Policy_Validator;

defined( 'ABSPATH' ) || exit;

/**
 * Refuses whole and names every wrong field by its path (`hours.mon.1.close`,
 * `teams.0.agents.2`): times that are not HH:MM, hours that close before they open or overlap,
 * impossible dates, a user who is not an agent, a team with no agent, a duplicate team, a team
 * the rules still send intents to, numbers out of range. Nothing is clamped.
 *
 * @phpstan-import-type Availability_Array from Availability
 * @phpstan-import-type Week from Availability
 * @phpstan-import-type Interval from Availability
 * @phpstan-import-type Holiday from Availability
 * @phpstan-import-type Team from Availability
 * @phpstan-import-type Capacity from Availability
 * @phpstan-type Availability_Validation array{availability: Availability_Array|null, errors: array<string, string>}
 */
final class Availability_Validator {

	/**
	 * The most opening intervals per day.
	 */
	public const MAX_INTERVALS = 6;

	/**
	 * The most holidays.
	 */
	public const MAX_HOLIDAYS = 100;

	/**
	 * The most teams.
	 */
	public const MAX_TEAMS = 50;

	/**
	 * The most agents per team.
	 */
	public const MAX_AGENTS = 200;

	/**
	 * The longest label, in characters.
	 */
	public const MAX_LABEL = 100;

	/**
	 * A wall-clock time: 00:00 to 23:59, or 24:00 for the end of the day.
	 */
	private const TIME_PATTERN = '/^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/';

	/**
	 * Numbers: path => [minimum, maximum].
	 */
	private const RANGES = array(
		'capacity.max_waiting'         => array( 1, 1000 ),
		'capacity.max_wait_minutes'    => array( 1, 480 ),
		'capacity.max_chats_per_agent' => array( 1, 20 ),
		'escalation_failed_minutes'    => array( 1, 60 ),
		// At least 3: a hidden tab's reads can be a minute apart in a throttling browser.
		'abandon_minutes'              => array( 3, 60 ),
	);

	/**
	 * The teams the rules send intents to, by team name: `{ team: [intent labels] }`.
	 *
	 * @var callable(): array<string, list<string>>
	 */
	private $teams_in_use;

	/**
	 * Errors so far, by field path.
	 *
	 * @var array<string, string>
	 */
	private array $errors = array();

	/**
	 * Builds the validator.
	 *
	 * @param callable|null $teams_in_use Returns the teams the rules send intents to (none by default).
	 * @phpstan-param (callable(): array<string, list<string>>)|null $teams_in_use
	 */
	public function __construct( ?callable $teams_in_use = null ) {
		$this->teams_in_use = $teams_in_use ?? static function (): array {
			return array();
		};
	}

	/**
	 * Checks availability as sent.
	 *
	 * @param mixed $input Decoded JSON.
	 * @return Availability_Validation
	 */
	public function validate( $input ): array {
		if ( ! is_array( $input ) ) {
			return array(
				'availability' => null,
				'errors'       => array( 'availability' => __( 'The availability must be an object.', 'handoff-bot' ) ),
			);
		}
		$out = array(
			'hours'                     => $this->week( $input['hours'] ?? null, 'hours' ),
			'holidays'                  => $this->holidays( $input['holidays'] ?? array() ),
			'teams'                     => $this->teams( $input['teams'] ?? array() ),
			'capacity'                  => array(
				'max_waiting'         => $this->number( $input['capacity']['max_waiting'] ?? null, 'capacity.max_waiting' ),
				'max_wait_minutes'    => $this->number( $input['capacity']['max_wait_minutes'] ?? null, 'capacity.max_wait_minutes' ),
				'max_chats_per_agent' => $this->number( $input['capacity']['max_chats_per_agent'] ?? null, 'capacity.max_chats_per_agent' ),
			),
			'escalation_failed_minutes' => $this->number( $input['escalation_failed_minutes'] ?? null, 'escalation_failed_minutes' ),
			// Optional: versions saved before it existed take the default.
			'abandon_minutes'           => $this->number( $input['abandon_minutes'] ?? Availability::ABANDON_MINUTES, 'abandon_minutes' ),
			'callback'                  => $this->flag( $input['callback'] ?? false, 'callback' ),
		);
		$errors       = $this->errors;
		$this->errors = array();
		return array(
			'availability' => array() === $errors ? $out : null,
			'errors'       => $errors,
		);
	}

	/**
	 * Opening hours for each weekday.
	 *
	 * @param mixed  $input Week as sent.
	 * @param string $path  Its field path.
	 * @return Week
	 */
	private function week( $input, string $path ): array {
		$week = array(
			'mon' => array(),
			'tue' => array(),
			'wed' => array(),
			'thu' => array(),
			'fri' => array(),
			'sat' => array(),
			'sun' => array(),
		);
		if ( ! is_array( $input ) || ( array() !== $input && array_values( $input ) === $input ) ) {
			$this->errors[ $path ] = __( 'Give the hours of each weekday (an empty list when closed).', 'handoff-bot' );
			return $week;
		}
		$unknown = array_diff( array_map( 'strval', array_keys( $input ) ), Availability::DAYS );
		if ( $unknown ) {
			/* translators: 1: unknown keys, 2: the weekday keys. */
			$this->errors[ $path ] = sprintf( __( 'Unknown days: %1$s. Use %2$s.', 'handoff-bot' ), implode( ', ', $unknown ), implode( ', ', Availability::DAYS ) );
			return $week;
		}
		foreach ( Availability::DAYS as $day ) {
			if ( ! array_key_exists( $day, $input ) ) {
				$this->errors[ $path . '.' . $day ] = __( 'Give this day’s hours (an empty list when closed).', 'handoff-bot' );
				continue;
			}
			$week[ $day ] = $this->day( $input[ $day ], $path . '.' . $day );
		}
		return $week;
	}

	/**
	 * One day's opening intervals, in order, none inverted or overlapping.
	 *
	 * @param mixed  $input Intervals as sent.
	 * @param string $path  Field path.
	 * @return list<Interval>
	 */
	private function day( $input, string $path ): array {
		if ( ! is_array( $input ) || array_values( $input ) !== $input ) {
			$this->errors[ $path ] = __( 'Use a list of opening and closing times.', 'handoff-bot' );
			return array();
		}
		if ( count( $input ) > self::MAX_INTERVALS ) {
			/* translators: %d: the most intervals. */
			$this->errors[ $path ] = sprintf( __( 'Use at most %d intervals a day.', 'handoff-bot' ), self::MAX_INTERVALS );
			return array();
		}
		$intervals = array();
		foreach ( $input as $i => $interval ) {
			$open  = is_array( $interval ) ? ( $interval['open'] ?? null ) : null;
			$close = is_array( $interval ) ? ( $interval['close'] ?? null ) : null;
			$valid = true;
			foreach ( array(
				'open'  => $open,
				'close' => $close,
			) as $key => $time ) {
				if ( ! is_string( $time ) || ! preg_match( self::TIME_PATTERN, $time ) || ( 'open' === $key && '24:00' === $time ) ) {
					$this->errors[ $path . '.' . $i . '.' . $key ] = __( 'Use a time from 00:00 to 23:59 (24:00 closes at midnight).', 'handoff-bot' );
					$valid = false;
				}
			}
			if ( ! $valid || ! is_string( $open ) || ! is_string( $close ) ) {
				continue;
			}
			if ( $close <= $open ) {
				$this->errors[ $path . '.' . $i . '.close' ] = __( 'Close after the opening time (hours past midnight go on the next day).', 'handoff-bot' );
				continue;
			}
			$intervals[ $i ] = array(
				'open'  => $open,
				'close' => $close,
			);
		}//end foreach
		$sorted = $intervals;
		uasort(
			$sorted,
			static function ( array $a, array $b ): int {
				return strcmp( $a['open'], $b['open'] );
			}
		);
		$latest = null;
		foreach ( $sorted as $i => $interval ) {
			if ( null !== $latest && $interval['open'] < $latest['close'] ) {
				/* translators: 1: opening time, 2: closing time. */
				$this->errors[ $path . '.' . $i . '.open' ] = sprintf( __( 'Overlaps the hours from %1$s to %2$s.', 'handoff-bot' ), $latest['open'], $latest['close'] );
			}
			if ( null === $latest || $interval['close'] > $latest['close'] ) {
				$latest = $interval;
			}
		}
		return array_values( $sorted );
	}

	/**
	 * Holidays.
	 *
	 * @param mixed $input Holidays as sent.
	 * @return list<Holiday>
	 */
	private function holidays( $input ): array {
		if ( ! is_array( $input ) || array_values( $input ) !== $input ) {
			$this->errors['holidays'] = __( 'Use a list of holidays.', 'handoff-bot' );
			return array();
		}
		if ( count( $input ) > self::MAX_HOLIDAYS ) {
			/* translators: %d: the most holidays. */
			$this->errors['holidays'] = sprintf( __( 'Use at most %d holidays.', 'handoff-bot' ), self::MAX_HOLIDAYS );
			return array();
		}
		$holidays = array();
		foreach ( $input as $i => $holiday ) {
			$path = 'holidays.' . $i;
			if ( ! is_array( $holiday ) ) {
				$this->errors[ $path ] = __( 'Each holiday is an object with a date and a label.', 'handoff-bot' );
				continue;
			}
			$date = $holiday['date'] ?? null;
			if ( ! is_string( $date ) || ! preg_match( '/^(\d{4})-(\d{2})-(\d{2})$/', $date, $parts ) || ! checkdate( (int) $parts[2], (int) $parts[3], (int) $parts[1] ) ) {
				$this->errors[ $path . '.date' ] = __( 'Use a date such as 2026-12-25.', 'handoff-bot' );
				$date                            = '';
			}
			$holidays[] = array(
				'date'   => $date,
				'label'  => $this->label( $holiday['label'] ?? '', $path . '.label', false ),
				'yearly' => $this->flag( $holiday['yearly'] ?? false, $path . '.yearly' ),
			);
		}
		return $holidays;
	}

	/**
	 * Teams.
	 *
	 * @param mixed $input Teams as sent.
	 * @return list<Team>
	 */
	private function teams( $input ): array {
		if ( ! is_array( $input ) || array_values( $input ) !== $input ) {
			$this->errors['teams'] = __( 'Use a list of teams.', 'handoff-bot' );
			return array();
		}
		if ( count( $input ) > self::MAX_TEAMS ) {
			/* translators: %d: the most teams. */
			$this->errors['teams'] = sprintf( __( 'Use at most %d teams.', 'handoff-bot' ), self::MAX_TEAMS );
			return array();
		}
		$teams = array();
		$names = array();
		foreach ( $input as $i => $team ) {
			$path = 'teams.' . $i;
			if ( ! is_array( $team ) ) {
				$this->errors[ $path ] = __( 'Each team is an object with a name, a label and agents.', 'handoff-bot' );
				continue;
			}
			$name = $team['name'] ?? null;
			if ( ! is_string( $name ) || ! preg_match( Policy_Validator::NAME_PATTERN, $name ) ) {
				$this->errors[ $path . '.name' ] = __( 'Use 1 to 40 lowercase letters, digits or underscores.', 'handoff-bot' );
				$name                            = '';
			} elseif ( isset( $names[ $name ] ) ) {
				$this->errors[ $path . '.name' ] = __( 'Another team has this name.', 'handoff-bot' );
			}
			$names[ $name ] = true;
			$hours          = $team['hours'] ?? null;
			$teams[]        = array(
				'name'   => $name,
				'label'  => $this->label( $team['label'] ?? null, $path . '.label', true ),
				'agents' => $this->agents( $team['agents'] ?? null, $path . '.agents' ),
				'hours'  => null === $hours ? null : $this->week( $hours, $path . '.hours' ),
			);
		}//end foreach
		foreach ( ( $this->teams_in_use )() as $team => $intents ) {
			if ( ! isset( $names[ $team ] ) ) {
				$this->errors['teams'] = sprintf(
					/* translators: 1: team name, 2: intent labels, comma-separated. */
					__( 'The rules still send %2$s to the team “%1$s”. Choose another team for them on the Rules screen first.', 'handoff-bot' ),
					$team,
					implode( ', ', $intents )
				);
			}
		}
		return $teams;
	}

	/**
	 * A team's agents: users who may answer handoffs, at least one.
	 *
	 * @param mixed  $input User IDs as sent.
	 * @param string $path  Field path.
	 * @return list<int>
	 */
	private function agents( $input, string $path ): array {
		if ( ! is_array( $input ) || array_values( $input ) !== $input || array() === $input ) {
			$this->errors[ $path ] = __( 'A team needs at least one agent.', 'handoff-bot' );
			return array();
		}
		if ( count( $input ) > self::MAX_AGENTS ) {
			/* translators: %d: the most agents. */
			$this->errors[ $path ] = sprintf( __( 'Use at most %d agents.', 'handoff-bot' ), self::MAX_AGENTS );
			return array();
		}
		$agents = array();
		foreach ( $input as $i => $id ) {
			$user = is_int( $id ) && $id > 0 ? get_userdata( $id ) : false;
			if ( ! $user ) {
				$this->errors[ $path . '.' . $i ] = __( 'There is no user with this ID.', 'handoff-bot' );
				continue;
			}
			if ( ! $user->has_cap( Capabilities::AGENT ) ) {
				/* translators: %s: the user's display name. */
				$this->errors[ $path . '.' . $i ] = sprintf( __( '%s cannot answer handoffs: give them the Support Agent role first.', 'handoff-bot' ), $user->display_name );
				continue;
			}
			if ( in_array( $id, $agents, true ) ) {
				$this->errors[ $path . '.' . $i ] = __( 'This agent is listed twice.', 'handoff-bot' );
				continue;
			}
			$agents[] = $id;
		}
		return $agents;
	}

	/**
	 * A label.
	 *
	 * @param mixed  $input    Text as sent.
	 * @param string $path     Field path.
	 * @param bool   $required Whether it may be empty.
	 */
	private function label( $input, string $path, bool $required ): string {
		if ( ! is_string( $input ) || ! Policy_Validator::is_text( $input ) ) {
			$this->errors[ $path ] = __( 'Use plain text.', 'handoff-bot' );
			return '';
		}
		$text = trim( $input );
		if ( $required && '' === $text ) {
			$this->errors[ $path ] = __( 'This is required.', 'handoff-bot' );
		} elseif ( mb_strlen( $text, 'UTF-8' ) > self::MAX_LABEL ) {
			/* translators: %d: number of characters. */
			$this->errors[ $path ] = sprintf( __( 'Use at most %d characters.', 'handoff-bot' ), self::MAX_LABEL );
		}
		return $text;
	}

	/**
	 * A whole number in its range.
	 *
	 * @param mixed  $input Number as sent.
	 * @param string $path  Field path (a key of RANGES).
	 */
	private function number( $input, string $path ): int {
		list( $min, $max ) = self::RANGES[ $path ];
		if ( is_string( $input ) && preg_match( '/^\d+$/', $input ) ) {
			$input = (int) $input;
		}
		if ( is_float( $input ) && floor( $input ) === $input ) {
			$input = (int) $input;
		}
		if ( ! is_int( $input ) || $input < $min || $input > $max ) {
			/* translators: 1: minimum, 2: maximum. */
			$this->errors[ $path ] = sprintf( __( 'Use a whole number from %1$d to %2$d.', 'handoff-bot' ), $min, $max );
			return $min;
		}
		return $input;
	}

	/**
	 * A true or false.
	 *
	 * @param mixed  $input Value as sent.
	 * @param string $path  Field path.
	 */
	private function flag( $input, string $path ): bool {
		if ( ! is_bool( $input ) ) {
			$this->errors[ $path ] = __( 'Use true or false.', 'handoff-bot' );
			return false;
		}
		return $input;
	}
}
