/**
 * CSV export: each cell as shown, quoted when it must be, formulas never run.
 */
import { csvCell, csvFilename, toCsv } from '../csv';

describe( 'CSV', () => {
	it( 'quotes commas, quotes and line breaks', () => {
		expect( csvCell( 'plain' ) ).toBe( 'plain' );
		expect( csvCell( 'a, b' ) ).toBe( '"a, b"' );
		expect( csvCell( 'say "hi"' ) ).toBe( '"say ""hi"""' );
		expect( csvCell( 'two\nlines' ) ).toBe( '"two\nlines"' );
	} );

	it( 'keeps a spreadsheet from running a cell as a formula, but leaves signed figures alone', () => {
		expect( csvCell( '=HYPERLINK("x")' ) ).toBe( '"\'=HYPERLINK(""x"")"' );
		expect( csvCell( '@SUM(A1)' ) ).toBe( "'@SUM(A1)" );
		expect( csvCell( '-cmd' ) ).toBe( "'-cmd" );
		expect( csvCell( '+4.5 pts' ) ).toBe( '+4.5 pts' );
		expect( csvCell( '-2 (-50%)' ) ).toBe( '-2 (-50%)' );
		expect( csvCell( '—' ) ).toBe( '—' );
	} );

	it( 'guards a cell that only starts like a number', () => {
		expect( csvCell( "-1+cmd|' /C calc'!A0" ) ).toBe(
			"'-1+cmd|' /C calc'!A0"
		);
		expect( csvCell( '+1+1' ) ).toBe( "'+1+1" );
		expect( csvCell( '-2-3' ) ).toBe( "'-2-3" );
		expect( csvCell( '+.5' ) ).toBe( "'+.5" );
		expect( csvCell( '\t5' ) ).toBe( "'\t5" );
		expect( csvCell( '-1 (SUM(A1))' ) ).toBe( "'-1 (SUM(A1))" );
	} );

	it( 'leaves a cell that is wholly a figure alone', () => {
		expect( csvCell( '+5' ) ).toBe( '+5' );
		expect( csvCell( '-12.5%' ) ).toBe( '-12.5%' );
		expect( csvCell( '1,234' ) ).toBe( '"1,234"' );
		expect( csvCell( '-1,234.5' ) ).toBe( '"-1,234.5"' );
		expect( csvCell( '+30 s' ) ).toBe( '+30 s' );
		expect( csvCell( '-1.5 min (-20%)' ) ).toBe( '-1.5 min (-20%)' );
	} );

	it( 'writes a header and one CRLF line per row, in column order', () => {
		const csv = toCsv( {
			columns: [
				{ id: 'category', label: 'Reason' },
				{ id: 'handoffs', label: 'Handoffs' },
			],
			rows: [
				{
					key: '1',
					cells: { category: 'Asked for a person', handoffs: '3' },
				},
				{
					key: '2',
					cells: { handoffs: '1', category: 'Low confidence, twice' },
				},
			],
		} );
		expect( csv ).toBe(
			'Reason,Handoffs\r\nAsked for a person,3\r\n"Low confidence, twice",1\r\n'
		);
	} );

	it( 'names the file after the table and the period', () => {
		expect(
			csvFilename( 'Reasons trend', '2026-03-01', '2026-03-31' )
		).toBe( 'handoff-report-reasons-trend-2026-03-01-2026-03-31.csv' );
	} );
} );
