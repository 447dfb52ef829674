/**
 * Typed REST client for the wp-admin screens. It goes through @wordpress/api-fetch, which adds the
 * REST nonce of the logged-in user.
 */
import apiFetch from '@wordpress/api-fetch';

import type {
	ApiError,
	IndexState,
	PostChoice,
	RebuildStep,
	Settings,
	SettingsSchema,
} from '../types';
import { decodeEntities } from '../utils';

const BASE = '/handoff-bot/v1';

export function getSettings(): Promise< Settings > {
	return apiFetch< Settings >( { path: `${ BASE }/settings` } );
}

export function saveSettings(
	values: Partial< Settings >
): Promise< Settings > {
	return apiFetch< Settings >( {
		path: `${ BASE }/settings`,
		method: 'POST',
		data: values,
	} );
}

export function getIndexState(): Promise< IndexState > {
	return apiFetch< IndexState >( { path: `${ BASE }/index` } );
}

export function rebuildBatch(
	offset: number,
	batch = 50
): Promise< RebuildStep > {
	return apiFetch< RebuildStep >( {
		path: `${ BASE }/index/rebuild`,
		method: 'POST',
		data: { offset, batch },
	} );
}

/**
 * Runs a whole rebuild, reporting progress after each batch.
 *
 * @param onProgress Called with each batch's result.
 * @param step       One batch (injectable for tests).
 */
export async function rebuildAll(
	onProgress: ( step: RebuildStep ) => void,
	step: ( offset: number ) => Promise< RebuildStep > = ( offset ) =>
		rebuildBatch( offset )
): Promise< RebuildStep > {
	let offset = 0;
	for (;;) {
		const result = await step( offset );
		onProgress( result );
		if ( result.finished ) {
			return result;
		}
		if ( result.next_offset <= offset ) {
			throw new Error( 'The rebuild made no progress.' );
		}
		offset = result.next_offset;
	}
}

/**
 * The message of an error thrown by apiFetch or by the network.
 * @param error
 */
export function errorMessage( error: unknown ): string {
	if ( error && typeof error === 'object' && 'message' in error ) {
		return String( ( error as { message: unknown } ).message );
	}
	return String( error );
}

/**
 * What is wrong with each refused field of a `400 rest_invalid_param`, by field name; empty for
 * any other error.
 * @param error What apiFetch threw.
 */
export function fieldErrors( error: unknown ): Record< string, string > {
	const api = error as Partial< ApiError > | null;
	if (
		! api ||
		typeof api !== 'object' ||
		api.code !== 'rest_invalid_param' ||
		! api.data?.params ||
		typeof api.data.params !== 'object'
	) {
		return {};
	}
	const out: Record< string, string > = {};
	for ( const [ name, message ] of Object.entries( api.data.params ) ) {
		out[ name ] = String( message );
	}
	return out;
}

type SearchResult = {
	id: number;
	title: string;
	subtype: string;
	url: string;
};

function toChoice( result: SearchResult ): PostChoice {
	return {
		id: result.id,
		title: decodeEntities( result.title ),
		subtype: result.subtype,
		url: result.url,
	};
}

function searchPath( params: Record< string, string > ): string {
	const query = new URLSearchParams( {
		type: 'post',
		_fields: 'id,title,subtype,url',
		...params,
	} );
	return `/wp/v2/search?${ query.toString() }`;
}

/**
 * Published posts of the given types whose title or text holds the words, through WordPress's
 * search route.
 * @param search   Words to find.
 * @param subtypes Post types to look in.
 */
export async function searchPosts(
	search: string,
	subtypes: string[]
): Promise< PostChoice[] > {
	if ( ! search.trim() || ! subtypes.length ) {
		return [];
	}
	const results = await apiFetch< SearchResult[] >( {
		path: searchPath( {
			search,
			subtype: subtypes.join( ',' ),
			per_page: '20',
		} ),
	} );
	return results.map( toChoice );
}

/**
 * The published posts among the given IDs, 100 per request. Posts that are not published (or
 * no longer exist) are left out.
 * @param ids      Post IDs.
 * @param subtypes Post types to look in.
 */
export async function getPosts(
	ids: number[],
	subtypes: string[]
): Promise< PostChoice[] > {
	if ( ! ids.length || ! subtypes.length ) {
		return [];
	}
	const pages: Array< Promise< SearchResult[] > > = [];
	for ( let i = 0; i < ids.length; i += 100 ) {
		pages.push(
			apiFetch< SearchResult[] >( {
				path: searchPath( {
					include: ids.slice( i, i + 100 ).join( ',' ),
					subtype: subtypes.join( ',' ),
					per_page: '100',
				} ),
			} )
		);
	}
	return ( await Promise.all( pages ) ).flat().map( toChoice );
}

/**
 * The settings' JSON schema (the allowed ranges), from the route's OPTIONS.
 */
export async function getSettingsSchema(): Promise< SettingsSchema > {
	const response = await apiFetch< {
		schema: { properties: SettingsSchema };
	} >( { path: `${ BASE }/settings`, method: 'OPTIONS' } );
	return response.schema.properties;
}
