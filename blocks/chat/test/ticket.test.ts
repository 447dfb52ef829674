/**
 * The ticket form as the visitor meets it: it opens by itself when nobody can take the chat now,
 * already holding what they wrote; each refused field says why; a failed send keeps what was
 * typed and the same key; the confirmation with its reference shows in the transcript. A visitor
 * waiting in the queue may leave their details instead, and ask for a callback where offered.
 */
import type { VisitorHandoff } from '../types';
import { FakeServer, flush, mountChat, type Chat } from './helpers';

afterEach( () => {
	document.body.innerHTML = '';
	window.sessionStorage.clear();
} );

/**
 * Types into a field as a person does (the input event included).
 * @param control The field.
 * @param value   What to type.
 */
function typeInto(
	control: HTMLInputElement | HTMLTextAreaElement,
	value: string
): void {
	control.value = value;
	control.dispatchEvent( new Event( 'input', { bubbles: true } ) );
}

/**
 * A chat whose visitor asked a question, then pressed "Talk to a person".
 * @param handoff The handoff the request opens.
 * @param server  The server.
 */
async function asked(
	handoff: Partial< VisitorHandoff >,
	server = new FakeServer()
): Promise< Chat > {
	server.handoffOnRequest = handoff;
	const chat = await mountChat( { server } );
	await chat.type( 'My parcel arrived broken' );
	chat.input().focus();
	chat.button( 'Talk to a person' )!.click();
	await chat.clock.advance( 0 );
	await flush();
	return chat;
}

function form( chat: Chat ): HTMLFormElement | null {
	return chat.root.querySelector< HTMLFormElement >(
		'.handoff-bot-chat__ticket'
	);
}

/**
 * A form control by its label.
 * @param chat  The chat.
 * @param label The label's text.
 */
function field< T extends HTMLElement = HTMLInputElement >(
	chat: Chat,
	label: string
): T {
	const found = Array.from( chat.root.querySelectorAll( 'label' ) ).find(
		( l ) => l.textContent?.trim() === label
	);
	if ( ! found ) {
		throw new Error( `No field labelled ${ label }` );
	}
	return ( found.control ??
		chat.root.ownerDocument.getElementById( found.htmlFor ) ) as T;
}

async function send( chat: Chat ): Promise< void > {
	form( chat )!.requestSubmit();
	await flush();
	// A form sent at once waits a moment first (bots are that quick).
	await chat.clock.advance( 1500 );
	await flush();
}

