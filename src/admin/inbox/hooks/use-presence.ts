/**
 * The agent's presence: a heartbeat every 30 seconds while the Inbox is open (hidden tab
 * included, so an agent reading another tab still counts as online), and the available/away
 * switch.
 */
import { useCallback, useState } from '@wordpress/element';

import { errorMessage } from '../../../shared/api';
import { sendPresence } from '../../../shared/api/inbox';
import type { Presence, PresenceStatus } from '../../../shared/types/inbox';
import { usePolling } from './use-polling';

export const HEARTBEAT_MS = 30000;

export function usePresence() {
	const [ presence, setPresence ] = useState< Presence | null >( null );
	const [ error, setError ] = useState( '' );

	const beat = useCallback( async ( status?: PresenceStatus ) => {
		try {
			setPresence( await sendPresence( status ) );
			setError( '' );
		} catch ( caught ) {
			setError( errorMessage( caught ) );
		}
	}, [] );

	usePolling( () => beat(), HEARTBEAT_MS, {
		hiddenIntervalMs: HEARTBEAT_MS,
	} );

	const setStatus = useCallback(
		( status: PresenceStatus ) => {
			setPresence( ( current ) =>
				current ? { ...current, status } : current
			);
			return beat( status );
		},
		[ beat ]
	);

	return { presence, error, setStatus };
}
