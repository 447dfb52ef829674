/**
 * The delivery log: each delivery's status, event, connection, attempts and the receiver's
 * answer; redelivery of one that failed; the filters asked of the server.
 */
import type { View } from '@wordpress/dataviews';

import App from '../App';
import { deliveryFilters, FIRST_VIEW } from '../components/DeliveryLog';
import { button, click, logRows, mount, settle, unmount } from './dom';
import { CRM, HELP_DESK, delivery } from './fixtures';
import { serve } from './server';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

afterEach( unmount );

const FAILED = delivery( {} );
const SENT = delivery( {
	id: 6,
	connection_id: HELP_DESK.id,
	kind: 'email',
	event: 'ticket.created',
	status: 'sent',
	attempts: 1,
	response_code: null,
	response_excerpt: '',
	error: '',
} );
const GONE = delivery( {
	id: 5,
	connection_id: 'conn_dddddddddddd',
	status: 'sent',
	attempts: 2,
	response_code: 200,
	response_excerpt: 'ok',
	error: '',
} );

async function open() {
	const server = {
		connections: [ HELP_DESK, CRM ],
		deliveries: [ FAILED, SENT, GONE ],
	};
	const requests = serve( server );
	mount( <App /> );
	await settle();
	return requests;
}

function logRequests( requests: ReturnType< typeof serve > ): string[] {
	return requests
		.filter( ( r ) => r.path.startsWith( '/handoff-bot/v1/deliveries?' ) )
		.map( ( r ) => r.path );
}

describe( 'the delivery log', () => {
	it( 'shows each delivery’s status, event, connection, attempts and the receiver’s answer', async () => {
		const requests = await open();
		expect( logRequests( requests ) ).toEqual( [
			'/handoff-bot/v1/deliveries?page=1&per_page=20',
		] );
		const rows = logRows();
		expect( rows ).toHaveLength( 3 );
		expect( rows[ 0 ] ).toContain( 'Failed' );
		expect( rows[ 0 ] ).toContain( 'Handoff requested' );
		expect( rows[ 0 ] ).toContain( 'HB-00042' );
		expect( rows[ 0 ] ).toContain( 'Our CRM' );
		expect( rows[ 0 ] ).toContain( '8 of 8' );
		expect( rows[ 0 ] ).toContain( 'HTTP 500' );
		expect( rows[ 0 ] ).toContain( 'receiver error 500' );
		expect( rows[ 1 ] ).toContain( 'Sent' );
		expect( rows[ 1 ] ).toContain( 'Ticket created' );
		expect( rows[ 1 ] ).toContain( 'Help desk' );
		expect( rows[ 1 ] ).toContain( 'Accepted' );
		expect( rows[ 2 ] ).toContain(
			'Deleted connection (conn_dddddddddddd)'
		);
	} );

	it( 'redelivers a failed delivery, which then waits as pending', async () => {
		const requests = await open();
		click(
			button( 'Redeliver “Handoff requested” to Our CRM (delivery 7)' )
		);
		await settle();
		expect( requests.filter( ( r ) => r.method === 'POST' ) ).toEqual( [
			{ method: 'POST', path: '/handoff-bot/v1/deliveries/7/redeliver' },
		] );
		expect( logRows()[ 0 ] ).toContain( 'Pending' );
		expect( logRows()[ 0 ] ).toContain( '0 of 8' );
		expect( document.body.textContent ).toContain(
			'“Handoff requested” to Our CRM is being sent again, under the same delivery ID.'
		);
		// A pending delivery cannot be redelivered until its attempt is made.
		expect(
			button(
				'Redeliver “Handoff requested” to Our CRM (delivery 7)'
			).getAttribute( 'aria-disabled' )
		).toBe( 'true' );
	} );

	it( 'shows one connection’s deliveries on request', async () => {
		const requests = await open();
		click( button( 'Deliveries to Our CRM' ) );
		await settle();
		expect( logRequests( requests ) ).toContain(
			`/handoff-bot/v1/deliveries?connection=${ CRM.id }&page=1&per_page=20`
		);
		expect( logRows() ).toHaveLength( 1 );
		expect( logRows()[ 0 ] ).toContain( 'Our CRM' );
	} );

	it( 'asks the server for the status and connection filtered', () => {
		const view: View = {
			...FIRST_VIEW,
			filters: [
				{ field: 'status', operator: 'is', value: 'failed' },
				{ field: 'connection_id', operator: 'is', value: CRM.id },
			],
		};
		expect( deliveryFilters( view ) ).toEqual( {
			status: 'failed',
			connection: CRM.id,
		} );
		expect(
			deliveryFilters( {
				...FIRST_VIEW,
				filters: [
					{ field: 'status', operator: 'is', value: 'nonsense' },
				],
			} )
		).toEqual( {} );
	} );
} );
