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

function replies( value: unknown ): SavedReply[] {
	if ( ! Array.isArray( value ) ) {
		return [];
	}
	return value.filter(
		( reply ): reply is SavedReply =>
			!! reply &&
			typeof reply.title === 'string' &&
			typeof reply.body === 'string'
	);
}

export function readSettings(): InboxSettings {
	const raw =
		( typeof window !== 'undefined' && window.handoffBotInbox ) || {};
	return {
		root: String( raw.root ?? '' ),
		nonce: String( raw.nonce ?? '' ),
		userId: Number( raw.userId ?? 0 ),
		userName: String( raw.userName ?? '' ),
		savedReplies: replies( raw.savedReplies ),
	};
}
