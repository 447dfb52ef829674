/**
 * Asking for a person: the button says it was the button, and an offer to connect to a person is
 * answered with one of its two buttons, by mouse or keyboard, once.
 */
import { memoryStore } from '../app/storage';
import { CONVERSATION_KEY } from '../keys';
import { FakeServer, flush, mountChat, REST } from './helpers';

const isChoice = ( r: { method: string; path: string } ) =>
	r.method === 'POST' && /\/choice$/.test( r.path );

function offerButtons( root: HTMLElement ) {
	return {
		accept: root.querySelector< HTMLButtonElement >(
			'.handoff-bot-chat__offer-accept'
		),
		decline: root.querySelector< HTMLButtonElement >(
			'.handoff-bot-chat__offer-decline'
		),
	};
}

function offeringServer(): FakeServer {
	const server = new FakeServer();
	server.answer = ( text ) => ( {
		role: 'bot',
		body: `I could not find that. I can try to answer this, or connect you to our support team now. (${ text })`,
		kind: 'dont_know',
		confidence: 0.1,
		language: 'en',
		citations: [],
		decision: { kind: 'offer_choice' },
	} );
	return server;
}

describe( 'asking for a person', () => {
	it( 'sends the button’s words as a request for a person', async () => {
		const chat = await mountChat();
		chat.button( 'Talk to a person' )!.click();
		await chat.clock.advance( 0 );
		const send = chat.server.sends()[ 0 ]!;
		expect( send.body?.human ).toBe( true );
		expect( send.body?.message ).toBe( "I'd like to talk to a person." );
		chat.controller.stop();
	} );

	it( 'sends what the visitor types as an ordinary message', async () => {
		const chat = await mountChat();
		await chat.type( 'Where is my order?' );
		expect( chat.server.sends()[ 0 ]!.body?.human ).toBeUndefined();
		chat.controller.stop();
	} );

	it( 'shows an offer’s two buttons, and accepting connects the visitor', async () => {
		const chat = await mountChat( { server: offeringServer() } );
		await chat.type( 'Can I rent a flamingo?' );
		const { accept, decline } = offerButtons( chat.root );
		expect( accept?.textContent ).toBe( 'Connect me to a person' );
		expect( decline?.textContent ).toBe( 'Keep chatting with the bot' );
		expect(
			accept!.closest( '[role="group"]' )?.getAttribute( 'aria-label' )
		).toBe( 'Talk to a person?' );

		accept!.focus();
		accept!.click();
		await flush();
		const choice = chat.server.requests.filter( isChoice );
		expect( choice ).toHaveLength( 1 );
		expect( choice[ 0 ]!.body ).toEqual( {
			message_id: expect.any( Number ),
			accept: true,
		} );
		expect( offerButtons( chat.root ).accept ).toBeNull();
		expect( chat.transcript().at( -1 ) ).toBe(
			'Connecting you to a person from our team.'
		);
		expect(
			chat.root.querySelector( '.handoff-bot-chat__msg.is-handoff' )
		).not.toBeNull();
		expect( chat.root.ownerDocument.activeElement ).toBe( chat.input() );
		chat.controller.stop();
	} );

	it( 'keeps the bot when the visitor declines', async () => {
		const chat = await mountChat( { server: offeringServer() } );
		await chat.type( 'Can I rent a flamingo?' );
		const before = chat.transcript().length;
		offerButtons( chat.root ).decline!.click();
		await flush();
		expect( chat.server.requests.filter( isChoice )[ 0 ]!.body ).toEqual( {
			message_id: expect.any( Number ),
			accept: false,
		} );
		expect( offerButtons( chat.root ).decline ).toBeNull();
		expect( chat.transcript() ).toHaveLength( before );
		chat.controller.stop();
	} );

	it( 'says so when the choice could not be sent, and lets the visitor try again', async () => {
		const server = offeringServer().fail(
			{ status: 503, code: 'handoff_bot_storage_unavailable' },
			isChoice
		);
		const chat = await mountChat( { server } );
		await chat.type( 'Can I rent a flamingo?' );
		offerButtons( chat.root ).accept!.click();
		await flush();
		const error = chat.root.querySelector< HTMLElement >(
			'.handoff-bot-chat__offer-error'
		)!;
		expect( error.hidden ).toBe( false );
		expect( error.getAttribute( 'role' ) ).toBe( 'alert' );
		const { accept } = offerButtons( chat.root );
		expect( accept!.disabled ).toBe( false );
		accept!.click();
		await flush();
		expect( offerButtons( chat.root ).accept ).toBeNull();
		chat.controller.stop();
	} );

	it( 'shows an offer already answered without its buttons after a reload', async () => {
		const server = offeringServer();
		const { id, token } = server.seed( [
			{ role: 'visitor', body: 'Can I rent a flamingo?' },
			{
				role: 'bot',
				body: 'I could not find that.',
				kind: 'dont_know',
				decision: { kind: 'offer_choice', choice: 'declined' },
			},
		] );
		const storage = memoryStore();
		storage.setItem(
			CONVERSATION_KEY,
			JSON.stringify( { id, token, cursor: 0, rest: REST } )
		);
		const chat = await mountChat( { server, storage } );
		await chat.clock.advance( 0 );
		expect( chat.transcript() ).toContain( 'I could not find that.' );
		expect( offerButtons( chat.root ).accept ).toBeNull();
		chat.controller.stop();
	} );
} );
