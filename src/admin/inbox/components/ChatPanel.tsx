/**
 * The open handoff: its heading and actions, the brief, the transcript and the reply box (once the
 * agent holds it), and the dialogs for transfer, hand-back and resolve.
 */
import { Notice, Spinner } from '@wordpress/components';
import { useEffect, useRef, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

import { errorMessage } from '../../../shared/api';
import { acceptHandoff, alreadyAccepted } from '../../../shared/api/inbox';
import type { HandoffSummary, SavedReply } from '../../../shared/types/inbox';
import { useConversation } from '../hooks/use-conversation';
import Brief from './Brief';
import ChatHeader, { type ChatAction } from './ChatHeader';
import Composer from './Composer';
import HandBackDialog from './HandBackDialog';
import ResolveDialog from './ResolveDialog';
import Transcript from './Transcript';
import TransferDialog from './TransferDialog';

export type AcceptRequest = { id: number; n: number } | null;

type Props = {
	handoffId: number;
	userId: number;
	savedReplies: SavedReply[];
	/** Set by the list's Accept action. */
	acceptRequest: AcceptRequest;
	onAccepted: () => void;
	onChanged: () => void;
	onBack: () => void;
};

type Message = { status: 'success' | 'warning' | 'error'; text: string };

/** Where the focus goes once the panel shows a step's result. */
type Focus = 'composer' | 'heading' | null;

function doneText( action: ChatAction ): string {
	switch ( action ) {
		case 'transfer':
			return __( 'Transferred.', 'handoff-bot' );
		case 'hand-back':
			return __( 'Handed back to the bot.', 'handoff-bot' );
		default:
			return __( 'Resolved.', 'handoff-bot' );
	}
}

export default function ChatPanel( {
	handoffId,
	userId,
	savedReplies,
	acceptRequest,
	onAccepted,
	onChanged,
	onBack,
}: Props ) {
	const conversation = useConversation( handoffId );
	const { detail } = conversation;
	const [ dialog, setDialog ] = useState< ChatAction | null >( null );
	const [ notice, setNotice ] = useState< Message | null >( null );
	const [ accepting, setAccepting ] = useState( false );
	const [ focus, setFocus ] = useState< Focus >( null );
	const panel = useRef< HTMLDivElement >( null );

	// A step removes the button that started it (Accept, Resolve…): the focus goes on to the reply
	// box once the chat is the agent's, else to the chat's heading, never back to the page's start.
	useEffect( () => {
		if ( ! focus || ! detail ) {
			return;
		}
		const target =
			( focus === 'composer' &&
				panel.current?.querySelector< HTMLElement >(
					'.handoff-bot-inbox__composer textarea'
				) ) ||
			panel.current?.querySelector< HTMLElement >(
				'.handoff-bot-inbox__chat-title h2'
			);
		target?.focus();
		setFocus( null );
	}, [ focus, detail ] );

	useEffect( () => {
		setNotice( null );
		setDialog( null );
	}, [ handoffId ] );

	const accept = async () => {
		setAccepting( true );
		setNotice( null );
		try {
			conversation.replace( await acceptHandoff( handoffId ) );
			setFocus( 'composer' );
			onAccepted();
		} catch ( caught ) {
			const held = alreadyAccepted( caught );
			setNotice( {
				status: held ? 'warning' : 'error',
				text: held ?? errorMessage( caught ),
			} );
			conversation.reload();
			setFocus( 'heading' );
			onChanged();
		} finally {
			setAccepting( false );
		}
	};

	useEffect( () => {
		if ( acceptRequest && acceptRequest.id === handoffId ) {
			accept();
		}
		// Only a new request from the list accepts.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [ acceptRequest ] );

	const finish = ( action: ChatAction ) => ( summary: HandoffSummary ) => {
		conversation.update( summary );
		setDialog( null );
		setNotice( { status: 'success', text: doneText( action ) } );
		setFocus( 'heading' );
		onChanged();
	};

	if ( ! detail ) {
		return (
			<div className="handoff-bot-inbox__detail">
				{ conversation.error ? (
					<Notice status="error" isDismissible={ false }>
						{ conversation.error }
					</Notice>
				) : (
					<Spinner />
				) }
			</div>
		);
	}

	const mine = detail.status === 'accepted' && detail.agent?.id === userId;

	return (
		<div className="handoff-bot-inbox__detail" ref={ panel }>
			<ChatHeader
				handoff={ detail }
				mine={ mine }
				accepting={ accepting }
				onAccept={ accept }
				onAction={ setDialog }
				onBack={ onBack }
			/>
			{ notice && (
				<Notice
					status={ notice.status }
					onRemove={ () => setNotice( null ) }
				>
					{ notice.text }
				</Notice>
			) }
			{ conversation.pollError && (
				<Notice status="warning" isDismissible={ false }>
					{ conversation.pollError }
				</Notice>
			) }
			<div className="handoff-bot-inbox__conversation">
				<Brief handoff={ detail } />
				<div className="handoff-bot-inbox__thread">
					<Transcript messages={ detail.messages } />
					{ mine && (
						<Composer
							handoffId={ detail.id }
							team={ detail.team }
							savedReplies={ savedReplies }
							onSent={ conversation.append }
						/>
					) }
				</div>
			</div>
			{ dialog === 'transfer' && (
				<TransferDialog
					handoffId={ detail.id }
					userId={ userId }
					onClose={ () => setDialog( null ) }
					onDone={ finish( 'transfer' ) }
				/>
			) }
			{ dialog === 'hand-back' && (
				<HandBackDialog
					handoffId={ detail.id }
					onClose={ () => setDialog( null ) }
					onDone={ finish( 'hand-back' ) }
				/>
			) }
			{ dialog === 'resolve' && (
				<ResolveDialog
					handoffId={ detail.id }
					onClose={ () => setDialog( null ) }
					onDone={ finish( 'resolve' ) }
				/>
			) }
		</div>
	);
}
