/**
 * The Tickets screen against a mocked REST API: the lists asked of the server (status tabs, the
 * callbacks, search, team and assignee), the open ticket with the brief and the form's answers,
 * an internal note, a reply by email with where its email stands, and closing with an outcome;
 * a callback request with its phone, window and time zone, closed as "Called back".
 */
import { act } from 'react';

import App from '../App';
import {
	answerWith,
	query,
	restError,
	type Request,
} from '../../../shared/test/api-mock';
import {
	button,
	click,
	field,
	mountAt,
	settle,
	type,
	unmount,
} from '../../../shared/test/dom';
import type { TicketDetail } from '../../../shared/types/tickets';
import { CALLBACK, ME, detail } from './fixtures';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

const SETTINGS = { userId: ME.id, userName: ME.name, canManage: false };

type State = { open: TicketDetail; callback: TicketDetail };

function serve( state: State ) {
	return answerWith( ( request: Request ) => {
		const { path, method } = request;
		if ( path.startsWith( '/handoff-bot/v1/tickets?' ) ) {
			const q = query( request );
			if ( q.get( 'route' ) === 'callback' ) {
				return { json: [ state.callback ], total: 1 };
			}
			const list = [ state.open ].filter(
				( t ) =>
					( q.get( 'status' ) === 'open' && t.status === 'ticket' ) ||
					q.get( 'status' ) === t.status
			);
			return { json: list, total: list.length };
		}
		if ( path === '/handoff-bot/v1/handoffs/teams' ) {
			return {
				teams: [ { name: 'billing', label: 'Billing' } ],
				agents: [ { ...ME, online: true } ],
			};
		}
		const match = path.match(
			/^\/handoff-bot\/v1\/tickets\/(\d+)(\/\w+)?$/
		);
		if ( ! match ) {
			throw new Error( `Unexpected ${ method } ${ path }` );
		}
		const key = Number( match[ 1 ] ) === 43 ? 'callback' : 'open';
		const current = state[ key ];
		const data = ( request.data ?? {} ) as Record< string, unknown >;
		switch ( match[ 2 ] ) {
			case undefined:
				return current;
			case '/notes':
				state[ key ] = {
					...current,
					messages: [
						...current.messages,
						{
							id: 10,
							role: 'note',
							body: String( data.body ),
							author: ME,
							created_at: '2026-03-01T09:00:00Z',
						},
					],
				};
				return state[ key ].messages.at( -1 );
			case '/replies':
				state[ key ] = {
					...current,
					status: 'pending',
					messages: [
						...current.messages,
						{
							id: 11,
							role: 'agent',
							body: String( data.body ),
							author: ME,
							created_at: '2026-03-01T09:01:00Z',
							kind: 'ticket_reply',
							email: {
								to: 'ada@example.org',
								status: 'sent',
								attempts: 1,
								sent_at: '2026-03-01T09:01:05Z',
								error: '',
							},
						},
					],
				};
				return state[ key ].messages.at( -1 );
			case '/close':
				if ( current.status === 'closed' ) {
					throw restError(
						'handoff_bot_ticket_closed',
						'This ticket is closed.',
						{ status: 409 }
					);
				}
				state[ key ] = {
					...current,
					status: 'closed',
					outcome: String( data.outcome ),
				};
				return state[ key ];
			case '/assign':
				state[ key ] = {
					...current,
					team: String( data.team ),
					assigned_to: Number( data.agent_id ) === ME.id ? ME : null,
				};
				return state[ key ];
			default:
				throw new Error( `Unexpected ${ method } ${ path }` );
		}
	} );
}

function lists( requests: Request[] ): string[] {
	return requests
		.filter( ( r ) => r.path.startsWith( '/handoff-bot/v1/tickets?' ) )
		.map( ( r ) => r.path );
}

function posts( requests: Request[] ): Request[] {
	return requests.filter( ( r ) => r.method === 'POST' );
}

