/**
 * A conversation behind a figure, as agents see it: the brief (what the bot knew and why it
 * handed off) beside the transcript, read from the handoff the inbox reads, with a link opening
 * it in the inbox.
 */
import { Button, Notice, Spinner } from '@wordpress/components';
import { useEffect, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import { errorMessage } from '../../../shared/api';
import { getHandoff } from '../../../shared/api/inbox';
import type { HandoffDetail } from '../../../shared/types/inbox';
import Brief from '../../inbox/components/Brief';
import { inboxLink } from '../../inbox/links';
import Transcript from '../../inbox/components/Transcript';

type Props = { handoffId: number; onClose: () => void };

export default function ConversationPanel( { handoffId, onClose }: Props ) {
	const [ detail, setDetail ] = useState< HandoffDetail | null >( null );
	const [ error, setError ] = useState( '' );
	useEffect( () => {
		let live = true;
		setDetail( null );
		setError( '' );
		getHandoff( handoffId ).then(
			( found ) => live && setDetail( found ),
			( caught ) => live && setError( errorMessage( caught ) )
		);
		return () => {
			live = false;
		};
	}, [ handoffId ] );

	const title = detail
		? sprintf(
				/* translators: %d: conversation number. */
				__( 'Conversation %d', 'handoff-bot' ),
				detail.conversation_id
			)
		: __( 'Conversation', 'handoff-bot' );
	return (
		<article
			className="handoff-bot-report__conversation"
			aria-label={ title }
		>
			<div className="handoff-bot-report__block-head">
				<h2>{ title }</h2>
				<Button variant="secondary" href={ inboxLink( handoffId ) }>
					{ __( 'Open in inbox', 'handoff-bot' ) }
				</Button>
				<Button variant="tertiary" onClick={ onClose }>
					{ __( 'Back to the list', 'handoff-bot' ) }
				</Button>
			</div>
			{ error && (
				<Notice status="error" isDismissible={ false }>
					{ error }
				</Notice>
			) }
			{ ! detail && ! error && <Spinner /> }
			{ detail && (
				<div className="handoff-bot-report__conversation-body">
					<Transcript messages={ detail.messages } />
					<Brief handoff={ detail } />
				</div>
			) }
		</article>
	);
}
