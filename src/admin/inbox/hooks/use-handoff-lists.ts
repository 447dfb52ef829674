/**
 * The handoff lists, polled every 5 seconds: the list on screen (with its filters and page), and
 * always the whole queue and the agent's own chats, which feed the alerts and the unread count.
 * While the tab is hidden only the queue and own chats are checked, every 30 seconds, so alerts
 * still arrive.
 */
import { useRef, useState } from '@wordpress/element';

import { errorMessage } from '../../../shared/api';
import { getHandoffs } from '../../../shared/api/inbox';
import type {
	HandoffFilters,
	HandoffSummary,
	InboxView,
} from '../../../shared/types/inbox';
import { usePolling } from './use-polling';

export const LIST_POLL_MS = 5000;
export const HIDDEN_LIST_POLL_MS = 30000;

type Query = {
	view: InboxView;
	filters: HandoffFilters;
	page: number;
	perPage: number;
};

export type Lists = {
	list: HandoffSummary[];
	total: number;
	queue: HandoffSummary[];
	queueTotal: number;
	mine: HandoffSummary[];
	loaded: boolean;
	/** Which list `list` holds: while it differs from the list asked for, that one loads. */
	listKey: string;
	error: string;
};

const EMPTY: Lists = {
	list: [],
	total: 0,
	queue: [],
	queueTotal: 0,
	mine: [],
	loaded: false,
	listKey: '',
	error: '',
};

function keyOf( query: Query ): string {
	return JSON.stringify( [
		query.view,
		query.filters.team ?? '',
		query.filters.reason ?? '',
		query.filters.intent ?? '',
		query.page,
		query.perPage,
	] );
}

/**
 * @param shown   The list on screen.
 * @param onQueue Called with handoffs that joined the queue since the last check.
 */
export function useHandoffLists(
	shown: Query,
	onQueue: ( fresh: HandoffSummary[] ) => void
) {
	const [ lists, setLists ] = useState< Lists >( EMPTY );
	const seen = useRef< Set< number > | null >( null );
	const generation = useRef( 0 );
	const shownKey = keyOf( shown );

	const poll = async () => {
		const mine = ++generation.current;
		const hidden =
			typeof document !== 'undefined' &&
			document.visibilityState === 'hidden';
		const queries: Record< string, Query > = {};
		const queueQuery: Query = {
			view: 'queue',
			filters: {},
			page: 1,
			perPage: 50,
		};
		const mineQuery: Query = { ...queueQuery, view: 'mine' };
		for ( const query of hidden
			? [ queueQuery, mineQuery ]
			: [ shown, queueQuery, mineQuery ] ) {
			queries[ keyOf( query ) ] = query;
		}
		const keys = Object.keys( queries );
		const results = await Promise.allSettled(
			keys.map( ( key ) => {
				const q = queries[ key ] as Query;
				return getHandoffs( q.view, q.filters, q.page, q.perPage );
			} )
		);
		if ( mine !== generation.current ) {
			// A newer check (another filter, say) is under way.
			return;
		}
		const byKey = new Map(
			keys.map( ( key, i ) => [ key, results[ i ] ] )
		);
		const value = ( key: string ) => {
			const result = byKey.get( key );
			return result?.status === 'fulfilled' ? result.value : null;
		};
		const failure = results.find(
			( result ): result is PromiseRejectedResult =>
				result.status === 'rejected'
		);
		const queue = value( keyOf( queueQuery ) );
		if ( queue ) {
			const ids = new Set( queue.handoffs.map( ( h ) => h.id ) );
			if ( seen.current ) {
				const before = seen.current;
				const fresh = queue.handoffs.filter(
					( h ) => ! before.has( h.id )
				);
				if ( fresh.length ) {
					onQueue( fresh );
				}
			}
			seen.current = ids;
		}
		const list = hidden ? null : value( shownKey );
		const own = value( keyOf( mineQuery ) );
		setLists( ( current ) => ( {
			list: list ? list.handoffs : current.list,
			total: list ? list.total : current.total,
			queue: queue ? queue.handoffs : current.queue,
			queueTotal: queue ? queue.total : current.queueTotal,
			mine: own ? own.handoffs : current.mine,
			loaded: current.loaded || !! list,
			listKey: list ? shownKey : current.listKey,
			error: failure ? errorMessage( failure.reason ) : '',
		} ) );
	};

	const refresh = usePolling( poll, LIST_POLL_MS, {
		hiddenIntervalMs: HIDDEN_LIST_POLL_MS,
		key: shownKey,
	} );

	return { ...lists, loading: lists.listKey !== shownKey, refresh };
}
