/**
 * The live handoff as the visitor meets it: the place in the queue and the wait, kept current; the
 * agent joining, typing and writing; leaving the queue; the rating asked for when the agent closes
 * the chat; and polling only while a handoff is open (slower in a hidden tab, paused when idle).
 */
import { memoryStore } from '../app/storage';
import { CONVERSATION_KEY } from '../keys';
import type { VisitorHandoff } from '../types';
import {
	FakeServer,
	flush,
	holdingFetch,
	mountChat,
	REST,
	type Chat,
} from './helpers';

/**
 * An element of the chat by its class.
 * @param chat The chat.
 * @param name The class, without the block prefix.
 */
const $ = < T extends HTMLElement = HTMLElement >( chat: Chat, name: string ) =>
	chat.root.querySelector< T >( `.handoff-bot-chat__${ name }` );

/**
 * What the queue bar says, or null when it is not shown.
 * @param chat The chat.
 */
function queueLine( chat: Chat ): string | null {
	const bar = $( chat, 'queue' );
	return bar && ! bar.hidden ? $( chat, 'queue-text' )!.textContent : null;
}

/**
 * The typing indicator's words, or null when it is not shown.
 * @param chat The chat.
 */
function typing( chat: Chat ): string | null {
	const node = $( chat, 'typing' )!;
	return node.hidden ? null : node.textContent;
}

function ratingButtons( chat: Chat ): HTMLButtonElement[] {
	return Array.from(
		chat.root.querySelectorAll< HTMLButtonElement >(
			'.handoff-bot-chat__rate button'
		)
	);
}

/**
 * A chat whose visitor pressed "Talk to a person" and now waits in the live queue (third, by default).
 * @param handoff The handoff the request opens.
 */
async function waiting(
	handoff: Partial< VisitorHandoff > = { place: 3, expected_wait_minutes: 6 }
): Promise< Chat > {
	const server = new FakeServer();
	server.handoffOnRequest = handoff;
	const chat = await mountChat( { server } );
	chat.button( 'Talk to a person' )!.click();
	await chat.clock.advance( 0 );
	return chat;
}

/**
 * Lets the next poll (3 s) happen.
 * @param chat The chat.
 */
const nextPoll = ( chat: Chat ) => chat.clock.advance( 3000 );

afterEach( () => {
	document.body.innerHTML = '';
} );

describe( 'waiting for a person', () => {
	it( 'shows the place in the queue and the expected wait, and keeps them current', async () => {
		const chat = await waiting();
		expect( chat.transcript().at( -1 ) ).toBe(
			'Connecting you to a person from our team.'
		);
		expect( queueLine( chat ) ).toBe(
			'Connecting you to a person — you are number 3 in the queue, about 6 minutes.'
		);
		expect( $( chat, 'queue-text' )!.getAttribute( 'role' ) ).toBe(
			'status'
		);

		chat.server.setHandoff( { place: 2, expected_wait_minutes: null } );
		await nextPoll( chat );
		expect( queueLine( chat ) ).toBe(
			'Connecting you to a person — you are number 2 in the queue, wait time unknown.'
		);

		chat.server.setHandoff( { place: 1, expected_wait_minutes: 1 } );
		await nextPoll( chat );
		expect( queueLine( chat ) ).toBe(
			'Connecting you to a person — you are number 1 in the queue, about 1 minute.'
		);
		chat.controller.stop();
	} );

	it( 'says it is connecting while the place is not known yet', async () => {
		const chat = await waiting( { place: null, status: 'requested' } );
		expect( queueLine( chat ) ).toBe( 'Connecting you to a person…' );
		chat.controller.stop();
	} );

	it( 'shows no queue for a request that goes to a ticket', async () => {
		const chat = await waiting( { route: 'ticket', place: null } );
		expect( queueLine( chat ) ).toBeNull();
		expect( chat.button( 'Leave the queue' ) ).toBeNull();
		chat.controller.stop();
	} );

	it( 'learns the place at once after the visitor accepts the bot’s offer', async () => {
		const server = new FakeServer();
		server.answer = () => ( {
			role: 'bot',
			body: 'I could not find that.',
			kind: 'dont_know',
			decision: { kind: 'offer_choice' },
		} );
		server.handoffOnRequest = { place: 4, expected_wait_minutes: 10 };
		const chat = await mountChat( { server } );
		await chat.type( 'Can I rent a flamingo?' );
		$< HTMLButtonElement >( chat, 'offer-accept' )!.click();
		await flush();
		await chat.clock.advance( 0 );
		expect( queueLine( chat ) ).toBe(
			'Connecting you to a person — you are number 4 in the queue, about 10 minutes.'
		);
		chat.controller.stop();
	} );
} );

