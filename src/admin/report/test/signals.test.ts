/**
 * The report's charts as tables: the same rows feed the chart, its table and its CSV; an empty
 * period shows dashes and "nothing to show", never NaN; drill-downs carry the figure's filter.
 */
import { formatChange, formatSeconds, formatShare } from '../format';
import { dayNotes, headline, localDay } from '../signals';
import { buildSignals } from '../signals-more';
import { chartTable, hasData, plotted } from '../table';
import type { ReportSummary } from '../../../shared/types/reports';
import { changeText } from '../components/FigureList';
import {
	REASONS,
	changes,
	emptyMetrics,
	emptySummary,
	weekSummary,
} from './fixtures';

function block( id: string, summary = weekSummary() ) {
	for ( const signal of buildSignals( summary ) ) {
		const found = signal.blocks.find( ( item ) => item.id === id );
		if ( found ) {
			return found.chart;
		}
	}
	throw new Error( `No block ${ id }` );
}

describe( 'chart data as a table', () => {
	it( 'gives one row per category with every series, formatted as shown', () => {
		const table = chartTable( block( 'reasons' ) );
		expect( table.columns.map( ( column ) => column.label ) ).toEqual( [
			'Reason',
			'Change',
			'Handoffs',
			'Share',
		] );
		// Every reason code is sent, in the server's order, with its change from the days before.
		expect( table.rows.map( ( row ) => row.cells ) ).toEqual( [
			{
				category: 'Asked for a person',
				change: '+2 (+200%)',
				handoffs: '3',
				share: '75%',
			},
			{
				category: 'Business rule',
				change: '-1 (-100%)',
				handoffs: '0',
				share: '0%',
			},
			{
				category: 'Sensitive account matter',
				change: 'No change',
				handoffs: '0',
				share: '0%',
			},
			{
				category: 'Low confidence',
				change: '+1',
				handoffs: '1',
				share: '25%',
			},
			...[
				'Missing knowledge',
				'Repeated failure',
				'Frustration',
				'Action required',
			].map( ( category ) => ( {
				category,
				change: 'No change',
				handoffs: '0',
				share: '0%',
			} ) ),
		] );
		expect( table.rows.map( ( row ) => row.drill ) ).toEqual(
			REASONS.map( ( reason ) => ( { reason } ) )
		);
	} );

	it( 'shows the change of every compared figure, effort and unproductive turns too', () => {
		const summary = weekSummary();
		const effort = chartTable( block( 'effort', summary ) );
		expect(
			effort.rows.map( ( row ) => [
				row.cells.category,
				row.cells.share,
				row.cells.change,
			] )
		).toContainEqual( [ 'Asked for an agent', '25%', '+5 pts' ] );
		const unproductive = buildSignals( summary )
			.flatMap( ( signal ) => signal.figures )
			.find( ( item ) => item.id === 'handoffs_after_unproductive' );
		expect( unproductive?.value ).toBe( 1 );
		expect(
			formatChange( unproductive?.change, unproductive?.kind ?? 'count' )
		).toBe( '+1' );
		// Every figure the report compares has a change the server sends.
		for ( const signal of buildSignals( summary ) ) {
			for ( const item of signal.figures ) {
				expect( [ item.id, item.change ] ).toEqual( [
					item.id,
					expect.objectContaining( { current: item.value } ),
				] );
			}
		}
	} );

	it( 'drills a save rate to the accepted handoffs it counts', () => {
		const summary = weekSummary();
		summary.metrics.saves.by_reason = [
			{ key: 'user_requested', accepted: 2, resolved: 1, rate: 0.5 },
		];
		summary.metrics.saves.by_team = [
			{ key: 'support', accepted: 1, resolved: 1, rate: 1 },
		];
		expect(
			chartTable( block( 'saves-reason', summary ) ).rows[ 0 ]?.drill
		).toEqual( { reason: 'user_requested', accepted: '1' } );
		expect(
			chartTable( block( 'saves-team', summary ) ).rows[ 0 ]?.drill
		).toEqual( { team: 'support', accepted: '1' } );
		const saveRate = buildSignals( summary )
			.flatMap( ( signal ) => signal.figures )
			.find( ( item ) => item.id === 'save_rate' );
		expect( saveRate?.drill ).toEqual( { accepted: '1' } );
	} );

	it( 'marks each intent as expected or a warning by its policy, and drills by intent', () => {
		const table = chartTable( block( 'escalation-intents' ) );
		expect(
			table.rows.map( ( row ) => [
				row.cells.category,
				row.cells.expectation,
				row.cells.rate,
			] )
		).toEqual( [
			[ 'Shipping', 'A warning', '40%' ],
			[ 'Privacy', 'Expected', '100%' ],
			[ 'No intent detected', 'A warning', '50%' ],
		] );
		expect( table.rows[ 2 ]?.drill ).toEqual( { intent: '' } );
	} );

	it( 'notes the configuration change on the day it was saved (site time)', () => {
		const summary = weekSummary();
		expect( localDay( '2026-03-03 09:00:00', summary ) ).toBe(
			'2026-03-03'
		);
		expect( localDay( '2026-03-03 04:59:59', summary ) ).toBe(
			'2026-03-02'
		);
		expect( dayNotes( [ '2026-03-02', '2026-03-03' ], summary ) ).toEqual( [
			null,
			'Version 2: Lower the frustration threshold',
		] );
		const table = chartTable( block( 'triggers-days' ) );
		expect( table.columns.map( ( column ) => column.id ) ).toEqual( [
			'category',
			'user',
			'system',
			'note',
		] );
		expect( table.rows[ 1 ]?.cells ).toEqual( {
			category: '2026-03-03',
			user: '2',
			system: '1',
			note: 'Version 2: Lower the frustration threshold',
		} );
	} );

	it( 'draws unknown figures as gaps and shares as percentages', () => {
		expect(
			plotted( {
				id: 's',
				label: 'S',
				kind: 'share',
				values: [ 0.4567, null, NaN ],
			} )
		).toEqual( [ 45.7, null, null ] );
	} );
} );

