/**
 * The chat client's state as a visitor meets it: the conversation starts with the first message,
 * lives in sessionStorage across pages, is restored (transcript and page trail), is replaced when
 * the server no longer knows it, and can be ended with a rating.
 */
import type { FetchLike } from '../app/api';
import { memoryStore } from '../app/storage';
import { CONVERSATION_KEY } from '../keys';
import { FakeServer, flush, mountChat, PAGE, REST } from './helpers';

function stored( storage: Storage | ReturnType< typeof memoryStore > ) {
	const raw = storage.getItem( CONVERSATION_KEY );
	return raw ? JSON.parse( raw ) : null;
}

function storageWith( conversation: { id: number; token: string } ) {
	const storage = memoryStore();
	storage.setItem(
		CONVERSATION_KEY,
		JSON.stringify( { ...conversation, cursor: 0, rest: REST } )
	);
	return storage;
}

const click = async ( el: HTMLElement | null ) => {
	expect( el ).not.toBeNull();
	el!.click();
	await flush();
};

describe( 'starting a conversation', () => {
	it( 'sends nothing until the first message, then starts one and keeps it for the tab', async () => {
		const chat = await mountChat();
		expect( chat.server.requests ).toEqual( [] );
		expect( chat.button( 'End chat' ) ).toBeNull();

		await chat.type( 'Where is my order?' );

		expect(
			chat.server.requests.map( ( r ) => `${ r.method } ${ r.path }` )
		).toEqual( [ 'POST conversations', 'POST conversations/1/messages' ] );
		const [ start, send ] = chat.server.requests;
		expect( start!.body ).toEqual( {
			page_url: PAGE.url,
			page_title: PAGE.title,
		} );
		expect( send!.headers[ 'X-Handoff-Bot-Token' ] ).toBe(
			chat.server.conversations.get( 1 )!.token
		);
		expect( send!.body ).toEqual( {
			after: 0,
			message: 'Where is my order?',
			idempotency_key: expect.stringMatching( /^[A-Za-z0-9_-]{8,64}$/ ),
			page_url: PAGE.url,
			page_title: PAGE.title,
		} );
		expect( stored( chat.storage ) ).toEqual(
			expect.objectContaining( {
				id: 1,
				token: chat.server.conversations.get( 1 )!.token,
				cursor: 2,
			} )
		);
		expect( chat.transcript().slice( 1 ) ).toEqual( [
			'Where is my order?',
			'Answer to: Where is my order?',
		] );
		expect( chat.button( 'End chat' ) ).not.toBeNull();
	} );

	it( 'sends no nonce to anonymous visitors and the nonce to logged-in ones', async () => {
		const anonymous = await mountChat();
		await anonymous.type( 'Hi' );
		expect(
			anonymous.server.requests.some( ( r ) => 'X-WP-Nonce' in r.headers )
		).toBe( false );

		const member = await mountChat( { loggedIn: true } );
		await member.type( 'Hi' );
		expect(
			member.server.requests.map( ( r ) => r.headers[ 'X-WP-Nonce' ] )
		).toEqual( [ 'nonce-for-wp_rest', 'nonce-for-wp_rest' ] );
	} );

	it( 'goes on without the nonce when WordPress says it expired', async () => {
		const server = new FakeServer().fail(
			{ status: 403, code: 'rest_cookie_invalid_nonce' },
			( r ) => r.path === 'conversations'
		);
		const chat = await mountChat( { server, loggedIn: true } );
		await chat.type( 'Still there?' );
		expect( chat.transcript() ).toContain( 'Answer to: Still there?' );
		expect( server.requests.at( -1 )!.headers[ 'X-WP-Nonce' ] ).toBe(
			undefined
		);
	} );

	it( 'keeps one conversation for the page when storage refuses to save', async () => {
		const full = memoryStore();
		full.setItem = () => {
			throw new Error( 'QuotaExceededError' );
		};
		const chat = await mountChat( { storage: full } );
		await chat.type( 'First' );
		await chat.type( 'Second' );
		expect( chat.server.conversations.size ).toBe( 1 );
		expect( chat.transcript().slice( 1 ) ).toEqual( [
			'First',
			'Answer to: First',
			'Second',
			'Answer to: Second',
		] );
	} );

	it( 'refuses a message over the length limit without sending it', async () => {
		const chat = await mountChat( {
			settings: { max_message_length: 10 },
		} );
		expect( chat.input().maxLength ).toBe( 10 );
		await chat.type( 'This is far too long' );
		expect( chat.server.requests ).toEqual( [] );
		const error = chat.root.querySelector( '[role="alert"]' );
		expect( error?.textContent ).toBe(
			'Your message is too long: at most 10 characters, please.'
		);
		expect( chat.input().getAttribute( 'aria-invalid' ) ).toBe( 'true' );
		expect( chat.input().value ).toBe( 'This is far too long' );
	} );
} );

