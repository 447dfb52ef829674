/**
 * A chart with its title, a "Show as table" switch, and its CSV. A chart with nothing to draw in
 * the period says so instead.
 */
import { Button, ToggleControl } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

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
	return (
		<div className="handoff-bot-report__block" data-block={ id }>
			<div className="handoff-bot-report__block-head">
				<h3>{ title }</h3>
				<ToggleControl
					__nextHasNoMarginBottom
					label={ __( 'Show as table', 'handoff-bot' ) }
					checked={ asTable }
					onChange={ setAsTable }
				/>
				<Button
					variant="secondary"
					size="compact"
					disabled={ ! table.rows.length }
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
				<ChartView
					chart={ chart }
					title={ title }
					onDrill={ onDrill }
				/>
			) }
			{ asTable && (
				<DataTable
					table={ table }
					caption={ title }
					onDrill={ onDrill }
				/>
			) }
		</div>
	);
}
