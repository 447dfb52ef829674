/**
 * Asks before a step that cannot be undone (deleting a connection, rotating a secret), with an
 * optional change note for the version it makes. A refusal is shown in the dialog.
 */
import { Modal, Notice } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

import { errorMessage } from '../../../shared/api';
import DialogActions from '../../../shared/components/DialogActions';
import TextArea from './TextArea';

type Props = {
	title: string;
	text: string;
	confirm: string;
	onConfirm: ( note: string ) => Promise< unknown >;
	onClose: () => void;
};

export default function ConfirmDialog( {
	title,
	text,
	confirm,
	onConfirm,
	onClose,
}: Props ) {
	const [ note, setNote ] = useState( '' );
	const [ busy, setBusy ] = useState( false );
	const [ failure, setFailure ] = useState( '' );

	return (
		<Modal
			title={ title }
			onRequestClose={ onClose }
			className="handoff-bot-connections__dialog"
		>
			<form
				onSubmit={ ( event ) => {
					event.preventDefault();
					setBusy( true );
					setFailure( '' );
					onConfirm( note.trim() ).catch( ( error ) => {
						setBusy( false );
						setFailure( errorMessage( error ) );
					} );
				} }
			>
				<p>{ text }</p>
				{ failure && (
					<Notice status="error" isDismissible={ false }>
						{ failure }
					</Notice>
				) }
				<TextArea
					id="handoff-bot-connections-confirm-note"
					label={ __( 'Change note (optional)', 'handoff-bot' ) }
					help={ __(
						'Kept with the version this change makes, for the report. Left empty, it says what changed.',
						'handoff-bot'
					) }
					value={ note }
					onChange={ setNote }
				/>
				<DialogActions
					confirm={ confirm }
					busy={ busy }
					onCancel={ onClose }
				/>
			</form>
		</Modal>
	);
}