describe( 'an open conversation on a new page', () => {
	it( 'restores the transcript and adds the page to the trail', async () => {
		const server = new FakeServer();
		const conversation = server.seed( [
			{ role: 'visitor', body: 'Can I return shoes?' },
			{
				role: 'bot',
				body: 'Yes, within 30 days.',
				kind: 'answer',
				citations: [
					{ title: 'Returns', url: 'https://shop.example/returns/' },
				],
			},
		] );
		const page = { url: 'https://shop.example/returns/', title: 'Returns' };
		const chat = await mountChat( {
			server,
			storage: storageWith( conversation ),
			page,
		} );

		expect( chat.transcript().slice( 1 ) ).toEqual( [
			'Can I return shoes?',
			'Yes, within 30 days.',
		] );
		const [ history, trail ] = server.requests;
		expect( history ).toEqual(
			expect.objectContaining( {
				method: 'GET',
				path: 'conversations/1/messages',
				query: 'after=0',
			} )
		);
		expect( history!.headers[ 'X-Handoff-Bot-Token' ] ).toBe(
			conversation.token
		);
		expect( trail ).toEqual(
			expect.objectContaining( {
				method: 'POST',
				path: 'conversations/1/pages',
				body: { page_url: page.url, page_title: page.title },
			} )
		);
		expect( stored( chat.storage ).cursor ).toBe( 2 );
		expect( chat.button( 'End chat' ) ).not.toBeNull();

		// The next message goes to the same conversation.
		await chat.type( 'And sandals?' );
		expect( server.conversations.size ).toBe( 1 );
		expect( chat.transcript().slice( 1 ) ).toEqual( [
			'Can I return shoes?',
			'Yes, within 30 days.',
			'And sandals?',
			'Answer to: And sandals?',
		] );
	} );

	it( 'forgets a stored conversation the server does not know (403) and starts a new one', async () => {
		const server = new FakeServer();
		const chat = await mountChat( {
			server,
			storage: storageWith( { id: 99, token: 'gone-token-aaaaaaaa' } ),
		} );
		expect( stored( chat.storage ) ).toBeNull();
		expect( chat.transcript().slice( 1 ) ).toEqual( [] );
		expect( chat.button( 'End chat' ) ).toBeNull();

		await chat.type( 'Hello again' );
		expect( stored( chat.storage ).id ).toBe( 1 );
		expect( chat.transcript().slice( 1 ) ).toEqual( [
			'Hello again',
			'Answer to: Hello again',
		] );
	} );

	it.each( [
		[ 401, 'handoff_bot_token_missing' ],
		[ 403, 'handoff_bot_invalid_token' ],
		[ 404, 'handoff_bot_conversation_not_found' ],
		[ 409, 'handoff_bot_conversation_ended' ],
	] )(
		'on %i %s while sending, starts a new conversation and resends the message once',
		async ( status, code ) => {
			const server = new FakeServer();
			const old = server.seed();
			server.fail( { status, code } );
			const chat = await mountChat( {
				server,
				storage: storageWith( old ),
			} );
			await chat.type( 'Is anyone there?' );

			const sends = server.sends();
			expect( sends.map( ( r ) => r.path ) ).toEqual( [
				`conversations/${ old.id }/messages`,
				'conversations/2/messages',
			] );
			expect( sends[ 1 ]!.body!.idempotency_key ).toBe(
				sends[ 0 ]!.body!.idempotency_key
			);
			expect( stored( chat.storage ).id ).toBe( 2 );
			expect( server.storedVisitorMessages() ).toEqual( [
				'Is anyone there?',
			] );
			expect( chat.transcript().slice( 1 ) ).toEqual( [
				'Is anyone there?',
				'Answer to: Is anyone there?',
			] );
		}
	);

	it( 'forgets a conversation that was ended elsewhere, after showing it', async () => {
		const server = new FakeServer();
		const conversation = server.seed( [
			{ role: 'visitor', body: 'Thanks!' },
		] );
		server.conversations.get( conversation.id )!.status = 'ended';
		const chat = await mountChat( {
			server,
			storage: storageWith( conversation ),
		} );
		expect( chat.transcript().slice( 1 ) ).toEqual( [ 'Thanks!' ] );
		expect( stored( chat.storage ) ).toBeNull();
		await chat.type( 'New question' );
		expect( stored( chat.storage ).id ).toBe( 2 );
	} );

	it( 'says so when the transcript cannot be loaded, and keeps the conversation', async () => {
		const server = new FakeServer();
		const conversation = server.seed( [ { role: 'visitor', body: 'Hi' } ] );
		server.fail( 'network', ( r ) => r.method === 'GET' );
		const chat = await mountChat( {
			server,
			storage: storageWith( conversation ),
		} );
		expect( chat.transcript() ).toContain(
			'Your earlier messages could not be loaded.'
		);
		expect( stored( chat.storage ).id ).toBe( conversation.id );
	} );
} );

