/**
 * The Report screen against a mocked REST API: the summary asked for the chosen period (compared
 * with the previous one), a custom period refused before the server is asked, the headline
 * figures and their changes, and the drill-down asking for the conversations behind a figure.
 */
import { act } from 'react';

import App from '../App';
import { answerWith, type Request } from '../../../shared/test/api-mock';
import {
	button,
	click,
	field,
	mountAt,
	settle,
	type,
	unmount,
} from '../../../shared/test/dom';
import type { ReportConversation } from '../../../shared/types/reports';
import { weekSummary } from './fixtures';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

// jsdom draws no canvas: the charts stand in as their labelled image.
jest.mock( 'react-chartjs-2', () => {
	const Chart = ( props: { 'aria-label': string } ) => (
		<canvas role="img" aria-label={ props[ 'aria-label' ] } />
	);
	return { __esModule: true, Bar: Chart, Line: Chart };
} );

const ROW: ReportConversation = {
	conversation_id: 6,
	handoff_id: 4,
	reason: 'user_requested',
	trigger_type: 'user',
	intent: 'shipping',
	route: 'live',
	route_reason: 'live',
	team: '',
	status: 'resolved',
	outcome: 'resolved',
	tags: [],
	topic: '',
	turn: 1,
	config_version: 2,
	requested_at: '2026-03-03 12:01:00',
	conversation_started_at: '2026-03-03 12:00:00',
};

function serve() {
	return answerWith( ( request: Request ) => {
		if ( request.path.startsWith( '/handoff-bot/v1/reports/summary?' ) ) {
			return weekSummary();
		}
		if (
			request.path.startsWith( '/handoff-bot/v1/reports/conversations?' )
		) {
			return { json: [ ROW ], total: 1 };
		}
		if ( request.path.startsWith( '/handoff-bot/v1/reports/alerts?' ) ) {
			return { json: [], total: 0 };
		}
		throw new Error( `Unexpected ${ request.method } ${ request.path }` );
	} );
}

function select( control: HTMLSelectElement, value: string ) {
	act( () => {
		control.value = value;
		control.dispatchEvent( new Event( 'change', { bubbles: true } ) );
	} );
}

function figure( id: string ): string {
	return (
		document.querySelector( `[data-figure="${ id }"]` )?.textContent ?? ''
	);
}

afterEach( unmount );

describe( 'the report screen', () => {
	it( 'asks for the last 30 days compared with the previous period, and shows the change', async () => {
		const requests = serve();
		mountAt( <App />, 'handoff-bot-report-root' );
		await settle();
		expect( requests.map( ( r ) => r.path ) ).toEqual( [
			'/handoff-bot/v1/reports/summary?period=last_30_days&compare=1',
			'/handoff-bot/v1/reports/alerts?status=open&days=30&per_page=50',
		] );
		expect( document.body.textContent ).toContain(
			'Showing 2026-03-02 to 2026-03-04 (3 days), compared with 2026-02-27 to 2026-03-01 (3 days).'
		);
		expect( figure( 'escalation_rate' ) ).toContain( '50%' );
		expect( figure( 'escalation_rate' ) ).toContain(
			'+10 pts from the previous period'
		);
		expect( figure( 'handoffs' ) ).toContain(
			'+4 from the previous period'
		);
		expect( document.body.textContent ).toContain(
			'Lower the frustration threshold'
		);
		expect( document.body.textContent ).toContain(
			'Expected impact: More frustration handoffs'
		);
	} );

	it( 'asks again for another period, and refuses inverted custom days without asking', async () => {
		const requests = serve();
		mountAt( <App />, 'handoff-bot-report-root' );
		await settle();
		select( field< HTMLSelectElement >( 'Period' ), 'last_7_days' );
		await settle();
		expect( requests.at( -1 )?.path ).toBe(
			'/handoff-bot/v1/reports/summary?period=last_7_days&compare=1'
		);

		select( field< HTMLSelectElement >( 'Period' ), 'custom' );
		type( field( 'From' ), '2026-03-10' );
		type( field( 'To' ), '2026-03-01' );
		const before = requests.length;
		click( button( 'Show' ) );
		await settle();
		expect( requests ).toHaveLength( before );
		expect( document.querySelector( '[role="alert"]' )?.textContent ).toBe(
			'The last day must be on or after the first day.'
		);

		type( field( 'To' ), '2026-03-31' );
		click( button( 'Show' ) );
		await settle();
		expect( requests.at( -1 )?.path ).toBe(
			'/handoff-bot/v1/reports/summary?period=custom&from=2026-03-10&to=2026-03-31&compare=1'
		);
	} );

	it( 'lists the conversations behind a figure with its filter', async () => {
		const requests = serve();
		mountAt( <App />, 'handoff-bot-report-root' );
		await settle();
		click( button( 'View conversations: Asked for by the visitor' ) );
		await settle();
		expect( requests.at( -1 ) ).toEqual( {
			method: 'GET',
			path: '/handoff-bot/v1/reports/conversations?period=last_30_days&trigger=user&page=1&per_page=20',
			parse: false,
		} );
		expect( document.body.textContent ).toContain(
			'Conversations: Asked for by the visitor (1)'
		);
		expect( queryOpen() ).toBeDefined();
	} );
} );

function queryOpen() {
	return button( 'Open conversation 6 with its brief' );
}