describe( 'an agent in the chat', () => {
	it( 'says the agent joined, who holds the chat, and shows their messages with their name', async () => {
		const chat = await waiting();
		chat.server.agentJoins( 'Samira' );
		await nextPoll( chat );

		const joined = chat.root.querySelector(
			'.handoff-bot-chat__log > .handoff-bot-chat__notice'
		);
		expect( joined?.textContent ).toBe( 'Samira joined the chat.' );
		expect( chat.transcript().at( -1 ) ).toBe( 'Samira joined the chat.' );
		expect( queueLine( chat ) ).toBe( 'You are chatting with Samira.' );
		expect( chat.button( 'Leave the queue' ) ).toBeNull();

		chat.server.agentSays( 'Hello! I can see your order #1042.' );
		await nextPoll( chat );
		expect( chat.transcript().at( -1 ) ).toBe(
			'Samira Hello! I can see your order #1042.'
		);
		const message = chat.root.querySelector(
			'.handoff-bot-chat__msg.is-agent'
		)!;
		expect(
			message.querySelector( '.handoff-bot-chat__sr' )?.textContent
		).toBe( 'Support agent: ' );
		expect(
			message.querySelector( '.handoff-bot-chat__author' )?.textContent
		).toBe( 'Samira' );
		// In the live region, like the bot's replies.
		expect( message.closest( '[aria-live="polite"]' ) ).not.toBeNull();
		// Each message once, however often it is read.
		await nextPoll( chat );
		expect(
			chat.transcript().filter( ( t ) => t.includes( 'order #1042' ) )
		).toHaveLength( 1 );
		chat.controller.stop();
	} );

	it( 'shows what the agent wrote while the visitor was sending, which the cursor then passes', async () => {
		const chat = await waiting();
		chat.server.agentJoins( 'Samira' );
		await nextPoll( chat );
		// Written after the last read; the visitor sends before the next one.
		chat.server.agentSays( 'Could you give me your order number?' );
		await chat.type( '1042' );
		expect( chat.transcript() ).toContain(
			'Samira Could you give me your order number?'
		);
		await nextPoll( chat );
		expect(
			chat
				.transcript()
				.filter( ( t ) => t.includes( 'your order number' ) )
		).toHaveLength( 1 );
		chat.controller.stop();
	} );

	it( 'shows when the agent is typing, and stops showing it', async () => {
		const chat = await waiting();
		chat.server.agentJoins( 'Samira' );
		await nextPoll( chat );
		expect( typing( chat ) ).toBeNull();

		chat.server.setHandoff( { agent_typing: true } );
		await nextPoll( chat );
		expect( typing( chat ) ).toBe( 'Samira is typing…' );
		expect( $( chat, 'typing' )!.closest( '[role="log"]' ) ).not.toBeNull();

		chat.server.setHandoff( { agent_typing: false } );
		chat.server.agentSays( 'Done.' );
		await nextPoll( chat );
		expect( typing( chat ) ).toBeNull();
		chat.controller.stop();
	} );

	it( 'shows no bot reply, and no “assistant is typing”, when the visitor writes to the agent', async () => {
		const server = new FakeServer();
		server.handoffOnRequest = { place: 1 };
		const held = holdingFetch(
			server,
			( url, init ) =>
				init.method === 'POST' && url.endsWith( '/messages' )
		);
		const chat = await mountChat( { server, fetch: held.fetch } );
		chat.button( 'Talk to a person' )!.click();
		await chat.clock.advance( 0 );
		server.agentJoins( 'Samira' );
		await nextPoll( chat );

		const bot = () =>
			chat.root.querySelectorAll( '.handoff-bot-chat__msg.is-bot' )
				.length;
		const botBefore = bot();
		held.hold();
		await chat.type( 'Thanks, it is the blue one.' );
		// On its way: no "assistant is typing" while a person holds the chat.
		expect( $( chat, 'msg.is-pending' )?.textContent ).toContain(
			'Thanks, it is the blue one.'
		);
		expect( typing( chat ) ).toBeNull();
		held.release();
		await chat.clock.advance( 0 );

		expect( chat.transcript().at( -1 ) ).toBe(
			'Thanks, it is the blue one.'
		);
		expect( bot() ).toBe( botBefore );
		expect( $( chat, 'msg.is-pending' ) ).toBeNull();
		expect( chat.server.sends().at( -1 )!.body?.message ).toBe(
			'Thanks, it is the blue one.'
		);
		expect( typing( chat ) ).toBeNull();
		chat.controller.stop();
	} );
} );

