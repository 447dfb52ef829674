/**
 * The Connections screen against a stand-in of its REST routes: adding a webhook shows its secret
 * once, in a dialog with a copy button, and never again; a refused save puts each error beside
 * its field and focuses the first; a test shows the receiver's answer; edit, rotate and delete
 * ask first and send the change note; the team switch shows a team's connections.
 */
import { restError } from '../../../shared/test/api-mock';
import App from '../App';
import {
	button,
	choose,
	click,
	description,
	dialog,
	field,
	focused,
	listed,
	mount,
	queryButton,
	settle,
	type,
	unmount,
} from './dom';
import { CRM, HELP_DESK, SALES_SLACK, SECRET, delivery } from './fixtures';
import { serve, type ServerState } from './server';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

const writeText = jest.fn( async () => undefined );

beforeEach( () => {
	writeText.mockClear();
	Object.defineProperty( window.navigator, 'clipboard', {
		value: { writeText },
		configurable: true,
	} );
} );

afterEach( unmount );

function state( values: Partial< ServerState > = {} ): ServerState {
	return {
		connections: [ HELP_DESK, CRM ],
		deliveries: [],
		...values,
	};
}

async function open( server: ServerState ) {
	const requests = serve( server );
	mount( <App /> );
	await settle();
	return requests;
}

function writes( requests: ReturnType< typeof serve > ) {
	return requests.filter( ( r ) => r.method !== 'GET' );
}

describe( 'adding a webhook', () => {
	it( 'shows its secret once, with a copy button, then never again', async () => {
		const server = state();
		const requests = await open( server );

		click( button( 'Add a webhook' ) );
		expect( dialog().textContent ).toContain( 'Add a webhook' );
		type( field( 'Name' ), 'Warehouse' );
		type( field( 'Endpoint URL' ), 'https://warehouse.example.com/in' );
		click( field( 'Handoff accepted' ) );
		click( button( 'Add connection' ) );
		await settle();

		expect( writes( requests ) ).toEqual( [
			{
				method: 'POST',
				path: '/handoff-bot/v1/connections',
				data: {
					kind: 'webhook',
					label: 'Warehouse',
					target: 'https://warehouse.example.com/in',
					teams: [],
					events: [
						'handoff.requested',
						'handoff.resolved',
						'ticket.created',
						'callback.requested',
					],
					enabled: true,
				},
			},
		] );

		// The secret, with what to do about it.
		expect( dialog().textContent ).toContain(
			'Copy the signing secret now'
		);
		expect( dialog().textContent ).toContain( 'You won’t see it again' );
		expect( field( 'Signing secret' ).value ).toBe( SECRET );
		click( button( 'Copy' ) );
		await settle();
		expect( writeText ).toHaveBeenCalledWith( SECRET );
		expect( dialog().textContent ).toContain( 'Copied to the clipboard.' );

		click( button( 'I have copied it' ) );
		await settle();
		expect( document.querySelector( '[role="dialog"]' ) ).toBeNull();
		expect( listed() ).toContain( 'Warehouse' );
		expect( document.body.textContent ).toContain(
			'“Warehouse” was added.'
		);
		expect( document.body.innerHTML ).not.toContain( SECRET );

		// Editing it never shows a secret.
		click( button( 'Edit Warehouse' ) );
		expect( document.body.innerHTML ).not.toContain( SECRET );
	} );

	it( 'shows no secret for an email inbox', async () => {
		const server = state();
		await open( server );
		click( button( 'Add an email inbox' ) );
		type( field( 'Name' ), 'Sales inbox' );
		type( field( 'Inbox address' ), 'sales@example.com' );
		click( button( 'Add connection' ) );
		await settle();
		expect( document.querySelector( '[role="dialog"]' ) ).toBeNull();
		expect( listed() ).toContain( 'Sales inbox' );
	} );
} );

describe( 'a refused save', () => {
	it( 'puts each error beside its field, focuses the first, and keeps the dialog open', async () => {
		const server = state( {
			refuse: restError(
				'handoff_bot_invalid_connection',
				'Check these fields: target, events.',
				{
					status: 400,
					params: {
						target: 'Enter a full URL that starts with https://.',
						events: 'Choose at least one event to send.',
					},
				}
			),
		} );
		const requests = await open( server );
		click( button( 'Add a webhook' ) );
		type( field( 'Name' ), 'Warehouse' );
		type( field( 'Endpoint URL' ), 'warehouse.example.com' );
		click( button( 'Add connection' ) );
		await settle();

		const name = field( 'Name' );
		const url = field( 'Endpoint URL' );
		expect( name.getAttribute( 'aria-invalid' ) ).toBeNull();
		expect( url.getAttribute( 'aria-invalid' ) ).toBe( 'true' );
		expect( description( url ) ).toContain(
			'Enter a full URL that starts with https://.'
		);
		expect( focused() ).toBe( url );
		const event = field( 'Handoff requested' );
		expect( event.getAttribute( 'aria-invalid' ) ).toBe( 'true' );
		expect( description( event ) ).toBe(
			'Choose at least one event to send.'
		);
		expect( dialog().textContent ).toContain(
			'The connection was not saved.'
		);
		expect( listed() ).not.toContain( 'Warehouse' );

		// Correcting a field clears its error; the edits are kept.
		type( url, 'https://warehouse.example.com/in' );
		expect( url.getAttribute( 'aria-invalid' ) ).toBeNull();
		expect( field( 'Name' ).value ).toBe( 'Warehouse' );
		click( button( 'Add connection' ) );
		await settle();
		expect( writes( requests ) ).toHaveLength( 2 );
		expect( listed() ).toContain( 'Warehouse' );
	} );
} );

