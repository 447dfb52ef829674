/**
 * A chart with its title, a "Show as table" switch, and its CSV. The table is always there: while
 * the chart shows, only screen readers read it (the chart points to it). A chart with nothing to
 * draw in the period says so instead.
 */
import { Button, ToggleControl } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import type { DrillFilter } from '../../../shared/types/reports';
import { csvFilename, downloadCsv, toCsv } from '../csv';
import { chartTable, hasData, type ChartSpec } from '../table';
import ChartView from './ChartView';
import DataTable from './DataTable';

type Props = {
	id: string;
	title: string;
	chart: ChartSpec;
	from: string;
	to: string;
	onDrill?: ( filter: DrillFilter, category: string ) => void;
};

export default function ChartBlock( {
	id,
	title,
	chart,
	from,
	to,
	onDrill,
}: Props ) {
	const [ asTable, setAsTable ] = useState( false );
	const table = chartTable( chart );
	const empty = ! hasData( chart );
	const tableId = `handoff-bot-report-table-${ id }`;
	return (
		<div className="handoff-bot-report__block" data-block={ id }>
			<div className="handoff-bot-report__block-head">
				<h3>{ title }</h3>
				<ToggleControl
					__nextHasNoMarginBottom
					label={
						<>
							{ __( 'Show as table', 'handoff-bot' ) }
							<span className="screen-reader-text">
								{ `: ${ title }` }
							</span>
						</>
					}
					checked={ asTable }
					onChange={ setAsTable }
				/>
				<Button
					variant="secondary"
					size="compact"
					disabled={ ! table.rows.length }
					aria-label={ sprintf(
						/* translators: %s: the chart's title. */
						__( 'Download CSV: %s', 'handoff-bot' ),
						title
					) }
					onClick={ () =>
						downloadCsv(
							csvFilename( id, from, to ),
							toCsv( table )
						)
					}
				>
					{ __( 'Download CSV', 'handoff-bot' ) }
				</Button>
			</div>
			{ empty && ! asTable && (
				<p className="handoff-bot-report__empty">
					{ __( 'Nothing to show for this period.', 'handoff-bot' ) }
				</p>
			) }
			{ ! empty && ! asTable && (
				<>
					<ChartView
						chart={ chart }
						title={ title }
						tableId={ tableId }
						onDrill={ onDrill }
					/>
					{ /* The figures for screen readers; its buttons come with "Show as table". */ }
					<div className="screen-reader-text">
						<DataTable
							id={ tableId }
							table={ table }
							caption={ title }
						/>
					</div>
				</>
			) }
			{ asTable && (
				<DataTable
					id={ tableId }
					table={ table }
					caption={ title }
					onDrill={ onDrill }
				/>
			) }
		</div>
	);
}
