/**
 * What the report says of an alert: why it fired, the alert an address opens, a step's
 * drill-down split into period and filter, and a data cell as text.
 */
import {
	alertIdFromSearch,
	alertWhy,
	cellKind,
	cellText,
	splitDrill,
} from '../alerts';
import type { CellKind, ReportAlert } from '../../../shared/types/reports';

const ALERT: ReportAlert = {
	id: 12,
	kind: 'topic_share',
	subject: 'refunds',
	direction: 'up',
	title: 'refunds takes 83.3 % of handoffs',
	period: { from: '2026-03-03', to: '2026-03-09' },
	figures: { current: 0.8333, previous: 0.25 },
	status: 'open',
	created_at: '2026-03-10 01:00:00',
	dismissed_at: null,
	dismissed_by: 0,
	link: '',
};

describe( 'alerts', () => {
	it( 'says which rule fired, on which days', () => {
		expect( alertWhy( ALERT ) ).toBe(
			'One topic took more than the share of handoffs set. Compared 2026-03-03 to 2026-03-09 with the days before.'
		);
		expect( alertWhy( { ...ALERT, kind: 'unknown_kind' } ) ).toContain(
			'unknown_kind'
		);
	} );

	it( 'reads the alert of an address, refusing anything but a positive number', () => {
		expect( alertIdFromSearch( '?page=handoff-bot-report&alert=12' ) ).toBe(
			12
		);
		expect( alertIdFromSearch( '?page=handoff-bot-report' ) ).toBeNull();
		expect( alertIdFromSearch( '?alert=0' ) ).toBeNull();
		expect( alertIdFromSearch( '?alert=1e3' ) ).toBeNull();
		expect( alertIdFromSearch( '?alert=<script>' ) ).toBeNull();
	} );

	it( 'splits a drill-down into its period and the figure’s filter', () => {
		expect(
			splitDrill( {
				period: 'custom',
				from: '2026-03-03',
				to: '2026-03-09',
				intent: 'refunds',
				reason: 'missing_knowledge',
				unknown: 'dropped',
			} )
		).toEqual( {
			query: { period: 'custom', from: '2026-03-03', to: '2026-03-09' },
			filter: { intent: 'refunds', reason: 'missing_knowledge' },
		} );
	} );

	it( 'writes each cell as its column or row says it reads, whatever the headings', () => {
		expect( cellText( 0.8, 'share' ) ).toBe( '80%' );
		expect( cellText( 0.125, 'share' ) ).toBe( '12.5%' );
		expect( cellText( -0.2, 'points' ) ).toBe( '-20 pts' );
		expect( cellText( 0.05, 'points' ) ).toBe( '+5 pts' );
		expect( cellText( 300, 'seconds' ) ).toBe( '5 min' );
		expect( cellText( 4, 'count' ) ).toBe( '4' );
		expect( cellText( 1.23456, 'mean' ) ).toBe( '1.23' );
		expect( cellText( 0.8, 'text' ) ).toBe( '0.8' );
		expect( cellText( null, 'share' ) ).toBe( '—' );
		expect( cellText( 'rules', 'text' ) ).toBe( 'rules' );
		expect( cellText( true ) ).toBe( 'Yes' );
	} );

	it( 'takes a cell’s kind from its column, or from its row in a table of figures', () => {
		// The completeness alert's "Which fields went missing?" as the server sends it.
		const fields = {
			kinds: [ 'text', 'share', 'share', 'points' ] as CellKind[],
			row_kinds: [] as CellKind[],
		};
		const row = [ 'summary', 1, 0.5, -0.5 ];
		expect(
			row.map( ( cell, c ) => cellText( cell, cellKind( fields, 0, c ) ) )
		).toEqual( [ 'summary', '100%', '50%', '-50 pts' ] );
		// The queue step: seconds first, then shares, in the same Before and Now columns.
		const queue = {
			kinds: [ 'text', 'by_row', 'by_row' ] as CellKind[],
			row_kinds: [ 'seconds', 'seconds', 'share', 'share' ] as CellKind[],
		};
		expect( cellText( 300, cellKind( queue, 0, 2 ) ) ).toBe( '5 min' );
		expect( cellText( 0.75, cellKind( queue, 3, 2 ) ) ).toBe( '75%' );
		expect( cellKind( queue, 3, 0 ) ).toBe( 'text' );
		expect( cellKind( queue, 9, 1 ) ).toBe( 'text' );
	} );
} );
