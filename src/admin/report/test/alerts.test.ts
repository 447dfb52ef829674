/**
 * What the report says of an alert: why it fired, the alert an address opens, a step's
 * drill-down split into period and filter, and a data cell as text.
 */
import { alertIdFromSearch, alertWhy, cellText, splitDrill } from '../alerts';
import type { ReportAlert } from '../../../shared/types/reports';

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

	it( 'writes shares as percentages, other numbers plainly, no value as a dash', () => {
		expect( cellText( 0.8, 'Share Missing knowledge' ) ).toBe( '80%' );
		expect( cellText( 0.5, 'Now Save rate' ) ).toBe( '50%' );
		expect( cellText( 4, 'Handoffs Missing knowledge' ) ).toBe( '4' );
		expect( cellText( 1.23456, 'Now Live handoffs per agent' ) ).toBe(
			'1.23'
		);
		expect( cellText( null, 'Now' ) ).toBe( '—' );
		expect( cellText( 'rules', 'Area' ) ).toBe( 'rules' );
		expect( cellText( true ) ).toBe( 'Yes' );
	} );
} );
