/**
 * Handing the chat back to the bot, with an optional note for the record.
 */
import { Modal, TextareaControl } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

import { handBack } from '../../../shared/api/inbox';
import type { HandoffSummary } from '../../../shared/types/inbox';
import { useSubmit } from '../hooks/use-submit';
import DialogButtons from './DialogButtons';

type Props = {
	handoffId: number;
	onClose: () => void;
	onDone: ( summary: HandoffSummary ) => void;
};

export default function HandBackDialog( {
	handoffId,
	onClose,
	onDone,
}: Props ) {
	const [ note, setNote ] = useState( '' );
	const { busy, error, submit } = useSubmit(
		() => handBack( handoffId, note.trim() ),
		onDone
	);
	return (
		<Modal
			title={ __( 'Hand back to the bot', 'handoff-bot' ) }
			onRequestClose={ onClose }
		>
			<form
				className="handoff-bot-inbox__dialog"
				onSubmit={ ( event ) => {
					event.preventDefault();
					submit();
				} }
			>
				<p>
					{ __(
						'The bot answers the visitor again, and the visitor is told.',
						'handoff-bot'
					) }
				</p>
				<TextareaControl
					__nextHasNoMarginBottom
					label={ __( 'Note (optional)', 'handoff-bot' ) }
					value={ note }
					onChange={ setNote }
				/>
				<DialogButtons
					confirm={ __( 'Hand back', 'handoff-bot' ) }
					busy={ busy }
					error={ error }
					onCancel={ onClose }
				/>
			</form>
		</Modal>
	);
}
