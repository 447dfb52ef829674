/**
 * The lists: the queue with what each visitor wants, why and how long they waited; its filters
 * (team, reason and intent asked of the server, time waiting applied on screen); the Mine and
 * Recently closed lists; and the count of waiting handoffs in the page title and menu.
 */
import { act } from 'react';

import App from '../App';
import { answerWith, query, type Request } from '../../../shared/test/api-mock';
import { button, click, mount, rows, settle, unmount } from './dom';
import { ME, REFUND, SETTINGS, SHIPPING, summary } from './fixtures';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

const CLOSED = summary( {
	id: 20,
	status: 'resolved',
	outcome: 'duplicate',
	agent: ME,
	headline: 'Asked about an invoice address',
	resolved_at: '2025-03-01T08:00:00Z',
} );

function serve() {
	return answerWith( ( request: Request ) => {
		const { path } = request;
		if ( path.startsWith( '/handoff-bot/v1/handoffs?' ) ) {
			const q = query( request );
			if ( q.get( 'view' ) === 'mine' ) {
				return { json: [], total: 0 };
			}
			if ( q.get( 'view' ) === 'closed' ) {
				return { json: [ CLOSED ], total: 1 };
			}
			const reason = q.get( 'reason' );
			const waiting = [ REFUND, SHIPPING ].filter(
				( h ) => ! reason || h.reason === reason
			);
			return { json: waiting, total: waiting.length };
		}
		if ( path === '/handoff-bot/v1/handoffs/teams' ) {
			return {
				teams: [
					{ name: 'billing', label: 'Billing' },
					{ name: 'support', label: 'Support' },
				],
				agents: [],
			};
		}
		if ( path === '/handoff-bot/v1/agents/me/presence' ) {
			return { status: 'available', online: true, last_seen: null };
		}
		throw new Error( `Unexpected ${ request.method } ${ path }` );
	} );
}

function lists( requests: Request[] ): string[] {
	return requests
		.filter( ( r ) => r.path.startsWith( '/handoff-bot/v1/handoffs?' ) )
		.map( ( r ) => r.path );
}

/**
 * Chooses a filter's value as a person does: the filter's chip, then the option.
 * @param name   The filter's name on its chip.
 * @param option The option's label.
 */
async function chooseFilter( name: string, option: string ) {
	const chip = Array.from(
		document.querySelectorAll< HTMLElement >( '[role="button"]' )
	).find( ( el ) => el.textContent?.trim() === name );
	if ( ! chip ) {
		throw new Error( `No filter “${ name }”.` );
	}
	click( chip );
	await settle();
	const choice = Array.from(
		document.querySelectorAll< HTMLElement >( '[role="option"]' )
	).find( ( el ) => el.getAttribute( 'aria-label' ) === option );
	if ( ! choice ) {
		throw new Error( `No option “${ option }”.` );
	}
	await act( async () => choice.click() );
	await settle();
}

beforeEach( () => {
	document.title = 'Inbox ‹ Shop — WordPress';
} );
afterEach( unmount );

describe( 'the queue', () => {
	it( 'lists the waiting visitors with what they want, why, their team and how long they have waited', async () => {
		const requests = serve();
		mount( <App settings={ SETTINGS } /> );
		await settle();

		expect( lists( requests ) ).toContain(
			'/handoff-bot/v1/handoffs?view=queue&page=1&per_page=50'
		);
		const shown = rows();
		expect( shown ).toHaveLength( 2 );
		expect( shown[ 0 ] ).toContain( 'Wants a refund for a double charge' );
		expect( shown[ 0 ] ).toContain( 'Frustration' );
		expect( shown[ 0 ] ).toContain( 'Refund' );
		expect( shown[ 0 ] ).toContain( 'Billing' );
		expect( shown[ 0 ] ).toContain( '7 minutes' );
		expect( shown[ 1 ] ).toContain( 'Asks where the parcel is' );
		expect( shown[ 1 ] ).toContain( 'Asked for a person' );
		expect( shown[ 1 ] ).toContain( 'Under a minute' );
		// Both wait: the count is in the tab, the page title and the menu.
		expect( button( 'Queue (2)' ).getAttribute( 'aria-pressed' ) ).toBe(
			'true'
		);
		expect( document.title ).toBe( '(2) Inbox ‹ Shop — WordPress' );
	} );

	it( 'asks the server for the chosen reason and shows only what it returns', async () => {
		const requests = serve();
		mount( <App settings={ SETTINGS } /> );
		await settle();

		await chooseFilter( 'Reason', 'Asked for a person' );

		expect( lists( requests ) ).toContain(
			'/handoff-bot/v1/handoffs?view=queue&reason=user_requested&page=1&per_page=50'
		);
		const shown = rows();
		expect( shown ).toHaveLength( 1 );
		expect( shown[ 0 ] ).toContain( 'Asks where the parcel is' );
	} );

	it( 'filters by team with the teams’ names', async () => {
		const requests = serve();
		mount( <App settings={ SETTINGS } /> );
		await settle();

		await chooseFilter( 'Team', 'Support' );

		expect( lists( requests ) ).toContain(
			'/handoff-bot/v1/handoffs?view=queue&team=support&page=1&per_page=50'
		);
	} );

	it( 'keeps only the visitors who waited longer than the time chosen', async () => {
		serve();
		mount( <App settings={ SETTINGS } /> );
		await settle();

		await chooseFilter( 'Time waiting', 'Over 5 minutes' );

		const shown = rows();
		expect( shown ).toHaveLength( 1 );
		expect( shown[ 0 ] ).toContain( 'Wants a refund for a double charge' );
	} );

	it( 'shows the agent’s own chats and the recently closed ones', async () => {
		const requests = serve();
		mount( <App settings={ SETTINGS } /> );
		await settle();

		click( button( 'Mine' ) );
		await settle();
		expect( rows() ).toEqual( [] );
		expect( document.body.textContent ).toContain(
			'You have no open chats.'
		);

		click( button( 'Recently closed' ) );
		await settle();
		expect( lists( requests ) ).toContain(
			'/handoff-bot/v1/handoffs?view=closed&page=1&per_page=50'
		);
		const shown = rows();
		expect( shown ).toHaveLength( 1 );
		expect( shown[ 0 ] ).toContain( 'Asked about an invoice address' );
		expect( shown[ 0 ] ).toContain( 'Duplicate' );
		expect( shown[ 0 ] ).toContain( 'Sam Agent' );
	} );
} );
