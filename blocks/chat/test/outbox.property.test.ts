/**
 * Properties of the outbox, whatever mix of failures happens (network errors, lost responses, 5xx,
 * 408, 429 with any Retry-After) and whenever the visitor types, goes online or reloads:
 *
 * - each message is stored exactly once, in the order typed, always sent under its own key;
 * - no message is ever shown twice, and in the end each is shown once, followed by its answer.
 *
 * And when the server loses the stored conversation meanwhile (purged: 404, token no longer valid:
 * 403, ended elsewhere: 409), nothing typed is lost: the current conversation holds, once each and in
 * order, every message from the one that hit the loss on.
 */
import fc from 'fast-check';

import type { FetchLike } from '../app/api';
import { memoryStore } from '../app/storage';
import { CONVERSATION_KEY } from '../keys';
import {
	FakeClock,
	FakeServer,
	flush,
	isSend,
	mountChat,
	type Chat,
	type Fault,
} from './helpers';

const fault: fc.Arbitrary< Fault > = fc.oneof(
	fc.constant< Fault >( 'network' ),
	fc.constant< Fault >( 'lost' ),
	fc
		.constantFrom( 500, 502, 503, 504, 408 )
		.map( ( status ): Fault => ( { status } ) ),
	fc
		.integer( { min: 0, max: 40 } )
		.map( ( s ): Fault => ( { status: 429, retryAfter: String( s ) } ) )
);

type Loss = 'purge' | 'revoke' | 'end';
const loss = fc.constantFrom< Loss >( 'purge', 'revoke', 'end' );

type Step =
	| { kind: 'type' }
	| { kind: 'wait'; ms: number }
	| { kind: 'online' }
	| { kind: 'reload' };

const step: fc.Arbitrary< Step > = fc.oneof(
	{ weight: 3, arbitrary: fc.constant< Step >( { kind: 'type' } ) },
	{
		weight: 2,
		arbitrary: fc
			.integer( { min: 0, max: 20000 } )
			.map( ( ms ): Step => ( { kind: 'wait', ms } ) ),
	},
	{ weight: 1, arbitrary: fc.constant< Step >( { kind: 'online' } ) },
	{ weight: 1, arbitrary: fc.constant< Step >( { kind: 'reload' } ) }
);

const isStart = ( r: { method: string; path: string } ) =>
	r.method === 'POST' && r.path === 'conversations';

/**
 * Runs a scenario and returns what the server and the visitor ended up with.
 * @param sendFaults  Faults for message sends, in order.
 * @param startFaults Faults for conversation starts, in order.
 * @param losses      Conversation losses, each before a later send (index = which send).
 * @param steps       What the visitor does.
 */
