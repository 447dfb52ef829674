/**
 * REST client for the Connections screen: the connections (with a webhook's secret in the answer
 * to its creation or rotation alone), a test message to one, and the delivery log with
 * redelivery. Errors are what apiFetch throws (`{ code, message, data }`).
 */
import apiFetch from '@wordpress/api-fetch';
import { __ } from '@wordpress/i18n';

import type {
	Connection,
	ConnectionErrors,
	ConnectionFields,
	ConnectionWithSecret,
	Delivery,
	DeliveryFilters,
} from '../types/connections';

const CONNECTIONS = '/handoff-bot/v1/connections';
const DELIVERIES = '/handoff-bot/v1/deliveries';

type Headers = { get: ( name: string ) => string | null };
type RawResponse = { headers: Headers; json: () => Promise< unknown > };

export function getConnections(): Promise< Connection[] > {
	return apiFetch< Connection[] >( { path: CONNECTIONS } );
}

export function createConnection(
	fields: ConnectionFields
): Promise< ConnectionWithSecret > {
	return apiFetch< ConnectionWithSecret >( {
		path: CONNECTIONS,
		method: 'POST',
		data: fields,
	} );
}

export function updateConnection(
	id: string,
	fields: ConnectionFields
): Promise< Connection > {
	return apiFetch< Connection >( {
		path: `${ CONNECTIONS }/${ id }`,
		method: 'PUT',
		data: fields,
	} );
}

export function deleteConnection(
	id: string,
	note = ''
): Promise< { deleted: boolean; previous: Connection } > {
	return apiFetch( {
		path: `${ CONNECTIONS }/${ id }`,
		method: 'DELETE',
		data: note ? { note } : {},
	} );
}

export function rotateSecret(
	id: string,
	note = ''
): Promise< ConnectionWithSecret > {
	return apiFetch< ConnectionWithSecret >( {
		path: `${ CONNECTIONS }/${ id }/rotate-secret`,
		method: 'POST',
		data: note ? { note } : {},
	} );
}

/**
 * Sends a test message now; the answer is the delivery, sent or failed with the receiver's answer.
 * @param id The connection.
 */
export function sendTest( id: string ): Promise< Delivery > {
	return apiFetch< Delivery >( {
		path: `${ CONNECTIONS }/${ id }/test`,
		method: 'POST',
	} );
}

/**
 * One page of the delivery log, newest first, and how many deliveries match in all.
 * @param filters Status and connection.
 * @param page    Page, from 1.
 * @param perPage Deliveries per page.
 */
export async function getDeliveries(
	filters: DeliveryFilters,
	page = 1,
	perPage = 20
): Promise< { deliveries: Delivery[]; total: number } > {
	const query = new URLSearchParams();
	if ( filters.status ) {
		query.set( 'status', filters.status );
	}
	if ( filters.connection ) {
		query.set( 'connection', filters.connection );
	}
	query.set( 'page', String( page ) );
	query.set( 'per_page', String( perPage ) );
	let response: RawResponse;
	try {
		response = await apiFetch< RawResponse, false >( {
			path: `${ DELIVERIES }?${ query.toString() }`,
			parse: false,
		} );
	} catch ( error ) {
		// Unparsed, a refusal arrives as the response itself: read its JSON error.
		const raw = error as Partial< RawResponse > | null;
		if ( raw && typeof raw.json === 'function' ) {
			throw await raw.json().catch( () => error );
		}
		throw error;
	}
	const deliveries = ( await response.json() ) as Delivery[];
	const total = Number( response.headers.get( 'X-WP-Total' ) );
	return {
		deliveries,
		total:
			Number.isFinite( total ) && total >= 0 ? total : deliveries.length,
	};
}

/**
 * Sends a delivery again, in the background, under the same delivery ID.
 * @param id The delivery's row ID.
 */
export function redeliver( id: number ): Promise< Delivery > {
	return apiFetch< Delivery >( {
		path: `${ DELIVERIES }/${ id }/redeliver`,
		method: 'POST',
	} );
}

/**
 * What is wrong with each refused field of a `400 handoff_bot_invalid_connection`, or of a
 * `400 rest_invalid_param` / `rest_missing_callback_param` the schema gave; empty for any other
 * error.
 * @param error What apiFetch threw.
 */
export function connectionErrors( error: unknown ): ConnectionErrors {
	const refusal = error as {
		code?: unknown;
		data?: { params?: unknown };
	} | null;
	if (
		! refusal ||
		typeof refusal !== 'object' ||
		! [
			'handoff_bot_invalid_connection',
			'rest_invalid_param',
			'rest_missing_callback_param',
		].includes( String( refusal.code ) ) ||
		! refusal.data?.params ||
		typeof refusal.data.params !== 'object'
	) {
		return {};
	}
	const params = refusal.data.params;
	const out: Record< string, string > = {};
	if ( Array.isArray( params ) ) {
		// A missing required field: the schema lists the names.
		for ( const name of params ) {
			out[ String( name ) ] = __( 'Fill in this field.', 'handoff-bot' );
		}
	} else {
		for ( const [ name, message ] of Object.entries( params ) ) {
			out[ name ] = String( message );
		}
	}
	return out as ConnectionErrors;
}
