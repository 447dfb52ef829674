/**
 * The review samples of the report's period: for each reason code a seeded sample of its
 * conversations (saved and failed), each opening the conversation with its brief, with a
 * "reviewed" mark and a note (saved when the field is left).
 */
import {
	Button,
	CheckboxControl,
	Notice,
	Spinner,
	TextControl,
} from '@wordpress/components';
import { useEffect, useRef, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import { errorMessage } from '../../../shared/api';
import { getSamples, markSample } from '../../../shared/api/reports';
import type {
	ReportQuery,
	SampleRow,
	Samples as SamplesData,
} from '../../../shared/types/reports';
import { reasonLabel, routeLabel } from '../labels';
import { doneBy } from '../review';

type Props = { query: ReportQuery; onOpen: ( handoffId: number ) => void };

const GROUPS = (): Record< string, string > => ( {
	successful: __( 'Saved by an agent', 'handoff-bot' ),
	failed: __( 'Failed', 'handoff-bot' ),
	other: __( 'Other', 'handoff-bot' ),
} );

export default function Samples( { query, onOpen }: Props ) {
	const [ found, setFound ] = useState< SamplesData | null >( null );
	const [ notes, setNotes ] = useState< Record< number, string > >( {} );
	const [ error, setError ] = useState( '' );
	// Each conversation's saves go one after another; only the newest one's answer is shown.
	const queues = useRef< Record< number, Promise< void > > >( {} );
	const newest = useRef< Record< number, number > >( {} );
	const key = JSON.stringify( query );

	useEffect( () => {
		let live = true;
		setFound( null );
		getSamples( query ).then(
			( answer ) => {
				if ( live ) {
					setFound( answer );
					setError( '' );
					const next: Record< number, string > = {};
					for ( const reason of answer.reasons ) {
						for ( const row of reason.sample ) {
							next[ row.conversation_id ] =
								row.review?.note ?? '';
						}
					}
					setNotes( next );
				}
			},
			( caught ) => live && setError( errorMessage( caught ) )
		);
		return () => {
			live = false;
		};
		// eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for the query.
	}, [ key ] );

	const mark = ( row: SampleRow, reviewed: boolean ) => {
		const note = notes[ row.conversation_id ] ?? '';
		if (
			reviewed === ( row.review?.reviewed ?? false ) &&
			note === ( row.review?.note ?? '' )
		) {
			return;
		}
		const put = ( review: SampleRow[ 'review' ] ) =>
			setFound( ( current ) =>
				current
					? {
							...current,
							reasons: current.reasons.map( ( reason ) => ( {
								...reason,
								sample: reason.sample.map( ( r ) =>
									r.conversation_id === row.conversation_id
										? { ...r, review }
										: r
								),
							} ) ),
						}
					: current
			);
		// The box shows the new state at once; a refusal puts the stored one back.
		put( {
			reviewed,
			note,
			reviewer: row.review?.reviewer ?? null,
			updated_at: row.review?.updated_at ?? null,
		} );
		const id = row.conversation_id;
		const turn = ( newest.current[ id ] ?? 0 ) + 1;
		newest.current[ id ] = turn;
		const latest = () => newest.current[ id ] === turn;
		const before = queues.current[ id ] ?? Promise.resolve();
		queues.current[ id ] = before
			.then( () => markSample( id, reviewed, note ) )
			.then(
				( stored ) => {
					if ( latest() ) {
						put( stored );
						setError( '' );
					}
				},
				( caught ) => {
					if ( latest() ) {
						put( row.review );
					}
					setError( errorMessage( caught ) );
				}
			);
	};

	return (
		<section
			className="handoff-bot-report__samples"
			aria-labelledby="handoff-bot-report-samples"
		>
			<h2 id="handoff-bot-report-samples" tabIndex={ -1 }>
				{ __( 'Samples for review', 'handoff-bot' ) }
			</h2>
			<p className="description">
				{ __(
					'For each reason code of the period, the same conversations every time: half saved by an agent, half failed.',
					'handoff-bot'
				) }
			</p>
			{ error && (
				<Notice status="error" isDismissible={ false }>
					{ error }
				</Notice>
			) }
			{ ! found && ! error && <Spinner /> }
			{ found && ! found.reasons.length && (
				<p>{ __( 'No handoffs in this period.', 'handoff-bot' ) }</p>
			) }
			{ found?.reasons.map( ( reason ) => (
				<div key={ reason.reason } data-reason={ reason.reason }>
					<h3>
						{ sprintf(
							/* translators: 1: reason, 2: handoffs, 3: saved, 4: failed. */
							__(
								'%1$s: %2$d handoffs (%3$d saved, %4$d failed)',
								'handoff-bot'
							),
							reasonLabel( reason.reason ),
							reason.handoffs,
							reason.successful,
							reason.failed
						) }
					</h3>
					<table className="widefat striped">
						<caption className="screen-reader-text">
							{ sprintf(
								/* translators: %s: reason. */
								__( 'Sample: %s', 'handoff-bot' ),
								reasonLabel( reason.reason )
							) }
						</caption>
						<thead>
							<tr>
								<th scope="col">
									{ __( 'Conversation', 'handoff-bot' ) }
								</th>
								<th scope="col">
									{ __( 'Group', 'handoff-bot' ) }
								</th>
								<th scope="col">
									{ __( 'Route', 'handoff-bot' ) }
								</th>
								<th scope="col">
									{ __( 'Requested (UTC)', 'handoff-bot' ) }
								</th>
								<th scope="col">
									{ __( 'Review', 'handoff-bot' ) }
								</th>
							</tr>
						</thead>
						<tbody>
							{ reason.sample.map( ( row ) => (
								<tr key={ row.conversation_id }>
									<th scope="row">
										<Button
											variant="link"
											aria-label={ sprintf(
												/* translators: %d: conversation number, shown as #12. */
												__(
													'#%d: open the conversation with its brief',
													'handoff-bot'
												),
												row.conversation_id
											) }
											onClick={ () =>
												onOpen( row.handoff_id )
											}
										>
											{ `#${ row.conversation_id }` }
										</Button>
									</th>
									<td>
										{ GROUPS()[ row.group ] ?? row.group }
									</td>
									<td>{ routeLabel( row.route ) }</td>
									<td>{ row.requested_at }</td>
									<td>
										<CheckboxControl
											__nextHasNoMarginBottom
											label={ sprintf(
												/* translators: %d: conversation number. */
												__(
													'Reviewed conversation %d',
													'handoff-bot'
												),
												row.conversation_id
											) }
											checked={ !! row.review?.reviewed }
											onChange={ ( value ) =>
												mark( row, value )
											}
										/>
										<TextControl
											__next40pxDefaultSize
											__nextHasNoMarginBottom
											label={ sprintf(
												/* translators: %d: conversation number. */
												__(
													'Note on conversation %d',
													'handoff-bot'
												),
												row.conversation_id
											) }
											hideLabelFromVision
											placeholder={ __(
												'Note (optional)',
												'handoff-bot'
											) }
											value={
												notes[ row.conversation_id ] ??
												''
											}
											onChange={ ( value ) =>
												setNotes( {
													...notes,
													[ row.conversation_id ]:
														value,
												} )
											}
											onBlur={ () =>
												mark(
													row,
													!! row.review?.reviewed
												)
											}
										/>
										{ row.review?.reviewed && (
											<span className="description">
												{ doneBy(
													row.review.reviewer,
													row.review.updated_at
												) }
											</span>
										) }
									</td>
								</tr>
							) ) }
						</tbody>
					</table>
				</div>
			) ) }
		</section>
	);
}
