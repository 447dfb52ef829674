/**
 * The report's alerts and reviews against a mocked REST API: an address with `?alert=ID` opens
 * that alert's investigation, whose steps drill down to their conversations; an alert is
 * dismissed, and focus goes back to it when its investigation closes; a refused alert setting is
 * explained under its field in the field's words; a checklist item is ticked (who and when shown),
 * also right after its note (the tick saved after the note); a sampled conversation is marked
 * reviewed the same way and opened with its brief; an item's target opens the review's month.
 */
import { act } from 'react';

import App from '../App';
import {
	answerWith,
	restError,
	type Request,
} from '../../../shared/test/api-mock';
import {
	button,
	click,
	description,
	field,
	mountAt,
	settle,
	type,
	unmount,
} from '../../../shared/test/dom';
import type {
	ReportAlert,
	ReportAlertDetail,
	Review,
	Samples,
} from '../../../shared/types/reports';
import { weekSummary } from './fixtures';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

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

const ALERT: ReportAlert = {
	id: 12,
	kind: 'topic_share',
	subject: 'refunds',
	direction: 'up',
	title: 'refunds takes 83.3 % of handoffs',
	period: { from: '2026-03-03', to: '2026-03-09' },
	figures: { current: 0.8333, previous: 0.25 },
	status: 'open',
	created_at: '2026-03-10 01:00:00',
	dismissed_at: null,
	dismissed_by: 0,
	link: '',
};

const DETAIL: ReportAlertDetail = {
	...ALERT,
	investigation: [
		{
			key: 'share',
			title: 'How much of the handoffs is it?',
			finding: 'refunds went from 25 % to 83.3 %.',
			data: {
				columns: [ 'Figure', 'Before', 'Now' ],
				kinds: [ 'text', 'by_row', 'by_row' ],
				row_kinds: [ 'share' ],
				rows: [ [ 'Share', 0.25, 0.8333 ] ],
			},
			drill_down: null,
		},
		{
			key: 'why',
			title: 'Why are its visitors handed over?',
			finding: 'Mostly missing knowledge or low confidence.',
			data: {
				columns: [ 'Reasons', 'Handoffs', 'Share' ],
				kinds: [ 'text', 'count', 'share' ],
				row_kinds: [],
				rows: [ [ 'Missing knowledge or low confidence', 4, 0.8 ] ],
			},
			drill_down: {
				period: 'custom',
				from: '2026-03-03',
				to: '2026-03-09',
				intent: 'refunds',
				reason: 'missing_knowledge',
			},
		},
	],
};

function review( id: string ): Review {
	return {
		review: id,
		cadence: id.includes( 'Q' ) ? 'quarterly' : 'monthly',
		period: {
			from: '2026-11-01',
			to: '2026-11-30',
			days: 30,
			start_utc: '',
			end_utc: '',
		},
		items: [
			{
				id: id.includes( 'Q' ) ? 'drift' : 'top_reasons',
				label: id.includes( 'Q' )
					? 'Read the drift by version.'
					: 'Read the top reason codes and how they moved.',
				target: id.includes( 'Q' ) ? 'drift' : 'reasons',
				done: false,
				note: '',
				completed_by: null,
				updated_at: null,
			},
		],
		done: 0,
		total: 1,
		changes: [],
	};
}

const SAMPLES: Samples = {
	period: {
		from: '2026-03-02',
		to: '2026-03-04',
		days: 3,
		start_utc: '',
		end_utc: '',
	},
	per_reason: 5,
	reasons: [
		{
			reason: 'user_requested',
			handoffs: 2,
			conversations: 2,
			successful: 1,
			failed: 1,
			sample: [
				{
					conversation_id: 7,
					handoff_id: 40,
					group: 'successful',
					status: 'closed',
					outcome: 'resolved',
					intent: 'refunds',
					topic: '',
					route: 'live',
					requested_at: '2026-03-03 15:05:00',
					review: null,
				},
			],
		},
	],
};

const ADA = { id: 1, name: 'Ada' };

/**
 * Serves the screen's requests; the first PUT to `held` waits until the test lets it answer.
 * @param held         A PUT to hold.
 * @param held.path    The path whose first PUT waits.
 * @param held.release Set here: lets that PUT answer.
 */
function serve( held?: { path: string; release?: () => void } ) {
	let holding = !! held;
	return answerWith( ( request: Request ) => {
		const { path, method } = request;
		if ( held && holding && method === 'PUT' && path === held.path ) {
			holding = false;
			const answer = reply( request );
			return new Promise( ( resolve ) => {
				held.release = () => resolve( answer );
			} );
		}
		return reply( request );
	} );
}

