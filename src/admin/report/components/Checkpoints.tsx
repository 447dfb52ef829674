/**
 * The release checkpoints, newest first: the change (area, version, note and expected impact),
 * its state (waiting for conversations, ready, checked), expected against actual once ready (read
 * when asked for: it runs two reports on the server), a re-check with a note, and "document the
 * change": what was tuned after it.
 */
import {
	Button,
	Notice,
	Spinner,
	TextareaControl,
} from '@wordpress/components';
import { useEffect, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import { errorMessage } from '../../../shared/api';
import {
	checkCheckpoint,
	documentCheckpoint,
	getCheckpoint,
	getCheckpoints,
} from '../../../shared/api/reports';
import type { Checkpoint } from '../../../shared/types/reports';
import { formatValue, type Kind } from '../format';
import { areaLabel } from '../labels';
import { doneBy } from '../review';

const STATES = (): Record< string, string > => ( {
	waiting: __( 'Waiting for conversations', 'handoff-bot' ),
	ready: __( 'Ready to re-check', 'handoff-bot' ),
	checked: __( 'Checked', 'handoff-bot' ),
	superseded: __( 'Overtaken by a later change', 'handoff-bot' ),
} );

const FIGURES = (): Array< [ string, string, Kind ] > => [
	[ 'conversations', __( 'Conversations', 'handoff-bot' ), 'count' ],
	[ 'handoffs', __( 'Handoffs', 'handoff-bot' ), 'count' ],
	[ 'escalation_rate', __( 'Escalation rate', 'handoff-bot' ), 'share' ],
	[ 'user_share', __( 'Asked for by visitors', 'handoff-bot' ), 'share' ],
	[
		'median_turn',
		__( 'Median turn of the handoff', 'handoff-bot' ),
		'mean',
	],
	[ 'completeness', __( 'Context completeness', 'handoff-bot' ), 'share' ],
	[ 'save_rate', __( 'Agent save rate', 'handoff-bot' ), 'share' ],
	[
		'escalation_failed_rate',
		__( 'Escalations that failed', 'handoff-bot' ),
		'share',
	],
	[
		'transfer_success_rate',
		__( 'Transfer success', 'handoff-bot' ),
		'share',
	],
	[
		'delay_median_seconds',
		__( 'Median delay to a person', 'handoff-bot' ),
		'seconds',
	],
	[
		'abandonment_rate',
		__( 'Abandonment while waiting', 'handoff-bot' ),
		'share',
	],
];

function Item( { checkpoint: first }: { checkpoint: Checkpoint } ) {
	const [ checkpoint, setCheckpoint ] = useState( first );
	const [ note, setNote ] = useState( '' );
	const [ tuned, setTuned ] = useState( first.tuned?.text ?? '' );
	const [ error, setError ] = useState( '' );
	const [ busy, setBusy ] = useState( false );
	const [ loading, setLoading ] = useState( false );
	const ready = checkpoint.state !== 'waiting';

	// Expected against actual reads two full reports on the server: only when asked for.
	const showActual = () => {
		setLoading( true );
		getCheckpoint( checkpoint.id ).then(
			( stored ) => {
				setCheckpoint( stored );
				setError( '' );
				setLoading( false );
			},
			( caught ) => {
				setError( errorMessage( caught ) );
				setLoading( false );
			}
		);
	};

	const run = ( call: () => Promise< Checkpoint > ) => {
		setBusy( true );
		call().then(
			( stored ) => {
				setCheckpoint( ( current ) => ( {
					...stored,
					actual: stored.actual ?? current.actual,
				} ) );
				setError( '' );
				setBusy( false );
			},
			( caught ) => {
				setError( errorMessage( caught ) );
				setBusy( false );
			}
		);
	};

	const heading = sprintf(
		/* translators: 1: configuration area, 2: configuration version. */
		__( '%1$s, configuration version %2$d', 'handoff-bot' ),
		areaLabel( checkpoint.area ),
		checkpoint.config_version
	);
	return (
		<li data-checkpoint={ checkpoint.id } data-state={ checkpoint.state }>
			<h3>{ heading }</h3>
			<p>
				<strong>{ STATES()[ checkpoint.state ] }</strong>{ ' ' }
				{ sprintf(
					/* translators: 1: conversations so far, 2: conversations needed. */
					__( '(%1$d of %2$d conversations)', 'handoff-bot' ),
					checkpoint.conversations,
					checkpoint.threshold
				) }
				{ checkpoint.superseded_by !== null &&
					checkpoint.superseded_by !== undefined && (
						<>
							{ ' ' }
							{ sprintf(
								/* translators: %d: the configuration version of the later change. */
								__(
									'Version %d came before it had enough conversations: its figures are those of the conversations it got.',
									'handoff-bot'
								),
								checkpoint.superseded_by
							) }
						</>
					) }
			</p>
			<dl>
				<dt>{ __( 'Change', 'handoff-bot' ) }</dt>
				<dd>{ checkpoint.note || '—' }</dd>
				<dt>{ __( 'Expected impact', 'handoff-bot' ) }</dt>
				<dd>{ checkpoint.expected_impact || '—' }</dd>
			</dl>
			{ error && (
				<Notice status="error" isDismissible={ false }>
					{ error }
				</Notice>
			) }
			{ ready && checkpoint.actual === undefined && (
				<p>
					<Button
						variant="secondary"
						isBusy={ loading }
						disabled={ loading }
						accessibleWhenDisabled
						onClick={ showActual }
					>
						{ __( 'Show expected against actual', 'handoff-bot' ) }
					</Button>
				</p>
			) }
			{ checkpoint.actual === null && (
				<p>
					{ __(
						'No figures to compare: no conversation was started under this version or the one before.',
						'handoff-bot'
					) }
				</p>
			) }
			{ checkpoint.actual && (
				<table className="widefat striped">
					<caption>
						{ sprintf(
							/* translators: 1: version before, 2: version after. */
							__(
								'Actual: version %1$d against %2$d',
								'handoff-bot'
							),
							checkpoint.actual.after.config_version,
							checkpoint.actual.before.config_version
						) }
					</caption>
					<thead>
						<tr>
							<th scope="col">
								{ __( 'Figure', 'handoff-bot' ) }
							</th>
							<th scope="col">
								{ __( 'Before', 'handoff-bot' ) }
							</th>
							<th scope="col">
								{ __( 'After', 'handoff-bot' ) }
							</th>
						</tr>
					</thead>
					<tbody>
						{ FIGURES().map( ( [ key, label, kind ] ) => {
							const figure = checkpoint.actual?.figures[ key ];
							return figure ? (
								<tr key={ key }>
									<th scope="row">{ label }</th>
									<td>
										{ formatValue( figure.before, kind ) }
									</td>
									<td>
										{ formatValue( figure.after, kind ) }
									</td>
								</tr>
							) : null;
						} ) }
					</tbody>
				</table>
			) }
			{ checkpoint.check && (
				<p>
					{ __( 'Re-checked:', 'handoff-bot' ) }{ ' ' }
					{ checkpoint.check.note }{ ' ' }
					<span className="description">
						{ doneBy( checkpoint.check.by, checkpoint.check.at ) }
					</span>
				</p>
			) }
			{ ready && (
				<div className="handoff-bot-report__checkpoint-form">
					<TextareaControl
						__nextHasNoMarginBottom
						label={ __( 'Re-check note', 'handoff-bot' ) }
						value={ note }
						onChange={ setNote }
					/>
					<Button
						variant="secondary"
						disabled={ busy }
						accessibleWhenDisabled
						onClick={ () =>
							run( () => checkCheckpoint( checkpoint.id, note ) )
						}
					>
						{ __( 'Mark checked', 'handoff-bot' ) }
					</Button>
				</div>
			) }
			<div className="handoff-bot-report__checkpoint-form">
				<TextareaControl
					__nextHasNoMarginBottom
					label={ __(
						'Document the change: what was tuned',
						'handoff-bot'
					) }
					value={ tuned }
					onChange={ setTuned }
				/>
				<Button
					variant="secondary"
					disabled={ busy || ! tuned.trim() }
					accessibleWhenDisabled
					onClick={ () =>
						run( () => documentCheckpoint( checkpoint.id, tuned ) )
					}
				>
					{ __( 'Save the documentation', 'handoff-bot' ) }
				</Button>
				{ checkpoint.tuned && (
					<span className="description">
						{ doneBy( checkpoint.tuned.by, checkpoint.tuned.at ) }
					</span>
				) }
			</div>
		</li>
	);
}

export default function Checkpoints() {
	const [ list, setList ] = useState< Checkpoint[] | null >( null );
	const [ error, setError ] = useState( '' );
	useEffect( () => {
		getCheckpoints().then( setList, ( caught ) =>
			setError( errorMessage( caught ) )
		);
	}, [] );
	return (
		<section
			className="handoff-bot-report__checkpoints"
			aria-labelledby="handoff-bot-report-checkpoints"
		>
			<h2 id="handoff-bot-report-checkpoints" tabIndex={ -1 }>
				{ __( 'Release checkpoints', 'handoff-bot' ) }
			</h2>
			{ error && (
				<Notice status="error" isDismissible={ false }>
					{ error }
				</Notice>
			) }
			{ ! list && ! error && <Spinner /> }
			{ list && ! list.length && (
				<p>
					{ __(
						'No configuration changes yet: a checkpoint opens when rules, answer settings, knowledge sources or connections change.',
						'handoff-bot'
					) }
				</p>
			) }
			{ list && list.length > 0 && (
				<ul className="handoff-bot-report__checkpoint-list">
					{ list.map( ( checkpoint ) => (
						<Item key={ checkpoint.id } checkpoint={ checkpoint } />
					) ) }
				</ul>
			) }
		</section>
	);
}