describe( 'answers', () => {
	it( 'shows text as text, citations as links, and feedback buttons on answers', async () => {
		const server = new FakeServer();
		server.answer = () => ( {
			role: 'bot',
			kind: 'answer',
			body: 'Use <b>this</b> <img src=x onerror="alert(1)">',
			citations: [
				{
					title: 'Returns and refunds',
					url: 'https://shop.example/returns/#refund-timing',
					heading: 'Refund timing',
				},
				{ title: 'Evil', url: 'javascript:alert(1)' },
			],
		} );
		const chat = await mountChat( { server } );
		await chat.type( '<script>alert(1)</script>' );

		const log = chat.root.querySelector( '[role="log"]' )!;
		expect( log.querySelector( 'img, script, b' ) ).toBeNull();
		expect( chat.transcript().slice( 1 ) ).toEqual( [
			'<script>alert(1)</script>',
			'Use <b>this</b> <img src=x onerror="alert(1)">',
		] );
		const links = Array.from( log.querySelectorAll( 'a' ) );
		expect( links ).toHaveLength( 1 );
		expect( links[ 0 ]!.textContent ).toBe(
			'Returns and refunds — Refund timing'
		);
		expect( links[ 0 ]!.getAttribute( 'href' ) ).toBe(
			'https://shop.example/returns/#refund-timing'
		);
		expect( log.textContent ).toContain( 'Evil' );
		const group = log.querySelector( '[role="group"]' );
		expect( group?.getAttribute( 'aria-label' ) ).toBe(
			'Was this answer helpful?'
		);
		expect(
			Array.from( group!.querySelectorAll( 'button' ) ).map(
				( b ) => b.textContent
			)
		).toEqual( [ 'Helpful', 'Not helpful' ] );
	} );

	it( 'sends feedback and thanks the visitor', async () => {
		const chat = await mountChat();
		await chat.type( 'How long does a refund take?' );
		chat.button( 'Not helpful' )!.focus();
		await click( chat.button( 'Not helpful' ) );

		const conversation = chat.server.conversations.get( 1 )!;
		expect( conversation.feedback ).toEqual( [
			{ message_id: 2, helpful: false },
		] );
		expect( chat.button( 'Helpful' ) ).toBeNull();
		const thanks = chat.root.querySelector( '.handoff-bot-chat__thanks' );
		expect( thanks?.textContent ).toBe( 'Thanks for your feedback!' );
		expect( chat.root.ownerDocument.activeElement ).toBe( thanks );
	} );

	it( 'keeps the buttons and says so when feedback fails', async () => {
		const server = new FakeServer().fail( { status: 500 }, ( r ) =>
			r.path.endsWith( '/feedback' )
		);
		const chat = await mountChat( { server } );
		await chat.type( 'Refunds?' );
		await click( chat.button( 'Helpful' ) );
		expect( chat.button( 'Helpful' ) ).not.toBeNull();
		expect(
			chat.root.querySelector( '.handoff-bot-chat__feedback' )
				?.textContent
		).toContain( 'Your feedback could not be sent.' );
	} );

	it( 'shows a "don’t know" reply as its body, without sources or feedback', async () => {
		const server = new FakeServer();
		server.answer = () => ( {
			role: 'bot',
			kind: 'dont_know',
			body: 'I’m not sure. Could you rephrase?',
			citations: [],
		} );
		const chat = await mountChat( { server } );
		await chat.type( 'Blorp?' );
		expect( chat.transcript().at( -1 ) ).toBe(
			'I’m not sure. Could you rephrase?'
		);
		expect( chat.button( 'Helpful' ) ).toBeNull();
		expect(
			chat.root.querySelector( '.handoff-bot-chat__sources' )
		).toBeNull();
	} );

	it( 'shows a typing indicator while waiting for the reply', async () => {
		const server = new FakeServer();
		let release: () => void = () => {};
		const gate = new Promise< void >(
			( resolve ) => ( release = resolve )
		);
		const fetch: FetchLike = async ( url, init ) => {
			if ( url.endsWith( '/messages' ) ) {
				await gate;
			}
			return server.fetch( url, init );
		};
		const gated = await mountChat( { server, fetch } );
		await gated.type( 'Slow answer please' );
		const typing = gated.root.querySelector< HTMLElement >(
			'.handoff-bot-chat__typing'
		)!;
		expect( typing.hidden ).toBe( false );
		expect( typing.textContent ).toBe( 'The assistant is typing…' );
		expect(
			gated.root.querySelector( '[role="log"]' )!.contains( typing )
		).toBe( true );
		release();
		await flush();
		expect( typing.hidden ).toBe( true );
		expect( gated.transcript().at( -1 ) ).toBe(
			'Answer to: Slow answer please'
		);
	} );

	it( 'labels who said what for screen readers', async () => {
		const chat = await mountChat();
		await chat.type( 'Hello' );
		const messages = chat.root.querySelectorAll(
			'[role="log"] .handoff-bot-chat__msg[data-id]'
		);
		expect(
			Array.from( messages ).map( ( m ) => m.textContent?.slice( 0, 11 ) )
		).toEqual( [ 'You: Hello', 'Assistant: ' ] );
	} );
} );

