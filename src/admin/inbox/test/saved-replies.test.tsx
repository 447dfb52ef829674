/**
 * Saved replies: people who manage the plugin add, edit and delete them from the inbox (a refused
 * save names each field, a delete asks first, the focus never falls back to the page); agents
 * only insert them, and the picker reads the live list.
 */
import { act } from 'react';

import App from '../App';
import {
	answerWith,
	query,
	restError,
	type Request,
} from '../../../shared/test/api-mock';
import { description } from '../../../shared/test/dom';
import type { SavedReply } from '../../../shared/types/inbox';
import {
	focused,
	button,
	click,
	field,
	mount,
	openRow,
	queryButton,
	settle,
	type,
	unmount,
} from './dom';
import { ME, REFUND, SETTINGS, accepted } from './fixtures';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

const TEAMS = [
	{ name: 'billing', label: 'Billing' },
	{ name: 'support', label: 'Support' },
];

type Server = {
	replies: SavedReply[];
	requests: Request[];
	/** Answers a POST or PUT before the server stores it; return a value to refuse. */
	refuse?: ( request: Request ) => unknown;
};

function serve( replies: SavedReply[] ): Server {
	const server: Server = { replies: [ ...replies ], requests: [] };
	server.requests = answerWith( ( request ) => {
		const { path, method } = request;
		if ( path.startsWith( '/handoff-bot/v1/handoffs?' ) ) {
			return query( request ).get( 'view' ) === 'queue'
				? { json: [ REFUND ], total: 1 }
				: { json: [], total: 0 };
		}
		if ( path === '/handoff-bot/v1/handoffs/11' ) {
			return accepted();
		}
		if ( path.startsWith( '/handoff-bot/v1/handoffs/11/messages?' ) ) {
			return { messages: [], cursor: 3, status: 'accepted', agent: ME };
		}
		if ( path === '/handoff-bot/v1/handoffs/teams' ) {
			return { teams: TEAMS, agents: [] };
		}
		if ( path === '/handoff-bot/v1/agents/me/presence' ) {
			return { status: 'available', online: true, last_seen: null };
		}
		if ( path === '/handoff-bot/v1/saved-replies' && method === 'GET' ) {
			return server.replies;
		}
		if ( path.startsWith( '/handoff-bot/v1/saved-replies' ) ) {
			const refusal = server.refuse?.( request );
			if ( refusal ) {
				throw refusal;
			}
			const id = path.split( '/' )[ 4 ] ?? '';
			const data = request.data as Omit< SavedReply, 'id' | 'editable' >;
			if ( method === 'POST' ) {
				const reply = { id: 'new-1', ...data, editable: true };
				server.replies.push( reply );
				return reply;
			}
			if ( method === 'PUT' ) {
				const reply = { id, ...data, editable: true };
				server.replies = server.replies.map( ( r ) =>
					r.id === id ? reply : r
				);
				return reply;
			}
			if ( method === 'DELETE' ) {
				const previous = server.replies.find( ( r ) => r.id === id );
				server.replies = server.replies.filter( ( r ) => r.id !== id );
				return { deleted: true, previous };
			}
		}
		throw new Error( `Unexpected ${ method } ${ path }` );
	} );
	return server;
}

function modal(): HTMLElement {
	const frame = document.querySelector< HTMLElement >(
		'.components-modal__frame'
	);
	if ( ! frame ) {
		throw new Error( 'No dialog is open.' );
	}
	return frame;
}

/**
 * The replies the dialog lists, each as "Title · team".
 */
function listed(): string[] {
	return Array.from(
		modal().querySelectorAll( '.handoff-bot-inbox__replies > li' )
	).map(
		( li ) =>
			`${ li.querySelector( 'h2' )?.textContent } · ${
				li.querySelector( '.handoff-bot-inbox__reply-head span' )
					?.textContent
			}`
	);
}

function choose( select: HTMLSelectElement, value: string ) {
	act( () => {
		select.value = value;
		select.dispatchEvent( new Event( 'change', { bubbles: true } ) );
	} );
}

const MANAGER = { ...SETTINGS, canManage: true };

afterEach( unmount );

