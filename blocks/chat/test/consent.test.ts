/**
 * The privacy notice above the message box: shown where the site asks, with a link to the privacy
 * policy; where agreement is required, the first message waits until "I agree" is ticked, and the
 * agreement goes with the new conversation. Once a conversation exists the notice goes.
 */
import { FakeServer, mountChat } from './helpers';

afterEach( () => {
	document.body.innerHTML = '';
} );

describe( 'the privacy notice', () => {
	it( 'is not there unless the site shows one', async () => {
		const chat = await mountChat();
		expect(
			chat.root.querySelector( '.handoff-bot-chat__consent' )
		).toBeNull();
		chat.controller.stop();
	} );

	it( 'holds the first message until the visitor agrees, and sends the agreement', async () => {
		const server = new FakeServer();
		const chat = await mountChat( {
			server,
			settings: { consent_required: true },
		} );
		const notice = chat.root.querySelector< HTMLElement >(
			'.handoff-bot-chat__consent'
		)!;
		expect( notice.textContent ).toContain(
			'This chat keeps what you write'
		);
		expect( notice.querySelector( 'a' )!.getAttribute( 'href' ) ).toBe(
			'https://shop.example/privacy/'
		);
		const check = notice.querySelector< HTMLInputElement >(
			'input[type="checkbox"]'
		)!;

		await chat.type( 'Where is my order?' );
		expect( server.requests ).toHaveLength( 0 );
		expect( chat.input().value ).toBe( 'Where is my order?' );
		expect( chat.root.ownerDocument.activeElement ).toBe( check );
		expect( check.getAttribute( 'aria-invalid' ) ).toBe( 'true' );
		const error = chat.root.querySelector(
			'.handoff-bot-chat__consent-error'
		)!;
		expect( error.getAttribute( 'role' ) ).toBe( 'alert' );

		check.click();
		expect(
			chat.root.querySelector( '.handoff-bot-chat__consent-error' )
		).toBeNull();
		await chat.type( 'Where is my order?' );
		await chat.clock.advance( 0 );
		const started = server.requests.find(
			( r ) => r.method === 'POST' && r.path === 'conversations'
		)!;
		expect( started.body ).toMatchObject( { consent: true } );
		expect( notice.hidden ).toBe( true );
		chat.controller.stop();
	} );
} );
