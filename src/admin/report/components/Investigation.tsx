/**
 * An alert's investigation: the checks in order, each with its finding and the data read for it,
 * and a button listing the conversations behind the step.
 */
import { Button, Notice, Spinner } from '@wordpress/components';
import { useEffect, useRef, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import { errorMessage } from '../../../shared/api';
import { getAlert } from '../../../shared/api/reports';
import type {
	DrillFilter,
	ReportAlertDetail,
	ReportQuery,
} from '../../../shared/types/reports';
import { alertWhy, cellKind, cellText, splitDrill } from '../alerts';

type Props = {
	alertId: number;
	onDrill: ( filter: DrillFilter, title: string, query: ReportQuery ) => void;
	onClose: () => void;
};

export default function Investigation( { alertId, onDrill, onClose }: Props ) {
	const [ alert, setAlert ] = useState< ReportAlertDetail | null >( null );
	const [ error, setError ] = useState( '' );
	const heading = useRef< HTMLHeadingElement >( null );

	useEffect( () => {
		let live = true;
		setAlert( null );
		setError( '' );
		getAlert( alertId ).then(
			( found ) => {
				if ( live ) {
					setAlert( found );
					window.requestAnimationFrame( () => {
						heading.current?.scrollIntoView?.( {
							block: 'start',
						} );
						heading.current?.focus();
					} );
				}
			},
			( caught ) => live && setError( errorMessage( caught ) )
		);
		return () => {
			live = false;
		};
	}, [ alertId ] );

	return (
		<section
			className="handoff-bot-report__investigation"
			aria-labelledby="handoff-bot-report-investigation"
		>
			<div className="handoff-bot-report__block-head">
				<h2
					id="handoff-bot-report-investigation"
					ref={ heading }
					tabIndex={ -1 }
				>
					{ alert
						? sprintf(
								/* translators: %s: the alert's title. */
								__( 'Investigation: %s', 'handoff-bot' ),
								alert.title
							)
						: __( 'Investigation', 'handoff-bot' ) }
				</h2>
				<Button variant="tertiary" onClick={ onClose }>
					{ __( 'Close the investigation', 'handoff-bot' ) }
				</Button>
			</div>
			{ error && (
				<Notice status="error" isDismissible={ false }>
					{ error }
				</Notice>
			) }
			{ ! alert && ! error && <Spinner /> }
			{ alert && (
				<>
					<p>{ alertWhy( alert ) }</p>
					{ alert.status === 'dismissed' && (
						<p className="description">
							{ __( 'This alert was dismissed.', 'handoff-bot' ) }
						</p>
					) }
					<ol className="handoff-bot-report__steps">
						{ alert.investigation.map( ( step, index ) => (
							<li key={ step.key } data-step={ step.key }>
								<h3>
									{ sprintf(
										/* translators: 1: step number, 2: the step's question. */
										__( 'Step %1$d: %2$s', 'handoff-bot' ),
										index + 1,
										step.title
									) }
								</h3>
								<p>{ step.finding }</p>
								{ step.data.rows.length > 0 && (
									<table className="widefat striped">
										<caption className="screen-reader-text">
											{ step.title }
										</caption>
										<thead>
											<tr>
												{ step.data.columns.map(
													( column ) => (
														<th
															key={ column }
															scope="col"
														>
															{ column }
														</th>
													)
												) }
											</tr>
										</thead>
										<tbody>
											{ step.data.rows.map(
												( row, r ) => (
													<tr key={ r }>
														{ row.map(
															( cell, c ) => (
																<td key={ c }>
																	{ cellText(
																		cell,
																		cellKind(
																			step.data,
																			r,
																			c
																		)
																	) }
																</td>
															)
														) }
													</tr>
												)
											) }
										</tbody>
									</table>
								) }
								{ step.drill_down && (
									<Button
										aria-label={ sprintf(
											/* translators: %s: the step's question. */
											__(
												'View the conversations behind this step: %s',
												'handoff-bot'
											),
											step.title
										) }
										variant="link"
										onClick={ () => {
											const { query, filter } =
												splitDrill(
													step.drill_down ?? {}
												);
											onDrill(
												filter,
												step.title,
												query
											);
										} }
									>
										{ __(
											'View the conversations behind this step',
											'handoff-bot'
										) }
									</Button>
								) }
							</li>
						) ) }
					</ol>
				</>
			) }
		</section>
	);
}
