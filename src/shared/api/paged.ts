/**
 * One page of a REST collection and how many items it holds in all (the `X-WP-Total` header).
 * Errors are what the other calls throw: the route's JSON error (`{ code, message, data }`).
 */
import apiFetch from '@wordpress/api-fetch';

type Headers = { get: ( name: string ) => string | null };
type RawResponse = { headers: Headers; json: () => Promise< unknown > };

/**
 * @param path The route with its query.
 * @return The page's items, and the total (the items' count when the header is missing).
 */
export async function getPage< T >(
	path: string
): Promise< { items: T[]; total: number } > {
	let response: RawResponse;
	try {
		response = await apiFetch< RawResponse, false >( {
			path,
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
	const items = ( await response.json() ) as T[];
	const total = Number( response.headers.get( 'X-WP-Total' ) );
	return {
		items,
		total: Number.isFinite( total ) && total >= 0 ? total : items.length,
	};
}
