/**
 * The saved replies the agent sees: those the page came with at first, then the live list from
 * REST, read again whenever the agent opens a chat and replaced when an admin changes it.
 */
import { useCallback, useEffect, useRef, useState } from '@wordpress/element';

import { getSavedReplies } from '../../../shared/api/saved-replies';
import type { SavedReply } from '../../../shared/types/inbox';
import { savedReplies } from '../settings';

export function useSavedReplies(
	initial: SavedReply[],
	openId: number | null
) {
	const [ replies, setReplies ] = useState< SavedReply[] >( initial );
	const latest = useRef( 0 );

	const reload = useCallback( () => {
		const asked = ++latest.current;
		getSavedReplies().then(
			( list ) => {
				// An older answer never overwrites a newer one.
				if ( asked === latest.current ) {
					setReplies( savedReplies( list ) );
				}
			},
			() => {
				// The list already shown stays; the next chat opened asks again.
			}
		);
	}, [] );

	useEffect( reload, [ reload, openId ] );

	const replace = useCallback( ( list: SavedReply[] ) => {
		++latest.current;
		setReplies( list );
	}, [] );

	return { replies, replace, reload };
}