describe( 'a connection', () => {
	it( 'sends a test and shows the receiver’s answer', async () => {
		const server = state( {
			testAnswer: delivery( {
				id: 9,
				event: 'connection.test',
				handoff_id: 0,
				attempts: 1,
				max_attempts: 1,
				response_code: 401,
				response_excerpt: 'bad signature',
				error: 'The receiver answered with HTTP 401.',
			} ),
		} );
		const requests = await open( server );
		click( button( 'Send a test to Our CRM' ) );
		await settle();
		expect( writes( requests ) ).toEqual( [
			{
				method: 'POST',
				path: `/handoff-bot/v1/connections/${ CRM.id }/test`,
			},
		] );
		const item = document.querySelector(
			`[data-connection="${ CRM.id }"]`
		) as HTMLElement;
		expect( item.textContent ).toContain( 'The test failed: HTTP 401.' );
		expect( item.textContent ).toContain( 'bad signature' );
		// The log is read again, to show the test.
		expect(
			requests.filter( ( r ) =>
				r.path.startsWith( '/handoff-bot/v1/deliveries?' )
			)
		).toHaveLength( 2 );

		server.testAnswer = delivery( {
			id: 10,
			connection_id: HELP_DESK.id,
			kind: 'email',
			event: 'connection.test',
			status: 'sent',
			attempts: 1,
			response_code: null,
			response_excerpt: '',
			error: '',
		} );
		click( button( 'Send a test to Help desk' ) );
		await settle();
		const inbox = document.querySelector(
			`[data-connection="${ HELP_DESK.id }"]`
		) as HTMLElement;
		expect( inbox.textContent ).toContain( 'The test was sent: Accepted.' );
	} );

	it( 'is edited with a change note, and deleted after a confirmation', async () => {
		const server = state();
		const requests = await open( server );

		click( button( 'Edit Help desk' ) );
		expect( field( 'Inbox address' ).value ).toBe( 'support@example.com' );
		type( field( 'Name' ), 'Support inbox' );
		click( field( 'Send notifications' ) );
		type( field( 'Change note (optional)' ), 'Paused while we migrate.' );
		click( button( 'Save changes' ) );
		await settle();
		expect( writes( requests )[ 0 ] ).toEqual( {
			method: 'PUT',
			path: `/handoff-bot/v1/connections/${ HELP_DESK.id }`,
			data: {
				label: 'Support inbox',
				target: 'support@example.com',
				teams: [],
				events: [ 'handoff.requested', 'ticket.created' ],
				enabled: false,
				note: 'Paused while we migrate.',
			},
		} );
		expect( listed() ).toEqual( [ 'Support inbox', 'Our CRM' ] );

		click( button( 'Delete Support inbox' ) );
		expect( dialog().textContent ).toContain(
			'Delete email inbox “Support inbox”?'
		);
		// Cancel keeps it.
		click( button( 'Cancel' ) );
		expect( writes( requests ) ).toHaveLength( 1 );
		expect( listed() ).toContain( 'Support inbox' );

		click( button( 'Delete Support inbox' ) );
		click( button( 'Delete' ) );
		await settle();
		expect( writes( requests )[ 1 ] ).toEqual( {
			method: 'DELETE',
			path: `/handoff-bot/v1/connections/${ HELP_DESK.id }`,
			data: {},
		} );
		expect( listed() ).toEqual( [ 'Our CRM' ] );
		expect( document.body.textContent ).toContain(
			'“Support inbox” was deleted.'
		);
	} );

	it( 'rotates a webhook’s secret after a confirmation and shows the new one once', async () => {
		const server = state();
		const requests = await open( server );
		expect( queryButton( 'Rotate secret of Help desk' ) ).toBeUndefined();
		click( button( 'Rotate secret of Our CRM' ) );
		expect( dialog().textContent ).toContain( 'stops signing at once' );
		type( field( 'Change note (optional)' ), 'The old one leaked.' );
		click( button( 'Rotate secret' ) );
		await settle();
		expect( writes( requests ) ).toEqual( [
			{
				method: 'POST',
				path: `/handoff-bot/v1/connections/${ CRM.id }/rotate-secret`,
				data: { note: 'The old one leaked.' },
			},
		] );
		expect( field( 'Signing secret' ).value ).toBe( `${ SECRET }-2` );
		click( button( 'I have copied it' ) );
		expect( document.body.innerHTML ).not.toContain( SECRET );
	} );
} );

describe( 'the team switch', () => {
	it( 'shows a team’s connections and those for every team, and starts new ones with the team', async () => {
		await open( state( { connections: [ HELP_DESK, CRM, SALES_SLACK ] } ) );
		expect( listed() ).toEqual( [
			'Help desk',
			'Our CRM',
			'Sales channel',
		] );

		choose( field< HTMLSelectElement >( 'Show connections for' ), 'sales' );
		expect( listed() ).toEqual( [ 'Help desk', 'Sales channel' ] );

		click( button( 'Add an email inbox' ) );
		expect( field( 'Sales' ).checked ).toBe( true );
		expect( field( 'Billing' ).checked ).toBe( false );
	} );
} );
