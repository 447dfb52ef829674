/**
 * The saved simulation turns whose decision an edit would change: the simulation, the turn and
 * its message, the decision it expects and the one it would now get.
 */
import { __ } from '@wordpress/i18n';

import type { SimulationChange } from '../../../shared/types/rules';
import { decisionText } from '../labels';

type Props = { changes: SimulationChange[] };

export default function ChangesTable( { changes }: Props ) {
	return (
		<table className="widefat striped handoff-bot-rules__table">
			<caption className="screen-reader-text">
				{ __( 'Decisions that would change', 'handoff-bot' ) }
			</caption>
			<thead>
				<tr>
					<th scope="col">{ __( 'Simulation', 'handoff-bot' ) }</th>
					<th scope="col">{ __( 'Turn', 'handoff-bot' ) }</th>
					<th scope="col">{ __( 'Message', 'handoff-bot' ) }</th>
					<th scope="col">{ __( 'Expected', 'handoff-bot' ) }</th>
					<th scope="col">{ __( 'New decision', 'handoff-bot' ) }</th>
				</tr>
			</thead>
			<tbody>
				{ changes.map( ( change ) => (
					<tr key={ `${ change.id }-${ change.turn }` }>
						<th scope="row">{ change.name }</th>
						<td>{ change.turn + 1 }</td>
						<td>{ change.text }</td>
						<td>
							{ decisionText(
								change.expected.kind,
								change.expected.reason
							) }
						</td>
						<td>
							<strong>
								{ decisionText(
									change.actual.kind,
									change.actual.reason
								) }
							</strong>
						</td>
					</tr>
				) ) }
			</tbody>
		</table>
	);
}
