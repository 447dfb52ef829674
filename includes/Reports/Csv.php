<?php
/**
 * A report table as CSV.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Reports;

defined( 'ABSPATH' ) || exit;

/**
 * Pure. RFC 4180: a heading line, then one line per row, lines ended by CRLF, a cell quoted when
 * it holds a comma, a quote, a line break or a leading or trailing space, quotes doubled. Safe to
 * open in a spreadsheet: a text cell that starts with =, +, -, @, a tab or a carriage return (a
 * formula to Excel, LibreOffice and Google Sheets) gets a leading apostrophe, so it is shown as
 * text and never run. Numbers are written as numbers (a negative change stays a number); no value
 * is an empty cell; true and false are written as such.
 *
 * @phpstan-import-type Report_Table from Report_Tables
 * @phpstan-import-type Report_Cell from Report_Tables
 */
final class Csv {

	/**
	 * A table as CSV, with its headings.
	 *
	 * @param array $table The table.
	 * @phpstan-param Report_Table $table
	 */
	public static function table( array $table ): string {
		$lines = array( self::line( array_values( $table['columns'] ) ) );
		foreach ( $table['rows'] as $row ) {
			$cells = array();
			foreach ( array_keys( $table['columns'] ) as $key ) {
				$cells[] = $row[ $key ] ?? null;
			}
			$lines[] = self::line( $cells );
		}
		return implode( "\r\n", $lines ) . "\r\n";
	}

	/**
	 * One line.
	 *
	 * @param array<int, int|float|string|bool|null> $cells Cells.
	 * @phpstan-param list<Report_Cell> $cells
	 */
	public static function line( array $cells ): string {
		return implode( ',', array_map( array( self::class, 'cell' ), $cells ) );
	}

	/**
	 * One cell.
	 *
	 * @param int|float|string|bool|null $value Value.
	 */
	public static function cell( $value ): string {
		if ( null === $value ) {
			return '';
		}
		if ( is_bool( $value ) ) {
			return $value ? 'true' : 'false';
		}
		if ( is_int( $value ) || is_float( $value ) ) {
			return (string) $value;
		}
		if ( '' !== $value && false !== strpos( "=+-@\t\r", $value[0] ) ) {
			$value = "'" . $value;
		}
		if ( preg_match( '/[",\r\n]|^\s|\s$/', $value ) ) {
			return '"' . str_replace( '"', '""', $value ) . '"';
		}
		return $value;
	}
}
