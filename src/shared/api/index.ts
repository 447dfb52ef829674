/**
 * Typed REST client for the wp-admin screens. It goes through @wordpress/api-fetch, which adds the
 * REST nonce of the logged-in user.
 */
import apiFetch from '@wordpress/api-fetch';

import type { IndexState, RebuildStep, Settings } from '../types';

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