describe( 'the ticket form', () => {
	it( 'opens after hours with what the visitor wrote, and sends a ticket with a reference', async () => {
		const chat = await asked( { route: 'ticket', place: null } );
		const ticket = form( chat )!;
		expect( ticket ).not.toBeNull();
		expect( ticket.getAttribute( 'aria-labelledby' ) ).toBeTruthy();
		expect( chat.root.ownerDocument.activeElement?.textContent ).toBe(
			'Leave your details'
		);
		const message = field< HTMLTextAreaElement >( chat, 'Your message' );
		expect( message.value ).toContain( 'My parcel arrived broken' );
		expect( chat.root.textContent ).not.toContain( 'Call me back' );

		// Refused: each field says why, and focus goes to the first.
		field( chat, 'Email address' ).value = 'not-an-address';
		await send( chat );
		const name = field( chat, 'Your name' );
		expect( name.getAttribute( 'aria-invalid' ) ).toBe( 'true' );
		expect(
			chat.root.ownerDocument.getElementById(
				name.getAttribute( 'aria-describedby' )!
			)!.textContent
		).toBe( 'Please enter your name.' );
		expect(
			field( chat, 'Email address' ).getAttribute( 'aria-invalid' )
		).toBe( 'true' );
		expect( chat.root.ownerDocument.activeElement ).toBe( name );
		expect( chat.server.tickets ).toHaveLength( 0 );

		name.value = 'Ada';
		field( chat, 'Email address' ).value = 'ada@example.com';
		await send( chat );
		expect( form( chat ) ).toBeNull();
		expect( chat.server.tickets ).toHaveLength( 1 );
		expect( chat.server.tickets[ 0 ] ).toMatchObject( {
			name: 'Ada',
			email: 'ada@example.com',
			contact: 'email',
		} );
		expect( chat.transcript().at( -1 ) ).toContain( 'HB-00001' );
		expect( chat.root.ownerDocument.activeElement ).toBe( chat.input() );

		// Nothing open any more: no more reads.
		const reads = chat.server.reads().length;
		await chat.clock.advance( 60000 );
		expect( chat.server.reads() ).toHaveLength( reads );
		chat.controller.stop();
	} );

	it( 'keeps what was typed and the same key when a send fails', async () => {
		const chat = await asked( { route: 'ticket', place: null } );
		field( chat, 'Your name' ).value = 'Ada';
		field( chat, 'Email address' ).value = 'ada@example.com';
		chat.server.fail( 'network', ( r ) =>
			r.path.endsWith( '/handoff/ticket' )
		);
		await send( chat );
		expect( form( chat ) ).not.toBeNull();
		expect(
			chat.root.querySelector( '.handoff-bot-chat__ticket-failed' )!
				.textContent
		).toContain( 'everything you typed is still here' );
		expect( field( chat, 'Your name' ).value ).toBe( 'Ada' );

		await send( chat );
		expect( chat.server.tickets ).toHaveLength( 1 );
		const keys = chat.server.requests
			.filter( ( r ) => r.path.endsWith( '/handoff/ticket' ) && r.body )
			.map( ( r ) => r.body!.idempotency_key );
		expect( keys ).toHaveLength( 2 );
		expect( keys[ 0 ] ).toBe( keys[ 1 ] );
		chat.controller.stop();
	} );

	it( 'lets a waiting visitor ask for a callback instead, where offered', async () => {
		const server = new FakeServer();
		server.callbackOffered = true;
		const chat = await asked(
			{ place: 2, expected_wait_minutes: 4 },
			server
		);
		expect( form( chat ) ).toBeNull();
		chat.button( 'Leave your details' )!.click();
		await flush();
		await flush();
		expect( form( chat ) ).not.toBeNull();

		const phoneNumber = field( chat, 'Phone number' );
		expect( phoneNumber.closest( '[hidden]' ) ).not.toBeNull();
		const callMe = field( chat, 'Call me back' );
		callMe.click();
		expect( phoneNumber.closest( '[hidden]' ) ).toBeNull();
		field( chat, 'Your name' ).value = 'Grace';
		phoneNumber.value = '+44 20 7946 0958';
		field< HTMLSelectElement >( chat, 'When should we call?' ).value =
			'afternoon';
		await send( chat );
		expect( chat.server.tickets[ 0 ] ).toMatchObject( {
			contact: 'phone',
			phone: '+44 20 7946 0958',
			window: 'afternoon',
		} );
		expect( chat.transcript().at( -1 ) ).toContain( 'callback request' );
		expect(
			chat.root.querySelector< HTMLElement >( '.handoff-bot-chat__queue' )
				?.hidden ?? true
		).toBe( true );
		chat.controller.stop();
	} );

	it( 'can be put away and brought back', async () => {
		const chat = await asked( { route: 'ticket', place: null } );
		field( chat, 'Your name' ).focus();
		chat.button( 'Not now' )!.click();
		expect( form( chat ) ).toBeNull();
		expect( chat.root.ownerDocument.activeElement ).toBe( chat.input() );
		chat.button( 'Leave your details' )!.click();
		await flush();
		await flush();
		expect( form( chat ) ).not.toBeNull();
		expect( chat.button( 'Leave your details' ) ).toBeNull();
		chat.controller.stop();
	} );

	it( 'waits a moment before sending, and sends the field only bots fill in', async () => {
		const chat = await asked( { route: 'ticket', place: null } );
		typeInto( field( chat, 'Your name' ), 'Ada' );
		typeInto( field( chat, 'Email address' ), 'ada@example.com' );
		form( chat )!.requestSubmit();
		await flush();
		expect( chat.server.tickets ).toHaveLength( 0 );
		await chat.clock.advance( 1500 );
		await flush();
		const sent = chat.server.requests.find(
			( r ) => r.method === 'POST' && r.path.endsWith( '/handoff/ticket' )
		)!;
		expect( sent.body!.website ).toBe( '' );
		expect( Number( sent.body!.elapsed_ms ) ).toBeGreaterThanOrEqual(
			1200
		);
		const trap = chat.root.querySelector(
			'.handoff-bot-chat__ticket-trap'
		);
		expect( trap ).toBeNull();
		chat.controller.stop();
	} );

	it( 'keeps what was typed through a reload, until it is sent', async () => {
		const server = new FakeServer();
		const chat = await asked( { route: 'ticket', place: null }, server );
		typeInto( field( chat, 'Your name' ), 'Ada' );
		typeInto(
			field< HTMLTextAreaElement >( chat, 'Your message' ),
			'The screen is cracked, order 1042'
		);
		const trap = form( chat )!.querySelector< HTMLInputElement >(
			'input[name="website"]'
		)!;
		expect( trap.tabIndex ).toBe( -1 );
		expect( trap.closest( '[aria-hidden="true"]' ) ).not.toBeNull();
		chat.controller.stop();
		document.body.innerHTML = '';

		// The page reloads; the request still waits, and the form opens with what was typed.
		const again = await mountChat( { server, storage: chat.storage } );
		await again.clock.advance( 3000 );
		await flush();
		await flush();
		expect( field( again, 'Your name' ).value ).toBe( 'Ada' );
		expect(
			field< HTMLTextAreaElement >( again, 'Your message' ).value
		).toBe( 'The screen is cracked, order 1042' );
		again.controller.stop();
	} );

	it( 'moves the message to the message box when a person takes the chat meanwhile', async () => {
		const chat = await asked( { place: 2, expected_wait_minutes: 4 } );
		chat.button( 'Leave your details' )!.click();
		await flush();
		await flush();
		const message = field< HTMLTextAreaElement >( chat, 'Your message' );
		typeInto( message, 'Please call me about order 1042' );
		message.focus();
		chat.server.agentJoins( 'Samira' );
		await chat.clock.advance( 3000 );
		await flush();
		expect( form( chat ) ).toBeNull();
		expect( chat.input().value ).toBe( 'Please call me about order 1042' );
		expect( chat.root.ownerDocument.activeElement ).toBe( chat.input() );
		expect( chat.transcript() ).toContain(
			'Someone from the team has joined the chat: your message is in the box below, ready to send to them.'
		);
		chat.controller.stop();
	} );

	it( 'keeps a form with changes when the request stops waiting, and drops an untouched one', async () => {
		const chat = await asked( { route: 'ticket', place: null } );
		typeInto( field( chat, 'Your name' ), 'Ada' );
		chat.server.clearHandoff();
		await chat.clock.advance( 3000 );
		await flush();
		expect( form( chat ) ).not.toBeNull();
		chat.controller.stop();
		document.body.innerHTML = '';
		window.sessionStorage.clear();

		const untouched = await asked( { route: 'ticket', place: null } );
		expect( form( untouched ) ).not.toBeNull();
		untouched.server.clearHandoff();
		await untouched.clock.advance( 3000 );
		await flush();
		expect( form( untouched ) ).toBeNull();
		untouched.controller.stop();
	} );
} );
