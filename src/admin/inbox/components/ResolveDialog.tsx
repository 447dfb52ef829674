/**
 * Resolving a chat: the outcome, and whether the bot could have answered it (with the topic it
 * should learn), which marks the handoff as an automation candidate.
 */
import {
	CheckboxControl,
	Modal,
	RadioControl,
	TextControl,
} from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

import { resolveHandoff } from '../../../shared/api/inbox';
import type { HandoffSummary, Outcome } from '../../../shared/types/inbox';
import { useSubmit } from '../hooks/use-submit';
import { outcomeOptions } from '../labels';
import DialogButtons from './DialogButtons';

type Props = {
	handoffId: number;
	onClose: () => void;
	onDone: ( summary: HandoffSummary ) => void;
};

export default function ResolveDialog( { handoffId, onClose, onDone }: Props ) {
	const [ outcome, setOutcome ] = useState< Outcome >( 'resolved' );
	const [ botCould, setBotCould ] = useState( false );
	const [ topic, setTopic ] = useState( '' );
	const { busy, error, submit } = useSubmit(
		() =>
			resolveHandoff( handoffId, {
				outcome,
				...( botCould
					? { bot_could_answer: true, topic: topic.trim() }
					: {} ),
			} ),
		onDone
	);
	return (
		<Modal
			title={ __( 'Resolve this chat', 'handoff-bot' ) }
			onRequestClose={ onClose }
		>
			<form
				className="handoff-bot-inbox__dialog"
				onSubmit={ ( event ) => {
					event.preventDefault();
					submit();
				} }
			>
				<RadioControl
					label={ __( 'Outcome', 'handoff-bot' ) }
					selected={ outcome }
					options={ outcomeOptions() }
					onChange={ ( value ) => setOutcome( value as Outcome ) }
				/>
				<CheckboxControl
					__nextHasNoMarginBottom
					label={ __(
						'The bot could have answered this',
						'handoff-bot'
					) }
					checked={ botCould }
					onChange={ setBotCould }
				/>
				{ botCould && (
					<TextControl
						__nextHasNoMarginBottom
						__next40pxDefaultSize
						label={ __(
							'Topic the bot should know',
							'handoff-bot'
						) }
						help={ __(
							'A few words, e.g. “refunds after 30 days”.',
							'handoff-bot'
						) }
						value={ topic }
						onChange={ setTopic }
					/>
				) }
				<DialogButtons
					confirm={ __( 'Resolve', 'handoff-bot' ) }
					busy={ busy }
					error={ error }
					onCancel={ onClose }
				/>
			</form>
		</Modal>
	);
}
