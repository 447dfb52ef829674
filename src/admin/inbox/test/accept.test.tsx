/**
 * Taking a handoff: accepting it opens the chat with its brief beside it, and an accept that comes
 * second is refused with a message naming who already has the visitor.
 */
import App from '../App';
import {
	answerWith,
	query,
	restError,
	type Request,
} from '../../../shared/test/api-mock';
import {
	focused,
	button,
	click,
	field,
	mount,
	openRow,
	queryButton,
	settle,
	transcript,
	unmount,
} from './dom';
import { ALEX, REFUND, SETTINGS, SHIPPING, accepted, detail } from './fixtures';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

function serve( accept: () => unknown ) {
	return answerWith( ( request: Request ) => {
		const { path, method } = request;
		if ( path.startsWith( '/handoff-bot/v1/handoffs?' ) ) {
			return query( request ).get( 'view' ) === 'queue'
				? { json: [ REFUND, SHIPPING ], total: 2 }
				: { json: [], total: 0 };
		}
		if ( path === '/handoff-bot/v1/handoffs/11' ) {
			return detail();
		}
		if (
			path === '/handoff-bot/v1/handoffs/11/accept' &&
			method === 'POST'
		) {
			return accept();
		}
		if ( path === '/handoff-bot/v1/handoffs/teams' ) {
			return { teams: [], agents: [] };
		}
		if ( path === '/handoff-bot/v1/agents/me/presence' ) {
			return { status: 'available', online: true, last_seen: null };
		}
		throw new Error( `Unexpected ${ method } ${ path }` );
	} );
}

function chat(): HTMLElement {
	return document.querySelector( '.handoff-bot-inbox__chat' ) as HTMLElement;
}

function headerButton( name: string ): HTMLButtonElement {
	const found = Array.from(
		chat().querySelectorAll< HTMLButtonElement >( 'header button' )
	).find( ( b ) => b.textContent?.trim() === name );
	if ( ! found ) {
		throw new Error( `No “${ name }” in the chat's header.` );
	}
	return found;
}

afterEach( unmount );

describe( 'accepting a handoff', () => {
	it( 'opens the chat with the brief: summary first, then what the bot knew, then the transcript with its sources', async () => {
		const requests = serve( () => accepted() );
		mount( <App settings={ SETTINGS } /> );
		await settle();

		// The queue's own Accept on the row.
		const row = Array.from(
			document.querySelectorAll( '.dataviews-view-list [role="row"]' )
		).find( ( r ) =>
			r.textContent?.includes( 'double charge' )
		) as HTMLElement;
		const accept = Array.from( row.querySelectorAll( 'button' ) ).find(
			( b ) => b.textContent === 'Accept'
		) as HTMLButtonElement;
		click( accept );
		await settle();

		expect( requests ).toContainEqual( {
			method: 'POST',
			path: '/handoff-bot/v1/handoffs/11/accept',
		} );
		const panel = chat();
		expect( panel.querySelector( 'h2' )?.textContent ).toBe(
			'Wants a refund for a double charge'
		);
		expect( panel.textContent ).toContain(
			'You are helping this visitor.'
		);
		// The Accept button is gone: the focus waits in the reply box.
		expect( focused() ).toBe( field( 'Reply to the visitor' ) );

		const brief = panel.querySelector( 'aside' ) as HTMLElement;
		const summary = Array.from(
			brief.querySelectorAll( 'ul.handoff-bot-inbox__summary li' )
		).map( ( li ) => li.textContent );
		expect( summary ).toEqual( [
			'Wants a refund for a double charge',
			'Order 1234, charged twice on 28 February',
			'The refund policy answer did not help',
		] );
		const facts = Object.fromEntries(
			Array.from( brief.querySelectorAll( 'dl div' ) ).map( ( d ) => [
				d.querySelector( 'dt' )?.textContent,
				d.querySelector( 'dd' )?.textContent,
			] )
		);
		expect( facts ).toMatchObject( {
			Intent: 'Refund (score 82%)',
			'Bot confidence': '41%',
			Reason: 'Frustration',
			Trigger: 'The bot',
			Turn: '3',
			Language: 'en',
			Name: 'Jane Doe',
			Email: 'jane@example.test',
			Plan: 'Pro',
			'Order number': '1234',
		} );
		expect( facts[ 'Current page' ] ).toContain(
			'https://shop.test/checkout'
		);
		const links = Array.from( brief.querySelectorAll( 'a' ) ).map( ( a ) =>
			a.getAttribute( 'href' )
		);
		expect( links ).toEqual(
			expect.arrayContaining( [
				'https://shop.test/checkout',
				'https://shop.test/orders/1234',
				'https://shop.test/refunds',
				'https://shop.test/billing-faq',
			] )
		);
		// A page address that is not a web address stays text.
		expect( links ).not.toContain( 'javascript:alert(1)' );
		expect( brief.textContent ).toContain( 'Odd page' );
		expect( brief.textContent ).toMatch( /Refund policy\W*\(cited\)/ );
		expect( brief.textContent ).toMatch(
			/Billing FAQ\W*\(tried, not cited\)/
		);
		expect( brief.textContent ).toContain( '90% — missing: form answers' );

		expect( transcript() ).toEqual( [
			'Visitor: I was charged twice for order 1234.',
			'Bot: Refunds take 5 to 7 days.',
			'Visitor: This did not help, I want a person.',
		] );
		const botSource = panel.querySelector(
			'[role="log"] .handoff-bot-inbox__citations a'
		);
		expect( botSource?.getAttribute( 'href' ) ).toBe(
			'https://shop.test/refunds'
		);
		// Held now: the reply box and the actions are there.
		expect( field( 'Reply to the visitor' ) ).toBeTruthy();
		expect( headerButton( 'Resolve…' ) ).toBeTruthy();
		// It moved to the agent's own list.
		expect( button( 'Mine' ).getAttribute( 'aria-pressed' ) ).toBe(
			'true'
		);
	} );

	it( 'says who already has the visitor when someone accepted first', async () => {
		serve( () => {
			throw restError(
				'handoff_bot_already_accepted',
				'Alex is already helping this visitor.',
				{ status: 409, agent: ALEX }
			);
		} );
		mount( <App settings={ SETTINGS } /> );
		await settle();

		openRow( 'double charge' );
		await settle();
		expect( chat().querySelector( 'aside' ) ).not.toBeNull();
		expect( () => field( 'Reply to the visitor' ) ).toThrow();

		click( headerButton( 'Accept' ) );
		await settle();

		const notice = chat().querySelector( '.components-notice' );
		expect( notice?.textContent ).toContain(
			'Alex is already helping this visitor.'
		);
		expect( () => field( 'Reply to the visitor' ) ).toThrow();
		expect( queryButton( 'Resolve…' ) ).toBeUndefined();
	} );
} );