function rows(): string[] {
	return Array.from( document.querySelectorAll( 'tbody tr' ) ).map(
		( row ) => row.textContent ?? ''
	);
}

async function mount() {
	mountAt( <App settings={ SETTINGS } />, 'handoff-bot-tickets-root' );
	await settle();
}

afterEach( unmount );

describe( 'the lists', () => {
	it( 'shows the open tickets with reference, name, email, team and assignee, and asks for each tab', async () => {
		const requests = serve( { open: detail(), callback: CALLBACK } );
		await mount();

		expect( lists( requests ) ).toContain(
			'/handoff-bot/v1/tickets?status=open&route=ticket&page=1&per_page=50'
		);
		expect( rows() ).toHaveLength( 1 );
		expect( rows()[ 0 ] ).toContain( 'HB-00042' );
		expect( rows()[ 0 ] ).toContain( 'Ada Lovelace' );
		expect( rows()[ 0 ] ).toContain( 'ada@example.org' );
		expect( rows()[ 0 ] ).toContain( 'Any team' );
		expect( rows()[ 0 ] ).toContain( 'Nobody' );
		expect( button( 'Open' ).getAttribute( 'aria-pressed' ) ).toBe(
			'true'
		);

		click( button( 'Pending' ) );
		await settle();
		expect( lists( requests ) ).toContain(
			'/handoff-bot/v1/tickets?status=pending&route=ticket&page=1&per_page=50'
		);
		expect( document.body.textContent ).toContain(
			'No tickets wait on a visitor.'
		);

		click( button( 'Callbacks' ) );
		await settle();
		expect( lists( requests ) ).toContain(
			'/handoff-bot/v1/tickets?status=open&route=callback&page=1&per_page=50'
		);
		expect( rows()[ 0 ] ).toContain( 'Grace Hopper' );
		expect( rows()[ 0 ] ).toContain( '+442079460958' );
		expect( rows()[ 0 ] ).toContain( 'Morning (09:00–12:00)' );

		click( button( 'Closed' ) );
		await settle();
		expect( lists( requests ) ).toContain(
			'/handoff-bot/v1/tickets?status=closed&page=1&per_page=50'
		);
	} );

	it( 'asks the server for the words searched', async () => {
		const requests = serve( { open: detail(), callback: CALLBACK } );
		await mount();
		const search = field(
			'Search tickets by reference, name, email or words'
		);
		type( search, 'cracked' );
		await act( async () => {
			await new Promise( ( resolve ) => setTimeout( resolve, 400 ) );
		} );
		await settle();
		expect( lists( requests ) ).toContain(
			'/handoff-bot/v1/tickets?status=open&route=ticket&search=cracked&page=1&per_page=50'
		);
	} );
} );

