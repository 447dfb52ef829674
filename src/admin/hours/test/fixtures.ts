/**
 * What GET /availability answers in the tests: weekdays 9 to 5, Christmas Day every year (saved
 * with last year's date), a billing team that the rules send an intent to, two agents, and the
 * week from Monday 21 to Sunday 27 December 2026.
 */
import type {
	Availability,
	AvailabilityState,
	DayKey,
} from '../../../shared/types/availability';

const NINE_TO_FIVE = [ { open: '09:00', close: '17:00' } ];

export const AVAILABILITY: Availability = {
	hours: {
		mon: NINE_TO_FIVE,
		tue: NINE_TO_FIVE,
		wed: NINE_TO_FIVE,
		thu: NINE_TO_FIVE,
		fri: NINE_TO_FIVE,
		sat: [],
		sun: [],
	},
	holidays: [ { date: '2025-12-25', label: 'Christmas Day', yearly: true } ],
	teams: [
		{ name: 'billing_team', label: 'Billing', agents: [ 7 ], hours: null },
	],
	capacity: { max_waiting: 20, max_wait_minutes: 15, max_chats_per_agent: 3 },
	escalation_failed_minutes: 5,
	abandon_minutes: 3,
	callback: false,
};

const WEEK: Array< [ string, DayKey ] > = [
	[ '2026-12-21', 'mon' ],
	[ '2026-12-22', 'tue' ],
	[ '2026-12-23', 'wed' ],
	[ '2026-12-24', 'thu' ],
	[ '2026-12-25', 'fri' ],
	[ '2026-12-26', 'sat' ],
	[ '2026-12-27', 'sun' ],
];

export function availabilityState(
	availability: Availability = AVAILABILITY,
	version = 3
): AvailabilityState {
	return {
		version,
		availability: JSON.parse(
			JSON.stringify( availability )
		) as Availability,
		timezone: 'Europe/Berlin',
		next_days: WEEK.map( ( [ date, day ] ) => ( {
			date,
			day,
			hours: [],
			holiday: null,
		} ) ),
		agents: [
			{ id: 7, name: 'Ana' },
			{ id: 9, name: 'Ben' },
		],
		team_intents: { billing_team: [ 'Billing and payments' ] },
	};
}
