/**
 * The saved simulations: each conversation with the decision every turn should get, and a way to
 * delete one. Every save of the rules runs them all first.
 */
import { Button, Notice } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import { errorMessage } from '../../../shared/api';
import { deleteSimulation } from '../../../shared/api/rules';
import type { Simulation } from '../../../shared/types/rules';
import { decisionText, formatDate } from '../labels';

type Props = {
	simulations: Simulation[] | null;
	error: string;
	onDeleted: ( id: number ) => void;
};

export default function Simulations( {
	simulations,
	error,
	onDeleted,
}: Props ) {
	const [ deleting, setDeleting ] = useState< number | null >( null );
	const [ failure, setFailure ] = useState( '' );

	if ( error ) {
		return (
			<Notice status="error" isDismissible={ false }>
				{ error }
			</Notice>
		);
	}
	if ( ! simulations ) {
		return <p>{ __( 'Loading…', 'handoff-bot' ) }</p>;
	}

	const remove = async ( simulation: Simulation ) => {
		setDeleting( simulation.id );
		setFailure( '' );
		try {
			await deleteSimulation( simulation.id );
			onDeleted( simulation.id );
			window.setTimeout(
				() =>
					document
						.getElementById( 'handoff-bot-rules-simulations' )
						?.focus(),
				0
			);
		} catch ( e ) {
			setFailure( errorMessage( e ) );
		} finally {
			setDeleting( null );
		}
	};

	return (
		<div
			id="handoff-bot-rules-simulations"
			tabIndex={ -1 }
			className="handoff-bot-rules__simulations"
		>
			<p className="handoff-bot-rules__intro">
				{ __(
					'Conversations saved from the live tester, with the decision each turn should get. Before any save, the rules are run on them and you see which decisions would change.',
					'handoff-bot'
				) }
			</p>
			{ failure && (
				<Notice status="error" onRemove={ () => setFailure( '' ) }>
					{ failure }
				</Notice>
			) }
			{ simulations.length ? (
				<table className="widefat striped handoff-bot-rules__table">
					<caption className="screen-reader-text">
						{ __( 'Saved simulations', 'handoff-bot' ) }
					</caption>
					<thead>
						<tr>
							<th scope="col">{ __( 'Name', 'handoff-bot' ) }</th>
							<th scope="col">
								{ __(
									'Turns and expected decisions',
									'handoff-bot'
								) }
							</th>
							<th scope="col">
								{ __( 'Saved', 'handoff-bot' ) }
							</th>
							<th scope="col">
								<span className="screen-reader-text">
									{ __( 'Actions', 'handoff-bot' ) }
								</span>
							</th>
						</tr>
					</thead>
					<tbody>
						{ simulations.map( ( simulation ) => (
							<tr key={ simulation.id }>
								<th scope="row">{ simulation.name }</th>
								<td>
									<ol className="handoff-bot-rules__sim-turns">
										{ simulation.turns.map( ( text, i ) => {
											const expected =
												simulation.expected?.[ i ];
											return (
												<li key={ i }>
													{ simulation.button_at ===
														i && (
														<>
															{ __(
																'(with “Talk to a person”)',
																'handoff-bot'
															) }{ ' ' }
														</>
													) }
													“{ text }”
													{ expected && (
														<>
															{ ' → ' }
															{ decisionText(
																expected.kind,
																expected.reason
															) }
														</>
													) }
												</li>
											);
										} ) }
									</ol>
								</td>
								<td>{ formatDate( simulation.created_at ) }</td>
								<td>
									<Button
										size="compact"
										variant="link"
										isDestructive
										isBusy={ deleting === simulation.id }
										disabled={ deleting !== null }
										accessibleWhenDisabled
										onClick={ () => remove( simulation ) }
									>
										{ sprintf(
											/* translators: %s: simulation name. */
											__( 'Delete “%s”', 'handoff-bot' ),
											simulation.name
										) }
									</Button>
								</td>
							</tr>
						) ) }
					</tbody>
				</table>
			) : (
				<p>
					{ __(
						'No simulation yet. Run a conversation in the live tester and save it as a simulation.',
						'handoff-bot'
					) }
				</p>
			) }
		</div>
	);
}
