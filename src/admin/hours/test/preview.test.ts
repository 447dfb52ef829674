/**
 * The seven-day preview of unsaved edits, as Handoff\Schedule::days() would make it.
 */
import { holidayOn, isValidInterval, previewDays } from '../preview';
import { AVAILABILITY, availabilityState } from './fixtures';

const DAYS = availabilityState().next_days;

describe( 'previewDays', () => {
	it( 'applies the weekday’s hours in order, leaving out what the server would refuse', () => {
		const days = previewDays(
			DAYS,
			{
				...AVAILABILITY.hours,
				mon: [
					{ open: '13:00', close: '17:00' },
					{ open: '08:00', close: '12:00' },
					{ open: '18:00', close: '17:00' },
					{ open: '9', close: '10:00' },
				],
				tue: [ { open: '20:00', close: '24:00' } ],
			},
			[]
		);
		expect( days[ 0 ] ).toEqual( {
			date: '2026-12-21',
			day: 'mon',
			hours: [
				{ open: '08:00', close: '12:00' },
				{ open: '13:00', close: '17:00' },
			],
			holiday: null,
		} );
		expect( days[ 1 ]?.hours ).toEqual( [
			{ open: '20:00', close: '24:00' },
		] );
		expect( days[ 5 ]?.hours ).toEqual( [] );
	} );

	it( 'closes a one-off holiday on its date and a yearly one on its month and day in any year', () => {
		const days = previewDays( DAYS, AVAILABILITY.hours, [
			{ date: '2025-12-25', label: 'Christmas Day', yearly: true },
			{ date: '2026-12-23', label: '', yearly: false },
			{ date: '2025-12-24', label: 'Not this year', yearly: false },
			{ date: '', label: 'No date yet', yearly: true },
		] );
		expect(
			days.map( ( day ) => [ day.date, day.holiday, day.hours.length ] )
		).toEqual( [
			[ '2026-12-21', null, 1 ],
			[ '2026-12-22', null, 1 ],
			[ '2026-12-23', '', 0 ],
			[ '2026-12-24', null, 1 ],
			[ '2026-12-25', 'Christmas Day', 0 ],
			[ '2026-12-26', null, 0 ],
			[ '2026-12-27', null, 0 ],
		] );
	} );
} );

describe( 'isValidInterval and holidayOn', () => {
	it( 'accept what the server accepts', () => {
		expect( isValidInterval( { open: '00:00', close: '24:00' } ) ).toBe(
			true
		);
		expect( isValidInterval( { open: '24:00', close: '24:00' } ) ).toBe(
			false
		);
		expect( isValidInterval( { open: '10:00', close: '10:00' } ) ).toBe(
			false
		);
		expect( isValidInterval( { open: '07:60', close: '10:00' } ) ).toBe(
			false
		);
		expect(
			holidayOn( '2027-01-01', [
				{ date: '2026-01-01', label: ' New Year ', yearly: true },
			] )
		).toBe( 'New Year' );
		expect(
			holidayOn( '2027-01-01', [
				{ date: '2026-01-01', label: 'New Year', yearly: false },
			] )
		).toBeNull();
	} );
} );
