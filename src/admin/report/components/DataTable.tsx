/**
 * A chart's figures as a table (what screen readers and keyboard users read, and what the CSV
 * holds), with a button on each row the report can list the conversations of.
 */
import { Button } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

import type { DrillFilter } from '../../../shared/types/reports';
import type { TableModel } from '../table';

type Props = {
	/** The table's element id (what its chart points to). */
	id?: string;
	table: TableModel;
	caption: string;
	onDrill?: ( filter: DrillFilter, category: string ) => void;
};

export default function DataTable( { id, table, caption, onDrill }: Props ) {
	const drillable = !! onDrill && table.rows.some( ( row ) => row.drill );
	return (
		<table id={ id } className="widefat striped handoff-bot-report__table">
			<caption>{ caption }</caption>
			<thead>
				<tr>
					{ table.columns.map( ( column ) => (
						<th key={ column.id } scope="col">
							{ column.label }
						</th>
					) ) }
					{ drillable && (
						<th scope="col">
							{ __( 'Conversations', 'handoff-bot' ) }
						</th>
					) }
				</tr>
			</thead>
			<tbody>
				{ table.rows.map( ( row ) => (
					<tr key={ row.key }>
						{ table.columns.map( ( column, index ) =>
							index === 0 ? (
								<th key={ column.id } scope="row">
									{ row.cells[ column.id ] }
								</th>
							) : (
								<td key={ column.id }>
									{ row.cells[ column.id ] }
								</td>
							)
						) }
						{ drillable && (
							<td>
								{ row.drill && onDrill ? (
									<Button
										variant="link"
										aria-label={ sprintf(
											/* translators: %s: a row's name, e.g. a reason. */
											__(
												'View conversations: %s',
												'handoff-bot'
											),
											row.cells.category ?? ''
										) }
										onClick={ () =>
											row.drill &&
											onDrill(
												row.drill,
												row.cells.category ?? ''
											)
										}
									>
										{ __( 'View', 'handoff-bot' ) }
									</Button>
								) : null }
							</td>
						) }
					</tr>
				) ) }
			</tbody>
		</table>
	);
}
