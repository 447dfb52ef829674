/**
 * Saving the hours and teams as a new version: a change note (required) and the expected impact,
 * then the save, made from the version the screen loaded. A save someone else made first (409)
 * is named, with a way to load it; refused fields (400) go back to the screen, each error at its
 * field, and the edits stay.
 */
import { Button, Flex, Modal, Notice } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import { errorMessage } from '../../../shared/api';
import {
	availabilityErrors,
	saveAvailability,
} from '../../../shared/api/availability';
import { versionConflict } from '../../../shared/api/rules';
import type {
	Availability,
	AvailabilityErrors,
	SavedAvailability,
} from '../../../shared/types/availability';
import type { VersionConflict } from '../../../shared/types/rules';
import { hasFieldErrors } from '../errors';
import DialogActions from '../../../shared/components/DialogActions';
import TextArea from './TextArea';

type Props = {
	availability: Availability;
	baseVersion: number;
	onClose: () => void;
	onSaved: ( saved: SavedAvailability ) => void;
	onInvalid: ( errors: AvailabilityErrors ) => void;
	onReload: () => void;
};

const NOTE = 'handoff-bot-hours-note';
const IMPACT = 'handoff-bot-hours-impact';

export function conflictText( conflict: VersionConflict ): string {
	return conflict.author
		? sprintf(
				/* translators: 1: version number, 2: user name. */
				__(
					'Version %1$d was saved by %2$s after you opened this screen. Nothing was saved, so as not to overwrite it.',
					'handoff-bot'
				),
				conflict.current_version,
				conflict.author.name
			)
		: sprintf(
				/* translators: %d: version number. */
				__(
					'Version %d was saved after you opened this screen. Nothing was saved, so as not to overwrite it.',
					'handoff-bot'
				),
				conflict.current_version
			);
}

export default function SaveDialog( {
	availability,
	baseVersion,
	onClose,
	onSaved,
	onInvalid,
	onReload,
}: Props ) {
	const [ note, setNote ] = useState( '' );
	const [ impact, setImpact ] = useState( '' );
	const [ errors, setErrors ] = useState< AvailabilityErrors >( {} );
	const [ saving, setSaving ] = useState( false );
	const [ failure, setFailure ] = useState( '' );
	const [ conflict, setConflict ] = useState< VersionConflict | null >(
		null
	);

	const save = async ( event?: { preventDefault: () => void } ) => {
		event?.preventDefault();
		if ( ! note.trim() ) {
			setErrors( {
				note: __( 'Write what you changed and why.', 'handoff-bot' ),
			} );
			document.getElementById( NOTE )?.focus();
			return;
		}
		setErrors( {} );
		setSaving( true );
		setFailure( '' );
		try {
			onSaved(
				await saveAvailability( {
					availability,
					note: note.trim(),
					expected_impact: impact.trim(),
					base_version: baseVersion,
				} )
			);
		} catch ( error ) {
			const found = availabilityErrors( error );
			const conflicting = versionConflict( error );
			if ( conflicting ) {
				setConflict( conflicting );
			} else if ( hasFieldErrors( found ) ) {
				onInvalid( found );
				return;
			} else if ( Object.keys( found ).length ) {
				setErrors( found );
				document.getElementById( found.note ? NOTE : IMPACT )?.focus();
			} else {
				setFailure( errorMessage( error ) );
			}
			setSaving( false );
		}
	};

	return (
		<Modal
			title={ __( 'Save the hours and teams', 'handoff-bot' ) }
			onRequestClose={ onClose }
			className="handoff-bot-hours__dialog"
		>
			<form noValidate onSubmit={ save }>
				<Flex direction="column" gap={ 4 } align="stretch">
					{ conflict && (
						<Notice status="warning" isDismissible={ false }>
							<p>{ conflictText( conflict ) }</p>
							<p>
								{ __(
									'Load the newest version to go on from it (your edits here are lost), or close this window to keep your edits on screen.',
									'handoff-bot'
								) }
							</p>
							<Button
								__next40pxDefaultSize
								variant="secondary"
								onClick={ onReload }
							>
								{ __(
									'Load the newest version',
									'handoff-bot'
								) }
							</Button>
						</Notice>
					) }
					{ failure && (
						<Notice status="error" isDismissible={ false }>
							{ failure }
						</Notice>
					) }
					<TextArea
						id={ NOTE }
						label={ __( 'Change note (required)', 'handoff-bot' ) }
						help={ __(
							'What you changed and why. It stays with this version, and reports split by version.',
							'handoff-bot'
						) }
						required
						value={ note }
						error={ errors.note }
						onChange={ setNote }
					/>
					<TextArea
						id={ IMPACT }
						label={ __( 'Expected impact', 'handoff-bot' ) }
						help={ __(
							'What you expect to change, such as “fewer tickets on Saturdays”.',
							'handoff-bot'
						) }
						value={ impact }
						error={ errors.expected_impact }
						onChange={ setImpact }
					/>
					<DialogActions
						confirm={ __( 'Save', 'handoff-bot' ) }
						busy={ saving }
						disabled={ !! conflict }
						onCancel={ onClose }
					/>
				</Flex>
			</form>
		</Modal>
	);
}
