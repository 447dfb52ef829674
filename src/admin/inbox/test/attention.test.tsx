/**
 * Staying reachable: the presence heartbeat every 30 seconds with the available/away switch, the
 * queue checked every 5 seconds, and a notification for a new handoff only once the agent turned
 * alerts on; the count of waiting handoffs in the page title and the menu's bubble.
 */
import App from '../App';
import { answerWith, query, type Request } from '../../../shared/test/api-mock';
import { button, click, field, mount, unmount, wait } from './dom';
import { REFUND, SETTINGS, SHIPPING } from './fixtures';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

const shown: { title: string; body: string }[] = [];

class FakeNotification {
	static permission: NotificationPermission = 'default';
	static requestPermission = jest.fn( async () => {
		FakeNotification.permission = 'granted';
		return FakeNotification.permission;
	} );
	onclick: ( () => void ) | null = null;
	constructor( title: string, options: { body: string } ) {
		shown.push( { title, body: options.body } );
	}
	close() {}
}

function serve( queue: () => ( typeof REFUND )[] ) {
	return answerWith( ( request: Request ) => {
		const { path } = request;
		if ( path.startsWith( '/handoff-bot/v1/handoffs?' ) ) {
			const handoffs =
				query( request ).get( 'view' ) === 'queue' ? queue() : [];
			return { json: handoffs, total: handoffs.length };
		}
		if ( path === '/handoff-bot/v1/handoffs/teams' ) {
			return { teams: [], agents: [] };
		}
		if ( path === '/handoff-bot/v1/agents/me/presence' ) {
			const status =
				( request.data as { status?: string } | undefined )?.status ??
				'available';
			return { status, online: true, last_seen: null };
		}
		throw new Error( `Unexpected ${ request.method } ${ path }` );
	} );
}

function menu(): HTMLElement {
	const item = document.createElement( 'li' );
	item.id = 'toplevel_page_handoff-bot-inbox';
	item.innerHTML =
		'Inbox <span class="awaiting-mod count-0"><span class="pending-count">0</span></span>';
	document.body.appendChild( item );
	return item;
}

beforeEach( () => {
	jest.useFakeTimers();
	shown.length = 0;
	FakeNotification.permission = 'default';
	window.localStorage.clear();
	document.title = 'Inbox ‹ Shop — WordPress';
	Object.defineProperty( window, 'Notification', {
		configurable: true,
		writable: true,
		value: FakeNotification,
	} );
} );

afterEach( () => {
	unmount();
	jest.useRealTimers();
} );

describe( 'presence', () => {
	it( 'beats every 30 seconds while open, and sends away when the agent switches', async () => {
		const requests = serve( () => [] );
		mount( <App settings={ SETTINGS } /> );
		await wait( 0 );
		const beats = () =>
			requests.filter(
				( r ) =>
					r.method === 'POST' &&
					r.path === '/handoff-bot/v1/agents/me/presence'
			);
		expect( beats() ).toHaveLength( 1 );

		await wait( 29000 );
		expect( beats() ).toHaveLength( 1 );
		await wait( 1000 );
		expect( beats() ).toHaveLength( 2 );

		const available = field( 'Available for chats' );
		expect( available.checked ).toBe( true );
		click( available );
		await wait( 0 );
		expect( beats().at( -1 )?.data ).toEqual( { status: 'away' } );
		expect( field( 'Available for chats' ).checked ).toBe( false );
	} );
} );

describe( 'new handoffs', () => {
	it( 'notifies only after the agent enabled notifications, and counts the waiting in the title and menu', async () => {
		let queue = [ REFUND ];
		serve( () => queue );
		const item = menu();
		mount( <App settings={ SETTINGS } /> );
		await wait( 0 );
		expect( document.title ).toBe( '(1) Inbox ‹ Shop — WordPress' );
		expect( item.querySelector( '.pending-count' )?.textContent ).toBe(
			'1'
		);

		// A new handoff before alerts are on: counted, not announced.
		queue = [ REFUND, SHIPPING ];
		await wait( 5000 );
		expect( document.title ).toBe( '(2) Inbox ‹ Shop — WordPress' );
		expect( item.querySelector( '.awaiting-mod' )?.className ).toBe(
			'awaiting-mod count-2'
		);
		expect( shown ).toEqual( [] );

		click( button( 'Enable notifications' ) );
		await wait( 0 );
		expect( FakeNotification.requestPermission ).toHaveBeenCalled();

		const third = { ...SHIPPING, id: 13, headline: 'Cannot log in' };
		queue = [ REFUND, SHIPPING, third ];
		await wait( 5000 );
		expect( shown ).toEqual( [
			{
				title: 'A visitor is waiting for a person',
				body: 'Cannot log in',
			},
		] );

		// Nobody waits any more: no count.
		queue = [];
		await wait( 5000 );
		expect( document.title ).toBe( 'Inbox ‹ Shop — WordPress' );
		expect( item.querySelector( '.awaiting-mod' )?.className ).toBe(
			'awaiting-mod count-0'
		);
	} );
} );
