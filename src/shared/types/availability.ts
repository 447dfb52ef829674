/**
 * Types mirroring the availability routes of handoff-bot/v1 (field names as the server sends them).
 */

/** The weekdays, Monday first, as the server names them. */
export type DayKey = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/** An opening interval: wall-clock times (`HH:MM`, `24:00` closes at midnight). */
export type Interval = { open: string; close: string };

export type Week = Record< DayKey, Interval[] >;

export type Holiday = {
	/** `YYYY-MM-DD`. */
	date: string;
	label: string;
	/** Comes back every year on the same month and day. */
	yearly: boolean;
};

export type Team = {
	name: string;
	label: string;
	/** User IDs of its agents. */
	agents: number[];
	/** The team's own hours, or null for the site's. */
	hours: Week | null;
};

export type Capacity = {
	max_waiting: number;
	max_wait_minutes: number;
	max_chats_per_agent: number;
};

export type Availability = {
	hours: Week;
	holidays: Holiday[];
	teams: Team[];
	capacity: Capacity;
	escalation_failed_minutes: number;
	/** Minutes without a sign of a waiting visitor before their handoff is abandoned. */
	abandon_minutes: number;
	callback: boolean;
};

/** A day ahead as the schedule applies it. */
export type DayPreview = {
	date: string;
	day: DayKey;
	hours: Interval[];
	/** The holiday's label ('' when it has none), or null when the day is no holiday. */
	holiday: string | null;
};

export type Agent = { id: number; name: string };

/** GET /availability. */
export type AvailabilityState = {
	version: number;
	availability: Availability;
	timezone: string;
	next_days: DayPreview[];
	agents: Agent[];
	/** The intents' labels the rules send to each team, by team name. */
	team_intents: Record< string, string[] >;
};

/** PUT /availability. */
export type SaveAvailabilityRequest = {
	availability: Availability;
	note: string;
	expected_impact: string;
	base_version: number;
};

export type SavedAvailability = {
	version: number;
	availability: Availability;
	next_days: DayPreview[];
};

/** What is wrong with each refused field, by path ("hours.mon.0.close", "teams.1.agents"). */
export type AvailabilityErrors = Record< string, string >;