describe( 'a ticket', () => {
	it( 'opens with the brief and the form’s answers, takes a note and a reply by email, and closes as resolved', async () => {
		const state = { open: detail(), callback: CALLBACK };
		const requests = serve( state );
		await mount();

		click( button( 'Open HB-00042 from Ada Lovelace' ) );
		await settle();
		const panel = document.querySelector(
			'.handoff-bot-tickets__panel'
		) as HTMLElement;
		expect( panel.textContent ).toContain( 'HB-00042 from Ada Lovelace' );
		expect( panel.textContent ).toContain(
			'My parcel arrived with a cracked screen. Order 1042.'
		);
		expect( panel.textContent ).toContain( 'Wants a replacement' );
		expect( panel.textContent ).toContain( 'The visitor left a ticket' );

		type( field( 'Internal note' ), 'Checked the warehouse.' );
		click( button( 'Add note' ) );
		await settle();
		const note = posts( requests ).find( ( r ) =>
			r.path.endsWith( '/notes' )
		);
		expect( note?.data ).toMatchObject( {
			body: 'Checked the warehouse.',
		} );
		const noteItem = panel.querySelector( '[data-role="note"]' );
		expect( noteItem?.textContent ).toContain( 'Internal note' );
		expect( noteItem?.textContent ).toContain( 'Checked the warehouse.' );

		type( field( 'Reply by email' ), 'A new screen ships today.' );
		click( button( 'Send reply' ) );
		await settle();
		const reply = posts( requests ).find( ( r ) =>
			r.path.endsWith( '/replies' )
		);
		const sent = reply?.data as { body: string; idempotency_key: string };
		expect( sent.body ).toBe( 'A new screen ships today.' );
		expect( sent.idempotency_key ).toMatch( /^[a-z0-9-]{6,40}$/ );
		const agentItem = panel.querySelector( '[data-role="agent"]' );
		expect( agentItem?.textContent ).toContain(
			'A new screen ships today.'
		);
		expect( agentItem?.textContent ).toContain(
			'Emailed to ada@example.org'
		);
		expect( field< HTMLTextAreaElement >( 'Reply by email' ).value ).toBe(
			''
		);

		click( button( 'Close ticket' ) );
		await settle();
		expect(
			posts( requests ).find( ( r ) => r.path.endsWith( '/close' ) )?.data
		).toMatchObject( { outcome: 'resolved', bot_could_answer: false } );
		expect( panel.textContent ).toContain( 'Resolved' );
		expect( document.body.textContent ).not.toContain( 'Send reply' );
	} );

	it( 'says why a step was refused', async () => {
		const state = { open: detail(), callback: CALLBACK };
		serve( state );
		await mount();
		click( button( 'Open HB-00042 from Ada Lovelace' ) );
		await settle();
		// Someone closed it meanwhile.
		state.open = { ...state.open, status: 'closed' };
		click( button( 'Close ticket' ) );
		await settle();
		expect( document.body.textContent ).toContain(
			'This ticket is closed.'
		);
	} );

	it( 'assigns the ticket to a team and an agent', async () => {
		const requests = serve( { open: detail(), callback: CALLBACK } );
		await mount();
		click( button( 'Open HB-00042 from Ada Lovelace' ) );
		await settle();
		const team = field< HTMLSelectElement >( 'Team' );
		act( () => {
			team.value = 'billing';
			team.dispatchEvent( new Event( 'change', { bubbles: true } ) );
		} );
		const agent = field< HTMLSelectElement >( 'Assignee' );
		act( () => {
			agent.value = String( ME.id );
			agent.dispatchEvent( new Event( 'change', { bubbles: true } ) );
		} );
		click( button( 'Assign' ) );
		await settle();
		expect(
			posts( requests ).find( ( r ) => r.path.endsWith( '/assign' ) )
				?.data
		).toEqual( { team: 'billing', agent_id: ME.id } );
	} );

	it( 'shows a callback’s phone, window and time zone, and closes it as called back', async () => {
		const requests = serve( { open: detail(), callback: CALLBACK } );
		await mount();
		click( button( 'Callbacks' ) );
		await settle();
		click( button( 'Open HB-00043 from Grace Hopper' ) );
		await settle();
		const panel = document.querySelector(
			'.handoff-bot-tickets__panel'
		) as HTMLElement;
		expect( panel.textContent ).toContain( 'Callback request' );
		expect(
			panel.querySelector( 'a[href="tel:+442079460958"]' )
		).not.toBeNull();
		expect( panel.textContent ).toContain( 'Morning (09:00–12:00)' );
		expect( panel.textContent ).toContain( 'Europe/London' );
		expect( button( 'Send reply' ).getAttribute( 'aria-disabled' ) ).toBe(
			'true'
		);

		click( button( 'Called back' ) );
		await settle();
		expect(
			posts( requests ).find( ( r ) => r.path.endsWith( '/close' ) )?.data
		).toMatchObject( { outcome: 'called_back' } );
		expect( panel.textContent ).toContain( 'Called back' );
	} );
} );