async function run(
	sendFaults: Fault[],
	startFaults: Fault[],
	losses: Map< number, Loss >,
	steps: Step[]
) {
	const server = new FakeServer();
	sendFaults.forEach( ( f ) => server.fail( f ) );
	startFaults.forEach( ( f ) => server.fail( f, isStart ) );
	let sendCount = 0;
	const lost: number[] = [];
	const purged: string[] = [];
	const fetch: FetchLike = ( url, init ) => {
		const path = url.replace( /^.*\/handoff-bot\/v1\//, '' );
		if ( isSend( { method: init.method, path } ) ) {
			const how = losses.get( sendCount++ );
			const id = Number( path.split( '/' )[ 1 ] );
			const conversation = server.conversations.get( id );
			// Only conversations that already hold messages: one lost between its start and its
			// first message is a broken server, and the client gives up on the message then.
			if (
				how &&
				conversation &&
				conversation.messages.length > 0 &&
				! lost.includes( id )
			) {
				lost.push( id );
				if ( how === 'purge' ) {
					purged.push(
						...conversation.messages
							.filter( ( m ) => m.role === 'visitor' )
							.map( ( m ) => m.body )
					);
					server.conversations.delete( id );
				} else if ( how === 'revoke' ) {
					conversation.token = 'revoked';
				} else {
					conversation.status = 'ended';
				}
			}
		}
		return server.fetch( url, init );
	};
	const clock = new FakeClock();
	const storage = memoryStore();
	let chat: Chat = await mountChat( { server, clock, storage, fetch } );
	const typed: string[] = [];
	const shownTwice: string[] = [];
	const check = () => {
		const shown = chat
			.transcript()
			.filter( ( t ) => t.startsWith( 'message ' ) )
			.map( ( t ) => t.replace( / Not sent yet.*$/, '' ) );
		shown.forEach( ( t, i ) => {
			if ( shown.indexOf( t ) !== i ) {
				shownTwice.push( t );
			}
		} );
	};

	for ( const s of steps ) {
		if ( s.kind === 'type' ) {
			const text = `message ${ typed.length + 1 }`;
			typed.push( text );
			await chat.type( text );
		} else if ( s.kind === 'wait' ) {
			await clock.advance( s.ms );
		} else if ( s.kind === 'online' ) {
			chat.online.dispatchEvent( new Event( 'online' ) );
			await flush();
		} else {
			chat.controller.stop();
			chat = await mountChat( { server, clock, storage, fetch } );
		}
		check();
	}
	// Give every retry its chance.
	for ( let i = 0; i < 100 && clock.nextAt() !== null; i++ ) {
		await clock.advance( 60000 );
		check();
	}
	chat.controller.stop();

	const keysByText = new Map< string, Set< unknown > >();
	for ( const r of server.sends() ) {
		const text = String( r.body!.message );
		const keys = keysByText.get( text ) ?? new Set();
		keys.add( r.body!.idempotency_key );
		keysByText.set( text, keys );
	}
	const current = JSON.parse( storage.getItem( CONVERSATION_KEY ) ?? 'null' );
	return {
		server,
		purged,
		typed,
		shownTwice,
		keysByText,
		transcript: chat.transcript().slice( 1 ),
		currentMessages: current
			? server.conversations
					.get( current.id )!
					.messages.filter( ( m ) => m.role === 'visitor' )
					.map( ( m ) => m.body )
			: [],
	};
}

function expectOwnKeys(
	keysByText: Map< string, Set< unknown > >,
	typed: string[]
) {
	const all = new Set< unknown >();
	for ( const keys of keysByText.values() ) {
		expect( keys.size ).toBe( 1 );
		keys.forEach( ( k ) => all.add( k ) );
	}
	expect( all.size ).toBe( typed.length );
}

describe( 'outbox properties', () => {
	it( 'delivers every message exactly once, in order, each with its own key, never shown twice', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.array( fault, { maxLength: 12 } ),
				fc.array( fault, { maxLength: 3 } ),
				fc.array( step, { minLength: 1, maxLength: 12 } ),
				async ( sendFaults, startFaults, steps ) => {
					const r = await run(
						sendFaults,
						startFaults,
						new Map(),
						steps
					);
					expect( r.server.storedVisitorMessages() ).toEqual(
						r.typed
					);
					expectOwnKeys( r.keysByText, r.typed );
					expect( r.shownTwice ).toEqual( [] );
					expect( r.transcript ).toEqual(
						r.typed.flatMap( ( t ) => [ t, `Answer to: ${ t }` ] )
					);
				}
			),
			{ numRuns: 150 }
		);
	}, 60000 );

	it( 'loses nothing when the server loses the conversation', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.array( fault, { maxLength: 8 } ),
				fc.array( fc.tuple( fc.nat( 10 ), loss ), { maxLength: 3 } ),
				fc.array( step, { minLength: 1, maxLength: 12 } ),
				async ( sendFaults, lossList, steps ) => {
					const r = await run(
						sendFaults,
						[],
						new Map( lossList ),
						steps
					);
					// Nothing typed is lost, and each key stays with its message.
					const everywhere = [
						...r.purged,
						...r.server.storedVisitorMessages(),
					];
					for ( const text of r.typed ) {
						expect( everywhere ).toContain( text );
					}
					expectOwnKeys( r.keysByText, r.typed );
					// The current conversation has a tail of what was typed, once each, in order.
					expect( r.currentMessages ).toEqual(
						r.typed.slice(
							r.typed.length - r.currentMessages.length
						)
					);
					// (No current one is fine: a conversation ended after the last message.)
					if ( r.typed.length && r.currentMessages.length ) {
						expect( r.currentMessages.at( -1 ) ).toBe(
							r.typed.at( -1 )
						);
					}
					expect( r.shownTwice ).toEqual( [] );
					// A page loaded after the switch shows the new conversation only: a tail too.
					const all = r.typed.flatMap( ( t ) => [
						t,
						`Answer to: ${ t }`,
					] );
					expect( r.transcript ).toEqual(
						all.slice( all.length - r.transcript.length )
					);
				}
			),
			{ numRuns: 150 }
		);
	}, 60000 );
} );