function reply( request: Request ): unknown {
	const { path, method } = request;
	if ( path.startsWith( '/handoff-bot/v1/reports/summary?' ) ) {
		return weekSummary();
	}
	if ( path.startsWith( '/handoff-bot/v1/reports/alerts?' ) ) {
		return { json: [ ALERT ], total: 1 };
	}
	if ( path === '/handoff-bot/v1/reports/alerts/12' ) {
		return DETAIL;
	}
	if ( path === '/handoff-bot/v1/reports/alerts/12/dismiss' ) {
		return { ...ALERT, status: 'dismissed' };
	}
	if ( path.startsWith( '/handoff-bot/v1/reports/conversations?' ) ) {
		return { json: [], total: 0 };
	}
	if ( path === '/handoff-bot/v1/settings' && method === 'GET' ) {
		return { answer_threshold: 0.3, alerts_topic_share: 0.4 };
	}
	if ( path === '/handoff-bot/v1/settings' ) {
		throw restError(
			'rest_invalid_param',
			'Invalid parameter(s): alerts_topic_share',
			{
				status: 400,
				params: {
					alerts_topic_share:
						'alerts_topic_share must be between 0.05 (inclusive) and 1 (inclusive)',
				},
			}
		);
	}
	const item = path.match(
		/^\/handoff-bot\/v1\/reports\/reviews\/([^/]+)\/items\/(\w+)$/
	);
	if ( item && method === 'PUT' ) {
		const base = review( item[ 1 ] ?? '' ).items[ 0 ];
		return {
			...base,
			...( request.data as object ),
			completed_by: ADA,
			updated_at: '2026-12-01 10:00:00',
		};
	}
	const whole = path.match( /^\/handoff-bot\/v1\/reports\/reviews\/(.+)$/ );
	if ( whole ) {
		return review( decodeURIComponent( whole[ 1 ] ?? '' ) );
	}
	if ( path.startsWith( '/handoff-bot/v1/reports/samples?' ) ) {
		return SAMPLES;
	}
	if ( path === '/handoff-bot/v1/reports/samples/7' ) {
		return {
			conversation_id: 7,
			...( request.data as object ),
			reviewer: ADA,
			updated_at: '2026-12-01 10:00:00',
		};
	}
	if ( path.startsWith( '/handoff-bot/v1/reports/checkpoints?' ) ) {
		return { json: [], total: 0 };
	}
	if ( path === '/handoff-bot/v1/handoffs/40' ) {
		return new Promise( () => {} );
	}
	throw new Error( `Unexpected ${ method } ${ path }` );
}

/** Lets the screen redraw and run what it left for the next frame. */
async function frame() {
	await settle();
	await act( () => new Promise( ( resolve ) => setTimeout( resolve, 50 ) ) );
}

function blur( control: HTMLElement ) {
	act( () => {
		control.dispatchEvent(
			new FocusEvent( 'focusout', { bubbles: true } )
		);
	} );
}

function tab( name: string ) {
	const found = Array.from(
		document.querySelectorAll< HTMLButtonElement >( '[role="tab"]' )
	).find( ( b ) => b.textContent?.trim() === name );
	if ( ! found ) {
		throw new Error( `No tab ${ name }` );
	}
	click( found );
}

afterEach( () => {
	unmount();
	window.history.replaceState( null, '', '/' );
} );

