/**
 * What the Inbox page passes to its script (`window.handoffBotInbox`), with safe defaults when a
 * field is missing.
 */
import type { InboxSettings, SavedReply } from '../../shared/types/inbox';

declare global {
	interface Window {
		handoffBotInbox?: Partial< InboxSettings >;
	}
}

/**
 * The well-formed replies of a list (as the page or the REST route sends them).
 * @param value The list.
 */
export function savedReplies( value: unknown ): SavedReply[] {
	if ( ! Array.isArray( value ) ) {
		return [];
	}
	return value
		.filter(
			( reply ) =>
				!! reply &&
				typeof reply.id === 'string' &&
				typeof reply.title === 'string' &&
				typeof reply.text === 'string'
		)
		.map( ( reply ) => ( {
			id: reply.id,
			title: reply.title,
			text: reply.text,
			team: typeof reply.team === 'string' ? reply.team : '',
			editable: reply.editable !== false,
		} ) );
}

export function readSettings(): InboxSettings {
	const raw =
		( typeof window !== 'undefined' && window.handoffBotInbox ) || {};
	return {
		root: String( raw.root ?? '' ),
		nonce: String( raw.nonce ?? '' ),
		userId: Number( raw.userId ?? 0 ),
		userName: String( raw.userName ?? '' ),
		canManage: raw.canManage === true,
		savedReplies: savedReplies( raw.savedReplies ),
	};
}
