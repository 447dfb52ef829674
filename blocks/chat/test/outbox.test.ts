/**
 * The outbox, as the visitor sees it: a message that cannot be sent stays on screen marked
 * "Not sent yet — retrying…", goes out later under the same idempotency key, once, in order.
 */
import {
	createOutbox,
	backoff,
	makeKey,
	type OutboxEntry,
} from '../app/outbox';
import { memoryStore } from '../app/storage';
import { OUTBOX_KEY } from '../keys';
import { FakeClock, FakeServer, flush, mountChat } from './helpers';

const RETRYING = 'Not sent yet — retrying…';

describe( 'outbox in the chat', () => {
	it( 'keeps a message that failed on screen as not sent, then delivers it with the same key', async () => {
		const server = new FakeServer()
			.fail( 'network' )
			.fail( { status: 503 } );
		const chat = await mountChat( { server } );

		await chat.type( 'How long does a refund take?' );
		expect( chat.transcript() ).toContain(
			`How long does a refund take? ${ RETRYING }`
		);
		expect( server.storedVisitorMessages() ).toEqual( [] );

		await chat.clock.advance( 1000 ); // first retry: 503
		expect( chat.transcript() ).toContain(
			`How long does a refund take? ${ RETRYING }`
		);
		await chat.clock.advance( 2000 ); // second retry: delivered
		expect( chat.transcript() ).toEqual( [
			expect.stringContaining( 'Ask me anything' ),
			'How long does a refund take?',
			'Answer to: How long does a refund take?',
		] );
		const keys = server.sends().map( ( r ) => r.body!.idempotency_key );
		expect( keys ).toHaveLength( 3 );
		expect( new Set( keys ).size ).toBe( 1 );
		expect( keys[ 0 ] ).toMatch( /^[A-Za-z0-9_-]{8,64}$/ );
		expect( server.storedVisitorMessages() ).toEqual( [
			'How long does a refund take?',
		] );
		chat.controller.stop();
	} );

	it( 'shows a message once when the server stored it but the reply was lost', async () => {
		const server = new FakeServer().fail( 'lost' );
		const chat = await mountChat( { server } );

		await chat.type( 'Do you ship to Norway?' );
		await chat.clock.advance( 1000 );

		expect(
			chat.transcript().filter( ( t ) => t === 'Do you ship to Norway?' )
		).toHaveLength( 1 );
		expect(
			chat
				.transcript()
				.filter( ( t ) => t === 'Answer to: Do you ship to Norway?' )
		).toHaveLength( 1 );
		expect( server.storedVisitorMessages() ).toEqual( [
			'Do you ship to Norway?',
		] );
		chat.controller.stop();
	} );

	it( 'backs off exponentially with jitter, up to 30 seconds', async () => {
		const server = new FakeServer();
		for ( let i = 0; i < 9; i++ ) {
			server.fail( { status: 500 } );
		}
		const clock = new FakeClock();
		const at: number[] = [];
		const fetch = server.fetch;
		server.fetch = ( url, init ) => {
			if ( init.method === 'POST' && url.endsWith( '/messages' ) ) {
				at.push( clock.now() );
			}
			return fetch( url, init );
		};
		const chat = await mountChat( { server, clock } );
		await chat.type( 'Hello?' );
		await clock.advance( 5 * 60 * 1000 );

		expect( at ).toHaveLength( 10 );
		const waits = at.slice( 1 ).map( ( t, i ) => t - at[ i ]! );
		waits.forEach( ( wait, i ) => {
			const ceiling = Math.min( 30000, 1000 * 2 ** i );
			expect( wait ).toBeGreaterThanOrEqual( ceiling / 2 );
			expect( wait ).toBeLessThanOrEqual( ceiling );
		} );
		expect( chat.transcript() ).toContain( 'Hello?' );
		expect( server.storedVisitorMessages() ).toEqual( [ 'Hello?' ] );
		chat.controller.stop();
	} );

	it( 'retries at once when the browser comes back online', async () => {
		const server = new FakeServer().fail( 'network' ).fail( 'network' );
		const chat = await mountChat( { server } );
		await chat.type( 'Anyone there?' );
		await chat.clock.advance( 1000 ); // second failure: next wait is 1–2 s
		expect( server.sends() ).toHaveLength( 2 );

		chat.online.dispatchEvent( new Event( 'online' ) );
		await flush();
		expect( server.sends() ).toHaveLength( 3 );
		expect( chat.transcript() ).toContain( 'Anyone there?' );
		chat.controller.stop();
	} );

	it( 'waits as long as Retry-After says on 429, even when back online', async () => {
		const server = new FakeServer().fail( {
			status: 429,
			code: 'handoff_bot_rate_limited',
			retryAfter: '7',
		} );
		const chat = await mountChat( { server } );
		await chat.type( 'Too fast' );
		chat.online.dispatchEvent( new Event( 'online' ) );
		await chat.clock.advance( 6999 );
		expect( server.sends() ).toHaveLength( 1 );
		expect( chat.transcript()[ 1 ] ).toMatch(
			/^Too fast Not sent yet: .* sent automatically in about 7 seconds /
		);
		await chat.clock.advance( 1 );
		expect( server.sends() ).toHaveLength( 2 );
		expect( chat.transcript() ).toContain( 'Too fast' );
		chat.controller.stop();
	} );

	it( 'retries 408 and honours Retry-After on 503', async () => {
		const server = new FakeServer()
			.fail( { status: 408 } )
			.fail( { status: 503, retryAfter: '20' } );
		// Jitter at its top: the first wait is exactly 1 s.
		const chat = await mountChat( { server, random: () => 0.999999 } );
		await chat.type( 'Slow day?' );
		await chat.clock.advance( 1000 );
		expect( server.sends() ).toHaveLength( 2 );
		await chat.clock.advance( 19999 );
		expect( server.sends() ).toHaveLength( 2 );
		await chat.clock.advance( 1 );
		expect( server.storedVisitorMessages() ).toEqual( [ 'Slow day?' ] );
		chat.controller.stop();
	} );

	it( 'marks a message refused with a 4xx as failed, shows why, and sends the next one', async () => {
		const server = new FakeServer().fail( {
			status: 400,
			code: 'handoff_bot_invalid_utf8',
			message: 'The message is not valid UTF-8.',
		} );
		const chat = await mountChat( { server } );
		await chat.type( 'first' );
		await chat.type( 'second' );
		await chat.clock.advance( 60000 );

		expect( chat.transcript() ).toEqual( [
			expect.stringContaining( 'Ask me anything' ),
			'first Not sent. The message is not valid UTF-8.',
			'second',
			'Answer to: second',
		] );
		expect(
			chat.root.querySelector( '.handoff-bot-chat__msg.is-failed' )
				?.textContent
		).toContain( 'first' );
		// Never retried.
		expect(
			server.sends().filter( ( r ) => r.body!.message === 'first' )
		).toHaveLength( 1 );
		chat.controller.stop();
	} );

	it( 'sends in the order typed: a waiting message holds back the next', async () => {
		const server = new FakeServer().fail( 'network' );
		const chat = await mountChat( { server } );
		await chat.type( 'one' );
		await chat.type( 'two' );
		await chat.type( 'three' );
		expect( server.sends().map( ( r ) => r.body!.message ) ).toEqual( [
			'one',
		] );
		expect( chat.transcript().slice( 1 ) ).toEqual( [
			`one ${ RETRYING }`,
			'two',
			'three',
		] );
		await chat.clock.advance( 1000 );
		expect( server.storedVisitorMessages() ).toEqual( [
			'one',
			'two',
			'three',
		] );
		expect( chat.transcript().slice( 1 ) ).toEqual( [
			'one',
			'Answer to: one',
			'two',
			'Answer to: two',
			'three',
			'Answer to: three',
		] );
		chat.controller.stop();
	} );

	it( 'keeps unsent messages over a reload and sends them once, with their keys', async () => {
		const server = new FakeServer()
			.fail( 'network' )
			.fail( 'network' )
			.fail( 'network' );
		const first = await mountChat( { server } );
		await first.type( 'Before reload' );
		const key = server.sends()[ 0 ]!.body!.idempotency_key;
		first.controller.stop();
		expect( JSON.parse( first.storage.getItem( OUTBOX_KEY )! ) ).toEqual( [
			expect.objectContaining( { key, text: 'Before reload' } ),
		] );

		// The tab reloads: same sessionStorage, new page. Still offline at first.
		const second = await mountChat( { server, storage: first.storage } );
		expect( second.transcript().slice( 1 ) ).toEqual( [
			`Before reload ${ RETRYING }`,
		] );
		await second.clock.advance( 2000 );
		await second.clock.advance( 4000 );
		expect( second.transcript().slice( 1 ) ).toEqual( [
			'Before reload',
			'Answer to: Before reload',
		] );
		expect(
			server.sends().every( ( r ) => r.body!.idempotency_key === key )
		).toBe( true );
		expect( server.storedVisitorMessages() ).toEqual( [ 'Before reload' ] );
		expect( second.storage.getItem( OUTBOX_KEY ) ).toBeNull();
		second.controller.stop();
	} );
} );

