/**
 * The REST client: URLs on plain permalinks, headers, Retry-After, and bodies that are not JSON.
 */
import { createApi, parseRetryAfter, type FetchLike } from '../app/api';

function recorder( status = 200, body = '{"messages":[],"cursor":0}' ) {
	const calls: { url: string; headers: Record< string, string > }[] = [];
	const fetch: FetchLike = async ( url, init ) => {
		calls.push( { url, headers: init.headers } );
		return {
			status,
			headers: { get: () => null },
			text: async () => body,
		};
	};
	return { calls, fetch };
}

describe( 'REST client', () => {
	it( 'joins the query with & on plain permalinks (?rest_route=)', async () => {
		const { calls, fetch } = recorder();
		const api = createApi( {
			fetch,
			restUrl: 'https://shop.example/?rest_route=/handoff-bot/v1/',
			now: () => 0,
		} );
		await api.messages( { id: 3, token: 't' }, 7 );
		expect( calls[ 0 ]!.url ).toBe(
			'https://shop.example/?rest_route=/handoff-bot/v1/conversations/3/messages&after=7'
		);
	} );

	it( 'reads Retry-After as seconds or as a date', () => {
		expect( parseRetryAfter( '12', 0 ) ).toBe( 12000 );
		expect(
			parseRetryAfter(
				'Wed, 21 Oct 2026 07:28:30 GMT',
				Date.parse( 'Wed, 21 Oct 2026 07:28:00 GMT' )
			)
		).toBe( 30000 );
		expect( parseRetryAfter( null, 0 ) ).toBeNull();
		expect( parseRetryAfter( 'soon', 0 ) ).toBeNull();
	} );

	it( 'treats a success without a JSON body as a retryable server error', async () => {
		const { fetch } = recorder( 201, '<br /><b>Notice</b>' );
		const api = createApi( { fetch, restUrl: 'https://x/', now: () => 0 } );
		const result = await api.startConversation( {
			page_url: '',
			page_title: '',
		} );
		expect( result ).toEqual(
			expect.objectContaining( { ok: false, status: 502 } )
		);
	} );

	it( 'reports a network failure as status 0 and never throws', async () => {
		const api = createApi( {
			fetch: async () => {
				throw new TypeError( 'Failed to fetch' );
			},
			restUrl: 'https://x/',
			now: () => 0,
		} );
		await expect( api.end( { id: 1, token: 't' }, null ) ).resolves.toEqual(
			expect.objectContaining( { ok: false, status: 0 } )
		);
	} );
} );
