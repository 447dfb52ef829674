/**
 * One message of the transcript: who wrote it and when, its text, and for the bot's answers the
 * confidence and the sources it cited. Internal notes are marked so nobody mistakes them for
 * something the visitor saw.
 */
import { __, sprintf } from '@wordpress/i18n';

import type { InboxMessage } from '../../../shared/types/inbox';
import { formatTime, percent } from '../labels';
import SourceList from './SourceList';

type Props = { message: InboxMessage };

function author( message: InboxMessage ): string {
	switch ( message.role ) {
		case 'visitor':
			return __( 'Visitor', 'handoff-bot' );
		case 'bot':
			return __( 'Bot', 'handoff-bot' );
		case 'system':
			return '';
		default:
			return message.author?.name ?? __( 'Agent', 'handoff-bot' );
	}
}

export default function MessageItem( { message }: Props ) {
	const who = author( message );
	return (
		<li
			className={ `handoff-bot-inbox__message is-${ message.role }` }
			data-role={ message.role }
		>
			<div className="handoff-bot-inbox__message-meta">
				{ who && <strong>{ who }</strong> }
				{ message.role === 'note' && (
					<span className="handoff-bot-inbox__badge">
						{ __( 'Internal note', 'handoff-bot' ) }
					</span>
				) }
				<time dateTime={ message.created_at }>
					{ formatTime( message.created_at ) }
				</time>
			</div>
			<div className="handoff-bot-inbox__message-body">
				{ message.body }
			</div>
			{ message.role === 'bot' &&
				typeof message.confidence === 'number' && (
					<p className="handoff-bot-inbox__muted">
						{ sprintf(
							/* translators: %s: confidence as a percentage. */
							__( 'Confidence %s', 'handoff-bot' ),
							percent( message.confidence )
						) }
					</p>
				) }
			{ message.citations && (
				<SourceList
					compact
					title={ __( 'Sources:', 'handoff-bot' ) }
					sources={ message.citations }
				/>
			) }
		</li>
	);
}
