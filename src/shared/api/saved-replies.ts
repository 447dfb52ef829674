/**
 * REST client for the inbox's saved replies: agents read them; people who manage the plugin add,
 * change and delete them. Errors are what apiFetch throws (`{ code, message, data }`).
 */
import apiFetch from '@wordpress/api-fetch';

import type {
	SavedReply,
	SavedReplyErrors,
	SavedReplyInput,
} from '../types/inbox';

const SAVED_REPLIES = '/handoff-bot/v1/saved-replies';

export function getSavedReplies(): Promise< SavedReply[] > {
	return apiFetch< SavedReply[] >( { path: SAVED_REPLIES } );
}

export function createSavedReply(
	reply: SavedReplyInput
): Promise< SavedReply > {
	return apiFetch< SavedReply >( {
		path: SAVED_REPLIES,
		method: 'POST',
		data: reply,
	} );
}

export function updateSavedReply(
	id: string,
	reply: SavedReplyInput
): Promise< SavedReply > {
	return apiFetch< SavedReply >( {
		path: `${ SAVED_REPLIES }/${ encodeURIComponent( id ) }`,
		method: 'PUT',
		data: reply,
	} );
}

export function deleteSavedReply(
	id: string
): Promise< { deleted: boolean; previous: SavedReply } > {
	return apiFetch< { deleted: boolean; previous: SavedReply } >( {
		path: `${ SAVED_REPLIES }/${ encodeURIComponent( id ) }`,
		method: 'DELETE',
	} );
}

/**
 * What is wrong with each refused field of a `400 handoff_bot_invalid_saved_reply` (title, text,
 * team); empty for any other error.
 * @param error What apiFetch threw.
 */
export function savedReplyErrors( error: unknown ): SavedReplyErrors {
	const refusal = error as {
		code?: unknown;
		data?: { errors?: unknown };
	} | null;
	if (
		! refusal ||
		typeof refusal !== 'object' ||
		refusal.code !== 'handoff_bot_invalid_saved_reply' ||
		! refusal.data?.errors ||
		typeof refusal.data.errors !== 'object'
	) {
		return {};
	}
	const out: SavedReplyErrors = {};
	for ( const [ field, message ] of Object.entries( refusal.data.errors ) ) {
		if ( field === 'title' || field === 'text' || field === 'team' ) {
			out[ field ] = String( message );
		}
	}
	return out;
}
