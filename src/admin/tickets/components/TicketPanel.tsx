/**
 * The open ticket: who and how to reach them, its controls, the same brief as a live handoff,
 * the conversation, an internal note, a reply by email, and its history. While a reply's email
 * waits to go out, the panel reads the ticket again every few seconds to show when it was sent
 * (or that it failed).
 */
import { Button, Notice, Spinner } from '@wordpress/components';
import { useCallback, useEffect, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import { errorMessage } from '../../../shared/api';
import { addNote, getTicket, sendReply } from '../../../shared/api/tickets';
import type { HandoffDetail } from '../../../shared/types/inbox';
import type { TicketDetail } from '../../../shared/types/tickets';
import Brief from '../../inbox/components/Brief';
import { formatTime } from '../../inbox/labels';
import { statusLabel } from '../labels';
import CallbackDetails from './CallbackDetails';
import Composer from './Composer';
import TicketActions from './TicketActions';
import TicketHistory from './TicketHistory';
import TicketTranscript from './TicketTranscript';

type Option = { value: string; label: string };

type Props = {
	id: number;
	teams: Option[];
	agents: Option[];
	onChanged: () => void;
	onClose: () => void;
	/** How often to read a ticket whose reply is still being emailed, in ms. */
	pollEvery?: number;
};

/**
 * The ticket in the shape the inbox's brief reads (a handoff with its brief).
 * @param ticket The ticket.
 */
function asHandoff( ticket: TicketDetail ): HandoffDetail {
	return {
		id: ticket.id,
		conversation_id: ticket.conversation_id,
		status: ticket.status === 'closed' ? 'resolved' : 'queued',
		reason: ticket.reason,
		trigger: ticket.trigger,
		route: ticket.route,
		route_reason: ticket.route_reason,
		team: ticket.team,
		intent: ticket.intent,
		intent_label: ticket.intent_label,
		agent: ticket.assigned_to,
		headline: ticket.headline,
		language: ticket.language,
		waiting_seconds: 0,
		requested_at: ticket.requested_at,
		accepted_at: null,
		resolved_at: ticket.resolved_at,
		outcome: ticket.outcome,
		unread: 0,
		context: ticket.context,
		messages: ticket.messages,
		cursor: ticket.cursor,
	};
}

function sending( ticket: TicketDetail | null ): boolean {
	return !! ticket?.messages.some(
		( message ) =>
			message.email?.status === 'queued' ||
			message.email?.status === 'retrying'
	);
}

export default function TicketPanel( {
	id,
	teams,
	agents,
	onChanged,
	onClose,
	pollEvery = 5000,
}: Props ) {
	const [ ticket, setTicket ] = useState< TicketDetail | null >( null );
	const [ error, setError ] = useState( '' );

	const load = useCallback( async () => {
		try {
			setTicket( await getTicket( id ) );
			setError( '' );
		} catch ( failure ) {
			setError( errorMessage( failure ) );
		}
	}, [ id ] );

	useEffect( () => {
		setTicket( null );
		load();
	}, [ load ] );

	const waiting = sending( ticket );
	useEffect( () => {
		if ( ! waiting ) {
			return;
		}
		const timer = setInterval( load, pollEvery );
		return () => clearInterval( timer );
	}, [ waiting, load, pollEvery ] );

	const changed = useCallback(
		( fresh: TicketDetail ) => {
			setTicket( fresh );
			onChanged();
		},
		[ onChanged ]
	);

	if ( error && ! ticket ) {
		return (
			<Notice status="error" isDismissible={ false }>
				{ error }
			</Notice>
		);
	}
	if ( ! ticket ) {
		return <Spinner />;
	}
	const email = ticket.email;
	return (
		<article
			className="handoff-bot-tickets__panel"
			aria-labelledby="handoff-bot-tickets-panel-title"
		>
			<header className="handoff-bot-tickets__panel-header">
				<h2 id="handoff-bot-tickets-panel-title">
					{ sprintf(
						/* translators: 1: reference such as HB-00042, 2: the visitor's name. */
						__( '%1$s from %2$s', 'handoff-bot' ),
						ticket.reference,
						ticket.name || __( 'a visitor', 'handoff-bot' )
					) }
				</h2>
				<p>
					{ statusLabel( ticket.status ) }
					{ ' · ' }
					{ email || __( 'No email address', 'handoff-bot' ) }
					{ ' · ' }
					<time dateTime={ ticket.created_at }>
						{ formatTime( ticket.created_at ) }
					</time>
				</p>
				<Button variant="tertiary" onClick={ onClose }>
					{ __( 'Back to the list', 'handoff-bot' ) }
				</Button>
			</header>
			{ error && (
				<Notice status="error" isDismissible={ false }>
					{ error }
				</Notice>
			) }
			{ ticket.callback && <CallbackDetails ticket={ ticket } /> }
			<TicketActions
				ticket={ ticket }
				teams={ teams }
				agents={ agents }
				onChanged={ changed }
			/>
			<div className="handoff-bot-tickets__columns">
				<div>
					<TicketTranscript messages={ ticket.messages } />
					<Composer
						id={ `handoff-bot-tickets-note-${ ticket.id }` }
						label={ __( 'Internal note', 'handoff-bot' ) }
						help={ __(
							'Only your team sees notes.',
							'handoff-bot'
						) }
						action={ __( 'Add note', 'handoff-bot' ) }
						onSend={ async ( body, key ) => {
							await addNote( ticket.id, body, key );
							await load();
						} }
					/>
					{ ticket.status !== 'closed' && (
						<Composer
							id={ `handoff-bot-tickets-reply-${ ticket.id }` }
							label={ __( 'Reply by email', 'handoff-bot' ) }
							help={
								email
									? sprintf(
											/* translators: %s: email address. */
											__(
												'Sent to %s; their answer comes to your team’s inbox.',
												'handoff-bot'
											),
											email
										)
									: __(
											'This visitor left no email address: call them back instead.',
											'handoff-bot'
										)
							}
							action={ __( 'Send reply', 'handoff-bot' ) }
							disabled={ ! email }
							onSend={ async ( body, key ) => {
								await sendReply( ticket.id, body, key );
								await load();
								onChanged();
							} }
						/>
					) }
				</div>
				<div>
					<Brief handoff={ asHandoff( ticket ) } />
					<TicketHistory events={ ticket.history } />
				</div>
			</div>
		</article>
	);
}