describe( 'outbox module', () => {
	it( 'makes keys of 22 characters from [A-Za-z0-9_-]', () => {
		const key = makeKey( Math.random );
		expect( key ).toMatch( /^[A-Za-z0-9_-]{22}$/ );
		expect( makeKey( () => 0.999999 ) ).toBe( '_'.repeat( 22 ) );
	} );

	it( 'waits between half and all of 1 s × 2^(n−1), capped at 30 s', () => {
		expect( backoff( 1, () => 0 ) ).toBe( 500 );
		expect( backoff( 1, () => 0.999999 ) ).toBe( 1000 );
		expect( backoff( 3, () => 0 ) ).toBe( 2000 );
		expect( backoff( 20, () => 0.999999 ) ).toBe( 30000 );
		expect( backoff( 20, () => 0 ) ).toBe( 15000 );
	} );

	it( 'ignores storage it cannot read and works without storage', async () => {
		const storage = memoryStore();
		storage.setItem( OUTBOX_KEY, '{not json' );
		const broken = {
			getItem: () => {
				throw new Error( 'SecurityError' );
			},
			setItem: () => {
				throw new Error( 'QuotaExceededError' );
			},
			removeItem: () => {
				throw new Error( 'SecurityError' );
			},
		};
		for ( const store of [ storage, broken ] ) {
			const sent: string[] = [];
			const outbox = createOutbox< null >( {
				storage: store,
				storageKey: OUTBOX_KEY,
				clock: new FakeClock(),
				random: Math.random,
				attempt: async ( entry: OutboxEntry ) => {
					sent.push( entry.text );
					return { kind: 'sent', value: null };
				},
			} );
			outbox.start();
			outbox.add( 'hi', { page_url: '', page_title: '' } );
			await flush();
			expect( sent ).toEqual( [ 'hi' ] );
			expect( outbox.entries() ).toEqual( [] );
		}
	} );
} );

