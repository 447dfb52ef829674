<?php
/**
 * When people are there to take a handoff: hours, holidays, teams and capacity.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Handoff;

defined( 'ABSPATH' ) || exit;

/**
 * Immutable. Business hours per weekday (wall-clock times in the site's time zone), holidays
 * (one-off dates, or yearly ones that come back on the same month and day), teams with their
 * agents and, optionally, their own hours, and the queue's capacity. Which intents a team gets
 * is said on the intents themselves (the Rules screen), so there is one place for it.
 *
 * @phpstan-type Interval array{open: string, close: string}
 * @phpstan-type Week array{mon: list<Interval>, tue: list<Interval>, wed: list<Interval>, thu: list<Interval>, fri: list<Interval>, sat: list<Interval>, sun: list<Interval>}
 * @phpstan-type Holiday array{date: string, label: string, yearly: bool}
 * @phpstan-type Team array{name: string, label: string, agents: list<int>, hours: Week|null}
 * @phpstan-type Capacity array{max_waiting: int, max_wait_minutes: int, max_chats_per_agent: int}
 * @phpstan-type Availability_Array array{hours: Week, holidays: list<Holiday>, teams: list<Team>, capacity: Capacity, escalation_failed_minutes: int, abandon_minutes?: int, callback: bool}
 */
final class Availability {

	/**
	 * The default minutes without a sign of a waiting visitor before their handoff is abandoned.
	 */
	public const ABANDON_MINUTES = 5;

	/**
	 * The weekdays, Monday first, as `DateTimeInterface::format( 'D' )` gives them, lowercased.
	 */
	public const DAYS = array( 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun' );

	/**
	 * The availability.
	 *
	 * @var Availability_Array
	 */
	private array $data;

	/**
	 * Wraps validated data.
	 *
	 * @param array $data Availability.
	 * @phpstan-param Availability_Array $data
	 */
	public function __construct( array $data ) {
		$this->data = $data;
	}

	/**
	 * What a site starts with: Monday to Friday, 9:00 to 17:00; no holidays and no teams (any
	 * agent takes any handoff); up to 20 visitors waiting, 15 minutes at most; 3 chats per agent;
	 * a live handoff nobody accepts in 5 minutes has failed.
	 */
	public static function defaults(): self {
		$day  = array(
			array(
				'open'  => '09:00',
				'close' => '17:00',
			),
		);
		$week = array(
			'mon' => $day,
			'tue' => $day,
			'wed' => $day,
			'thu' => $day,
			'fri' => $day,
			'sat' => array(),
			'sun' => array(),
		);
		return new self(
			array(
				'hours'                     => $week,
				'holidays'                  => array(),
				'teams'                     => array(),
				'capacity'                  => array(
					'max_waiting'         => 20,
					'max_wait_minutes'    => 15,
					'max_chats_per_agent' => 3,
				),
				'escalation_failed_minutes' => 5,
				'abandon_minutes'           => self::ABANDON_MINUTES,
				'callback'                  => false,
			)
		);
	}

	/**
	 * The site's hours.
	 *
	 * @return Week
	 */
	public function hours(): array {
		return $this->data['hours'];
	}

	/**
	 * The hours that apply to a team: its own, else the site's.
	 *
	 * @param string $team Team name ('' for the site's).
	 * @return Week
	 */
	public function hours_of( string $team ): array {
		$found = $this->team( $team );
		return null !== $found && null !== $found['hours'] ? $found['hours'] : $this->data['hours'];
	}

	/**
	 * The holidays.
	 *
	 * @return list<Holiday>
	 */
	public function holidays(): array {
		return $this->data['holidays'];
	}

	/**
	 * The teams.
	 *
	 * @return list<Team>
	 */
	public function teams(): array {
		return $this->data['teams'];
	}

	/**
	 * A team by name, or null.
	 *
	 * @param string $name Team name.
	 * @return Team|null
	 */
	public function team( string $name ): ?array {
		foreach ( $this->data['teams'] as $team ) {
			if ( $team['name'] === $name ) {
				return $team;
			}
		}
		return null;
	}

	/**
	 * The teams' names.
	 *
	 * @return list<string>
	 */
	public function team_names(): array {
		return array_column( $this->data['teams'], 'name' );
	}

	/**
	 * The queue's capacity.
	 *
	 * @return Capacity
	 */
	public function capacity(): array {
		return $this->data['capacity'];
	}

	/**
	 * Minutes after which a live handoff nobody accepted has failed.
	 */
	public function escalation_failed_minutes(): int {
		return $this->data['escalation_failed_minutes'];
	}

	/**
	 * Minutes without a sign of the visitor (the chat reads every few seconds while they wait)
	 * after which a waiting handoff is abandoned.
	 */
	public function abandon_minutes(): int {
		return $this->data['abandon_minutes'] ?? self::ABANDON_MINUTES;
	}

	/**
	 * Whether visitors may ask for a callback after hours.
	 */
	public function callback(): bool {
		return $this->data['callback'];
	}

	/**
	 * The stored form.
	 *
	 * @return Availability_Array
	 */
	public function to_array(): array {
		// Versions saved before a setting existed take its default.
		return $this->data + array( 'abandon_minutes' => self::ABANDON_MINUTES );
	}
}