describe( 'talking to a person and ending the chat', () => {
	it( '"Talk to a person" sends the configured request as a visitor message', async () => {
		const chat = await mountChat();
		await click( chat.button( 'Talk to a person' ) );
		expect( chat.server.sends()[ 0 ]!.body!.message ).toBe(
			"I'd like to talk to a person."
		);
		expect( chat.transcript()[ 1 ] ).toBe(
			"I'd like to talk to a person."
		);
	} );

	it( 'has no "Talk to a person" button when the block turns it off', async () => {
		const chat = await mountChat( {
			attributes: { showHumanButton: false },
		} );
		expect( chat.button( 'Talk to a person' ) ).toBeNull();
	} );

	it( 'ends with an optional rating, then starts a new conversation on the next message', async () => {
		const chat = await mountChat();
		await chat.type( 'Hi' );
		await click( chat.button( 'End chat' ) );

		const form = chat.root.querySelector< HTMLFormElement >(
			'form.handoff-bot-chat__end-form'
		)!;
		const legend = form.querySelector( 'legend' )!;
		expect( legend.textContent ).toContain( 'How was this chat?' );
		const radios = Array.from(
			form.querySelectorAll< HTMLInputElement >( 'input[type="radio"]' )
		);
		expect( radios.map( ( r ) => r.value ) ).toEqual( [
			'1',
			'2',
			'3',
			'4',
			'5',
		] );
		expect(
			radios.map( ( r ) => r.closest( 'label' )?.textContent )
		).toEqual( [ '1', '2', '3', '4', '5' ] );
		expect( chat.root.ownerDocument.activeElement ).toBe( radios[ 0 ] );
		radios[ 3 ]!.click();
		form.requestSubmit();
		await flush();

		const first = chat.server.conversations.get( 1 )!;
		expect( first.status ).toBe( 'ended' );
		expect( first.rating ).toBe( 4 );
		expect( stored( chat.storage ) ).toBeNull();
		expect( chat.transcript().at( -1 ) ).toBe(
			'This chat has ended. Thank you! Send a new message to start another one.'
		);
		expect( chat.button( 'End chat' ) ).toBeNull();

		await chat.type( 'One more thing' );
		expect( stored( chat.storage ).id ).toBe( 2 );
		expect( chat.server.conversations.get( 2 )!.messages[ 0 ]!.body ).toBe(
			'One more thing'
		);
	} );

	it( 'ends without a rating, and can be cancelled', async () => {
		const chat = await mountChat();
		await chat.type( 'Hi' );
		await click( chat.button( 'End chat' ) );
		await click( chat.button( 'Cancel' ) );
		expect(
			chat.root.querySelector( '.handoff-bot-chat__end-form' )
		).toBeNull();
		expect( chat.root.ownerDocument.activeElement ).toBe(
			chat.button( 'End chat' )
		);
		await click( chat.button( 'End chat' ) );
		chat.root
			.querySelector< HTMLFormElement >( '.handoff-bot-chat__end-form' )!
			.requestSubmit();
		await flush();
		const end = chat.server.requests.at( -1 )!;
		expect( end.path ).toBe( 'conversations/1/end' );
		expect( end.body ).toEqual( {} );
	} );

	it( 'keeps the conversation and says so when ending fails', async () => {
		const server = new FakeServer().fail( 'network', ( r ) =>
			r.path.endsWith( '/end' )
		);
		const chat = await mountChat( { server } );
		await chat.type( 'Hi' );
		await click( chat.button( 'End chat' ) );
		chat.root
			.querySelector< HTMLFormElement >( '.handoff-bot-chat__end-form' )!
			.requestSubmit();
		await flush();
		expect(
			chat.root.querySelector( '.handoff-bot-chat__end-error' )
				?.textContent
		).toBe( 'The chat could not be ended. Please try again.' );
		expect( stored( chat.storage )?.id ).toBe( 1 );
	} );
} );
