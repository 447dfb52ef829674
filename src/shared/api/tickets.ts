/**
 * REST client for the Tickets screen: the lists (open, pending, closed; callbacks), one ticket
 * with its brief, transcript and history, and the agent's steps on it. Errors are what apiFetch
 * throws (`{ code, message, data }`).
 */
import apiFetch from '@wordpress/api-fetch';

import { getPage } from './paged';
import type {
	CloseRequest,
	Ticket,
	TicketDetail,
	TicketFilters,
	TicketListStatus,
	TicketMessage,
} from '../types/tickets';

const TICKETS = '/handoff-bot/v1/tickets';

/**
 * One page of a list and how many tickets it holds in all.
 * @param filters Status, route, team, assignee and words.
 * @param page    Page number, from 1.
 * @param perPage Tickets per page.
 */
export async function getTickets(
	filters: TicketFilters,
	page = 1,
	perPage = 50
): Promise< { tickets: Ticket[]; total: number } > {
	const query = new URLSearchParams();
	for ( const [ name, value ] of Object.entries( filters ) ) {
		if ( value !== undefined && value !== '' ) {
			query.set( name, String( value ) );
		}
	}
	query.set( 'page', String( page ) );
	query.set( 'per_page', String( perPage ) );
	const { items, total } = await getPage< Ticket >(
		`${ TICKETS }?${ query.toString() }`
	);
	return { tickets: items, total };
}

export function getTicket( id: number ): Promise< TicketDetail > {
	return apiFetch< TicketDetail >( { path: `${ TICKETS }/${ id }` } );
}

/**
 * An internal note (the visitor never sees it).
 * @param id             The ticket.
 * @param body           The text.
 * @param idempotencyKey The same key for a retry of the same note.
 */
export function addNote(
	id: number,
	body: string,
	idempotencyKey: string
): Promise< TicketMessage > {
	return apiFetch< TicketMessage >( {
		path: `${ TICKETS }/${ id }/notes`,
		method: 'POST',
		data: { body, idempotency_key: idempotencyKey },
	} );
}

/**
 * A reply the visitor gets by email (and that stays in the conversation).
 * @param id             The ticket.
 * @param body           The text.
 * @param idempotencyKey The same key for a retry of the same reply: it is emailed once.
 */
export function sendReply(
	id: number,
	body: string,
	idempotencyKey: string
): Promise< TicketMessage > {
	return apiFetch< TicketMessage >( {
		path: `${ TICKETS }/${ id }/replies`,
		method: 'POST',
		data: { body, idempotency_key: idempotencyKey },
	} );
}

export function setTicketStatus(
	id: number,
	status: Exclude< TicketListStatus, 'closed' >
): Promise< TicketDetail > {
	return apiFetch< TicketDetail >( {
		path: `${ TICKETS }/${ id }/status`,
		method: 'POST',
		data: { status },
	} );
}

export function assignTicket(
	id: number,
	request: { team?: string; agent_id?: number }
): Promise< TicketDetail > {
	return apiFetch< TicketDetail >( {
		path: `${ TICKETS }/${ id }/assign`,
		method: 'POST',
		data: request,
	} );
}

export function closeTicket(
	id: number,
	request: CloseRequest
): Promise< TicketDetail > {
	return apiFetch< TicketDetail >( {
		path: `${ TICKETS }/${ id }/close`,
		method: 'POST',
		data: request,
	} );
}
