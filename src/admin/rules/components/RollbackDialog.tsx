/**
 * Rolling back to an earlier version: asks for a note, and makes a new version with that
 * version's rules. A save someone else made first (409) is named, with a way to load it.
 */
import { Button, Flex, Modal, Notice } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import { errorMessage } from '../../../shared/api';
import {
	policyErrors,
	rollbackTo,
	versionConflict,
} from '../../../shared/api/rules';
import type { SavedRules, VersionConflict } from '../../../shared/types/rules';
import DialogActions from '../../../shared/components/DialogActions';
import TextArea from './TextArea';
import { conflictText } from './SaveDialog';

type Props = {
	version: number;
	baseVersion: number;
	dirty: boolean;
	onClose: () => void;
	onDone: ( saved: SavedRules ) => void;
	onReload: () => void;
};

export default function RollbackDialog( {
	version,
	baseVersion,
	dirty,
	onClose,
	onDone,
	onReload,
}: Props ) {
	const [ note, setNote ] = useState( '' );
	const [ error, setError ] = useState( '' );
	const [ failure, setFailure ] = useState( '' );
	const [ busy, setBusy ] = useState( false );
	const [ conflict, setConflict ] = useState< VersionConflict | null >(
		null
	);
	const id = 'handoff-bot-rules-rollback-note';

	const submit = async ( event?: { preventDefault: () => void } ) => {
		event?.preventDefault();
		if ( ! note.trim() ) {
			setError( __( 'Write why you roll back.', 'handoff-bot' ) );
			document.getElementById( id )?.focus();
			return;
		}
		setError( '' );
		setFailure( '' );
		setBusy( true );
		try {
			onDone( await rollbackTo( version, note.trim(), baseVersion ) );
		} catch ( e ) {
			const conflicting = versionConflict( e );
			const found = policyErrors( e );
			if ( conflicting ) {
				setConflict( conflicting );
			} else if ( found.note ) {
				setError( found.note );
			} else {
				setFailure( errorMessage( e ) );
			}
			setBusy( false );
		}
	};

	return (
		<Modal
			title={ sprintf(
				/* translators: %d: version number. */
				__( 'Roll back to version %d', 'handoff-bot' ),
				version
			) }
			onRequestClose={ onClose }
			className="handoff-bot-rules__dialog"
		>
			<form noValidate onSubmit={ submit }>
				<Flex direction="column" gap={ 4 } align="stretch">
					<p>
						{ sprintf(
							/* translators: %d: version number. */
							__(
								'The rules of version %d become active again, as a new version. The history keeps every version.',
								'handoff-bot'
							),
							version
						) }
					</p>
					{ dirty && (
						<Notice status="warning" isDismissible={ false }>
							{ __(
								'Your unsaved edits on this screen are replaced by the rules you roll back to.',
								'handoff-bot'
							) }
						</Notice>
					) }
					{ conflict && (
						<Notice status="warning" isDismissible={ false }>
							<p>{ conflictText( conflict ) }</p>
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
					<TextArea
						id={ id }
						label={ __( 'Change note (required)', 'handoff-bot' ) }
						help={ __(
							'Why you roll back. It stays with the new version in the history.',
							'handoff-bot'
						) }
						rows={ 2 }
						required
						value={ note }
						error={ error }
						onChange={ setNote }
					/>
					<DialogActions
						confirm={ __( 'Roll back', 'handoff-bot' ) }
						busy={ busy }
						disabled={ !! conflict }
						onCancel={ onClose }
					/>
				</Flex>
			</form>
		</Modal>
	);
}