describe( 'an empty period', () => {
	it( 'has nothing to draw and no NaN anywhere', () => {
		const summary = emptySummary();
		const signals = buildSignals( summary );
		expect( signals.map( ( signal ) => signal.id ) ).toHaveLength( 10 );
		for ( const signal of signals ) {
			for ( const item of signal.blocks ) {
				expect( hasData( item.chart ) ).toBe( false );
				const text = JSON.stringify( chartTable( item.chart ) );
				expect( text ).not.toMatch( /NaN|Infinity|undefined/ );
			}
		}
		// Compared with an empty period before: nothing to compare is never a made-up change.
		const compared: ReportSummary = {
			...summary,
			comparison: {
				period: summary.period,
				metrics: emptyMetrics(),
				changes: changes( emptyMetrics(), emptyMetrics() ),
			},
		};
		const figures = headline( compared );
		expect( figures.length ).toBeGreaterThan( 0 );
		for ( const figure of figures ) {
			expect( figure.change ).toBeDefined();
			expect( formatChange( figure.change, figure.kind ) ).toBe(
				figure.kind === 'count' ? 'No change' : ''
			);
			expect(
				changeText(
					formatChange( figure.change, figure.kind ),
					figure.value,
					figure.change?.previous
				)
			).toBe(
				figure.kind === 'count'
					? 'No change from the previous period'
					: 'Not enough data to compare'
			);
		}
		expect( changeText( '', 0.5, null ) ).toBe( 'No previous figure' );
		expect(
			chartTable( block( 'completeness-fields', summary ) ).rows[ 0 ]
				?.cells.share
		).toBe( '—' );
	} );
} );

describe( 'figures', () => {
	it( 'writes shares, durations and changes plainly', () => {
		expect( formatShare( 0.6667 ) ).toBe( '66.7%' );
		expect( formatShare( null ) ).toBe( '—' );
		expect( formatSeconds( 45 ) ).toBe( '45 s' );
		expect( formatSeconds( 600 ) ).toBe( '10 min' );
		expect( formatSeconds( 5400 ) ).toBe( '1.5 h' );
		expect(
			formatChange(
				{ current: 0.5, previous: 0.4, delta: 0.1, relative: 0.25 },
				'share'
			)
		).toBe( '+10 pts' );
		expect(
			formatChange(
				{ current: 300, previous: 600, delta: -300, relative: -0.5 },
				'seconds'
			)
		).toBe( '-5 min (-50%)' );
		expect(
			formatChange(
				{ current: 4, previous: 0, delta: 4, relative: null },
				'count'
			)
		).toBe( '+4' );
		expect(
			formatChange(
				{ current: 4, previous: 4, delta: 0, relative: 0 },
				'count'
			)
		).toBe( 'No change' );
	} );
} );
