/**
 * What happened to the ticket, oldest first.
 */
import { __ } from '@wordpress/i18n';

import type { TicketEvent } from '../../../shared/types/tickets';
import { formatTime } from '../../inbox/labels';
import { eventLabel } from '../labels';

export default function TicketHistory( { events }: { events: TicketEvent[] } ) {
	return (
		<section
			className="handoff-bot-tickets__history"
			aria-labelledby="handoff-bot-tickets-history-title"
		>
			<h3 id="handoff-bot-tickets-history-title">
				{ __( 'History', 'handoff-bot' ) }
			</h3>
			<ol>
				{ events.map( ( event ) => (
					<li key={ event.id }>
						<time dateTime={ event.created_at }>
							{ formatTime( event.created_at ) }
						</time>{ ' ' }
						{ eventLabel( event ) }
					</li>
				) ) }
			</ol>
		</section>
	);
}