describe( 'saved replies', () => {
	it( 'are managed only by people who manage the plugin', async () => {
		serve( SETTINGS.savedReplies );
		mount( <App settings={ SETTINGS } /> );
		await settle();
		expect( queryButton( 'Manage saved replies' ) ).toBeUndefined();
	} );

	it( 'lists each reply with its team, and says which ones the site’s code adds', async () => {
		serve( [
			...SETTINGS.savedReplies,
			{
				id: 'rabc',
				title: 'From code',
				text: 'Added by a plugin.',
				team: '',
				editable: false,
			},
		] );
		mount( <App settings={ MANAGER } /> );
		await settle();
		click( button( 'Manage saved replies' ) );

		expect( listed() ).toEqual( [
			'Greeting · All teams',
			'Anything else · All teams',
			'Refund steps · Billing',
			'Parcel search · Support',
			'From code · All teams',
		] );
		expect( queryButton( 'Edit “Greeting”' ) ).toBeDefined();
		expect( queryButton( 'Edit “From code”' ) ).toBeUndefined();
		expect( modal().textContent ).toContain(
			'Added by this site’s code; it cannot be changed here.'
		);
	} );

	it( 'adds a reply: a refused save names each field and focuses the first; the new reply reaches the picker', async () => {
		const server = serve( SETTINGS.savedReplies );
		server.refuse = ( request ) => {
			const data = request.data as { title: string; text: string };
			if ( data.title === 'Greeting' || ! data.text ) {
				return restError(
					'handoff_bot_invalid_saved_reply',
					'The saved reply was not saved. Check: title, text',
					{
						status: 400,
						errors: {
							title: 'Another saved reply has this title.',
							text: 'Write the reply’s text.',
						},
					}
				);
			}
			return null;
		};
		mount( <App settings={ MANAGER } /> );
		await settle();
		click( button( 'Manage saved replies' ) );
		click( button( 'Add a saved reply' ) );

		const title = field( 'Title' );
		expect( focused() ).toBe( title );
		type( title, 'Greeting' );
		click( button( 'Add reply' ) );
		await settle();

		expect( title.getAttribute( 'aria-invalid' ) ).toBe( 'true' );
		expect( description( title ) ).toContain(
			'Another saved reply has this title.'
		);
		const text = field< HTMLTextAreaElement >( 'Text' );
		expect( description( text ) ).toContain( 'Write the reply’s text.' );
		expect( focused() ).toBe( title );
		expect( server.replies ).toHaveLength( 4 );

		type( title, 'Refund sent' );
		expect( title.getAttribute( 'aria-invalid' ) ).toBeNull();
		type( text, 'The refund is on its way.' );
		choose( field< HTMLSelectElement >( 'Team' ), 'billing' );
		click( button( 'Add reply' ) );
		await settle();

		expect(
			server.requests.filter( ( r ) => r.method === 'POST' ).at( -1 )
		).toEqual( {
			method: 'POST',
			path: '/handoff-bot/v1/saved-replies',
			data: {
				title: 'Refund sent',
				text: 'The refund is on its way.',
				team: 'billing',
			},
		} );
		expect( listed() ).toContain( 'Refund sent · Billing' );
		expect( modal().textContent ).toContain( 'Saved “Refund sent”.' );
		expect( focused() ).toBe( button( 'Edit “Refund sent”' ) );

		// The billing chat's picker offers it at once.
		click( button( 'Close' ) );
		openRow( 'double charge' );
		await settle();
		const picker = field< HTMLSelectElement >( 'Saved reply' );
		expect( Array.from( picker.options ).map( ( o ) => o.text ) ).toContain(
			'Refund sent'
		);
	} );

	it( 'edits a reply and cancels an edit, the focus back on the reply', async () => {
		const server = serve( SETTINGS.savedReplies );
		mount( <App settings={ MANAGER } /> );
		await settle();
		click( button( 'Manage saved replies' ) );

		click( button( 'Edit “Anything else”' ) );
		expect( modal().textContent ).toContain( 'Edit “Anything else”' );
		click( button( 'Cancel' ) );
		expect( focused() ).toBe( button( 'Edit “Anything else”' ) );

		click( button( 'Edit “Anything else”' ) );
		expect( field( 'Title' ).value ).toBe( 'Anything else' );
		type(
			field< HTMLTextAreaElement >( 'Text' ),
			'Is there anything else I can do for you?'
		);
		click( button( 'Save reply' ) );
		await settle();

		expect(
			server.requests.find( ( r ) => r.method === 'PUT' )
		).toMatchObject( {
			path: '/handoff-bot/v1/saved-replies/anything-else',
			data: {
				title: 'Anything else',
				text: 'Is there anything else I can do for you?',
				team: '',
			},
		} );
		expect( modal().textContent ).toContain(
			'Is there anything else I can do for you?'
		);
		expect( focused() ).toBe( button( 'Edit “Anything else”' ) );
	} );

	it( 'deletes a reply only once confirmed', async () => {
		const server = serve( SETTINGS.savedReplies );
		mount( <App settings={ MANAGER } /> );
		await settle();
		click( button( 'Manage saved replies' ) );

		click( button( 'Delete “Greeting”' ) );
		expect( modal().textContent ).toContain(
			'Delete “Greeting”? Agents will no longer see it.'
		);
		expect( focused() ).toBe( button( 'Keep it' ) );
		click( button( 'Keep it' ) );
		expect( focused() ).toBe( button( 'Delete “Greeting”' ) );
		expect( server.requests.some( ( r ) => r.method === 'DELETE' ) ).toBe(
			false
		);

		click( button( 'Delete “Greeting”' ) );
		click( button( 'Delete reply' ) );
		await settle();

		expect(
			server.requests.filter( ( r ) => r.method === 'DELETE' )
		).toEqual( [
			{
				method: 'DELETE',
				path: '/handoff-bot/v1/saved-replies/greeting',
			},
		] );
		expect( listed() ).toEqual( [
			'Anything else · All teams',
			'Refund steps · Billing',
			'Parcel search · Support',
		] );
		expect( modal().textContent ).toContain( 'Deleted “Greeting”.' );
		expect( focused() ).toBe( button( 'Edit “Anything else”' ) );
	} );

	it( 'the picker reads the live list, not only what the page came with', async () => {
		serve( [
			{
				id: 'fresh',
				title: 'Fresh reply',
				text: 'Added after the page loaded.',
				team: '',
				editable: true,
			},
		] );
		mount( <App settings={ SETTINGS } /> );
		await settle();
		openRow( 'double charge' );
		await settle();

		const picker = field< HTMLSelectElement >( 'Saved reply' );
		expect( Array.from( picker.options ).map( ( o ) => o.text ) ).toEqual( [
			'Choose a saved reply…',
			'Fresh reply',
		] );
	} );
} );
