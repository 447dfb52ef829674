/**
 * The open chat held by the agent: replies to the visitor, internal notes marked as such, saved
 * replies, resolving with an outcome, and new visitor messages arriving by polling (paused while
 * the tab is hidden).
 */
import { act } from 'react';

import ChatPanel from '../components/ChatPanel';
import {
	answerWith,
	restError,
	type Request,
} from '../../../shared/test/api-mock';
import {
	focused,
	button,
	click,
	field,
	mount,
	pressEnter,
	settle,
	transcript,
	type,
	unmount,
	wait,
} from './dom';
import { ME, SETTINGS, accepted } from './fixtures';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

type Poll = ( after: number ) => unknown;

function serve(
	handlers: {
		send?: ( request: Request ) => unknown;
		resolve?: ( request: Request ) => unknown;
		poll?: Poll;
	} = {}
) {
	return answerWith( ( request ) => {
		const { path, method } = request;
		if ( path === '/handoff-bot/v1/handoffs/11' ) {
			return accepted();
		}
		if (
			path.startsWith( '/handoff-bot/v1/handoffs/11/messages?after=' )
		) {
			const after = Number( path.split( '=' )[ 1 ] );
			return (
				handlers.poll?.( after ) ?? {
					messages: [],
					cursor: after,
					status: 'accepted',
					agent: ME,
				}
			);
		}
		if (
			path === '/handoff-bot/v1/handoffs/11/messages' &&
			method === 'POST'
		) {
			return handlers.send?.( request );
		}
		if (
			path === '/handoff-bot/v1/handoffs/11/resolve' &&
			method === 'POST'
		) {
			return handlers.resolve?.( request );
		}
		if (
			path === '/handoff-bot/v1/handoffs/11/typing' &&
			method === 'POST'
		) {
			return { typing: true };
		}
		throw new Error( `Unexpected ${ method } ${ path }` );
	} );
}

function echo( id: number ) {
	return ( request: Request ) => {
		const data = request.data as { body: string; internal: boolean };
		return {
			id,
			role: data.internal ? 'note' : 'agent',
			body: data.body,
			author: ME,
			created_at: '2025-03-01T10:08:00Z',
		};
	};
}

function panel( onChanged = jest.fn() ) {
	return (
		<ChatPanel
			handoffId={ 11 }
			userId={ ME.id }
			savedReplies={ SETTINGS.savedReplies }
			acceptRequest={ null }
			onAccepted={ jest.fn() }
			onChanged={ onChanged }
			onBack={ jest.fn() }
		/>
	);
}

function posts( requests: Request[], path: string ) {
	return requests.filter( ( r ) => r.method === 'POST' && r.path === path );
}

function setHidden( hidden: boolean ) {
	Object.defineProperty( document, 'visibilityState', {
		configurable: true,
		get: () => ( hidden ? 'hidden' : 'visible' ),
	} );
	document.dispatchEvent( new Event( 'visibilitychange' ) );
}

afterEach( () => {
	unmount();
	jest.useRealTimers();
	setHidden( false );
} );

