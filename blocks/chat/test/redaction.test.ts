/**
 * A card number typed in the chat: once stored, the visitor's bubble shows what the server kept
 * (the number masked) and says why; the transcript read back later shows the same.
 */
import { memoryStore } from '../app/storage';
import { FakeServer, mountChat } from './helpers';

afterEach( () => {
	document.body.innerHTML = '';
} );

describe( 'numbers masked before they are stored', () => {
	it( 'shows the masked message and why, now and after a reload', async () => {
		const server = new FakeServer();
		const storage = memoryStore();
		const chat = await mountChat( { server, storage } );
		await chat.type( 'Refund my card 4111 1111 1111 1111 please' );
		await chat.clock.advance( 0 );
		const mine = chat.root.querySelector(
			'.handoff-bot-chat__msg.is-visitor'
		)!;
		expect(
			mine.querySelector( '.handoff-bot-chat__body' )!.textContent
		).toBe( 'Refund my card [Visa card ending 1111] please' );
		expect( mine.textContent ).not.toContain( '4111 1111' );
		expect(
			mine.querySelector( '.handoff-bot-chat__masked' )!.textContent
		).toContain( 'we hid the card, account or ID numbers' );
		chat.controller.stop();
		document.body.innerHTML = '';

		const again = await mountChat( { server, storage } );
		const restored = again.root.querySelector(
			'.handoff-bot-chat__msg.is-visitor'
		)!;
		expect( restored.textContent ).toContain( '[Visa card ending 1111]' );
		expect(
			restored.querySelector( '.handoff-bot-chat__masked' )
		).not.toBeNull();
		again.controller.stop();
	} );

	it( 'adds nothing to a message with nothing to mask', async () => {
		const chat = await mountChat();
		await chat.type( 'Order 4111 2222 is late' );
		await chat.clock.advance( 0 );
		expect(
			chat.root.querySelector( '.handoff-bot-chat__masked' )
		).toBeNull();
		chat.controller.stop();
	} );
} );
