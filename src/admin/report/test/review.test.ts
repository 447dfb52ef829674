/**
 * The reviews' periods (the pickers' months and quarters, newest first, across a year's end) and
 * where each checklist item's target is on the screen.
 */
import {
	doneBy,
	localDay,
	monthOptions,
	quarterOptions,
	targetOf,
} from '../review';

describe( 'review periods', () => {
	it( 'offers the month of today and those before it, across the year', () => {
		expect(
			monthOptions( '2026-02-15', 4 ).map( ( o ) => o.value )
		).toEqual( [ '2026-02', '2026-01', '2025-12', '2025-11' ] );
	} );

	it( 'offers the quarter of today and those before it', () => {
		expect( quarterOptions( '2026-11-30', 5 ) ).toEqual( [
			{ value: '2026-Q4', label: 'Q4 2026' },
			{ value: '2026-Q3', label: 'Q3 2026' },
			{ value: '2026-Q2', label: 'Q2 2026' },
			{ value: '2026-Q1', label: 'Q1 2026' },
			{ value: '2025-Q4', label: 'Q4 2025' },
		] );
		expect( quarterOptions( '2026-03-31', 1 )[ 0 ]?.value ).toBe(
			'2026-Q1'
		);
		expect( quarterOptions( '2026-04-01', 1 )[ 0 ]?.value ).toBe(
			'2026-Q2'
		);
	} );

	it( 'writes today in the local calendar', () => {
		expect( localDay( new Date( 2026, 0, 5, 23, 59 ) ) ).toBe(
			'2026-01-05'
		);
	} );

	it( 'finds each target: signals on the Signals tab, samples and checkpoints on Reviews', () => {
		expect( targetOf( 'reasons' ) ).toEqual( {
			tab: 'signals',
			id: 'handoff-bot-report-reasons',
		} );
		expect( targetOf( 'samples' ) ).toEqual( {
			tab: 'reviews',
			id: 'handoff-bot-report-samples',
		} );
		expect( targetOf( 'checkpoints' ).tab ).toBe( 'reviews' );
	} );

	it( 'says who did it and when', () => {
		expect( doneBy( { name: 'Ada' }, '2026-12-01 10:00:00' ) ).toBe(
			'By Ada, 2026-12-01 10:00:00 UTC'
		);
		expect( doneBy( null, null ) ).toBe( '' );
	} );
} );
