/**
 * The inbox opened from a link (`&handoff=N`, as notification emails and the report build it)
 * opens that handoff's chat with its brief; an address without one, or with a malformed one,
 * opens none.
 */
import App from '../App';
import { handoffFromSearch, inboxLink } from '../links';
import { answerWith, type Request } from '../../../shared/test/api-mock';
import { mount, settle, unmount } from './dom';
import { REFUND, SETTINGS, detail } from './fixtures';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

function serve() {
	return answerWith( ( request: Request ) => {
		const { path, method } = request;
		if ( path.startsWith( '/handoff-bot/v1/handoffs?' ) ) {
			return { json: [], total: 0 };
		}
		if ( path === `/handoff-bot/v1/handoffs/${ REFUND.id }` ) {
			return detail();
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

afterEach( () => {
	unmount();
	window.history.replaceState( null, '', '/' );
} );

describe( 'links to the inbox', () => {
	it( 'reads the handoff of an address, and refuses anything but a positive number', () => {
		expect(
			handoffFromSearch( '?page=handoff-bot-inbox&handoff=11' )
		).toBe( 11 );
		expect( handoffFromSearch( '?page=handoff-bot-inbox' ) ).toBeNull();
		expect( handoffFromSearch( '?handoff=0' ) ).toBeNull();
		expect( handoffFromSearch( '?handoff=-3' ) ).toBeNull();
		expect( handoffFromSearch( '?handoff=11abc' ) ).toBeNull();
		expect( inboxLink( 42 ) ).toBe(
			'admin.php?page=handoff-bot-inbox&handoff=42'
		);
	} );

	it( 'opens the handoff the address names, with its brief', async () => {
		window.history.replaceState(
			null,
			'',
			`/wp-admin/admin.php?page=handoff-bot-inbox&handoff=${ REFUND.id }`
		);
		const requests = serve();
		mount( <App settings={ SETTINGS } /> );
		await settle();
		expect( requests.map( ( r ) => r.path ) ).toContain(
			`/handoff-bot/v1/handoffs/${ REFUND.id }`
		);
		const chat = document.querySelector(
			'.handoff-bot-inbox__chat'
		) as HTMLElement;
		expect( chat.textContent ).toContain(
			'Wants a refund for a double charge'
		);
	} );

	it( 'opens no handoff without one in the address', async () => {
		window.history.replaceState(
			null,
			'',
			'/wp-admin/admin.php?page=handoff-bot-inbox'
		);
		const requests = serve();
		mount( <App settings={ SETTINGS } /> );
		await settle();
		expect( requests.map( ( r ) => r.path ) ).not.toContain(
			`/handoff-bot/v1/handoffs/${ REFUND.id }`
		);
		expect( document.body.textContent ).toContain(
			'Choose a handoff to see its brief and the conversation.'
		);
	} );
} );
