/**
 * The Report screen against a mocked REST API: the summary asked for the chosen period (compared
 * with the previous one), a custom period refused before the server is asked, the headline
 * figures and their changes, the drill-down asking for the conversations behind a figure (kept on
 * its page while a conversation is open, focus given back on closing, every page in its CSV), and
 * each chart pointing to its table.
 */
import { act } from 'react';

import App from '../App';
import { answerWith, type Request } from '../../../shared/test/api-mock';
import {
	button,
	click,
	field,
	mountAt,
	queryButton,
	settle,
	type,
	unmount,
} from '../../../shared/test/dom';
import type { ReportConversation } from '../../../shared/types/reports';
import { downloadCsv } from '../csv';
import { weekSummary } from './fixtures';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

// The CSV is built as in the browser; only the saving is watched.
jest.mock( '../csv', () => ( {
	...jest.requireActual( '../csv' ),
	downloadCsv: jest.fn(),
} ) );

// jsdom draws no canvas: the charts stand in as their labelled image.
jest.mock( 'react-chartjs-2', () => {
	const { forwardRef } = jest.requireActual( 'react' );
	const Chart = forwardRef(
		(
			props: { 'aria-label': string; 'aria-describedby'?: string },
			ref: unknown
		) => (
			<canvas
				ref={ ref as never }
				role="img"
				aria-label={ props[ 'aria-label' ] }
				aria-describedby={ props[ 'aria-describedby' ] }
			/>
		)
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

/**
 * Serves the screen's requests.
 * @param total How many conversations are behind every figure (numbered 1 up, newest first).
 */
function serve( total = 1 ) {
	return answerWith( ( request: Request ) => {
		if ( request.path.startsWith( '/handoff-bot/v1/reports/summary?' ) ) {
			return weekSummary();
		}
		if (
			request.path.startsWith( '/handoff-bot/v1/reports/conversations?' )
		) {
			if ( total === 1 ) {
				return { json: [ ROW ], total: 1 };
			}
			const params = new URLSearchParams(
				request.path.split( '?' )[ 1 ]
			);
			const page = Number( params.get( 'page' ) );
			const perPage = Number( params.get( 'per_page' ) );
			const first = ( page - 1 ) * perPage + 1;
			const last = Math.min( total, page * perPage );
			const rows: ReportConversation[] = [];
			for ( let id = first; id <= last; id++ ) {
				rows.push( { ...ROW, conversation_id: id, handoff_id: id } );
			}
			return { json: rows, total };
		}
		if ( request.path.startsWith( '/handoff-bot/v1/handoffs/' ) ) {
			return new Promise( () => {} );
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
			'+2 (+100%) from the previous period'
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

	it( 'gives focus back to what opened a panel, and keeps the list on its page', async () => {
		const requests = serve( 45 );
		mountAt( <App />, 'handoff-bot-report-root' );
		await settle();
		const opener = button( 'View conversations: Asked for by the visitor' );
		opener.focus();
		click( opener );
		await frame();
		expect( document.body.textContent ).toContain(
			'Conversations: Asked for by the visitor (45)'
		);
		click( button( 'Next page' ) );
		await settle();
		expect( requests.at( -1 )?.path ).toContain( '&page=2&per_page=20' );
		const row = button( 'Conversation 21: open it with its brief' );
		row.focus();
		click( row );
		await frame();
		expect( queryButton( 'Conversation 21: open it with its brief' ) ).toBe(
			row
		);
		expect( row.closest( '[hidden]' ) ).not.toBeNull();

		click( button( 'Back to the list' ) );
		await frame();
		// The same page, without asking again, and focus on the row that was opened.
		expect( row.closest( '[hidden]' ) ).toBeNull();
		expect( requests.at( -1 )?.path ).toBe( '/handoff-bot/v1/handoffs/21' );
		expect( row.ownerDocument.activeElement ).toBe( row );

		click( button( 'Close' ) );
		await frame();
		expect( document.body.textContent ).not.toContain(
			'Conversations: Asked for by the visitor'
		);
		expect( opener.ownerDocument.activeElement ).toBe( opener );
	} );

	it( 'saves every conversation behind a figure as CSV, not only the page shown', async () => {
		const requests = serve( 230 );
		mountAt( <App />, 'handoff-bot-report-root' );
		await settle();
		click( button( 'View conversations: Asked for by the visitor' ) );
		await settle();
		const before = requests.length;
		click( button( 'Download all as CSV' ) );
		await settle();
		expect(
			requests
				.slice( before )
				.map( ( r ) => r.path.split( '&' ).slice( -2 ) )
		).toEqual( [
			[ 'page=1', 'per_page=100' ],
			[ 'page=2', 'per_page=100' ],
			[ 'page=3', 'per_page=100' ],
		] );
		const saved = ( downloadCsv as jest.Mock ).mock.calls.at( -1 );
		const lines = String( saved?.[ 1 ] ).trimEnd().split( '\r\n' );
		// A header, then all 230.
		expect( lines ).toHaveLength( 231 );
		expect( lines[ 1 ] ).toContain( 'Conversation 1,' );
		expect( lines[ 230 ] ).toContain( 'Conversation 230,' );
	} );

	it( "points each chart to its table, and names each chart's controls after it", async () => {
		serve();
		mountAt( <App />, 'handoff-bot-report-root' );
		await settle();
		const signals = Array.from(
			document.querySelectorAll< HTMLButtonElement >( '[role="tab"]' )
		).find( ( b ) => b.textContent?.trim() === 'Signals' );
		click( signals as HTMLButtonElement );
		await settle();
		const charts = Array.from(
			document.querySelectorAll( 'canvas[role="img"]' )
		);
		expect( charts.length ).toBeGreaterThan( 0 );
		for ( const chart of charts ) {
			const table = document.getElementById(
				chart.getAttribute( 'aria-describedby' ) ?? ''
			);
			expect( table?.tagName ).toBe( 'TABLE' );
			const title = table?.querySelector( 'caption' )?.textContent ?? '';
			expect( chart.getAttribute( 'aria-label' ) ).toBe(
				`Chart: ${ title }`
			);
			const block = chart.closest( '[data-block]' ) as HTMLElement;
			expect(
				block
					.querySelector( 'button[aria-label^="Download CSV"]' )
					?.getAttribute( 'aria-label' )
			).toBe( `Download CSV: ${ title }` );
			expect( block.querySelector( 'label' )?.textContent ).toBe(
				`Show as table: ${ title }`
			);
		}
	} );
} );

/** Lets the screen redraw and run what it left for the next frame. */
async function frame() {
	await settle();
	await act( () => new Promise( ( resolve ) => setTimeout( resolve, 50 ) ) );
}

function queryOpen() {
	return button( 'Conversation 6: open it with its brief' );
}
