/**
 * The period choice: what the server is asked, and what is refused before asking it.
 */
import {
	daysInclusive,
	describePeriod,
	parseDay,
	periodError,
	reviewChoice,
	toQuery,
} from '../period';

describe( 'period choice', () => {
	it( 'asks for a preset alone, and for the version when one is chosen', () => {
		expect(
			toQuery( { preset: 'last_7_days', from: '2026-01-01', to: '' } )
		).toEqual( {
			period: 'last_7_days',
		} );
		expect(
			toQuery( { preset: 'last_30_days', from: '', to: '' }, 3 )
		).toEqual( {
			period: 'last_30_days',
			config_version: 3,
		} );
	} );

	it( 'sends the day inside for a month or quarter, and both days for custom', () => {
		expect(
			toQuery( { preset: 'month', from: '2026-02-14', to: '' } )
		).toEqual( {
			period: 'month',
			from: '2026-02-14',
		} );
		expect( toQuery( { preset: 'quarter', from: '', to: '' } ) ).toEqual( {
			period: 'quarter',
		} );
		expect(
			toQuery( {
				preset: 'custom',
				from: '2026-01-01',
				to: '2026-01-31',
			} )
		).toEqual( {
			period: 'custom',
			from: '2026-01-01',
			to: '2026-01-31',
		} );
	} );

	it( 'refuses a custom period without both days, inverted, unreal or too long', () => {
		expect(
			periodError( { preset: 'custom', from: '2026-01-01', to: '' } )
		).toMatch( /both/ );
		expect(
			periodError( {
				preset: 'custom',
				from: '2026-02-10',
				to: '2026-02-09',
			} )
		).toMatch( /on or after/ );
		expect(
			periodError( {
				preset: 'custom',
				from: '2026-02-01',
				to: '2026-02-30',
			} )
		).toMatch( /real days/ );
		expect(
			periodError( {
				preset: 'custom',
				from: '2025-01-01',
				to: '2026-02-05',
			} )
		).toMatch( /400/ );
		expect(
			periodError( {
				preset: 'custom',
				from: '2025-01-01',
				to: '2026-02-04',
			} )
		).toBe( '' );
		expect(
			periodError( {
				preset: 'custom',
				from: '2026-03-08',
				to: '2026-03-08',
			} )
		).toBe( '' );
		expect(
			periodError( { preset: 'month', from: '2026-13-01', to: '' } )
		).toMatch( /real day/ );
		expect(
			periodError( { preset: 'last_7_days', from: '', to: '' } )
		).toBe( '' );
	} );

	it( 'counts days across a leap day and a clock change', () => {
		expect( daysInclusive( '2028-02-28', '2028-03-01' ) ).toBe( 3 );
		expect( daysInclusive( '2026-03-07', '2026-03-09' ) ).toBe( 3 );
		expect( parseDay( '2026-02-29' ) ).toBeNull();
		expect( parseDay( '2026-2-01' ) ).toBeNull();
	} );

	it( 'names the period with its days', () => {
		expect(
			describePeriod( {
				from: '2026-03-02',
				to: '2026-03-08',
				days: 7,
				start_utc: '',
				end_utc: '',
			} )
		).toBe( '2026-03-02 to 2026-03-08 (7 days)' );
	} );

	it( "gives a review's month or quarter from its first day", () => {
		expect( reviewChoice( '2026-11' ) ).toEqual( {
			preset: 'month',
			from: '2026-11-01',
			to: '',
		} );
		expect( reviewChoice( '2026-Q4' ) ).toEqual( {
			preset: 'quarter',
			from: '2026-10-01',
			to: '',
		} );
		expect( reviewChoice( '2026-Q1' )?.from ).toBe( '2026-01-01' );
		expect( reviewChoice( '2026-13' ) ).toBeNull();
		expect( reviewChoice( 'samples' ) ).toBeNull();
	} );
} );
