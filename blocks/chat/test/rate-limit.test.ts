/**
 * A visitor held back by a rate limit is told so in plain words: when the message will go out, and
 * another way to reach the site. The message stays in the chat and in the outbox, and goes out
 * by itself when the wait is over.
 */
import { OUTBOX_KEY } from '../keys';
import { FakeServer, mountChat } from './helpers';

const isStart = ( r: { method: string; path: string } ) =>
	r.method === 'POST' && r.path === 'conversations';

function status( root: HTMLElement ): HTMLElement | null {
	return root.querySelector< HTMLElement >(
		'.handoff-bot-chat__msg.is-pending .handoff-bot-chat__status'
	);
}

describe( 'over a rate limit', () => {
	it( 'says when a new chat can start, links to the contact page, and sends the message then', async () => {
		const server = new FakeServer().fail(
			{
				status: 429,
				code: 'handoff_bot_rate_limited',
				message: 'Too many requests.',
				retryAfter: '1200',
			},
			isStart
		);
		const chat = await mountChat( { server } );
		await chat.type( 'Do you ship to Norway?' );

		const shown = status( chat.root );
		expect( shown?.textContent ).toMatch(
			/^Not sent yet: this site has had too many chat requests from your network\. Your message will be sent automatically in about 20 minutes \(at .+\)\. Need an answer sooner\? Contact us$/
		);
		const link = shown!.querySelector( 'a' );
		expect( link?.getAttribute( 'href' ) ).toBe(
			'https://shop.example/contact/'
		);
		expect( chat.transcript()[ 1 ] ).toMatch( /^Do you ship to Norway\?/ );
		expect( chat.input().value ).toBe( '' );
		expect(
			JSON.parse( chat.storage.getItem( OUTBOX_KEY )! )[ 0 ].text
		).toBe( 'Do you ship to Norway?' );

		await chat.clock.advance( 1199_000 );
		expect( server.requests.filter( isStart ) ).toHaveLength( 1 );
		await chat.clock.advance( 1000 );
		expect( chat.transcript().slice( 1 ) ).toEqual( [
			'Do you ship to Norway?',
			'Answer to: Do you ship to Norway?',
		] );
		expect( status( chat.root ) ).toBeNull();
		chat.controller.stop();
	} );

	it( 'says it is the many messages, not the network, when the conversation’s own limit holds it back', async () => {
		const server = new FakeServer().fail( {
			status: 429,
			code: 'handoff_bot_rate_limited',
			retryAfter: '30',
			limit: 'conversation',
		} );
		const chat = await mountChat( { server } );
		await chat.type( 'One more thing' );
		expect( status( chat.root )?.textContent ).toMatch(
			/^Not sent yet: you have sent many messages in a short time\. Your message will be sent automatically in about 30 seconds/
		);
		await chat.clock.advance( 30_000 );
		expect( status( chat.root ) ).toBeNull();
		chat.controller.stop();
	} );

	it( 'counts a short wait in seconds and a long one in hours', async () => {
		const server = new FakeServer()
			.fail( {
				status: 429,
				code: 'handoff_bot_rate_limited',
				retryAfter: '40',
			} )
			.fail( {
				status: 429,
				code: 'handoff_bot_rate_limited',
				retryAfter: '3600',
			} );
		const chat = await mountChat( { server } );
		await chat.type( 'Hello?' );
		expect( status( chat.root )?.textContent ).toContain(
			'sent automatically in about 40 seconds'
		);
		await chat.clock.advance( 40_000 );
		expect( status( chat.root )?.textContent ).toContain(
			'sent automatically in about 1 hour'
		);
		chat.controller.stop();
	} );

	it( 'links to the home page when the site has no contact page', async () => {
		const server = new FakeServer().fail(
			{ status: 429, retryAfter: '600' },
			isStart
		);
		const chat = await mountChat( { server, contactPage: false } );
		await chat.type( 'Hi' );
		expect(
			status( chat.root )?.querySelector( 'a' )?.getAttribute( 'href' )
		).toBe( 'https://shop.example/' );
		chat.controller.stop();
	} );

	it( 'keeps the usual retry note for other failures', async () => {
		const server = new FakeServer().fail( { status: 503 } );
		const chat = await mountChat( { server } );
		await chat.type( 'Anyone?' );
		expect( status( chat.root )?.textContent ).toBe(
			'Not sent yet — retrying…'
		);
		chat.controller.stop();
	} );
} );
