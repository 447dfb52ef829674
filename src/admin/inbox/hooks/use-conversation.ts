/**
 * The open handoff: its brief and transcript, then its new messages every 3 seconds (paused while
 * the tab is hidden, and once the chat is closed).
 */
import { useCallback, useEffect, useRef, useState } from '@wordpress/element';

import { errorMessage } from '../../../shared/api';
import { getHandoff, getMessages } from '../../../shared/api/inbox';
import type {
	HandoffDetail,
	HandoffSummary,
	InboxMessage,
} from '../../../shared/types/inbox';
import { isClosed } from '../labels';
import { mergeMessages } from '../messages';
import { usePolling } from './use-polling';

export const MESSAGES_POLL_MS = 3000;

export function useConversation( id: number | null ) {
	const [ detail, setDetail ] = useState< HandoffDetail | null >( null );
	const [ error, setError ] = useState( '' );
	const [ pollError, setPollError ] = useState( '' );
	const cursor = useRef( 0 );
	const openId = useRef( id );
	// Bumped by every load and every replace: a load answered after an accept is stale.
	const version = useRef( 0 );

	const load = useCallback( async ( handoffId: number ) => {
		const started = ++version.current;
		try {
			const loaded = await getHandoff( handoffId );
			if ( openId.current === handoffId && version.current === started ) {
				cursor.current = loaded.cursor;
				setDetail( loaded );
				setError( '' );
			}
		} catch ( caught ) {
			if ( openId.current === handoffId ) {
				setError( errorMessage( caught ) );
			}
		}
	}, [] );

	useEffect( () => {
		openId.current = id;
		setDetail( null );
		setError( '' );
		setPollError( '' );
		if ( id !== null ) {
			load( id );
		}
	}, [ id, load ] );

	const poll = async () => {
		const handoffId = openId.current;
		if ( handoffId === null ) {
			return;
		}
		try {
			const page = await getMessages( handoffId, cursor.current );
			if ( openId.current !== handoffId ) {
				return;
			}
			cursor.current = Math.max( cursor.current, page.cursor );
			setPollError( '' );
			setDetail( ( current ) =>
				current && current.id === handoffId
					? {
							...current,
							status: page.status,
							agent: page.agent,
							messages: mergeMessages(
								current.messages,
								page.messages
							),
						}
					: current
			);
		} catch ( caught ) {
			setPollError( errorMessage( caught ) );
		}
	};

	usePolling( poll, MESSAGES_POLL_MS, {
		enabled: !! detail && ! isClosed( detail.status ),
		// The handoff just loaded holds the messages so far.
		immediate: false,
		key: detail?.id,
	} );

	/** A whole handoff the server sent back (after an accept). */
	const replace = useCallback( ( next: HandoffDetail ) => {
		if ( openId.current !== next.id ) {
			return;
		}
		version.current++;
		cursor.current = Math.max( cursor.current, next.cursor );
		setDetail( next );
	}, [] );

	/** The handoff's new state after a transfer, hand-back or resolve. */
	const update = useCallback( ( summary: HandoffSummary ) => {
		setDetail( ( current ) =>
			current && current.id === summary.id
				? { ...current, ...summary }
				: current
		);
	}, [] );

	/** A message the agent just sent. */
	const append = useCallback( ( message: InboxMessage ) => {
		setDetail( ( current ) =>
			current
				? {
						...current,
						messages: mergeMessages( current.messages, [
							message,
						] ),
					}
				: current
		);
	}, [] );

	const reload = useCallback( () => {
		if ( openId.current !== null ) {
			load( openId.current );
		}
	}, [ load ] );

	return { detail, error, pollError, replace, update, append, reload };
}
