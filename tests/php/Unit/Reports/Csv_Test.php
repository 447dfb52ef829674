<?php
/**
 * Tests for the CSV of a report table.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Tests\Unit\Reports;

use HandoffBot\Reports\Csv;
use PHPUnit\Framework\TestCase;

/**
 * RFC 4180 quoting, and cells a spreadsheet would run as a formula shown as text instead.
 */
final class Csv_Test extends TestCase {

	/**
	 * A table: headings, then rows in the columns' order, CRLF line ends.
	 */
	public function test_a_table_with_its_headings(): void {
		$csv = Csv::table(
			array(
				'name'    => 'reasons',
				'title'   => 'Reason codes',
				'columns' => array(
					'reason'   => 'Reason',
					'handoffs' => 'Handoffs',
					'share'    => 'Share',
				),
				'rows'    => array(
					array(
						'share'    => 0.4,
						'reason'   => 'user_requested',
						'handoffs' => 2,
					),
					array(
						'reason'   => 'low_confidence',
						'handoffs' => 0,
						'share'    => null,
					),
				),
			)
		);
		$this->assertSame( "Reason,Handoffs,Share\r\nuser_requested,2,0.4\r\nlow_confidence,0,\r\n", $csv );
		$parsed = array_map( 'str_getcsv', explode( "\r\n", trim( $csv ) ) );
		$this->assertSame( array( 'user_requested', '2', '0.4' ), $parsed[1] );
	}

	/**
	 * Commas, quotes, line breaks and edge spaces are quoted; quotes doubled; a spreadsheet
	 * reads each cell back whole.
	 */
	public function test_quoting(): void {
		$cells = array( 'a, b', 'say "hi"', "two\nlines", ' padded', 'plain', 'café' );
		$line  = Csv::line( $cells );
		$this->assertSame( '"a, b","say ""hi""","two' . "\n" . 'lines"," padded",plain,café', $line );
		$this->assertSame( $cells, str_getcsv( $line, ',', '"', '' ) );
	}

	/**
	 * A text cell starting with = + - @, a tab or a carriage return gets a leading apostrophe,
	 * so no spreadsheet runs it; numbers, negative ones too, stay numbers.
	 */
	public function test_formula_injection_is_defused(): void {
		$this->assertSame( "'=HYPERLINK(\"http://evil.test\";\"x\")", str_getcsv( Csv::cell( '=HYPERLINK("http://evil.test";"x")' ), ',', '"', '' )[0] );
		$this->assertSame( "'+1+1", Csv::cell( '+1+1' ) );
		$this->assertSame( "'-2+3", Csv::cell( '-2+3' ) );
		$this->assertSame( "'@SUM(A1:A9)", Csv::cell( '@SUM(A1:A9)' ) );
		$this->assertSame( "'\tcmd", Csv::cell( "\tcmd" ) );
		$this->assertSame( 'a=b', Csv::cell( 'a=b' ), 'only a leading sign' );
		$this->assertSame( '-1', Csv::cell( -1.0 ) );
		$this->assertSame( '-0.125', Csv::cell( -0.125 ) );
		$this->assertSame( '3', Csv::cell( 3 ) );
		$this->assertSame( 'true', Csv::cell( true ) );
		$this->assertSame( 'false', Csv::cell( false ) );
		$this->assertSame( '', Csv::cell( null ) );
		$this->assertSame( '', Csv::cell( '' ) );
	}
}
