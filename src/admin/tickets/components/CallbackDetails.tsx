/**
 * How to reach a visitor who asked for a callback: the phone, the window and the time zone.
 */
import { __ } from '@wordpress/i18n';

import type { Ticket } from '../../../shared/types/tickets';
import { windowLabel } from '../labels';

export default function CallbackDetails( { ticket }: { ticket: Ticket } ) {
	return (
		<section
			className="handoff-bot-tickets__callback"
			aria-labelledby="handoff-bot-tickets-callback-title"
		>
			<h3 id="handoff-bot-tickets-callback-title">
				{ __( 'Callback request', 'handoff-bot' ) }
			</h3>
			<dl className="handoff-bot-tickets__facts">
				<div>
					<dt>{ __( 'Phone', 'handoff-bot' ) }</dt>
					<dd>
						<a href={ `tel:${ ticket.phone }` }>{ ticket.phone }</a>
					</dd>
				</div>
				<div>
					<dt>{ __( 'Window', 'handoff-bot' ) }</dt>
					<dd>{ windowLabel( ticket.window ) }</dd>
				</div>
				<div>
					<dt>{ __( 'Time zone', 'handoff-bot' ) }</dt>
					<dd>{ ticket.timezone || '—' }</dd>
				</div>
			</dl>
		</section>
	);
}
