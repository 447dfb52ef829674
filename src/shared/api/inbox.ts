/**
 * REST client for the agent inbox: the handoff lists, one handoff with its brief and transcript,
 * the agent's actions on it, and the agent's presence. Errors are what apiFetch throws
 * (`{ code, message, data }`).
 */
import apiFetch from '@wordpress/api-fetch';
import { __, sprintf } from '@wordpress/i18n';

import { getPage } from './paged';
import type {
	HandoffDetail,
	HandoffFilters,
	HandoffSummary,
	InboxMessage,
	InboxView,
	MessagesPage,
	Person,
	Presence,
	PresenceStatus,
	ResolveRequest,
	TransferRequest,
	TransferTargets,
} from '../types/inbox';

const HANDOFFS = '/handoff-bot/v1/handoffs';
const PRESENCE = '/handoff-bot/v1/agents/me/presence';

/**
 * One page of a list (the queue, mine, or recently closed) and how many handoffs it holds.
 * @param view    Which list.
 * @param filters Team, reason and intent.
 * @param page    Page number, from 1.
 * @param perPage Handoffs per page.
 */
export async function getHandoffs(
	view: InboxView,
	filters: HandoffFilters = {},
	page = 1,
	perPage = 50
): Promise< { handoffs: HandoffSummary[]; total: number } > {
	const query = new URLSearchParams( { view } );
	for ( const [ name, value ] of Object.entries( filters ) ) {
		if ( value ) {
			query.set( name, value );
		}
	}
	query.set( 'page', String( page ) );
	query.set( 'per_page', String( perPage ) );
	const { items, total } = await getPage< HandoffSummary >(
		`${ HANDOFFS }?${ query.toString() }`
	);
	return { handoffs: items, total };
}

export function getHandoff( id: number ): Promise< HandoffDetail > {
	return apiFetch< HandoffDetail >( { path: `${ HANDOFFS }/${ id }` } );
}

export function getMessages(
	id: number,
	after: number
): Promise< MessagesPage > {
	return apiFetch< MessagesPage >( {
		path: `${ HANDOFFS }/${ id }/messages?after=${ after }`,
	} );
}

export function acceptHandoff( id: number ): Promise< HandoffDetail > {
	return apiFetch< HandoffDetail >( {
		path: `${ HANDOFFS }/${ id }/accept`,
		method: 'POST',
	} );
}

/**
 * Sends a reply to the visitor, or an internal note the visitor never sees.
 * @param id             The handoff.
 * @param body           The text.
 * @param internal       Whether it is an internal note.
 * @param idempotencyKey The same key for a retry of the same message.
 */
export function sendMessage(
	id: number,
	body: string,
	internal: boolean,
	idempotencyKey: string
): Promise< InboxMessage > {
	return apiFetch< InboxMessage >( {
		path: `${ HANDOFFS }/${ id }/messages`,
		method: 'POST',
		data: { body, internal, idempotency_key: idempotencyKey },
	} );
}

/**
 * Tells the visitor the agent is typing (they see it for a few seconds).
 * @param id The handoff.
 */
export function sendTyping( id: number ): Promise< { typing: boolean } > {
	return apiFetch< { typing: boolean } >( {
		path: `${ HANDOFFS }/${ id }/typing`,
		method: 'POST',
	} );
}

export function transferHandoff(
	id: number,
	request: TransferRequest
): Promise< HandoffSummary > {
	return apiFetch< HandoffSummary >( {
		path: `${ HANDOFFS }/${ id }/transfer`,
		method: 'POST',
		data: request,
	} );
}

export function handBack( id: number, note = '' ): Promise< HandoffSummary > {
	return apiFetch< HandoffSummary >( {
		path: `${ HANDOFFS }/${ id }/hand-back`,
		method: 'POST',
		data: note ? { note } : {},
	} );
}

export function resolveHandoff(
	id: number,
	request: ResolveRequest
): Promise< HandoffSummary > {
	return apiFetch< HandoffSummary >( {
		path: `${ HANDOFFS }/${ id }/resolve`,
		method: 'POST',
		data: request,
	} );
}

export function getTransferTargets(): Promise< TransferTargets > {
	return apiFetch< TransferTargets >( { path: `${ HANDOFFS }/teams` } );
}

export function getPresence(): Promise< Presence > {
	return apiFetch< Presence >( { path: PRESENCE } );
}

/**
 * The heartbeat, with the status when the agent switches it.
 * @param status Available or away; omitted keeps the current one.
 */
export function sendPresence( status?: PresenceStatus ): Promise< Presence > {
	return apiFetch< Presence >( {
		path: PRESENCE,
		method: 'POST',
		data: status ? { status } : {},
	} );
}

type Refusal = {
	code?: unknown;
	message?: unknown;
	data?: { agent?: Partial< Person > | null };
};

/**
 * What to tell the agent when an accept was refused because someone else already holds the
 * handoff (`409 handoff_bot_already_accepted`): the server's message, which names who; null for
 * any other error.
 * @param error What apiFetch threw.
 */
export function alreadyAccepted( error: unknown ): string | null {
	const refusal = error as Refusal | null;
	if (
		! refusal ||
		typeof refusal !== 'object' ||
		refusal.code !== 'handoff_bot_already_accepted'
	) {
		return null;
	}
	if ( typeof refusal.message === 'string' && refusal.message ) {
		return refusal.message;
	}
	const name = refusal.data?.agent?.name;
	return name
		? sprintf(
				/* translators: %s: the agent's name. */
				__( '%s is already helping this visitor.', 'handoff-bot' ),
				name
			)
		: __( 'Another agent is already helping this visitor.', 'handoff-bot' );
}