describe( 'leaving the queue', () => {
	it( 'leaves, says so in the transcript, and stops polling', async () => {
		const chat = await waiting();
		const leave = chat.button( 'Leave the queue' )!;
		leave.focus();
		leave.click();
		await flush();

		const request = chat.server.requests.at( -1 )!;
		expect( `${ request.method } ${ request.path }` ).toBe(
			'POST conversations/1/handoff/leave'
		);
		expect( request.body ).toEqual( {} );
		expect( queueLine( chat ) ).toBeNull();
		expect( chat.button( 'Leave the queue' ) ).toBeNull();
		expect( chat.transcript().at( -1 ) ).toBe(
			'You left the queue. The assistant is still here if you need it.'
		);
		expect( chat.root.ownerDocument.activeElement ).toBe( chat.input() );

		const reads = chat.server.reads().length;
		await chat.clock.advance( 60000 );
		expect( chat.server.reads() ).toHaveLength( reads );
		chat.controller.stop();
	} );

	it( 'says so when leaving fails, and lets the visitor try again', async () => {
		const chat = await waiting();
		chat.server.fail(
			{ status: 503, code: 'handoff_bot_storage_unavailable' },
			( r ) => r.path.endsWith( '/handoff/leave' )
		);
		const leave = chat.button( 'Leave the queue' )!;
		leave.focus();
		leave.click();
		await flush();
		const error = $( chat, 'leave-error' )!;
		expect( error.hidden ).toBe( false );
		expect( error.getAttribute( 'role' ) ).toBe( 'alert' );
		expect( leave.disabled ).toBe( false );
		expect( chat.root.ownerDocument.activeElement ).toBe( leave );
		expect( queueLine( chat ) ).toContain( 'number 3' );

		leave.click();
		await flush();
		expect( queueLine( chat ) ).toBeNull();
		chat.controller.stop();
	} );

	it( 'shows the agent instead when one joined before the visitor left', async () => {
		const chat = await waiting();
		chat.server.agentJoins( 'Samira' );
		chat.button( 'Leave the queue' )!.click();
		await flush();
		await chat.clock.advance( 0 );
		expect( $( chat, 'leave-error' )!.hidden ).toBe( true );
		expect( queueLine( chat ) ).toBe( 'You are chatting with Samira.' );
		expect( chat.transcript().at( -1 ) ).toBe( 'Samira joined the chat.' );
		chat.controller.stop();
	} );
} );