describe( 'the open chat', () => {
	it( 'sends a reply with Enter and shows it in the conversation', async () => {
		const requests = serve( { send: echo( 4 ) } );
		mount( panel() );
		await settle();

		const box = field< HTMLTextAreaElement >( 'Reply to the visitor' );
		type( box, 'Hello Jane, I see two charges.' );
		pressEnter( box );
		await settle();

		const sent = posts( requests, '/handoff-bot/v1/handoffs/11/messages' );
		expect( sent ).toHaveLength( 1 );
		expect( sent[ 0 ]?.data ).toEqual( {
			body: 'Hello Jane, I see two charges.',
			internal: false,
			idempotency_key: expect.any( String ),
		} );
		expect( transcript().at( -1 ) ).toBe(
			'Sam Agent: Hello Jane, I see two charges.'
		);
		expect(
			field< HTMLTextAreaElement >( 'Reply to the visitor' ).value
		).toBe( '' );
	} );

	it( 'tells the visitor the agent is typing a reply, at most every 4 seconds, and never for a note', async () => {
		const requests = serve();
		const now = jest.spyOn( Date, 'now' ).mockReturnValue( 1_000_000 );
		mount( panel() );
		await settle();
		const typing = () =>
			posts( requests, '/handoff-bot/v1/handoffs/11/typing' );

		const box = field< HTMLTextAreaElement >( 'Reply to the visitor' );
		type( box, 'H' );
		type( box, 'He' );
		type( box, 'Hel' );
		await settle();
		expect( typing() ).toHaveLength( 1 );

		now.mockReturnValue( 1_004_000 );
		type( box, 'Hell' );
		await settle();
		expect( typing() ).toHaveLength( 2 );

		now.mockReturnValue( 1_009_000 );
		click( field( 'Internal note' ) );
		type(
			field( 'Internal note (the visitor never sees it)' ),
			'Check Stripe'
		);
		await settle();
		expect( typing() ).toHaveLength( 2 );
		now.mockRestore();
	} );

	it( 'adds an internal note, marked as one, that is sent as internal', async () => {
		const requests = serve( { send: echo( 5 ) } );
		mount( panel() );
		await settle();

		click( field( 'Internal note' ) );
		type(
			field( 'Internal note (the visitor never sees it)' ),
			'Charged twice: check Stripe.'
		);
		click( button( 'Add note' ) );
		await settle();

		const sent = posts( requests, '/handoff-bot/v1/handoffs/11/messages' );
		expect( sent[ 0 ]?.data ).toMatchObject( {
			body: 'Charged twice: check Stripe.',
			internal: true,
		} );
		expect( transcript().at( -1 ) ).toBe(
			'Sam Agent (Internal note): Charged twice: check Stripe.'
		);
	} );

	it( 'keeps the text after a failed send, and sends it again with the same key', async () => {
		let fail = true;
		const requests = serve( {
			send: ( request ) => {
				if ( fail ) {
					fail = false;
					throw restError(
						'fetch_error',
						'You are probably offline.',
						{}
					);
				}
				return echo( 6 )( request );
			},
		} );
		mount( panel() );
		await settle();

		type( field( 'Reply to the visitor' ), 'One moment please.' );
		click( button( 'Send' ) );
		await settle();
		expect( document.body.textContent ).toContain(
			'You are probably offline.'
		);
		expect(
			field< HTMLTextAreaElement >( 'Reply to the visitor' ).value
		).toBe( 'One moment please.' );

		click( button( 'Send' ) );
		await settle();
		const sent = posts( requests, '/handoff-bot/v1/handoffs/11/messages' );
		expect( sent ).toHaveLength( 2 );
		const keys = sent.map(
			( r ) => ( r.data as { idempotency_key: string } ).idempotency_key
		);
		expect( keys[ 0 ] ).toBe( keys[ 1 ] );
		expect( transcript().at( -1 ) ).toBe( 'Sam Agent: One moment please.' );
	} );

	it( 'offers the shared saved replies and the chat team’s, and inserts the chosen one only on Insert', async () => {
		serve();
		mount( panel() );
		await settle();

		const menu = field< HTMLSelectElement >( 'Saved reply' );
		// The chat is for billing: support's reply is not offered.
		expect( Array.from( menu.options ).map( ( o ) => o.text ) ).toEqual( [
			'Choose a saved reply…',
			'Greeting',
			'Anything else',
			'Refund steps',
		] );
		const reply = field< HTMLTextAreaElement >( 'Reply to the visitor' );
		type( reply, 'Sorry about that.' );
		expect( button( 'Insert' ).getAttribute( 'aria-disabled' ) ).toBe(
			'true'
		);

		// Moving through the menu (as the arrow keys do) inserts nothing.
		for ( const value of [ 'greeting', 'refund-steps' ] ) {
			act( () => {
				menu.value = value;
				menu.dispatchEvent( new Event( 'change', { bubbles: true } ) );
			} );
		}
		expect( reply.value ).toBe( 'Sorry about that.' );

		click( button( 'Insert' ) );
		await settle();
		expect( reply.value ).toBe(
			'Sorry about that.\nRefunds reach your card in 5 to 7 days.'
		);
		expect( focused() ).toBe( reply );
		expect( menu.value ).toBe( '' );
	} );

	it( 'resolves with an outcome and a note that the bot could have answered', async () => {
		const onChanged = jest.fn();
		const requests = serve( {
			resolve: () => ( {
				...accepted(),
				status: 'resolved',
				outcome: 'duplicate',
				resolved_at: '2025-03-01T10:20:00Z',
			} ),
		} );
		mount( panel( onChanged ) );
		await settle();

		click( button( 'Resolve…' ) );
		click( field( 'Duplicate' ) );
		click( field( 'The bot could have answered this' ) );
		type( field( 'Topic the bot should know' ), 'double charges' );
		click( button( 'Resolve' ) );
		await settle();

		expect(
			posts( requests, '/handoff-bot/v1/handoffs/11/resolve' )[ 0 ]?.data
		).toEqual( {
			outcome: 'duplicate',
			bot_could_answer: true,
			topic: 'double charges',
		} );
		expect(
			document.querySelector( '.components-modal__frame' )
		).toBeNull();
		expect( document.body.textContent ).toContain( 'Resolved.' );
		expect( document.querySelector( 'header' )?.textContent ).toContain(
			'Duplicate'
		);
		// The Resolve button is gone: the focus is on the chat's heading, not lost.
		expect( focused()?.tagName ).toBe( 'H2' );
		expect( focused()?.textContent ).toBe(
			'Wants a refund for a double charge'
		);
		expect( () => field( 'Reply to the visitor' ) ).toThrow();
		expect( onChanged ).toHaveBeenCalled();
	} );

	it( 'shows new visitor messages every 3 seconds, from where it left off, and pauses while the tab is hidden', async () => {
		jest.useFakeTimers();
		const afters: number[] = [];
		serve( {
			poll: ( after ) => {
				afters.push( after );
				return after === 3
					? {
							messages: [
								{
									id: 4,
									role: 'visitor',
									body: 'Are you still there?',
									author: null,
									created_at: '2025-03-01T10:09:00Z',
								},
							],
							cursor: 4,
							status: 'accepted',
							agent: ME,
						}
					: undefined;
			},
		} );
		mount( panel() );
		await wait( 0 );
		expect( transcript() ).toHaveLength( 3 );

		await wait( 3000 );
		expect( transcript().at( -1 ) ).toBe( 'Visitor: Are you still there?' );

		await wait( 3000 );
		expect( afters.slice( 0, 2 ) ).toEqual( [ 3, 4 ] );
		// Nothing shows twice.
		expect( transcript() ).toHaveLength( 4 );

		const before = afters.length;
		setHidden( true );
		await wait( 15000 );
		expect( afters.length ).toBe( before );

		setHidden( false );
		await wait( 0 );
		expect( afters.length ).toBe( before + 1 );
	} );
} );
