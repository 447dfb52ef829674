/**
 * A small stand-in for the connections and deliveries routes, keeping state between requests as
 * the server does: a webhook's secret is in the answer to its creation or rotation alone.
 */
import {
	answerWith,
	query,
	restError,
	type Request,
} from '../../../shared/test/api-mock';
import type { Connection, Delivery } from '../../../shared/types/connections';
import { AVAILABILITY_STATE, EVERY_EVENT, SECRET } from './fixtures';

export type ServerState = {
	connections: Connection[];
	deliveries: Delivery[];
	/** What POST /connections/{id}/test answers. */
	testAnswer?: Delivery;
	/** What a create or update is refused with, once. */
	refuse?: object;
};

export function serve( state: ServerState ): Request[] {
	return answerWith( ( request ) => {
		const { method, path } = request;
		const data = ( request.data ?? {} ) as Record< string, unknown >;
		if ( path === '/handoff-bot/v1/availability' ) {
			return AVAILABILITY_STATE;
		}
		if ( path === '/handoff-bot/v1/connections' && method === 'GET' ) {
			return state.connections;
		}
		if ( path.startsWith( '/handoff-bot/v1/deliveries?' ) ) {
			const q = query( request );
			const rows = state.deliveries.filter(
				( d ) =>
					( ! q.get( 'status' ) || d.status === q.get( 'status' ) ) &&
					( ! q.get( 'connection' ) ||
						d.connection_id === q.get( 'connection' ) )
			);
			return { json: rows, total: rows.length };
		}
		const redeliver = path.match(
			/^\/handoff-bot\/v1\/deliveries\/(\d+)\/redeliver$/
		);
		if ( redeliver ) {
			const id = Number( redeliver[ 1 ] );
			state.deliveries = state.deliveries.map( ( d ) =>
				d.id === id
					? {
							...d,
							status: 'pending',
							attempts: 0,
							next_attempt_at: '2026-03-01T11:00:00Z',
						}
					: d
			);
			return state.deliveries.find( ( d ) => d.id === id );
		}
		if ( state.refuse && method !== 'GET' ) {
			const refusal = state.refuse;
			delete state.refuse;
			throw refusal;
		}
		if ( path === '/handoff-bot/v1/connections' && method === 'POST' ) {
			const made: Connection = {
				id: `conn_${ String( state.connections.length + 1 ).padStart(
					12,
					'0'
				) }`,
				kind: data.kind as Connection[ 'kind' ],
				label: String( data.label ),
				target: String( data.target ),
				teams: ( data.teams as string[] ) ?? [],
				events: ( data.events ??
					EVERY_EVENT ) as Connection[ 'events' ],
				enabled: data.enabled !== false,
				has_secret: data.kind === 'webhook',
				created_at: '2026-03-01T12:00:00+00:00',
				updated_at: '2026-03-01T12:00:00+00:00',
			};
			state.connections = [ ...state.connections, made ];
			return data.kind === 'webhook' ? { ...made, secret: SECRET } : made;
		}
		const one = path.match(
			/^\/handoff-bot\/v1\/connections\/(conn_\w+)(\/[\w-]+)?$/
		);
		const found = one
			? state.connections.find( ( c ) => c.id === one[ 1 ] )
			: undefined;
		if ( ! one || ! found ) {
			throw restError(
				'handoff_bot_connection_not_found',
				'There is no such connection.',
				{ status: 404 }
			);
		}
		if ( one[ 2 ] === '/test' ) {
			return state.testAnswer;
		}
		if ( one[ 2 ] === '/rotate-secret' ) {
			return { ...found, secret: `${ SECRET }-2` };
		}
		if ( method === 'PUT' ) {
			const { note: _note, ...fields } = data;
			const changed = { ...found, ...fields } as Connection;
			state.connections = state.connections.map( ( c ) =>
				c.id === found.id ? changed : c
			);
			return changed;
		}
		if ( method === 'DELETE' ) {
			state.connections = state.connections.filter(
				( c ) => c.id !== found.id
			);
			return { deleted: true, previous: found };
		}
		throw new Error( `Unexpected ${ method } ${ path }` );
	} );
}
