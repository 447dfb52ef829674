/**
 * Pure helpers for a chat's transcript.
 */
import type { InboxMessage } from '../../shared/types/inbox';

/**
 * The transcript with new messages added once each (a poll may return a message the agent just
 * sent), in the order the server numbered them.
 * @param current  Messages shown.
 * @param incoming Messages received.
 */
export function mergeMessages(
	current: InboxMessage[],
	incoming: InboxMessage[]
): InboxMessage[] {
	if ( ! incoming.length ) {
		return current;
	}
	const byId = new Map< number, InboxMessage >();
	for ( const message of [ ...current, ...incoming ] ) {
		byId.set( message.id, message );
	}
	return Array.from( byId.values() ).sort( ( a, b ) => a.id - b.id );
}

/**
 * A key the server uses to store a message once, even when a retry sends it again.
 */
export function newIdempotencyKey(): string {
	const crypto = globalThis.crypto;
	if ( crypto && typeof crypto.randomUUID === 'function' ) {
		return crypto.randomUUID();
	}
	return `${ Date.now().toString( 36 ) }-${ Math.random()
		.toString( 36 )
		.slice( 2 ) }`;
}