describe( 'a reload while a message was on its way', () => {
	it( 'shows a message the server stored, but whose reply was lost, once', async () => {
		const server = new FakeServer().fail( 'lost' ).fail( 'network' );
		const first = await mountChat( { server } );
		await first.type( 'Did this arrive?' );
		expect( first.transcript().slice( 1 ) ).toEqual( [
			`Did this arrive? ${ RETRYING }`,
		] );
		first.controller.stop();

		// The new page restores the transcript, which has the message; resending it fails once.
		const second = await mountChat( { server, storage: first.storage } );
		expect( second.transcript().slice( 1 ) ).toEqual( [
			'Did this arrive?',
			'Answer to: Did this arrive?',
		] );
		// The resend (second try overall) waits 1–2 s.
		await second.clock.advance( 2000 );
		expect( second.transcript().slice( 1 ) ).toEqual( [
			'Did this arrive?',
			'Answer to: Did this arrive?',
		] );
		expect( second.storage.getItem( OUTBOX_KEY ) ).toBeNull();
		expect( server.storedVisitorMessages() ).toEqual( [
			'Did this arrive?',
		] );
		second.controller.stop();
	} );

	it( 'still shows it as not sent when the server never got it', async () => {
		const server = new FakeServer().fail( 'network' ).fail( 'network' );
		const first = await mountChat( { server } );
		await first.type( 'Lost in the air' );
		first.controller.stop();
		const second = await mountChat( { server, storage: first.storage } );
		expect( second.transcript().slice( 1 ) ).toEqual( [
			`Lost in the air ${ RETRYING }`,
		] );
		await second.clock.advance( 2000 );
		expect( second.transcript().slice( 1 ) ).toEqual( [
			'Lost in the air',
			'Answer to: Lost in the air',
		] );
		second.controller.stop();
	} );
} );