describe( 'alerts on the report', () => {
	it( 'opens the investigation an address names, and drills down from a step', async () => {
		window.history.replaceState(
			null,
			'',
			'/wp-admin/admin.php?page=handoff-bot-report&alert=12'
		);
		const requests = serve();
		mountAt( <App />, 'handoff-bot-report-root' );
		await settle();
		expect( requests.map( ( r ) => r.path ) ).toContain(
			'/handoff-bot/v1/reports/alerts/12'
		);
		const investigation = document.querySelector(
			'.handoff-bot-report__investigation'
		) as HTMLElement;
		expect( investigation.querySelector( 'h2' )?.textContent ).toBe(
			'Investigation: refunds takes 83.3 % of handoffs'
		);
		const steps = Array.from(
			investigation.querySelectorAll( 'li h3' )
		).map( ( h ) => h.textContent );
		expect( steps ).toEqual( [
			'Step 1: How much of the handoffs is it?',
			'Step 2: Why are its visitors handed over?',
		] );
		expect(
			Array.from(
				investigation.querySelectorAll( '[data-step="why"] td' )
			).map( ( td ) => td.textContent )
		).toEqual( [ 'Missing knowledge or low confidence', '4', '80%' ] );
		expect(
			Array.from(
				investigation.querySelectorAll( '[data-step="share"] td' )
			).map( ( td ) => td.textContent )
		).toEqual( [ 'Share', '25%', '83.3%' ] );

		click(
			button(
				'View the conversations behind this step: Why are its visitors handed over?'
			)
		);
		await settle();
		expect( requests.at( -1 )?.path ).toBe(
			'/handoff-bot/v1/reports/conversations?period=custom&from=2026-03-03&to=2026-03-09&reason=missing_knowledge&intent=refunds&page=1&per_page=20'
		);
		expect( document.body.textContent ).toContain(
			'Conversations: Why are its visitors handed over? (0)'
		);
	} );

	it( 'lists the open alerts with why and when, and dismisses one', async () => {
		const requests = serve();
		mountAt( <App />, 'handoff-bot-report-root' );
		await settle();
		const item = document.querySelector( '[data-alert="12"]' );
		expect( item?.textContent ).toContain(
			'One topic took more than the share of handoffs set.'
		);
		expect( item?.textContent ).toContain(
			'Raised 2026-03-10 01:00:00 UTC'
		);
		click( button( 'Dismiss: refunds takes 83.3 % of handoffs' ) );
		await settle();
		expect( requests.at( -1 ) ).toEqual( {
			method: 'POST',
			path: '/handoff-bot/v1/reports/alerts/12/dismiss',
		} );
		expect( document.querySelector( '[data-alert="12"]' ) ).toBeNull();
		expect( document.body.textContent ).toContain( 'No open alerts.' );
	} );

	it( 'gives focus back to the alert after its investigation is closed', async () => {
		serve();
		mountAt( <App />, 'handoff-bot-report-root' );
		await settle();
		const investigate = button(
			'Investigate: refunds takes 83.3 % of handoffs'
		);
		investigate.focus();
		click( investigate );
		await frame();
		expect(
			document.querySelector( '.handoff-bot-report__investigation h2' )
				?.textContent
		).toBe( 'Investigation: refunds takes 83.3 % of handoffs' );
		click( button( 'Close the investigation' ) );
		await frame();
		expect(
			document.querySelector( '.handoff-bot-report__investigation' )
		).toBeNull();
		expect( investigate.ownerDocument.activeElement ).toBe( investigate );
	} );

	it( 'shows a refused alert setting under its field', async () => {
		serve();
		mountAt( <App />, 'handoff-bot-report-root' );
		await settle();
		click( button( 'Alert settings' ) );
		await settle();
		const share = field( 'One topic’s share of handoffs' );
		expect( share.value ).toBe( '0.4' );
		type( share, '3' );
		click( button( 'Save alert settings' ) );
		await settle();
		expect( description( share ) ).toBe(
			'One topic’s share of handoffs: enter a number from 0.05 to 1.'
		);
		expect( share.getAttribute( 'aria-invalid' ) ).toBe( 'true' );
		expect( document.body.textContent ).not.toContain( 'alerts_' );
		expect( document.body.textContent ).toContain(
			'The alert settings were not saved: correct the fields marked below.'
		);
	} );
} );

