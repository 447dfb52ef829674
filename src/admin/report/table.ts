/**
 * Every chart's data as a table: the same rows feed the chart, the table screen readers and
 * keyboard users read, and the CSV export, so all three always agree.
 */
import { __ } from '@wordpress/i18n';

import type { DrillFilter } from '../../shared/types/reports';
import { formatValue, type Kind } from './format';

export type Series = {
	id: string;
	label: string;
	kind: Kind;
	values: Array< number | null >;
};

/** A chart: one category per label, one value per series and label. */
export type ChartSpec = {
	type: 'bar' | 'line';
	/** What the categories are (the table's first column). */
	category: string;
	labels: string[];
	series: Series[];
	/** Text columns the table shows after the category (the chart does not draw them). */
	text?: Array< { id: string; label: string; values: string[] } >;
	/** The series the chart draws (default: all); the table shows every one. */
	plot?: string[];
	/** A tone per category: expected (a person is the intended route) or a warning. */
	tones?: Array< 'expected' | 'warning' | null >;
	stacked?: boolean;
	/** The conversations behind each category, when the report can list them. */
	drill?: Array< DrillFilter | null >;
	/** A note on a category (a configuration change saved that day). */
	notes?: Array< string | null >;
};

export type Column = { id: string; label: string };

export type TableRow = {
	key: string;
	/** The text of each column, as shown and exported. */
	cells: Record< string, string >;
	drill?: DrillFilter | null;
};

export type TableModel = { columns: Column[]; rows: TableRow[] };

/**
 * The table of a chart: the category, then each series, formatted as the screen shows figures.
 * @param chart The chart.
 */
export function chartTable( chart: ChartSpec ): TableModel {
	const columns: Column[] = [
		{ id: 'category', label: chart.category },
		...( chart.text ?? [] ).map( ( text ) => ( {
			id: text.id,
			label: text.label,
		} ) ),
		...chart.series.map( ( series ) => ( {
			id: series.id,
			label: series.label,
		} ) ),
	];
	const withNotes = !! chart.notes?.some( Boolean );
	if ( withNotes ) {
		columns.push( {
			id: 'note',
			label: __( 'Configuration change', 'handoff-bot' ),
		} );
	}
	const rows = chart.labels.map( ( label, index ) => {
		const cells: Record< string, string > = { category: label };
		for ( const text of chart.text ?? [] ) {
			cells[ text.id ] = text.values[ index ] ?? '';
		}
		for ( const series of chart.series ) {
			cells[ series.id ] = formatValue(
				series.values[ index ],
				series.kind
			);
		}
		if ( withNotes ) {
			cells.note = chart.notes?.[ index ] ?? '';
		}
		return {
			key: `${ index }-${ label }`,
			cells,
			drill: chart.drill?.[ index ] ?? null,
		};
	} );
	return { columns, rows };
}

/**
 * Whether a chart has anything to draw: a chart of zeros and unknowns says so instead.
 * @param chart The chart.
 */
export function hasData( chart: ChartSpec ): boolean {
	return drawn( chart ).some( ( series ) =>
		series.values.some(
			( value ) =>
				typeof value === 'number' &&
				Number.isFinite( value ) &&
				value !== 0
		)
	);
}

/**
 * The values a chart draws: shares as percentages, unknowns as gaps (never NaN).
 * @param series A series.
 */
export function plotted( series: Series ): Array< number | null > {
	return series.values.map( ( value ) => {
		if ( typeof value !== 'number' || ! Number.isFinite( value ) ) {
			return null;
		}
		return series.kind === 'share'
			? Math.round( value * 1000 ) / 10
			: value;
	} );
}

/**
 * The series a chart draws.
 * @param chart The chart.
 */
export function drawn( chart: ChartSpec ): Series[] {
	return chart.plot
		? chart.series.filter( ( series ) => chart.plot?.includes( series.id ) )
		: chart.series;
}
