/**
 * The conversation, oldest first: the visitor, the bot, agents' replies (with where their email
 * stands) and internal notes, marked so nobody takes them for something the visitor saw.
 */
import { __ } from '@wordpress/i18n';

import type { TicketMessage } from '../../../shared/types/tickets';
import { formatTime } from '../../inbox/labels';
import { emailLabel } from '../labels';

function author( message: TicketMessage ): string {
	switch ( message.role ) {
		case 'visitor':
			return __( 'Visitor', 'handoff-bot' );
		case 'bot':
			return __( 'Bot', 'handoff-bot' );
		case 'system':
			return __( 'Notice', 'handoff-bot' );
		default:
			return message.author?.name ?? __( 'Agent', 'handoff-bot' );
	}
}

export default function TicketTranscript( {
	messages,
}: {
	messages: TicketMessage[];
} ) {
	return (
		<section
			className="handoff-bot-tickets__transcript"
			aria-labelledby="handoff-bot-tickets-transcript-title"
		>
			<h3 id="handoff-bot-tickets-transcript-title">
				{ __( 'Conversation', 'handoff-bot' ) }
			</h3>
			<ol className="handoff-bot-tickets__messages">
				{ messages.map( ( message ) => (
					<li
						key={ message.id }
						className={ `handoff-bot-tickets__message is-${ message.role }` }
						data-role={ message.role }
					>
						<div className="handoff-bot-tickets__message-meta">
							<strong>{ author( message ) }</strong>
							{ message.role === 'note' && (
								<span className="handoff-bot-tickets__badge">
									{ __( 'Internal note', 'handoff-bot' ) }
								</span>
							) }
							<time dateTime={ message.created_at }>
								{ formatTime( message.created_at ) }
							</time>
						</div>
						<div className="handoff-bot-tickets__message-body">
							{ message.body }
						</div>
						{ message.email && (
							<p
								className={ `handoff-bot-tickets__email is-${ message.email.status }` }
							>
								{ emailLabel( message.email ) }
							</p>
						) }
					</li>
				) ) }
			</ol>
		</section>
	);
}