describe( 'when the agent closes the chat', () => {
	async function resolved(): Promise< Chat > {
		const chat = await waiting();
		chat.server.agentJoins( 'Samira' );
		await nextPoll( chat );
		chat.server.resolve();
		await nextPoll( chat );
		return chat;
	}

	it( 'says so, asks for a rating, sends it and thanks the visitor', async () => {
		const chat = await resolved();
		expect( chat.transcript().at( -1 ) ).toBe( 'Samira closed the chat.' );
		expect( queueLine( chat ) ).toBeNull();

		const buttons = ratingButtons( chat );
		expect( buttons.map( ( b ) => b.textContent ) ).toEqual( [
			'1',
			'2',
			'3',
			'4',
			'5',
		] );
		const group = buttons[ 0 ]!.closest( '[role="group"]' )!;
		expect(
			document.getElementById( group.getAttribute( 'aria-labelledby' )! )
				?.textContent
		).toBe( 'How was your chat? Rate it from 1 (poor) to 5 (great).' );

		buttons[ 3 ]!.focus();
		buttons[ 3 ]!.click();
		await flush();
		const request = chat.server.requests.at( -1 )!;
		expect( `${ request.method } ${ request.path }` ).toBe(
			'POST conversations/1/feedback'
		);
		expect( request.body ).toEqual( { rating: 4 } );
		expect( chat.server.conversations.get( 1 )!.ratings ).toEqual( [ 4 ] );
		expect( ratingButtons( chat ) ).toEqual( [] );
		const thanks = $( chat, 'thanks' )!;
		expect( thanks.textContent ).toBe( 'Thanks for your rating!' );
		expect( chat.root.ownerDocument.activeElement ).toBe( thanks );
		chat.controller.stop();
	} );

	it( 'keeps the rating buttons and says so when the rating cannot be sent', async () => {
		const chat = await resolved();
		chat.server.fail( { status: 503 }, ( r ) =>
			r.path.endsWith( '/feedback' )
		);
		ratingButtons( chat )[ 4 ]!.click();
		await flush();
		expect( $( chat, 'rate-error' )!.hidden ).toBe( false );
		expect( ratingButtons( chat ).every( ( b ) => ! b.disabled ) ).toBe(
			true
		);
		chat.controller.stop();
	} );

	it( 'stops polling once the handoff is closed', async () => {
		const chat = await resolved();
		const reads = chat.server.reads().length;
		await chat.clock.advance( 60000 );
		expect( chat.server.reads() ).toHaveLength( reads );
		chat.controller.stop();
	} );

	it( 'asks again after a reload until the visitor rated, then no more', async () => {
		const chat = await resolved();
		const again = await mountChat( {
			server: chat.server,
			storage: chat.storage,
		} );
		await again.clock.advance( 0 );
		expect( ratingButtons( again ) ).toHaveLength( 5 );
		ratingButtons( again )[ 1 ]!.click();
		await flush();
		again.controller.stop();

		const after = await mountChat( {
			server: chat.server,
			storage: chat.storage,
		} );
		await after.clock.advance( 0 );
		expect( after.transcript() ).toContain( 'Samira closed the chat.' );
		expect( ratingButtons( after ) ).toEqual( [] );
		chat.controller.stop();
		after.controller.stop();
	} );
} );