describe( 'the Reviews tab', () => {
	it( 'ticks a checklist item and shows who did it', async () => {
		const requests = serve();
		mountAt( <App />, 'handoff-bot-report-root' );
		await settle();
		tab( 'Reviews' );
		await settle();
		const month = field< HTMLSelectElement >( 'Monthly review' ).value;
		expect( month ).toMatch( /^\d{4}-\d{2}$/ );
		const box = field( 'Read the top reason codes and how they moved.' );
		await act( async () => box.click() );
		await settle();
		expect( requests.find( ( r ) => r.method === 'PUT' ) ).toEqual( {
			method: 'PUT',
			path: `/handoff-bot/v1/reports/reviews/${ month }/items/top_reasons`,
			data: { done: true, note: '' },
		} );
		const item = document.querySelector( '[data-item="top_reasons"]' );
		expect( item?.textContent ).toContain(
			'By Ada, 2026-12-01 10:00:00 UTC'
		);
		expect( box.checked ).toBe( true );
	} );

	it( 'marks a sampled conversation reviewed, and opens it with its brief', async () => {
		const requests = serve();
		mountAt( <App />, 'handoff-bot-report-root' );
		await settle();
		tab( 'Reviews' );
		await settle();
		expect( requests.map( ( r ) => r.path ) ).toContain(
			'/handoff-bot/v1/reports/samples?period=last_30_days'
		);
		const box = field( 'Reviewed conversation 7' );
		await act( async () => box.click() );
		await settle();
		expect( requests.at( -1 ) ).toEqual( {
			method: 'PUT',
			path: '/handoff-bot/v1/reports/samples/7',
			data: { reviewed: true, note: '' },
		} );
		expect( box.checked ).toBe( true );

		click( button( '#7: open the conversation with its brief' ) );
		await settle();
		expect( requests.at( -1 )?.path ).toBe( '/handoff-bot/v1/handoffs/40' );
		const inbox = document.querySelector< HTMLAnchorElement >(
			'.handoff-bot-report__conversation a'
		);
		expect( inbox?.textContent ).toBe( 'Open in inbox' );
		expect( inbox?.getAttribute( 'href' ) ).toBe(
			'admin.php?page=handoff-bot-inbox&handoff=40'
		);
	} );

	it( 'keeps the tick that follows a note, saved after the note', async () => {
		const held: { path: string; release?: () => void } = { path: '' };
		const requests = serve( held );
		mountAt( <App />, 'handoff-bot-report-root' );
		await settle();
		tab( 'Reviews' );
		await settle();
		const name = field< HTMLSelectElement >( 'Monthly review' ).value;
		held.path = `/handoff-bot/v1/reports/reviews/${ name }/items/top_reasons`;
		const label = 'Read the top reason codes and how they moved.';
		const note = field( `Note: ${ label }` );
		const box = field( label );
		type( note, 'Top three unchanged.' );
		// Leaving the note saves it; the click on the box lands while that save is out.
		blur( note );
		expect( box.disabled ).toBe( false );
		await act( async () => box.click() );
		expect( box.checked ).toBe( true );
		const puts = () => requests.filter( ( r ) => r.method === 'PUT' );
		// The tick waits for the note's save.
		expect( puts() ).toHaveLength( 1 );
		await act( async () => held.release?.() );
		await settle();
		expect( puts() ).toEqual( [
			{
				method: 'PUT',
				path: held.path,
				data: { done: false, note: 'Top three unchanged.' },
			},
			{
				method: 'PUT',
				path: held.path,
				data: { done: true, note: 'Top three unchanged.' },
			},
		] );
		expect( box.checked ).toBe( true );
		expect( note.value ).toBe( 'Top three unchanged.' );
		expect(
			document.querySelector( '[data-item="top_reasons"]' )?.textContent
		).toContain( 'By Ada, 2026-12-01 10:00:00 UTC' );
	} );

	it( 'keeps the review mark that follows a note on a sample', async () => {
		const held: { path: string; release?: () => void } = {
			path: '/handoff-bot/v1/reports/samples/7',
		};
		const requests = serve( held );
		mountAt( <App />, 'handoff-bot-report-root' );
		await settle();
		tab( 'Reviews' );
		await settle();
		const note = field( 'Note on conversation 7' );
		const box = field( 'Reviewed conversation 7' );
		type( note, 'Fine.' );
		blur( note );
		await act( async () => box.click() );
		const puts = () => requests.filter( ( r ) => r.method === 'PUT' );
		expect( puts() ).toHaveLength( 1 );
		await act( async () => held.release?.() );
		await settle();
		expect( puts().map( ( r ) => r.data ) ).toEqual( [
			{ reviewed: false, note: 'Fine.' },
			{ reviewed: true, note: 'Fine.' },
		] );
		expect( box.checked ).toBe( true );
	} );

	it( "opens a checklist item's target for the review's month", async () => {
		const requests = serve();
		mountAt( <App />, 'handoff-bot-report-root' );
		await settle();
		tab( 'Reviews' );
		await settle();
		const name = field< HTMLSelectElement >( 'Monthly review' ).value;
		click(
			button(
				'Open in the report: Read the top reason codes and how they moved.'
			)
		);
		await settle();
		expect(
			requests
				.filter( ( r ) =>
					r.path.startsWith( '/handoff-bot/v1/reports/summary?' )
				)
				.at( -1 )?.path
		).toBe(
			`/handoff-bot/v1/reports/summary?period=month&from=${ name }-01&compare=1`
		);
		expect( field< HTMLSelectElement >( 'Period' ).value ).toBe( 'month' );
		expect(
			document.querySelector( '[role="tab"][aria-selected="true"]' )
				?.textContent
		).toBe( 'Signals' );
	} );
} );
