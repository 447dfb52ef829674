/**
 * Saving the rules: the change note and expected impact (both required), which saved simulations
 * the edit would change (checked first, with the edited policy), then the save. A save someone
 * else made first (409) is named, with a way to load it; a refused policy (400) goes back to the
 * screen with each error at its field, and the edits stay.
 */
import { Button, Flex, Modal, Notice, Spinner } from '@wordpress/components';
import { useEffect, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import {
	checkSimulations,
	policyErrors,
	saveRules,
	versionConflict,
} from '../../../shared/api/rules';
import { errorMessage } from '../../../shared/api';
import type {
	Policy,
	PolicyErrors,
	SavedRules,
	SimulationChange,
	VersionConflict,
} from '../../../shared/types/rules';
import { hasPolicyErrors } from '../errors';
import { formatDate } from '../labels';
import ChangesTable from './ChangesTable';
import DialogActions from '../../../shared/components/DialogActions';
import TextArea from './TextArea';

type Props = {
	policy: Policy;
	baseVersion: number;
	onClose: () => void;
	onSaved: ( saved: SavedRules ) => void;
	onInvalid: ( errors: PolicyErrors ) => void;
	onReload: () => void;
};

type Check =
	| { state: 'checking' }
	| { state: 'done'; changes: SimulationChange[] }
	| { state: 'failed'; message: string };

export function conflictText( conflict: VersionConflict ): string {
	const who = conflict.author?.name;
	const when = formatDate( conflict.updated_at );
	return who
		? sprintf(
				/* translators: 1: version number, 2: user name, 3: date and time. */
				__(
					'Version %1$d was saved by %2$s on %3$s, after you opened these rules. Nothing was saved, so as not to overwrite it.',
					'handoff-bot'
				),
				conflict.current_version,
				who,
				when
			)
		: sprintf(
				/* translators: 1: version number, 2: date and time. */
				__(
					'Version %1$d was saved on %2$s, after you opened these rules. Nothing was saved, so as not to overwrite it.',
					'handoff-bot'
				),
				conflict.current_version,
				when
			);
}

export default function SaveDialog( {
	policy,
	baseVersion,
	onClose,
	onSaved,
	onInvalid,
	onReload,
}: Props ) {
	const [ note, setNote ] = useState( '' );
	const [ impact, setImpact ] = useState( '' );
	const [ errors, setErrors ] = useState< PolicyErrors >( {} );
	const [ check, setCheck ] = useState< Check >( { state: 'checking' } );
	const [ saving, setSaving ] = useState( false );
	const [ failure, setFailure ] = useState( '' );
	const [ conflict, setConflict ] = useState< VersionConflict | null >(
		null
	);

	useEffect( () => {
		let live = true;
		checkSimulations( policy )
			.then( ( changes ) => {
				if ( live ) {
					setCheck( { state: 'done', changes } );
				}
			} )
			.catch( ( error ) => {
				if ( ! live ) {
					return;
				}
				const found = policyErrors( error );
				if ( hasPolicyErrors( found ) ) {
					onInvalid( found );
					return;
				}
				setCheck( { state: 'failed', message: errorMessage( error ) } );
			} );
		return () => {
			live = false;
		};
		// The check runs once, for the policy as it was when the dialog opened.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [] );

	const save = async ( event?: { preventDefault: () => void } ) => {
		event?.preventDefault();
		const missing: PolicyErrors = {};
		if ( ! note.trim() ) {
			missing.note = __( 'Write what you changed.', 'handoff-bot' );
		}
		if ( ! impact.trim() ) {
			missing.expected_impact = __(
				'Write what you expect the change to do.',
				'handoff-bot'
			);
		}
		setErrors( missing );
		if ( Object.keys( missing ).length ) {
			document
				.getElementById(
					missing.note
						? 'handoff-bot-rules-note'
						: 'handoff-bot-rules-impact'
				)
				?.focus();
			return;
		}
		setSaving( true );
		setFailure( '' );
		try {
			onSaved(
				await saveRules( {
					policy,
					note: note.trim(),
					expected_impact: impact.trim(),
					base_version: baseVersion,
				} )
			);
		} catch ( error ) {
			const found = policyErrors( error );
			const conflicting = versionConflict( error );
			if ( conflicting ) {
				setConflict( conflicting );
			} else if ( hasPolicyErrors( found ) ) {
				onInvalid( found );
				return;
			} else if ( Object.keys( found ).length ) {
				setErrors( found );
			} else {
				setFailure( errorMessage( error ) );
			}
			setSaving( false );
		}
	};

	const field = (
		id: string,
		name: 'note' | 'expected_impact',
		label: string,
		help: string,
		value: string,
		onChange: ( value: string ) => void
	) => (
		<TextArea
			id={ id }
			label={ label }
			help={ help }
			rows={ 2 }
			required
			value={ value }
			error={ errors[ name ] }
			onChange={ onChange }
		/>
	);

	return (
		<Modal
			title={ __( 'Save the rules', 'handoff-bot' ) }
			size="large"
			onRequestClose={ onClose }
			className="handoff-bot-rules__dialog"
		>
			<form noValidate onSubmit={ save }>
				<Flex direction="column" gap={ 4 } align="stretch">
					{ conflict && (
						<Notice status="warning" isDismissible={ false }>
							<p>{ conflictText( conflict ) }</p>
							<p>
								{ __(
									'Load the newest rules to go on from them (your edits here are lost), or close this window to keep your edits on screen.',
									'handoff-bot'
								) }
							</p>
							<Button
								__next40pxDefaultSize
								variant="secondary"
								onClick={ onReload }
							>
								{ __( 'Load the newest rules', 'handoff-bot' ) }
							</Button>
						</Notice>
					) }
					{ failure && (
						<Notice status="error" isDismissible={ false }>
							{ failure }
						</Notice>
					) }
					{ field(
						'handoff-bot-rules-note',
						'note',
						__( 'Change note (required)', 'handoff-bot' ),
						__(
							'What you changed and why. It stays with this version in the history.',
							'handoff-bot'
						),
						note,
						setNote
					) }
					{ field(
						'handoff-bot-rules-impact',
						'expected_impact',
						__( 'Expected impact (required)', 'handoff-bot' ),
						__(
							'What you expect to change, such as “fewer handoffs about shipping”. Reports split by version, so you can see whether it did.',
							'handoff-bot'
						),
						impact,
						setImpact
					) }
					<section
						aria-labelledby="handoff-bot-rules-check-title"
						aria-live="polite"
						aria-busy={ check.state === 'checking' }
					>
						<h2 id="handoff-bot-rules-check-title">
							{ __( 'Saved simulations', 'handoff-bot' ) }
						</h2>
						{ check.state === 'checking' && (
							<p>
								<Spinner />
								{ __(
									'Running the saved simulations with your edits…',
									'handoff-bot'
								) }
							</p>
						) }
						{ check.state === 'failed' && (
							<Notice status="warning" isDismissible={ false }>
								{ sprintf(
									/* translators: %s: error message. */
									__(
										'The saved simulations could not be checked: %s',
										'handoff-bot'
									),
									check.message
								) }
							</Notice>
						) }
						{ check.state === 'done' && ! check.changes.length && (
							<p>
								{ __(
									'No saved simulation changes its decision.',
									'handoff-bot'
								) }
							</p>
						) }
						{ check.state === 'done' &&
							check.changes.length > 0 && (
								<>
									<p>
										{ sprintf(
											/* translators: %d: number of turns. */
											__(
												'These decisions would change (%d):',
												'handoff-bot'
											),
											check.changes.length
										) }
									</p>
									<ChangesTable changes={ check.changes } />
								</>
							) }
					</section>
					<DialogActions
						confirm={
							check.state === 'done' && check.changes.length
								? __(
										'Save, changing these decisions',
										'handoff-bot'
									)
								: __( 'Save the rules', 'handoff-bot' )
						}
						busy={ saving }
						disabled={ check.state === 'checking' || !! conflict }
						onCancel={ onClose }
					/>
				</Flex>
			</form>
		</Modal>
	);
}