describe( 'polling', () => {
	it( 'does not poll while no handoff is open', async () => {
		const chat = await mountChat();
		await chat.type( 'Where is my order?' );
		await chat.clock.advance( 60000 );
		expect( chat.server.reads() ).toEqual( [] );
		chat.controller.stop();
	} );

	it( 'polls every 3 seconds while a handoff is open', async () => {
		const chat = await waiting();
		await chat.clock.advance( 30000 );
		expect( chat.server.reads() ).toHaveLength( 10 );
		expect( chat.server.reads()[ 0 ]!.query ).toBe( 'after=2' );
		chat.controller.stop();
	} );

	it( 'polls every 15 seconds in a hidden tab, and at once when the visitor comes back', async () => {
		const chat = await waiting();
		chat.visibility.set( true );
		await chat.clock.advance( 3000 );
		const before = chat.server.reads().length;
		await chat.clock.advance( 30000 );
		expect( chat.server.reads().length - before ).toBe( 2 );

		chat.server.agentJoins( 'Samira' );
		chat.visibility.set( false );
		await chat.clock.advance( 0 );
		expect( chat.transcript().at( -1 ) ).toBe( 'Samira joined the chat.' );
		chat.controller.stop();
	} );

	it( 'stops after 10 minutes without news once a person holds the chat, and starts again when the visitor types', async () => {
		const chat = await waiting();
		chat.server.agentJoins( 'Samira' );
		await nextPoll( chat );
		await chat.clock.advance( 10 * 60 * 1000 );
		const reads = chat.server.reads().length;
		expect( reads ).toBeGreaterThan( 150 );
		await chat.clock.advance( 5 * 60 * 1000 );
		expect( chat.server.reads() ).toHaveLength( reads );

		chat.server.agentSays( 'Are you still there?' );
		chat.input().value = 'H';
		chat.input().dispatchEvent( new Event( 'input', { bubbles: true } ) );
		await chat.clock.advance( 0 );
		expect( chat.server.reads() ).toHaveLength( reads + 1 );
		expect( chat.transcript().at( -1 ) ).toBe(
			'Samira Are you still there?'
		);
		await nextPoll( chat );
		expect( chat.server.reads() ).toHaveLength( reads + 2 );
		chat.controller.stop();
	} );

	it( 'never stops while the visitor waits in the queue (the reads say they are there), slowing to every 15 seconds', async () => {
		const chat = await waiting();
		await chat.clock.advance( 10 * 60 * 1000 );
		const reads = chat.server.reads().length;
		await chat.clock.advance( 60 * 1000 );
		expect( chat.server.reads().length - reads ).toBe( 4 );
		chat.controller.stop();
	} );

	it( 'keeps polling while news keeps coming', async () => {
		const chat = await waiting();
		chat.server.agentJoins( 'Samira' );
		for ( let minute = 0; minute < 12; minute++ ) {
			chat.server.agentSays( `Still checking (${ minute })` );
			await chat.clock.advance( 60000 );
		}
		expect( chat.transcript().at( -1 ) ).toBe(
			'Samira Still checking (11)'
		);
		chat.controller.stop();
	} );

	it( 'starts polling when a restored conversation has a handoff open', async () => {
		const server = new FakeServer();
		const { id, token } = server.seed( [
			{ role: 'visitor', body: "I'd like to talk to a person." },
		] );
		server.setHandoff( { place: 2, expected_wait_minutes: 4 }, id );
		const storage = memoryStore();
		storage.setItem(
			CONVERSATION_KEY,
			JSON.stringify( { id, token, cursor: 0, rest: REST } )
		);
		const chat = await mountChat( { server, storage } );
		await chat.clock.advance( 0 );
		expect( queueLine( chat ) ).toBe(
			'Connecting you to a person — you are number 2 in the queue, about 4 minutes.'
		);
		server.agentJoins( 'Samira', id );
		await nextPoll( chat );
		expect( chat.transcript().at( -1 ) ).toBe( 'Samira joined the chat.' );
		chat.controller.stop();
	} );

	it( 'does not read while a message is on its way, so it shows once', async () => {
		const server = new FakeServer();
		server.handoffOnRequest = { place: 2 };
		// The server stores the message at once; its answer is slow to come back.
		const slow = holdingFetch(
			server,
			( url, init ) =>
				init.method === 'POST' && url.endsWith( '/messages' ),
			true
		);
		const chat = await mountChat( { server, fetch: slow.fetch } );
		chat.button( 'Talk to a person' )!.click();
		await chat.clock.advance( 0 );
		const reads = server.reads().length;

		slow.hold();
		await chat.type( 'Are you there?' );
		await chat.clock.advance( 9000 );
		expect( server.reads() ).toHaveLength( reads );
		expect(
			chat.transcript().filter( ( t ) => t === 'Are you there?' )
		).toHaveLength( 1 );

		slow.release();
		await flush();
		await nextPoll( chat );
		expect( server.reads().length ).toBeGreaterThan( reads );
		expect(
			chat.transcript().filter( ( t ) => t === 'Are you there?' )
		).toHaveLength( 1 );
		chat.controller.stop();
	} );
} );

