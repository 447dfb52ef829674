/**
 * CSV export of a table as the screen shows it (RFC 4180: quoted when needed, CRLF lines). A
 * cell a spreadsheet would run as a formula is prefixed with an apostrophe.
 */
import type { TableModel } from './table';

/** A number as the report writes it: signed, with thousands separators and decimals. */
const NUMBER = '[+-]?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?';

/**
 * A whole cell that is only a figure: a number, a percentage or a change, with at most one unit
 * word ("+4.5 pts", "-12.5%", "1,234", "+30 s", "-2 (-50%)").
 */
const FIGURE = new RegExp(
	`^${ NUMBER }(?: ?%| \\p{L}{1,8})?(?: \\(${ NUMBER } ?%\\))?$`,
	'u'
);

/**
 * One cell.
 * @param value The cell's text.
 */
export function csvCell( value: string ): string {
	let text = value;
	// "=", "+", "-", "@", a tab or a carriage return first, unless the whole cell is a figure.
	if ( /^[=+\-@\t\r]/.test( text ) && ! FIGURE.test( text ) ) {
		text = `'${ text }`;
	}
	return /[",\r\n]/.test( text ) || text !== text.trim()
		? `"${ text.replace( /"/g, '""' ) }"`
		: text;
}

/**
 * The whole table: a header line, then one line per row, as shown.
 * @param table The table.
 */
export function toCsv( table: TableModel ): string {
	const lines = [
		table.columns.map( ( column ) => csvCell( column.label ) ).join( ',' ),
		...table.rows.map( ( row ) =>
			table.columns
				.map( ( column ) => csvCell( row.cells[ column.id ] ?? '' ) )
				.join( ',' )
		),
	];
	return lines.join( '\r\n' ) + '\r\n';
}

/**
 * A file name for a table of a period: handoff-report-<table>-<from>-<to>.csv.
 * @param table Table's name (letters, digits, dashes).
 * @param from  First day.
 * @param to    Last day.
 */
export function csvFilename( table: string, from: string, to: string ): string {
	const safe = table.toLowerCase().replace( /[^a-z0-9]+/g, '-' );
	return `handoff-report-${ safe }-${ from }-${ to }.csv`;
}

/**
 * Saves the CSV through the browser (built in memory: nothing goes to the server).
 * @param filename File name.
 * @param csv      Content.
 */
export function downloadCsv( filename: string, csv: string ): void {
	const url = URL.createObjectURL(
		new Blob( [ csv ], { type: 'text/csv;charset=utf-8' } )
	);
	const link = document.createElement( 'a' );
	link.href = url;
	link.download = filename;
	document.body.appendChild( link );
	link.click();
	link.remove();
	setTimeout( () => URL.revokeObjectURL( url ), 0 );
}
