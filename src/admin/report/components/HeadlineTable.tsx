/**
 * The headline figures as a table: this period, the previous one and the change, with its CSV.
 */
import { Button } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

import { csvFilename, downloadCsv, toCsv } from '../csv';
import { formatChange, formatValue } from '../format';
import type { Figure } from '../signals';
import type { TableModel } from '../table';
import DataTable from './DataTable';

type Props = { figures: Figure[]; from: string; to: string };

/**
 * @param figures The headline figures.
 */
export function headlineTable( figures: Figure[] ): TableModel {
	return {
		columns: [
			{ id: 'category', label: __( 'Figure', 'handoff-bot' ) },
			{ id: 'current', label: __( 'This period', 'handoff-bot' ) },
			{ id: 'previous', label: __( 'Previous period', 'handoff-bot' ) },
			{ id: 'change', label: __( 'Change', 'handoff-bot' ) },
		],
		rows: figures.map( ( item ) => ( {
			key: item.id,
			cells: {
				category: item.label,
				current: formatValue( item.value, item.kind ),
				previous: formatValue( item.change?.previous, item.kind ),
				change: formatChange( item.change, item.kind ),
			},
		} ) ),
	};
}

export default function HeadlineTable( { figures, from, to }: Props ) {
	const table = headlineTable( figures );
	return (
		<div className="handoff-bot-report__block" data-block="headline">
			<div className="handoff-bot-report__block-head">
				<h2>
					{ __( 'Compared with the previous period', 'handoff-bot' ) }
				</h2>
				<Button
					variant="secondary"
					size="compact"
					onClick={ () =>
						downloadCsv(
							csvFilename( 'headline', from, to ),
							toCsv( table )
						)
					}
				>
					{ __( 'Download CSV', 'handoff-bot' ) }
				</Button>
			</div>
			<DataTable
				table={ table }
				caption={ __( 'Headline figures', 'handoff-bot' ) }
			/>
		</div>
	);
}