describe( 'reading the change file between reads of the messages', () => {
	/**
	 * A visitor waiting third in the queue, on a site that serves change files.
	 * @param checkIn The server's check-in time, in seconds.
	 */
	async function following( checkIn = 90 ): Promise< Chat > {
		const server = new FakeServer();
		server.handoffOnRequest = { place: 3, expected_wait_minutes: 6 };
		server.signals = { checkIn };
		const chat = await mountChat( { server } );
		chat.button( 'Talk to a person' )!.click();
		await chat.clock.advance( 0 );
		return chat;
	}

	it( 'reads the file from the first poll after the visitor asks for a person', async () => {
		const server = new FakeServer();
		server.handoffOnRequest = { place: 3, expected_wait_minutes: 6 };
		server.signals = { checkIn: 90 };
		const chat = await mountChat( { server } );
		chat.button( 'Talk to a person' )!.click();
		await chat.clock.advance( 0 );
		await chat.clock.advance( 9000 );
		expect( server.reads() ).toEqual( [] );
		expect( server.signalReads() ).toHaveLength( 3 );
		chat.controller.stop();
	} );

	it( 'reads only the file while nothing changes, every 3 seconds', async () => {
		const chat = await following();
		const reads = chat.server.reads().length;
		await chat.clock.advance( 30000 );
		expect( chat.server.reads() ).toHaveLength( reads );
		expect( chat.server.signalReads() ).toHaveLength( 10 );
		// Never cached on the way, never with the visitor's cookies.
		expect( chat.server.signalReads()[ 0 ]!.query ).toMatch( /^\d+$/ );
		expect( queueLine( chat ) ).toBe(
			'Connecting you to a person — you are number 3 in the queue, about 6 minutes.'
		);
		chat.controller.stop();
	} );

	it( 'shows a new place from the file alone, and an agent’s message within one poll of their change', async () => {
		const chat = await following();
		await chat.clock.advance( 9000 );
		const reads = chat.server.reads().length;

		chat.server.setHandoff( { place: 2, expected_wait_minutes: 4 } );
		await nextPoll( chat );
		expect( queueLine( chat ) ).toBe(
			'Connecting you to a person — you are number 2 in the queue, about 4 minutes.'
		);
		chat.server.setHandoff( { place: 1, expected_wait_minutes: null } );
		await nextPoll( chat );
		expect( queueLine( chat ) ).toBe(
			'Connecting you to a person — you are number 1 in the queue, wait time unknown.'
		);
		expect( chat.server.reads() ).toHaveLength( reads );

		chat.server.agentJoins( 'Samira' ).agentSays( 'Hello, I can help.' );
		await nextPoll( chat );
		expect( chat.transcript().slice( -2 ) ).toEqual( [
			'Samira joined the chat.',
			'Samira Hello, I can help.',
		] );
		chat.controller.stop();
	} );

	it( 'reads the messages anyway when the server’s check-in time comes', async () => {
		const chat = await following( 30 );
		const reads = chat.server.reads().length;
		await chat.clock.advance( 27000 );
		expect( chat.server.reads() ).toHaveLength( reads );
		await chat.clock.advance( 6000 );
		expect( chat.server.reads() ).toHaveLength( reads + 1 );
		chat.controller.stop();
	} );

	it( 'reads the messages when the check-in time comes though the file did not change (the agent stopped typing)', async () => {
		const chat = await following();
		chat.server.signals = { checkIn: 8 };
		chat.server.agentJoins( 'Samira' ).setHandoff( { agent_typing: true } );
		await nextPoll( chat );
		expect( typing( chat ) ).toBe( 'Samira is typing…' );
		const reads = chat.server.reads().length;

		// The typing lapses on the server: no file changes.
		chat.server.freezeSignal().setHandoff( { agent_typing: false } );
		await chat.clock.advance( 6000 );
		expect( typing( chat ) ).toBe( 'Samira is typing…' );
		expect( chat.server.reads() ).toHaveLength( reads );
		await chat.clock.advance( 3000 );
		expect( typing( chat ) ).toBeNull();
		expect( chat.server.reads() ).toHaveLength( reads + 1 );
		chat.controller.stop();
	} );

	it( 'falls back to reading the messages every 3 seconds when the file cannot be read', async () => {
		const chat = await following();
		chat.server.signalStatus = 404;
		const reads = chat.server.reads().length;
		await chat.clock.advance( 30000 );
		// Every poll reads the messages; the file is tried three times, then no more.
		expect( chat.server.reads() ).toHaveLength( reads + 10 );
		expect( chat.server.signalReads() ).toHaveLength( 3 );

		chat.server.agentJoins( 'Samira' );
		await nextPoll( chat );
		expect( chat.transcript().at( -1 ) ).toBe( 'Samira joined the chat.' );
		chat.controller.stop();
	} );

	it( 'tries the file again five minutes after it failed', async () => {
		const chat = await following();
		chat.server.signalStatus = 404;
		await chat.clock.advance( 9000 );
		expect( chat.server.signalReads() ).toHaveLength( 3 );
		chat.server.signalStatus = null;
		await chat.clock.advance( 4 * 60 * 1000 );
		expect( chat.server.signalReads() ).toHaveLength( 3 );
		await chat.clock.advance( 60 * 1000 );
		const reads = chat.server.reads().length;
		await chat.clock.advance( 9000 );
		expect( chat.server.signalReads().length ).toBeGreaterThan( 3 );
		expect( chat.server.reads() ).toHaveLength( reads );
		chat.controller.stop();
	} );

	it( 'reads the route every time after an agent’s message left the file unchanged (a cache in front of it)', async () => {
		const chat = await following( 30 );
		chat.server.freezeSignal().agentJoins( 'Samira' ).agentSays( 'Hi!' );
		await chat.clock.advance( 33000 );
		expect( chat.transcript().at( -1 ) ).toBe( 'Samira Hi!' );
		const reads = chat.server.reads().length;
		const files = chat.server.signalReads().length;
		await chat.clock.advance( 9000 );
		expect( chat.server.reads() ).toHaveLength( reads + 3 );
		expect( chat.server.signalReads() ).toHaveLength( files );
		chat.controller.stop();
	} );

	it( 'goes on polling when a send answers while the file is being read', async () => {
		const server = new FakeServer();
		server.handoffOnRequest = { place: 2 };
		server.signals = { checkIn: 90 };
		const slowFile = holdingFetch( server, ( url ) =>
			url.includes( '/handoff-bot/poll/' )
		);
		const chat = await mountChat( { server, fetch: slowFile.fetch } );
		chat.button( 'Talk to a person' )!.click();
		await chat.clock.advance( 0 );
		slowFile.hold( 1 );
		await nextPoll( chat );
		await chat.type( 'Still there?' );
		await flush();
		slowFile.release();
		await flush();
		const files = server.signalReads().length;
		await nextPoll( chat );
		expect( server.signalReads().length ).toBe( files + 1 );
		server.agentJoins( 'Samira' );
		await nextPoll( chat );
		expect( chat.transcript().at( -1 ) ).toBe( 'Samira joined the chat.' );
		chat.controller.stop();
	} );

	it( 'stops reading anything once the handoff is closed', async () => {
		const chat = await following();
		chat.server.agentJoins( 'Samira' ).resolve();
		await nextPoll( chat );
		const all = chat.server.requests.length;
		await chat.clock.advance( 60000 );
		expect(
			chat.server.requests
				.slice( all )
				.filter( ( r ) => r.method === 'GET' )
		).toEqual( [] );
		chat.controller.stop();
	} );
} );
